import type { Rule } from '../rule.js';
import { describe, incomingKinds, nodesOf } from '../model/queries.js';

/** A risk no defense (mitigation) is linked to: `<!-- risk #x -->` with no `defends=#x` anywhere. */
export const unmitigatedRisk: Rule = {
  meta: {
    id: 'unmitigated-risk',
    description: 'A risk with no linked defense',
    defaultSeverity: 'warning',
    tags: ['risks', 'defenses'],
  },
  check(ctx) {
    for (const { node, index } of nodesOf(ctx.model, 'risk')) {
      if (incomingKinds(ctx, index, ['defends']).includes('defense')) continue;
      ctx.report({
        range: node.selectionRange,
        message: `${describe(node)} has no linked mitigation: add a defense that defends it`,
        data: { node: index },
      });
    }
  },
};
