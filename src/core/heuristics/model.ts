/**
 * The check-worthiness model: two logistic-regression heads over `features.ts` vectors, fitted
 * by `npm run train` (scripts/train.mjs) on the development corpus and shipped as
 * `data/detector-model.json`, embedded as `model.generated.ts` because the core reads no files.
 *
 * - `claim`: is the sentence an assertion at all (not a question, signpost, instruction)?
 * - `needs`: does it need a citation (statistic, finding, attribution, specific fact, …)?
 *
 * Inference is a sparse dot product; no native code, nothing downloaded.
 */
import { DETECTOR_MODEL } from './model.generated.js';
import type { CompiledCues } from './cues.js';
import type { SentenceFeatures } from './features.js';

export interface LinearHead {
  readonly bias: number;
  /** Named feature → weight (log-odds). */
  readonly named: Readonly<Record<string, number>>;
  /** Weight per hashed n-gram bucket (length `2 ** hashBits`; empty when `hashBits` is 0). */
  readonly hashed: readonly number[];
}

export interface DetectorModel {
  readonly version: number;
  /** Bits of the n-gram hash; 0: the model uses no word n-grams. */
  readonly hashBits: number;
  readonly claim: LinearHead;
  readonly needs: LinearHead;
  /** Probability thresholds chosen by the trainer. */
  readonly thresholds: {
    readonly claim: number;
    readonly cited: number;
    readonly uncited: number;
    /** From this probability an uncited flag is `info`, below it `hint` (out-of-fold precision ≥ 0.5 from here). */
    readonly info: number;
  };
  /**
   * The light weights: trained the same way without the feature sources (`nlp:`), used while the
   * language model loads in an editor, or when it cannot load.
   */
  readonly light?: Pick<DetectorModel, 'claim' | 'needs' | 'thresholds'>;
  /** What it was trained on (essay count, sentence count, regularisation), for the docs. */
  readonly trainedOn: Readonly<Record<string, number | string>>;
}

export const SHIPPED_MODEL: DetectorModel = DETECTOR_MODEL as DetectorModel;

/** A feature's contribution to one head's log-odds. */
export interface Contribution {
  readonly feature: string;
  readonly value: number;
}

/**
 * Log-odds of a head for a feature vector. Family weights set in configuration replace the
 * learned ones; `base` is added as is.
 */
export function logit(head: LinearHead, cues: CompiledCues, f: SentenceFeatures, base = 0, contributions?: Contribution[]): number {
  let z = head.bias + base;
  for (const [name, value] of f.named) {
    let w = head.named[name] ?? 0;
    if (name.startsWith('cue:')) {
      const configured = cues.byId.get(name.slice(4))?.weight;
      if (configured !== undefined) w = configured;
      else if (!(name in head.named)) w = 1; // a family the model has never seen: a user's own
    }
    const c = w * value;
    z += c;
    if (contributions && c !== 0) contributions.push({ feature: name, value: c });
  }
  if (f.hashValue > 0) {
    let h = 0;
    for (const i of f.hashed) h += head.hashed[i] ?? 0;
    z += h * f.hashValue;
    if (contributions && h !== 0) contributions.push({ feature: 'wording', value: h * f.hashValue });
  }
  return z;
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}
