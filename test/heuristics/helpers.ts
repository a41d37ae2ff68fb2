/**
 * Test helpers: run the detector on a Markdown string with a stand-in citation collector
 * (external or site links, footnote references, `[@key]`), as the core will supply them.
 */
import type { Nodes } from 'mdast';
import { parseMarkdown } from '../../src/core/parse/markdown.js';
import type { OffsetRange } from '../../src/core/text/lineIndex.js';
import {
  defaultHeuristicOptions,
  detectSentences,
  mergeHeuristicOptions,
  type HeuristicOptions,
  type HeuristicSentence,
} from '../../src/core/heuristics/index.js';

export function citationsIn(text: string): OffsetRange[] {
  const { root } = parseMarkdown(text);
  const out: OffsetRange[] = [];
  const visit = (node: Nodes): void => {
    const pos = node.position;
    if (pos && (node.type === 'footnoteReference' || (node.type === 'link' && !node.url.startsWith('#')))) {
      out.push({ start: pos.start.offset!, end: pos.end.offset! });
    }
    if (pos && node.type === 'text') {
      for (const m of node.value.matchAll(/\[@[\w:-]+\]/g)) out.push({ start: pos.start.offset! + m.index, end: pos.start.offset! + m.index + m[0].length });
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(root);
  return out;
}

export function options(override?: unknown): HeuristicOptions {
  if (override === undefined) return defaultHeuristicOptions();
  const { options: merged, problems } = mergeHeuristicOptions(defaultHeuristicOptions(), override);
  if (problems.length > 0) throw new Error(JSON.stringify(problems));
  return merged;
}

/** Detect over a Markdown document. */
export function detect(text: string, opts: { override?: unknown; exclude?: OffsetRange[] } = {}): HeuristicSentence[] {
  const { root } = parseMarkdown(text);
  return detectSentences({ text, root, citations: citationsIn(text), exclude: opts.exclude ?? [], options: options(opts.override) });
}

/** The single sentence of a one-sentence document. */
export function one(sentence: string): HeuristicSentence {
  const found = detect(sentence);
  if (found.length !== 1) throw new Error(`expected one sentence in ${JSON.stringify(sentence)}, got ${found.map((s) => JSON.stringify(s.text)).join(', ')}`);
  return found[0]!;
}
