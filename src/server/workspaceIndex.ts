/**
 * What the server knows of the workspace's Markdown files: the file list and, for each file
 * nobody has open, a summary (its model without the syntax tree, its outline, its links) — the
 * engine keeps no tree for it either.
 *
 * Open file first: `prepare(uri)` indexes the files that can matter to `uri` before any other —
 * its link component, reached through its links and through the files that name it — so its
 * first diagnostics already count a defense or an id written elsewhere. The rest is indexed in
 * the background, one file per turn after any waiting lint, under work-done progress that the
 * user may cancel.
 */
import type { WorkDoneProgressServerReporter } from 'vscode-languageserver';
import type { AnalyzedDocument, DocumentIndex } from '../service/types.js';
import type { Analyzer, IndexedDocument } from './analyzer.js';
import type { DocumentStore } from './documentStore.js';
import type { LintResults } from './lintResults.js';
import type { Outlines } from './outlines.js';
import type { Scheduler } from './scheduler.js';
import type { ServerSettings } from './settings.js';

export interface IndexHost {
  analyzer(): Analyzer;
  readonly documents: DocumentStore;
  readonly outlines: Outlines;
  readonly results: LintResults;
  readonly scheduler: Scheduler;
  readFile(uri: string): string | undefined;
  /** Every Markdown file of the workspace folders under the settings' globs, sorted. */
  listFiles(settings: ServerSettings): Promise<string[]>;
  configFile(settings: ServerSettings): string | undefined;
  /** Work-done progress, begun with `title` and cancellable (a no-op reporter when the client has none). */
  progress(title: string): Promise<WorkDoneProgressServerReporter>;
  log(message: string): void;
  /** Keep the heap lean while indexing `LEAN_INDEX_FILES` or more files (`ServerDeps.leanHeap`). */
  leanHeap?(on: boolean): void;
}
export const LEAN_INDEX_FILES = 200;

interface Entry {
  readonly text: string;
  readonly configFile: string | undefined;
  readonly summary: IndexedDocument;
}

export class WorkspaceIndex {
  private fileList: Promise<string[]> | undefined;
  private readonly entries = new Map<string, Entry>();
  /** Texts read for the name search, kept until the background index takes them. */
  private readonly texts = new Map<string, string>();
  /** Open documents whose link component is indexed. */
  private readonly prepared = new Set<string>();
  private background: Promise<void> | undefined;

  constructor(private readonly host: IndexHost) {}

  files(settings: ServerSettings): Promise<string[]> {
    return (this.fileList ??= this.host.listFiles(settings));
  }

  /** Folders or globs changed: list the files again (and index the new ones). */
  resetFiles(): void {
    this.fileList = undefined;
    this.prepared.clear();
  }

  /** Index what can matter to `uri` now, and start indexing the rest in the background. */
  async prepare(uri: string, settings: ServerSettings): Promise<void> {
    const files = await this.files(settings);
    if (!this.prepared.has(uri) && this.host.documents.get(uri)) {
      this.indexComponent(uri, files, settings);
      this.prepared.add(uri);
    }
    this.startBackground(settings);
  }

  /** Every file indexed (or the user cancelled): for the requests that span the workspace. */
  async complete(settings: ServerSettings): Promise<void> {
    await this.files(settings);
    this.startBackground(settings);
    await this.background;
  }

  /** A file changed on disk or its buffer closed: index the disk text again. What the outline did, or 'gone'. */
  reindex(uri: string, settings: ServerSettings): 'new' | 'changed' | 'same' | 'gone' {
    this.entries.delete(uri);
    this.texts.delete(uri);
    this.host.results.drop(uri);
    this.host.analyzer().invalidate(uri);
    const text = this.host.readFile(uri);
    if (text === undefined) {
      this.host.outlines.forget(uri);
      return 'gone';
    }
    return this.indexFile(uri, text, settings) ?? 'gone';
  }

  /** Config or settings changed: every summary may be wrong. */
  clear(): void {
    this.entries.clear();
    this.texts.clear();
    this.prepared.clear();
  }

  closed(uri: string): void {
    this.prepared.delete(uri);
  }

  /** What features look across: open buffers (linted), then the indexed files (summaries; findings on demand). */
  documentIndex(settings: ServerSettings): DocumentIndex {
    const { documents, results } = this.host;
    const get = (uri: string): AnalyzedDocument | undefined => {
      const open = documents.get(uri);
      if (open) return results.lintOpen(uri, open.getText(), open.version, this.host.configFile(settings));
      let entry = this.entries.get(uri);
      if (!entry) {
        const text = this.texts.get(uri) ?? this.host.readFile(uri);
        if (text === undefined || !this.indexFile(uri, text, settings)) return undefined;
        entry = this.entries.get(uri)!;
      }
      return this.analyzed(uri, entry);
    };
    const index = this;
    return {
      get,
      *all() {
        for (const d of documents.markdown()) yield get(d.uri)!;
        for (const [uri, entry] of index.entries) if (!documents.get(uri)) yield index.analyzed(uri, entry);
      },
      readText: (uri) => documents.workspace.readText(uri),
    };
  }

  private analyzed(uri: string, entry: Entry): AnalyzedDocument {
    const { results } = this.host;
    const { model, lineIndex, baseKindOf } = entry.summary;
    return {
      uri,
      version: -1,
      text: entry.text,
      lineIndex,
      model,
      baseKindOf,
      get findings() {
        return results.lintDisk(uri, entry.text, entry.configFile).findings;
      },
    };
  }

  /**
   * `start`'s link component: the files it links to, the files whose text names a member (a link
   * to `a.md` has to write `a.md`), and so on until nothing new comes in. Open members are
   * analysed with their trees kept, for the lint that follows.
   */
  private indexComponent(start: string, files: readonly string[], settings: ServerSettings): void {
    const known = new Set(files);
    const seen = new Set([start]);
    const queue = [start];
    const names = new Set<string>();
    for (let uri = queue.shift(); uri !== undefined; uri = queue.shift()) {
      for (const link of this.summaryOf(uri, settings)?.links ?? []) {
        if (!seen.has(link) && (known.has(link) || this.host.documents.get(link))) seen.add(link), queue.push(link);
      }
      const name = nameOf(uri);
      if (!name || names.has(name)) continue;
      names.add(name);
      for (const file of files) if (!seen.has(file) && this.textOf(file)?.includes(name)) seen.add(file), queue.push(file);
    }
  }

  private summaryOf(uri: string, settings: ServerSettings): IndexedDocument | undefined {
    const open = this.host.documents.get(uri);
    if (open) {
      const configFile = this.host.configFile(settings);
      try {
        return this.host.analyzer().indexDocument(uri, open.getText(), { ...(configFile ? { configFile } : {}), keepTree: true });
      } catch (e) {
        this.host.log(`warrant: analysing ${uri} failed: ${(e as Error).stack ?? e}`);
        return undefined;
      }
    }
    const entry = this.entries.get(uri);
    if (entry) return entry.summary;
    const text = this.textOf(uri);
    return text !== undefined && this.indexFile(uri, text, settings) ? this.entries.get(uri)?.summary : undefined;
  }

  private textOf(uri: string): string | undefined {
    const open = this.host.documents.get(uri);
    if (open) return open.getText();
    const known = this.entries.get(uri)?.text ?? this.texts.get(uri);
    if (known !== undefined) return known;
    const text = this.host.readFile(uri);
    if (text !== undefined) this.texts.set(uri, text);
    return text;
  }

  private indexFile(uri: string, text: string, settings: ServerSettings): 'new' | 'changed' | 'same' | undefined {
    const configFile = this.host.configFile(settings);
    let summary: IndexedDocument;
    try {
      summary = this.host.analyzer().indexDocument(uri, text, configFile ? { configFile } : {});
    } catch (e) {
      this.host.log(`warrant: analysing ${uri} failed: ${(e as Error).stack ?? e}`);
      return undefined;
    }
    this.texts.delete(uri);
    this.entries.set(uri, { text, configFile, summary });
    return this.host.outlines.record(uri, summary.outline, false);
  }

  private startBackground(settings: ServerSettings): void {
    this.background ??= this.indexRest(settings)
      .catch((e: unknown) => this.host.log(`warrant: indexing the workspace: ${(e as Error)?.stack ?? e}`))
      .finally(() => (this.background = undefined));
  }

  private async indexRest(settings: ServerSettings): Promise<void> {
    const files = await this.files(settings);
    const todo = files.filter((uri) => !this.entries.has(uri) && !this.host.documents.get(uri));
    if (todo.length === 0) return;
    const progress = await this.host.progress(`Indexing ${todo.length.toLocaleString('en-US')} essays`);
    let reported = 0;
    const lean = todo.length >= LEAN_INDEX_FILES ? (on: boolean) => this.host.leanHeap?.(on) : undefined;
    lean?.(true);
    try {
      for (let i = 0; i < todo.length; i++) {
        await this.host.scheduler.yieldToForeground();
        if (progress.token.isCancellationRequested) break;
        const uri = todo[i]!;
        if (this.entries.has(uri) || this.host.documents.get(uri)) continue;
        const text = this.texts.get(uri) ?? this.host.readFile(uri);
        if (text !== undefined) this.indexFile(uri, text, settings);
        const percent = Math.floor(((i + 1) * 100) / todo.length);
        if (percent > reported) progress.report((reported = percent), `${i + 1} of ${todo.length}`);
      }
    } finally {
      lean?.(false);
      progress.done();
      this.texts.clear();
    }
    // Nothing to lint again: a file that can matter to an open document was indexed before it was linted (`prepare`).
  }
}

/** The file name a link to `uri` has to write (`notes.md`), decoded. */
function nameOf(uri: string): string | undefined {
  const last = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last) || undefined;
  } catch {
    return last || undefined;
  }
}
