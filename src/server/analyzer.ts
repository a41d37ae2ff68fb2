/**
 * The seam between the LSP host and the engine: the server never analyses text itself, it asks
 * an `Analyzer` (built in `engineAnalyzer.ts` over core's engine and a host's config source).
 */
import type { Finding } from '../core/findings.js';
import type { Workspace } from '../core/workspace.js';
import type { ArgumentGraph } from '../core/model/graph.js';
import type { LineIndex } from '../core/text/lineIndex.js';
import type { BaseKindOf, ModelView, RuleMeta } from '../service/types.js';

/** What the index keeps of a file nobody has open: its summary, not its syntax tree. */
export interface IndexedDocument {
  readonly model: ModelView;
  readonly lineIndex: LineIndex;
  readonly baseKindOf: BaseKindOf;
  /**
   * What other documents can see of this one: the ids they can link to and the edges it draws.
   * When it changes, other documents' findings may change too.
   */
  readonly outline: string;
  /** Files this one links to or relates to (resolved URIs, no fragment). */
  readonly links: readonly string[];
}

export interface LintedDocument extends IndexedDocument {
  readonly findings: readonly Finding[];
  /** Files whose change must re-lint this document: its config file and bibliographies. */
  readonly dependencies: readonly string[];
  /** Problems in the config file that applies (reported on the config file itself). */
  readonly configProblems: readonly Finding[];
}

export interface AnalyzerOptions {
  /** `warrant.configFile`: absolute path of a config to use instead of the nearest one. */
  readonly configFile?: string;
  /** An open document: worth a slower pass (the sentence encoder), announced by `onDidRefine`. */
  readonly open?: boolean;
}

/**
 * Two verbs, and only these two reach the engine from the server: `lintDocument` (the engine's
 * analysis plus every rule: the findings the editor shows) and `indexDocument` (the analysis alone,
 * kept as a summary: what the workspace index knows of a file nobody has open).
 */
export interface Analyzer {
  /**
   * Lint one document as it is in the editor. Never throws: a crash becomes an internal-error
   * finding. `keepTree: false` (a file on disk): the engine keeps only its summary afterwards.
   */
  lintDocument(uri: string, text: string, options: AnalyzerOptions & { readonly keepTree?: boolean }): LintedDocument;
  /**
   * Analyse a file for the workspace index: no rule runs, and no syntax tree is kept
   * (`keepTree: true`, an open document about to be linted: its tree is kept for the lint).
   */
  indexDocument(uri: string, text: string, options: AnalyzerOptions & { readonly keepTree?: boolean }): IndexedDocument;
  /** Forget what the engine cached about a document (its ids, for cross-file references). */
  invalidate(uri?: string): void;
  /** Core's argument graph over every document analysed so far. */
  graph(): ArgumentGraph;
  readonly rules: readonly RuleMeta[];
  /** The commented `.warrant.yaml` that `warrant init` writes. */
  configTemplate(): string;
  /**
   * The engine has better findings for some documents than it gave (a slower pass finished, a
   * model loaded, the sentence encoder embedded their candidates): the server lints them again and
   * publishes (`undefined`: every open document).
   */
  onDidRefine?(listener: (uris: readonly string[] | undefined) => void): void;
}

export interface ServerDeps {
  /** An analyzer over the given workspace (open buffers first, then the disk). */
  createAnalyzer(workspace: Workspace): Analyzer;
  /** The disk: text of a file URI, or `undefined`. */
  readFile(uri: string): string | undefined;
  exists(uri: string): boolean;
  /** Markdown files under a folder URI that match the globs (`!` excludes), as file URIs. */
  listFiles(folderUri: string, globs: readonly string[]): Promise<string[]>;
  /** Absolute path for `warrant.configFile` relative to a folder. */
  resolvePath?(base: string, path: string): string;
  /**
   * Files whose text `readFile`/`exists` answered before they were known (the browser reads through
   * the client, asynchronously): the server treats them as changed on disk.
   */
  onDidChangeFiles?(listener: (uris: readonly string[]) => void): void;
  /** A file changed on disk (the editor's file watcher): a host that caches texts reads it again. */
  refresh?(uri: string): void;
  /**
   * While the workspace index parses many files (`on`), keep the heap close to what is live, at
   * some CPU; then back to the runtime's default (`WorkspaceIndex`, `LEAN_INDEX_FILES`).
   */
  leanHeap?(on: boolean): void;
}
