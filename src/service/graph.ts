/**
 * Who backs and who attacks a node, read from core's `ArgumentGraph` (edges across the
 * workspace) and turned into the documents and nodes the features render.
 */
import type { ArgumentGraph, NodeHandle } from '../core/model/graph.js';
import type { ArgNode, NodeRef, Source } from '../core/model/types.js';
import { resolveUri } from '../core/workspace.js';
import type { AnalyzedDocument, DocumentIndex } from './types.js';

export interface NodeAt {
  readonly doc: AnalyzedDocument;
  readonly node: ArgNode;
  readonly index: number;
}

/** `other.md#x` from `file:///a/essay.md` → `file:///a/other.md`; same document when no file. */
export function targetUri(fromUri: string, ref: NodeRef): string | undefined {
  return ref.file ? resolveUri(fromUri, ref.file) : fromUri;
}

export function findNode(index: DocumentIndex, uri: string, id: string): NodeAt | undefined {
  const doc = index.get(uri);
  if (!doc) return undefined;
  const i = doc.model.nodes.findIndex((n) => n.id === id);
  return i < 0 ? undefined : { doc, node: doc.model.nodes[i]!, index: i };
}

export interface Backing {
  readonly sources: readonly Source[];
  /** Evidence and other nodes that support this one. */
  readonly support: readonly NodeAt[];
  readonly defenses: readonly NodeAt[];
  readonly objections: readonly { readonly at: NodeAt; readonly answered: boolean }[];
}

const handle = (at: NodeAt): NodeHandle => ({ uri: at.doc.uri, index: at.index });

export function nodeOf(index: DocumentIndex, h: NodeHandle): NodeAt | undefined {
  const doc = index.get(h.uri);
  const node = doc?.model.nodes[h.index];
  return doc && node ? { doc, node, index: h.index } : undefined;
}

/** Every node related to `at` by an edge either way (for "already linked" checks). */
export function relatedNodes(graph: ArgumentGraph, index: DocumentIndex, at: NodeAt): NodeAt[] {
  const h = handle(at);
  return [...graph.incoming(h).map((e) => e.from), ...graph.outgoing(h).map((e) => e.to)]
    .map((x) => nodeOf(index, x))
    .filter((x): x is NodeAt => x !== undefined);
}

export function backing(graph: ArgumentGraph, index: DocumentIndex, at: NodeAt): Backing {
  const incoming = graph.incoming(handle(at));
  const from = (type: string): NodeAt[] => {
    const seen = new Set<string>();
    const out: NodeAt[] = [];
    for (const e of incoming) {
      if (e.type !== type) continue;
      const k = `${e.from.uri}\u0000${e.from.index}`;
      if (seen.has(k)) continue;
      seen.add(k);
      const n = nodeOf(index, e.from);
      if (n) out.push(n);
    }
    return out;
  };
  return {
    sources: at.node.sources,
    support: from('supports'),
    defenses: from('defends'),
    objections: from('attacks').map((o) => ({ at: o, answered: graph.incoming(handle(o)).some((e) => e.type === 'defends') })),
  };
}

/** "2 sources · 1 defense · 1 unanswered objection" (empty parts left out; "no sources" when nothing). */
export function statusLine(b: Backing): string {
  const plural = (n: number, one: string, many = one + 's') => `${n} ${n === 1 ? one : many}`;
  const parts: string[] = [];
  parts.push(b.sources.length === 0 ? 'no sources' : plural(b.sources.length, 'source'));
  const evidence = b.support.filter((n) => n.doc.baseKindOf(n.node.kind) === 'evidence').length;
  const otherSupport = b.support.length - evidence;
  if (evidence) parts.push(plural(evidence, 'evidence', 'evidence'));
  if (otherSupport) parts.push(plural(otherSupport, 'supporting claim'));
  if (b.defenses.length) parts.push(plural(b.defenses.length, 'defense'));
  const unanswered = b.objections.filter((o) => !o.answered).length;
  const answered = b.objections.length - unanswered;
  if (answered) parts.push(plural(answered, 'answered objection'));
  if (unanswered) parts.push(plural(unanswered, 'unanswered objection'));
  return parts.join(' · ');
}
