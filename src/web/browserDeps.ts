/**
 * The server's runtime in a web worker: no disk, so every file comes from the extension through
 * `warrant/readFile` and `warrant/listFiles` (see protocol.ts). The engine reads synchronously,
 * so texts are cached: listing the workspace fetches every Markdown file with its text, and any
 * other file the engine asks for (a config, a bibliography, a linked file) reads as absent at
 * first, is fetched, and is then reported changed, which re-lints what depends on it.
 */
import type { Connection } from 'vscode-languageserver';
import type { ServerDeps } from '../server/analyzer.js';
import { createEngineAnalyzer } from '../server/engineAnalyzer.js';
import { uriConfigSource } from './configSource.js';
import { LIST_FILES, READ_FILE, type ListFilesParams, type ListFilesResult, type ReadFileParams, type ReadFileResult } from './protocol.js';

/** What is known of a file: its text, a folder, or nothing there. */
type Entry = { readonly kind: 'file'; readonly text: string } | { readonly kind: 'folder' } | { readonly kind: 'none' };

export interface BrowserDeps extends ServerDeps {
  /** Resolves when no read is in flight (for tests). */
  settled(): Promise<void>;
}

export function browserDeps(connection: Pick<Connection, 'sendRequest'>): BrowserDeps {
  const known = new Map<string, Entry>();
  const inFlight = new Map<string, Promise<void>>();
  const listeners: ((uris: readonly string[]) => void)[] = [];
  let arrived: string[] = [];
  let flush: ReturnType<typeof setTimeout> | undefined;

  /**
   * Fetch a file; report it changed when the answer differs from what the server was told before
   * (a file not known yet reads as absent until it arrives; a known one keeps its old text).
   */
  const fetch = (uri: string): void => {
    if (inFlight.has(uri)) return;
    const before = known.get(uri) ?? { kind: 'none' as const };
    const p = connection
      .sendRequest<ReadFileResult>(READ_FILE, { uri } satisfies ReadFileParams)
      .then(
        (r) => (r.kind === 'file' && r.text !== null ? { kind: 'file' as const, text: r.text } : { kind: r.kind === 'folder' ? ('folder' as const) : ('none' as const) }),
        () => ({ kind: 'none' as const }),
      )
      .then((entry) => {
        known.set(uri, entry);
        inFlight.delete(uri);
        if (entry.kind === before.kind && (entry.kind !== 'file' || (before.kind === 'file' && entry.text === before.text))) return;
        // Batch: a config lookup asks for several files at once.
        arrived.push(uri);
        flush ??= setTimeout(() => {
          const uris = arrived;
          arrived = [];
          flush = undefined;
          for (const l of listeners) l(uris);
        }, 0);
      });
    inFlight.set(uri, p);
  };

  const lookup = (uri: string): Entry | undefined => {
    const entry = known.get(uri);
    if (!entry) fetch(uri);
    return entry;
  };

  return {
    createAnalyzer: (workspace) => createEngineAnalyzer(workspace, uriConfigSource(workspace)),
    readFile(uri) {
      const entry = lookup(uri);
      return entry?.kind === 'file' ? entry.text : undefined;
    },
    exists(uri) {
      const entry = lookup(uri);
      return entry !== undefined && entry.kind !== 'none';
    },
    async listFiles(folder, globs) {
      const result = await connection.sendRequest<ListFilesResult>(LIST_FILES, { folder, globs } satisfies ListFilesParams);
      for (const f of result.files) known.set(f.uri, { kind: 'file', text: f.text });
      return result.files.map((f) => f.uri);
    },
    onDidChangeFiles(listener) {
      listeners.push(listener);
    },
    refresh(uri) {
      if (known.has(uri)) fetch(uri);
    },
    async settled() {
      while (inFlight.size || flush) {
        await Promise.all(inFlight.values());
        await new Promise((r) => setTimeout(r, 0));
      }
    },
  };
}
