/**
 * The LSP host, wired: `startServer` builds the parts and connects them to the protocol's events.
 *
 * - `DocumentStore` — open documents, versions, focus-mode lines; the engine's `Workspace`.
 * - `SettingsStore` — `warrant.*` settings per document.
 * - `LintResults` — open documents' findings by uri + version + generation (`Analyzer.lintDocument`).
 * - `WorkspaceIndex` — summaries of the files nobody has open (`Analyzer.indexDocument`): the
 *   open file's link component first, the rest in the background.
 * - `Scheduler` — debounced lints first, requests next, the background index last.
 * - `DiagnosticsPublisher` — push or pull, and what to lint again when outlines change.
 * - `features.ts` — the handlers: look up, call the service.
 */
import { DidChangeWatchedFilesNotification, FileChangeType, type Connection, type InitializeParams } from 'vscode-languageserver';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { RuleMeta } from '../service/types.js';
import type { Analyzer, ServerDeps } from './analyzer.js';
import { serverCapabilities, WATCH_GLOBS } from './capabilities.js';
import { DocumentStore, MARKDOWN_FILE } from './documentStore.js';
import { FeatureContext, registerFeatures } from './features.js';
import { LintResults } from './lintResults.js';
import { Outlines } from './outlines.js';
import { DiagnosticsPublisher } from './publisher.js';
import { Scheduler } from './scheduler.js';
import { configFileFor, SettingsStore, type ServerSettings } from './settings.js';
import { WorkspaceIndex } from './workspaceIndex.js';
import { deferLanguageModel } from '../core/heuristics/language.js';

export interface ServerHandle {
  readonly documents: TextDocuments<TextDocument>;
  /** The refinement hook (see `DiagnosticsPublisher.refine`): lint these open documents again and publish. */
  refine(uris?: readonly string[]): void;
}

export function startServer(connection: Connection, deps: ServerDeps): ServerHandle {
  const client = { pull: false, refresh: false, configuration: false, watchers: false, snippetEdits: false };
  let folders: string[] = [];
  let rules: ReadonlyMap<string, RuleMeta> = new Map();
  const log = (message: string): void => connection.console.error(message);
  const documents = new DocumentStore(deps);
  let engine: Analyzer | undefined;
  const analyzer = (): Analyzer => {
    if (engine) return engine;
    engine = deps.createAnalyzer(documents.workspace);
    engine.onDidRefine?.((uris) => publisher.refine(uris));
    return engine;
  };
  const settings = new SettingsStore((uri) => connection.workspace.getConfiguration({ scopeUri: uri, section: 'warrant' }));
  const configFile = (s: ServerSettings) => configFileFor(s, folders, deps.resolvePath);
  const outlines = new Outlines();
  const results = new LintResults(analyzer, outlines, log);
  const scheduler = new Scheduler((uri) => publisher.publish(uri));
  const index: WorkspaceIndex = new WorkspaceIndex({
    analyzer,
    documents,
    outlines,
    results,
    scheduler,
    readFile: (uri) => deps.readFile(uri),
    listFiles: (s) => Promise.all(folders.map((f) => deps.listFiles(f, s.lintWorkspaceGlobs).catch(() => [] as string[]))).then((l) => [...new Set(l.flat())].sort()),
    configFile,
    progress: async (title) => {
      const reporter = await connection.window.createWorkDoneProgress();
      reporter.begin(title, 0, undefined, true);
      return reporter;
    },
    log,
    leanHeap: (on) => deps.leanHeap?.(on),
  });
  const publisher: DiagnosticsPublisher = new DiagnosticsPublisher({ connection, documents, settings, results, outlines, index, scheduler, client, rules: () => rules, configFile });
  const features = { documents, settings, index, publisher, analyzer, rules: () => rules, folders: () => folders, snippetEdits: () => client.snippetEdits, log };
  registerFeatures(connection, new FeatureContext(features), features);

  connection.onInitialize((params: InitializeParams) => {
    const caps = params.capabilities;
    client.pull = caps.textDocument?.diagnostic !== undefined;
    client.refresh = caps.workspace?.diagnostics?.refreshSupport === true;
    client.configuration = caps.workspace?.configuration === true;
    client.watchers = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    client.snippetEdits = (caps.workspace?.workspaceEdit as { snippetEditSupport?: boolean } | undefined)?.snippetEditSupport === true;
    folders = (params.workspaceFolders ?? []).map((f) => f.uri);
    if (folders.length === 0 && params.rootUri) folders = [params.rootUri];
    settings.initialize(client.configuration, params.initializationOptions);
    rules = new Map(analyzer().rules.map((r) => [r.id, r]));
    return serverCapabilities(client.pull);
  });

  connection.onInitialized(() => {
    if (client.watchers) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCH_GLOBS.map((globPattern) => ({ globPattern })) });
    if (folders.length === 0) return;
    try {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        folders = [...folders.filter((f) => !e.removed.some((r) => r.uri === f)), ...e.added.map((a) => a.uri)];
        startOver();
      });
    } catch {
      // the client does not announce folder changes
    }
  });

  /** Config, settings or folders changed: every summary and result may be wrong. */
  function startOver(): void {
    index.resetFiles();
    index.clear();
    results.clearDisk();
    analyzer().invalidate();
    publisher.everythingChanged();
  }

  connection.onDidChangeConfiguration((change) => {
    settings.changed(change.settings);
    startOver();
  });

  connection.onDidChangeWatchedFiles((params) => {
    for (const change of params.changes) deps.refresh?.(change.uri);
    void filesChanged(params.changes);
  });
  // A host that learns of files late (the browser's reads through the client) reports them here too.
  deps.onDidChangeFiles?.((uris) => void filesChanged(uris.map((uri) => ({ uri, type: FileChangeType.Changed }))));

  /** Markdown files changed on disk are indexed again, alone; any other file (a config, a bibliography) starts over. */
  async function filesChanged(changes: readonly { uri: string; type: FileChangeType }[]): Promise<void> {
    const changed = changes.filter((c) => !documents.get(c.uri)); // the editor's buffer wins over the disk
    if (changed.length === 0) return;
    if (changed.some((c) => !MARKDOWN_FILE.test(c.uri))) return startOver();
    if (changed.some((c) => c.type !== FileChangeType.Changed)) index.resetFiles();
    const s = await settings.get();
    for (const c of changed) index.reindex(c.uri, s);
    results.clearDisk();
    publisher.everythingChanged();
  }

  /** Documents just opened: TextDocuments reports the open as a content change too; lint those at once. */
  const justOpened = new Set<string>();
  documents.documents.onDidOpen((e) => {
    justOpened.add(e.document.uri);
    publisher.opened(e.document.uri);
  });

  documents.documents.onDidChangeContent(async (e) => {
    const uri = e.document.uri;
    const opened = justOpened.delete(uri);
    if (!opened) analyzer().invalidate(uri);
    if (client.pull) return; // the client pulls; the pull handler debounces
    if (opened) return scheduler.lintSoon(uri, 0);
    const s = await settings.get(uri);
    if (s.run === 'onType') scheduler.lintSoon(uri, s.debounce);
  });

  documents.documents.onDidSave(async (e) => {
    const uri = e.document.uri;
    const focused = documents.clearFocus(uri);
    const s = await settings.get(uri);
    if (s.run === 'onSave') publisher.savedToDisk(uri);
    else if (focused && s.focusMode) publisher.again(uri); // show what focus mode hid on the edited lines
  });

  documents.documents.onDidClose((e) => {
    const uri = e.document.uri;
    scheduler.cancel(uri);
    results.drop(uri);
    documents.clearFocus(uri);
    index.closed(uri);
    analyzer().invalidate(uri);
    publisher.closed(uri);
    afterClose(uri).catch((err: unknown) => log(`warrant: after closing ${uri}: ${(err as Error)?.stack ?? err}`));
  });

  /**
   * A buffer closed without saving took its unsaved ids and edges with it: the file on disk speaks
   * for it again. Index the disk text now; when what others see of it differs from the closed
   * buffer (or the file is gone), lint the other open documents again, as an edit would have.
   */
  async function afterClose(uri: string): Promise<void> {
    if (!outlines.has(uri)) return;
    const start = outlines.generation;
    const s = await settings.get(uri);
    if (documents.get(uri)) return; // opened again meanwhile: the buffer speaks for it
    if (MARKDOWN_FILE.test(uri) && s.enable) index.reindex(uri, s);
    else outlines.forget(uri);
    if (outlines.generation !== start) publisher.othersChanged(uri, s.debounce);
  }

  connection.languages.diagnostics.on((params, token) => scheduler.foreground(() => publisher.pull(params, token)));
  documents.listen(connection);
  // The detector's language model (#24) loads after the first lint, off every request's path: that
  // lint scores with the light weights, and every open document is linted again once it is there.
  deferLanguageModel(() => publisher.refine());
  return { documents: documents.documents, refine: (uris) => publisher.refine(uris) };
}
