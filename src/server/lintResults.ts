/**
 * The findings the server shows, cached: one entry per open document (uri + version +
 * generation + config file), and a few files on disk (a small LRU, for the workspace-wide
 * requests). The one place the server asks `Analyzer.lintDocument`.
 */
import type { Finding } from '../core/findings.js';
import { LineIndex } from '../core/text/lineIndex.js';
import type { AnalyzedDocument } from '../service/types.js';
import type { Analyzer, LintedDocument } from './analyzer.js';
import type { Outlines } from './outlines.js';

export interface LintResult extends AnalyzedDocument {
  readonly generation: number;
  readonly configFile: string | undefined;
  readonly dependencies: readonly string[];
  readonly configProblems: readonly Finding[];
  /** Files this one links to or relates to. */
  readonly links: readonly string[];
}

/** Files on disk whose findings (and syntax trees) are kept after a workspace-wide request. */
const DISK_RESULTS = 8;

export class LintResults {
  private readonly open = new Map<string, LintResult>();
  private readonly disk = new Map<string, LintResult>();

  constructor(
    private readonly analyzer: () => Analyzer,
    private readonly outlines: Outlines,
    private readonly log: (message: string) => void,
  ) {}

  /** An open document's findings at `version`, linted now unless cached at this generation. */
  lintOpen(uri: string, text: string, version: number, configFile: string | undefined): LintResult {
    const hit = this.open.get(uri);
    if (hit && hit.version === version && hit.generation === this.outlines.generation && hit.configFile === configFile && hit.text === text) return hit;
    const result = this.lint(uri, text, version, configFile, true);
    this.open.set(uri, result);
    return result;
  }

  /** A file on disk nobody has open: linted on demand; the engine keeps only its summary. */
  lintDisk(uri: string, text: string, configFile: string | undefined): LintResult {
    const hit = this.disk.get(uri);
    if (hit && hit.generation === this.outlines.generation && hit.configFile === configFile && hit.text === text) {
      this.disk.delete(uri);
      this.disk.set(uri, hit);
      return hit;
    }
    const result = this.lint(uri, text, -1, configFile, false);
    this.disk.delete(uri);
    this.disk.set(uri, result);
    if (this.disk.size > DISK_RESULTS) this.disk.delete(this.disk.keys().next().value!);
    return result;
  }

  /** The cached result of an open document, whatever its version. */
  cached(uri: string): LintResult | undefined {
    return this.open.get(uri);
  }

  /** Current for this version and generation. */
  isFresh(uri: string, version: number): boolean {
    const hit = this.open.get(uri);
    return hit !== undefined && hit.version === version && hit.generation === this.outlines.generation;
  }

  /** Lint again next time (closed, or the engine has better findings): drops the tree with it. */
  drop(uri: string): void {
    this.open.delete(uri);
    this.disk.delete(uri);
  }

  clearDisk(): void {
    this.disk.clear();
  }

  private lint(uri: string, text: string, version: number, configFile: string | undefined, keepTree: boolean): LintResult {
    let linted: LintedDocument | undefined;
    try {
      linted = this.analyzer().lintDocument(uri, text, { ...(configFile ? { configFile } : {}), keepTree, ...(keepTree ? { open: true } : {}) });
    } catch (e) {
      this.log(`warrant: analysing ${uri} failed: ${(e as Error).stack ?? e}`);
    }
    // New ids or edges: every other document's findings may have changed (this one saw them).
    if (linted) this.outlines.record(uri, linted.outline);
    return {
      uri,
      version,
      text,
      lineIndex: linted?.lineIndex ?? new LineIndex(text),
      model: linted?.model ?? { nodes: [], sources: [], internalLinks: [], bibliography: new Map() },
      findings: linted?.findings ?? [],
      baseKindOf: linted?.baseKindOf ?? (() => 'claim'),
      generation: this.outlines.generation,
      configFile,
      dependencies: linted?.dependencies ?? [],
      configProblems: linted?.configProblems ?? [],
      links: linted?.links ?? [],
    };
  }
}
