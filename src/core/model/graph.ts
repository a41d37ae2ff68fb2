/**
 * The argument graph across documents: typed edges between nodes, from containment, links and
 * attributes (DESIGN §1 "Relations"). Edges of a document are computed once per model and kept;
 * the graph indexes every model the engine holds, so incoming edges from other files count.
 */
import type { OffsetRange } from '../text/lineIndex.js';
import { baseOf, type BaseKind } from '../config/vocabulary.js';
import { resolveUri } from '../workspace.js';
import type { DocumentModel } from './analyze.js';
import type { ArgNode, NodeRef, Relation } from './types.js';

export interface NodeHandle {
  readonly uri: string;
  readonly index: number;
}

export type EdgeType = 'supports' | 'defends' | 'attacks';

export interface Edge {
  readonly from: NodeHandle;
  readonly to: NodeHandle;
  readonly type: EdgeType;
  readonly via: Relation['via'];
  /** Where the edge is written, in `writtenIn`: the link, the attribute, or the child's tag. */
  readonly range: OffsetRange;
  readonly writtenIn: string;
}

/** A relation whose target is missing: no such file, or no such id in it. */
export interface Dangling {
  readonly node: number;
  readonly relation: Relation;
  readonly targetUri: string;
  readonly reason: 'no-file' | 'no-id';
}

interface DocumentEdges {
  readonly edges: readonly Edge[];
  readonly dangling: readonly Dangling[];
  /** The model each other file resolved to when these were computed (`undefined`: absent): edges and dangling ids depend on them. */
  readonly targets: ReadonlyMap<string, DocumentModel | undefined>;
}

/** A claim-like node linking to another node relies on it; other kinds act on their target. */
function linkEdge(from: BaseKind, to: BaseKind): { type: EdgeType; reversed: boolean } {
  switch (from) {
    case 'evidence':
      return { type: 'supports', reversed: false };
    case 'defense':
      return { type: 'defends', reversed: false };
    case 'objection':
      return { type: 'attacks', reversed: false };
    default:
      if (to === 'defense') return { type: 'defends', reversed: true };
      if (to === 'objection') return { type: 'attacks', reversed: true };
      return { type: 'supports', reversed: true };
  }
}

/** A tagged block inside a tagged section relates to the section's node. */
function containmentEdge(child: BaseKind): EdgeType {
  return child === 'defense' ? 'defends' : child === 'objection' ? 'attacks' : 'supports';
}

/**
 * A risk is something that can go wrong, not a reason to believe anything: it supports nothing
 * (only evidence, defenses and grounded claims back a claim). A risk inside a claim's section, a
 * claim linking to its risk, or `supports=` on a risk gives no edge; evidence may still support a
 * risk (that it is real), and defenses defend it.
 */
function riskSupport(type: EdgeType, from: BaseKind): boolean {
  return type === 'supports' && from === 'risk';
}

export class ArgumentGraph {
  private readonly perDocument = new Map<string, DocumentEdges>();
  private groundedKeys: Set<string> | undefined;
  private readonly incomingIndex = new Map<string, Edge[]>();
  private readonly outgoingIndex = new Map<string, Edge[]>();

  /**
   * @param models every model the graph spans, by URI
   * @param load analyses a document that a relation points to but that is not among `models`
   */
  constructor(
    private readonly models: Map<string, DocumentModel>,
    private readonly load: (uri: string) => DocumentModel | undefined,
    edgeCache?: WeakMap<DocumentModel, DocumentEdges>,
  ) {
    const cache = edgeCache ?? new WeakMap<DocumentModel, DocumentEdges>();
    for (const model of [...models.values()]) {
      let edges = cache.get(model);
      // A file it points into was analysed again (an edit, a buffer closed unsaved): resolve again.
      if (edges && [...edges.targets].some(([uri, target]) => models.get(uri) !== target)) edges = undefined;
      if (!edges) {
        edges = this.computeEdges(model);
        cache.set(model, edges);
      }
      this.perDocument.set(model.uri, edges);
      for (const e of edges.edges) {
        push(this.incomingIndex, key(e.to), e);
        push(this.outgoingIndex, key(e.from), e);
      }
    }
  }

  model(uri: string): DocumentModel | undefined {
    return this.models.get(uri);
  }

  node(handle: NodeHandle): ArgNode | undefined {
    return this.models.get(handle.uri)?.nodes[handle.index];
  }

  incoming(handle: NodeHandle): readonly Edge[] {
    return this.incomingIndex.get(key(handle)) ?? [];
  }

  outgoing(handle: NodeHandle): readonly Edge[] {
    return this.outgoingIndex.get(key(handle)) ?? [];
  }

  dangling(uri: string): readonly Dangling[] {
    return this.perDocument.get(uri)?.dangling ?? [];
  }

  /**
   * Whether a node's support reaches solid ground: it cites a source, or evidence or a defense
   * backs it, or a grounded claim supports it. Two uncited claims leaning on each other are not
   * grounded. Computed once per graph, by propagation from the grounded seeds.
   */
  isGrounded(handle: NodeHandle): boolean {
    if (!this.groundedKeys) this.groundedKeys = this.computeGrounded();
    return this.groundedKeys.has(key(handle));
  }

  private computeGrounded(): Set<string> {
    const grounded = new Set<string>();
    const queue: NodeHandle[] = [];
    const baseAt = (h: NodeHandle): BaseKind | undefined => {
      const m = this.models.get(h.uri);
      const n = m?.nodes[h.index];
      return m && n ? baseOf(m.config.vocabulary, n.kind) : undefined;
    };
    for (const model of this.models.values()) {
      model.nodes.forEach((node, index) => {
        const h = { uri: model.uri, index };
        const backed =
          node.sources.length > 0 ||
          this.incoming(h).some((e) => (e.type === 'supports' || e.type === 'defends') && (baseAt(e.from) === 'evidence' || baseAt(e.from) === 'defense'));
        if (backed) {
          grounded.add(key(h));
          queue.push(h);
        }
      });
    }
    while (queue.length) {
      const h = queue.pop()!;
      for (const e of this.outgoing(h)) {
        if (e.type !== 'supports' || grounded.has(key(e.to))) continue;
        grounded.add(key(e.to));
        queue.push(e.to);
      }
    }
    return grounded;
  }

  allEdges(): Edge[] {
    return [...this.perDocument.values()].flatMap((d) => d.edges);
  }

  /** Resolve `#id` or `other.md#id` as written in `fromUri`. */
  resolve(fromUri: string, ref: NodeRef): { uri: string; model?: DocumentModel; target?: { range: OffsetRange; node?: number } } {
    const uri = ref.file ? resolveUri(fromUri, ref.file) ?? fromUri : fromUri;
    const model = this.models.get(uri) ?? this.load(uri);
    if (model && !this.models.has(uri)) this.models.set(uri, model);
    if (!model) return { uri };
    const target = ref.id === '' ? { range: { start: 0, end: 0 } } : model.ids.get(ref.id);
    return { uri, model, ...(target ? { target } : {}) };
  }

  private computeEdges(model: DocumentModel): DocumentEdges {
    const edges: Edge[] = [];
    const dangling: Dangling[] = [];
    const targets = new Map<string, DocumentModel | undefined>();
    const vocab = model.config.vocabulary;
    model.nodes.forEach((node, index) => {
      const from: NodeHandle = { uri: model.uri, index };
      const fromBase = baseOf(vocab, node.kind);
      // An explicit `attacks=`/`defends=`/`supports=` names the target: it replaces the relation of
      // the same type that containment or adjacency would give (an objection with `attacks=#other`
      // inside the `#toxicity` section attacks `#other` only).
      const named = new Set(node.relations.filter((r) => r.via === 'attribute').map((r) => r.type));
      const answered = fromBase === 'defense' && !named.has('defends') ? answeredByAdjacency(model, index) : undefined;
      if (answered !== undefined) {
        edges.push({ from, to: { uri: model.uri, index: answered }, type: 'defends', via: 'adjacency', range: node.tagRange, writtenIn: model.uri });
      }
      if (node.parent !== undefined && !named.has(containmentEdge(fromBase)) && !riskSupport(containmentEdge(fromBase), fromBase)) {
        edges.push({ from, to: { uri: model.uri, index: node.parent }, type: containmentEdge(fromBase), via: 'containment', range: node.tagRange, writtenIn: model.uri });
      }
      for (const relation of node.relations) {
        const resolved = this.resolve(model.uri, relation.target);
        if (resolved.uri !== model.uri) targets.set(resolved.uri, resolved.model);
        if (!resolved.model) {
          dangling.push({ node: index, relation, targetUri: resolved.uri, reason: 'no-file' });
          continue;
        }
        if (!resolved.target) {
          dangling.push({ node: index, relation, targetUri: resolved.uri, reason: 'no-id' });
          continue;
        }
        const targetIndex = resolved.target.node;
        if (targetIndex === undefined) continue; // a plain heading or anchor: navigation, not an argument edge
        const to: NodeHandle = { uri: resolved.uri, index: targetIndex };
        if (to.uri === from.uri && to.index === from.index) continue;
        const toBase = baseOf(vocab, resolved.model.nodes[targetIndex]!.kind);
        if (relation.type !== 'relates') {
          if (riskSupport(relation.type, fromBase)) continue;
          edges.push({ from, to, type: relation.type, via: relation.via, range: relation.range, writtenIn: model.uri });
          continue;
        }
        const shape = linkEdge(fromBase, toBase);
        if (riskSupport(shape.type, shape.reversed ? toBase : fromBase)) continue; // a claim naming its risk: navigation
        edges.push({ from: shape.reversed ? to : from, to: shape.reversed ? from : to, type: shape.type, via: 'link', range: relation.range, writtenIn: model.uri });
      }
    });
    return { edges: dedupe(edges), dangling, targets };
  }
}

const VIA_RANK: Readonly<Record<Relation['via'], number>> = { attribute: 4, link: 3, containment: 2, adjacency: 1 };

/**
 * One edge per (from, to, type): a defense that sits right after an objection *and* names it with
 * `defends=#…` is one defense, not two. The most explicit way of writing it is kept.
 */
function dedupe(edges: readonly Edge[]): Edge[] {
  const best = new Map<string, Edge>();
  for (const e of edges) {
    const k = `${key(e.from)}\u0001${key(e.to)}\u0001${e.type}`;
    const seen = best.get(k);
    if (!seen || VIA_RANK[e.via] > VIA_RANK[seen.via]) best.set(k, e);
  }
  return edges.filter((e) => best.get(`${key(e.from)}\u0001${key(e.to)}\u0001${e.type}`) === e);
}

/**
 * A reply written right after an objection or a risk answers it: `**Objection:** …` followed by
 * `**Reply:** …`, or `- Risk: …` followed by `- Mitigation: …`. Only white space or HTML comments
 * may stand between the two, and they must be siblings (same containing node).
 */
function answeredByAdjacency(model: DocumentModel, index: number): number | undefined {
  const node = model.nodes[index]!;
  if (node.block === 'heading' || node.block === 'sentence' || node.block === 'span') return undefined;
  let previous: number | undefined;
  for (let k = index - 1; k >= 0; k--) {
    const candidate = model.nodes[k]!;
    if (candidate.parent === node.parent && candidate.range.end <= node.range.start) {
      previous = k;
      break;
    }
  }
  if (previous === undefined) return undefined;
  const before = model.nodes[previous]!;
  const base = baseOf(model.config.vocabulary, before.kind);
  if (base !== 'objection' && base !== 'risk') return undefined;
  const gap = model.text.slice(before.range.end, node.range.start).replace(/<!--[\s\S]*?-->/g, '');
  return /^[\s>*+-]*$/.test(gap) ? previous : undefined;
}

function key(h: NodeHandle): string {
  return `${h.index}\u0000${h.uri}`;
}

function push<K, V>(map: Map<K, V[]>, k: K, v: V): void {
  const list = map.get(k);
  if (list) list.push(v);
  else map.set(k, [v]);
}
