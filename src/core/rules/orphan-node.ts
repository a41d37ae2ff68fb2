import type { Rule } from '../rule.js';
import { describe, nodesOf } from '../model/queries.js';

/** Evidence or a defense that supports or defends nothing: it sits outside any claim and links nowhere. */
export const orphanNode: Rule = {
  meta: {
    id: 'orphan-node',
    description: 'Evidence or a defense that relates to nothing',
    defaultSeverity: 'info',
    tags: ['structure'],
  },
  check(ctx) {
    for (const base of ['evidence', 'defense'] as const) {
      for (const { node, index } of nodesOf(ctx.model, base)) {
        const out = ctx.graph.outgoing({ uri: ctx.model.uri, index });
        if (out.length > 0) continue;
        const verb = base === 'evidence' ? 'supports' : 'defends';
        ctx.report({
          range: node.selectionRange,
          message: `${describe(node)} ${verb} nothing: place it under a claim or link the claim it ${verb}`,
          data: { node: index },
        });
      }
    }
  },
};
