/**
 * Creating an output file's folders. Node's `mkdirSync(…, { recursive: true })` never returns on
 * some paths (`/proc/nope/x`: the kernel answers ENOENT for a folder whose parent exists, and Node
 * retries the parent forever), so `-o` and the cache hung there (issue #21). This walks up to the
 * nearest existing folder once, then creates each missing folder below it with a plain `mkdir`:
 * as many steps as the path has parts, and the first refusal is the answer.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Why a folder could not be made: one line, naming the folder. */
export class FolderError extends Error {}

/** Make `dir` and its missing parents, or throw a `FolderError` saying why not. */
export function makeFolders(dir: string): void {
  const missing: string[] = [];
  let at = resolve(dir);
  for (;;) {
    let isFolder: boolean | undefined;
    try {
      isFolder = statSync(at).isDirectory();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Missing, or under a file (ENOTDIR): look further up. Anything else is the answer.
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw new FolderError(`cannot reach the folder ${at}: ${reason(error)}`);
    }
    if (isFolder === true) break;
    if (isFolder === false) throw new FolderError('a file stands where a folder of its path should be');
    const parent = dirname(at);
    if (parent === at) throw new FolderError(`no folder of its path exists, not even ${at}`);
    missing.push(at);
    at = parent;
  }
  for (let i = missing.length - 1; i >= 0; i--) {
    try {
      mkdirSync(missing[i]!);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && statSync(missing[i]!, { throwIfNoEntry: false })?.isDirectory()) continue;
      throw new FolderError(`cannot create the folder ${missing[i]}: ${reason(error)}`);
    }
  }
}

function reason(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'EACCES' || e.code === 'EPERM') return 'permission denied';
  if (e.code === 'ENOENT') return 'the file system does not allow a folder there';
  if (e.code === 'EROFS') return 'the file system is read-only';
  return e.code ?? String(e.message ?? e);
}
