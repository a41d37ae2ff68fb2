import type { Rule } from '../rule.js';
import { describe, nodesOf } from '../model/queries.js';

/**
 * A claim with no citation in its scope, no linked evidence or defense, and no supporting claim
 * that is itself grounded (two uncited claims leaning on each other are both reported).
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
      // Grounded: a source, linked evidence or defense, or a grounded claim supporting it.
      if (ctx.graph.isGrounded({ uri: ctx.model.uri, index })) continue;
      ctx.report({
        range: node.selectionRange,
        message: `${describe(node)} has no citation and no linked defense or evidence: cite a source or link a defense`,
        data: { node: index },
      });
    }
  },
};
