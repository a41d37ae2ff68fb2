/**
 * The detector's second stage: a sentence encoder's view of the candidate sentences. Pure: the
 * host embeds sentences (Universal Sentence Encoder lite, `src/node/encoder/`) and hands the
 * engine a synchronous lookup; this module projects an embedding on the trained principal
 * components, scores it with a logistic head, and stacks that score with the light model's.
 *
 * Only candidates are embedded and refined: uncited claims whose light score reaches
 * `minScore` and whose strongest reason is not a quotation (a quotation's verdict is the rule's).
 * Everything else keeps the light verdict, and so does a candidate the host has no embedding for
 * (the encoder still loading, turned off, or failed to load).
 *
 * The weights are fitted by `npm run train` (scripts/detector/encoder.mjs) into
 * `data/encoder-model.json`. They travel with the embeddings (`SentenceEmbeddings.model`): the host
 * that has the encoder has its weights, and the core (and the web bundle) carry neither.
 */
import type { HeuristicSentence } from './detect.js';

/** Embeddings by sentence text, as far as the host has them. */
export interface SentenceEmbeddings {
  get(text: string): Float32Array | undefined;
  /** Grows whenever embeddings are added: refined results cached at an older value are stale. */
  readonly generation: number;
  /** The trained stage these embeddings are scored with (`data/encoder-model.json`). */
  readonly model: EncoderModel;
}

export interface EncoderModel {
  readonly version: number;
  /** Embedding size (512). */
  readonly dim: number;
  /** Light score a sentence needs to be embedded at all. */
  readonly minScore: number;
  /** Mean embedding of the training candidates (length `dim`). */
  readonly mean: readonly number[];
  /** Principal components, row-major (`components × dim`). */
  readonly basis: readonly number[];
  readonly components: number;
  /** Logistic head over the component scores: the encoder's own log-odds. */
  readonly head: { readonly bias: number; readonly weights: readonly number[] };
  /** The refined log-odds: `bias + light × logit(light score) + encoder × encoder log-odds`. */
  readonly stack: { readonly bias: number; readonly light: number; readonly encoder: number };
  /** A refined candidate is flagged when its probability reaches this. */
  readonly threshold: number;
  readonly trainedOn: Readonly<Record<string, number | string>>;
}

/** Whether the encoder's stage looks at this sentence. */
export function isEncoderCandidate(s: HeuristicSentence, model: EncoderModel): boolean {
  return s.claim && !s.cited && s.score >= model.minScore && s.reasons[0] !== 'quotation';
}

/** The texts the host should embed for these sentences. */
export function encoderCandidates(sentences: readonly HeuristicSentence[], model: EncoderModel): string[] {
  return sentences.filter((s) => isEncoderCandidate(s, model)).map((s) => s.text);
}

/** The encoder head's log-odds for one embedding. */
export function encoderLogit(vector: ArrayLike<number>, model: EncoderModel): number {
  const { dim, components, mean, basis, head } = model;
  let z = head.bias;
  for (let c = 0; c < components; c++) {
    let p = 0;
    const row = c * dim;
    for (let i = 0; i < dim; i++) p += (vector[i]! - mean[i]!) * basis[row + i]!;
    z += p * head.weights[c]!;
  }
  return z;
}

const logitOf = (p: number): number => {
  const q = Math.min(1 - 1e-4, Math.max(1e-4, p));
  return Math.log(q / (1 - q));
};

/** The stacked probability of a candidate from its light score and its embedding. */
export function refinedProbability(lightScore: number, vector: ArrayLike<number>, model: EncoderModel): number {
  const z = model.stack.bias + model.stack.light * logitOf(lightScore) + model.stack.encoder * encoderLogit(vector, model);
  return 1 / (1 + Math.exp(-z));
}

/**
 * The sentences with every embedded candidate re-scored. `refined` counts the candidates that had
 * an embedding; `candidates` all of them.
 */
export function refineSentences(
  sentences: readonly HeuristicSentence[],
  embeddings: SentenceEmbeddings,
  model: EncoderModel = embeddings.model,
): { sentences: HeuristicSentence[]; candidates: number; refined: number } {
  let candidates = 0;
  let refined = 0;
  const out = sentences.map((s) => {
    if (!isEncoderCandidate(s, model)) return s;
    candidates++;
    const v = embeddings.get(s.text);
    if (!v) return s;
    refined++;
    const p = refinedProbability(s.score, v, model);
    return { ...s, score: Math.round(p * 1000) / 1000, needsCitation: p >= model.threshold, encoder: true };
  });
  return { sentences: out, candidates, refined };
}
