/**
 * Warrant's custom LSP messages, shared by the server and the VS Code client. Plain method names
 * and payload types, so neither side depends on the other's library.
 */
import type { MatrixSummary, ThreatMatrix } from '../core/export/matrix.js';

/** `warrant/lintWorkspace`: lint every Markdown file in the workspace; results are pushed as diagnostics. */
export const LINT_WORKSPACE = 'warrant/lintWorkspace';
export interface LintWorkspaceResult {
  readonly files: number;
  readonly findings: number;
  readonly unsupportedClaims: number;
}

/** `warrant/rules`: every rule with its docs URL (for the "open rule docs" command). */
export const LIST_RULES = 'warrant/rules';
export interface RuleInfo {
  readonly id: string;
  readonly description: string;
  readonly defaultSeverity: string;
  readonly docsUrl: string;
}

/** `warrant/configTemplate`: the commented `.warrant.yaml` that `warrant init` writes. */
export const CONFIG_TEMPLATE = 'warrant/configTemplate';

/** Command the code lens and the "Show documentation" quick fix run; handled by the client. */
export const OPEN_RULE_DOCS_COMMAND = 'warrant.openRuleDocs';
/** Command a code lens runs to list a claim's sources and defenses (the client opens a peek). */
export const SHOW_REFERENCES_COMMAND = 'warrant.showReferences';

/**
 * `warrant/argumentMap`: the argument graph of one document (with the nodes of other files its
 * edges reach) or, without `uri`, of the whole workspace. Answered from core's graph and
 * serialisers (`src/core/export/graph.ts`); the VS Code client renders `dot` to SVG.
 */
export const ARGUMENT_MAP = 'warrant/argumentMap';
export const ARGUMENT_MAP_FORMATS = ['mermaid', 'dot', 'json', 'aif'] as const;
export type ArgumentMapFormat = (typeof ARGUMENT_MAP_FORMATS)[number];
export interface ArgumentMapParams {
  /** A document URI; omitted for the whole workspace. */
  readonly uri?: string;
  /** Also serialise the graph in this format into `text` (`dot` is always in `dot`). */
  readonly format?: ArgumentMapFormat;
}
/** A 0-based LSP range (`{ line, character }` ends), spelled out so the client needs no LSP types. */
export interface ArgumentMapRange {
  readonly start: { readonly line: number; readonly character: number };
  readonly end: { readonly line: number; readonly character: number };
}
export interface ArgumentMapNode {
  /** `n1`, `n2`…: the node's name in `dot` (Graphviz writes it as the SVG node's `<title>`). */
  readonly key: string;
  /** Explicit `#id` or heading slug; `null` for anonymous nodes. */
  readonly id: string | null;
  /** As written (`thesis`) and the base kind it counts as (`claim`). */
  readonly kind: string;
  readonly baseKind: string;
  readonly label: string;
  readonly uri: string;
  /** The label, heading or sentence: what "reveal" selects. */
  readonly range: ArgumentMapRange;
  /** From core's `summarizeNode`: `supported`, `unsupported`, `mitigated`, `unanswered`, `orphan`… */
  readonly status: string;
  /** A node of another file that an edge reaches. */
  readonly external: boolean;
  /** Its own sources by kind, `1 paper · 1 same site` (`no sources` when it has none), for the tooltip. */
  readonly evidence?: string;
}
export interface ArgumentMapEdge {
  readonly from: string;
  readonly to: string;
  readonly type: 'supports' | 'defends' | 'attacks';
  /** How it is written: `link`, `containment`, `attribute`, `adjacency`… (one pair may have several). */
  readonly via: string;
}
export interface ArgumentMapResult {
  readonly nodes: readonly ArgumentMapNode[];
  readonly edges: readonly ArgumentMapEdge[];
  readonly dot: string;
  /** The graph in `params.format`, when asked for. */
  readonly text?: string;
}

/**
 * `warrant/threatMatrix`: the threat-coverage matrix of one document (or, without `uri`, of the
 * workspace), from core's `threatMatrix` (what `warrant matrix -f json` prints), its fold by
 * adversary, and where each risk and defense is written so that the webview can reveal it.
 */
export const THREAT_MATRIX = 'warrant/threatMatrix';
export interface ThreatMatrixParams {
  readonly uri?: string;
}
export interface ThreatMatrixResult {
  /** `warrant matrix -f json`'s shape (docs/ai-risk.md). */
  readonly matrix: ThreatMatrix;
  /** `warrant matrix --by adversary -f json`'s shape. */
  readonly byAdversary: MatrixSummary;
  /** `risk:<i>` (index in `matrix.risks`) and `defense:<ref>` → where it is written. */
  readonly locations: Readonly<Record<string, { readonly uri: string; readonly range: ArgumentMapRange }>>;
}

/**
 * `warrant/report`: the reviewer's report (what `warrant report` renders) for one document or,
 * without `uri`, the whole workspace, as plain data (`src/report/data.ts`). The VS Code client
 * draws the maps' DOT with Graphviz and renders the page with `src/report/html.ts`.
 */
export const REPORT = 'warrant/report';
export interface ReportParams {
  /** A document URI; omitted for every Markdown file of the workspace. */
  readonly uri?: string;
  /** The client's Warrant version, printed in the page's header. */
  readonly version?: string;
}
