/**
 * The one bound on how deep an mdast tree may be. Every walk over the tree (ours in
 * `recognizers/`, `sources/`, `heuristics/`, `directives.ts`, and `mdast-util-to-string`'s) recurses
 * once per level; about 2,000 nested `>` or `- ` on one line used to overflow the stack and abort
 * the whole run. Cutting the tree here, once, right after parsing, bounds all of them at once,
 * including walks written later.
 */
import type { Nodes, Parent, Root } from 'mdast';
import type { OffsetRange } from '../text/lineIndex.js';

/**
 * Deepest level kept (the root is level 0). Real documents stay under 30; one nested list level
 * costs two (`list` → `listItem`), so this allows about 60 nested lists or 120 nested quotes, and
 * keeps even a walk that spends ten stack frames per level far from Node's limit.
 */
export const MAX_TREE_DEPTH = 128;

/**
 * Drop the children of every node at `maxDepth`, without recursion. Returns the range of the first
 * node (in document order) whose children were dropped, or `undefined` when the tree was shallow
 * enough.
 *
 * @example for 200 × `> ` then `x` on one line, the block quotes from level 128 down are cut and
 * the range of the quote at level 128 is returned.
 */
export function boundTreeDepth(root: Root, maxDepth = MAX_TREE_DEPTH): OffsetRange | undefined {
  let first: OffsetRange | undefined;
  const stack: { node: Nodes; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    // A node cut in an earlier parse may come back through the editor's incremental parse: it
    // carries a mark, so its finding comes back too.
    const cutBefore = (node.data as { warrantCut?: boolean } | undefined)?.warrantCut === true;
    if (!cutBefore && (!('children' in node) || node.children.length === 0)) continue;
    if (depth >= maxDepth || cutBefore) {
      const start = node.position?.start.offset ?? 0;
      if (!first || start < first.start) first = { start, end: node.position?.end.offset ?? start };
      (node as Parent).children = [];
      node.data = { ...node.data, warrantCut: true } as typeof node.data;
      continue;
    }
    for (const child of (node as Parent).children as Nodes[]) stack.push({ node: child, depth: depth + 1 });
  }
  return first;
}
