import type { Rule } from '../rule.js';

/** A relation to an id that exists nowhere: `[see the reply](#no-such-id)` from a tagged node, or `defends=other.md#gone`. */
export const danglingReference: Rule = {
  meta: {
    id: 'dangling-reference',
    description: 'A relation to an id that does not exist (in this file or the workspace)',
    defaultSeverity: 'error',
    tags: ['references'],
  },
  check(ctx) {
    for (const d of ctx.graph.dangling(ctx.model.uri)) {
      const target = `${d.relation.target.file ?? ''}#${d.relation.target.id}`;
      const message =
        d.reason === 'no-file'
          ? `\`${target}\` points to a file that does not exist: fix the path or remove the link`
          : d.relation.target.file
            ? `\`${target}\`: no node or heading has id \`${d.relation.target.id}\` in ${d.relation.target.file}: fix the id or add it there`
            : `\`${target}\`: no node or heading has this id: fix the id or tag the node it should reach`;
      ctx.report({ range: d.relation.range, message, data: { node: d.node, target: d.relation.target } });
    }
  },
};
