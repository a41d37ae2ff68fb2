/**
 * Who backs and who attacks a node, read from core's `ArgumentGraph` (edges across the
 * workspace) and turned into the documents and nodes the features render.
 */
import type { ArgumentGraph, Edge, NodeHandle } from '../core/model/graph.js';
import { describeSummary, summarizeNode, type NodeSummary } from '../core/model/status.js';
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
  readonly summary: NodeSummary | undefined;
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

/** Sources, support, defenses and objections of a node, from core's `summarizeNode` (what `warrant claims` shows too). */
export function backing(graph: ArgumentGraph, index: DocumentIndex, at: NodeAt): Backing {
  const summary = summarizeNode(graph, handle(at));
  const nodes = (edges: readonly Edge[], end: 'from' | 'to' = 'from'): NodeAt[] => {
    const seen = new Set<string>();
    const out: NodeAt[] = [];
    for (const e of edges) {
      const h = e[end];
      const k = `${h.uri}\u0000${h.index}`;
      if (seen.has(k)) continue;
      seen.add(k);
      const n = nodeOf(index, h);
      if (n) out.push(n);
    }
    return out;
  };
  if (!summary) return { sources: at.node.sources, support: [], defenses: [], objections: [], summary: undefined };
  return {
    sources: at.node.sources,
    support: nodes([...summary.evidence, ...summary.supportingClaims]),
    defenses: nodes(summary.defenses),
    objections: nodes(summary.objections).map((o) => ({ at: o, answered: graph.incoming(handle(o)).some((e) => e.type === 'defends') })),
    summary,
  };
}

/** "2 sources · 1 defense · 1 objection · 1 unanswered": core's wording, shared with `warrant claims`. */
export function statusLine(b: Backing): string {
  return b.summary ? describeSummary(b.summary) : `${b.sources.length} source${b.sources.length === 1 ? '' : 's'}`;
}
