/**
 * What the LSP features work on. The server builds these from the engine's results and caches
 * them by uri + version; features are pure functions of (document, position, context).
 */
import type { ArgNode, BibEntry, InternalLink, Source } from '../core/model/types.js';
import type { Finding } from '../core/findings.js';
import type { LineIndex, OffsetRange } from '../core/text/lineIndex.js';
import type { ArgumentGraph } from '../core/model/graph.js';

/** The slice of core's `DocumentModel` the features read. */
export interface ModelView {
  readonly nodes: readonly ArgNode[];
  readonly sources: readonly Source[];
  readonly internalLinks: readonly InternalLink[];
  readonly bibliography: ReadonlyMap<string, BibEntry>;
  /** Every id a link can reach in the document (node ids, heading slugs, HTML anchors). */
  readonly ids?: ReadonlyMap<string, { readonly range: OffsetRange }>;
}

/** Base role of a node kind (`thesis` → `claim`), from the document's vocabulary. */
export type BaseKindOf = (kind: string) => 'claim' | 'evidence' | 'defense' | 'objection' | 'risk';

/** One analysed version of one document. */
export interface AnalyzedDocument {
  readonly uri: string;
  /** Editor version for open documents; -1 for files read from disk. */
  readonly version: number;
  readonly text: string;
  readonly lineIndex: LineIndex;
  readonly model: ModelView;
  readonly findings: readonly Finding[];
  readonly baseKindOf: BaseKindOf;
}

/** The documents features may look across: open buffers first, then Markdown files on disk. */
export interface DocumentIndex {
  get(uri: string): AnalyzedDocument | undefined;
  /** Every Markdown document of the workspace, analysed. */
  all(): Iterable<AnalyzedDocument>;
  /** Raw text of any file (bibliographies), open buffer first. */
  readText(uri: string): string | undefined;
}

export interface RuleMeta {
  readonly id: string;
  readonly description: string;
  readonly defaultSeverity: string;
  readonly docsUrl: string;
}

/** Editor settings that change what features return (not what the engine finds). */
export interface FeatureSettings {
  readonly severityOverrides: Readonly<Record<string, string>>;
  readonly disableRuleComments: boolean;
  /** The client applies LSP 3.18 snippet edits (`workspace.workspaceEdit.snippetEditSupport`): quick fixes may offer tab stops. */
  readonly snippetEdits?: boolean;
}

export interface ServiceContext {
  readonly index: DocumentIndex;
  /** Core's argument graph over every document analysed so far (call after `index.all()` to span the workspace). */
  graph(): ArgumentGraph;
  readonly rules: ReadonlyMap<string, RuleMeta>;
  readonly settings: FeatureSettings;
}
