import type { Rule } from '../rule.js';

/** Two nodes with one id: `<!-- claim #x -->` twice, or an explicit `#x` equal to a heading's slug. */
export const duplicateId: Rule = {
  meta: {
    id: 'duplicate-id',
    description: 'Two nodes with one id',
    defaultSeverity: 'error',
    tags: ['references'],
  },
  check(ctx) {
    for (const dup of ctx.model.duplicateIds) {
      const line = ctx.model.lineIndex.positionAt(dup.first.start).line + 1;
      ctx.report({
        range: dup.range,
        message: `Id \`${dup.id}\` is already used on line ${line}: give this node another id`,
        related: [{ uri: ctx.model.uri, range: dup.first, message: `First use of \`${dup.id}\`` }],
      });
    }
  },
};
