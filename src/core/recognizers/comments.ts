/**
 * Invisible comment tags (DESIGN §2.2). `<!-- claim #toxicity -->` on its own line tags the next
 * block; at the end of a sentence it tags that sentence. Attributes relate nodes:
 * `<!-- defense #attack-surfaces defends=#finetune-dealignment -->`.
 * `warrant-*` comments are inline control, read by `directives.ts`, not tags.
 */
import type { Html, Nodes, Root, RootContent } from 'mdast';
import type { OffsetRange } from '../text/lineIndex.js';
import { kindByName, type Vocabulary } from '../config/vocabulary.js';
import type { NodeBlock } from '../model/types.js';
import type { Tag, TagProblem } from './types.js';
import { interpretAttributes, tokenizeAttributes } from './attributes.js';
import { firstSentenceEnd } from './labels.js';
import { nextBlock, plainTextIn, rangeOf, start, trimEndOffset, type HeadingInfo } from './structure.js';

const COMMENT = /<!--([\s\S]*?)-->/g;

/**
 * An attribute-only comment, `<!-- adversary=skilled harm=intentional -->`: no kind, so it tags
 * nothing itself; it gives its attributes (and an `#id` or relations) to the tagged node of the
 * block right before it, or of the paragraph or heading it ends. This is how a label in prose
 * (`Risk: …`, `### Defense: …`) carries attributes and stays invisible when rendered.
 */
export interface AttributeComment {
  /** Where the node must start: the block before the comment, or the block it sits in. */
  readonly within: OffsetRange;
  readonly range: OffsetRange;
  readonly id?: { readonly value: string; readonly range: OffsetRange };
  readonly attributes: Readonly<Record<string, string>>;
  readonly attributeRanges: Tag['attributeRanges'];
  readonly relations: Tag['relations'];
}

export interface CommentTagsResult {
  readonly tags: Tag[];
  readonly problems: TagProblem[];
  readonly attributeComments: AttributeComment[];
}

export function recognizeComments(root: Root, text: string, headings: readonly HeadingInfo[], vocab: Vocabulary): CommentTagsResult {
  const tags: Tag[] = [];
  const problems: TagProblem[] = [];
  const attributeComments: AttributeComment[] = [];
  const headingAt = new Map(headings.map((h) => [h.range.start, h]));

  // `textBlock` is the paragraph, heading or table cell an inline comment sits in.
  const visit = (node: Nodes, parent: Nodes | undefined, index: number, textBlock: Nodes | undefined): void => {
    if (node.type === 'html') {
      handleHtml(node, parent, index, textBlock);
      return;
    }
    if (node.type === 'code' || node.type === 'inlineCode') return;
    const block = node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell' ? node : textBlock;
    if ('children' in node) (node.children as Nodes[]).forEach((c, i) => visit(c, node, i, block));
  };

  const handleHtml = (node: Html, parent: Nodes | undefined, index: number, textBlock: Nodes | undefined): void => {
    const nodeStart = start(node);
    COMMENT.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = COMMENT.exec(node.value))) {
      const commentRange = { start: nodeStart + m.index, end: nodeStart + m.index + m[0].length };
      const body = m[1]!;
      const bodyStart = commentRange.start + 4;
      const tokens = tokenizeAttributes(body, bodyStart);
      const first = tokens[0];
      // Only ids and `key=value` pairs, at least one pair: `<!-- #region -->` stays a plain comment.
      if (first && tokens.every((t) => t.type === 'id' || t.type === 'pair') && tokens.some((t) => t.type === 'pair')) {
        const attrs = interpretAttributes(tokens);
        const previous = !textBlock && parent && 'children' in parent ? (parent as { children: RootContent[] }).children[index - 1] : undefined;
        const within = textBlock ? rangeOf(textBlock) : previous ? rangeOf(previous) : undefined;
        if (!within) {
          problems.push({ message: 'Attribute comment follows no block: put it right after a labelled paragraph, list item or heading (`Risk: …`), or give it a kind (`<!-- risk adversary=skilled -->`)', range: commentRange });
          continue;
        }
        attributeComments.push({ within, range: commentRange, ...(attrs.id ? { id: attrs.id } : {}), attributes: attrs.attributes, attributeRanges: attrs.attributeRanges, relations: attrs.relations });
        continue;
      }
      if (!first || first.type !== 'word' || first.value.toLowerCase().startsWith('warrant-')) continue;
      const kind = kindByName(vocab, first.value);
      const attrs = interpretAttributes(tokens.slice(1));
      if (!kind) {
        // Only complain when it clearly is meant as a tag: it carries an id or a relation.
        if (attrs.id || attrs.relations.length) {
          problems.push({ message: `Unknown node kind \`${first.value}\` in comment tag: use one of ${[...vocab.keys()].join(', ')}`, range: first.range });
        }
        continue;
      }
      // `<!-- claim --> Text` opening a line is one HTML block to Markdown: the text is raw HTML,
      // never a paragraph, so the tag would silently land on the next block. Say so instead.
      const restOfLine = node.value.slice(m.index + m[0].length).split('\n')[0]!;
      if (!textBlock && restOfLine.trim()) {
        problems.push({ message: 'Text after a comment tag on the same line is raw HTML to Markdown: put the tag on its own line above the block, or after the sentence it tags', range: commentRange });
        continue;
      }
      const target = textBlock ? sentenceBefore(textBlock, commentRange.start) : undefined;
      let scope: { block: NodeBlock; range: OffsetRange; selection: OffsetRange; id?: string; explicit?: boolean } | undefined;
      if (target) {
        scope = { block: 'sentence', range: target, selection: target };
      } else if (textBlock) {
        // A comment opening a paragraph tags the paragraph, as if it stood on the line above.
        scope = blockScope(textBlock as RootContent);
      } else if (!textBlock && parent && 'children' in parent) {
        const next = nextBlock(parent as { children: RootContent[] }, index);
        if (next) scope = blockScope(next);
      }
      if (!scope) {
        problems.push({ message: `Comment tag \`${first.value}\` tags nothing: put it on the line above a block or right after a sentence`, range: commentRange });
        continue;
      }
      const id = attrs.id?.value ?? scope.id;
      tags.push({
        kind: kind.name,
        ...(id ? { id } : {}),
        explicitId: !!attrs.id || !!scope.explicit,
        syntax: 'comment',
        block: scope.block,
        range: scope.range,
        selectionRange: scope.selection,
        tagRange: commentRange,
        attributes: attrs.attributes,
        attributeRanges: attrs.attributeRanges,
        relations: attrs.relations,
        text: plainTextIn(root, scope.block === 'heading' ? headingAt.get(scope.range.start)?.contentRange ?? scope.range : scope.range),
      });
    }
  };

  const blockScope = (block: RootContent): { block: NodeBlock; range: OffsetRange; selection: OffsetRange; id?: string; explicit?: boolean } => {
    const range = rangeOf(block);
    if (block.type === 'heading') {
      const h = headingAt.get(range.start);
      if (h) {
        const explicit = h.attributes?.tokens.find((t) => t.type === 'id');
        return { block: 'heading', range: h.sectionRange, selection: h.contentRange, id: explicit?.value ?? h.slug, explicit: !!explicit };
      }
    }
    const blockKind: NodeBlock =
      block.type === 'paragraph' ? 'paragraph' : block.type === 'list' ? 'list' : block.type === 'blockquote' ? 'blockquote' : block.type === 'listItem' ? 'listItem' : 'block';
    const selectionEnd = block.type === 'paragraph' ? firstSentenceEnd(text, range.start, range.end) : Math.min(range.end, lineEnd(text, range.start));
    return { block: blockKind, range, selection: { start: range.start, end: selectionEnd } };
  };

  /** The sentence that ends right before `offset` inside `parent`, or undefined at the block's start. */
  const sentenceBefore = (parent: Nodes, offset: number): OffsetRange | undefined => {
    const blockStart = start(parent);
    const e = trimEndOffset(text, blockStart, offset);
    if (e <= blockStart) return undefined;
    let s = blockStart;
    const head = text.slice(blockStart, e - 1);
    const boundary = /[.!?]["'’”)\]*_]*\s+|-->\s*/g;
    let b: RegExpExecArray | null;
    while ((b = boundary.exec(head))) s = blockStart + b.index + b[0].length;
    return s < e ? { start: s, end: e } : undefined;
  };

  visit(root, undefined, 0, undefined);
  return { tags, problems, attributeComments };
}

function lineEnd(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl < 0 ? text.length : nl;
}

