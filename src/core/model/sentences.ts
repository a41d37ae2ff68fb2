/**
 * Zero-annotation mode over a document model: the heuristic sentences, computed at most once per
 * model and citation scope, for the `uncited-assertion` rule, hovers and `warrant claims`.
 */
import { detectSentences, encoderCandidates, heuristicOptionsFor, languageGeneration, languageModelLoaded, refineSentences, type CitationScope, type DetectInput, type HeuristicSentence, type SentenceEmbeddings } from '../heuristics/index.js';
import type { OffsetRange } from '../text/lineIndex.js';
import type { DocumentModel } from './analyze.js';

/**
 * Internal links that reach a node (a defense, evidence, another claim) back a sentence the way a
 * citation does: "add a source or a link to a defense". Links to other files count when they name
 * an id (dangling ones are `dangling-reference`'s business); in-page links to untagged headings
 * are navigation, not support.
 */
function linkedNodes(model: DocumentModel): OffsetRange[] {
  return model.internalLinks
    .filter((l) => (l.target.file ? l.target.id !== '' : model.ids.get(l.target.id)?.node !== undefined))
    .map((l) => l.range);
}

const cache = new WeakMap<DocumentModel, Map<string, readonly HeuristicSentence[]>>();

/**
 * What the detector reads of a model: its prose, its citations (sources and links to nodes),
 * and the tagged nodes to leave alone. A tagged heading leaves only its own line alone (headings
 * are never prose): the sentences of its section are scored like any other, and the heading's
 * own finding stays on the heading.
 */
export function detectInputFor(model: DocumentModel, scope?: CitationScope): DetectInput {
  const layers = scope ? [...model.config.heuristics, { citationScope: scope }] : model.config.heuristics;
  const { options } = heuristicOptionsFor(layers);
  return {
    text: model.text,
    root: model.root,
    citations: [...model.sources.map((s) => s.range), ...linkedNodes(model)],
    // A numbered reference list's entries are sources, not prose (`sources/numbered.ts`).
    exclude: [...model.nodes.filter((n) => n.block !== 'heading').map((n) => n.range), ...model.scan.referenceLists],
    options,
  };
}

/**
 * Every scored prose sentence outside explicitly tagged blocks. Tags always win: a sentence
 * inside a tagged paragraph, list, quote, div or span is never scored, so it can never be
 * reported twice.
 */
export function heuristicSentences(model: DocumentModel, scope?: CitationScope, embeddings?: SentenceEmbeddings): readonly HeuristicSentence[] {
  const light = lightSentences(model, scope);
  // The stage was trained on the full detector's scores: over the light weights (the language
  // model still loading, or failed) it would misread them, so the light verdicts stand.
  if (!embeddings || !encoderEnabled(model) || !languageModelLoaded()) return light;
  // The encoder's stage over the light verdicts, again at most once per model, scope and
  // generation of the embeddings (a new embedding may re-score a sentence) and of the language
  // model (its arrival re-scores the light verdicts underneath).
  let byKey = refinedCache.get(model);
  if (!byKey) {
    byKey = new Map();
    refinedCache.set(model, byKey);
  }
  const key = `${scope ?? ''}:${languageGeneration()}`;
  const hit = byKey.get(key);
  if (hit && hit.embeddings === embeddings && hit.generation === embeddings.generation) return hit.sentences;
  const sentences = refineSentences(light, embeddings).sentences;
  byKey.set(key, { embeddings, generation: embeddings.generation, sentences });
  return sentences;
}

const refinedCache = new WeakMap<DocumentModel, Map<string, { embeddings: SentenceEmbeddings; generation: number; sentences: readonly HeuristicSentence[] }>>();

/** Whether the document's configuration lets the encoder refine its sentences (`heuristics.encoder`). */
export function encoderEnabled(model: DocumentModel): boolean {
  return heuristicOptionsFor(model.config.heuristics).options.encoder;
}

/**
 * The sentence texts a host should embed for this document (the encoder stage's candidates), or
 * none when its configuration turns the encoder off.
 */
export function encoderCandidateTexts(model: DocumentModel, embeddings: Pick<SentenceEmbeddings, 'model'>, scope?: CitationScope): string[] {
  if (!encoderEnabled(model)) return [];
  const light = lightSentences(model, scope);
  return languageModelLoaded() ? encoderCandidates(light, embeddings.model) : [];
}

function lightSentences(model: DocumentModel, scope?: CitationScope): readonly HeuristicSentence[] {
  let byScope = cache.get(model);
  if (!byScope) {
    byScope = new Map();
    cache.set(model, byScope);
  }
  // The language model's arrival (an editor loads it after the first lint) changes the scores.
  const key = `${scope ?? ''}:${languageGeneration()}`;
  const hit = byScope.get(key);
  if (hit) return hit;
  const sentences = model.problems.some((p) => p.ruleId === 'file-skipped') ? [] : detectSentences(detectInputFor(model, scope));
  // Kept under the generation they were scored in (scoring may have loaded the language model).
  byScope.set(`${scope ?? ''}:${languageGeneration()}`, sentences);
  return sentences;
}
