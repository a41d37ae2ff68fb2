import type { Rule } from '../rule.js';
import { heuristicSentences } from '../model/sentences.js';
import { SHIPPED_MODEL, heuristicOptionsFor, uncitedMessage } from '../heuristics/index.js';

/**
 * Zero-annotation mode: a check-worthy sentence (statistic, research finding, attribution, dated
 * event, quotation, booster, causal generalisation) with no citation in reach. For
 * `Three in four labs skipped the audit.` with no link in its paragraph, the sentence is reported
 * as `Gives a number (“Three”) with no source in its paragraph: …`.
 *
 * Every finding carries the model's probability (`data.confidence`). Two tiers: from
 * `minConfidence` (default: the trained line where flag precision reached 0.5 on essays held out)
 * a finding has the rule's severity; below it, it is at most `hint`.
 */
export const uncitedAssertion: Rule = {
  meta: {
    id: 'uncited-assertion',
    description: 'Heuristic: a check-worthy sentence with no citation, with its reason and confidence',
    defaultSeverity: 'info',
    tags: ['heuristics', 'citations'],
    options: {
      citationScope: {
        type: 'string',
        default: undefined,
        enum: ['sentence', 'paragraph'],
        description: 'Where a citation must be to count: in the sentence, or anywhere in its paragraph (default: `heuristics.citationScope`, shipped as paragraph)',
      },
      minConfidence: {
        type: 'number',
        default: undefined,
        description: `The model's probability from which a finding has the rule's severity; below it, it is at most \`hint\` (default: the trained line, ${SHIPPED_MODEL.thresholds.info})`,
      },
    },
  },
  check(ctx) {
    const scope = ctx.options['citationScope'];
    const sentences = heuristicSentences(ctx.model, scope === 'sentence' || scope === 'paragraph' ? scope : undefined, ctx.embeddings);
    const min = ctx.options['minConfidence'];
    const line = typeof min === 'number' && min >= 0 && min <= 1 ? min : SHIPPED_MODEL.thresholds.info;
    const annotated = ctx.model.nodes.length > 0;
    const effectiveScope = scope === 'sentence' || scope === 'paragraph' ? scope : heuristicOptionsFor(ctx.model.config.heuristics).options.citationScope;
    for (const s of sentences) {
      if (!s.needsCitation || s.cited) continue;
      const tier = s.score >= line ? 'info' : 'hint';
      ctx.report({
        range: s.range,
        message: uncitedMessage(s.reasons, s.seen, { scope: effectiveScope, annotated }),
        data: { score: s.score, confidence: s.score, tier, reasons: s.reasons, seen: s.seen },
        ...(tier === 'hint' ? { maxSeverity: 'hint' as const } : {}),
      });
    }
  },
};
