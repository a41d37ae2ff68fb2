/**
 * Plain numbered references (DESIGN §1, "Sources"): `[1]`, `[3, 4]`, `[5-7]` in running text are
 * citations when the document has a numbered reference list — a heading such as "References",
 * "Sources" or "Notes" (or a paragraph that is only that word in bold) followed by an ordered
 * list (`1. …`) or by `[1] …` entries. The entry's text and its first link are the source, as a
 * footnote's are.
 *
 * Without such a list `[1]` stays text; a number the list does not have (`[9]` when it stops at
 * 5) is not a source either, and no rule reports it: a stray bracketed number in prose is too
 * often something else (an index, a quoted array) to call it a broken citation.
 */
import type { Heading, List, ListItem, Nodes, Paragraph, Root, RootContent } from 'mdast';
import { findBareUrls } from './bareUrls.js';
import { toString } from 'mdast-util-to-string';
import type { OffsetRange } from '../text/lineIndex.js';
import type { ScannedSource } from './kinds.js';
import { end, plainTextIn, start } from '../recognizers/structure.js';

export interface NumberedScan {
  /** One source per number per call: `[3, 4]` gives two, `[5-7]` three, all with the call's range. */
  readonly sources: readonly ScannedSource[];
  /** Each reference list at least one call resolves to: from its first entry to its last. */
  readonly lists: readonly OffsetRange[];
}

interface Entry {
  readonly range: OffsetRange;
  readonly text: string;
  readonly url?: string;
}

interface ReferenceList {
  readonly range: OffsetRange;
  readonly entries: ReadonlyMap<number, Entry>;
}

const LIST_WORD = String.raw`(?:(?:end|foot)?notes?|references?|reference list|sources?|bibliography|works cited|literature cited|citations?)`;
const LIST_HEADING = new RegExp(String.raw`^${LIST_WORD}(?:\s*(?:and|&)\s*${LIST_WORD})?$`);
/** A `[n]` entry marker at the start of a line: `[1] Author, Title` or `[1]: Author, Title`. */
const ENTRY_MARKER = /^[ \t]*\[(\d{1,4})\][:.]?(?=[ \t]|$)/;
/** `[1]`, `[12]`, `[3, 4]`, `[5-7]`, `[5–7]`, `[1, 3-5]`. */
const CALL = /\[(\d{1,4}(?:[ \t]*[-–][ \t]*\d{1,4})?(?:[ \t]*,[ \t]*\d{1,4}(?:[ \t]*[-–][ \t]*\d{1,4})?)*)\]/g;
const NUMERIC_GROUP_BEFORE = /\[[\d \t,–-]+\]$/;
const NUMERIC_GROUP_AFTER = /^\[[\d \t,–-]+\]/;
/** A range wider than this is not a citation range (`[1-2000]`): only its ends are read. */
const MAX_SPAN = 50;
const EXTERNAL = /^(https?|ftp):\/\//i;

export function scanNumberedReferences(root: Root, text: string): NumberedScan {
  const lists = referenceLists(root, text);
  if (lists.length === 0) return { sources: [], lists: [] };
  const sources: ScannedSource[] = [];
  const used = new Set<ReferenceList>();
  const inList = (offset: number): boolean => lists.some((l) => l.range.start <= offset && offset < l.range.end);

  const callsIn = (s: number, e: number): void => {
    const raw = text.slice(s, e);
    CALL.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = CALL.exec(raw))) {
      const range = { start: s + m.index, end: s + m.index + m[0].length };
      if (inList(range.start) || !standsAlone(raw, m.index, m[0].length)) continue;
      for (const n of numbersOf(m[1]!)) {
        const list = resolve(lists, n, range.start);
        if (!list) continue;
        used.add(list);
        const entry = list.entries.get(n)!;
        sources.push({ kind: 'numbered', range, key: String(n), text: entry.text, definitionRange: entry.range, ...(entry.url ? { url: entry.url } : {}) });
      }
    }
  };

  const visit = (node: Nodes): void => {
    switch (node.type) {
      // Code is not prose; links and link references already are sources (or internal links).
      case 'code':
      case 'inlineCode':
      case 'html':
      case 'yaml':
      case 'definition':
      case 'link':
      case 'linkReference':
        return;
      case 'text': {
        // a bare URL is a link (GFM autolink literal): no calls inside it
        let at = start(node);
        for (const u of findBareUrls(text, at, end(node))) {
          callsIn(at, u.start);
          at = u.end;
        }
        callsIn(at, end(node));
        return;
      }
      default:
        if ('children' in node) for (const c of node.children as Nodes[]) visit(c);
    }
  };
  visit(root);
  return { sources, lists: lists.filter((l) => used.has(l)).map((l) => l.range) };
}

/**
 * A call is its own bracket group: not escaped (`\[1]`), not an image (`![1]`), not half of a
 * reference link left undefined (`[text][1]`, `[1][]`) and not a link (`[1](…)`); `[1][2]`
 * written back to back are two calls.
 */
function standsAlone(raw: string, at: number, length: number): boolean {
  const before = raw[at - 1];
  const after = raw[at + length];
  if (before === '\\' || before === '!') return false;
  // Only a short window is read: a group is never long, and a long paragraph must stay linear.
  if (before === ']' && !NUMERIC_GROUP_BEFORE.test(raw.slice(Math.max(0, at - 40), at))) return false;
  if (after === '(') return false;
  if (after === '[' && !NUMERIC_GROUP_AFTER.test(raw.slice(at + length, at + length + 40))) return false;
  return true;
}

/** `3, 5-7` → 3, 5, 6, 7. A backwards or overly wide range gives its two ends. */
function numbersOf(inner: string): number[] {
  const out: number[] = [];
  for (const part of inner.split(',')) {
    const [a, b] = part.split(/[-–]/).map((x) => Number.parseInt(x.trim(), 10));
    if (b === undefined) out.push(a!);
    else if (b >= a! && b - a! <= MAX_SPAN) for (let n = a!; n <= b; n++) out.push(n);
    else out.push(a!, b);
  }
  return [...new Set(out)];
}

/**
 * A document with one list per chapter numbers each chapter from 1: a call belongs to the first
 * list after it that has the number, else to the nearest one before it.
 */
function resolve(lists: readonly ReferenceList[], n: number, at: number): ReferenceList | undefined {
  const after = lists.find((l) => l.range.start >= at && l.entries.has(n));
  if (after) return after;
  for (let i = lists.length - 1; i >= 0; i--) if (lists[i]!.range.start < at && lists[i]!.entries.has(n)) return lists[i];
  return undefined;
}

/** The numbered lists under reference-list headings, each heading's section read to its end. */
function referenceLists(root: Root, text: string): ReferenceList[] {
  const blocks = root.children;
  const lists: ReferenceList[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const heading = blocks[i]!;
    const depth = headingDepth(heading);
    if (depth === undefined) continue;
    const entries = new Map<number, Entry>();
    const add = (n: number, entry: Entry): void => {
      // Sub-lists that restart at 1 under sub-headings: the first entry for a number wins.
      if (!entries.has(n) && entry.text) entries.set(n, entry);
    };
    let j = i + 1;
    for (; j < blocks.length; j++) {
      const b = blocks[j]!;
      if (b.type === 'heading' && b.depth <= depth) break;
      if (b.type === 'list') listEntries(b, add, text);
      else if (b.type === 'paragraph') paragraphEntries(text, b, add);
    }
    if (entries.size > 0) {
      // A loop, not Math.min(...): a list of a few hundred thousand items must not overflow the stack.
      let from = Infinity;
      let to = -Infinity;
      for (const { range } of entries.values()) {
        from = Math.min(from, range.start);
        to = Math.max(to, range.end);
      }
      lists.push({ range: { start: from, end: to }, entries });
    }
    i = j - 1;
  }
  return lists;
}

/**
 * The depth of a reference-list heading, else `undefined`. A paragraph that is only bold text
 * ("**References**", as word processors export headings) counts as a heading below all others.
 */
function headingDepth(block: RootContent): number | undefined {
  if (block.type === 'heading') return LIST_HEADING.test(headingWords(block)) ? block.depth : undefined;
  if (block.type === 'paragraph' && block.children.length === 1 && block.children[0]!.type === 'strong') {
    return LIST_HEADING.test(headingWords(block)) ? 7 : undefined;
  }
  return undefined;
}

/** "7. References {#refs}:" → "references". */
function headingWords(heading: Heading | Paragraph): string {
  return toString(heading)
    .replace(/\s*\{[^{}]*\}\s*$/, '')
    .replace(/^\s*(?:\d+(?:\.\d+)*|[ivxlc]+)[.)]?\s+/i, '')
    .replace(/[\s:.]+$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** `1. …` items numbered from the list's start; any item opening with `[n]` is entry n. */
function listEntries(list: List, add: (n: number, e: Entry) => void, text: string): void {
  list.children.forEach((item: ListItem, k) => {
    const range = { start: start(item), end: end(item) };
    const plain = plainTextIn(within(item), range);
    const marker = /^\[(\d{1,4})\][:.]?\s*/.exec(plain);
    if (marker) add(Number(marker[1]), entry(item, range, plain.slice(marker[0].length), text));
    else if (list.ordered) add((list.start ?? 1) + k, entry(item, range, plain, text));
  });
}

/** `[n] …` entries in a paragraph, one per paragraph or one per line (continuation lines join). */
function paragraphEntries(text: string, paragraph: Paragraph, add: (n: number, e: Entry) => void): void {
  const s = start(paragraph);
  const e = end(paragraph);
  const marks: { n: number; at: number; after: number }[] = [];
  let lineStart = s;
  for (const line of text.slice(s, e).split('\n')) {
    const m = ENTRY_MARKER.exec(line);
    if (m) marks.push({ n: Number(m[1]), at: lineStart, after: lineStart + m[0].length });
    lineStart += line.length + 1;
  }
  const inline = paragraph.children;
  let first = 0;
  marks.forEach((mark, k) => {
    const range = { start: mark.at, end: k + 1 < marks.length ? marks[k + 1]!.at : e };
    // Trim the line break before the next entry, so the range ends on the entry's last character.
    while (range.end > range.start && /\s/.test(text[range.end - 1]!)) range.end--;
    // Only the inline nodes this entry overlaps: a paragraph of thousands of linked entries stays linear.
    while (first < inline.length && end(inline[first]!) <= range.start) first++;
    let last = first;
    while (last < inline.length && start(inline[last]!) < range.end) last++;
    const part = { ...paragraph, children: inline.slice(first, last) };
    add(mark.n, entry(part, range, plainTextIn(within(part), { start: mark.after, end: range.end }), text));
  });
}

/** `plainTextIn` over one block rather than the whole document: a long list stays linear. */
function within(block: ListItem | Paragraph): Root {
  return { type: 'root', children: [block], ...(block.position ? { position: block.position } : {}) } as Root;
}

function entry(node: Nodes, range: OffsetRange, plain: string, text: string): Entry {
  const url = firstUrlIn(node, range, text);
  return { range, text: plain.trim(), ...(url ? { url } : {}) };
}

function firstUrlIn(node: Nodes, range: OffsetRange, text: string): string | undefined {
  if (end(node) <= range.start || start(node) >= range.end) return undefined;
  if (node.type === 'link' && EXTERNAL.test(node.url)) return node.url;
  if (node.type === 'text') {
    // bare URLs (GFM autolink literals), found here since the parser no longer makes them links
    const from = Math.max(start(node), range.start);
    return findBareUrls(text, from, Math.min(end(node), range.end)).find((u) => EXTERNAL.test(u.url))?.url;
  }
  if (node.type === 'link' || node.type === 'linkReference' || node.type === 'inlineCode' || node.type === 'code') return undefined;
  if ('children' in node) {
    for (const c of node.children as Nodes[]) {
      const u = firstUrlIn(c, range, text);
      if (u) return u;
    }
  }
  return undefined;
}
