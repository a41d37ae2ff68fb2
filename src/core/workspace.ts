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
  /** Why `readText` returned `undefined` (`not found`, `is a folder`, `is not UTF-8 text …`), when the host knows. */
  unreadableReason?(uri: string): string | undefined;
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

/**
 * `to` written relative to the folder of `from`, for messages:
 * `relativeUri('file:///a/b/essay.md', 'file:///a/refs/x.bib')` is `../refs/x.bib`.
 * URIs that share no folder (another scheme or host) come back whole.
 */
export function relativeUri(from: string, to: string): string {
  let a: URL;
  let b: URL;
  try {
    a = new URL(from);
    b = new URL(to);
  } catch {
    return to;
  }
  if (a.protocol !== b.protocol || a.host !== b.host) return to;
  const fromDirs = a.pathname.split('/').slice(0, -1);
  const toParts = b.pathname.split('/');
  let common = 0;
  while (common < fromDirs.length && common < toParts.length - 1 && fromDirs[common] === toParts[common]) common++;
  const up = fromDirs.length - common;
  const rel = [...Array<string>(up).fill('..'), ...toParts.slice(common)].join('/');
  try {
    return decodeURIComponent(rel);
  } catch {
    return rel;
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
