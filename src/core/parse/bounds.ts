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
    const marker = fenceAt(text, prefix.index, end);
    if (marker) {
      if (!fence) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
    } else if (!fence && prefix.depth > maxDepth) {
      return { line, start, end };
    }
    if (nl < 0) return undefined;
    start = nl + 1;
  }
}

/** A code fence (three or more back ticks or tildes) at `at`, or undefined. */
function fenceAt(text: string, at: number, end: number): string | undefined {
  const c = text[at];
  if (c !== '`' && c !== '~') return undefined;
  let j = at;
  while (j < end && text[j] === c) j++;
  return j - at >= 3 ? text.slice(at, j) : undefined;
}

/** Depth estimate of a line's container prefix, and where its content starts. */
function containerPrefix(text: string, from: number, to: number): { depth: number; index: number } {
  let depth = 0;
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
      i += 2;
    } else if (c >= 0x30 && c <= 0x39) {
      let j = i;
      while (j < to && j - i < 9 && text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x39) j++;
      const d = text.charCodeAt(j);
      if ((d === 0x2e || d === 0x29) && (j + 1 >= to || text.charCodeAt(j + 1) === 0x20 || text.charCodeAt(j + 1) === 0x09)) {
        depth++;
        i = j + 2;
      } else break;
    } else break;
  }
  return { depth: depth + Math.floor(columns / 4), index: Math.min(i, to) };
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
