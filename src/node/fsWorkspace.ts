/**
 * The file-system workspace shared by the CLI and the server: open editor buffers first
 * (`setOverlay`), then files on disk. Reads are synchronous, matching the engine's one-pass design.
 */
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Workspace } from '../core/index.js';
import { readRegularFileBytes } from './readFile.js';

/** Why a file system call failed, in words: `not found`, `permission denied`, else the system's message. */
export function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'not found';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return String((error as Error)?.message ?? error);
}

/**
 * A file's bytes as UTF-8 text (a byte-order mark is kept, as \`readFileSync(path, 'utf8')\` does).
 * Text that is not UTF-8 (Latin-1, Windows-1252) is an error naming the first bad byte and its
 * place, not a string quietly full of U+FFFD. Bytes with a NUL in the first 8 KiB decode loosely:
 * the engine reports those files as binary.
 */
export function decodeText(bytes: Uint8Array): string | { error: string; line?: number; character?: number } {
  // A UTF-16 or UTF-32 byte-order mark: the NULs of such text would make it "binary" below, and a
  // reader needs to know what it is and what to do (issue #21).
  const wide = wideEncoding(bytes);
  if (wide) return { error: `is ${wide} text with a byte-order mark, not UTF-8: save it as UTF-8`, line: 0, character: 0 };
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    if (bytes.subarray(0, 8192).includes(0)) return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const at = firstInvalidByte(bytes);
    if (at < 0) return { error: 'is not UTF-8 text: save it as UTF-8' };
    const lineStart = bytes.lastIndexOf(0x0a, at - 1) + 1;
    const line = bytes.subarray(0, at).filter((b) => b === 0x0a).length;
    const character = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(lineStart, at)).length;
    const hex = bytes[at]!.toString(16).toUpperCase().padStart(2, '0');
    return { error: `is not UTF-8 text (byte 0x${hex} at line ${line + 1}, column ${character + 1}; Latin-1 or Windows-1252?): save it as UTF-8`, line, character };
  }
}

/** The encoding a UTF-16 or UTF-32 byte-order mark at the start names, if there is one. */
function wideEncoding(b: Uint8Array): string | undefined {
  if (b[0] === 0xff && b[1] === 0xfe) return b[2] === 0 && b[3] === 0 ? 'UTF-32 (little-endian)' : 'UTF-16 (little-endian)';
  if (b[0] === 0xfe && b[1] === 0xff) return 'UTF-16 (big-endian)';
  if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return 'UTF-32 (big-endian)';
  return undefined;
}

function firstInvalidByte(b: Uint8Array): number {
  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k]! & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return -1;
}

export function toUri(path: string): string {
  return pathToFileURL(path).href;
}

export function toPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

/** Files larger than this are not read through the workspace (they are linted only when named). */
const MAX_LINKED_FILE = 16 * 1024 * 1024;

export class FsWorkspace implements Workspace {
  private readonly overlays = new Map<string, string>();

  setOverlay(uri: string, text: string): void {
    this.overlays.set(uri, text);
  }

  clearOverlay(uri: string): void {
    this.overlays.delete(uri);
  }

  readText(uri: string): string | undefined {
    const overlay = this.overlays.get(uri);
    if (overlay !== undefined) return overlay;
    const read = this.read(uri);
    return typeof read === 'string' ? read : undefined;
  }

  unreadableReason(uri: string): string | undefined {
    if (this.overlays.has(uri)) return undefined;
    const read = this.read(uri);
    return typeof read === 'string' ? undefined : read.error;
  }

  private read(uri: string): string | { error: string } {
    const path = toPath(uri);
    if (!path) return { error: 'is not a local file' };
    try {
      const stat = statSync(path);
      if (stat.isDirectory()) return { error: 'is a folder' };
      if (stat.size > MAX_LINKED_FILE) return { error: `is larger than ${MAX_LINKED_FILE / 1024 / 1024} MiB` };
      // Only regular files: a pipe named like a linked file would block the read.
      return decodeText(readRegularFileBytes(path));
    } catch (error) {
      return { error: describeError(error) };
    }
  }

  exists(uri: string): boolean {
    if (this.overlays.has(uri)) return true;
    const path = toPath(uri);
    return !!path && existsSync(path);
  }
}
