import type { Rule } from '../rule.js';
import type { ArgumentGraph, NodeHandle } from '../model/graph.js';
import { describe } from '../model/queries.js';

const key = (h: NodeHandle): string => `${h.uri}#${h.index}`;

/** Where `supports` edges lead from a node (containment is structure, not an argument). */
function supported(graph: ArgumentGraph, h: NodeHandle): NodeHandle[] {
  return graph.outgoing(h).filter((e) => e.type === 'supports' && e.via !== 'containment').map((e) => e.to);
}

/**
 * Strongly connected components of the support graph reachable from `starts`, as node key →
 * component number (Tarjan's algorithm with an explicit stack: a chain of thousands of claims
 * must not overflow the call stack). Only a node in a component of two or more can be on a cycle.
 */
function components(graph: ArgumentGraph, starts: readonly NodeHandle[]): { of: Map<string, number>; size: Map<number, number> } {
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const of = new Map<string, number>();
  const size = new Map<number, number>();
  let counter = 0;
  for (const start of starts) {
    if (order.has(key(start))) continue;
    const frames: { h: NodeHandle; k: string; next: NodeHandle[]; i: number }[] = [];
    const open = (h: NodeHandle): void => {
      const k = key(h);
      order.set(k, counter);
      low.set(k, counter++);
      stack.push(k);
      onStack.add(k);
      frames.push({ h, k, next: supported(graph, h), i: 0 });
    };
    open(start);
    while (frames.length) {
      const f = frames[frames.length - 1]!;
      if (f.i < f.next.length) {
        const to = f.next[f.i++]!;
        const tk = key(to);
        if (!order.has(tk)) open(to);
        else if (onStack.has(tk)) low.set(f.k, Math.min(low.get(f.k)!, order.get(tk)!));
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.k, Math.min(low.get(parent.k)!, low.get(f.k)!));
      if (low.get(f.k) !== order.get(f.k)) continue;
      const id = size.size;
      let n = 0;
      for (;;) {
        const k = stack.pop()!;
        onStack.delete(k);
        of.set(k, id);
        n++;
        if (k === f.k) break;
      }
      size.set(id, n);
    }
  }
  return { of, size };
}

/**
 * A path of supports edges from `start` back to it, depth first in edge order, staying inside
 * `start`'s component (nothing outside it leads back). Iterative for the same reason as above.
 */
function cycleThrough(graph: ArgumentGraph, start: NodeHandle, inComponent: (h: NodeHandle) => boolean): NodeHandle[] | undefined {
  const startKey = key(start);
  const seen = new Set<string>();
  const path: NodeHandle[] = [];
  const frames: { next: NodeHandle[]; i: number }[] = [{ next: supported(graph, start), i: 0 }];
  while (frames.length) {
    const f = frames[frames.length - 1]!;
    if (f.i >= f.next.length) {
      frames.pop();
      path.pop();
      continue;
    }
    const to = f.next[f.i++]!;
    const k = key(to);
    if (k === startKey) return [start, ...path];
    if (seen.has(k) || !inComponent(to)) continue;
    seen.add(k);
    path.push(to);
    frames.push({ next: supported(graph, to), i: 0 });
  }
  return undefined;
}

/** A loop of more nodes than this is named by its first and last few (every node is in `related`). */
export const MAX_NAMED_IN_LOOP = 8;

/**
 * `A → B → C → A`; a longer loop `A → B → C → D → … (N more) → Y → Z → A`. A ring of thousands
 * of claims must not make a message thousands of names long: the stylish table pads every row to
 * its longest message, so one such message made the output grow with the square of the ring.
 */
function loopText(cycle: readonly NodeHandle[], name: (h: NodeHandle) => string): string {
  const shown = cycle.length <= MAX_NAMED_IN_LOOP ? cycle.map(name) : [...cycle.slice(0, 4).map(name), `… (${(cycle.length - 6).toLocaleString('en-US')} more)`, ...cycle.slice(-2).map(name)];
  return [...shown, name(cycle[0]!)].join(' → ');
}

/** A supports B supports … A: the support never reaches outside the loop. Reported once per cycle. */
export const circularSupport: Rule = {
  meta: {
    id: 'circular-support',
    description: 'A supports B supports … A',
    defaultSeverity: 'warning',
    tags: ['structure'],
  },
  check(ctx) {
    const handles = ctx.model.nodes.map((_, index): NodeHandle => ({ uri: ctx.model.uri, index }));
    const { of, size } = components(ctx.graph, handles);
    const reported = new Set<string>();
    // A node on a cycle already reported would mostly find that cycle again; skipping it keeps one
    // big loop linear rather than one search per node.
    const onReported = new Set<string>();
    ctx.model.nodes.forEach((node, index) => {
      const startHandle = handles[index]!;
      const component = of.get(key(startHandle));
      if (component === undefined || (size.get(component) ?? 0) < 2 || onReported.has(key(startHandle))) return;
      const cycle = cycleThrough(ctx.graph, startHandle, (h) => of.get(key(h)) === component);
      if (!cycle) return;
      const id = cycle.map(key).sort().join('|');
      if (reported.has(id)) return;
      reported.add(id);
      for (const h of cycle) onReported.add(key(h));
      const name = (h: NodeHandle): string => {
        const n = ctx.graph.node(h);
        return n ? describe(n) : '?';
      };
      const cited = cycle.some((h) => (ctx.graph.node(h)?.sources.length ?? 0) > 0);
      const advice = cited ? 'support should run one way: remove one of the links' : 'ground one of them in a source';
      ctx.report({
        range: node.selectionRange,
        message: `Circular support: ${loopText(cycle, name)}: ${advice}`,
        related: cycle.slice(1).map((h) => ({ uri: h.uri, range: ctx.graph.node(h)!.selectionRange, message: describe(ctx.graph.node(h)!) })),
        data: { node: index },
      });
    });
  },
};
