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
    segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
    const starts: number[] = [];
    let prevEnd = -1;
    for (const seg of segmenter.segment(text)) {
      const start = seg.index;
      // Join onto the previous segment when that one ends with an abbreviation or an initial.
      if (starts.length > 0 && prevEnd >= 0 && joinsNext(text, starts[starts.length - 1]!, prevEnd, abbrev)) {
        prevEnd = start + seg.segment.length;
        continue;
      }
      starts.push(start);
      prevEnd = start + seg.segment.length;
    }
    return starts;
  }
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
  if (/^\s*([A-Z]\.\s*)+$/.test(text.slice(segStart, segEnd)) || /(^|\s)[A-Z][a-z]+\s[A-Z]$/.test(tail)) return true;
  return abbrev !== undefined && abbrev.test(tail);
}

function abbreviationPattern(list: readonly string[]): RegExp | undefined {
  if (list.length === 0) return undefined;
  const alts = [...list].sort((a, b) => b.length - a.length).map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(^|[\\s(\\[])(${alts.join('|')})$`);
}
