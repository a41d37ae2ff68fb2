/**
 * The thin LSP host. Every feature handler reads "look up the document, call the service";
 * what lives here is only protocol plumbing: document sync, settings, the model cache by
 * uri + version, debounced and cancellable diagnostics (pulled when the client supports it,
 * pushed otherwise), and file-change invalidation.
 */
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../core/findings.js';
import { LineIndex } from '../core/text/lineIndex.js';
import type { Workspace } from '../core/workspace.js';
import { getCodeActions } from '../service/codeActions.js';
import { getCodeLenses } from '../service/codeLens.js';
import { getCompletions } from '../service/completion.js';
import { getDefinition } from '../service/definition.js';
import { hideWhileEditing, toDiagnostics } from '../service/diagnostics.js';
import { getHover } from '../service/hover.js';
import { getArgumentMap } from '../service/argumentMap.js';
import { getThreatMatrix } from '../service/threatMatrix.js';
import {
  ARGUMENT_MAP,
  THREAT_MATRIX,
  type ThreatMatrixParams,
  type ThreatMatrixResult,
  CONFIG_TEMPLATE,
  LINT_WORKSPACE,
  LIST_RULES,
  REPORT,
  type ArgumentMapParams,
  type ArgumentMapResult,
  type LintWorkspaceResult,
  type ReportParams,
} from '../service/protocol.js';
import { getReport } from '../service/report.js';
import { getReferences } from '../service/references.js';
import { prepareRename, rename } from '../service/rename.js';
import type { AnalyzedDocument, DocumentIndex, RuleMeta, ServiceContext } from '../service/types.js';
import { getWorkspaceSymbols } from '../service/workspaceSymbols.js';
import type { Analyzer, AnalyzerResult, ServerDeps } from './analyzer.js';
import { editedLines } from './editedLines.js';
import { DEFAULT_SETTINGS, normaliseSettings, type ServerSettings } from './settings.js';

const MARKDOWN_FILE = /\.(md|mkd|mdwn|mdown|markdown|markdn|mdtxt|mdtext|workbook|qmd)$/i;
const WATCH_GLOBS = ['**/.warrant.{yaml,yml}', '**/*.{bib,bibtex,json,yaml,yml}', '**/*.{md,markdown,qmd}'];

interface CachedDocument extends AnalyzedDocument {
  readonly generation: number;
  readonly configFile: string | undefined;
  readonly dependencies: readonly string[];
  readonly configProblems: readonly Finding[];
}

export interface ServerHandle {
  /** Resolves when no lint is scheduled or running (for tests). */
  readonly documents: TextDocuments<TextDocument>;
}

export function startServer(connection: Connection, deps: ServerDeps): ServerHandle {
  /**
   * Focus mode: the lines of each open document's latest edit (from the incremental `didChange`
   * ranges), cleared on save. Prose findings there stay hidden until the writer moves on.
   */
  const focusLines = new Map<string, readonly number[]>();
  const documents = new TextDocuments<TextDocument>({
    create: TextDocument.create,
    update: (document, changes, version) => {
      const lines = editedLines(changes);
      if (lines) focusLines.set(document.uri, lines);
      else focusLines.delete(document.uri);
      return TextDocument.update(document, changes, version);
    },
  });
  const workspace: Workspace = {
    readText: (uri) => documents.get(uri)?.getText() ?? deps.readFile(uri),
    exists: (uri) => documents.get(uri) !== undefined || deps.exists(uri),
  };
  let analyzer: Analyzer | undefined;
  const getAnalyzer = (): Analyzer => {
    if (!analyzer) {
      analyzer = deps.createAnalyzer(workspace);
      // The refinement hook (minimal; the server helper's branch has a fuller one): the analyzer has
      // better findings for these open documents (the sentence encoder embedded their candidates).
      analyzer.onDidRefine?.((uris) => {
        for (const d of documents.all()) {
          if (uris && !uris.includes(d.uri)) continue;
          openCache.delete(d.uri);
          savedDiagnostics.delete(d.uri);
          if (!pullDiagnostics) schedule(d.uri, 0);
        }
        if (pullDiagnostics && refreshSupport) void connection.languages.diagnostics.refresh();
      });
    }
    return analyzer;
  };
  let rules: ReadonlyMap<string, RuleMeta> = new Map();

  let pullDiagnostics = false;
  let refreshSupport = false;
  let configurationSupport = false;
  let dynamicWatchers = false;
  let snippetEdits = false;
  let folders: string[] = [];
  let globalSettings: ServerSettings = DEFAULT_SETTINGS;
  const settingsCache = new Map<string, Promise<ServerSettings>>();

  /**
   * Bumped whenever something outside a document changes (config, bibliography, settings, a file
   * on disk) and whenever a document's outline (its ids and edges) changes: a document linted at an
   * older generation may be stale.
   */
  let generation = 0;
  /** The outline each document was last analysed with. */
  const outlines = new Map<string, string>();
  const openCache = new Map<string, CachedDocument>();
  const diskCache = new Map<string, CachedDocument>();
  let fileList: Promise<string[]> | undefined;
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** onSave mode: the diagnostics computed at open/save, shown until the next save. */
  const savedDiagnostics = new Map<string, Diagnostic[]>();
  /** Files given pushed diagnostics by "lint workspace" (cleared when opened, in pull mode). */
  const workspacePushed = new Set<string>();
  /** Config files that have pushed problems. */
  const configPushed = new Set<string>();

  // ---------------------------------------------------------------- settings

  function getSettings(uri?: string): Promise<ServerSettings> {
    if (!configurationSupport || !uri) return Promise.resolve(globalSettings);
    let p = settingsCache.get(uri);
    if (!p) {
      p = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'warrant' })
        .then((raw) => normaliseSettings(raw, globalSettings), () => globalSettings);
      settingsCache.set(uri, p);
    }
    return p;
  }

  function configFileFor(settings: ServerSettings): string | undefined {
    const file = settings.configFile;
    if (!file) return undefined;
    if (file.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(file)) return file;
    const folder = folders[0];
    if (!folder || !deps.resolvePath) return file;
    return deps.resolvePath(decodeURIComponent(new URL(folder).pathname), file);
  }

  // ---------------------------------------------------------------- analysis (cached by uri + version + generation)

  function analyzeText(uri: string, text: string, version: number, settings: ServerSettings): CachedDocument {
    const configFile = configFileFor(settings);
    const cache = version >= 0 ? openCache : diskCache;
    const hit = cache.get(uri);
    if (hit && hit.version === version && hit.generation === generation && hit.configFile === configFile && hit.text === text) return hit;
    let result: AnalyzerResult;
    try {
      result = getAnalyzer().lint(uri, text, { ...(configFile ? { configFile } : {}), ...(version >= 0 ? { open: true } : {}) });
    } catch (e) {
      connection.console.error(`warrant: analysing ${uri} failed: ${(e as Error).stack ?? e}`);
      result = { findings: [], model: { nodes: [], sources: [], internalLinks: [], bibliography: new Map() }, baseKindOf: () => 'claim', dependencies: [], configProblems: [], outline: '' };
    }
    // New ids or edges: every other document's findings may have changed (this one saw them).
    if (outlines.get(uri) !== result.outline) {
      outlines.set(uri, result.outline);
      generation++;
    }
    const doc: CachedDocument = {
      uri,
      version,
      text,
      lineIndex: new LineIndex(text),
      model: result.model,
      findings: result.findings,
      baseKindOf: result.baseKindOf,
      generation,
      configFile,
      dependencies: result.dependencies,
      configProblems: result.configProblems,
    };
    cache.set(uri, doc);
    return doc;
  }

  function analyzeOpen(document: TextDocument, settings: ServerSettings): CachedDocument {
    return analyzeText(document.uri, document.getText(), document.version, settings);
  }

  function ensureFileList(settings: ServerSettings): Promise<string[]> {
    fileList ??= Promise.all(folders.map((f) => deps.listFiles(f, settings.lintWorkspaceGlobs).catch(() => [] as string[]))).then((l) =>
      [...new Set(l.flat())].sort(),
    );
    return fileList;
  }

  /**
   * Ids are workspace-wide: a defense in a file nobody opened still backs a claim. Analyse every
   * Markdown file of the workspace once (again after a change on disk) before linting, files on
   * disk first so that open documents are linted with every edge known. A file whose text the
   * engine already holds is not linted again here: only its model matters to the others.
   */
  async function loadWorkspace(settings: ServerSettings): Promise<void> {
    const files = await ensureFileList(settings);
    // Files on disk first, so that open documents are linted with every edge known (#12). A file
    // on disk is read and analysed once; the watcher drops changed ones from diskCache, so a
    // keystroke reads nothing from disk and an id change re-lints no closed file (#13).
    for (const uri of files) {
      if (documents.get(uri) || diskCache.has(uri)) continue;
      const text = deps.readFile(uri);
      if (text !== undefined) analyzeText(uri, text, -1, settings);
    }
    for (const d of documents.all()) if (isMarkdown(d)) analyzeOpen(d, settings);
  }

  function isMarkdown(d: TextDocument): boolean {
    return MARKDOWN_FILE.test(d.uri) || d.languageId === 'markdown' || d.languageId === 'quarto';
  }

  function makeIndex(settings: ServerSettings, files: readonly string[]): DocumentIndex {
    const get = (uri: string): AnalyzedDocument | undefined => {
      const open = documents.get(uri);
      if (open) return analyzeOpen(open, settings);
      const text = deps.readFile(uri);
      return text === undefined ? undefined : analyzeText(uri, text, -1, settings);
    };
    return {
      get,
      *all() {
        const seen = new Set<string>();
        for (const d of documents.all()) {
          if (!isMarkdown(d)) continue;
          seen.add(d.uri);
          yield analyzeOpen(d, settings);
        }
        for (const uri of files) {
          if (seen.has(uri)) continue;
          const doc = get(uri);
          if (doc) yield doc;
        }
      },
      readText: (uri) => workspace.readText(uri),
    };
  }

  async function context(uri: string | undefined): Promise<{ settings: ServerSettings; ctx: ServiceContext }> {
    const settings = await getSettings(uri);
    const files = await ensureFileList(settings);
    return {
      settings,
      ctx: {
        index: makeIndex(settings, files),
        graph: () => getAnalyzer().graph(),
        rules,
        settings: { severityOverrides: settings.severityOverrides, disableRuleComments: settings.disableRuleComments, snippetEdits },
      },
    };
  }

  /** Look up the document, call the service; a service that throws answers `null`, never kills the server. */
  async function withDocument<T>(uri: string, fn: (doc: AnalyzedDocument, ctx: ServiceContext, settings: ServerSettings) => T): Promise<T | null> {
    const document = documents.get(uri);
    if (!document) return null;
    const { settings, ctx } = await context(uri);
    if (!settings.enable) return null;
    const current = documents.get(uri);
    if (!current) return null;
    try {
      return fn(analyzeOpen(current, settings), ctx, settings);
    } catch (e) {
      connection.console.error(`warrant: ${(e as Error).stack ?? e}`);
      if (e instanceof ResponseError) throw e;
      return null;
    }
  }

  // ---------------------------------------------------------------- diagnostics

  function diagnosticsOf(doc: CachedDocument, settings: ServerSettings): Diagnostic[] {
    pushConfigProblems(doc);
    return hideWhileEditing(toDiagnostics(doc.findings, rules, settings.severityOverrides), focusOf(doc.uri, settings));
  }

  /** The lines focus mode hides prose findings on; none with `run: onSave`, whose findings only change on save anyway. */
  function focusOf(uri: string, settings: ServerSettings): readonly number[] {
    return settings.focusMode && settings.run === 'onType' ? (focusLines.get(uri) ?? []) : [];
  }

  function pushConfigProblems(doc: CachedDocument): void {
    const byUri = new Map<string, Finding[]>();
    for (const p of doc.configProblems) byUri.set(p.uri, [...(byUri.get(p.uri) ?? []), p]);
    for (const uri of configPushed) if (!byUri.has(uri)) byUri.set(uri, []);
    for (const [uri, findings] of byUri) {
      if (documents.get(uri) && pullDiagnostics) continue;
      connection.sendDiagnostics({ uri, diagnostics: toDiagnostics(findings, rules) });
      if (findings.length) configPushed.add(uri);
      else configPushed.delete(uri);
    }
  }

  function schedule(uri: string, delay: number): void {
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        void validate(uri);
      }, delay),
    );
  }

  /** Push mode: lint the current version and publish, unless a newer version arrived meanwhile. */
  async function validate(uri: string): Promise<void> {
    const document = documents.get(uri);
    if (!document) return;
    const version = document.version;
    const settings = await getSettings(uri);
    const current = documents.get(uri);
    if (!current || current.version !== version) return; // superseded: a newer change scheduled its own lint
    if (!settings.enable) {
      connection.sendDiagnostics({ uri, version, diagnostics: [] });
      return;
    }
    const start = generation;
    await loadWorkspace(settings);
    if (documents.get(uri)?.version !== version) return;
    const doc = analyzeOpen(current, settings);
    connection.sendDiagnostics({ uri, version, diagnostics: diagnosticsOf(doc, settings) });
    if (generation !== start) othersChanged(uri, settings);
  }

  /**
   * An outline changed while linting `uri` (an edit, or the workspace index reading files): the
   * other open documents were linted against the old edges, so lint them again.
   */
  function othersChanged(uri: string, settings: ServerSettings): void {
    const stale = documents.all().filter((d) => d.uri !== uri && openCache.get(d.uri)?.generation !== generation);
    if (stale.length === 0) return;
    if (pullDiagnostics) {
      if (refreshSupport) void connection.languages.diagnostics.refresh();
    } else {
      for (const d of stale) schedule(d.uri, settings.debounce);
    }
  }

  /** `keepIndex`: only Markdown files changed on disk (each already dropped from the index), so the rest of the index stands. */
  function everythingChanged(keepIndex = false): void {
    generation++;
    if (!keepIndex) {
      getAnalyzer().invalidate();
      diskCache.clear();
    }
    savedDiagnostics.clear();
    if (pullDiagnostics) {
      if (refreshSupport) void connection.languages.diagnostics.refresh();
    } else {
      for (const d of documents.all()) schedule(d.uri, 0);
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

  connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
    const uri = params.textDocument.uri;
    const document = documents.get(uri);
    if (!document) return { kind: 'full', items: [] };
    const settings = await getSettings(uri);
    if (!settings.enable) return { kind: 'full', items: [] };
    if (settings.run === 'onSave') {
      const saved = savedDiagnostics.get(uri);
      if (saved) return { kind: 'full', items: saved };
    }
    const cached = openCache.get(uri);
    const fresh = cached && cached.version === document.version && cached.generation === generation;
    if (!fresh && settings.run === 'onType') await cancellableDelay(settings.debounce, token);
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'superseded by a newer change', { retriggerRequest: true });
    const start = generation;
    await loadWorkspace(settings);
    const current = documents.get(uri);
    if (!current) return { kind: 'full', items: [] };
    const doc = analyzeOpen(current, settings);
    const resultId = `${doc.version}:${doc.generation}:${focusOf(uri, settings).join(',')}`;
    const items = diagnosticsOf(doc, settings);
    if (settings.run === 'onSave') savedDiagnostics.set(uri, items);
    if (generation !== start) othersChanged(uri, settings);
    if (params.previousResultId === resultId) return { kind: 'unchanged', resultId };
    return { kind: 'full', resultId, items };
  });

  // ---------------------------------------------------------------- lifecycle

  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities;
    pullDiagnostics = caps.textDocument?.diagnostic !== undefined;
    refreshSupport = caps.workspace?.diagnostics?.refreshSupport === true;
    configurationSupport = caps.workspace?.configuration === true;
    dynamicWatchers = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    snippetEdits = (caps.workspace?.workspaceEdit as { snippetEditSupport?: boolean } | undefined)?.snippetEditSupport === true;
    folders = (params.workspaceFolders ?? []).map((f) => f.uri);
    if (folders.length === 0 && params.rootUri) folders = [params.rootUri];
    const init = params.initializationOptions as Record<string, unknown> | undefined;
    globalSettings = normaliseSettings(init && typeof init === 'object' && 'settings' in init ? init.settings : init, DEFAULT_SETTINGS);
    rules = new Map(getAnalyzer().rules.map((r) => [r.id, r]));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        completionProvider: { triggerCharacters: ['#', '@'], resolveProvider: false },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        workspaceSymbolProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix], resolveProvider: false },
        ...(pullDiagnostics ? { diagnosticProvider: { identifier: 'warrant', interFileDependencies: true, workspaceDiagnostics: false } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'warrant-language-server' },
    };
  });

  connection.onInitialized(() => {
    if (dynamicWatchers) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: WATCH_GLOBS.map((globPattern) => ({ globPattern })),
      });
    }
    if (folders.length > 0) {
      try {
        connection.workspace.onDidChangeWorkspaceFolders((e) => {
          folders = [...folders.filter((f) => !e.removed.some((r) => r.uri === f)), ...e.added.map((a) => a.uri)];
          fileList = undefined;
          everythingChanged();
        });
      } catch {
        // the client does not announce folder changes
      }
    }
  });

  connection.onDidChangeConfiguration((change) => {
    settingsCache.clear();
    if (!configurationSupport) {
      const raw = (change.settings as Record<string, unknown> | undefined)?.warrant;
      if (raw !== undefined) globalSettings = normaliseSettings(raw, globalSettings);
    }
    fileList = undefined;
    everythingChanged();
  });

  connection.onDidChangeWatchedFiles((params) => {
    for (const change of params.changes) deps.refresh?.(change.uri);
    filesChanged(params.changes);
  });
  // A host that learns of files late (the browser's reads through the client) reports them here too.
  deps.onDidChangeFiles?.((uris) => filesChanged(uris.map((uri) => ({ uri, type: FileChangeType.Changed }))));

  function filesChanged(changes: readonly { uri: string; type: FileChangeType }[]): void {
    let relevant = false;
    let onlyMarkdown = true;
    for (const change of changes) {
      if (documents.get(change.uri)) continue; // the editor's buffer wins over the disk
      if (MARKDOWN_FILE.test(change.uri)) {
        diskCache.delete(change.uri);
        getAnalyzer().invalidate(change.uri);
        if (change.type !== FileChangeType.Changed) fileList = undefined;
      } else onlyMarkdown = false;
      relevant = true;
    }
    if (relevant) everythingChanged(onlyMarkdown);
  }

  /** Documents just opened: TextDocuments reports the open as a content change too; lint those at once. */
  const justOpened = new Set<string>();
  documents.onDidOpen((e) => {
    const uri = e.document.uri;
    justOpened.add(uri);
    if (pullDiagnostics && workspacePushed.delete(uri)) connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  documents.onDidChangeContent(async (e) => {
    const uri = e.document.uri;
    const opened = justOpened.delete(uri);
    if (!opened) getAnalyzer().invalidate(uri);
    if (pullDiagnostics) return; // the client pulls; the pull handler debounces
    if (opened) return schedule(uri, 0);
    const settings = await getSettings(uri);
    if (settings.run === 'onType') schedule(uri, settings.debounce);
  });

  documents.onDidSave(async (e) => {
    const uri = e.document.uri;
    const focused = focusLines.delete(uri);
    const settings = await getSettings(uri);
    if (focused && settings.run === 'onType' && settings.focusMode) {
      // show what focus mode hid on the edited lines
      if (!pullDiagnostics) schedule(uri, 0);
      else if (refreshSupport) void connection.languages.diagnostics.refresh();
    }
    if (settings.run !== 'onSave') return;
    if (pullDiagnostics) {
      savedDiagnostics.delete(uri);
      if (refreshSupport) void connection.languages.diagnostics.refresh();
    } else schedule(uri, 0);
  });

  documents.onDidClose((e) => {
    const uri = e.document.uri;
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    openCache.delete(uri);
    diskCache.delete(uri); // read again from disk: it may differ from the closed buffer, whose model the engine forgets
    savedDiagnostics.delete(uri);
    focusLines.delete(uri);
    getAnalyzer().invalidate(uri);
    if (!pullDiagnostics) connection.sendDiagnostics({ uri, diagnostics: [] });
    afterClose(uri).catch((e: unknown) => connection.console.error(`warrant: after closing ${uri}: ${(e as Error)?.stack ?? e}`));
  });

  /**
   * A buffer closed without saving took its unsaved ids and edges with it: the file on disk speaks
   * for it again. Analyse the disk text now; when what others see of it differs from the closed
   * buffer (or the file is gone), lint the other open documents again, as an edit would have.
   */
  async function afterClose(uri: string): Promise<void> {
    if (!outlines.has(uri)) return;
    const start = generation;
    const settings = await getSettings(uri);
    if (documents.get(uri)) return; // opened again meanwhile: the buffer speaks for it
    const text = MARKDOWN_FILE.test(uri) && settings.enable ? deps.readFile(uri) : undefined;
    if (text !== undefined) analyzeText(uri, text, -1, settings);
    else if (outlines.delete(uri)) generation++;
    if (generation !== start) othersChanged(uri, settings);
  }

  // ---------------------------------------------------------------- features: look up the document, call the service

  connection.onHover((p) => withDocument(p.textDocument.uri, (doc, ctx) => getHover(doc, p.position, ctx)));
  connection.onCompletion((p) => withDocument(p.textDocument.uri, (doc, ctx) => getCompletions(doc, p.position, ctx)));
  connection.onDefinition((p) => withDocument(p.textDocument.uri, (doc, ctx) => getDefinition(doc, p.position, ctx)));
  connection.onReferences((p) =>
    withDocument(p.textDocument.uri, (doc, ctx) => getReferences(doc, p.position, p.context.includeDeclaration, ctx)),
  );
  connection.onPrepareRename((p) => withDocument(p.textDocument.uri, (doc, ctx) => prepareRename(doc, p.position, ctx)));
  connection.onRenameRequest((p) => withDocument(p.textDocument.uri, (doc, ctx) => rename(doc, p.position, p.newName, ctx)));
  connection.onCodeLens((p) =>
    withDocument(p.textDocument.uri, (doc, ctx, settings) => (settings.codeLens ? getCodeLenses(doc, ctx) : [])),
  );
  connection.onCodeAction((p) => withDocument(p.textDocument.uri, (doc, ctx) => getCodeActions(doc, p, ctx)));
  connection.onWorkspaceSymbol(async (p) => {
    const { settings, ctx } = await context(undefined);
    return settings.enable ? getWorkspaceSymbols(p.query, ctx) : [];
  });

  connection.onRequest(LIST_RULES, () => [...rules.values()]);
  connection.onRequest(CONFIG_TEMPLATE, () => getAnalyzer().configTemplate());
  connection.onRequest(ARGUMENT_MAP, async (params: ArgumentMapParams | undefined): Promise<ArgumentMapResult> => {
    const p = params ?? {};
    const { settings, ctx } = await context(p.uri);
    if (!settings.enable) return { nodes: [], edges: [], dot: 'digraph warrant {\n}\n' };
    return getArgumentMap(ctx, p, folders);
  });
  connection.onRequest(REPORT, async (params: ReportParams | undefined) => {
    const p = params ?? {};
    const { settings, ctx } = await context(p.uri);
    if (!settings.enable) return null;
    return getReport(ctx, p, folders);
  });
  connection.onRequest(THREAT_MATRIX, async (params: ThreatMatrixParams | undefined): Promise<ThreatMatrixResult> => {
    const p = params ?? {};
    const { settings, ctx } = await context(p.uri);
    if (!settings.enable) {
      const matrix = { version: 1 as const, layers: ['model', 'product', 'ecosystem', 'unrated'], risks: [], defenses: [] };
      return { matrix, byAdversary: { version: 1, by: 'adversary', layers: matrix.layers, rows: [] }, locations: {} };
    }
    return getThreatMatrix(ctx, p, folders);
  });
  connection.onRequest(LINT_WORKSPACE, async (): Promise<LintWorkspaceResult> => {
    fileList = undefined;
    const { settings, ctx } = await context(undefined);
    let files = 0;
    let findings = 0;
    let unsupportedClaims = 0;
    for (const doc of ctx.index.all()) {
      files++;
      const diagnostics = toDiagnostics(doc.findings, rules, settings.severityOverrides);
      findings += diagnostics.length;
      unsupportedClaims += diagnostics.filter((d) => d.code === 'unsupported-claim').length;
      if (documents.get(doc.uri)) continue; // open documents already show theirs
      connection.sendDiagnostics({ uri: doc.uri, diagnostics });
      workspacePushed.add(doc.uri);
    }
    return { files, findings, unsupportedClaims };
  });

  documents.listen(connection);
  return { documents };
}
