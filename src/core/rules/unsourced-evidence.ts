import type { Rule } from '../rule.js';
import { describe, nodesOf } from '../model/queries.js';

/** Evidence with no citation: data or a study offered without saying where it comes from. */
export const unsourcedEvidence: Rule = {
  meta: {
    id: 'unsourced-evidence',
    description: 'Evidence with no citation',
    defaultSeverity: 'warning',
    tags: ['evidence', 'citations'],
  },
  check(ctx) {
    for (const { node, index } of nodesOf(ctx.model, 'evidence')) {
      if (node.sources.length > 0) continue;
      ctx.report({
        range: node.selectionRange,
        message: `${describe(node)} cites no source: add a link, footnote or citation`,
        data: { node: index },
      });
    }
  },
};
