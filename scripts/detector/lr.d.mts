/** Types for `lr.mjs` (the parts tests use). */
import type { LinearHead, SentenceFeatures } from '../../src/core/heuristics/index.js';
export declare function score(head: LinearHead, features: SentenceFeatures): number;
