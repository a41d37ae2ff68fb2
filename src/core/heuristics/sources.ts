/**
 * Feature sources: what adds named features to a document's sentences beyond the detector's own
 * cue, form and context features. The language features (`language.ts`, `nlp:`) are the built-in
 * source; another (an encoder's `enc:` scores) plugs in beside it through `DetectInput.sources`.
 * The model's input stays one map of named features, so a new source needs no new model code:
 * `npm run train` learns a weight for every name it sees.
 */
export interface FeatureSource {
  /** Short id, also the prefix of the feature names it adds (`nlp` → `nlp:pos:NOUN`). */
  readonly id: string;
  /**
   * Named features for each sentence, in order: one call per document (a source remembers what
   * it read before by itself). Undefined when the source cannot run now (its model failed to load,
   * or is loading): the detector then scores with the model's light weights, which never saw it.
   */
  features(sentences: readonly string[]): readonly ReadonlyMap<string, number>[] | undefined;
}
