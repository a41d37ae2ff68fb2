import type { OffsetRange } from '../text/lineIndex.js';
import type { AttributeRange, NodeBlock, RelationType, TagSyntax } from '../model/types.js';

/** A relation written as an attribute: `defends=#toxicity` or `supports=other.md#x`. */
export interface AttributeRelation {
  readonly type: Exclude<RelationType, 'relates'>;
  readonly file?: string;
  readonly id: string;
  readonly range: OffsetRange;
}

/** What a recognizer found: one tagged span of the document, before sources and relations are assigned. */
export interface Tag {
  readonly kind: string;
  readonly id?: string;
  readonly explicitId: boolean;
  readonly syntax: TagSyntax;
  readonly block: NodeBlock;
  readonly range: OffsetRange;
  readonly selectionRange: OffsetRange;
  readonly tagRange: OffsetRange;
  readonly attributes: Readonly<Record<string, string>>;
  /** Where each attribute is written (labels have none). */
  readonly attributeRanges: Readonly<Record<string, AttributeRange>>;
  readonly relations: readonly AttributeRelation[];
  /** Plain text of the node, tag markup removed. */
  readonly text: string;
}

/** A problem a recognizer noticed in a tag: an unknown kind, a malformed attribute. */
export interface TagProblem {
  readonly message: string;
  readonly range: OffsetRange;
}
