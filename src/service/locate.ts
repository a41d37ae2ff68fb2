/** What is under the cursor: a node, a citation key, a reference to a node id. */
import type { OffsetRange } from '../core/text/lineIndex.js';
import type { ArgNode, InternalLink, NodeRef, Source } from '../core/model/types.js';
import type { Location, Range } from 'vscode-languageserver';
import type { AnalyzedDocument } from './types.js';

export const contains = (r: OffsetRange, offset: number): boolean => r.start <= offset && offset <= r.end;

export function toRange(doc: AnalyzedDocument, r: OffsetRange): Range {
  return doc.lineIndex.toRange(r) as Range;
}

export function toLocation(doc: AnalyzedDocument, r: OffsetRange): Location {
  return { uri: doc.uri, range: toRange(doc, r) };
}

/**
 * The innermost node whose label, heading or sentence (selection) or tag is under `offset`; for a
 * heading, its whole line (the `###` and `**` around the text too).
 */
export function nodeAt(doc: AnalyzedDocument, offset: number): { node: ArgNode; index: number } | undefined {
  let best: { node: ArgNode; index: number } | undefined;
  doc.model.nodes.forEach((node, index) => {
    const onHeadingLine = node.block === 'heading' && contains(lineOf(doc.text, node.selectionRange), offset);
    if (!onHeadingLine && !contains(node.selectionRange, offset) && !contains(node.tagRange, offset)) return;
    if (!best || node.range.end - node.range.start <= best.node.range.end - best.node.range.start) best = { node, index };
  });
  return best;
}

/** From the start of the line `r` starts on to the end of the line it ends on. */
function lineOf(text: string, r: OffsetRange): OffsetRange {
  const end = text.indexOf('\n', r.end);
  return { start: text.lastIndexOf('\n', r.start - 1) + 1, end: end < 0 ? text.length : end };
}

export function sourceAt(doc: AnalyzedDocument, offset: number): Source | undefined {
  return doc.model.sources.find((s) => contains(s.range, offset));
}

/** The range of `id` written after the last `#` inside `r` (`[see](other.md#x)` → range of `x`). */
export function idRangeIn(text: string, r: OffsetRange, id: string): OffsetRange | undefined {
  const slice = text.slice(r.start, r.end);
  let at = slice.lastIndexOf('#' + id);
  while (at >= 0) {
    const after = slice.charCodeAt(at + 1 + id.length);
    // the id must end there: `#x` must not match inside `#xy`
    if (Number.isNaN(after) || !/[\w.:-]/.test(String.fromCharCode(after))) return { start: r.start + at + 1, end: r.start + at + 1 + id.length };
    at = slice.lastIndexOf('#' + id, at - 1);
  }
  return undefined;
}

/** The range of a citation key inside a source occurrence (`[@smith2020, p. 3]` → `smith2020`). */
export function keyRangeIn(text: string, r: OffsetRange, key: string): OffsetRange | undefined {
  const slice = text.slice(r.start, r.end);
  const at = slice.indexOf(key);
  return at < 0 ? undefined : { start: r.start + at, end: r.start + at + key.length };
}

export interface RefOccurrence {
  readonly target: NodeRef;
  /** The whole link or attribute. */
  readonly range: OffsetRange;
  /** Just the id after `#`. */
  readonly idRange: OffsetRange;
}

/** Every place this document refers to a node id: links and relation attributes, deduplicated. */
export function referencesIn(doc: AnalyzedDocument): RefOccurrence[] {
  const out: RefOccurrence[] = [];
  const seen = new Set<number>();
  const add = (target: NodeRef, range: OffsetRange): void => {
    const idRange = idRangeIn(doc.text, range, target.id);
    if (!idRange || seen.has(idRange.start)) return;
    seen.add(idRange.start);
    out.push({ target, range, idRange });
  };
  for (const link of doc.model.internalLinks as readonly InternalLink[]) add(link.target, link.range);
  for (const node of doc.model.nodes) for (const rel of node.relations) if (rel.via !== 'containment') add(rel.target, rel.range);
  return out;
}

/** Where a node's explicit id is declared (`<!-- claim #x -->`, `{#x .claim}`): the range of `x`. */
export function declarationRange(doc: AnalyzedDocument, node: ArgNode): OffsetRange | undefined {
  if (!node.id) return undefined;
  if (node.explicitId) return idRangeIn(doc.text, node.tagRange, node.id) ?? idRangeIn(doc.text, node.range, node.id);
  return undefined;
}
