/**
 * mdast → prose blocks: the plain text a reader sees, with the document offset of every
 * character, so sentences found in the plain text map back to exact lines.
 *
 * What is not prose is never emitted: code, front matter, raw HTML blocks, link definitions,
 * images (alt text), headings, footnote labels, sections such as "References", and template
 * syntax found in published essays (Liquid `{% … %}`, Hugo `{{< … >}}`, MDX/JSX tags, Pandoc
 * attribute braces). Template syntax inside a paragraph is blanked to spaces rather than cut,
 * so offsets stay aligned.
 */
import type { Nodes, Parent, Root, RootContent, Heading, Table, Blockquote, PhrasingContent } from 'mdast';
import type { Html } from 'mdast';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { OffsetRange } from '../text/lineIndex.js';

export type ProseBlockKind = 'paragraph' | 'listItem' | 'tableCell' | 'quote' | 'footnote';

export interface ProseBlock {
  readonly kind: ProseBlockKind;
  /** Plain text; `\n` and template syntax already turned into spaces. */
  readonly text: string;
  /** Document offset of each character of `text` (same length). */
  readonly offsets: Int32Array;
  /** The block's range in the document (for paragraph-scope citations). */
  readonly range: OffsetRange;
  /**
   * Paragraph group: blocks sharing it count each other's citations under
   * `citationScope: paragraph` (a colon-ending paragraph and the list/quote/table it introduces).
   */
  readonly group: number;
  /** Id of the quotation block quote this block is in (one finding per quote), else -1. */
  readonly quote: number;
}

export interface ProseOptions {
  readonly tables: boolean;
  /** Compiled `skipSections`: tests a heading's normalised text. */
  readonly skipSection: (heading: string) => boolean;
  /** `npm run eval`'s previous detector: adjacent block quotes are separate quotations. */
  readonly quotesApart?: boolean;
}

interface WalkState {
  readonly text: string;
  readonly options: ProseOptions;
  readonly blocks: ProseBlock[];
  nextGroup: number;
  nextQuote: number;
  /** A prose block has been emitted: `Key: value` lines after it are prose, not metadata. */
  seenProse: boolean;
}

/**
 * Collect prose blocks in document order.
 *
 * @example for "Intro:\n\n- One [a](https://x.org).\n" → a paragraph block "Intro:" and a
 * list-item block "One a.", both in the same group (the colon introduces the list).
 */
export function collectProse(text: string, root: Root, options: ProseOptions): ProseBlock[] {
  const state: WalkState = { text, options, blocks: [], nextGroup: 0, nextQuote: 0, seenProse: false };
  walkFlow(state, root.children, { kind: 'paragraph', group: -1, quote: -1 });
  return state.blocks;
}

interface Context {
  readonly kind: ProseBlockKind;
  /** Group inherited from an introducing paragraph, or -1 to start a group per paragraph. */
  readonly group: number;
  readonly quote: number;
}

function walkFlow(state: WalkState, children: readonly RootContent[], ctx: Context): void {
  let skipDepth = 0; // > 0: inside a skipped section opened by a heading of this depth
  let introGroup = -1; // group of the previous paragraph when it ended with a colon
  // The quotation block quote just before this node: a block quote right after it (nothing
  // between, only the blank line that ends the first) continues the same quotation.
  let lastQuote: { readonly quote: number; readonly group: number } | undefined;
  for (const node of children) {
    const previousQuote = lastQuote;
    lastQuote = undefined;
    if (node.type === 'heading') {
      if (skipDepth > 0 && node.depth <= skipDepth) skipDepth = 0;
      if (skipDepth === 0 && state.options.skipSection(headingText(node))) skipDepth = node.depth;
      introGroup = -1;
      continue;
    }
    // Footnote bodies are footnotes wherever they stand: exports put them after a trailing
    // "Further reading" heading, whose own prose is still skipped.
    if (skipDepth > 0 && node.type !== 'footnoteDefinition') continue;
    const inherited = introGroup;
    introGroup = -1;
    switch (node.type) {
      case 'paragraph': {
        if (!state.seenProse && isMetadata(state.text, node)) break;
        const group = ctx.group >= 0 ? ctx.group : state.nextGroup++;
        const block = makeBlock(state, node.children, node, ctx.kind, group, ctx.quote);
        if (block) state.seenProse = true;
        if (block && /:\s*$/.test(block.text)) introGroup = group;
        break;
      }
      case 'html': {
        const group = inherited >= 0 ? inherited : ctx.group;
        walkHtml(state, node, { ...ctx, group });
        break;
      }
      case 'list':
        for (const item of node.children) {
          const group = inherited >= 0 ? inherited : ctx.group;
          walkFlow(state, item.children, { kind: ctx.kind === 'paragraph' ? 'listItem' : ctx.kind, group, quote: ctx.quote });
        }
        break;
      case 'blockquote':
        lastQuote = walkQuote(state, node, ctx, inherited, previousQuote);
        break;
      case 'table':
        if (state.options.tables) walkTable(state, node, ctx, inherited);
        break;
      case 'footnoteDefinition':
        // Each definition is its own paragraph; its `[^label]:` is not in any child's text.
        walkFlow(state, node.children, { kind: 'footnote', group: state.nextGroup++, quote: ctx.quote });
        break;
      default:
        // code, yaml, definition, thematicBreak, math, and anything unknown (MDX nodes): not prose
        break;
    }
  }
}

/** Obsidian/GitHub callouts other than quotes are the author's own prose. */
const CALLOUT = /^\s*\[!(\w+)\]/;

/**
 * A block quote's prose. A quotation (not a note or warning callout) is one quote id: one
 * quotation, one source, so at most one finding. A quotation right after another (`previous`:
 * adjacent block quotes, nothing between) continues it. Returns the quotation it belongs to.
 */
function walkQuote(
  state: WalkState,
  node: Blockquote,
  ctx: Context,
  inherited: number,
  previous: { readonly quote: number; readonly group: number } | undefined,
): { quote: number; group: number } | undefined {
  const first = node.children[0];
  const firstText = first?.type === 'paragraph' ? firstTextValue(first.children) : '';
  const callout = CALLOUT.exec(firstText);
  const isQuotation = callout ? /^(quote|cite|citation)$/i.test(callout[1]!) : true;
  const continued = isQuotation && ctx.quote < 0 && !state.options.quotesApart ? previous : undefined;
  const group = continued ? continued.group : inherited >= 0 ? inherited : ctx.group >= 0 ? ctx.group : state.nextGroup++;
  const quote = isQuotation ? (continued ? continued.quote : ctx.quote >= 0 ? ctx.quote : state.nextQuote++) : ctx.quote;
  walkFlow(state, node.children, { kind: isQuotation ? 'quote' : ctx.kind, group, quote });
  return isQuotation ? { quote, group } : undefined;
}

function walkTable(state: WalkState, node: Table, ctx: Context, inherited: number): void {
  // The header row labels columns; body cells are sentences of their own.
  for (const row of node.children.slice(1)) {
    for (const cell of row.children) {
      const group = inherited >= 0 ? inherited : state.nextGroup++;
      makeBlock(state, cell.children, cell, 'tableCell', group, ctx.quote);
    }
  }
}

function firstTextValue(children: readonly PhrasingContent[]): string {
  const first = children[0];
  return first?.type === 'text' ? first.value : '';
}

function headingText(node: Heading): string {
  return plainOf(node);
}

/** Plain text of a node, for headings. */
function plainOf(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value;
  if ('children' in node) return (node as Parent).children.map((c) => plainOf(c as Nodes)).join('');
  return '';
}

function makeBlock(
  state: WalkState,
  children: readonly PhrasingContent[],
  node: Nodes,
  kind: ProseBlockKind,
  group: number,
  quote: number,
): ProseBlock | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  // The same source and inline shape as a block seen lately: the same text, offsets shifted.
  const key = `${state.text.charCodeAt(start - 1)}\u0000${state.text.slice(start, end)}\u0000${inlineShape(children, start)}`;
  const known = rememberedBlock(key);
  if (known !== undefined) {
    if (known === null) return undefined;
    const delta = start - known.start;
    const offsets = delta === 0 ? known.offsets : known.offsets.map((o) => o + delta);
    if (delta !== 0) rememberBlock(key, { start, text: known.text, offsets });
    const block: ProseBlock = { kind, text: known.text, offsets, range: { start, end }, group, quote };
    state.blocks.push(block);
    return block;
  }
  flattened++;
  const chars: string[] = []; // text chunks, one per inline node
  const offsets: number[] = [];
  flattenInline(state.text, children, chars, offsets);
  const block = emitBlock(state, chars, offsets, { start, end }, kind, group, quote);
  // A callout's title is cut at the end of its line, which may lie past the block: not remembered.
  if (!chars.join('').includes('[!')) rememberBlock(key, block ? { start, text: block.text, offsets: block.offsets } : null);
  return block;
}

/**
 * Paragraphs and table cells flattened lately (#20: typing changes one block, and the others'
 * text and offsets are not rebuilt). Keyed by the block's source and the shape of its inline
 * nodes relative to its start — everything `flattenInline` and the scrubbing read — so a block
 * that moved keeps its text and gets its offsets shifted. Two generations, bounded, as in
 * split.ts; `null`: no prose in it.
 */
interface FlatBlock {
  readonly start: number;
  readonly text: string;
  readonly offsets: Int32Array;
}
const BLOCK_MEMO_SIZE = 4096;
let blocksNow = new Map<string, FlatBlock | null>();
let blocksBefore = new Map<string, FlatBlock | null>();

let flattened = 0;

/** How many paragraphs and cells were flattened since the last call (tests count calls, never time). */
export function takeFlattenedBlocks(): number {
  const n = flattened;
  flattened = 0;
  return n;
}

/** Drop every remembered block (see `forgetRememberedSentences` in detect.ts). */
export function forgetProseBlocks(): void {
  blocksNow = new Map();
  blocksBefore = new Map();
}

function rememberedBlock(key: string): FlatBlock | null | undefined {
  const hit = blocksNow.get(key);
  if (hit !== undefined) return hit;
  const old = blocksBefore.get(key);
  if (old !== undefined) rememberBlock(key, old);
  return old;
}

function rememberBlock(key: string, value: FlatBlock | null): void {
  if (blocksNow.size >= BLOCK_MEMO_SIZE && !blocksNow.has(key)) {
    blocksBefore = blocksNow;
    blocksNow = new Map();
  }
  blocksNow.set(key, value);
}

/** Types, positions relative to the block, values and footnote-marker links of the inline nodes, nested. */
function inlineShape(nodes: readonly PhrasingContent[], base: number): string {
  let out = '';
  for (const node of nodes) {
    out += `${node.type}:${(node.position?.start.offset ?? NaN) - base}-${(node.position?.end.offset ?? NaN) - base}`;
    if (node.type === 'link' && /#footnote-\d/.test(node.url)) out += '#';
    if ('value' in node) out += `=${node.value.length}=${node.value}`;
    if ('children' in node) out += `(${inlineShape(node.children as PhrasingContent[], base)})`;
    out += ',';
  }
  return out;
}

function emitBlock(
  state: WalkState,
  chars: readonly string[],
  offsets: number[],
  range: OffsetRange,
  kind: ProseBlockKind,
  group: number,
  quote: number,
): ProseBlock | undefined {
  const { start, end } = range;
  let text = chars.join('');
  if (text.length !== offsets.length) return undefined; // a surrogate mishap: never misalign
  text = scrubCalloutTitle(state.text, scrubDefinitionTerms(state.text, scrubTemplates(text), offsets), offsets);
  if (!/[A-Za-z]/.test(text)) return undefined;
  const block: ProseBlock = { kind, text, offsets: Int32Array.from(offsets), range: { start, end }, group, quote };
  state.blocks.push(block);
  return block;
}

/** Append the visible text of inline nodes (as chunks), one offset per UTF-16 unit. */
function flattenInline(doc: string, nodes: readonly PhrasingContent[], chars: string[], offsets: number[]): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        pushMapped(doc, node.value, node.position?.start.offset, node.position?.end.offset, chars, offsets);
        break;
      case 'break':
        pushSpace(node.position?.start.offset, chars, offsets);
        break;
      case 'html':
        // Inline tags (`<a href>`, `<Icon />`, `<br>`) are markup; the text between them is a
        // sibling text node. A space keeps words on either side of `<br>` apart.
        pushSpace(node.position?.start.offset, chars, offsets);
        break;
      case 'image':
      case 'imageReference':
      case 'footnoteReference':
        break;
      case 'link':
        // A Substack footnote marker `[3](#footnote-3)` is a marker, not words ("data3").
        if (/#footnote-\d/.test(node.url)) break;
        flattenInline(doc, node.children, chars, offsets);
        break;
      default:
        if ('children' in node) flattenInline(doc, node.children as PhrasingContent[], chars, offsets);
    }
  }
}

function pushSpace(at: number | undefined, chars: string[], offsets: number[]): void {
  if (at === undefined) return;
  chars.push(' ');
  offsets.push(at);
}

/**
 * Map `value` (unescaped, de-indented text) onto the source slice it came from by scanning
 * forward for each character: escapes (`\*`), entities (`&amp;`) and block-quote or list
 * indentation in the source are skipped over. A character not found keeps the last position.
 */
function pushMapped(doc: string, value: string, start: number | undefined, end: number | undefined, chars: string[], offsets: number[]): void {
  if (start === undefined || end === undefined) return;
  chars.push(value.replace(/[\n\r\t]/g, ' '));
  if (end - start === value.length && doc.startsWith(value, start)) {
    for (let i = 0; i < value.length; i++) offsets.push(start + i);
    return;
  }
  let j = start;
  for (let i = 0; i < value.length; i++) {
    const k = doc.indexOf(value[i]!, j);
    const at = k >= 0 && k < end && k - j < 16 ? k : j;
    j = Math.min(at + 1, end);
    offsets.push(at);
  }
}

/**
 * Template and attribute syntax that survives Markdown parsing as text: blank it out with
 * spaces (same length, so offsets hold). Unresolved footnote markers `[^x]` go too.
 */
const TEMPLATE = new RegExp(
  [
    String.raw`\{%[\s\S]*?%\}`, // Liquid tags
    String.raw`\{\{[<%][\s\S]*?[>%]\}\}`, // Hugo shortcodes
    String.raw`\{\{[\s\S]*?\}\}`, // Liquid/Hugo output
    String.raw`\$\$[\s\S]*?\$\$`, // display math
    String.raw`\]\{[.#:][^{}]*\}`, // Pandoc span attributes `]{.noted}`
    String.raw`\[\^[^\]\s]+\]`, // footnote marker with no definition
    String.raw`\[\d{1,4}(?:\s*[,–-]\s*\d{1,4})*\]`, // numbered reference calls `[2]`, `[3, 4]`, `[5-7]`
    String.raw`(?<=^|\s)\[(?=[^\[\]]*\]\{[.#:])`, // the `[` opening a Pandoc span
    String.raw`(?<=^|\s):{3,}(?:[ \t]*\{[^{}]*\}|[ \t]*[A-Za-z][\w-]*(?=\s|$))?`, // Pandoc fenced-div fences
  ].join('|'),
  'g',
);

/**
 * Definition lists (`Term` then `: definition` on the next line) parse as one paragraph: blank
 * the term line and the marker, so the definition starts its own sentence on its own line.
 */
function scrubDefinitionTerms(doc: string, text: string, offsets: readonly number[]): string {
  if (!text.includes(':')) return text;
  let out: string[] | undefined;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const at = offsets[i]!;
    const startsLine = i === 0 || (at > 0 && doc.charCodeAt(at - 1) === 10);
    if (!startsLine) continue;
    if (text[i] === ':' && (text[i + 1] === ' ' || text[i + 1] === '\t')) {
      out ??= [...text];
      for (let k = lineStart; k <= i; k++) out[k] = ' ';
    }
    lineStart = i;
  }
  return out ? out.join('') : text;
}

/** `> [!quote] Title` opens an Obsidian/GitHub callout: its marker and title line are a label. */
function scrubCalloutTitle(doc: string, text: string, offsets: readonly number[]): string {
  if (!CALLOUT.test(text)) return text;
  const lineEnd = doc.indexOf('\n', offsets[0]!);
  if (lineEnd < 0) return ' '.repeat(text.length);
  let i = 1;
  while (i < text.length && offsets[i]! < lineEnd) i++;
  return ' '.repeat(i) + text.slice(i);
}

function scrubTemplates(text: string): string {
  if (!/[{[:$]/.test(text)) return text;
  return text.replace(TEMPLATE, (m) => (m.startsWith(']{') ? ' ' + ' '.repeat(m.length - 1) : ' '.repeat(m.length)));
}

/**
 * A `Key: value` block before any prose (Notion and Substack exports, page metadata): every line
 * a short key, a colon and a short value, as in `Created: June 29, 2024 7:17 PM` or
 * `URL 1: https://example.org`; or a byline (`*By …*`).
 */
function isMetadata(doc: string, node: Nodes): boolean {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return false;
  const source = doc.slice(start, end);
  // A byline: `*By Ada Lovelace and Charles Babbage*`.
  if (/^[*_]{0,2}By [A-Z][^.!?]{0,120}[*_]{0,2}\s*$/.test(source)) return true;
  const lines = source.split(/\r?\n/);
  return lines.every((line) => /^\s*[*_]{0,2}[A-Z][\w ./()-]{0,30}?[*_]{0,2}:[*_]{0,2}[ \t]+\S/.test(line) && line.split(/\s+/).length <= 16);
}

/** Elements whose text is not prose: code, styling, scripts, headings, captions, math, media. */
const HTML_SKIP = new Set(['script', 'style', 'template', 'head', 'title', 'pre', 'code', 'svg', 'math', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figcaption', 'caption', 'thead', 'nav', 'button', 'select', 'textarea', 'iframe', 'object', 'noscript']);
/** Elements that make blocks: each one's own text is a prose block of its own. */
const HTML_BLOCKS = new Set(['p', 'li', 'td', 'th', 'dd', 'dt', 'blockquote', 'div', 'section', 'article', 'aside', 'main', 'figure', 'details', 'summary', 'header', 'footer', 'body', 'ul', 'ol', 'dl', 'table', 'tbody', 'tfoot', 'tr', 'center']);
/** Longest raw HTML block read as prose; longer ones (inlined pages, data) are skipped. */
const MAX_HTML_BLOCK = 200_000;

/**
 * Raw HTML blocks (`<p>…<a href>…</a></p>`, `<ol><li>`, tables): parsed with the unified
 * family's HTML parser, their paragraphs, list items and cells become prose blocks mapped back to
 * the document. `<a href>` inside them are citations already (the source collector reads them).
 */
function walkHtml(state: WalkState, node: Html, ctx: Context): void {
  const base = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (base === undefined || end === undefined || node.value.length > MAX_HTML_BLOCK || !/<[a-z]/i.test(node.value)) return;
  // Markup with no words outside its tags (images, embeds, layout) needs no HTML parser.
  if (!/[A-Za-z]{2,}[^<]*[A-Za-z]{2,}/.test(node.value.replace(/<!--[\s\S]*?-->|<(style|script)\b[\s\S]*?<\/\1>|<[^>]*>/gi, ' '))) return;
  let tree: HastRoot;
  try {
    tree = fromHtml(node.value, { fragment: true });
  } catch {
    return;
  }
  // The block's text in the document, for mapping: a de-indented value (inside a list or a
  // quote) is searched for from its relative offset onward.
  const pending: { chars: string[]; offsets: number[]; from: number; kind: ProseBlockKind } = { chars: [], offsets: [], from: base, kind: ctx.kind };
  const flush = (kind: ProseBlockKind): void => {
    if (pending.chars.length > 0) {
      const offsets = pending.offsets;
      const group = ctx.group >= 0 ? ctx.group : state.nextGroup++;
      const range = { start: offsets[0]!, end: Math.min(end, (offsets[offsets.length - 1] ?? base) + 1) };
      if (emitBlock(state, pending.chars, offsets, range, kind, group, ctx.quote)) state.seenProse = true;
    }
    pending.chars = [];
    pending.offsets = [];
  };
  // Iterative walk (deep HTML must not overflow the stack): a stack of children lists.
  const stack: { nodes: readonly ElementContent[]; i: number; kind: ProseBlockKind; close: boolean }[] = [{ nodes: tree.children as ElementContent[], i: 0, kind: ctx.kind, close: false }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.i >= top.nodes.length) {
      stack.pop();
      if (top.close) flush(top.kind);
      continue;
    }
    const child = top.nodes[top.i++]!;
    if (child.type === 'text') {
      const from = child.position?.start.offset;
      const to = child.position?.end.offset;
      if (from === undefined || to === undefined) continue;
      pushMapped(state.text, child.value, base + from, Math.min(end, base + Math.max(to, from + child.value.length)), pending.chars, pending.offsets);
    } else if (child.type === 'element') {
      const el = child as Element;
      if (HTML_SKIP.has(el.tagName)) continue;
      if (el.tagName === 'br') {
        const at = el.position?.start.offset;
        if (at !== undefined) pushSpace(base + at, pending.chars, pending.offsets);
        continue;
      }
      if (HTML_BLOCKS.has(el.tagName)) {
        flush(top.kind);
        const kind: ProseBlockKind = el.tagName === 'li' ? 'listItem' : el.tagName === 'td' || el.tagName === 'th' ? 'tableCell' : el.tagName === 'blockquote' ? 'quote' : top.kind;
        stack.push({ nodes: el.children, i: 0, kind, close: true });
      } else {
        stack.push({ nodes: el.children, i: 0, kind: top.kind, close: false });
      }
    }
  }
  flush(ctx.kind);
}
