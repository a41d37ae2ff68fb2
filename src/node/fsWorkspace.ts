/**
 * The file-system workspace shared by the CLI and the server: open editor buffers first
 * (`setOverlay`), then files on disk. Reads are synchronous, matching the engine's one-pass design.
 */
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Workspace } from '../core/index.js';
import { readRegularFileOrUndefined } from './readFile.js';

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
    const path = toPath(uri);
    if (!path) return undefined;
    try {
      if (statSync(path).size > MAX_LINKED_FILE) return undefined;
    } catch {
      return undefined;
    }
    return readRegularFileOrUndefined(path);
  }

  exists(uri: string): boolean {
    if (this.overlays.has(uri)) return true;
    const path = toPath(uri);
    return !!path && existsSync(path);
  }
}
