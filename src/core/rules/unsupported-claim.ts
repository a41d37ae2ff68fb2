import type { Rule } from './types.js';
import { describe, incomingKinds, nodesOf } from './helpers.js';

/**
 * A claim with no citation in its scope and no linked evidence, defense or supporting claim.
 * For `### Claim 2: X` whose section has no links, the heading text is reported.
 */
export const unsupportedClaim: Rule = {
  meta: {
    id: 'unsupported-claim',
    description: 'A claim with no citation and no linked defense or evidence',
    defaultSeverity: 'warning',
    tags: ['claims', 'citations'],
  },
  check(ctx) {
    for (const { node, index } of nodesOf(ctx.model, 'claim')) {
      if (node.sources.length > 0) continue;
      const backing = incomingKinds(ctx, index, ['supports', 'defends']);
      if (backing.some((k) => k === 'evidence' || k === 'defense' || k === 'claim')) continue;
      ctx.report({
        range: node.selectionRange,
        message: `${describe(node)} has no citation and no linked defense or evidence: cite a source or link a defense`,
        data: { node: index },
      });
    }
  },
};
