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
}

interface WalkState {
  readonly text: string;
  readonly options: ProseOptions;
  readonly blocks: ProseBlock[];
  nextGroup: number;
  nextQuote: number;
}

/**
 * Collect prose blocks in document order.
 *
 * @example for "Intro:\n\n- One [a](https://x.org).\n" → a paragraph block "Intro:" and a
 * list-item block "One a.", both in the same group (the colon introduces the list).
 */
export function collectProse(text: string, root: Root, options: ProseOptions): ProseBlock[] {
  const state: WalkState = { text, options, blocks: [], nextGroup: 0, nextQuote: 0 };
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
  for (const node of children) {
    if (node.type === 'heading') {
      if (skipDepth > 0 && node.depth <= skipDepth) skipDepth = 0;
      if (skipDepth === 0 && state.options.skipSection(headingText(node))) skipDepth = node.depth;
      introGroup = -1;
      continue;
    }
    if (skipDepth > 0) continue;
    const inherited = introGroup;
    introGroup = -1;
    switch (node.type) {
      case 'paragraph': {
        const group = ctx.group >= 0 ? ctx.group : state.nextGroup++;
        const block = makeBlock(state, node.children, node, ctx.kind, group, ctx.quote);
        if (block && /:\s*$/.test(block.text)) introGroup = group;
        break;
      }
      case 'list':
        for (const item of node.children) {
          const group = inherited >= 0 ? inherited : ctx.group;
          walkFlow(state, item.children, { kind: ctx.kind === 'paragraph' ? 'listItem' : ctx.kind, group, quote: ctx.quote });
        }
        break;
      case 'blockquote':
        walkQuote(state, node, ctx, inherited);
        break;
      case 'table':
        if (state.options.tables) walkTable(state, node, ctx, inherited);
        break;
      case 'footnoteDefinition':
        // Each definition is its own paragraph; its `[^label]:` is not in any child's text.
        walkFlow(state, node.children, { kind: 'footnote', group: state.nextGroup++, quote: ctx.quote });
        break;
      default:
        // code, html, yaml, definition, thematicBreak, and anything unknown (MDX nodes): not prose
        break;
    }
  }
}

/** Obsidian/GitHub callouts other than quotes are the author's own prose. */
const CALLOUT = /^\s*\[!(\w+)\]/;

function walkQuote(state: WalkState, node: Blockquote, ctx: Context, inherited: number): void {
  const first = node.children[0];
  const firstText = first?.type === 'paragraph' ? firstTextValue(first.children) : '';
  const callout = CALLOUT.exec(firstText);
  const isQuotation = callout ? /^(quote|cite|citation)$/i.test(callout[1]!) : true;
  const group = inherited >= 0 ? inherited : ctx.group >= 0 ? ctx.group : state.nextGroup++;
  walkFlow(state, node.children, {
    kind: isQuotation ? 'quote' : ctx.kind,
    group,
    quote: isQuotation ? (ctx.quote >= 0 ? ctx.quote : state.nextQuote++) : ctx.quote,
  });
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
  const chars: string[] = []; // text chunks, one per inline node
  const offsets: number[] = [];
  flattenInline(state.text, children, chars, offsets);
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
    String.raw`\]\{[.#:][^{}]*\}`, // Pandoc span attributes `]{.noted}`
    String.raw`\[\^[^\]\s]+\]`, // footnote marker with no definition
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
  if (!/[{[:]/.test(text)) return text;
  return text.replace(TEMPLATE, (m) => (m.startsWith(']{') ? ' ' + ' '.repeat(m.length - 1) : ' '.repeat(m.length)));
}
