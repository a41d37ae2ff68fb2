/**
 * Document structure every recognizer needs: headings with their ids and sections, and plain
 * text of a range. Computed once per document.
 */
import type { Heading, Nodes, Root, RootContent } from 'mdast';
import GithubSlugger from 'github-slugger';
import { toString } from 'mdast-util-to-string';
import type { OffsetRange } from '../text/lineIndex.js';
import { tokenizeAttributes, type AttributeToken } from './attributes.js';

export interface HeadingInfo {
  readonly node: Heading;
  readonly depth: number;
  readonly range: OffsetRange;
  /** The heading's inline content, without `#` markers and without a trailing `{…}` attribute list. */
  readonly contentRange: OffsetRange;
  readonly text: string;
  readonly slug: string;
  /** Pandoc heading attributes `{#id .claim key=value}`, if written. */
  readonly attributes?: { readonly tokens: readonly AttributeToken[]; readonly range: OffsetRange };
  /** The section: from the heading to the next heading of the same or a higher level. */
  readonly sectionRange: OffsetRange;
}

export function start(node: { position?: { start: { offset?: number } } }): number {
  return node.position?.start.offset ?? 0;
}
export function end(node: { position?: { end: { offset?: number } } }): number {
  return node.position?.end.offset ?? 0;
}
export function rangeOf(node: Nodes): OffsetRange {
  return { start: start(node), end: end(node) };
}

const HEADING_ATTRS = /\s*\{([^{}]*)\}\s*$/;

export function collectHeadings(root: Root, text: string): HeadingInfo[] {
  const slugger = new GithubSlugger();
  const raw: Omit<HeadingInfo, 'sectionRange'>[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'heading') {
      raw.push(describeHeading(node, text, slugger));
      return;
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(root);
  // Sections are computed over the whole document: a heading's section ends at the next
  // heading (anywhere) whose depth is the same or smaller.
  return raw.map((h, i) => {
    let sectionEnd = text.length;
    for (let j = i + 1; j < raw.length; j++) {
      if (raw[j]!.depth <= h.depth) {
        sectionEnd = raw[j]!.range.start;
        break;
      }
    }
    return { ...h, sectionRange: { start: h.range.start, end: trimEndOffset(text, h.range.start, sectionEnd) } };
  });
}

function describeHeading(node: Heading, text: string, slugger: GithubSlugger): Omit<HeadingInfo, 'sectionRange'> {
  const range = rangeOf(node);
  let contentStart = node.children.length ? start(node.children[0]!) : range.end;
  let contentEnd = node.children.length ? end(node.children[node.children.length - 1]!) : range.end;
  if (contentStart > contentEnd) contentStart = contentEnd;
  let plain = toString(node);
  let attributes: HeadingInfo['attributes'];
  const m = HEADING_ATTRS.exec(text.slice(contentStart, contentEnd));
  if (m && /^\s*[#.]|=/.test(m[1]!)) {
    const attrStart = contentStart + m.index + m[0].indexOf('{');
    const attrEnd = contentStart + m.index + m[0].lastIndexOf('}') + 1;
    attributes = { tokens: tokenizeAttributes(m[1]!, attrStart + 1), range: { start: attrStart, end: attrEnd } };
    contentEnd = contentStart + m.index;
    plain = plain.replace(HEADING_ATTRS, '');
  }
  plain = plain.trim();
  return { node, depth: node.depth, range, contentRange: { start: contentStart, end: contentEnd }, text: plain, slug: slugger.slug(plain), ...(attributes ? { attributes } : {}) };
}

/** Move `end` back over trailing white space, not before `min`. */
export function trimEndOffset(text: string, min: number, endOffset: number): number {
  let e = endOffset;
  while (e > min && /\s/.test(text[e - 1]!)) e--;
  return e;
}

/** Blocks that can carry a tag: children of the root, of block quotes, of list items. */
export function isFlowContainer(node: Nodes): node is Root | Extract<Nodes, { type: 'blockquote' | 'listItem' | 'footnoteDefinition' | 'list' }> {
  return node.type === 'root' || node.type === 'blockquote' || node.type === 'listItem' || node.type === 'list' || node.type === 'footnoteDefinition';
}

/** Plain text of the mdast content inside `range` (text, inline code), whitespace collapsed. */
export function plainTextIn(root: Root, range: OffsetRange, skip: readonly OffsetRange[] = []): string {
  const parts: string[] = [];
  const visit = (node: Nodes): void => {
    const s = start(node);
    const e = end(node);
    if (e <= range.start || s >= range.end) return;
    if (skip.some((r) => s >= r.start && e <= r.end)) return;
    if (node.type === 'text' || node.type === 'inlineCode') {
      const from = Math.max(0, range.start - s);
      const to = Math.min(node.value.length, range.end - s);
      // Offsets inside a text node do not map 1:1 to `value` when escapes occur; good enough for display.
      parts.push(node.value.slice(from, Math.max(from, to)));
      return;
    }
    if (node.type === 'html' || node.type === 'yaml' || node.type === 'code' || node.type === 'definition') return;
    if ('children' in node) {
      // Children are in document order: start at the first one that can overlap the range, so a
      // call costs the range's share of the tree, not the whole document (one call per tag).
      const children = node.children as Nodes[];
      let lo = 0;
      let hi = children.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (end(children[mid]!) <= range.start) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < children.length && start(children[i]!) < range.end; i++) visit(children[i]!);
      if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'listItem' || node.type === 'tableCell') parts.push(' ');
    }
  };
  visit(root);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** Siblings after `node` in `parent`, skipping HTML comments, definitions and front matter. */
export function nextBlock(parent: { children: RootContent[] }, index: number): RootContent | undefined {
  for (let i = index + 1; i < parent.children.length; i++) {
    const c = parent.children[i]!;
    if (c.type === 'html' || c.type === 'definition' || c.type === 'yaml') continue;
    return c;
  }
  return undefined;
}
