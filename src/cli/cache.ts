/**
 * `.warrantcache`: the previous run's results, reused only where they cannot have changed.
 *
 * A file's findings depend on its text, its config, Warrant's version, and on every file its
 * link component reaches (a defense in another file answers its claim; a cycle runs through
 * three files). So an entry is reused only when its text (content hash, or size and mtime with
 * `--cache-strategy metadata`) and config hash match, no file of its link component changed,
 * and nothing the engine read outside the run (bibliographies, linked files, probed paths)
 * changed; otherwise the whole component is linted again. See `plan` in `lintRun.ts`.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { RULE_IDS, type LintOptions, type ResolvedConfig } from '../core/index.js';
import { hashText, type FileOutcome } from './host.js';
import { VERSION } from './version.js';

export const CACHE_FILE = '.warrantcache';
const FORMAT = 1;

export interface CacheEntry {
  readonly hash: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly config: string;
  readonly findings: FileOutcome['findings'];
  readonly unusedDirectives: FileOutcome['unusedDirectives'];
}

export interface CacheData {
  readonly format: number;
  readonly warrant: string;
  /** Hash of what else changes findings for every file: lint options, the rule set. */
  readonly key: string;
  readonly files: Readonly<Record<string, CacheEntry>>;
  /** For every model of the run (linted or only reached): the files its relations point to. */
  readonly graph: Readonly<Record<string, readonly string[]>>;
  /** What the engine read or probed outside the run: URI → hash, `exists:`, or `null`. */
  readonly reads: Readonly<Record<string, string | null>>;
}

/** `--cache-location`: a file, or a folder (ends with a separator or exists as one) holding `.warrantcache`. */
export function cachePath(cwd: string, location: string | undefined): string {
  if (!location) return join(cwd, CACHE_FILE);
  const abs = resolve(cwd, location);
  if (/[\\/]$/.test(location)) return join(abs, CACHE_FILE);
  try {
    if (statSync(abs).isDirectory()) return join(abs, CACHE_FILE);
  } catch {
    // not there yet: a file name
  }
  return abs;
}

export function runKey(lint: LintOptions | undefined): string {
  return hashText(JSON.stringify({ lint: lint ?? {}, rules: [...RULE_IDS].sort() }));
}

/** The cache, or `undefined` when absent, unreadable, or from another version or option set. */
export function loadCache(path: string, key: string): CacheData | undefined {
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as CacheData;
    if (data.format !== FORMAT || data.warrant !== VERSION || data.key !== key || typeof data.files !== 'object') return undefined;
    return data;
  } catch {
    return undefined;
  }
}

export function saveCache(path: string, data: Omit<CacheData, 'format' | 'warrant'>): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify({ format: FORMAT, warrant: VERSION, ...data }));
}

const configHashes = new WeakMap<ResolvedConfig, string>();

/** A stable hash of a resolved config (Maps and Sets spelled out as entries). */
export function configHash(config: ResolvedConfig): string {
  let hash = configHashes.get(config);
  if (!hash) {
    hash = hashText(
      JSON.stringify(config, (_key, value: unknown) => {
        if (value instanceof Map) return { $map: [...value.entries()] };
        if (value instanceof Set) return { $set: [...value] };
        if (value instanceof RegExp) return { $re: String(value) };
        return value;
      }),
    );
    configHashes.set(config, hash);
  }
  return hash;
}
