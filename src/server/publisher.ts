/**
 * Diagnostics out: pushed (`publishDiagnostics`) or pulled (`textDocument/diagnostic`), debounced
 * and superseded by newer versions; config-file problems; `run: onSave`'s saved diagnostics; and
 * what to lint again when something other documents see changes.
 */
import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection, type Diagnostic, type DocumentDiagnosticParams, type DocumentDiagnosticReport } from 'vscode-languageserver';
import type { Finding } from '../core/findings.js';
import { hideWhileEditing, toDiagnostics } from '../service/diagnostics.js';
import type { LintWorkspaceResult } from '../service/protocol.js';
import type { RuleMeta, ServiceContext } from '../service/types.js';
import type { DocumentStore } from './documentStore.js';
import type { LintResult, LintResults } from './lintResults.js';
import type { Outlines } from './outlines.js';
import type { Scheduler } from './scheduler.js';
import type { ServerSettings, SettingsStore } from './settings.js';
import type { WorkspaceIndex } from './workspaceIndex.js';

export interface PublisherHost {
  readonly connection: Connection;
  readonly documents: DocumentStore;
  readonly settings: SettingsStore;
  readonly results: LintResults;
  readonly outlines: Outlines;
  readonly index: WorkspaceIndex;
  readonly scheduler: Scheduler;
  readonly client: { readonly pull: boolean; readonly refresh: boolean };
  rules(): ReadonlyMap<string, RuleMeta>;
  configFile(settings: ServerSettings): string | undefined;
}

export class DiagnosticsPublisher {
  /** `run: onSave`: the diagnostics computed at open or save, shown until the next save. */
  private readonly saved = new Map<string, Diagnostic[]>();
  /** Files given pushed diagnostics by "lint workspace" (cleared when opened, in pull mode). */
  private readonly workspacePushed = new Set<string>();
  /** Config files that have pushed problems. */
  private readonly configPushed = new Set<string>();

  constructor(private readonly host: PublisherHost) {}

  /** Push mode: lint the current version and publish, unless a newer version arrived meanwhile. */
  async publish(uri: string): Promise<void> {
    const { documents, connection } = this.host;
    const version = documents.get(uri)?.version;
    if (version === undefined) return;
    const settings = await this.host.settings.get(uri);
    if (documents.get(uri)?.version !== version) return; // superseded: a newer change scheduled its own lint
    if (!settings.enable) return void connection.sendDiagnostics({ uri, version, diagnostics: [] });
    const start = this.host.outlines.generation;
    const doc = await this.lintCurrent(uri, settings);
    if (!doc || doc.version !== version) return;
    connection.sendDiagnostics({ uri, version, diagnostics: this.diagnosticsOf(doc, settings) });
    if (this.host.outlines.generation !== start) this.othersChanged(uri, settings.debounce);
  }

  /** Pull mode: the client asks; wait out the debounce (cancelled by a newer request), lint, answer. */
  async pull(params: DocumentDiagnosticParams, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    const uri = params.textDocument.uri;
    const { documents, results, outlines } = this.host;
    const document = documents.get(uri);
    if (!document) return { kind: 'full', items: [] };
    const settings = await this.host.settings.get(uri);
    if (!settings.enable) return { kind: 'full', items: [] };
    const saved = settings.run === 'onSave' ? this.saved.get(uri) : undefined;
    if (saved) return { kind: 'full', items: saved };
    if (!results.isFresh(uri, document.version) && settings.run === 'onType') await cancellableDelay(settings.debounce, token);
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'superseded by a newer change', { retriggerRequest: true });
    const start = outlines.generation;
    const doc = await this.lintCurrent(uri, settings);
    if (!doc) return { kind: 'full', items: [] };
    const resultId = `${doc.version}:${doc.generation}:${documents.focusOf(uri, settings).join(',')}`;
    const items = this.diagnosticsOf(doc, settings);
    if (settings.run === 'onSave') this.saved.set(uri, items);
    if (outlines.generation !== start) this.othersChanged(uri, settings.debounce);
    return params.previousResultId === resultId ? { kind: 'unchanged', resultId } : { kind: 'full', resultId, items };
  }

  /** Lint `uri` again: now (push) or when the client pulls (pull). */
  again(uri: string, delay = 0): void {
    if (!this.host.client.pull) this.host.scheduler.lintSoon(uri, delay);
    else this.refresh();
  }

  /** Something other documents see changed while linting `except`: lint the open documents linted at an older generation again. */
  othersChanged(except: string | undefined, delay: number): void {
    const stale = this.host.documents.markdown().filter((d) => d.uri !== except && this.host.results.cached(d.uri)?.generation !== this.host.outlines.generation);
    if (stale.length === 0) return;
    if (this.host.client.pull) this.refresh();
    else for (const d of stale) this.host.scheduler.lintSoon(d.uri, delay);
  }

  /** Config, settings, folders or files on disk changed: every open document is linted again. */
  everythingChanged(): void {
    this.host.outlines.bump();
    this.saved.clear();
    if (this.host.client.pull) this.refresh();
    else for (const d of this.host.documents.documents.all()) this.host.scheduler.lintSoon(d.uri, 0);
  }

  /**
   * The refinement hook: the engine has better findings for these open documents than it gave
   * (`undefined`: all of them). Their results are dropped and they are linted and published again.
   */
  refine(uris?: readonly string[]): void {
    const open = this.host.documents.markdown().map((d) => d.uri);
    for (const uri of uris ?? open) {
      if (!open.includes(uri)) continue;
      this.host.results.drop(uri);
      this.saved.delete(uri);
      this.again(uri);
    }
  }

  opened(uri: string): void {
    if (this.host.client.pull && this.workspacePushed.delete(uri)) this.host.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** `run: onSave`: forget the saved diagnostics and lint again. */
  savedToDisk(uri: string): void {
    this.saved.delete(uri);
    this.again(uri);
  }

  closed(uri: string): void {
    this.saved.delete(uri);
    if (!this.host.client.pull) this.host.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** "Lint all Markdown files": push every file's diagnostics (open documents already show theirs). */
  lintWorkspace(ctx: ServiceContext, settings: ServerSettings): LintWorkspaceResult {
    let files = 0;
    let findings = 0;
    let unsupportedClaims = 0;
    for (const doc of ctx.index.all()) {
      files++;
      const diagnostics = toDiagnostics(doc.findings, this.host.rules(), settings.severityOverrides);
      findings += diagnostics.length;
      unsupportedClaims += diagnostics.filter((d) => d.code === 'unsupported-claim').length;
      if (this.host.documents.get(doc.uri)) continue;
      this.host.connection.sendDiagnostics({ uri: doc.uri, diagnostics });
      this.workspacePushed.add(doc.uri);
    }
    return { files, findings, unsupportedClaims };
  }

  private refresh(): void {
    if (this.host.client.refresh) void this.host.connection.languages.diagnostics.refresh();
  }

  private async lintCurrent(uri: string, settings: ServerSettings): Promise<LintResult | undefined> {
    await this.host.index.prepare(uri, settings);
    const { documents, results } = this.host;
    const configFile = this.host.configFile(settings);
    // Other open buffers first, so that the engine sees their edges as written, not as on disk.
    for (const d of documents.markdown()) if (d.uri !== uri) results.lintOpen(d.uri, d.getText(), d.version, configFile);
    const current = documents.get(uri);
    return current && results.lintOpen(uri, current.getText(), current.version, configFile);
  }

  private diagnosticsOf(doc: LintResult, settings: ServerSettings): Diagnostic[] {
    this.pushConfigProblems(doc);
    return hideWhileEditing(toDiagnostics(doc.findings, this.host.rules(), settings.severityOverrides), this.host.documents.focusOf(doc.uri, settings));
  }

  private pushConfigProblems(doc: LintResult): void {
    const byUri = new Map<string, Finding[]>();
    for (const p of doc.configProblems) byUri.set(p.uri, [...(byUri.get(p.uri) ?? []), p]);
    for (const uri of this.configPushed) if (!byUri.has(uri)) byUri.set(uri, []);
    for (const [uri, findings] of byUri) {
      if (this.host.documents.get(uri) && this.host.client.pull) continue;
      this.host.connection.sendDiagnostics({ uri, diagnostics: toDiagnostics(findings, this.host.rules()) });
      if (findings.length) this.configPushed.add(uri);
      else this.configPushed.delete(uri);
    }
  }
}

function cancellableDelay(ms: number, token: CancellationToken): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    token.onCancellationRequested(() => {
      clearTimeout(t);
      resolve();
    });
  });
}
