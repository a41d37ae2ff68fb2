/**
 * Markdown → mdast, once per document version. Never throws: anything the parser chokes on
 * becomes a problem and an empty tree, so the rest of the pipeline always has something to walk.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root, Yaml } from 'mdast';
import type { Processor } from 'unified';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { parseDocument, isMap, LineCounter } from 'yaml';
import type { OffsetRange } from '../text/lineIndex.js';
import { boundTreeDepth, MAX_TREE_DEPTH } from './depth.js';
import { boundEmphasis, boundStackedLists, defuseUnclosedHtml, MAX_CONTAINER_DEPTH, MAX_STACKED_LIST_MARKERS, tooDeepLine } from './bounds.js';
import type { EmphasisStorm, StackedLists } from './bounds.js';
import { parseIncrementally } from './incremental.js';

export interface ParseProblem {
  readonly code: 'parse-error' | 'invalid-front-matter' | 'binary-file' | 'file-too-large' | 'too-deep' | 'too-nested' | 'emphasis-as-text' | 'lists-as-text';
  readonly message: string;
  readonly range: OffsetRange;
}

export interface FrontMatter {
  /** The parsed YAML mapping, or `{}` when absent or invalid. */
  readonly data: Readonly<Record<string, unknown>>;
  /** The YAML text's range inside the document (between the `---` fences). */
  readonly range?: OffsetRange;
  /** Offset of each top-level key's value, for pointing findings at a key. */
  readonly keyRanges: Readonly<Record<string, OffsetRange>>;
}

export interface ParsedMarkdown {
  readonly text: string;
  readonly root: Root;
  readonly frontMatter: FrontMatter;
  readonly problems: readonly ParseProblem[];
}

/**
 * GFM without its literal-autolink extension: finding bare URLs cost a third of every parse, and
 * only the source collection needs them, so `sources/bareUrls.ts` finds them in text nodes there
 * with GFM's own boundary rules (#13). Footnotes, strikethrough, tables and task lists as
 * remark-gfm sets them up.
 */
function gfmWithoutLiteralAutolinks(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown());
}

const processor = unified().use(remarkParse).use(gfmWithoutLiteralAutolinks).use(remarkFrontmatter, ['yaml']);

export interface ParseLimits {
  /** Documents larger than this many UTF-16 code units are not parsed. */
  readonly maxLength: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxLength: 4 * 1024 * 1024 };

/** True when the text looks binary: a NUL in its first 8 KiB (git's test). */
export function looksBinary(text: string): boolean {
  return text.slice(0, 8192).includes('\u0000');
}

/**
 * `previous`: the last parse of this document (in the editor); the blocks an edit did not touch
 * are reused from it (`incremental.ts`), with a full parse whenever that could differ.
 */
export function parseMarkdown(text: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS, previous?: { readonly text: string; readonly root: Root }): ParsedMarkdown {
  const empty: Root = { type: 'root', children: [] };
  const noFrontMatter: FrontMatter = { data: {}, keyRanges: {} };
  if (looksBinary(text)) {
    return {
      text,
      root: empty,
      frontMatter: noFrontMatter,
      problems: [{ code: 'binary-file', message: 'File looks binary (it contains a NUL byte): not linted', range: { start: 0, end: 0 } }],
    };
  }
  if (text.length > limits.maxLength) {
    const mib = (text.length / (1024 * 1024)).toFixed(1);
    const max = (limits.maxLength / (1024 * 1024)).toFixed(1);
    return {
      text,
      root: empty,
      frontMatter: noFrontMatter,
      problems: [
        {
          code: 'file-too-large',
          message: `File is ${mib} MiB, over the ${max} MiB limit: not linted; split it or raise \`maxFileSize\``,
          range: { start: 0, end: 0 },
        },
      ],
    };
  }
  const deep = tooDeepLine(text);
  if (deep) {
    return {
      text,
      root: empty,
      frontMatter: noFrontMatter,
      problems: [
        {
          code: 'too-nested',
          message: `Line ${deep.line + 1} nests block quotes or lists more than ${MAX_CONTAINER_DEPTH} deep: the file is not linted; flatten the nesting`,
          range: { start: deep.start, end: deep.end },
        },
      ],
    };
  }
  let root: Root;
  let storms: readonly EmphasisStorm[] = [];
  let stacked: StackedLists | undefined;
  const body = frontMatterEnd(text);
  try {
    // What micromark is handed is bounded (parse/bounds.ts); front matter is YAML, left as it is.
    // The whole text is bounded once (its storms are reported below); an incremental parse
    // bounds the region it parses, whose paragraphs are the whole text's. Stacked list markers
    // are counted over the whole document, so a document over that budget (now or before the
    // edit) is parsed whole.
    // Asked before this text is counted: `stackedIn` remembers the last text counted.
    const previousStacked = previous && previous.root.children.length ? stackedIn(previous.text) : true;
    const lists = boundStackedLists(text.slice(body));
    stacked = lists.stacked;
    lastCounted = { text, stacked: stacked !== undefined };
    const bounded = boundEmphasis(lists.text);
    storms = bounded.storms;
    // The tree's strings are slices of what micromark is handed, and a slice keeps its whole
    // parent alive: when bounding changed nothing, micromark is handed the text itself, so the
    // nodes a summary keeps (headings, sources) hold no second copy of the document (#20: one
    // per indexed file, about a tenth of the server's memory on a 1,008-file workspace).
    const parse = (t: string): Root => {
      const b = t === text ? body : frontMatterEnd(t);
      const rest = defuseUnclosedHtml(t === text ? bounded.text : boundEmphasis(t.slice(b)).text);
      return processor.parse(rest === t.slice(b) ? t : t.slice(0, b) + rest) as Root;
    };
    const incremental = previous && !previousStacked && !stacked;
    let reused: Root | undefined;
    try {
      reused = incremental ? parseIncrementally(previous.text, previous.root, text, parse) : undefined;
    } catch {
      reused = undefined; // never worse than a full parse
    }
    root = reused ?? parse(text);
    // micromark drops a leading byte-order mark, so its offsets are one short of ours.
    if (text.charCodeAt(0) === 0xfeff) shiftPositions(root, 1);
  } catch (error) {
    return {
      text,
      root: empty,
      frontMatter: noFrontMatter,
      problems: [{ code: 'parse-error', message: `Markdown parser failed: ${String((error as Error)?.message ?? error)}`, range: { start: 0, end: 0 } }],
    };
  }
  const problems: ParseProblem[] = [];
  for (const storm of storms) {
    const start = body + storm.start;
    const lineEnd = text.indexOf('\n', start);
    problems.push({
      code: 'emphasis-as-text',
      message: `This paragraph has ${storm.markers} emphasis markers (*, _ or ~) nested or unmatched so deeply that parsing them would stall: they are read as plain text here, and labels such as **Claim:** in it are not recognised; close or escape the markers`,
      range: { start, end: Math.min(body + storm.end, lineEnd < 0 ? text.length : lineEnd) },
    });
  }
  if (stacked) {
    const start = body + stacked.first.start;
    problems.push({
      code: 'lists-as-text',
      message: `${stacked.lines} lines stack list markers on one line (such as \`- - x\`), ${stacked.markers} in all, more than the ${MAX_STACKED_LIST_MARKERS} that parse in reasonable time: each such line is read as one list item whose inner markers are text; put each nested item on its own line`,
      range: { start, end: body + stacked.first.end },
    });
  }
  const cut = boundTreeDepth(root);
  if (cut) {
    const lineEnd = text.indexOf('\n', cut.start);
    problems.push({
      code: 'too-deep',
      message: `Block quotes, lists or emphasis nest more than ${MAX_TREE_DEPTH} levels deep here: what lies deeper is not linted; flatten the nesting`,
      range: { start: cut.start, end: Math.min(cut.end, lineEnd < 0 ? text.length : lineEnd) },
    });
  }
  const frontMatter = readFrontMatter(text, root, problems);
  return { text, root, frontMatter, problems };
}

function readFrontMatter(text: string, root: Root, problems: ParseProblem[]): FrontMatter {
  const yamlNode = root.children.find((n): n is Yaml => n.type === 'yaml');
  if (!yamlNode?.position) return { data: {}, keyRanges: {} };
  // The node spans the fences; the YAML itself starts on the line after `---`.
  const nodeStart = yamlNode.position.start.offset ?? 0;
  const nodeEnd = yamlNode.position.end.offset ?? nodeStart;
  const firstBreak = text.indexOf('\n', nodeStart);
  const yamlStart = firstBreak < 0 ? nodeEnd : firstBreak + 1;
  const range = { start: yamlStart, end: yamlStart + yamlNode.value.length };
  let doc;
  try {
    doc = parseDocument(yamlNode.value, { lineCounter: new LineCounter(), prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  } catch (error) {
    problems.push({ code: 'invalid-front-matter', message: `Front matter is not valid YAML: ${String(error)}`, range });
    return { data: {}, range, keyRanges: {} };
  }
  for (const err of doc.errors) {
    const [s, e] = err.pos;
    problems.push({
      code: 'invalid-front-matter',
      message: `Front matter is not valid YAML: ${firstLine(err.message)}; fix the YAML between the --- lines`,
      range: { start: yamlStart + s, end: yamlStart + Math.max(e, s) },
    });
  }
  if (doc.errors.length > 0) return { data: {}, range, keyRanges: {} };
  const keyRanges: Record<string, OffsetRange> = {};
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      const key = pair.key as { value?: unknown; range?: [number, number, number] } | null;
      if (key && typeof key.value === 'string' && key.range) {
        keyRanges[key.value] = { start: yamlStart + key.range[0], end: yamlStart + key.range[1] };
      }
    }
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // Unresolved or runaway aliases surface only when the YAML is turned into data.
    problems.push({ code: 'invalid-front-matter', message: `Front matter is not valid YAML: ${firstLine(String((error as Error)?.message ?? error))}`, range });
    return { data: {}, range, keyRanges };
  }
  if (data === null || data === undefined) return { data: {}, range, keyRanges };
  if (typeof data !== 'object' || Array.isArray(data)) {
    problems.push({ code: 'invalid-front-matter', message: 'Front matter must be a YAML mapping (key: value lines)', range });
    return { data: {}, range, keyRanges };
  }
  return { data: data as Record<string, unknown>, range, keyRanges };
}

function shiftPositions(root: Root, by: number): void {
  // A stack rather than recursion: this runs before the tree's depth is bounded.
  const stack: (Root | Root['children'][number])[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    const p = node.position;
    if (p) {
      if (p.start.offset !== undefined) p.start.offset += by;
      if (p.end.offset !== undefined) p.end.offset += by;
      if (p.start.line === 1) p.start.column += by;
      if (p.end.line === 1) p.end.column += by;
    }
    if ('children' in node) for (const child of node.children as Root['children']) stack.push(child);
  }
}

/**
 * The last text whose stacked list markers were counted: in an editor the previous version is the
 * one parsed last, so each keystroke counts them over the document once, not twice.
 */
let lastCounted: { readonly text: string; readonly stacked: boolean } | undefined;

function stackedIn(text: string): boolean {
  if (lastCounted?.text === text) return lastCounted.stacked;
  return boundStackedLists(text.slice(frontMatterEnd(text))).stacked !== undefined;
}

/** Offset just past a leading `---` front-matter block, or 0. */
function frontMatterEnd(text: string): number {
  const m = /^\ufeff?---[ \t]*\r?\n/.exec(text);
  if (!m) return 0;
  const close = /^(?:---|\.\.\.)[ \t]*$/m.exec(text.slice(m[0].length));
  return close ? m[0].length + close.index + close[0].length : 0;
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.trim().replace(/\.$/, '');
}
