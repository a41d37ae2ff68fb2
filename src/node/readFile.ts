/**
 * The one way the CLI and the server read a file a workspace controls: only regular files. A
 * named pipe called `essay.md` (or `.warrant.yaml`, `.warrantcache`) would block a plain
 * `readFileSync` forever, and a device would never end. The file is opened non-blocking and the
 * open descriptor is checked, so nothing can swap the file between the check and the read.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats } from 'node:fs';

/** Thrown for a path that exists but is not a regular file; `message` says what it is. */
export class NotRegularFileError extends Error {}

function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'is a folder';
  if (st.isFIFO()) return 'is a named pipe';
  if (st.isSocket()) return 'is a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'is a device';
  return 'is not a regular file';
}

/**
 * The file's text, as UTF-8. Throws `NotRegularFileError` for anything but a regular file (a
 * symbolic link counts as what it points to), and the `open` error otherwise (`ENOENT`, `ELOOP`…).
 */
export function readRegularFile(path: string): string {
  return readRegularFileBytes(path).toString('utf8');
}

/** `readRegularFile`'s bytes, for callers that decode (and check) the text themselves. */
export function readRegularFileBytes(path: string): Buffer {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new NotRegularFileError(kindOf(st));
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** `readRegularFile`, or `undefined` when the path is missing, unreadable or not a regular file. */
export function readRegularFileOrUndefined(path: string): string | undefined {
  try {
    return readRegularFile(path);
  } catch {
    return undefined;
  }
}

/** Why a path named on the command line cannot be linted, in a few words, from a read error. */
export function unreadableReason(error: unknown): string {
  if (error instanceof NotRegularFileError) return error.message;
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ELOOP':
      return 'is a loop of symbolic links';
    case 'ENOENT':
      return 'does not exist (or is a symbolic link to nothing)';
    case 'EACCES':
    case 'EPERM':
      return 'cannot be read: permission denied';
    case 'EISDIR':
      return 'is a folder';
    default:
      return String((error as Error)?.message ?? error);
  }
}
