/**
 * What core needs from its host to see beyond one document. The CLI implements it over the
 * file system (`src/node/fsWorkspace.ts`); the server over open documents first, then the disk.
 *
 * Documents are named by URI strings (`file:///home/me/essay.md`); core resolves relative
 * references with `resolveUri`, never with `node:path`.
 */
export interface Workspace {
  /** The current text of a document: the editor's buffer when open, else the file; `undefined` if none. */
  readText(uri: string): string | undefined;
  /** Whether a file or folder exists (for links to local files). */
  exists(uri: string): boolean;
}

/** `resolveUri('file:///a/b/essay.md', 'other.md')` is `file:///a/b/other.md`. Query and fragment are dropped. */
export function resolveUri(base: string, relative: string): string | undefined {
  try {
    const url = new URL(relative, base);
    url.hash = '';
    url.search = '';
    return url.href;
  } catch {
    return undefined;
  }
}

/** A workspace that knows only the given documents: for tests and for `--stdin`. */
export class MemoryWorkspace implements Workspace {
  private readonly docs = new Map<string, string>();
  constructor(docs: Readonly<Record<string, string>> = {}) {
    for (const [uri, text] of Object.entries(docs)) this.docs.set(uri, text);
  }
  set(uri: string, text: string): void {
    this.docs.set(uri, text);
  }
  readText(uri: string): string | undefined {
    return this.docs.get(uri);
  }
  exists(uri: string): boolean {
    if (this.docs.has(uri)) return true;
    const prefix = uri.endsWith('/') ? uri : uri + '/';
    for (const key of this.docs.keys()) if (key.startsWith(prefix)) return true;
    return false;
  }
}
