/**
 * Zero-annotation mode (DESIGN §2): find check-worthy sentences in plain prose and say whether
 * a citation backs them. Pure: takes text, mdast and citation ranges; reads no files.
 *
 * The rule `uncited-assertion` calls `detectSentences` with the document's citations and the
 * ranges of explicitly tagged nodes, and reports `needsCitation && !cited` with
 * `uncitedMessage(reasons)`.
 */
export type { HeuristicOptions, CueFamilyOptions, CitationScope, OptionProblem } from './options.js';
export { defaultHeuristicOptions, mergeHeuristicOptions, heuristicOptionsFor } from './options.js';
export type { HeuristicSentence, DetectInput, SentenceRecord } from './detect.js';
export { detectSentences, extractSentences, forgetRememberedSentences, SOURCE_MIN_SCORE } from './detect.js';
export type { FeatureSource } from './sources.js';
export { LANGUAGE_SOURCE, deferLanguageModel, languageFeatures, languageGeneration, languageLoadError, languageModelLoaded, loadLanguageModel, provideLanguageModules, type LanguageModules } from './language.js';
export type { DetectorModel, LinearHead } from './model.js';
export { SHIPPED_MODEL, logit, sigmoid } from './model.js';
export type { SentenceFeatures } from './features.js';
export { describeReasons, describeSeen, uncitedMessage, REASON_LABELS, type UncitedMessageOptions } from './reasons.js';
export type { SentenceSplitter } from './split.js';
export { intlSplitter } from './split.js';
export { collectProse, type ProseBlock } from './prose.js';
export type { SentenceEmbeddings, EncoderModel } from './encoder.js';
export { encoderCandidates, encoderLogit, isEncoderCandidate, refineSentences, refinedProbability } from './encoder.js';
