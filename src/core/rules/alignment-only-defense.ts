import type { Rule } from '../rule.js';
import { describe, nodesOf } from '../model/queries.js';
import { attributeValue } from '../model/attributes.js';
import { linkedDefenses, STRONG_ADVERSARIES } from '../model/threat.js';

/**
 * The seed essay's thesis as a rule: a risk whose adversary is skilled or well-resourced and whose
 * every rated defense sits at the model layer (alignment, RLHF, refusals). Model alignment does
 * not hold against such an adversary. At most `info` when it rests on an inferred value.
 */
export const alignmentOnlyDefense: Rule = {
  meta: {
    id: 'alignment-only-defense',
    description: 'A risk from a skilled or well-resourced adversary defended only by model alignment',
    defaultSeverity: 'warning',
    tags: ['risks', 'defenses', 'threat-model'],
  },
  check(ctx) {
    for (const { node, index } of nodesOf(ctx.model, 'risk')) {
      const adversary = attributeValue(node, 'adversary');
      if (!adversary || !STRONG_ADVERSARIES.has(adversary.value)) continue;
      const defenses = linkedDefenses(ctx.graph, { uri: ctx.model.uri, index });
      const model = defenses.filter((d) => d.layer?.value === 'model');
      // Any rated defense elsewhere than the model layer answers the thesis; unrated ones do not.
      if (model.length === 0 || defenses.some((d) => d.layer && d.layer.value !== 'model')) continue;
      const inferred = [
        ...(adversary.inferred ? [`adversary inferred from "${adversary.inferred}"`] : []),
        ...model.filter((d) => d.layer?.inferred).map((d) => `${d.node.id ? `\`${d.node.id}\`` : 'a defense'}'s layer inferred from "${d.layer!.inferred}"`),
      ];
      const short = (t: string): string => (t.length > 40 ? `${t.slice(0, 39).trimEnd()}…` : t);
      const names = model.map((d) => (d.node.id ? `\`${d.node.id}\`` : `"${short(d.node.text)}"`)).join(', ');
      ctx.report({
        range: node.selectionRange,
        message:
          `${describe(node)} faces a ${adversary.value} adversary but is defended only by model alignment (${names}), which does not hold against that adversary` +
          `${inferred.length ? ` (${inferred.join('; ')})` : ''}: add a product- or ecosystem-layer defense, or rate the adversary lower with a reason`,
        related: model.map((d) => ({ uri: d.handle.uri, range: d.node.selectionRange, message: `Model-layer defense${d.layer?.inferred ? ` (inferred from "${d.layer.inferred}")` : ''}` })),
        data: { node: index, adversary: adversary.value, inferred: inferred.length > 0 },
        ...(inferred.length ? { maxSeverity: 'info' as const } : {}),
      });
    }
  },
};
