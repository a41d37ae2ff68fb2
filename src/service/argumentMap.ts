/**
 * `warrant/argumentMap`: the argument graph for the editor's map and its export. Everything comes
 * from core: the graph and its export and serialisers (`core/export/graph.ts`, what
 * `warrant graph` prints) and each node's status from `summarizeNode` (what hovers show). This
 * file only names files, turns offsets into LSP ranges and picks the format.
 */
import { exportGraph, toAif, toDot, toMermaid, type GraphExport } from '../core/export/graph.js';
import type { DocumentModel } from '../core/model/analyze.js';
import type { NodeHandle } from '../core/model/graph.js';
import { summarizeNode } from '../core/model/status.js';
import { countTypes, describeTypes } from '../core/sources/kinds.js';
import type { ArgumentMapFormat, ArgumentMapNode, ArgumentMapParams, ArgumentMapResult, ArgumentMapRange } from './protocol.js';
import type { ServiceContext } from './types.js';

/**
 * The map of `params.uri` (its nodes, plus the nodes of other files its edges reach) or of every
 * Markdown file of the workspace. `folders` are the workspace folder URIs: files under one are
 * named by their relative path (`essays/replies.md`) in the DOT clusters and the export.
 */
export function getArgumentMap(ctx: ServiceContext, params: ArgumentMapParams, folders: readonly string[]): ArgumentMapResult {
  // Analyse the whole workspace first: a defense in a file nobody opened still backs a claim.
  const all = [...ctx.index.all()];
  const docs = params.uri === undefined ? all : [ctx.index.get(params.uri)].filter((d) => d !== undefined);
  const graph = ctx.graph();
  const models = docs.map((d) => graph.model(d.uri)).filter((m): m is DocumentModel => m !== undefined);
  const handles = new Map<string, NodeHandle>();
  const data = exportGraph(graph, models, (uri) => displayName(uri, folders), handles);
  const nodes: ArgumentMapNode[] = [];
  for (const n of data.nodes) {
    const h = handles.get(n.key);
    const model = h && graph.model(h.uri);
    const node = h && model?.nodes[h.index];
    if (!h || !model || !node) continue;
    nodes.push({
      key: n.key,
      id: n.id,
      kind: n.kind,
      baseKind: n.baseKind,
      label: n.text,
      uri: h.uri,
      range: model.lineIndex.toRange(node.selectionRange) as ArgumentMapRange,
      status: summarizeNode(graph, h)?.status ?? '',
      external: n.external,
      evidence: describeTypes(countTypes(node.sources)),
    });
  }
  const edges = data.edges.map((e) => ({ from: e.from, to: e.to, type: e.type, via: e.via }));
  const dot = toDot(data);
  return params.format ? { nodes, edges, dot, text: serialise(data, params.format, dot) } : { nodes, edges, dot };
}

function serialise(data: GraphExport, format: ArgumentMapFormat, dot: string): string {
  switch (format) {
    case 'dot':
      return dot;
    case 'mermaid':
      return toMermaid(data);
    case 'json':
      return JSON.stringify(data, null, 2) + '\n';
    case 'aif':
      return JSON.stringify(toAif(data), null, 2) + '\n';
  }
}

/** `file:///ws/essays/a%20b.md` under `file:///ws` → `essays/a b.md`; outside every folder, the path. */
export function displayName(uri: string, folders: readonly string[]): string {
  for (const folder of folders) {
    const base = folder.endsWith('/') ? folder : folder + '/';
    if (uri.startsWith(base)) return safeDecode(uri.slice(base.length));
  }
  return uri.startsWith('file://') ? safeDecode(new URL(uri).pathname) : uri;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
