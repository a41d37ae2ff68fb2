/**
 * The zero-annotation detector: prose blocks → sentences → cue scores → citation status.
 */
import type { Root } from 'mdast';
import type { OffsetRange } from '../text/lineIndex.js';
import type { HeuristicOptions } from './options.js';
import { collectProse, forgetProseBlocks, type ProseBlock } from './prose.js';
import { intlSplitter, sentencePieces, type SentenceSplitter } from './split.js';
import { compileCues, cueEvidence, type CompiledCues } from './cues.js';
import { forgetWordFeatures, formEvidence, sentenceFeatures, type SentenceContext, type SentenceFeatures } from './features.js';
import { logit, sigmoid, SHIPPED_MODEL, type Contribution, type DetectorModel } from './model.js';
import { LANGUAGE_SOURCE, forgetLanguageFeatures, languageGeneration } from './language.js';
import { contextKey, countFeatured, countScored, forgetScoredSentences, sentenceMemo, type RememberedSentence } from './sentenceMemo.js';
import type { FeatureSource } from './sources.js';

export interface HeuristicSentence {
  /** The sentence in the document text, from its first visible character. */
  readonly range: OffsetRange;
  /** Plain text of the sentence (markup stripped, whitespace collapsed). */
  readonly text: string;
  /** The model's probability that the sentence needs a citation (0–1). */
  readonly score: number;
  /** Reason ids of the features that raised the score most, e.g. `['statistic', 'attribution']`. */
  readonly reasons: readonly string[];
  /**
   * For each reason, the words of the sentence that showed it (`{ statistic: '40%' }`): a reason
   * is only given when its words are there to quote.
   */
  readonly seen: Readonly<Record<string, string>>;
  /** An assertion at all (not a question, signpost, fragment or call to action). */
  readonly claim: boolean;
  /** `claim` and the score reaches the threshold. */
  readonly needsCitation: boolean;
  /** A citation counts for it under the configured `citationScope`. */
  readonly cited: boolean;
  /** A citation occurs inside the sentence itself. */
  readonly citedInSentence: boolean;
  /** Re-scored by the sentence encoder's stage (`encoder.ts`). */
  readonly encoder?: boolean;
}

export interface DetectInput {
  readonly text: string;
  readonly root: Root;
  /** Every citation occurrence in the document (links, footnote refs, `[@key]`, DOIs, …). */
  readonly citations: readonly OffsetRange[];
  /** Explicitly tagged nodes: sentences starting inside are left to the tags. */
  readonly exclude: readonly OffsetRange[];
  readonly options: HeuristicOptions;
  /** Replace the sentence splitter (used by `npm run eval` to compare splitters). */
  readonly splitter?: SentenceSplitter;
  /** Replace the shipped model (used by `npm run eval` for leave-one-essay-out folds). */
  readonly model?: DetectorModel;
  /**
   * Feature sources beyond the detector's own features (default: the language features,
   * `LANGUAGE_SOURCE`). `npm run eval` passes none to measure the previous feature set.
   */
  readonly sources?: readonly FeatureSource[];
  /**
   * `npm run eval` only: the rules of the previous detector (each block quote its own quotation;
   * normative and hypothetical sentences excluded by rule), to print it beside the new one.
   */
  readonly previousRules?: boolean;
}

let splitterCache = new WeakMap<HeuristicOptions, SentenceSplitter>();

/**
 * Forget the sentences and blocks remembered so far (`features.ts`, `split.ts`): results do not
 * change, only the next run's cost. Growth tests call it so that every timed run starts cold.
 */
export function forgetRememberedSentences(): void {
  splitterCache = new WeakMap();
  forgetWordFeatures();
  forgetLanguageFeatures();
  forgetScoredSentences();
  forgetProseBlocks();
}

/** The default feature sources, one array: the sentence memo is kept per sources list. */
const DEFAULT_SOURCES: readonly FeatureSource[] = [LANGUAGE_SOURCE];

/** A sentence before the model scores it: where it is, its text, its features. */
export interface SentenceRecord {
  readonly range: OffsetRange;
  readonly text: string;
  readonly features: SentenceFeatures;
  readonly citedInSentence: boolean;
  readonly cited: boolean;
  readonly words: number;
  /**
   * Set by rule, not by the model: the first sentence of a quotation block quote is one
   * quotation claim (`quote`); its other sentences are not claims (`quoteRest`).
   */
  readonly fixed?: 'quote' | 'quoteRest' | 'leadIn' | 'instruction';
}

/**
 * Every prose sentence with its feature vector (the model's input; `npm run train` reads these).
 */
export function extractSentences(input: DetectInput, hashBits: number): SentenceRecord[] {
  return extract(input, hashBits).records;
}

/** A scored sentence in its context, before its features are computed. */
interface Entry {
  readonly sp: { readonly start: number; readonly end: number; readonly sentence: string };
  readonly ctx: SentenceContext;
  readonly quote: SentenceRecord['fixed'];
  readonly block: ProseBlock;
  readonly cited: boolean;
}

/**
 * The sentences, and which of them carry the feature sources' features (`full`; none when a source
 * could not run: then the light weights score them all). With `candidate`, the sources read only
 * the sentences it picks from their light vectors (the rest are scored by the light weights).
 */
function extract(
  input: DetectInput,
  hashBits: number,
  candidate?: (light: RememberedSentence, cited: boolean) => boolean,
): { records: SentenceRecord[]; kept: RememberedSentence[]; full: boolean[] } {
  const { text, root, options } = input;
  const cues = compileCues(options);
  let split = input.splitter ?? splitterCache.get(options);
  if (!split) {
    split = intlSplitter(options.abbreviations);
    splitterCache.set(options, split);
  }
  const blocks = collectProse(text, root, { tables: options.tables, skipSection: cues.skipSection, quotesApart: input.previousRules === true });
  // The first `:::` at or after `colonsFrom` (-1: none): searched again only past it, so a document
  // without one is not scanned to its end once per sentence.
  let colonsFrom = Infinity;
  let colonsAt = -1;
  const citations = sortedStarts(input.citations);
  const exclude = mergeRanges(input.exclude);
  const groupRanges = groupExtents(blocks);
  const citedGroups = new Map<number, boolean>(); // once per group: a long list is one group
  const quotesSeen = new Set<number>();

  // First every sentence and its citations, then features: some describe the whole document.
  const pending: { block: ProseBlock; bi: number; spans: { start: number; end: number; sentence: string }[]; inSentence: boolean[]; groupCited: boolean }[] = [];
  blocks.forEach((block, bi) => {
    const spans: { start: number; end: number; sentence: string }[] = [];
    for (const { from, to, lead, sentence } of sentencePieces(split, block.text)) {
      const startOffset = block.offsets[from + lead]!;
      // The sentence runs to the next one's start, so a footnote marker after its period is its own.
      let endOffset = to < block.text.length ? block.offsets[to]! : block.range.end;
      // A Pandoc fence line (`:::`) written without a blank line is blanked in the prose, but
      // it is still in the document: the sentence ends before it (only looked for where `:::` is).
      if (startOffset < colonsFrom || (colonsAt >= 0 && colonsAt < startOffset)) {
        colonsFrom = startOffset;
        colonsAt = text.indexOf(':::', startOffset);
      }
      const colons = colonsAt;
      const fence = colons >= 0 && colons + 3 <= endOffset ? text.slice(startOffset, endOffset).search(/\r?\n[ \t]{0,3}:{3,}/) : -1;
      if (fence >= 0) endOffset = startOffset + fence;
      spans.push({ start: startOffset, end: endOffset, sentence });
    }
    let groupCited = citedGroups.get(block.group);
    if (groupCited === undefined) {
      const g = groupRanges.get(block.group);
      groupCited = g !== undefined && g.some((r) => anyIn(citations, r.start, r.end));
      citedGroups.set(block.group, groupCited);
    }
    pending.push({ block, bi, spans, inSentence: spans.map((sp) => anyIn(citations, sp.start, sp.end)), groupCited });
  });
  const total = pending.reduce((n, p) => n + p.spans.length, 0);
  const citedTotal = pending.reduce((n, p) => n + p.inSentence.filter(Boolean).length, 0);
  const citeRate = total > 0 ? citedTotal / total : 0;
  let seen = 0;

  // Every scored sentence in its context, before any feature is computed.
  const entries: Entry[] = [];
  for (const { block, bi, spans, inSentence, groupCited } of pending) {
    // A sentence ending in a colon that opens the list, quote or table after it: a lead-in.
    const leadIn = /:\s*$/.test(block.text) && blocks[bi + 1]?.group === block.group;
    spans.forEach((sp, i) => {
      const position = total > 1 ? seen++ / (total - 1) : 0;
      if (inRanges(exclude, sp.start)) return;
      const citedInSentence = inSentence[i]!;
      const cited = citedInSentence || (options.citationScope === 'paragraph' && groupCited);
      const ctx: SentenceContext = {
        kind: block.kind,
        index: i,
        count: spans.length,
        citedInSentence,
        citedNearby: !citedInSentence && groupCited,
        prevCited: i > 0 && inSentence[i - 1]!,
        nextCited: i + 1 < spans.length && inSentence[i + 1]!,
        leadIn: leadIn && i === spans.length - 1,
        citeRate,
        position,
      };
      // A quotation block quote is someone else's text: one claim, at its first sentence.
      let quote: SentenceRecord['fixed'];
      if (block.quote >= 0) {
        quote = quotesSeen.has(block.quote) ? 'quoteRest' : 'quote';
        quotesSeen.add(block.quote);
      }
      entries.push({ sp, ctx, quote, block, cited });
    });
  }

  const sources = input.sources ?? DEFAULT_SOURCES;
  // A sentence whose text and context are unchanged keeps its vector and verdict (sentenceMemo.ts).
  const memo = input.previousRules === true ? undefined : sentenceMemo(options, sources, hashBits);
  const generation = languageGeneration();
  /** The vector and fixed verdict of a sentence, with the sources' features or without (`light`). */
  const featured = (e: Entry, extra: readonly (ReadonlyMap<string, number> | undefined)[], light: boolean): RememberedSentence => {
    // Without the sources a vector does not depend on the language model's generation.
    const key = memo ? contextKey(e.ctx, e.quote ?? '', light, light ? 0 : generation) : '';
    let remembered = memo?.get(e.sp.sentence, key);
    if (remembered) return remembered;
    countFeatured();
    let fixed = e.quote;
    const features = sentenceFeatures(cues, e.sp.sentence, e.ctx, hashBits, extra);
    if (fixed === undefined && e.ctx.leadIn) {
      fixed = 'leadIn';
    } else if (fixed === undefined && e.block.kind === 'listItem' && e.ctx.index === 0 && features.named.has('cue:imperative')) {
      // A recommendation ("Ensure that…", "Define…"): a call to action, not an assertion.
      fixed = 'instruction';
    } else if (fixed === undefined && (isNonAssertion(features) || (input.previousRules === true && wasNonAssertion(features)))) {
      fixed = 'instruction';
    }
    remembered = { features, fixed };
    memo?.set(e.sp.sentence, key, remembered);
    return remembered;
  };

  // Which sentences the feature sources read: all of them, or (`candidate`) only those the light
  // weights do not already clear, read after their light vectors. Each source reads its sentences in one call.
  let kept: RememberedSentence[];
  let full: boolean[];
  let light = false;
  if (!candidate || sources.length === 0) {
    const read = sources.map((source) => source.features(entries.map((e) => e.sp.sentence)));
    light = read.some((r) => r === undefined);
    const extra = light ? [] : (read as (readonly ReadonlyMap<string, number>[])[]);
    kept = entries.map((e, k) => featured(e, extra.map((x) => x[k]), light));
    full = entries.map(() => !light);
  } else {
    kept = entries.map((e) => featured(e, [], true));
    const chosen: number[] = [];
    kept.forEach((r, k) => {
      if (candidate(r, entries[k]!.cited)) chosen.push(k);
    });
    const read = chosen.length > 0 ? sources.map((source) => source.features(chosen.map((k) => entries[k]!.sp.sentence))) : [];
    light = read.some((r) => r === undefined);
    full = entries.map(() => false);
    if (!light) {
      const extra = read as (readonly ReadonlyMap<string, number>[])[];
      chosen.forEach((k, j) => {
        kept[k] = featured(entries[k]!, extra.map((x) => x[j]), false);
        full[k] = true;
      });
    }
  }

  const out: SentenceRecord[] = entries.map((e, k) => {
    const { features, fixed } = kept[k]!;
    return {
      range: { start: e.sp.start, end: Math.max(e.sp.start, trimEnd(text, e.sp.end, e.sp.start)) },
      text: e.sp.sentence,
      features,
      citedInSentence: e.ctx.citedInSentence,
      cited: e.cited,
      words: e.sp.sentence.split(' ').length,
      ...(fixed ? { fixed } : {}),
    };
  });
  return { records: out, kept, full };
}

/**
 * The feature sources (the language model) read an uncited sentence only when the light weights
 * give it at least this probability of needing a source, and never a cited one: below it, on the
 * development corpus, no sentence reached a flag with the sources' features either (the lowest
 * threshold the trainer has chosen is 0.175), and about half the sentences are left out
 * (docs/heuristics.md). The light weights score the sentences left out.
 */
export const SOURCE_MIN_SCORE = 0.1;

const lightModels = new WeakMap<DetectorModel, DetectorModel>();
/** `model` with its light weights in place of the full ones (one object per model: the memo compares models by identity). */
function lightWeights(model: DetectorModel): DetectorModel | undefined {
  if (!model.light) return undefined;
  let light = lightModels.get(model);
  if (!light) lightModels.set(model, (light = { ...model, ...model.light }));
  return light;
}

/**
 * Score every prose sentence of a parsed document.
 *
 * @example for "Half of all firms use it. [Source](https://example.org)" (paragraph scope) →
 * one sentence, reasons ['statistic'], needsCitation true, cited true, citedInSentence false.
 */
export function detectSentences(input: DetectInput): HeuristicSentence[] {
  const full = input.model ?? SHIPPED_MODEL;
  const { options } = input;
  const cues = compileCues(options);
  // The light weights, trained without the feature sources: they score every sentence while a
  // source cannot run (the language model is loading, or failed to load), and the sentences they
  // already clear, which the sources then never read (`SOURCE_MIN_SCORE`).
  const lightModel = lightWeights(full);
  const candidate =
    lightModel && input.previousRules !== true && input.sources?.length !== 0
      ? (r: RememberedSentence, cited: boolean): boolean => {
          // Remembered with the light vector, per light model (`cited` is part of the memo's key).
          if (r.pickedBy !== lightModel) {
            r.pickedBy = lightModel;
            r.picked = (r.fixed === undefined || r.fixed === 'quote') && !cited && sigmoid(logit(lightModel.needs, cues, r.features, options.base)) >= SOURCE_MIN_SCORE;
          }
          return r.picked === true;
        }
      : undefined;
  const { records, kept, full: withSources } = extract(input, full.hashBits, candidate);
  const out: HeuristicSentence[] = [];
  type Scored = Pick<HeuristicSentence, 'score' | 'reasons' | 'seen' | 'claim' | 'needsCitation'>;
  records.forEach((r, i) => {
    const model = withSources[i] || !lightModel ? full : lightModel;
    // Scored before by this model (same text, context and options: sentenceMemo.ts).
    const remembered = kept[i]!;
    let s = remembered.scoredBy === model ? (remembered.scored as Scored) : undefined;
    if (!s) {
      s = scoreRecord(r, model);
      remembered.scoredBy = model;
      remembered.scored = s;
    }
    out.push({ range: r.range, text: r.text, score: s.score, reasons: s.reasons, seen: s.seen, claim: s.claim, needsCitation: s.needsCitation, cited: r.cited, citedInSentence: r.citedInSentence });
  });
  return out;

  function scoreRecord(r: SentenceRecord, model: DetectorModel): Scored {
    countScored();
    const claimAt = options.claimThreshold ?? model.thresholds.claim;
    const contributions: Contribution[] = [];
    const claimP = sigmoid(logit(model.claim, cues, r.features, options.base));
    const needsP = sigmoid(logit(model.needs, cues, r.features, options.base, contributions));
    const needsAt = options.threshold ?? (r.cited ? model.thresholds.cited : model.thresholds.uncited);
    let claim = claimP >= claimAt && r.words >= options.minWords && !r.features.named.has('form:question');
    let needsCitation = claim && needsP >= needsAt;
    const found = reasonsOf(cues, contributions, r.text);
    let reasons = found.reasons;
    let seen = found.seen;
    if (r.fixed === 'quote') {
      claim = needsCitation = true;
      reasons = ['quotation', ...reasons.filter((x) => x !== 'quotation')].slice(0, 3);
      // a block quote: no words to quote, the message says so (reasons.ts)
      seen = Object.fromEntries(Object.entries(seen).filter(([k]) => k !== 'quotation'));
    } else if (r.fixed !== undefined) {
      claim = needsCitation = false;
    }
    return { score: Math.round(needsP * 1000) / 1000, reasons, seen, claim, needsCitation };
  }
}

/**
 * What the annotation guidelines exclude outright, and the only verdict left to the rules:
 * instructions and signposts. "Should", hypothetical and normative cues are evidence the model
 * weighs (`cue:normative`, `cue:hypothetical`, `form:bareNormative`), because the same cues sit
 * inside attributions and factual premises that do need a source.
 */
function isNonAssertion(f: SentenceFeatures): boolean {
  return f.named.has('cue:imperative') || f.named.has('cue:signpost');
}

const FACTUAL = ['cue:statistic', 'cue:researchFinding', 'cue:ownFinding', 'cue:attribution', 'cue:quotation'];
/** The previous detector's verdict (for `npm run eval`'s comparison only): hypotheticals and premise-free normative sentences. */
function wasNonAssertion(f: SentenceFeatures): boolean {
  const has = (n: string): boolean => f.named.has(n);
  return has('cue:hypothetical') || (has('cue:normative') && !FACTUAL.some(has));
}

/** Hand features that name a reason a reader understands. */
const FORM_REASONS: Readonly<Record<string, string>> = {
  'form:number': 'statistic',
  'form:numbers': 'statistic',
  'form:percent': 'statistic',
  'form:money': 'statistic',
  'form:year': 'datedEvent',
  'form:name': 'specificFact',
  'form:names': 'specificFact',
  'form:acronym': 'specificFact',
  'form:quoted': 'quotation',
  'form:comparative': 'booster',
};

/**
 * The (at most three) reasons whose features pushed the score up most, strongest first, each
 * with the words that showed it. A feature whose words cannot be quoted names no reason.
 */
function reasonsOf(cues: CompiledCues, contributions: Contribution[], sentence: string): { reasons: string[]; seen: Record<string, string> } {
  const reasons: string[] = [];
  const seen: Record<string, string> = {};
  for (const c of contributions.filter((x) => x.value > 0).sort((a, b) => b.value - a.value)) {
    const isCue = c.feature.startsWith('cue:');
    const reason = isCue ? cues.byId.get(c.feature.slice(4))?.reason : FORM_REASONS[c.feature];
    if (!reason || reasons.includes(reason)) continue;
    const words = isCue ? cueEvidence(cues, c.feature.slice(4), sentence) : formEvidence(c.feature, sentence);
    if (!words) continue;
    reasons.push(reason);
    seen[reason] = words;
    if (reasons.length === 3) break;
  }
  return { reasons, seen };
}

/** Ranges of every block in each paragraph group. */
function groupExtents(blocks: readonly ProseBlock[]): Map<number, OffsetRange[]> {
  const map = new Map<number, OffsetRange[]>();
  for (const b of blocks) {
    const list = map.get(b.group);
    if (list) list.push(b.range);
    else map.set(b.group, [b.range]);
  }
  return map;
}

function sortedStarts(ranges: readonly OffsetRange[]): Int32Array {
  const a = Int32Array.from(ranges, (r) => r.start);
  return a.sort();
}

/** True when some citation starts in [start, end). Binary search: citations are sorted. */
function anyIn(sorted: Int32Array, start: number, end: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < start) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo]! < end;
}

/** Overlapping or nested ranges merged into a sorted, disjoint list (for binary search). */
function mergeRanges(ranges: readonly OffsetRange[]): OffsetRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const out: { start: number; end: number }[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ start: r.start, end: r.end });
  }
  return out;
}

/** Whether `offset` lies in one of the disjoint, sorted ranges. Binary search: many tags, one paragraph. */
function inRanges(sorted: readonly OffsetRange[], offset: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.start <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && offset < sorted[lo - 1]!.end;
}

function trimEnd(text: string, end: number, min: number): number {
  let e = end;
  while (e > min && /\s/.test(text[e - 1]!)) e--;
  return e;
}
