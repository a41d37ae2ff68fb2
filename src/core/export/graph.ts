/**
 * The argument graph as data for other tools: Warrant's own JSON, Mermaid, Graphviz DOT, and AIF
 * (the Argument Interchange Format, as the OVA3 editor saves it). Pure: it takes the engine's
 * graph and the models to show, and returns strings; the CLI renders DOT to SVG.
 */
import { baseOf } from '../config/vocabulary.js';
import { exportedAttributes } from '../model/attributes.js';
import type { DocumentModel } from '../model/analyze.js';
import type { ArgumentGraph, EdgeType, NodeHandle } from '../model/graph.js';
import { summarizeNode } from '../model/status.js';

/** `warrant graph -f json` (documented in docs/cli.md). */
export interface GraphExport {
  readonly version: 1;
  readonly nodes: readonly GraphExportNode[];
  readonly edges: readonly GraphExportEdge[];
}

export interface GraphExportNode {
  /** `n1`, `n2`…: unique in this export, stable for the same input. */
  readonly key: string;
  /** The file as the caller names it (relative path for the CLI). */
  readonly file: string;
  /** 1-based line and column of the node's text (for a heading, the heading). */
  readonly line: number;
  readonly column: number;
  /** The kind as written (`thesis`) and the base kind it counts as (`claim`). */
  readonly kind: string;
  readonly baseKind: string;
  /** Explicit `#id` or heading slug; `null` for anonymous nodes. */
  readonly id: string | null;
  readonly text: string;
  /** How many citations back it directly. */
  readonly sources: number;
  /** Every attribute, written or inferred; `inferred` names the cue of each inferred one. */
  readonly attributes: Readonly<Record<string, string>>;
  readonly inferred: Readonly<Record<string, string>>;
  /** `true` for nodes of files that were not asked for but that a relation reaches. */
  readonly external: boolean;
}

export interface GraphExportEdge {
  readonly from: string;
  readonly to: string;
  readonly type: EdgeType;
  /** How the relation is written: a link, containment in a tagged section, or an attribute. */
  readonly via: string;
  readonly file: string;
  readonly line: number;
}

/**
 * Build the export. `models` come first in the given order (the files asked for); nodes of other
 * files that edges reach follow, marked `external`. `handles`, when given, receives each key's
 * node handle (the editor's map uses it to read statuses and reveal the node's text).
 */
export function exportGraph(
  graph: ArgumentGraph,
  models: readonly DocumentModel[],
  name: (uri: string) => string,
  handles?: Map<string, NodeHandle>,
): GraphExport {
  const keys = new Map<string, string>();
  const nodes: GraphExportNode[] = [];
  const edgesRaw = graph.allEdges();
  const wanted = new Set(models.map((m) => m.uri));
  const addModel = (model: DocumentModel, external: boolean, only?: ReadonlySet<number>): void => {
    model.nodes.forEach((node, index) => {
      const handle = `${index}\u0000${model.uri}`;
      if (keys.has(handle) || (only && !only.has(index))) return;
      const key = `n${nodes.length + 1}`;
      keys.set(handle, key);
      handles?.set(key, { uri: model.uri, index });
      const pos = model.lineIndex.positionAt(node.selectionRange.start);
      nodes.push({
        key,
        file: name(model.uri),
        line: pos.line + 1,
        column: pos.character + 1,
        kind: node.kind,
        baseKind: baseOf(model.config.vocabulary, node.kind),
        id: node.id ?? null,
        text: node.text,
        sources: node.sources.length,
        ...exportedAttributes(node),
        external,
      });
    });
  };
  for (const model of models) addModel(model, false);
  // Ends of edges that touch the asked-for files but lie in other files.
  const outside = new Map<string, Set<number>>();
  for (const e of edgesRaw) {
    if (!wanted.has(e.from.uri) && !wanted.has(e.to.uri)) continue;
    for (const h of [e.from, e.to]) {
      if (wanted.has(h.uri)) continue;
      let set = outside.get(h.uri);
      if (!set) outside.set(h.uri, (set = new Set()));
      set.add(h.index);
    }
  }
  for (const uri of [...outside.keys()].sort()) {
    const model = graph.model(uri);
    if (model) addModel(model, true, outside.get(uri));
  }
  const edges: GraphExportEdge[] = [];
  for (const e of edgesRaw) {
    const from = keys.get(`${e.from.index}\u0000${e.from.uri}`);
    const to = keys.get(`${e.to.index}\u0000${e.to.uri}`);
    if (!from || !to) continue;
    const written = graph.model(e.writtenIn);
    edges.push({ from, to, type: e.type, via: e.via, file: name(e.writtenIn), line: written ? written.lineIndex.positionAt(e.range.start).line + 1 : 0 });
  }
  const order = new Map(nodes.map((n, i) => [n.key, i]));
  edges.sort((a, b) => order.get(a.from)! - order.get(b.from)! || order.get(a.to)! - order.get(b.to)! || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
  return { version: 1, nodes, edges };
}

function label(n: GraphExportNode, max = 80): string {
  const text = n.text.replace(/\s+/g, ' ').trim();
  const short = text.length > max ? text.slice(0, max - 1) + '…' : text;
  return `${n.kind[0]!.toUpperCase()}${n.kind.slice(1)}: ${short}`;
}

/** The threat-model line a map shows under a node: `layer: model?` (`?` = inferred), `adversary: skilled`. */
export function threatLine(n: Pick<GraphExportNode, 'baseKind' | 'attributes' | 'inferred'>): string {
  const keys = n.baseKind === 'defense' ? ['layer'] : n.baseKind === 'risk' ? ['adversary'] : [];
  return keys
    .filter((k) => n.attributes[k] !== undefined)
    .map((k) => `${k}: ${n.attributes[k]}${k in n.inferred ? '?' : ''}`)
    .join(' · ');
}

/** A defense's layer as a border: model dashed, product doubled, ecosystem bold. */
const LAYER_DOT: Readonly<Record<string, string>> = {
  model: 'style="rounded,filled,dashed", penwidth=2',
  product: 'peripheries=2',
  ecosystem: 'penwidth=3',
};

const COLORS: Readonly<Record<string, string>> = {
  claim: '#dbeafe',
  evidence: '#dcfce7',
  defense: '#ede9fe',
  objection: '#fee2e2',
  risk: '#ffedd5',
};

/** Mermaid `flowchart`: one subgraph per file; supports `-->`, attacks `-.->`, defends `==>`. */
export function toMermaid(g: GraphExport): string {
  const out = ['flowchart LR'];
  const esc = (s: string): string => s.replace(/"/g, '#quot;').replace(/[<>]/g, (c) => (c === '<' ? '#lt;' : '#gt;'));
  const files = [...new Set(g.nodes.map((n) => n.file))];
  files.forEach((file, i) => {
    out.push(`  subgraph f${i + 1}["${esc(file)}"]`);
    for (const n of g.nodes.filter((x) => x.file === file)) {
      const threat = threatLine(n);
      const text = esc(label(n)) + (threat ? `<br/>[${esc(threat)}]` : '');
      const shape = n.baseKind === 'evidence' ? `[("${text}")]` : n.baseKind === 'objection' ? `{{"${text}"}}` : n.baseKind === 'defense' ? `(["${text}"])` : `["${text}"]`;
      out.push(`    ${n.key}${shape}`);
    }
    out.push('  end');
  });
  const arrow = { supports: '-->', attacks: '-.->', defends: '==>' } as const;
  for (const e of g.edges) out.push(`  ${e.from} ${arrow[e.type]}|${e.type}| ${e.to}`);
  for (const [kind, color] of Object.entries(COLORS)) out.push(`  classDef ${kind} fill:${color},stroke:#334155`);
  for (const kind of Object.keys(COLORS)) {
    const members = g.nodes.filter((n) => n.baseKind === kind).map((n) => n.key);
    if (members.length) out.push(`  class ${members.join(',')} ${kind}`);
  }
  // A defense's layer as its border, as in the DOT map.
  const layerStyles: Readonly<Record<string, string>> = { model: 'stroke-dasharray:5 3,stroke-width:2px', product: 'stroke-width:4px', ecosystem: 'stroke-width:3px,stroke:#0f172a' };
  for (const [layer, style] of Object.entries(layerStyles)) {
    const members = g.nodes.filter((n) => n.baseKind === 'defense' && n.attributes['layer'] === layer).map((n) => n.key);
    if (members.length) out.push(`  classDef layer-${layer} ${style}`, `  class ${members.join(',')} layer-${layer}`);
  }
  return out.join('\n') + '\n';
}

/**
 * Most nodes a map is drawn with (Graphviz, by `warrant graph -f svg` and the report's maps).
 * Graphviz's layout grows much faster than the graph: a loop of 500 claims drew in 0.4 s, 1,000
 * in 1.7 s, 2,000 in 15 s and 4,000 in 65 s. A larger graph is exported, not drawn.
 */
export const MAX_DRAWN_NODES = 1000;

/** Statuses that mean "nobody backed this": a red border on every map (report, editor, `graph -f svg`). */
export const PROBLEM_STATUSES: ReadonlySet<string> = new Set(['unsupported', 'unmitigated', 'unanswered', 'unsourced']);

/** Each node key's engine status (`summarizeNode`), for the map's borders. */
export function nodeStatuses(graph: ArgumentGraph, handles: ReadonlyMap<string, NodeHandle>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, h] of handles) {
    const status = summarizeNode(graph, h)?.status;
    if (status) out.set(key, status);
  }
  return out;
}

export interface DotOptions {
  /** Node key → engine status: unbacked nodes (`PROBLEM_STATUSES`) get a red border. */
  readonly statuses?: ReadonlyMap<string, string>;
}

/** Graphviz DOT: one cluster per file, nodes coloured by kind, edges labelled by type. */
export function toDot(g: GraphExport, options: DotOptions = {}): string {
  const q = (s: string): string => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
  // Graphviz sizes boxes with Helvetica's metrics, but a viewer without Helvetica draws the text in
  // its own sans-serif, often wider: the SVG names fonts of Helvetica's widths first (Arial,
  // Liberation Sans, Nimbus Sans) and a condensed fallback, and the boxes keep a margin wide enough
  // for a font 20 % wider, so no label spills over its border.
  const out = [
    'digraph warrant {',
    '  rankdir=LR;',
    `  graph [fontname=${q(MAP_FONT)}, fontsize=12];`,
    `  node [shape=box, style="rounded,filled", fontname=${q(MAP_FONT)}, fontsize=11, margin="0.3,0.08"];`,
    `  edge [fontname=${q(MAP_FONT)}, fontsize=9];`,
  ];
  const files = [...new Set(g.nodes.map((n) => n.file))];
  // Graphviz lays out top to bottom and turns the drawing for rankdir=LR, which puts the first
  // node of a rank at the bottom: files and nodes are written last first, so the map reads top
  // down in document order (the first file, and its first claim, at the top).
  [...files.entries()].reverse().forEach(([i, file]) => {
    out.push(`  subgraph cluster_${i + 1} {`, `    label=${q(file)};`, '    style=dashed;');
    for (const n of g.nodes.filter((x) => x.file === file).reverse()) {
      const threat = threatLine(n);
      const layer = n.baseKind === 'defense' ? LAYER_DOT[n.attributes['layer'] ?? ''] : undefined;
      const status = options.statuses?.get(n.key);
      const problem = status !== undefined && PROBLEM_STATUSES.has(status) ? `, color="#dc2626", penwidth=3` : '';
      out.push(`    ${n.key} [label=${q(wrap(label(n, 120), 40) + (threat ? `\n[${threat}]` : ''))}, fillcolor=${q(COLORS[n.baseKind] ?? '#f1f5f9')}${layer ? `, ${layer}` : ''}${problem}];`);
    }
    out.push('  }');
  });
  const style = { supports: 'color="#15803d"', attacks: 'color="#b91c1c", style=dashed', defends: 'color="#6d28d9", penwidth=2' } as const;
  for (const e of [...g.edges].reverse()) out.push(`  ${e.from} -> ${e.to} [label=${q(e.type)}, ${style[e.type]}];`);
  out.push('}');
  return out.join('\n') + '\n';
}

/** The map's font list: Helvetica (what Graphviz measures) and fonts of its widths, then narrower ones. */
export const MAP_FONT = 'Helvetica,Arial,Liberation Sans,Nimbus Sans,DejaVu Sans Condensed,sans-serif';

function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

/** AIF as OVA3 saves it (`{ AIF: { nodes, edges, … }, text, OVA: { … } }`). */
export interface AifDocument {
  readonly AIF: {
    readonly nodes: readonly { readonly nodeID: string; readonly text: string; readonly type: 'I' | 'RA' | 'CA'; readonly timestamp: string }[];
    readonly edges: readonly { readonly edgeID: number; readonly fromID: string; readonly toID: string; readonly formEdgeID: null }[];
    readonly schemefulfillments: readonly { readonly nodeID: string; readonly schemeID: string }[];
    readonly participants: readonly unknown[];
    readonly locutions: readonly unknown[];
    readonly descriptorfulfillments: readonly unknown[];
    readonly cqdescriptorfulfillments: readonly unknown[];
  };
  readonly text: string;
  readonly OVA: {
    readonly firstname: string;
    readonly surname: string;
    readonly url: string;
    readonly nodes: readonly { readonly nodeID: string; readonly visible: boolean; readonly x: number; readonly y: number; readonly timestamp: string }[];
    readonly edges: readonly { readonly fromID: string; readonly toID: string; readonly visible: boolean }[];
  };
}

/**
 * AIF: every node is an I-node (its text); every edge becomes a scheme node between its ends.
 * Support is an RA node ("Default Inference"); an objection's attack, and a defense against an
 * objection or a risk, are CA nodes ("Default Conflict"); a defense of a claim supports it (RA).
 * OVA3's scheme ids: 72 Default Inference, 71 Default Conflict.
 */
export function toAif(g: GraphExport, timestamp = '1970-01-01 00:00:00'): AifDocument {
  const nodes: AifDocument['AIF']['nodes'][number][] = [];
  const edges: AifDocument['AIF']['edges'][number][] = [];
  const schemes: { nodeID: string; schemeID: string }[] = [];
  const id = new Map<string, string>();
  for (const n of g.nodes) {
    const nodeID = String(nodes.length + 1);
    id.set(n.key, nodeID);
    nodes.push({ nodeID, text: n.text, type: 'I', timestamp });
  }
  const base = new Map(g.nodes.map((n) => [n.key, n.baseKind]));
  for (const e of g.edges) {
    const conflict = e.type === 'attacks' || (e.type === 'defends' && base.get(e.to) !== 'claim');
    const nodeID = String(nodes.length + 1);
    nodes.push({ nodeID, text: conflict ? 'Default Conflict' : 'Default Inference', type: conflict ? 'CA' : 'RA', timestamp });
    schemes.push({ nodeID, schemeID: conflict ? '71' : '72' });
    edges.push({ edgeID: edges.length + 1, fromID: id.get(e.from)!, toID: nodeID, formEdgeID: null });
    edges.push({ edgeID: edges.length + 1, fromID: nodeID, toID: id.get(e.to)!, formEdgeID: null });
  }
  return {
    AIF: { nodes, edges, schemefulfillments: schemes, participants: [], locutions: [], descriptorfulfillments: [], cqdescriptorfulfillments: [] },
    text: '',
    OVA: {
      firstname: '',
      surname: '',
      url: '',
      // A simple grid so the map opens readable; OVA lets the reader rearrange it.
      nodes: nodes.map((n, i) => ({ nodeID: n.nodeID, visible: true, x: 50 + (i % 6) * 260, y: 50 + Math.floor(i / 6) * 160, timestamp })),
      edges: edges.map((e) => ({ fromID: e.fromID, toID: e.toID, visible: true })),
    },
  };
}
