/**
 * One engine over a set of files, driven in two phases so that the same code runs in the main
 * thread and in worker threads (`worker.ts`):
 *
 * 1. `analyze(jobs)`: parse and model the files, then report, for every model the engine holds,
 *    the files its relations point to (`targets`). The caller unions these into link components.
 * 2. `lint(jobs)`: run the rules over whole components. Files outside the given jobs are first
 *    forgotten, so a worker's graph holds exactly the components it lints.
 *
 * Everything returned is plain JSON (findings, URIs, hashes): it crosses thread boundaries and
 * goes into `.warrantcache` unchanged.
 */
import { createHash } from 'node:crypto';
import { createEngine, encoderCandidateTexts, resolveUri, type Engine, type Finding, type LintOptions, type LintResult, type UserConfig, type Workspace } from '../core/index.js';
import type { ConfigLoader } from '../node/config.js';
import { FsWorkspace } from '../node/fsWorkspace.js';
import { configLoaderFor } from './session.js';
import { decodeEmbedding, encodeEmbedding, SentenceEncoder } from '../node/encoder/index.js';

/** What a host needs to rebuild the session's configs by itself (it must be structured-clonable). */
export interface HostOptions {
  readonly configFile?: string;
  readonly noConfigLookup?: boolean;
  readonly overrides?: UserConfig;
  readonly lint?: LintOptions;
  /** `--stdin`: the file name and its text, served to the engine before the disk. */
  readonly overlay?: { readonly uri: string; readonly text: string };
  /** `--no-encoder`: never load the sentence encoder, whatever the configuration says. */
  readonly encoder?: false;
  /**
   * Embeddings from the previous run's `.warrantcache` (sentence text → stored vector, validated
   * here): a sentence embedded then is not embedded again.
   */
  readonly embeddings?: Readonly<Record<string, string>>;
}

export interface HostJob {
  readonly filePath: string;
  readonly uri: string;
  readonly text: string;
}

/** One file's result: findings in force, and unused disable directives as ready-made findings. */
export interface FileOutcome {
  readonly filePath: string;
  readonly uri: string;
  readonly findings: readonly Finding[];
  readonly unusedDirectives: readonly Finding[];
  /** The encoder's embeddings of this file's candidates (text → stored vector), for `.warrantcache`. */
  readonly embeddings?: Readonly<Record<string, string>>;
}

export interface AnalyzeOutput {
  /** For every model the engine holds: the files its relations point to (resolved URIs). */
  readonly targets: Readonly<Record<string, readonly string[]>>;
  /** Files the engine read or probed that may not be jobs: URI → content hash, or `null` when absent. */
  readonly reads: Readonly<Record<string, string | null>>;
}

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/** A workspace that remembers what it was asked, so a cache can tell when those answers change. */
class RecordingWorkspace implements Workspace {
  readonly reads = new Map<string, string | null>();
  constructor(private readonly inner: Workspace) {}
  readText(uri: string): string | undefined {
    const text = this.inner.readText(uri);
    this.reads.set(uri, text === undefined ? null : hashText(text));
    return text;
  }
  unreadableReason(uri: string): string | undefined {
    return this.inner.unreadableReason?.(uri);
  }
  exists(uri: string): boolean {
    const exists = this.inner.exists(uri);
    // A probe only records presence; a later read of the same URI records its hash.
    if (!this.reads.has(uri) || this.reads.get(uri)?.startsWith('exists:')) this.reads.set(uri, exists ? 'exists:' : null);
    return exists;
  }
}

/** Disable comments that silenced nothing, as findings (`--report-unused-disable-directives`). */
export function unusedDirectiveFindings(result: LintResult): Finding[] {
  return result.unusedDirectives.map((d) => ({
    ruleId: 'unused-disable-directive',
    severity: 'warning',
    message: `Unused \`warrant-${d.kind}\` comment${d.rules.length ? ` for ${d.rules.map((r) => r.id).join(', ')}` : ''}: nothing is reported here; remove it`,
    uri: result.uri,
    range: d.range,
    position: result.model.lineIndex.toRange(d.range),
    related: [],
  }));
}

export class LintHost {
  private readonly workspace: RecordingWorkspace;
  private readonly engine: Engine;
  private readonly loader: ConfigLoader;
  private readonly analysed = new Set<string>();
  /** The sentence encoder, created here but loaded only when a file's configuration wants it. */
  private readonly encoder: SentenceEncoder | undefined;

  constructor(private readonly options: HostOptions, loader?: ConfigLoader, fs: FsWorkspace = new FsWorkspace()) {
    if (options.overlay) fs.setOverlay(options.overlay.uri, options.overlay.text);
    this.workspace = new RecordingWorkspace(fs);
    // Told once, on stderr (a worker's stderr is the process's): the run goes on with the light detector.
    this.encoder = options.encoder === false ? undefined : new SentenceEncoder({ log: (m) => (/could not|failed/.test(m) ? process.stderr.write(`warrant: ${m}\n`) : undefined) });
    if (this.encoder && options.embeddings) {
      const seeds: [string, Float32Array][] = [];
      for (const [text, stored] of Object.entries(options.embeddings)) {
        const vector = decodeEmbedding(stored);
        if (vector) seeds.push([text, vector]);
      }
      this.encoder.seed(seeds);
    }
    this.engine = createEngine({ workspace: this.workspace, ...(this.encoder ? { embeddings: this.encoder } : {}) });
    this.loader = loader ?? configLoaderFor(options);
  }

  analyze(jobs: readonly HostJob[]): AnalyzeOutput {
    for (const job of jobs) {
      this.engine.analyze(job.uri, job.text, this.loader.loadFor(job.filePath).config);
      this.analysed.add(job.uri);
    }
    // Building the graph loads the files that relations reach; their own links count too.
    this.engine.graph();
    const targets: Record<string, string[]> = {};
    for (const model of this.engine.models()) {
      const out = new Set<string>();
      for (const node of model.nodes) {
        for (const r of node.relations) {
          if (!r.target.file) continue;
          const uri = resolveUri(model.uri, r.target.file);
          if (uri && uri !== model.uri) out.add(uri);
        }
      }
      targets[model.uri] = [...out].sort();
    }
    return { targets, reads: Object.fromEntries(this.workspace.reads) };
  }

  /**
   * Lint `jobs` (whole link components). Run files analysed earlier that are not among them are
   * forgotten first: a file's findings must depend only on its component, as in a single run.
   */
  async lint(jobs: readonly HostJob[], runUris?: ReadonlySet<string>): Promise<FileOutcome[]> {
    const keep = new Set(jobs.map((j) => j.uri));
    if (runUris) {
      for (const model of this.engine.models()) {
        if (runUris.has(model.uri) && !keep.has(model.uri)) this.engine.invalidate(model.uri);
      }
    }
    // Analyse all first so that every file's edges are in the graph before any rule runs.
    const configs = jobs.map((job) => this.loader.loadFor(job.filePath).config);
    const models = jobs.map((job, i) => this.engine.analyze(job.uri, job.text, configs[i]));
    // The encoder's candidates of every file, embedded in one batch before any rule runs.
    const encoder = this.encoder;
    const candidates = models.map((m) => (encoder && !encoder.failure ? encoderCandidateTexts(m, encoder) : []));
    if (encoder && candidates.some((c) => c.length)) await encoder.ensure(candidates.flat());
    return jobs.map((job, i) => {
      const result = this.engine.lint(job.uri, job.text, configs[i], this.options.lint);
      const stored: Record<string, string> = {};
      for (const text of candidates[i]!) {
        const vector = encoder?.get(text);
        if (vector) stored[text] = encodeEmbedding(vector);
      }
      return { filePath: job.filePath, uri: job.uri, findings: result.findings, unusedDirectives: unusedDirectiveFindings(result), ...(Object.keys(stored).length ? { embeddings: stored } : {}) };
    });
  }

  /** What the workspace was asked so far (for the cache). */
  reads(): Readonly<Record<string, string | null>> {
    return Object.fromEntries(this.workspace.reads);
  }
}
