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
import { renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { makeFolders } from '../node/folders.js';
import { dirname, join, resolve } from 'node:path';
import { LineIndex, RULE_IDS, type LintOptions, type ResolvedConfig } from '../core/index.js';
import { hashText, type FileOutcome } from './host.js';
import { VERSION } from './version.js';
import { NotRegularFileError, readRegularFile } from '../node/readFile.js';

export const CACHE_FILE = '.warrantcache';
const FORMAT = 1;

export interface CacheEntry {
  readonly hash: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly config: string;
  readonly findings: FileOutcome['findings'];
  readonly unusedDirectives: FileOutcome['unusedDirectives'];
  /**
   * The sentence encoder's embeddings of the file's candidates (text → 512 float32 in base64),
   * made by the model `CacheData.encoder` names. Each is checked again when read (`decodeEmbedding`).
   */
  readonly embeddings?: Readonly<Record<string, string>>;
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
  /** The model the stored embeddings came from (`ENCODER_ID`); embeddings of another are ignored. */
  readonly encoder?: string;
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

export function runKey(lint: LintOptions | undefined, encoder?: false): string {
  // `--no-encoder` changes findings without changing any config: part of the key.
  return hashText(JSON.stringify({ lint: lint ?? {}, rules: [...RULE_IDS].sort(), ...(encoder === false ? { encoder: false } : {}) }));
}

/**
 * The cache file is input, not truth: anyone who can write the folder can write it. `data` is the
 * cache when it is present, of this version and option set, and well formed throughout;
 * `problem` says why a file that is there was set aside (a notice, then a clean run). A cache of
 * another version or option set is set aside silently: that is an upgrade, not a fault.
 */
export function loadCache(path: string, key: string): { data?: CacheData; problem?: string } {
  let raw: string;
  try {
    raw = readRegularFile(path);
  } catch (error) {
    return error instanceof NotRegularFileError ? { problem: `it ${error.message}` } : {};
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { problem: 'it is not valid JSON' };
  }
  if (isRecord(data) && (data['format'] !== FORMAT || data['warrant'] !== VERSION || data['key'] !== key)) return {};
  const problem = cacheProblem(data);
  return problem ? { problem } : { data: data as CacheData };
}

const SEVERITIES: ReadonlySet<unknown> = new Set(['error', 'warning', 'info', 'hint']);
const KNOWN_RULES: ReadonlySet<string> = new Set([...RULE_IDS, 'unused-disable-directive']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

function isPosition(v: unknown): boolean {
  return isRecord(v) && isCount(v['line']) && isCount(v['character']);
}

function isPositionRange(v: unknown): boolean {
  return isRecord(v) && isPosition(v['start']) && isPosition(v['end']);
}

/** Keys of a cache map: `__proto__` and friends would reach `Object.prototype` when copied. */
function badKey(obj: Record<string, unknown>): string | undefined {
  return Object.keys(obj).find((k) => k === '__proto__' || k === 'constructor' || k === 'prototype');
}

/** What is wrong with a finding as stored, or `undefined` (whether it fits its file is `replayProblem`'s). */
function findingProblem(f: unknown, uri: string): string | undefined {
  if (!isRecord(f)) return 'is not an object';
  if (typeof f['ruleId'] !== 'string' || !KNOWN_RULES.has(f['ruleId'])) return `names an unknown rule ${JSON.stringify(String(f['ruleId']).slice(0, 40))}`;
  if (!SEVERITIES.has(f['severity'])) return 'has no valid severity';
  if (typeof f['message'] !== 'string') return 'has no message';
  if (f['uri'] !== uri) return 'belongs to another file';
  const range = f['range'];
  if (!isRecord(range) || !isCount(range['start']) || !isCount(range['end']) || range['start'] > range['end']) return 'has no valid range';
  if (!isPositionRange(f['position'])) return 'has no valid position';
  if (!Array.isArray(f['related']) || !f['related'].every((r) => isRecord(r) && typeof r['uri'] === 'string' && typeof r['message'] === 'string' && isPositionRange(r['range']))) return 'has malformed related information';
  if (f['data'] !== undefined && !isRecord(f['data'])) return 'has malformed data';
  return undefined;
}

/** What is wrong with the cache's shape, or `undefined`: every field of every entry is checked. */
export function cacheProblem(data: unknown): string | undefined {
  if (!isRecord(data)) return 'it is not a JSON object';
  if (typeof data['key'] !== 'string') return '"key" is not a string';
  for (const field of ['files', 'graph', 'reads'] as const) {
    const value = data[field];
    if (!isRecord(value)) return `"${field}" is not an object`;
    const bad = badKey(value);
    if (bad) return `"${field}" has an entry named "${bad}"`;
  }
  for (const [uri, targets] of Object.entries(data['graph'] as Record<string, unknown>)) {
    if (!Array.isArray(targets) || !targets.every((t) => typeof t === 'string')) return `graph entry for ${uri} is not a list of files`;
  }
  for (const [uri, state] of Object.entries(data['reads'] as Record<string, unknown>)) {
    if (state !== null && typeof state !== 'string') return `reads entry for ${uri} is neither a hash nor null`;
  }
  for (const [uri, entry] of Object.entries(data['files'] as Record<string, unknown>)) {
    if (!isRecord(entry)) return `entry for ${uri} is not an object`;
    if (typeof entry['hash'] !== 'string' || typeof entry['config'] !== 'string') return `entry for ${uri} has no hash or config hash`;
    if (typeof entry['size'] !== 'number' || typeof entry['mtimeMs'] !== 'number') return `entry for ${uri} has no size or mtime`;
    const embeddings = entry['embeddings'];
    if (embeddings !== undefined && (!isRecord(embeddings) || badKey(embeddings) || !Object.values(embeddings).every((v) => typeof v === 'string'))) return `entry for ${uri} has malformed embeddings`;
    for (const list of ['findings', 'unusedDirectives'] as const) {
      const findings = entry[list];
      if (!Array.isArray(findings)) return `entry for ${uri} has no ${list} list`;
      for (const [i, f] of findings.entries()) {
        const problem = findingProblem(f, uri);
        if (problem) return `${list}[${i}] of ${uri} ${problem}`;
      }
    }
  }
  return undefined;
}

/**
 * What is wrong with replaying `entry` for the file whose text is `text` (its hash matched), or
 * `undefined`: every finding must lie inside the file, at the line and column its offsets give.
 */
export function replayProblem(entry: CacheEntry, text: string, uri: string): string | undefined {
  const lines = new LineIndex(text);
  for (const f of [...entry.findings, ...entry.unusedDirectives]) {
    if (f.range.end > text.length) return `a finding of ${uri} lies outside the file`;
    const at = lines.toRange(f.range);
    const p = f.position;
    if (at.start.line !== p.start.line || at.start.character !== p.start.character || at.end.line !== p.end.line || at.end.character !== p.end.character) {
      return `a finding of ${uri} is at a position its offsets do not give`;
    }
  }
  return undefined;
}

/**
 * Write the cache beside its place and rename it there: a reader never sees half a cache, and a
 * named pipe or other special file at the path is replaced rather than written into (which would
 * block until something reads it). Returns why the cache could not be written, if it could not.
 */
export function saveCache(path: string, data: Omit<CacheData, 'format' | 'warrant'>): string | undefined {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    makeFolders(dirname(path));
    writeFileSync(temp, JSON.stringify({ format: FORMAT, warrant: VERSION, ...data }), { flag: 'wx' });
    renameSync(temp, path);
    return undefined;
  } catch (error) {
    rmSync(temp, { force: true });
    return `cannot write the cache ${path}: ${(error as Error).message}`;
  }
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
