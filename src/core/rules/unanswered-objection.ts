import type { Rule } from '../rule.js';
import { describe, incomingKinds, nodesOf } from '../model/queries.js';

/** An objection no defense answers: `**Objection:** …` with no reply under it or linked to it. */
export const unansweredObjection: Rule = {
  meta: {
    id: 'unanswered-objection',
    description: 'An objection no defense answers',
    defaultSeverity: 'warning',
    tags: ['objections', 'defenses'],
  },
  check(ctx) {
    for (const { node, index } of nodesOf(ctx.model, 'objection')) {
      if (incomingKinds(ctx, index, ['defends']).includes('defense')) continue;
      ctx.report({
        range: node.selectionRange,
        message: `${describe(node)} is never answered: add a reply that defends against it`,
        data: { node: index },
      });
    }
  },
};
