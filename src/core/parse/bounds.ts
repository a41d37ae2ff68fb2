/**
 * Bounds on the text Warrant hands to micromark. Some inputs cost micromark (4.0) far more than
 * their size, and no option turns that off, so they are bounded here, before parsing:
 *
 * - Container nesting: each line re-checks every open block quote and list item, and every
 *   container that closes rebuilds the whole event list (`EditMap.consume` in
 *   `initialize/document.js`); 1,000 lines each one list deeper than the last took over 20 s, and
 *   about 5,000 `- ` on one line overflowed its stack. A line nested deeper than
 *   `MAX_CONTAINER_DEPTH` makes the file skipped, with a finding at that line.
 * - Unclosed inline HTML: after `<!--`, `<?`, `<![CDATA[` or `<!X` inside a paragraph, micromark
 *   scans to the end of the paragraph for the closer, once per opener; 2,000 unclosed `<!--` on
 *   one line took seconds. An opener with no closer before the next blank line is text anyway
 *   (CommonMark), so its `<` is replaced by `＜` (U+FF1C, the same length, so every offset holds)
 *   and micromark never starts the scan.
 * - Emphasis storms: thousands of nested or unmatched `*`, `_` or `~` in one paragraph cost time
 *   growing with their square; `boundEmphasis` reads such a paragraph's markers as text.
 */

/** Deepest nesting of block quotes and list items a line may have; real documents stay under 8. */
export const MAX_CONTAINER_DEPTH = 20;

/**
 * The first line nested deeper than `maxDepth`, estimated from its prefix: each `>` or list marker
 * counts one, and each four columns of indentation one (nested list content is indented at least
 * two columns per level, code rarely four). Lines inside fenced code are not counted. Linear, and
 * no regular expression: a prefix of thousands of `> ` must not make one backtrack.
 *
 * @example for 40 × `- ` then `x`, returns `{ line: 0, start: 0, end: 81 }`.
 */
export function tooDeepLine(text: string, maxDepth = MAX_CONTAINER_DEPTH): { line: number; start: number; end: number } | undefined {
  let fence: string | undefined;
  let start = 0;
  for (let line = 0; ; line++) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const prefix = containerPrefix(text, start, end);
    const step = fenceStep(fence, text, start, prefix.index, end);
    fence = step.fence;
    if (!step.fenceLine && !fence && prefix.depth > maxDepth) {
      return { line, start, end };
    }
    if (nl < 0) return undefined;
    start = nl + 1;
  }
}

/**
 * Fenced code, line by line: `fence` is the open fence's marker (or undefined outside code); the
 * line from `lineStart` to `end` has its content at `at`. Returns the fence after this line, and
 * whether the line itself opened or closed one. As CommonMark has it: a fence is three or more
 * back ticks or tildes indented less than four columns (more is indented code, or a lazy
 * paragraph line); a back tick fence's info string holds no back tick; a closing fence is at
 * least as long as the opening one and has nothing after it. A line that only looks like a fence
 * must not make these bounds skip text micromark still reads as a paragraph.
 */
function fenceStep(fence: string | undefined, text: string, lineStart: number, at: number, end: number): { fence: string | undefined; fenceLine: boolean } {
  const c = text[at];
  if (c !== '`' && c !== '~') return { fence, fenceLine: false };
  let j = at;
  while (j < end && text[j] === c) j++;
  if (j - at < 3 || indentBefore(text, lineStart, at) >= 4) return { fence, fenceLine: false };
  const rest = text.slice(j, end);
  if (fence === undefined) {
    if (c === '`' && rest.includes('`')) return { fence, fenceLine: false };
    return { fence: text.slice(at, j), fenceLine: true };
  }
  if (c === fence[0] && j - at >= fence.length && rest.trim() === '') return { fence: undefined, fenceLine: true };
  return { fence, fenceLine: false };
}

/** Columns of white space right before `at` on its line (the content's own indentation). */
function indentBefore(text: string, lineStart: number, at: number): number {
  let columns = 0;
  for (let k = at - 1; k >= lineStart; k--) {
    const ch = text.charCodeAt(k);
    if (ch === 0x20) columns++;
    else if (ch === 0x09) columns += 4;
    else break;
  }
  return columns;
}

/**
 * Depth estimate of a line's container prefix, and where its content starts. `item` is the last
 * list marker of the prefix: a bullet, an ordered marker numbered 1, or another ordered marker.
 */
function containerPrefix(text: string, from: number, to: number, stackedAt?: number[]): { depth: number; index: number; item?: 'bullet' | 'one' | 'ordered'; stacked: number } {
  let item: 'bullet' | 'one' | 'ordered' | undefined;
  let depth = 0;
  // List markers after the line's first one (`- - x`): `stackedAt` collects the offset of each
  // one's bullet, or of the `.` or `)` after its number.
  // (No closure for this: one runs per line of every parse, and the bundles keep function names,
  // so each closure made here cost a property definition: about 5 % of a keystroke's CPU.)
  let lists = 0;
  let stacked = 0;
  let columns = 0;
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === 0x20) {
      columns++;
      i++;
    } else if (c === 0x09) {
      columns += 4 - (columns % 4);
      i++;
    } else if (c === 0x3e /* > */) {
      // The marker and the one space after it: that space is not indentation.
      depth++;
      i += text.charCodeAt(i + 1) === 0x20 ? 2 : 1;
    } else if ((c === 0x2d || c === 0x2b || c === 0x2a) /* - + * */ && (i + 1 >= to || text.charCodeAt(i + 1) === 0x20 || text.charCodeAt(i + 1) === 0x09)) {
      depth++;
      item = 'bullet';
      if (lists++ > 0) {
        stacked++;
        stackedAt?.push(i);
      }
      i += 2;
    } else if (c >= 0x30 && c <= 0x39) {
      let j = i;
      while (j < to && j - i < 9 && text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x39) j++;
      const d = text.charCodeAt(j);
      if ((d === 0x2e || d === 0x29) && (j + 1 >= to || text.charCodeAt(j + 1) === 0x20 || text.charCodeAt(j + 1) === 0x09)) {
        depth++;
        item = j - i === 1 && c === 0x31 ? 'one' : 'ordered';
        if (lists++ > 0) {
          stacked++;
          stackedAt?.push(j);
        }
        i = j + 2;
      } else break;
    } else break;
  }
  const index = Math.min(i, to);
  return item ? { depth: depth + Math.floor(columns / 4), index, item, stacked } : { depth: depth + Math.floor(columns / 4), index, stacked };
}

const OPENER = /<(!--|\?|!\[CDATA\[|![A-Za-z])/g;
const BLANK_LINE = /\n[ \t]*(?:\n|$)/g;

/**
 * `text` with the `<` of every inline HTML comment, processing instruction, CDATA section or
 * declaration that has no closer before the next blank line replaced by `＜`. Openers that begin a
 * line (after block quote and list markers) are HTML blocks, which micromark scans once; they are
 * left alone. Linear: each kind of closer is searched forward once.
 */
export function defuseUnclosedHtml(text: string): string {
  if (!text.includes('<!') && !text.includes('<?')) return text;
  const next = new Map<string, number>();
  const nextOf = (needle: string, from: number): number => {
    const known = next.get(needle);
    if (known !== undefined && (known < 0 || known >= from)) return known;
    const at = text.indexOf(needle, from);
    next.set(needle, at);
    return at;
  };
  let blank = -2;
  const nextBlank = (from: number): number => {
    if (blank !== -1 && blank < from) {
      BLANK_LINE.lastIndex = from;
      const m = BLANK_LINE.exec(text);
      blank = m ? m.index : -1;
    }
    return blank < 0 ? text.length : blank;
  };
  let out: string[] | undefined;
  let copied = 0;
  let lineStart = 0;
  OPENER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = OPENER.exec(text))) {
    const at = m.index;
    for (let nl = nextOf('\n', lineStart); nl >= 0 && nl < at; nl = nextOf('\n', lineStart)) lineStart = nl + 1;
    // Only white space, `>` and list markers before it on its line: an HTML block, scanned once.
    if (containerPrefix(text, lineStart, at).index === at) continue;
    const k = m[1]!;
    const closer = k === '!--' ? '-->' : k === '?' ? '?>' : k === '![CDATA[' ? ']]>' : '>';
    const close = nextOf(closer, at + m[0].length);
    if (close >= 0 && close < nextBlank(at)) continue;
    out ??= [];
    out.push(text.slice(copied, at), '\uff1c');
    copied = at + 1;
  }
  if (!out) return text;
  out.push(text.slice(copied));
  return out.join('');
}

/**
 * Emphasis matching in one paragraph may walk back this many units (see `boundEmphasis`) before
 * its emphasis is read as text: at least `EMPHASIS_BUDGET_FLOOR`, or `EMPHASIS_BUDGET_PER_UNIT`
 * per unit of the paragraph. Real paragraphs walk back a few units per closing marker.
 */
export const EMPHASIS_BUDGET_FLOOR = 20_000;
export const EMPHASIS_BUDGET_PER_UNIT = 20;

/** A paragraph whose emphasis markers were made text: where it starts and ends, how many runs it had. */
export interface EmphasisStorm {
  readonly start: number;
  readonly end: number;
  readonly markers: number;
}

/** Same-length look-alikes a defused marker becomes: ＊ ＿ ～ (U+FF0A, U+FF3F, U+FF5E). */
const LOOK_ALIKE: Readonly<Record<string, string>> = { '*': '\uff0a', _: '\uff3f', '~': '\uff5e' };

/**
 * Nested or unmatched emphasis markers cost micromark (4.0, and GFM's strikethrough) time that
 * grows with the square of their number in one paragraph: every closing `*`, `_` or `~` run walks
 * back over the paragraph's events to its opener (to the paragraph's start when it has none),
 * and every match resolves what lies between again. 4,000 nested `*a … c*` took 10 s, and a
 * 44 KB paragraph of mixed unmatched markers 35 s. Real paragraphs match at a short distance.
 *
 * This estimates that walk for each paragraph in one linear pass: the text is cut into units
 * (a run of one marker, a punctuation mark micromark stops at, a line ending, a stretch of other
 * text), and a stack per marker pairs closers with openers by CommonMark's flanking rules. A
 * paragraph whose estimate exceeds its budget has its markers replaced by look-alikes of the same
 * length (every offset holds): micromark reads them as text, and the paragraph is reported.
 * List markers, escaped markers and fenced code are left alone.
 */
export function boundEmphasis(text: string): { text: string; storms: EmphasisStorm[] } {
  const storms: EmphasisStorm[] = [];
  const runs: number[] = []; // [start, end) pairs of the marker runs of every paragraph that storms
  let paragraph: Paragraph | undefined;
  const finish = (): void => {
    if (paragraph && paragraph.cost > Math.max(EMPHASIS_BUDGET_FLOOR, EMPHASIS_BUDGET_PER_UNIT * paragraph.units)) {
      storms.push({ start: paragraph.start, end: paragraph.end, markers: paragraph.runs.length / 2 });
      for (const r of paragraph.runs) runs.push(r);
    }
    paragraph = undefined;
  };
  let fence: string | undefined;
  let previousWasItem = false;
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const prefix = containerPrefix(text, start, end);
    const step = fenceStep(fence, text, start, prefix.index, end);
    if (fence !== undefined || step.fenceLine) {
      finish();
      fence = step.fence;
    } else {
      const content = prefix.index;
      const blank = isBlank(text, content, end);
      const heading = !blank && text.charCodeAt(content) === 0x23 /* # */ && atxHeading(text, content, end);
      // A new list item starts a new paragraph, except an ordered item not numbered 1 right after
      // paragraph text: CommonMark reads that as the paragraph's next line.
      const newItem: boolean = prefix.item !== undefined && (prefix.item !== 'ordered' || previousWasItem || !paragraph);
      if (blank || heading || newItem || isBreakOrUnderline(text, content, end)) finish();
      if (!blank && !isBreakOrUnderline(text, content, end)) {
        paragraph ??= { start: content, end, units: 0, cost: 0, runs: [], open: { '*': [], _: [], '~': [] } };
        scanLine(text, content, end, paragraph);
        paragraph.end = end;
        if (heading) finish(); // a heading is its own inline content
      }
      // Inside a list (a line that started an item, and the lines of that item after it).
      previousWasItem = newItem || (previousWasItem && !blank);
    }
    if (nl < 0) break;
    start = nl + 1;
  }
  finish();
  if (runs.length === 0) return { text, storms };
  const out: string[] = [];
  let copied = 0;
  for (let k = 0; k < runs.length; k += 2) {
    const from = runs[k]!;
    const to = runs[k + 1]!;
    out.push(text.slice(copied, from), LOOK_ALIKE[text[from]!]!.repeat(to - from));
    copied = to;
  }
  out.push(text.slice(copied));
  return { text: out.join(''), storms };
}

interface Opener {
  /** Unit index, run length, and whether the run could close as well. */
  readonly index: number;
  readonly length: number;
  readonly both: boolean;
}

interface Paragraph {
  start: number;
  end: number;
  /** Units so far, and the estimated walk back. */
  units: number;
  cost: number;
  /** [start, end) of every marker run, flattened. */
  runs: number[];
  /** The unmatched openers, per marker. */
  open: Record<string, Opener[]>;
}

/** Characters micromark's text tokenizer stops at besides the markers: each is a unit. */
function isStop(c: number): boolean {
  return c === 0x5c || c === 0x26 || c === 0x3c || c === 0x3e || c === 0x5b || c === 0x5d || c === 0x21 || c === 0x60 || c === 0x28 || c === 0x29;
}

function isMarker(c: number): boolean {
  return c === 0x2a || c === 0x5f || c === 0x7e;
}

function scanLine(text: string, from: number, to: number, p: Paragraph): void {
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isMarker(c)) {
      let j = i + 1;
      while (j < to && text.charCodeAt(j) === c) j++;
      if (c !== 0x7e || j - i <= 2) marker(text, i, j, from, to, p);
      else p.units++; // three or more tildes: text (or a fence, handled by the caller)
      i = j;
    } else if (c === 0x5c /* \ */ && i + 1 < to && isAsciiPunctuation(text.charCodeAt(i + 1))) {
      p.units++; // an escape: the marker after it is text
      i += 2;
    } else if (isStop(c)) {
      p.units++;
      i++;
    } else {
      p.units++;
      while (i < to && !isMarker(text.charCodeAt(i)) && !isStop(text.charCodeAt(i))) i++;
    }
  }
  p.units++; // the line ending
}

/** One run of `*`, `_` or `~` at [i, j): pair it as CommonMark's flanking rules allow, and add its walk. */
function marker(text: string, i: number, j: number, lineStart: number, lineEnd: number, p: Paragraph): void {
  const ch = text[i]!;
  const before = i > lineStart ? charClass(text.codePointAt(i - 1 - (isLowSurrogate(text.charCodeAt(i - 1)) ? 1 : 0))!) : 'space';
  const after = j < lineEnd ? charClass(text.codePointAt(j)!) : 'space';
  const left = after !== 'space' && (after !== 'punct' || before !== 'other');
  const right = before !== 'space' && (before !== 'punct' || after !== 'other');
  const canOpen = ch === '_' ? left && (!right || before === 'punct') : left;
  const canClose = ch === '_' ? right && (!left || after === 'punct') : right;
  const index = p.units++;
  const length = j - i;
  p.runs.push(i, j);
  const stack = p.open[ch]!;
  if (canClose) {
    const top = stack[stack.length - 1];
    // CommonMark's rule of three: micromark walks on past such an opener; counted here as a walk
    // to the start, which is never less than micromark's.
    const ruleOfThree = top !== undefined && ch !== '~' && (top.both || canOpen) && (top.length + length) % 3 === 0 && !(top.length % 3 === 0 && length % 3 === 0);
    if (top !== undefined && !ruleOfThree) {
      stack.pop();
      p.cost += index - top.index;
      // what lay between is resolved with the match: its openers cannot open any more
      for (const k of Object.keys(p.open)) {
        const s = p.open[k]!;
        while (s.length && s[s.length - 1]!.index > top.index) s.pop();
      }
      return;
    }
    p.cost += index; // no opener: the walk goes back to the paragraph's start
  }
  if (canOpen) stack.push({ index, length, both: canClose });
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function isAsciiPunctuation(c: number): boolean {
  return (c >= 0x21 && c <= 0x2f) || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e);
}

const UNICODE_PUNCT = /[\p{P}\p{S}]/u;
const UNICODE_SPACE = /\s/u;

function charClass(cp: number): 'space' | 'punct' | 'other' {
  if (cp < 0x80) {
    if (cp === 0x20 || cp === 0x09 || cp === 0x0a || cp === 0x0d) return 'space';
    return isAsciiPunctuation(cp) ? 'punct' : 'other';
  }
  const s = String.fromCodePoint(cp);
  if (UNICODE_SPACE.test(s)) return 'space';
  return UNICODE_PUNCT.test(s) ? 'punct' : 'other';
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return false;
  }
  return true;
}

/** An ATX heading at `at`: one to six `#` and then a space, a tab or the line's end. */
function atxHeading(text: string, at: number, end: number): boolean {
  let j = at;
  while (j < end && j - at < 7 && text.charCodeAt(j) === 0x23) j++;
  const n = j - at;
  const c = text.charCodeAt(j);
  return n >= 1 && n <= 6 && (j >= end || c === 0x20 || c === 0x09 || c === 0x0d);
}

/**
 * A thematic break (three or more `*`, `-` or `_`, spaces between) or a setext underline (`=`
 * or `-` only): the line ends a paragraph and is no inline content.
 */
function isBreakOrUnderline(text: string, from: number, to: number): boolean {
  let ch = 0;
  let n = 0;
  let spaced = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0d) {
      if (n > 0) spaced = true;
      continue;
    }
    if (ch === 0) {
      if (c !== 0x2a && c !== 0x2d && c !== 0x5f && c !== 0x3d) return false;
      ch = c;
    } else if (c !== ch) return false;
    n++;
  }
  if (ch === 0x3d) return n >= 1 && !spaced;
  return ch === 0x2d ? n >= 1 : n >= 3;
}

/**
 * List markers stacked on one line (`- - x`, `1. - x`) a document may have before they are read
 * as text. Each line of them opens a list inside an item, and each new item closes what the line
 * above opened; micromark rebuilds the document's whole event list at every such close
 * (`documentContinue` → `EditMap.consume`), so lines of stacked markers cost time growing with the
 * square of their number: 1,600 lines of `- - - - - - - - x` took 4 s, 3,200 took 17 s. Real
 * nested lists put one marker on a line; real documents stack a handful at most.
 */
export const MAX_STACKED_LIST_MARKERS = 200;

/** Where a line's content starts after its block quote markers and white space. */
function afterQuotes(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09 || text.charCodeAt(i) === 0x3e)) i++;
  return i;
}

/** Same-length look-alikes of a defused list marker: － ＋ ＊ for bullets, ． ） after a number. */
const LIST_LOOK_ALIKE: Readonly<Record<string, string>> = { '-': '\uff0d', '+': '\uff0b', '*': '\uff0a', '.': '\uff0e', ')': '\uff09' };

/** Lines whose stacked list markers were made text: how many, and the first one. */
export interface StackedLists {
  readonly lines: number;
  readonly markers: number;
  readonly first: { readonly start: number; readonly end: number };
}

/**
 * When the document stacks more than `MAX_STACKED_LIST_MARKERS` list markers on its lines, every
 * marker after the first on a line becomes a look-alike of the same length (a bullet, or the `.`
 * or `)` after an ordered number): each such line is then one list item whose text starts with
 * the look-alikes, and every offset holds. Other lines are untouched. Fenced code is left alone.
 * One linear pass.
 */
export function boundStackedLists(text: string, max = MAX_STACKED_LIST_MARKERS): { text: string; stacked?: StackedLists } {
  const at: number[] = []; // offsets of the stacked markers' characters to replace
  let lines = 0;
  let first: { start: number; end: number } | undefined;
  let fence: string | undefined;
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const prefix = containerPrefix(text, start, end, at);
    const step = fenceStep(fence, text, start, prefix.index, end);
    // Code, or a thematic break (`- - -`, `* * *`, perhaps in a quote): nothing to defuse.
    if (fence !== undefined || step.fenceLine || (prefix.stacked > 0 && isBreakOrUnderline(text, afterQuotes(text, start, end), end))) at.length -= prefix.stacked;
    else if (prefix.stacked > 0) {
      lines++;
      first ??= { start, end };
    }
    fence = step.fence;
    if (nl < 0) break;
    start = nl + 1;
  }
  if (at.length <= max) return { text };
  const out: string[] = [];
  let copied = 0;
  for (const i of at) {
    out.push(text.slice(copied, i), LIST_LOOK_ALIKE[text[i]!]!);
    copied = i + 1;
  }
  out.push(text.slice(copied));
  return { text: out.join(''), stacked: { lines, markers: at.length, first: first! } };
}
