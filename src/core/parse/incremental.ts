/**
 * Block-level incremental parsing (#13): after an edit, only the top-level blocks the edit touched
 * are parsed again; the blocks before them are reused as they are and the blocks after them are
 * reused shifted to their new offsets. The result must equal a full parse position for position
 * (test/core/incremental.test.ts checks thousands of random edits), so anything that could make
 * a block's parse depend on the rest of the document falls back to a full parse:
 *
 * - a cut is made only where a blank line is followed by a block starting in column 1 that can
 *   only start a new top-level block (not a list after a list, not an indented line);
 * - a re-parsed region ending in an unclosed fence or HTML block would swallow what follows;
 * - link and footnote definitions resolve across the whole document, so the re-parsed region is
 *   given the others' labels, and a region whose own definitions change falls back;
 * - a byte-order mark (at the top, or starting the re-parsed region: micromark drops it), a front
 *   matter edit near the top, or a previous parse with problems;
 * - a document starting `---` without front matter yet (an unclosed one closes at the next `---`
 *   line, wherever an edit adds it).
 */
import type { Nodes, Root, RootContent } from 'mdast';

type Point = { line: number; column: number; offset?: number };

const LONE_CR = /\r(?!\n)/;

/** Parse `text` reusing `previous` (the parse of `previousText`); undefined when it cannot be done safely. */
export function parseIncrementally(previousText: string, previous: Root, text: string, parse: (text: string) => Root): Root | undefined {
  if (previousText === text) return undefined;
  if (text.charCodeAt(0) === 0xfeff || previousText.charCodeAt(0) === 0xfeff) return undefined;
  // Lines are counted at \n; a lone \r (old Mac line ends) is a line ending too.
  if (LONE_CR.test(text)) return undefined;
  const blocks = previous.children;
  if (blocks.length < 3) return undefined;
  for (const b of blocks) if (b.position?.start.offset === undefined || b.position.end.offset === undefined) return undefined;

  // The changed span: a common prefix and a common suffix.
  const max = Math.min(previousText.length, text.length);
  let prefix = 0;
  while (prefix < max && previousText.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && previousText.charCodeAt(previousText.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  const oldChangeEnd = previousText.length - suffix;
  const delta = text.length - previousText.length;

  const startOf = (b: RootContent): number => b.position!.start.offset!;
  const endOf = (b: RootContent): number => b.position!.end.offset!;

  // First and last blocks touched (a block ending right where the edit starts may grow).
  let first = 0;
  while (first < blocks.length && endOf(blocks[first]!) < prefix) first++;
  let last = blocks.length - 1;
  while (last >= 0 && startOf(blocks[last]!) > oldChangeEnd) last--;
  if (first >= blocks.length) first = blocks.length - 1; // an edit after the last block
  if (last < first) last = first; // an edit in the gap between blocks

  // Widen until the cuts before `first` and after `last` are safe.
  while (first > 0 && !safeCut(previousText, blocks[first - 1]!, blocks[first]!)) first--;
  while (last < blocks.length - 1 && !safeCut(previousText, blocks[last]!, blocks[last + 1]!)) last++;
  if (first === 0 && last === blocks.length - 1) return undefined;
  // Front matter runs from the first line to its closing fence, blank lines or not.
  if (first === 0 && (blocks[0]!.type === 'yaml' || text.startsWith('---') || previousText.startsWith('---'))) return undefined;
  // A `---` opening line with no closing fence yet is closed by the next `---` line, however far
  // down an edit adds it (and opened front matter whose fence line an edit touches ends elsewhere):
  // reuse only below a front matter that the edit leaves whole, closing fence line included.
  if (text.startsWith('---') || previousText.startsWith('---')) {
    if (blocks[0]!.type !== 'yaml') return undefined;
    const fenceLineEnd = previousText.indexOf('\n', endOf(blocks[0]!));
    if (fenceLineEnd < 0 || prefix <= fenceLineEnd) return undefined;
  }

  const regionStart = first === 0 ? 0 : startOf(blocks[first]!);
  const oldRegionEnd = last === blocks.length - 1 ? previousText.length : startOf(blocks[last + 1]!);
  if (regionStart > prefix || oldRegionEnd < oldChangeEnd) return undefined;
  const newRegionEnd = oldRegionEnd + delta;
  if (newRegionEnd < regionStart) return undefined;
  // The text around the cuts must still be blank lines in the new text.
  if (first > 0 && !endsWithBlankLine(text, regionStart)) return undefined;
  if (last < blocks.length - 1 && !endsWithBlankLine(text, newRegionEnd)) return undefined;

  const before = blocks.slice(0, first);
  const after = blocks.slice(last + 1);
  const oldRegion = blocks.slice(first, last + 1);

  // Definitions elsewhere resolve references here: hand the region their labels.
  const outside = labelsOf([...before, ...after]);
  if (outside === undefined) return undefined;
  const regionText = text.slice(regionStart, newRegionEnd);
  // Parsed on its own, a region starting `---` would read as front matter.
  if (regionStart > 0 && regionText.startsWith('---')) return undefined;
  // micromark drops a U+FEFF that starts what it parses: the region's offsets would be one short.
  if (regionText.charCodeAt(0) === 0xfeff) return undefined;
  const extra = [...outside.definitions].map((l) => `[${l}]: #`).concat([...outside.footnotes].map((l) => `[^${l}]: #`));
  const source = extra.length ? `${regionText}${regionText.endsWith('\n') ? '' : '\n'}\n${extra.join('\n')}\n` : regionText;
  const parsed = parse(source);
  const region = parsed.children.filter((n) => n.position!.start.offset! < regionText.length);
  if (region.some((n) => n.position!.end.offset! > regionText.length)) return undefined;

  // The region's own definitions must be unchanged, or other blocks would parse differently.
  const oldLabels = labelsOf(oldRegion);
  const newLabels = labelsOf(region);
  if (!oldLabels || !newLabels || !sameLabels(oldLabels, newLabels)) return undefined;
  // Nothing in the region may stay open into what follows.
  const lastNew = region[region.length - 1];
  if (lastNew && after.length && (openAtEnd(regionText, lastNew) || (lastNew.type === 'list' && after[0]!.type === 'list'))) return undefined;
  if (region.length && before.length && before[before.length - 1]!.type === 'list' && region[0]!.type === 'list') return undefined;
  if (region.length === 0 && before.length && after.length && before[before.length - 1]!.type === 'list' && after[0]!.type === 'list') return undefined;

  const startLine = lineAt(text, regionStart);
  for (const n of region) shift(n, regionStart, startLine - 1);
  const oldAfterLine = after.length ? after[0]!.position!.start.line : 0;
  const newAfterLine = after.length ? lineAt(text, startOf(after[0]!) + delta) : 0;
  const shiftedAfter = after.map((n) => cloneShifted(n, delta, newAfterLine - oldAfterLine));

  const children = [...before, ...region, ...shiftedAfter];
  const end = pointAt(text, text.length);
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end } };
}

/** Safe to parse `b` and what follows apart from `a` and what precedes. */
function safeCut(text: string, a: RootContent, b: RootContent): boolean {
  const bStart = b.position!.start.offset!;
  if (b.position!.start.column !== 1) return false;
  if (!endsWithBlankLine(text, bStart)) return false;
  if (a.type === 'list' && b.type === 'list') return false;
  if (openAtEnd(text.slice(0, a.position!.end.offset!), a)) return false;
  // A line that could continue something (indented code, a lazy line) never starts in column 1
  // after a blank line; a table, heading, fence, quote, paragraph or HTML block starts fresh.
  const c = text.charCodeAt(bStart);
  return c !== 32 && c !== 9;
}

/** True when a blank line ends right before `offset`. */
function endsWithBlankLine(text: string, offset: number): boolean {
  if (offset <= 0) return true;
  if (text.charCodeAt(offset - 1) !== 10) return false;
  let k = offset - 2;
  while (k >= 0 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9 || text.charCodeAt(k) === 13)) k--;
  return k < 0 || text.charCodeAt(k) === 10;
}

/** A fenced code block or HTML block that ran to the end of `text` without closing. */
function openAtEnd(text: string, node: RootContent): boolean {
  const s = node.position!.start.offset!;
  const e = node.position!.end.offset!;
  const raw = text.slice(s, e);
  if (node.type === 'code') {
    const fence = /^ {0,3}(`{3,}|~{3,})/.exec(raw);
    if (!fence) return false;
    const lines = raw.split('\n');
    if (lines.length < 2) return true;
    const close = lines[lines.length - 1]!.trim();
    return !(close.length >= fence[1]!.length && [...close].every((ch) => ch === fence[1]![0]));
  }
  if (node.type === 'html') {
    const t = raw.trimStart();
    if (/^<!--/.test(t)) return !t.includes('-->', 4);
    if (/^<(script|pre|style|textarea)[\s>]/i.test(t)) return !/<\/(script|pre|style|textarea)>/i.test(t);
    if (/^<\?/.test(t)) return !t.includes('?>');
    if (/^<!\[CDATA\[/.test(t)) return !t.includes(']]>');
    if (/^<![A-Za-z]/.test(t)) return !t.includes('>');
    return false;
  }
  // Containers may end in one of those too.
  if ('children' in node && node.children.length) {
    const lastChild = node.children[node.children.length - 1] as RootContent;
    if (lastChild.position && lastChild.position.end.offset === e) return openAtEnd(text, lastChild);
  }
  return false;
}

interface Labels {
  readonly definitions: Set<string>;
  readonly footnotes: Set<string>;
}

/** Raw labels of the definitions and footnote definitions in `nodes`, at any depth; undefined when a label would not survive being rewritten. */
function labelsOf(nodes: readonly Nodes[]): Labels | undefined {
  const labels: Labels = { definitions: new Set(), footnotes: new Set() };
  let ok = true;
  const walk = (n: Nodes): void => {
    if (n.type === 'definition' || n.type === 'footnoteDefinition') {
      const label = n.label ?? n.identifier;
      if (/[\n\r\]]/.test(label)) ok = false;
      (n.type === 'definition' ? labels.definitions : labels.footnotes).add(label);
    }
    if ('children' in n) for (const c of n.children as Nodes[]) walk(c);
  };
  for (const n of nodes) walk(n);
  return ok ? labels : undefined;
}

function sameLabels(a: Labels, b: Labels): boolean {
  const same = (x: Set<string>, y: Set<string>) => x.size === y.size && [...x].every((v) => y.has(v));
  return same(a.definitions, b.definitions) && same(a.footnotes, b.footnotes);
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function pointAt(text: string, offset: number): Point {
  const line = lineAt(text, offset);
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return { line, column: offset - lineStart + 1, offset };
}

/** Shift a freshly parsed region (parsed from its own start) in place: offsets and lines; columns stay (the region starts a line). */
function shift(node: Nodes, by: number, lines: number): void {
  const p = node.position;
  if (p) {
    if (p.start.offset !== undefined) p.start.offset += by;
    if (p.end.offset !== undefined) p.end.offset += by;
    p.start.line += lines;
    p.end.line += lines;
  }
  if ('children' in node) for (const c of node.children as Nodes[]) shift(c, by, lines);
}

/** A copy of a reused node moved by `by` characters and `lines` lines (the previous tree stays as it was). */
function cloneShifted<T extends Nodes>(node: T, by: number, lines: number): T {
  const copy = { ...node } as T & { children?: Nodes[] };
  const p = node.position;
  if (p) {
    copy.position = {
      start: { line: p.start.line + lines, column: p.start.column, ...(p.start.offset !== undefined ? { offset: p.start.offset + by } : {}) },
      end: { line: p.end.line + lines, column: p.end.column, ...(p.end.offset !== undefined ? { offset: p.end.offset + by } : {}) },
    };
  }
  if ('children' in node) copy.children = (node.children as Nodes[]).map((c) => cloneShifted(c, by, lines));
  return copy;
}
