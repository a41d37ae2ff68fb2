import type { Rule } from '../rule.js';
import type { NodeHandle } from '../model/graph.js';
import { describe } from '../model/queries.js';

/** A supports B supports … A: the support never reaches outside the loop. Reported once per cycle. */
export const circularSupport: Rule = {
  meta: {
    id: 'circular-support',
    description: 'A supports B supports … A',
    defaultSeverity: 'warning',
    tags: ['structure'],
  },
  check(ctx) {
    const key = (h: NodeHandle): string => `${h.uri}#${h.index}`;
    const reported = new Set<string>();
    ctx.model.nodes.forEach((node, index) => {
      const startHandle: NodeHandle = { uri: ctx.model.uri, index };
      // Depth-first search for a path of supports edges leading back to the start.
      const path: NodeHandle[] = [];
      const seen = new Set<string>();
      const dfs = (h: NodeHandle): boolean => {
        for (const edge of ctx.graph.outgoing(h)) {
          if (edge.type !== 'supports' || edge.via === 'containment') continue;
          if (key(edge.to) === key(startHandle)) return true;
          if (seen.has(key(edge.to))) continue;
          seen.add(key(edge.to));
          path.push(edge.to);
          if (dfs(edge.to)) return true;
          path.pop();
        }
        return false;
      };
      if (!dfs(startHandle)) return;
      const cycle = [startHandle, ...path];
      const id = cycle.map(key).sort().join('|');
      if (reported.has(id)) return;
      reported.add(id);
      const names = cycle.map((h) => ctx.graph.node(h)).map((n) => (n ? describe(n) : '?'));
      const cited = cycle.some((h) => (ctx.graph.node(h)?.sources.length ?? 0) > 0);
      const advice = cited ? 'support should run one way: remove one of the links' : 'ground one of them in a source';
      ctx.report({
        range: node.selectionRange,
        message: `Circular support: ${[...names, names[0]].join(' → ')}: ${advice}`,
        related: cycle.slice(1).map((h) => ({ uri: h.uri, range: ctx.graph.node(h)!.selectionRange, message: describe(ctx.graph.node(h)!) })),
        data: { node: index },
      });
    });
  },
};
