/**
 * The zero-annotation detector: prose blocks → sentences → cue scores → citation status.
 */
import type { Root } from 'mdast';
import type { OffsetRange } from '../text/lineIndex.js';
import type { HeuristicOptions } from './options.js';
import { collectProse, type ProseBlock } from './prose.js';
import { intlSplitter, type SentenceSplitter } from './split.js';
import { compileCues, scoreText } from './cues.js';

export interface HeuristicSentence {
  /** The sentence in the document text, from its first visible character. */
  readonly range: OffsetRange;
  /** Plain text of the sentence (markup stripped, whitespace collapsed). */
  readonly text: string;
  readonly score: number;
  /** Reason ids of the positive cue families that fired, e.g. `['statistic', 'attribution']`. */
  readonly reasons: readonly string[];
  /** An assertion at all (not a question, signpost, fragment or call to action). */
  readonly claim: boolean;
  /** `claim` and the score reaches the threshold. */
  readonly needsCitation: boolean;
  /** A citation counts for it under the configured `citationScope`. */
  readonly cited: boolean;
  /** A citation occurs inside the sentence itself. */
  readonly citedInSentence: boolean;
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
}

const splitterCache = new WeakMap<HeuristicOptions, SentenceSplitter>();

/**
 * Score every prose sentence of a parsed document.
 *
 * @example for "Half of all firms use it. [Source](https://example.org)" (paragraph scope) →
 * one sentence, reasons ['statistic'], needsCitation true, cited true, citedInSentence false.
 */
export function detectSentences(input: DetectInput): HeuristicSentence[] {
  const { text, root, options } = input;
  const cues = compileCues(options);
  let split = input.splitter ?? splitterCache.get(options);
  if (!split) {
    split = intlSplitter(options.abbreviations);
    splitterCache.set(options, split);
  }
  const blocks = collectProse(text, root, { tables: options.tables, skipSection: cues.skipSection });
  const citations = sortedStarts(input.citations);
  const exclude = [...input.exclude].sort((a, b) => a.start - b.start);
  const groupRanges = groupExtents(blocks);
  const quotesSeen = new Set<number>();
  const out: HeuristicSentence[] = [];

  for (const block of blocks) {
    const starts = split(block.text);
    for (let i = 0; i < starts.length; i++) {
      const from = starts[i]!;
      const to = i + 1 < starts.length ? starts[i + 1]! : block.text.length;
      const raw = block.text.slice(from, to);
      const lead = raw.length - raw.trimStart().length;
      const sentence = raw.trim().replace(/\s+/g, ' ');
      if (!/[A-Za-z]/.test(sentence)) continue;
      const startOffset = block.offsets[from + lead]!;
      // The sentence runs to the next one's start, so a footnote marker after its period is its own.
      let endOffset = to < block.text.length ? block.offsets[to]! : block.range.end;
      // A Pandoc fence line (`:::`) written without a blank line is blanked in the prose, but
      // it is still in the document: the sentence ends before it.
      const fence = text.slice(startOffset, endOffset).search(/\r?\n[ \t]{0,3}:{3,}/);
      if (fence >= 0) endOffset = startOffset + fence;
      if (inRanges(exclude, startOffset)) continue;

      const result = scoreText(cues, options.base, sentence);
      let { score } = result;
      let reasons = result.reasons;
      const words = sentence.split(' ').length;
      let claim = score >= options.claimThreshold && words >= options.minWords && !sentence.endsWith('?');

      // A quotation block quote is someone else's text: one finding, at its first sentence.
      if (block.quote >= 0) {
        if (quotesSeen.has(block.quote)) {
          claim = false;
        } else {
          quotesSeen.add(block.quote);
          claim = true;
          score = Math.max(score, options.threshold);
          reasons = ['quotation', ...reasons.filter((r) => r !== 'quotation')];
        }
      }
      const citedInSentence = anyIn(citations, startOffset, endOffset);
      let cited = citedInSentence;
      if (!cited && options.citationScope === 'paragraph') {
        const g = groupRanges.get(block.group);
        cited = g !== undefined && g.some((r) => anyIn(citations, r.start, r.end));
      }
      out.push({
        range: { start: startOffset, end: Math.max(startOffset, trimEnd(text, endOffset, startOffset)) },
        text: sentence,
        score,
        reasons,
        claim,
        needsCitation: claim && score >= options.threshold && reasons.length > 0,
        cited,
        citedInSentence,
      });
    }
  }
  return out;
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

function inRanges(sorted: readonly OffsetRange[], offset: number): boolean {
  for (const r of sorted) {
    if (r.start > offset) return false;
    if (offset < r.end) return true;
  }
  return false;
}

function trimEnd(text: string, end: number, min: number): number {
  let e = end;
  while (e > min && /\s/.test(text[e - 1]!)) e--;
  return e;
}
