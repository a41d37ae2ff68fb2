import type { Rule } from '../rule.js';
import { describe, nodesOf } from '../model/queries.js';
import { attributeValue } from '../model/attributes.js';

const RATINGS = ['adversary', 'harm'] as const;

/**
 * A risk with no `adversary` or no `harm`, written or inferred: the threat model has a hole.
 * Off by default; `warrant:ai-risk` turns it on. `data.suggest` holds the values the quick fix
 * inserts: the inferred one, else the one most risks of the document have, else the first declared.
 */
export const unratedRisk: Rule = {
  meta: {
    id: 'unrated-risk',
    description: 'A risk with no adversary or harm, written or inferred',
    defaultSeverity: 'off',
    tags: ['risks', 'threat-model'],
  },
  check(ctx) {
    const risks = nodesOf(ctx.model, 'risk');
    const common = (key: string): string | undefined => {
      const counts = new Map<string, number>();
      for (const { node } of risks) {
        const v = attributeValue(node, key)?.value;
        if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      let best: string | undefined;
      for (const [v, n] of counts) if (best === undefined || n > counts.get(best)!) best = v;
      return best ?? ctx.config.attributes[key]?.values[0];
    };
    for (const { node, index } of risks) {
      const missing = RATINGS.filter((k) => attributeValue(node, k) === undefined);
      if (missing.length === 0) continue;
      const suggest: Record<string, string> = {};
      for (const k of missing) {
        const v = common(k);
        if (v !== undefined) suggest[k] = v;
      }
      const choices = missing.map((k) => {
        const values = ctx.config.attributes[k]?.values ?? [];
        return `${k}=${values.length ? values.join('|') : '…'}`;
      });
      ctx.report({
        range: node.selectionRange,
        message: `${describe(node)} has no ${missing.join(' or ')}, written or inferred, so the threat model has a hole: add ${choices.join(' ')}`,
        data: { node: index, missing, suggest },
      });
    }
  },
};
