/**
 * Sentence splitting of a prose block's plain text.
 *
 * `Intl.Segmenter` (ICU's sentence rules, built into Node and VS Code's runtime: no dependency,
 * nothing to bundle) followed by an abbreviation pass that re-joins segments ICU cut after
 * "Dr." or "U.S." or an initial. Chosen by measurement over `sentence-splitter` and `sentencex`:
 * see docs/heuristics.md.
 */

/** Start indices of the sentences in `text`, ascending, the first being 0 or later. */
export type SentenceSplitter = (text: string) => readonly number[];

let segmenter: Intl.Segmenter | undefined;

/**
 * Build the default splitter for a list of abbreviations (without their final period).
 *
 * @example intlSplitter(['Dr'])('Dr. Lee spoke. Then rain fell.') // → [0, 15]
 */
export function intlSplitter(abbreviations: readonly string[]): SentenceSplitter {
  const abbrev = abbreviationPattern(abbreviations);
  // Blocks seen lately, as in features.ts: while typing, every block but the edited one returns.
  let current = new Map<string, readonly number[]>();
  let previous = new Map<string, readonly number[]>();
  return (text) => {
    let starts = current.get(text);
    if (starts) return starts;
    starts = previous.get(text) ?? split(text);
    if (current.size >= 4096) {
      previous = current;
      current = new Map();
    }
    current.set(text, starts);
    return starts;
  };

  function split(text: string): readonly number[] {
    const starts: number[] = [];
    let prevEnd = -1;
    for (const [start, end] of segments(text)) {
      // Join onto the previous segment when that one ends with an abbreviation or an initial.
      if (starts.length > 0 && prevEnd >= 0 && joinsNext(text, starts[starts.length - 1]!, prevEnd, abbrev)) {
        prevEnd = end;
        continue;
      }
      starts.push(start);
      prevEnd = end;
    }
    return starts;
  }
}

/**
 * Longest text handed to `Intl.Segmenter` at once. Its sentence iteration costs time growing
 * with the square of the text's length (V8 22–24: a 95 KB paragraph took 0.2 s, 190 KB 2 s), and a
 * document exported without blank lines is one paragraph. Longer text is cut where a sentence
 * plainly ends, and each piece is segmented on its own.
 */
export const MAX_SEGMENT_TEXT = 10_000;
/** A sentence end: closing punctuation, closing quotes or brackets, white space, a capital or digit. */
const PLAIN_END = /[.!?]["'”’)\]]*\s+(?=["“‘'(\[]?[\p{Lu}\p{N}])/gu;

/** ICU's sentence segments of `text` as [start, end) pairs, long text segmented in pieces. */
function segments(text: string): [number, number][] {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  const out: [number, number][] = [];
  let midSentence = false; // the last piece was cut inside a sentence: the next one continues it
  for (let from = 0; from < text.length; ) {
    const cut = text.length - from <= MAX_SEGMENT_TEXT ? { at: text.length, sentenceEnd: true } : cutPoint(text, from);
    for (const seg of segmenter.segment(from === 0 && cut.at === text.length ? text : text.slice(from, cut.at))) {
      const start = from + seg.index;
      const end = start + seg.segment.length;
      if (midSentence && seg.index === 0 && out.length > 0) out[out.length - 1]![1] = end;
      else out.push([start, end]);
    }
    midSentence = !cut.sentenceEnd;
    from = cut.at;
  }
  return out;
}

/** Where to end the piece that starts at `from`: after the last plain sentence end in its second half. */
function cutPoint(text: string, from: number): { at: number; sentenceEnd: boolean } {
  const limit = from + MAX_SEGMENT_TEXT;
  let cut = -1;
  PLAIN_END.lastIndex = from + MAX_SEGMENT_TEXT / 2;
  for (let m = PLAIN_END.exec(text); m && m.index + m[0].length <= limit; m = PLAIN_END.exec(text)) cut = m.index + m[0].length;
  if (cut > from) return { at: cut, sentenceEnd: true };
  // No sentence end: cut after the last white space, or at the limit, and join the halves.
  const space = text.lastIndexOf(' ', limit - 1);
  return { at: space > from + MAX_SEGMENT_TEXT / 2 ? space + 1 : limit, sentenceEnd: false };
}

function joinsNext(text: string, segStart: number, segEnd: number, abbrev: RegExp | undefined): boolean {
  let end = segEnd;
  while (end > segStart && /\s/.test(text[end - 1]!)) end--;
  // No space before the next segment: a period inside a token ("01.AI", "v1.Two"), not an end.
  if (end === segEnd && segEnd < text.length) return true;
  if (text[end - 1] !== '.') return false;
  const tail = text.slice(Math.max(segStart, end - 12), end - 1);
  // Initials: a segment that is only initials ("J. R. "), or a middle initial after a name
  // ("John F. Kennedy"). This joins "Plan B. Next…" wrongly; rarer in essays than names.
  // (A segment that long is no run of initials; not slicing it keeps a long run of joins linear.)
  const initials = segEnd - segStart <= 200 && /^\s*([A-Z]\.\s*)+$/.test(text.slice(segStart, segEnd));
  if (initials || /(^|\s)[A-Z][a-z]+\s[A-Z]$/.test(tail)) return true;
  return abbrev !== undefined && abbrev.test(tail);
}

function abbreviationPattern(list: readonly string[]): RegExp | undefined {
  if (list.length === 0) return undefined;
  const alts = [...list].sort((a, b) => b.length - a.length).map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(^|[\\s(\\[])(${alts.join('|')})$`);
}

/** A sentence of a block: where it runs in the block's text, its leading white space, its plain text. */
export interface SentencePiece {
  readonly from: number;
  readonly to: number;
  readonly lead: number;
  /** White space collapsed, no space before punctuation: the text the detector scores. */
  readonly sentence: string;
}

const piecesMemo = new WeakMap<SentenceSplitter, { current: Map<string, readonly SentencePiece[]>; previous: Map<string, readonly SentencePiece[]> }>();

/**
 * The sentences of a block's text that hold a letter, remembered per splitter as the splits are
 * (typing changes one block; the others' sentences are not cut and cleaned again).
 */
export function sentencePieces(split: SentenceSplitter, text: string): readonly SentencePiece[] {
  let memo = piecesMemo.get(split);
  if (!memo) piecesMemo.set(split, (memo = { current: new Map(), previous: new Map() }));
  let pieces = memo.current.get(text);
  if (pieces) return pieces;
  pieces = memo.previous.get(text) ?? cutPieces(split, text);
  if (memo.current.size >= 4096) {
    memo.previous = memo.current;
    memo.current = new Map();
  }
  memo.current.set(text, pieces);
  return pieces;
}

function cutPieces(split: SentenceSplitter, text: string): SentencePiece[] {
  const starts = split(text);
  const out: SentencePiece[] = [];
  for (let i = 0; i < starts.length; i++) {
    const from = starts[i]!;
    const to = i + 1 < starts.length ? starts[i + 1]! : text.length;
    const raw = text.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const sentence = raw.trim().replace(/\s+/g, ' ').replace(/ ([.,;:!?])(?= |$)/g, '$1');
    if (/[A-Za-z]/.test(sentence)) out.push({ from, to, lead, sentence });
  }
  return out;
}
