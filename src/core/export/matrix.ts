/**
 * The threat-coverage matrix (`warrant matrix`, the editor's *Show Threat Coverage*, and
 * `warrant report`): which defenses cover which risks, at which layer, against which adversary.
 * Pure: it takes the engine's graph and the models to show, and returns plain data; the CLI
 * and the editor render it. The JSON shape is documented in docs/ai-risk.md.
 */
import { baseOf } from '../config/vocabulary.js';
import { attributeValue } from '../model/attributes.js';
import type { DocumentModel } from '../model/analyze.js';
import type { ArgumentGraph, NodeHandle } from '../model/graph.js';
import { DEFAULT_ADVERSARIES, layerNames, linkedDefenses, RISK_ATTRIBUTES } from '../model/threat.js';
import type { ArgNode } from '../model/types.js';

/** One risk: where it is, its ratings (`null`: not rated), and its defenses by layer. */
export interface MatrixRisk {
  readonly file: string;
  /** 1-based line and column of the risk's label, heading or sentence. */
  readonly line: number;
  readonly column: number;
  readonly id: string | null;
  readonly text: string;
  readonly adversary: string | null;
  readonly harm: string | null;
  readonly severity: string | null;
  readonly domain: string | null;
  /** The inferred ratings, each with the cue it came from (`{ adversary: 'fine-tune' }`); the others are written. */
  readonly inferred: Readonly<Record<string, string>>;
  /** For each layer (and `unrated`), the refs of the defenses linked to the risk there. */
  readonly defenses: Readonly<Record<string, readonly string[]>>;
  /** Skilled or well-resourced adversary and only model-layer defenses: what `alignment-only-defense` reports. */
  readonly onlyModel: boolean;
}

/** A defense linked to at least one listed risk. */
export interface MatrixDefense {
  /** Its `id`, or `file:line` for an anonymous one: what the cells name. */
  readonly ref: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly id: string | null;
  readonly text: string;
  readonly layer: string | null;
  /** The cue the layer was inferred from; absent when written or unrated. */
  readonly inferred?: string;
}

export interface ThreatMatrix {
  readonly version: 1;
  /** The layer columns in order (the declared `layer` values), then `unrated`. */
  readonly layers: readonly string[];
  readonly risks: readonly MatrixRisk[];
  readonly defenses: readonly MatrixDefense[];
}

/** One row of `--by adversary` / `--by domain`. */
export interface SummaryRow {
  /** The attribute's value, or `unrated` for risks without one. */
  readonly value: string;
  readonly risks: number;
  /** How many of those risks have this value inferred from their text rather than written. */
  readonly inferred: number;
  /** Distinct defenses of those risks at each layer (and `unrated`). */
  readonly defenses: Readonly<Record<string, number>>;
  /**
   * Some risk of the row is one only the model layer holds ({@link MatrixRisk.onlyModel}: a
   * skilled or well-resourced adversary, only model-layer defenses) — what `alignment-only-defense`
   * reports. Decided per risk, not from the row's totals, which would hide such a risk beside one
   * defended elsewhere and flag a harmless row whose risks are only model-defended.
   */
  readonly onlyModel: boolean;
  /** How many risks of the row are such risks. */
  readonly onlyModelRisks: number;
}

export interface MatrixSummary {
  readonly version: 1;
  readonly by: string;
  readonly layers: readonly string[];
  readonly rows: readonly SummaryRow[];
}

/**
 * The matrix of the risks in `models`, with every defense linked to them (from any file).
 * `handles`, when given, receives `risk:<i>` (i = index in `risks`) and `defense:<ref>`.
 */
export function threatMatrix(graph: ArgumentGraph, models: readonly DocumentModel[], name: (uri: string) => string, handles?: Map<string, NodeHandle>): ThreatMatrix {
  const first = models[0]?.config.attributes['layer']?.values;
  const layers = [...layerNames(first), 'unrated'];
  const risks: MatrixRisk[] = [];
  const defenses = new Map<string, MatrixDefense>();
  const place = (handle: NodeHandle, node: ArgNode) => {
    const model = graph.model(handle.uri);
    const pos = model ? model.lineIndex.positionAt(node.selectionRange.start) : { line: -1, character: -1 };
    return { file: name(handle.uri), line: pos.line + 1, column: pos.character + 1 };
  };
  for (const model of models) {
    model.nodes.forEach((node, index) => {
      if (baseOf(model.config.vocabulary, node.kind) !== 'risk') return;
      const handle = { uri: model.uri, index };
      const cells: Record<string, string[]> = Object.fromEntries(layers.map((l) => [l, []]));
      const linked = linkedDefenses(graph, handle);
      for (const d of linked) {
        const at = place(d.handle, d.node);
        const ref = d.node.id ?? `${at.file}:${at.line}`;
        if (!defenses.has(ref)) {
          defenses.set(ref, {
            ref,
            ...at,
            id: d.node.id ?? null,
            text: d.node.text,
            layer: d.layer?.value ?? null,
            ...(d.layer?.inferred !== undefined ? { inferred: d.layer.inferred } : {}),
          });
          handles?.set(`defense:${ref}`, d.handle);
        }
        const layer = d.layer && cells[d.layer.value] ? d.layer.value : 'unrated';
        if (!cells[layer]!.includes(ref)) cells[layer]!.push(ref);
      }
      const ratings: Record<string, string | null> = {};
      const inferred: Record<string, string> = {};
      for (const key of RISK_ATTRIBUTES) {
        const v = attributeValue(node, key);
        ratings[key] = v?.value ?? null;
        if (v?.inferred !== undefined) inferred[key] = v.inferred;
      }
      const strong = ratings['adversary'] === 'skilled' || ratings['adversary'] === 'well-resourced';
      const rated = linked.filter((d) => d.layer);
      handles?.set(`risk:${risks.length}`, handle);
      risks.push({
        ...place(handle, node),
        id: node.id ?? null,
        text: node.text,
        adversary: ratings['adversary']!,
        harm: ratings['harm']!,
        severity: ratings['severity']!,
        domain: ratings['domain']!,
        inferred,
        defenses: cells,
        onlyModel: strong && rated.length > 0 && rated.every((d) => d.layer!.value === 'model'),
      });
    });
  }
  return { version: 1, layers, risks, defenses: [...defenses.values()] };
}

/**
 * The matrix folded by a risk attribute: `adversary` gives the seed essay's table (rows none,
 * casual, skilled, well-resourced; cells the number of defenses per layer); `domain` shows which
 * domains an essay never addresses. Rows are the attribute's declared values, in order, then
 * `unrated` when some risk has no value.
 */
export function summarizeMatrix(matrix: ThreatMatrix, by: 'adversary' | 'domain' | 'harm' | 'severity', declared: readonly string[] | undefined): MatrixSummary {
  const values = declared && declared.length ? [...declared] : by === 'adversary' ? [...DEFAULT_ADVERSARIES] : [];
  for (const r of matrix.risks) if (r[by] !== null && !values.includes(r[by]!)) values.push(r[by]!);
  if (matrix.risks.some((r) => r[by] === null)) values.push('unrated');
  const rows = values.map((value) => {
    const risks = matrix.risks.filter((r) => (r[by] ?? 'unrated') === value);
    const counts: Record<string, number> = {};
    for (const layer of matrix.layers) counts[layer] = new Set(risks.flatMap((r) => r.defenses[layer] ?? [])).size;
    const inferred = risks.filter((r) => r.inferred[by] !== undefined).length;
    const onlyModelRisks = risks.filter((r) => r.onlyModel).length;
    return { value, risks: risks.length, inferred, defenses: counts, onlyModel: onlyModelRisks > 0, onlyModelRisks };
  });
  return { version: 1, by, layers: matrix.layers, rows };
}
