/**
 * Pandoc/Quarto attributes (DESIGN §2.3): spans `[a sentence]{.claim #id}`, fenced divs
 * `::: {.objection #o1 attacks=#toxicity}` … `:::`, heading attributes `## Title {#id .claim}`.
 * remark does not parse these, so they are read from the source text, outside code.
 */
import type { Nodes, Root } from 'mdast';
import type { OffsetRange } from '../text/lineIndex.js';
import { kindByName, type KindSpec, type Vocabulary } from '../config/vocabulary.js';
import type { Tag, TagProblem } from './types.js';
import { interpretAttributes, tokenizeAttributes, type AttributeToken } from './attributes.js';
import { firstSentenceEnd } from './labels.js';
import { end, plainTextIn, start, type HeadingInfo } from './structure.js';

export interface PandocResult {
  readonly tags: Tag[];
  readonly problems: TagProblem[];
}

/** The first class naming a vocabulary kind: `.claim`, `.objection`. */
function kindFromClasses(vocab: Vocabulary, tokens: readonly AttributeToken[]): KindSpec | undefined {
  for (const t of tokens) if (t.type === 'class') {
    const k = kindByName(vocab, t.value);
    if (k) return k;
  }
  return undefined;
}

const SPAN = /\[((?:[^[\]]|\[[^[\]]*\])*)\]\{([^{}\n]*)\}/g;
/** Footnote calls and citation groups written right after a span (one space allowed): they are the span's sources. */
const TRAILING_SOURCES = /^(?: ?(?:\[\^[^\]\s]+\]|\[[^[\]]*@[^[\]]*\](?![({])))+/;
const DIV_OPEN = /^[ \t]{0,3}(:{3,})[ \t]*(?:\{([^{}]*)\}|([A-Za-z][\w-]*))[ \t]*:*[ \t]*$/;
const DIV_CLOSE = /^[ \t]{0,3}(:{3,})[ \t]*$/;

export function recognizePandoc(root: Root, text: string, headings: readonly HeadingInfo[], vocab: Vocabulary): PandocResult {
  const tags: Tag[] = [];
  const problems: TagProblem[] = [];

  for (const h of headings) {
    if (!h.attributes) continue;
    const kind = kindFromClasses(vocab, h.attributes.tokens);
    if (!kind) continue;
    const attrs = interpretAttributes(h.attributes.tokens);
    tags.push({
      kind: kind.name,
      id: attrs.id?.value ?? h.slug,
      explicitId: !!attrs.id,
      syntax: 'pandoc',
      block: 'heading',
      range: h.sectionRange,
      selectionRange: h.contentRange,
      tagRange: h.attributes.range,
      attributes: attrs.attributes,
      attributeRanges: attrs.attributeRanges,
      relations: attrs.relations,
      text: h.text,
    });
  }

  // Code (fenced, indented, inline) is never scanned.
  const code: OffsetRange[] = [];
  const textBlocks: Nodes[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'html' || node.type === 'yaml') {
      code.push({ start: start(node), end: end(node) });
      return;
    }
    if (node.type === 'paragraph' || node.type === 'tableCell') textBlocks.push(node);
    if ('children' in node) for (const c of node.children as Nodes[]) visit(c);
  };
  visit(root);
  const inCode = (offset: number): boolean => code.some((r) => offset >= r.start && offset < r.end);

  for (const block of textBlocks) {
    const from = start(block);
    const slice = text.slice(from, end(block));
    SPAN.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = SPAN.exec(slice))) {
      const spanStart = from + m.index;
      if (inCode(spanStart)) continue;
      const attrStart = spanStart + m[1]!.length + 3;
      const tokens = tokenizeAttributes(m[2]!, attrStart);
      const kind = kindFromClasses(vocab, tokens);
      if (!kind) continue;
      const attrs = interpretAttributes(tokens);
      const inner = { start: spanStart + 1, end: spanStart + 1 + m[1]!.length };
      const trailing = TRAILING_SOURCES.exec(slice.slice(m.index + m[0].length))?.[0].length ?? 0;
      tags.push({
        kind: kind.name,
        ...(attrs.id ? { id: attrs.id.value } : {}),
        explicitId: !!attrs.id,
        syntax: 'pandoc',
        block: 'span',
        range: { start: spanStart, end: spanStart + m[0].length + trailing },
        selectionRange: inner,
        tagRange: { start: attrStart - 1, end: spanStart + m[0].length },
        attributes: attrs.attributes,
        attributeRanges: attrs.attributeRanges,
        relations: attrs.relations,
        text: plainTextIn(root, inner),
      });
    }
  }

  // Fenced divs, by lines; a stack pairs openers with closers so that divs can nest.
  const stack: { tokens: AttributeToken[]; openRange: OffsetRange; attrRange: OffsetRange; colons: number }[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    if (line.includes(':::') && !inCode(lineStart + line.indexOf(':'))) {
      const open = DIV_OPEN.exec(line);
      const close = open ? undefined : DIV_CLOSE.exec(line);
      if (open) {
        const attrSource = open[2] ?? `.${open[3]}`;
        const attrOffset = open[2] !== undefined ? lineStart + line.indexOf('{') + 1 : lineStart + line.indexOf(open[3]!) - 1;
        stack.push({
          tokens: tokenizeAttributes(attrSource, attrOffset),
          openRange: { start: lineStart, end: lineStart + line.length },
          attrRange: { start: lineStart + line.indexOf(':'), end: lineStart + line.length },
          colons: open[1]!.length,
        });
      } else if (close && stack.length) {
        const opened = stack.pop()!;
        const kind = kindFromClasses(vocab, opened.tokens);
        if (kind) {
          const attrs = interpretAttributes(opened.tokens);
          const range = { start: opened.openRange.start, end: lineStart + line.length };
          const body = { start: Math.min(opened.openRange.end + 1, lineStart), end: lineStart };
          const bodyStart = skipBlank(text, body.start, body.end);
          tags.push({
            kind: kind.name,
            ...(attrs.id ? { id: attrs.id.value } : {}),
            explicitId: !!attrs.id,
            syntax: 'pandoc',
            block: 'div',
            range,
            selectionRange: bodyStart < body.end ? { start: bodyStart, end: firstSentenceEnd(text, bodyStart, body.end) } : opened.attrRange,
            tagRange: opened.attrRange,
            attributes: attrs.attributes,
            attributeRanges: attrs.attributeRanges,
            relations: attrs.relations,
            text: plainTextIn(root, body).replace(/:{3,}\s*(\{[^{}]*\}|[A-Za-z][\w-]*)?/g, ' ').replace(/\s+/g, ' ').trim(),
          });
        }
      }
    }
    lineStart = lineEnd + 1;
  }
  for (const unclosed of stack) {
    if (kindFromClasses(vocab, unclosed.tokens)) {
      problems.push({ message: 'Fenced div is never closed: add a `:::` line where it ends', range: unclosed.attrRange });
    }
  }
  return { tags, problems };
}

function skipBlank(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && /\s/.test(text[i]!)) i++;
  return i;
}
