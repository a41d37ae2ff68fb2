import type { ArgNode } from './types.js';
import type { DocumentModel } from './analyze.js';
import { baseOf, type BaseKind } from '../config/vocabulary.js';
import type { RuleContext } from '../rule.js';

/** Nodes of the document whose kind behaves like `base`, with their index. */
export function nodesOf(model: DocumentModel, base: BaseKind): { node: ArgNode; index: number }[] {
  const out: { node: ArgNode; index: number }[] = [];
  model.nodes.forEach((node, index) => {
    if (baseOf(model.config.vocabulary, node.kind) === base) out.push({ node, index });
  });
  return out;
}

/** `Claim \`toxicity\``, or `Claim "Alignment is no defense…"` for anonymous nodes. */
export function describe(node: ArgNode): string {
  const kind = node.kind.charAt(0).toUpperCase() + node.kind.slice(1);
  if (node.id && node.explicitId) return `${kind} \`${node.id}\``;
  const text = node.text.length > 60 ? node.text.slice(0, 57).trimEnd() + '…' : node.text;
  return text ? `${kind} "${text}"` : kind;
}

/** Base kinds of the nodes at the other end of `node`'s incoming edges of the given types. */
export function incomingKinds(ctx: RuleContext, index: number, types: readonly string[]): BaseKind[] {
  return ctx.graph
    .incoming({ uri: ctx.model.uri, index })
    .filter((e) => types.includes(e.type))
    .map((e) => ctx.graph.node(e.from))
    .filter((n): n is ArgNode => !!n)
    .map((n) => baseOf(ctx.model.config.vocabulary, n.kind));
}
