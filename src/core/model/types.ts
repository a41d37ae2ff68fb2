/**
 * The argument model: what an essay claims, what backs it, what attacks it.
 *
 * All ranges are UTF-16 offsets into the document text (see `text/lineIndex.ts`).
 * Everything here is plain readonly data so that hosts can cache, serialise and compare it.
 */
import type { OffsetRange } from '../text/lineIndex.js';

/** A node kind from the vocabulary: `claim`, `evidence`, `defense`, `objection`, `risk`, or a configured one. */
export type NodeKind = string;

/** Which syntax tagged a node. `heuristic` nodes come from the zero-annotation detector. */
export type TagSyntax = 'label' | 'comment' | 'pandoc' | 'heuristic';

/** The Markdown construct a node covers (its scope, DESIGN §1). */
export type NodeBlock = 'heading' | 'paragraph' | 'list' | 'listItem' | 'blockquote' | 'div' | 'sentence' | 'span' | 'block';

export type RelationType = 'supports' | 'defends' | 'attacks' | 'relates';

/** A reference to a node id, maybe in another file: `#toxicity` or `other.md#toxicity`. */
export interface NodeRef {
  /** Path as written, relative to the referring document; `undefined` for the same document. */
  readonly file?: string;
  readonly id: string;
}

export interface Relation {
  readonly type: RelationType;
  readonly target: NodeRef;
  /** Where the relation is written: the link, the attribute value, or (containment) the child's label. */
  readonly range: OffsetRange;
  readonly via: 'link' | 'containment' | 'attribute' | 'adjacency';
}

/** A bibliography entry, normalised from CSL-JSON, CSL-YAML or BibTeX. */
export interface BibEntry {
  readonly key: string;
  readonly authors: readonly string[];
  readonly year?: string;
  readonly title?: string;
  readonly container?: string;
  readonly doi?: string;
  readonly url?: string;
  /** The entry's type: CSL (`article-journal`, `report`, `webpage`…), or BibTeX's own for `@misc`. */
  readonly type?: string;
  /** Publisher or institution, when the entry names one (`@techreport{…, institution = {…}}`). */
  readonly publisher?: string;
  /** An e-print archive and id: `{ archive: 'arXiv', id: '1706.03762' }` from BibTeX `eprint`/`archivePrefix` or CSL `archive`. */
  readonly eprint?: { readonly archive: string; readonly id?: string };
  /** Where the entry came from: a bibliography file path or `front matter`. */
  readonly origin: string;
}

export type SourceKind =
  | 'link' // inline, reference-style, autolink or <a href> to an external URL
  | 'footnote' // GFM footnote [^1] or a Substack-style [1](…#footnote-1) link
  | 'numbered' // plain [1], [3, 4], [5-7] resolved against the document's numbered reference list
  | 'citation' // Pandoc [@key] / @key / [-@key]
  | 'dcite' // distill <d-cite key="…">
  | 'doi' // bare DOI in prose
  | 'arxiv' // bare arXiv id in prose
  | 'file'; // link to a local file that exists

/**
 * What kind of source it is, decided offline from what the source says (`sources/kinds.ts`):
 * a DOI or scholarly host is a `paper`, arXiv a `preprint`, a government host `official`, a
 * major outlet `news`, a blog or forum `blog`, a link into the document's own site `same-site`,
 * a footnote with no link or key a `note`, anything else `web`. Not to be confused with
 * `SourceKind`, which says how the citation is written.
 */
export type SourceType = 'paper' | 'preprint' | 'official' | 'news' | 'blog' | 'same-site' | 'note' | 'web';

/** One citation occurrence in the text. */
export interface Source {
  readonly kind: SourceKind;
  /** What kind of source it is (`preprint` for an arXiv link); see `SourceType`. */
  readonly type: SourceType;
  /** What the type was read from, shown beside it: `arxiv.org`, `Nature`, `footnote [^3]`. */
  readonly where?: string;
  /** The occurrence in the text: for `Claim: X [@smith2020]` the range of `@smith2020`. */
  readonly range: OffsetRange;
  /** Link text, footnote text, or the formatted bibliography entry. */
  readonly text?: string;
  readonly url?: string;
  /** Citation key (Pandoc, d-cite), footnote label, or the number of a numbered reference. */
  readonly key?: string;
  readonly locator?: string;
  /** Resolved bibliography entry for citation keys; `undefined` when unknown. */
  readonly entry?: BibEntry;
  /** For footnotes and numbered references: the definition's (entry's) range, where the source text is written. */
  readonly definitionRange?: OffsetRange;
  /** Pandoc in-text citation written without brackets (`@smith2020 argues`). */
  readonly inText?: boolean;
}

/** For `adversary=skilled`: the range of `adversary` and the range of `skilled`. */
export interface AttributeRange {
  readonly key: OffsetRange;
  readonly value: OffsetRange;
}

/**
 * A value inferred from the node's text for a declared attribute the node does not write
 * (`.warrant.yaml` `attributes: { layer: { cues: … } }`): for "RLHF makes refusals the default"
 * under `warrant:ai-risk`, `layer` is `{ value: 'model', cue: 'RLHF' }`. `cue` is the text that
 * triggered it, or `adversary=none` for a value derived from another attribute.
 */
export interface InferredAttribute {
  readonly value: string;
  readonly cue: string;
}

export interface ArgNode {
  readonly kind: NodeKind;
  /** Explicit `#id`, else the heading slug for headings; `undefined` for anonymous nodes. */
  readonly id?: string;
  readonly explicitId: boolean;
  readonly syntax: TagSyntax;
  readonly block: NodeBlock;
  /** The node's text with markup and tags stripped (first 500 characters for long sections). */
  readonly text: string;
  /** The whole scope: a heading's section, a block, a sentence. */
  readonly range: OffsetRange;
  /** What a diagnostic underlines: the heading text, the label and first sentence, the sentence. */
  readonly selectionRange: OffsetRange;
  /** The tag itself: `Claim 1:`, `<!-- claim #x -->`, `{.claim #x}`. */
  readonly tagRange: OffsetRange;
  /** `key=value` attributes from comment tags and Pandoc attributes, relations excluded. */
  readonly attributes: Readonly<Record<string, string>>;
  /** Where each of `attributes` is written; empty for labels without an attribute comment. */
  readonly attributeRanges: Readonly<Record<string, AttributeRange>>;
  /** Declared attributes the node does not write, inferred from its text; explicit values always win. */
  readonly inferred: Readonly<Record<string, InferredAttribute>>;
  readonly sources: readonly Source[];
  readonly relations: readonly Relation[];
  /** Index (in `DocumentModel.nodes`) of the tagged node that contains this one. */
  readonly parent?: number;
}

/** An internal link in the document: `[see](#x)` or `[see](other.md#x)`. */
export interface InternalLink {
  readonly target: NodeRef;
  readonly range: OffsetRange;
  readonly text: string;
}
