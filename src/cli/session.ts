/**
 * One CLI run over files: discovery, config per file, one engine (so cross-file links resolve),
 * analysis of every file first, then the rules. Shared by `lint`, `claims` and `graph`.
 */
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { createEngine, type Engine, type Finding, type LintOptions, type LintResult, type ResolvedConfig, type UserConfig } from '../core/index.js';
import { ConfigLoader } from '../node/config.js';
import { findFiles, ignoredNamedMessage, matchesIgnores, type IgnoredAdvice } from '../node/files.js';
import { readRegularFileBytes, unreadableReason } from '../node/readFile.js';
import { decodeText, FsWorkspace, toPath, toUri } from '../node/fsWorkspace.js';

export interface SessionOptions {
  readonly cwd: string;
  readonly patterns: readonly string[];
  readonly configFile?: string;
  readonly noConfigLookup?: boolean;
  readonly ignorePatterns?: readonly string[];
  readonly noIgnore?: boolean;
  /** Who reads the advice on ignored files (`'mcp'`: an agent, which has no `--no-ignore`). */
  readonly ignoredAdvice?: IgnoredAdvice;
  readonly overrides?: UserConfig;
  readonly lint?: LintOptions;
  /**
   * `--stdin`: lint this text as `filename`; `unreadable` when its bytes were not UTF-8 text
   * (reported as a file that is not, and `text` is empty).
   */
  readonly stdin?: { readonly text: string; readonly filename: string; readonly unreadable?: Unreadable };
  /** `--no-encoder`: the light detector only; the sentence encoder is never loaded. */
  readonly encoder?: false;
  /** The workspace linked files are read through (`warrant mcp` passes one confined to its folder). */
  readonly workspace?: FsWorkspace;
  /** No file outside this folder is read as a referrer (`warrant mcp`'s start folder). */
  readonly within?: string;
}

export interface FileResult {
  readonly filePath: string;
  readonly text: string;
  readonly result: LintResult;
}

export interface SessionResult {
  readonly files: readonly FileResult[];
  /** Problems in config files (rule `invalid-config`): the CLI exits 2 when there are any. */
  readonly configProblems: readonly { readonly filePath: string; readonly findings: readonly Finding[] }[];
  readonly unmatched: readonly string[];
  /** Per pattern, how many of the files it found are ignored (said when it found nothing else). */
  readonly ignored: ReadonlyMap<string, number>;
  /** Warnings for stderr: files named on the command line that are ignored and were not linted. */
  readonly warnings: readonly string[];
  /** Files that could not be read at all (permissions, vanished): reported, never a crash. */
  readonly unreadable: readonly { readonly filePath: string; readonly message: string; readonly position?: { readonly line: number; readonly character: number } }[];
  readonly engine: Engine;
}

/** A file to lint, read and with its config resolved. */
export interface Job {
  readonly filePath: string;
  readonly uri: string;
  readonly text: string;
  readonly config: ResolvedConfig;
  /**
   * A file nobody asked to lint that links into one that was (`defends=essay.md#x`): it is
   * analysed and linted with the run, so its edges count exactly as in the editor, which sees the
   * whole workspace, but its own findings are not reported.
   */
  readonly referrer?: true;
}

export interface Discovery {
  readonly jobs: readonly Job[];
  readonly configProblems: SessionResult['configProblems'];
  readonly unmatched: readonly string[];
  readonly ignored: SessionResult['ignored'];
  readonly warnings: SessionResult['warnings'];
  readonly unreadable: SessionResult['unreadable'];
  /** The loader that resolved the jobs' configs (hosts reuse it so config objects stay identical). */
  readonly loader: ConfigLoader;
  readonly workspace: FsWorkspace;
}

/** The config loader a session's options describe (workers build their own from the same options). */
export function configLoaderFor(options: Pick<SessionOptions, 'configFile' | 'noConfigLookup' | 'overrides'>): ConfigLoader {
  return new ConfigLoader({
    ...(options.configFile ? { configFile: options.configFile } : {}),
    ...(options.noConfigLookup ? { noLookup: true } : {}),
    ...(options.overrides ? { overrides: options.overrides } : {}),
  });
}

/** Discovery, config per file and reading: everything before analysis. */
export function discover(options: SessionOptions): Discovery {
  const workspace = options.workspace ?? new FsWorkspace();
  const loader = configLoaderFor(options);
  let files: string[];
  let unmatched: readonly string[] = [];
  let ignored: ReadonlyMap<string, number> = new Map();
  const warnings: string[] = [];
  const named = new Map<string, string>();
  const texts = new Map<string, string>();
  let stdinUnreadable: Unreadable | undefined;
  if (options.stdin) {
    const path = options.stdin.filename;
    files = [path];
    stdinUnreadable = options.stdin.unreadable;
    if (!stdinUnreadable) {
      texts.set(path, options.stdin.text);
      workspace.setOverlay(toUri(path), options.stdin.text);
    }
  } else {
    const found = findFiles({
      cwd: options.cwd,
      patterns: options.patterns,
      ...(options.ignorePatterns ? { ignorePatterns: options.ignorePatterns } : {}),
      ...(options.noIgnore ? { noIgnore: true } : {}),
    });
    files = [...found.files];
    unmatched = found.unmatched;
    ignored = found.ignored;
    for (const n of found.ignoredNamed) warnings.push(ignoredNamedMessage(n.pattern, n.by, options.ignoredAdvice));
    for (const p of options.patterns) named.set(resolve(options.cwd, p), p);
  }
  const configProblems = new Map<string, Finding[]>();
  const jobs: Job[] = [];
  const unreadable: { filePath: string; message: string; position?: { line: number; character: number } }[] = [];
  for (const filePath of files) {
    const loaded = loader.loadFor(filePath);
    // Problems sit in the file they are written in: the config, or a file it `extends`.
    for (const problem of loaded.problems) {
      const path = toPath(problem.uri) ?? loaded.configFile ?? problem.uri;
      const list = configProblems.get(path) ?? [];
      if (!list.some((p) => p.range.start === problem.range.start && p.message === problem.message)) list.push(problem);
      configProblems.set(path, list);
    }
    if (!options.noIgnore && loaded.configFile && matchesIgnores(filePath, dirname(loaded.configFile), loaded.config.ignores)) {
      const pattern = named.get(filePath);
      if (pattern !== undefined) warnings.push(ignoredNamedMessage(pattern, 'config', options.ignoredAdvice));
      continue;
    }
    const text = texts.get(filePath) ?? stdinUnreadable ?? readText(filePath);
    if (typeof text !== 'string') {
      unreadable.push({ filePath, message: text.error, ...(text.line !== undefined ? { position: { line: text.line, character: text.character ?? 0 } } : {}) });
      continue;
    }
    jobs.push({ filePath, uri: toUri(filePath), text, config: loaded.config });
  }
  jobs.push(...findReferrers(jobs, loader, options));
  return {
    jobs,
    configProblems: [...configProblems].map(([filePath, findings]) => ({ filePath, findings })),
    unmatched,
    ignored,
    warnings,
    unreadable,
    loader,
    workspace,
  };
}

export function runSession(options: SessionOptions): SessionResult {
  const found = discover(options);
  const engine = createEngine({ workspace: found.workspace });
  const { jobs } = found;
  // Analyse everything first: the graph then sees every file's edges before any rule runs.
  for (const job of jobs) engine.analyze(job.uri, job.text, job.config);
  const results: FileResult[] = jobs
    .filter((job) => !job.referrer)
    .map((job) => ({ filePath: job.filePath, text: job.text, result: engine.lint(job.uri, job.text, job.config, options.lint) }));
  return {
    files: results,
    configProblems: found.configProblems,
    unmatched: found.unmatched,
    ignored: found.ignored,
    warnings: found.warnings,
    unreadable: found.unreadable,
    engine,
  };
}

/**
 * Files outside the run that name a run file (`replies.md#x` in another essay): edges are written
 * in the file they start from, so a defense in `b.md` of a claim in `a.md` is only seen when
 * `b.md` is analysed. Looks under each run file's project folder (its config file's folder, or its
 * own folder), honouring the same ignores, and keeps the files whose text mentions a run file's
 * name — a cheap test that never misses a link written with the file name.
 */
function findReferrers(jobs: readonly Job[], loader: ConfigLoader, options: SessionOptions): Job[] {
  if (jobs.length === 0) return [];
  const run = new Set(jobs.map((j) => j.filePath));
  const names = [...new Set(jobs.map((j) => basename(j.filePath)))];
  const roots = new Set<string>();
  for (const job of jobs) {
    const configFile = loader.loadFor(job.filePath).configFile;
    const root = configFile ? dirname(configFile) : dirname(job.filePath);
    roots.add(options.within && !isInside(root, options.within) ? options.within : root);
  }
  const referrers: Job[] = [];
  const seen = new Set<string>();
  for (const root of roots) {
    const found = findFiles({
      cwd: root,
      patterns: ['.'],
      ...(options.ignorePatterns ? { ignorePatterns: options.ignorePatterns } : {}),
      ...(options.noIgnore ? { noIgnore: true } : {}),
    });
    for (const filePath of found.files) {
      if (run.has(filePath) || seen.has(filePath)) continue;
      seen.add(filePath);
      const text = readText(filePath);
      if (typeof text !== 'string' || !names.some((name) => text.includes(name))) continue;
      const loaded = loader.loadFor(filePath);
      if (!options.noIgnore && loaded.configFile && matchesIgnores(filePath, dirname(loaded.configFile), loaded.config.ignores)) continue;
      referrers.push({ filePath, uri: toUri(filePath), text, config: loaded.config, referrer: true });
    }
  }
  return referrers;
}

/** True when `path` is `folder` or inside it (both absolute). */
export function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** Why bytes are not text to lint, and where the first bad byte is when that is known. */
export interface Unreadable {
  readonly error: string;
  readonly line?: number;
  readonly character?: number;
}

/** Only regular files (a pipe would block), decoded as UTF-8 or refused with the first bad byte. */
function readText(filePath: string): string | Unreadable {
  try {
    return decodeText(readRegularFileBytes(filePath));
  } catch (error) {
    return { error: unreadableReason(error) };
  }
}
