/**
 * An in-process LSP client/server pair over in-memory streams: the real `startServer` with the
 * real engine, a real JSON-RPC protocol connection as the client. No sleeps: tests wait on the
 * notifications the server sends.
 */
import { PassThrough } from 'node:stream';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createConnection,
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
} from 'vscode-languageserver/node';
import { startServer } from '../../src/server/server.js';
import { loadLanguageModel } from '../../src/core/heuristics/language.js';
import { nodeDeps } from '../../src/server/nodeDeps.js';
import type { ServerDeps } from '../../src/server/analyzer.js';

export const FIXTURE_DIR = fileURLToPath(new URL('../e2e/fixtures/workspace/', import.meta.url));
export const fixtureUri = (name: string, dir = FIXTURE_DIR): string => pathToFileURL(join(dir, name)).href;
export const fixtureText = (name: string, dir = FIXTURE_DIR): string => readFileSync(join(dir, name), 'utf8');

export interface Harness {
  readonly client: ProtocolConnection;
  /** Every publishDiagnostics received, in order. */
  readonly published: PublishDiagnosticsParams[];
  /** Resolves with the first (past or future) publish for `uri` that satisfies `accept`. */
  nextDiagnostics(uri: string, accept?: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams>;
  open(uri: string, text: string, languageId?: string): void;
  change(uri: string, version: number, text: string): void;
  /** An incremental change, as VS Code sends while typing: replace `range` with `text`. */
  edit(uri: string, version: number, range: Range, text: string): void;
  save(uri: string): void;
  /** `textDocument/didClose`: the editor closed the buffer (unsaved edits discarded). */
  closeDocument(uri: string): void;
  pull(uri: string): Promise<Diagnostic[]>;
  settings: Record<string, unknown>;
  /** How many `workspace/diagnostic/refresh` requests the server sent. */
  refreshes(): number;
  close(): void;
}

export interface HarnessOptions {
  readonly pull?: boolean;
  /** Client answers `workspace/configuration` with `settings` when true; else settings go in initializationOptions. */
  readonly configuration?: boolean;
  readonly settings?: Record<string, unknown>;
  readonly rootDir?: string;
  readonly deps?: ServerDeps;
  /** Deps built over the server's own connection (the web worker's runtime asks the client for files). */
  readonly depsFor?: (connection: ReturnType<typeof createConnection>) => ServerDeps;
  /** The workspace folder's URI, when it is not a folder on disk (`rootDir`). */
  readonly rootUri?: string;
  /** Handlers the client answers besides the standard ones (registered before `initialize`). */
  readonly onRequest?: Record<string, (params: never) => unknown>;
  /** The client shows server-initiated work-done progress (`window.workDoneProgress`); answer `window/workDoneProgress/create` in `onRequest`. */
  readonly workDoneProgress?: boolean;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const serverConnection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  // Full findings from the first lint (a real server lints light until the language model loads).
  loadLanguageModel();
  startServer(serverConnection, options.depsFor?.(serverConnection) ?? options.deps ?? nodeDeps());
  serverConnection.listen();

  const client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const published: PublishDiagnosticsParams[] = [];
  const waiters: { uri: string; accept: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  let refreshCount = 0;
  const h: Harness = {
    client,
    published,
    settings: { debounce: 0, ...(options.settings ?? {}) },
    nextDiagnostics(uri, accept = () => true) {
      return new Promise((resolve) => waiters.push({ uri, accept, resolve }));
    },
    open(uri, text, languageId = 'markdown') {
      void client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    },
    change(uri, version, text) {
      void client.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    },
    edit(uri, version, range, text) {
      void client.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    },
    save(uri) {
      void client.sendNotification('textDocument/didSave', { textDocument: { uri } });
    },
    closeDocument(uri) {
      void client.sendNotification('textDocument/didClose', { textDocument: { uri } });
    },
    async pull(uri) {
      const report = await client.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
      return (report as { items: Diagnostic[] }).items;
    },
    refreshes: () => refreshCount,
    close() {
      client.dispose();
      serverConnection.dispose();
    },
  };
  client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p);
    for (let i = 0; i < waiters.length; i++) {
      const w = waiters[i]!;
      if (w.uri === p.uri && w.accept(p)) {
        waiters.splice(i--, 1);
        w.resolve(p);
      }
    }
  });
  client.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => h.settings));
  client.onRequest('client/registerCapability', () => null);
  client.onRequest('workspace/diagnostic/refresh', () => {
    refreshCount++;
    return null;
  });
  client.onNotification('window/logMessage', () => undefined);
  for (const [method, handler] of Object.entries(options.onRequest ?? {})) client.onRequest(method, handler);
  client.listen();

  const capabilities: ClientCapabilities = {
    workspace: {
      configuration: options.configuration ?? false,
      didChangeWatchedFiles: { dynamicRegistration: true },
      diagnostics: { refreshSupport: true },
      workspaceFolders: true,
    },
    ...(options.workDoneProgress ? { window: { workDoneProgress: true } } : {}),
    textDocument: {
      hover: { contentFormat: ['markdown', 'plaintext'] },
      completion: { completionItem: { snippetSupport: false } },
      publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
      ...(options.pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
    },
  };
  const rootUri = options.rootUri ?? pathToFileURL(options.rootDir ?? FIXTURE_DIR).href;
  await client.sendRequest('initialize', {
    processId: null,
    rootUri,
    workspaceFolders: [{ uri: rootUri.replace(/\/$/, ''), name: 'ws' }],
    capabilities,
    initializationOptions: options.configuration ? undefined : { settings: h.settings },
  });
  await client.sendNotification('initialized', {});
  return h;
}

/** Marker-based positions: `at(text, 'Claim 1')` is the position of the first character of `Claim 1`. */
export function at(text: string, needle: string, delta = 0): { line: number; character: number } {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`marker ${JSON.stringify(needle)} not found`);
  const before = text.slice(0, offset + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - (before.lastIndexOf('\n') + 1) };
}

/** Files of a directory, recursively (for copying fixtures into temp dirs). */
export function listDir(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? listDir(join(dir, n)).map((x) => join(n, x)) : [n]));
}

/**
 * A server on a scratch copy of the fixture workspace, with lanes.md open and its first
 * diagnostics in: for tests that change files on disk. `close()` stops it and removes the copy.
 */
export async function startOnFixtureCopy(prefix: string, options: Omit<HarnessOptions, 'rootDir'> = {}): Promise<{ h: Harness; dir: string; uri: string; close(): void }> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cpSync(FIXTURE_DIR, dir, { recursive: true });
  const h = await startHarness({ ...options, rootDir: dir });
  const uri = pathToFileURL(join(dir, 'lanes.md')).href;
  const first = h.nextDiagnostics(uri);
  h.open(uri, fixtureText('lanes.md'));
  await first;
  return {
    h,
    dir,
    uri,
    close() {
      h.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
