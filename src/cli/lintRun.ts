/**
 * `warrant lint` over many files: discovery, then the cache, then one engine in this thread or
 * several in worker threads, with results identical to `runSession` in every case.
 *
 * Why link components: a file's findings depend on the files its argument graph touches, and on
 * nothing else. Files are grouped into components by their relations (in both directions, old
 * and new edges alike); a component is always analysed and linted by one engine, so every
 * engine sees exactly the graph a single-threaded run sees around the files it lints. Essays
 * rarely link to each other, so nearly every component is a single file and the work splits
 * evenly: each worker analyses a share of the files (phase 1, which also reports the links), then
 * lints the components it holds most of (phase 2), re-analysing only the few files it lacks.
 */
import { availableParallelism, loadavg } from 'node:os';
import { readFileSync, statSync } from 'node:fs';
import { configHash, loadCache, replayProblem, runKey, saveCache, type CacheData, type CacheEntry } from './cache.js';
import { LintHost, hashText, type FileOutcome, type HostJob, type HostOptions } from './host.js';
import { WorkerPool } from './pool.js';
import { discover, type Job, type SessionOptions, type SessionResult } from './session.js';
import { FsWorkspace } from '../node/fsWorkspace.js';
import { ENCODER_ID } from '../node/encoder/index.js';

export type Concurrency = 'auto' | 'off' | number;

export interface LintRunOptions {
  readonly session: SessionOptions;
  readonly concurrency?: Concurrency;
  readonly cache?: { readonly path: string; readonly strategy: 'content' | 'metadata' };
}

export interface LintRunResult {
  /** One per file the run names (not the referrers pulled in), in discovery (sorted path) order. */
  readonly outcomes: readonly (FileOutcome & { readonly text: string })[];
  readonly configProblems: SessionResult['configProblems'];
  readonly unmatched: readonly string[];
  readonly ignored: SessionResult['ignored'];
  readonly warnings: SessionResult['warnings'];
  readonly unreadable: SessionResult['unreadable'];
  /** How the run went, for `--debug` and the benchmark. */
  readonly stats: { readonly files: number; readonly fromCache: number; readonly workers: number; readonly workerChoice: string; readonly detail: string };
  /** Why the cache file was set aside (it is rewritten at the end of the run), if it was. */
  readonly notice?: string;
}

/** With `auto`, one worker per this many bytes of Markdown (and at least this many files each). */
const AUTO_BYTES_PER_WORKER = 512 * 1024;
const AUTO_FILES_PER_WORKER = 16;

export interface WorkerChoice {
  readonly count: number;
  /** Why, for `--debug`. */
  readonly reason: string;
}

/**
 * How busy the CPUs are now, in threads: on Linux the threads running at this moment other than
 * this one (`/proc/loadavg`'s fourth field), elsewhere the one-minute load average. The average
 * remembers the last minute: it counted a run that had just ended, so the run after it (a script
 * linting twice, the benchmark's own previous run) found the CPUs "busy" and got no workers (#20).
 *
 * @example currentLoad('2.70 1.97 2.57 1/81 12345') // → 0: only this thread runs
 */
export function currentLoad(procLoadavg: string | null = readProcLoadavg(), average = loadavg()[0] ?? 0): number {
  const running = procLoadavg ? /^\S+ \S+ \S+ (\d+)\//.exec(procLoadavg)?.[1] : undefined;
  return running === undefined ? average : Math.max(0, Number(running) - 1);
}

function readProcLoadavg(): string | null {
  try {
    return readFileSync('/proc/loadavg', 'utf8');
  } catch {
    return null;
  }
}

/**
 * How many worker threads a run uses. `auto` weighs the run's size against the CPUs that are
 * free now (CPU count minus `currentLoad`, at least one), so a busy machine is not handed more
 * threads than it can run.
 */
export function chooseWorkers(concurrency: Concurrency, jobs: readonly HostJob[], cpus = availableParallelism(), load = currentLoad()): WorkerChoice {
  if (concurrency === 'off') return { count: 0, reason: '--concurrency off' };
  if (concurrency !== 'auto') {
    const n = Math.min(concurrency, jobs.length);
    return { count: n >= 2 ? n : 0, reason: `--concurrency ${concurrency}, ${jobs.length} files` };
  }
  const bytes = jobs.reduce((n, j) => n + j.text.length, 0);
  const free = Math.max(1, Math.min(cpus, Math.round(cpus - load)));
  const bySize = Math.min(Math.floor(bytes / AUTO_BYTES_PER_WORKER), Math.floor(jobs.length / AUTO_FILES_PER_WORKER));
  const n = Math.min(free, bySize);
  // One worker would only add a thread hop: the run stays in this thread then.
  const count = n >= 2 ? n : 0;
  const mb = (bytes / (1024 * 1024)).toFixed(1);
  return { count, reason: `auto: ${cpus} CPUs, load ${load.toFixed(1)} → ${free} free; ${jobs.length} files, ${mb} MB would use ${Math.max(bySize, 0)}` };
}

export function workerCount(concurrency: Concurrency, jobs: readonly HostJob[]): number {
  return chooseWorkers(concurrency, jobs).count;
}

export async function lintRun(options: LintRunOptions): Promise<LintRunResult> {
  const { session } = options;
  const found = discover(session);
  const jobs = found.jobs;
  let hostOptions: HostOptions = {
    ...(session.configFile ? { configFile: session.configFile } : {}),
    ...(session.noConfigLookup ? { noConfigLookup: true } : {}),
    ...(session.overrides ? { overrides: session.overrides } : {}),
    ...(session.lint ? { lint: session.lint } : {}),
    ...(session.stdin ? { overlay: { uri: jobs[0]?.uri ?? '', text: session.stdin.text } } : {}),
    ...(session.encoder === false ? { encoder: false as const } : {}),
  };
  const cache = options.cache && !session.stdin ? options.cache : undefined;
  const key = runKey(session.lint, session.encoder);
  const loaded = cache ? loadCache(cache.path, key) : {};
  let previous = loaded.data;
  let loadNotice = loaded.problem;
  let cacheNotice: string | undefined;

  const hashes = new Map<string, string>();
  const stats = new Map<string, { size: number; mtimeMs: number }>();
  if (cache) {
    for (const job of jobs) {
      if (cache.strategy === 'metadata') {
        try {
          const st = statSync(job.filePath);
          stats.set(job.uri, { size: st.size, mtimeMs: st.mtimeMs });
          const old = previous?.files[job.uri];
          if (old && old.size === st.size && old.mtimeMs === st.mtimeMs) {
            hashes.set(job.uri, old.hash);
            continue;
          }
        } catch {
          // hashed below
        }
      }
      hashes.set(job.uri, hashText(job.text));
    }
  }

  // A stored entry replayed for an unchanged file must still fit that file; one that does not
  // means the cache was written by something else, and none of it is trusted.
  if (previous) {
    for (const job of jobs) {
      const entry = previous.files[job.uri];
      const problem = entry && entry.hash === hashes.get(job.uri) ? replayProblem(entry, job.text, job.uri) : undefined;
      if (problem) {
        previous = undefined;
        loadNotice = problem;
        break;
      }
    }
  }

  // The previous run's embeddings, by sentence text (the encoder embeds only sentences not there).
  const seeds = previous && previous.encoder === ENCODER_ID && session.encoder !== false ? storedEmbeddings(previous) : undefined;
  if (seeds) hostOptions = { ...hostOptions, embeddings: seeds };

  const planned = plan(jobs, previous, hashes, new FsWorkspace());
  const toLint = new Set(planned.lint);

  const host = new Driver(options.concurrency ?? 'auto', hostOptions, jobs, found.loader);
  let outcomes: Map<string, FileOutcome>;
  let graph: Record<string, readonly string[]> = {};
  let reads: Record<string, string | null> = {};
  try {
    const result = await host.run(toLint, planned.edges, !!cache);
    outcomes = result.outcomes;
    graph = result.graph;
    reads = result.reads;
  } finally {
    await host.close();
  }

  const merged = jobs.map((job) => {
    const fresh = outcomes.get(job.uri);
    if (fresh) return { ...fresh, text: job.text };
    const entry = previous!.files[job.uri]!;
    return { filePath: job.filePath, uri: job.uri, findings: entry.findings, unusedDirectives: entry.unusedDirectives, ...(entry.embeddings && previous!.encoder === ENCODER_ID ? { embeddings: entry.embeddings } : {}), text: job.text };
  });

  if (cache) {
    const runUris = new Set(jobs.map((j) => j.uri));
    const files: Record<string, CacheEntry> = {};
    for (const [i, job] of jobs.entries()) {
      const st = stats.get(job.uri) ?? statOf(job.filePath);
      files[job.uri] = { hash: hashes.get(job.uri)!, size: st.size, mtimeMs: st.mtimeMs, config: configHash(job.config), findings: merged[i]!.findings, unusedDirectives: merged[i]!.unusedDirectives, ...(merged[i]!.embeddings ? { embeddings: merged[i]!.embeddings } : {}) };
    }
    // Edges of files reused from the cache are unchanged; fresh ones replace the rest.
    const allGraph: Record<string, readonly string[]> = {};
    const allReads: Record<string, string | null> = {};
    if (previous) {
      for (const [uri, targets] of Object.entries(previous.graph)) if (!toLint.has(uri)) allGraph[uri] = targets;
      for (const [uri, state] of Object.entries(previous.reads)) if (!runUris.has(uri)) allReads[uri] = state;
    }
    Object.assign(allGraph, graph);
    for (const [uri, state] of Object.entries(reads)) if (!runUris.has(uri)) allReads[uri] = state;
    const unwritten = saveCache(cache.path, { key, files, graph: allGraph, reads: allReads, encoder: ENCODER_ID });
    if (unwritten) cacheNotice = unwritten;
  }

  return {
    // Referrers were linted so their edges count (and cached for a later run that names them);
    // their own findings are not this run's.
    outcomes: merged.filter((_, i) => !jobs[i]!.referrer),
    configProblems: found.configProblems,
    unmatched: found.unmatched,
    ignored: found.ignored,
    warnings: found.warnings,
    unreadable: found.unreadable,
    stats: { files: jobs.length, fromCache: jobs.length - toLint.size, workers: host.workers, workerChoice: host.choice, detail: host.detail },
    ...(loadNotice && cache ? { notice: `ignoring the cache ${cache.path}: ${loadNotice}; linting every file${cacheNotice ? `; ${cacheNotice}` : ''}` } : cacheNotice ? { notice: cacheNotice } : {}),
  };
}

function statOf(filePath: string): { size: number; mtimeMs: number } {
  try {
    const st = statSync(filePath);
    return { size: st.size, mtimeMs: st.mtimeMs };
  } catch {
    return { size: -1, mtimeMs: -1 };
  }
}

/**
 * Which files to lint again. Seeds: files that are new or whose text or config changed, and
 * files that left the run. Everything outside the run that the engine read must read the same,
 * or every file is linted. The seeds' components (over the old edges; `Driver` widens them
 * with the new ones) are linted whole.
 */
export function plan(
  jobs: readonly Job[],
  previous: CacheData | undefined,
  hashes: ReadonlyMap<string, string>,
  workspace: FsWorkspace,
): { lint: string[]; edges: Map<string, Set<string>> } {
  const all = jobs.map((j) => j.uri);
  const edges = new Map<string, Set<string>>();
  if (!previous) return { lint: all, edges };
  const runUris = new Set(all);
  for (const [uri, state] of Object.entries(previous.reads)) {
    if (runUris.has(uri)) {
      if (!previous.files[uri]) return { lint: all, edges }; // was read as an outside file, is now linted with its own config
      continue;
    }
    if (readState(workspace, uri, state) !== state) return { lint: all, edges };
  }
  for (const [uri, targets] of Object.entries(previous.graph)) for (const t of targets) link(edges, uri, t);
  const seeds = new Set<string>();
  for (const job of jobs) {
    const entry = previous.files[job.uri];
    if (!entry || entry.hash !== hashes.get(job.uri) || entry.config !== configHash(job.config)) seeds.add(job.uri);
  }
  for (const uri of Object.keys(previous.files)) if (!runUris.has(uri)) seeds.add(uri);
  const lint = componentsOf(edges, seeds, runUris);
  return { lint: all.filter((u) => lint.has(u)), edges };
}

/** The state `RecordingWorkspace` would record for `uri` now, to compare with `recorded`. */
function readState(workspace: FsWorkspace, uri: string, recorded: string | null): string | null {
  if (recorded === 'exists:') return workspace.exists(uri) ? 'exists:' : null;
  const text = workspace.readText(uri);
  if (recorded === null) return text !== undefined || workspace.exists(uri) ? 'changed' : null;
  return text === undefined ? null : hashText(text);
}

function link(edges: Map<string, Set<string>>, a: string, b: string): void {
  for (const [x, y] of [
    [a, b],
    [b, a],
  ] as const) {
    let set = edges.get(x);
    if (!set) edges.set(x, (set = new Set()));
    set.add(y);
  }
}

/** Run files connected (through any files) to any of `seeds`. */
function componentsOf(edges: ReadonlyMap<string, ReadonlySet<string>>, seeds: Iterable<string>, runUris: ReadonlySet<string>): Set<string> {
  const seen = new Set<string>();
  const stack = [...seeds];
  while (stack.length) {
    const uri = stack.pop()!;
    if (seen.has(uri)) continue;
    seen.add(uri);
    for (const next of edges.get(uri) ?? []) if (!seen.has(next)) stack.push(next);
  }
  return new Set([...seen].filter((u) => runUris.has(u)));
}

/** Groups of run files that must share one engine, in job order. */
function groups(edges: ReadonlyMap<string, ReadonlySet<string>>, uris: readonly string[], runUris: ReadonlySet<string>): string[][] {
  const done = new Set<string>();
  const out: string[][] = [];
  for (const uri of uris) {
    if (done.has(uri)) continue;
    const component = componentsOf(edges, [uri], runUris);
    const members = uris.filter((u) => component.has(u));
    for (const m of members) done.add(m);
    out.push(members);
  }
  return out;
}

/** Runs the two phases in this thread or over a worker pool. */
class Driver {
  readonly workers: number;
  /** For `--debug`: phase times, components, files analysed twice. */
  detail = '';
  /** For `--debug`: why this many workers. */
  readonly choice: string;
  private readonly pool?: WorkerPool;
  private readonly local?: LintHost;
  private readonly byUri: Map<string, HostJob>;

  constructor(
    concurrency: Concurrency,
    options: HostOptions,
    private readonly jobs: readonly Job[],
    loader: ReturnType<typeof discover>['loader'],
  ) {
    this.byUri = new Map(jobs.map((j) => [j.uri, { filePath: j.filePath, uri: j.uri, text: j.text }]));
    const choice = chooseWorkers(concurrency, jobs);
    this.workers = choice.count;
    this.choice = choice.reason;
    if (this.workers) this.pool = new WorkerPool(this.workers, options);
    else this.local = new LintHost(options, loader);
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }

  /**
   * Lint `toLint`, widened to whole components. Returns fresh outcomes, the edges of every model
   * seen (for the cache) and what was read outside the run.
   */
  async run(
    toLint: Set<string>,
    edges: Map<string, Set<string>>,
    needGraph: boolean,
  ): Promise<{ outcomes: Map<string, FileOutcome>; graph: Record<string, readonly string[]>; reads: Record<string, string | null> }> {
    const outcomes = new Map<string, FileOutcome>();
    const graph: Record<string, readonly string[]> = {};
    const reads: Record<string, string | null> = {};
    const order = this.jobs.map((j) => j.uri);
    const runUris = new Set(order);
    if (toLint.size === 0) return { outcomes, graph, reads };
    const jobsOf = (uris: Iterable<string>): HostJob[] => [...uris].map((u) => this.byUri.get(u)!);

    if (this.local && !needGraph) {
      // The plain single-threaded run: analyse everything, then lint, exactly as runSession.
      for (const o of await this.local.lint(jobsOf(order.filter((u) => toLint.has(u))))) outcomes.set(o.uri, o);
      return { outcomes, graph, reads };
    }

    const started = Date.now();
    // Phase 1: analyse, learn the links, widen to whole components until nothing new joins.
    const holder = new Map<string, number>(); // uri → worker that analysed it
    const load = new Array<number>(Math.max(1, this.workers)).fill(0);
    let pending = order.filter((u) => toLint.has(u));
    while (pending.length) {
      const shards: HostJob[][] = load.map(() => []);
      // Largest first onto the least-loaded worker: an even split by bytes.
      for (const job of jobsOf(pending).sort((a, b) => b.text.length - a.text.length || (a.uri < b.uri ? -1 : 1))) {
        const w = load.indexOf(Math.min(...load));
        shards[w]!.push(job);
        load[w]! += job.text.length;
        holder.set(job.uri, w);
      }
      const results = await Promise.all(shards.map((shard, w) => (shard.length ? this.analyze(w, shard) : Promise.resolve({ targets: {}, reads: {} }))));
      for (const r of results) {
        for (const [uri, targets] of Object.entries(r.targets)) {
          graph[uri] = targets;
          for (const t of targets) link(edges, uri, t);
        }
        Object.assign(reads, r.reads);
      }
      const widened = componentsOf(edges, toLint, runUris);
      pending = order.filter((u) => widened.has(u) && !toLint.has(u));
      for (const u of pending) toLint.add(u);
    }

    // Phase 2: each component on the worker that already holds most of its bytes.
    const components = groups(edges, order.filter((u) => toLint.has(u)), runUris);
    const assigned: HostJob[][] = load.map(() => []);
    const assignedLoad = load.map(() => 0);
    for (const component of components) {
      const held = load.map(() => 0);
      for (const u of component) held[holder.get(u) ?? 0]! += this.byUri.get(u)!.text.length + 1;
      const best = Math.max(...held);
      const w = held.map((h, i) => (h === best ? i : -1)).filter((i) => i >= 0).sort((a, b) => assignedLoad[a]! - assignedLoad[b]!)[0]!;
      assigned[w]!.push(...jobsOf(component));
      assignedLoad[w]! += component.reduce((n, u) => n + this.byUri.get(u)!.text.length, 0);
    }
    const phase1 = Date.now() - started;
    const results = await Promise.all(assigned.map((shard, w) => (shard.length ? this.lint(w, shard, [...runUris]) : Promise.resolve([]))));
    for (const list of results) for (const o of list) outcomes.set(o.uri, o);
    const moved = assigned.reduce((n, shard, w) => n + shard.filter((j) => holder.get(j.uri) !== w).length, 0);
    this.detail = `analyse ${phase1} ms, lint ${Date.now() - started - phase1} ms, ${components.length} components (largest ${Math.max(...components.map((c) => c.length))}), ${moved} files analysed twice`;
    if (this.local) Object.assign(reads, this.local.reads());
    return { outcomes, graph, reads };
  }

  private analyze(worker: number, jobs: HostJob[]) {
    return this.pool ? this.pool.analyze(worker, jobs) : Promise.resolve(this.local!.analyze(jobs));
  }

  private lint(worker: number, jobs: HostJob[], runUris: string[]): Promise<FileOutcome[]> {
    return this.pool ? this.pool.lint(worker, jobs, runUris) : this.local!.lint(jobs, new Set(runUris));
  }
}

/**
 * Every embedding the previous run stored, by sentence text (each is validated when a host reads
 * it). A sentence's embedding depends on its text alone, so entries of changed files count too.
 */
function storedEmbeddings(previous: CacheData): Record<string, string> | undefined {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  let n = 0;
  for (const entry of Object.values(previous.files)) {
    for (const [text, stored] of Object.entries(entry.embeddings ?? {})) {
      if (!(text in out)) n++;
      out[text] = stored;
    }
  }
  return n ? { ...out } : undefined;
}
