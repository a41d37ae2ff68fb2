/**
 * Bare URLs in prose (`https://…`, `www.…`, `name@host.org`), found in text nodes by the source
 * collection instead of by GFM's literal-autolink parser extension, which cost a third of every
 * parse (#13). The boundaries are GFM's (github.github.com/gfm, "Autolinks (extension)"), as
 * micromark tokenises them:
 *
 * - `http://` / `https://` (any case) after anything but an ASCII letter, then a domain and a path;
 *   `www.` only at a line start, after whitespace or after one of `( * _ [ ] ~`;
 * - the domain runs to whitespace or punctuation other than `-`, `.`, `_` (so CJK letters belong to
 *   it and CJK punctuation ends it); no `_` in its last two segments;
 * - the path runs to whitespace or `<`; trailing `! " ' ) * , . : ; ? _ ~` and `]` are not part of
 *   it, an entity-like `&name;` at the end is not either, and a `)` is kept only while it closes a
 *   `(` of the URL;
 * - an e-mail address (`+ - . _` and ASCII letters and digits, `@`, a domain with a dot ending in a
 *   letter) after anything but such a character or `/`.
 *
 * Works on the document text, so a URL's offsets are exact and its previous character is the one
 * before it in the document.
 */

export interface BareUrl {
  /** Offsets in the document. */
  readonly start: number;
  readonly end: number;
  /** The link target: `http://` is prefixed to `www.`, `mailto:` to an address. */
  readonly url: string;
  readonly kind: 'http' | 'www' | 'email';
}

const PUNCTUATION = /[\p{P}\p{S}]/u;
const CANDIDATE = /https?:\/\/|www\./i;
const WHITESPACE = /\s/;

const isAsciiAlpha = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isAsciiAlphanumeric = (c: number): boolean => isAsciiAlpha(c) || (c >= 48 && c <= 57);
const isAtext = (c: number): boolean => c === 43 || c === 45 || c === 46 || c === 95 || isAsciiAlphanumeric(c);

/** The character at `i` as a code point string (surrogate pairs kept together). */
function charAt(text: string, i: number): string {
  const cp = text.codePointAt(i);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}
const isSpace = (ch: string): boolean => ch === '' || WHITESPACE.test(ch);
const isPunct = (ch: string): boolean => ch !== '' && PUNCTUATION.test(ch);

/** Trail characters: punctuation GFM leaves out of a URL when nothing but trail follows. */
const TRAIL = new Set([33, 34, 39, 41, 42, 44, 46, 58, 59, 63, 95, 126]);

/**
 * True when, from `i`, only trail punctuation runs up to whitespace, `<` or the end of the
 * segment: the characters from `i` on are not part of the URL.
 */
function onlyTrailFrom(text: string, i: number, end: number): boolean {
  let j = i;
  while (j < end) {
    const c = text.charCodeAt(j);
    if (TRAIL.has(c)) {
      j++;
      continue;
    }
    if (c === 38) {
      // `&name;` reads as a character reference: trail
      let k = j + 1;
      if (k >= end || !isAsciiAlpha(text.charCodeAt(k))) return false;
      while (k < end && isAsciiAlpha(text.charCodeAt(k))) k++;
      if (k >= end || text.charCodeAt(k) !== 59) return false;
      j = k + 1;
      continue;
    }
    if (c === 93) {
      // `]` is trail when followed by the end, whitespace, `(` or `[`; otherwise keep checking
      j++;
      if (j >= end) return true;
      const n = text.charCodeAt(j);
      if (n === 40 || n === 91 || isSpace(charAt(text, j))) return true;
      continue;
    }
    return c === 60 || isSpace(charAt(text, j));
  }
  return true;
}

/** The end of a domain starting at `i`, or -1 when there is none (GFM's rules). */
function domainEnd(text: string, i: number, end: number): number {
  let j = i;
  let seen = false;
  let underscoreLast = false;
  let underscoreLastLast = false;
  while (j < end) {
    const c = text.charCodeAt(j);
    if (c === 46 || c === 95) {
      if (onlyTrailFrom(text, j, end)) break;
      if (c === 95) underscoreLast = true;
      else {
        underscoreLastLast = underscoreLast;
        underscoreLast = false;
      }
      j++;
      continue;
    }
    const ch = charAt(text, j);
    if (isSpace(ch) || c < 32 || (c !== 45 && isPunct(ch))) break;
    seen = true;
    j += ch.length;
  }
  return seen && !underscoreLast && !underscoreLastLast ? j : -1;
}

/** The end of the path starting at `i` (GFM's rules: balanced parentheses, trail left out). */
function pathEnd(text: string, i: number, end: number): number {
  let j = i;
  let open = 0;
  let close = 0;
  while (j < end) {
    const c = text.charCodeAt(j);
    if (c === 40) {
      open++;
      j++;
      continue;
    }
    if (c === 41 && close < open) {
      close++;
      j++;
      continue;
    }
    if (TRAIL.has(c) || c === 38 || c === 60 || c === 93) {
      if (onlyTrailFrom(text, j, end)) return j;
      if (c === 41) close++;
      j++;
      continue;
    }
    const ch = charAt(text, j);
    if (isSpace(ch)) return j;
    j += ch.length;
  }
  return j;
}

/** True when `prev` (the character before `www`) lets a `www.` link start. */
function wwwMayFollow(prev: number): boolean {
  return Number.isNaN(prev) || prev === 40 || prev === 42 || prev === 95 || prev === 91 || prev === 93 || prev === 126 || prev === 32 || prev === 9 || prev === 10 || prev === 13;
}

/**
 * Bare URLs and e-mail addresses in `text` between `from` and `to` (a text node's source range).
 * `lineStart` says whether `from` begins the inline content (nothing before it counts then).
 */
export function findBareUrls(text: string, from: number, to: number, lineStart = false): BareUrl[] {
  const found: BareUrl[] = [];
  // Most text has no URL at all: skip the character walk unless one could start here.
  const slice = text.slice(from, to);
  if (!slice.includes('@') && !CANDIDATE.test(slice)) return found;
  let i = from;
  const previous = (at: number): number => {
    if (at === from && lineStart) return NaN;
    if (at === 0) return NaN;
    const before = text.charCodeAt(at - 1);
    // After a container prefix (`> `, indentation) the line's content starts: micromark sees a line ending.
    if (before === 62 || before === 32 || before === 9) return atContentStart(text, at) ? 10 : before;
    return before;
  };
  while (i < to) {
    const c = text.charCodeAt(i);
    // http(s)://
    if ((c === 104 || c === 72) && !isAsciiAlpha(previous(i))) {
      const m = /^https?:\/\//i.exec(text.slice(i, Math.min(to, i + 8)));
      if (m) {
        const d = i + m[0].length;
        const first = charAt(text, d);
        if (d < to && !isSpace(first) && text.charCodeAt(d) >= 32 && !isPunct(first)) {
          const de = domainEnd(text, d, to);
          if (de >= 0) {
            const e = pathEnd(text, de, to);
            found.push({ start: i, end: e, url: text.slice(i, e), kind: 'http' });
            i = e;
            continue;
          }
        }
      }
    }
    // www.
    if ((c === 119 || c === 87) && wwwMayFollow(previous(i)) && /^www\./i.test(text.slice(i, i + 4)) && i + 4 < to) {
      const de = domainEnd(text, i, to);
      if (de >= 0) {
        const e = pathEnd(text, de, to);
        found.push({ start: i, end: e, url: `http://${text.slice(i, e)}`, kind: 'www' });
        i = e;
        continue;
      }
    }
    // name@host.org
    if (isAtext(c) && !isAtext(previous(i)) && previous(i) !== 47) {
      const e = emailEnd(text, i, to);
      if (e > 0) {
        found.push({ start: i, end: e, url: `mailto:${text.slice(i, e)}`, kind: 'email' });
        i = e;
        continue;
      }
    }
    i++;
  }
  return found;
}

function emailEnd(text: string, i: number, to: number): number {
  let j = i;
  while (j < to && isAtext(text.charCodeAt(j))) j++;
  if (j >= to || text.charCodeAt(j) !== 64) return -1;
  j++;
  let data = false;
  let dot = false;
  while (j < to) {
    const c = text.charCodeAt(j);
    if (c === 46) {
      // a dot ends the address unless a letter or digit follows
      if (j + 1 >= to || !isAsciiAlphanumeric(text.charCodeAt(j + 1))) break;
      dot = true;
      j++;
      continue;
    }
    if (c === 45 || c === 95 || isAsciiAlphanumeric(c)) {
      data = true;
      j++;
      continue;
    }
    break;
  }
  return data && dot && isAsciiAlpha(text.charCodeAt(j - 1)) ? j : -1;
}

/** True when only container prefixes (`>` markers, indentation) stand between the line start and `at`. */
function atContentStart(text: string, at: number): boolean {
  for (let k = at - 1; k >= 0; k--) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) return true;
    if (c !== 32 && c !== 9 && c !== 62) return false;
  }
  return true;
}
