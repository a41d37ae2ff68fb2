/**
 * Labels in prose (DESIGN §2.1): a heading, paragraph, list item or block quote whose text starts
 * with a label and a colon. `### **Claim 1: Alignment is no defense**`, `**Objection:** …`,
 * `- Risk: …`, `> Reply: …`. Works wherever Markdown renders, since the label is the markup.
 */
import type { Nodes, Paragraph, Root } from 'mdast';
import type { OffsetRange } from '../text/lineIndex.js';
import type { Vocabulary } from '../config/vocabulary.js';
import type { NodeBlock } from '../model/types.js';
import type { Tag } from './types.js';
import { end, plainTextIn, rangeOf, start, trimEndOffset, type HeadingInfo } from './structure.js';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface LabelMatcher {
  readonly regex: RegExp;
  readonly kindOf: (label: string) => string | undefined;
}

/** One regular expression for every label of the vocabulary, longest first. */
export function labelMatcher(vocab: Vocabulary): LabelMatcher {
  const byLabel = new Map<string, string>();
  for (const spec of vocab.values()) for (const label of spec.labels) byLabel.set(label.toLowerCase(), spec.name);
  const alternatives = [...byLabel.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const emph = '(?:\\*{1,3}|_{1,3})?';
  const number = '(?:\\s+(?:\\d+(?:\\.\\d+)*[a-z]?|[A-Z]|[IVX]+))?';
  const source = alternatives.length
    ? `^${emph}\\s*(${alternatives.join('|')})${number}\\s*${emph}\\s*:${emph}`
    : '(?!)';
  return { regex: new RegExp(source, 'i'), kindOf: (label) => byLabel.get(label.toLowerCase()) };
}

/** Label match at the start of `text.slice(from)`: the kind and the label's range (through the colon). */
export function matchLabel(matcher: LabelMatcher, text: string, from: number, to: number): { kind: string; range: OffsetRange } | undefined {
  const m = matcher.regex.exec(text.slice(from, Math.min(to, from + 200)));
  if (!m) return undefined;
  const kind = matcher.kindOf(m[1]!);
  if (!kind) return undefined;
  const labelStart = from + m[0].indexOf(m[1]!);
  return { kind, range: { start: labelStart, end: from + m[0].length } };
}

const FIRST_SENTENCE_END = /[.!?]["'’”)\]*_]*(?=\s|$)/g;

/** From `from`, the end of the first sentence, not past `limit`. */
export function firstSentenceEnd(text: string, from: number, limit: number): number {
  FIRST_SENTENCE_END.lastIndex = from;
  const slice = text.slice(0, limit);
  const m = FIRST_SENTENCE_END.exec(slice);
  return m ? m.index + m[0].length : trimEndOffset(text, from, limit);
}

const FENCE_LINE = /^[ \t]{0,3}:{3,}.*$/;

/**
 * A paragraph as remark sees it may start or end with Pandoc fence lines (`::: {.claim}`, `:::`)
 * when no blank line separates them: the label and the sentence are what lies between.
 */
export function withoutFences(text: string, range: OffsetRange): OffsetRange {
  let { start: s, end: e } = range;
  for (;;) {
    const nl = text.indexOf('\n', s);
    if (nl < 0 || nl >= e || !FENCE_LINE.test(text.slice(s, nl).replace(/\r$/, ''))) break;
    s = nl + 1;
  }
  for (;;) {
    const nl = text.lastIndexOf('\n', e - 1);
    if (nl < s || !FENCE_LINE.test(text.slice(nl + 1, e))) break;
    e = trimEndOffset(text, s, nl);
  }
  return { start: s, end: e };
}

function stripLabel(plain: string): string {
  return plain.replace(/^[^:]{0,60}?:\s*/, '').trim();
}

export function recognizeLabels(root: Root, text: string, headings: readonly HeadingInfo[], vocab: Vocabulary): Tag[] {
  const matcher = labelMatcher(vocab);
  const tags: Tag[] = [];
  for (const h of headings) {
    const hit = matchLabel(matcher, text, h.contentRange.start, h.contentRange.end);
    if (!hit) continue;
    const explicit = h.attributes?.tokens.find((t) => t.type === 'id');
    tags.push({
      kind: hit.kind,
      id: explicit?.value ?? h.slug,
      explicitId: !!explicit,
      syntax: 'label',
      block: 'heading',
      range: h.sectionRange,
      selectionRange: h.contentRange,
      tagRange: hit.range,
      attributes: {},
      attributeRanges: {},
      relations: [],
      text: stripLabel(h.text),
    });
  }
  const visit = (node: Nodes, parent: Nodes | undefined, index: number): void => {
    if (node.type === 'paragraph') {
      tagParagraph(node, parent, index);
      return;
    }
    if (node.type === 'code' || node.type === 'html' || node.type === 'heading' || node.type === 'table') return;
    if ('children' in node) (node.children as Nodes[]).forEach((c, i) => visit(c, node, i));
  };
  const tagParagraph = (p: Paragraph, parent: Nodes | undefined, index: number): void => {
    const own = withoutFences(text, rangeOf(p));
    const hit = matchLabel(matcher, text, own.start, own.end);
    if (!hit) return;
    // The first paragraph of a list item or block quote tags the whole container.
    let block: NodeBlock = 'paragraph';
    let scope: OffsetRange = own;
    if (parent && index === 0 && (parent.type === 'listItem' || parent.type === 'blockquote')) {
      block = parent.type;
      scope = rangeOf(parent);
    }
    tags.push({
      kind: hit.kind,
      explicitId: false,
      syntax: 'label',
      block,
      range: scope,
      selectionRange: { start: hit.range.start, end: firstSentenceEnd(text, hit.range.end, own.end) },
      tagRange: hit.range,
      attributes: {},
      attributeRanges: {},
      relations: [],
      text: stripLabel(plainTextIn(root, scope)),
    });
  };
  visit(root, undefined, 0);
  return tags;
}
