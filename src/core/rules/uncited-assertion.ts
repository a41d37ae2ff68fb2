import type { Rule } from '../rule.js';
import { heuristicSentences } from '../model/sentences.js';
import { uncitedMessage } from '../heuristics/index.js';

/**
 * Zero-annotation mode: a check-worthy sentence (statistic, research finding, attribution, dated
 * event, quotation, booster, causal generalisation) with no citation in reach. For
 * `Three in four labs skipped the audit.` with no link in its paragraph, the sentence is reported
 * as `Statistic with no citation: …`.
 */
export const uncitedAssertion: Rule = {
  meta: {
    id: 'uncited-assertion',
    description: 'Heuristic: a check-worthy sentence with no citation, with its reason',
    defaultSeverity: 'info',
    tags: ['heuristics', 'citations'],
    options: {
      citationScope: {
        type: 'string',
        default: undefined,
        enum: ['sentence', 'paragraph'],
        description: 'Where a citation must be to count: in the sentence, or anywhere in its paragraph (default: `heuristics.citationScope`, shipped as paragraph)',
      },
    },
  },
  check(ctx) {
    const scope = ctx.options['citationScope'];
    const sentences = heuristicSentences(ctx.model, scope === 'sentence' || scope === 'paragraph' ? scope : undefined, ctx.embeddings);
    for (const s of sentences) {
      if (!s.needsCitation || s.cited) continue;
      ctx.report({ range: s.range, message: uncitedMessage(s.reasons), data: { score: s.score, reasons: s.reasons } });
    }
  },
};
