/**
 * What definition, references and rename act on: an explicit node id (where declared or where a
 * link or attribute points at it) or a citation key. Heading slugs are VS Code's Markdown
 * support's job and are left alone.
 */
import type { BibEntry } from '../core/model/types.js';
import type { OffsetRange } from '../core/text/lineIndex.js';
import { resolveUri } from '../core/workspace.js';
import { findNode, targetUri, type NodeAt } from './graph.js';
import { contains, declarationRange, keyRangeIn, referencesIn } from './locate.js';
import type { AnalyzedDocument, DocumentIndex, ServiceContext } from './types.js';

export type SymbolTarget =
  | { readonly kind: 'node'; readonly uri: string; readonly id: string; readonly at?: NodeAt; readonly range: OffsetRange }
  | { readonly kind: 'citation'; readonly key: string; readonly entry?: BibEntry; readonly range: OffsetRange };

export function symbolAt(doc: AnalyzedDocument, offset: number, ctx: ServiceContext): SymbolTarget | undefined {
  for (const s of doc.model.sources) {
    if ((s.kind === 'citation' || s.kind === 'dcite') && s.key && contains(s.range, offset)) {
      const range = keyRangeIn(doc.text, s.range, s.key) ?? s.range;
      const entry = s.entry ?? doc.model.bibliography.get(s.key);
      return { kind: 'citation', key: s.key, range, ...(entry ? { entry } : {}) };
    }
  }
  for (const [i, node] of doc.model.nodes.entries()) {
    const decl = declarationRange(doc, node);
    if (decl && node.id && contains(decl, offset)) return { kind: 'node', uri: doc.uri, id: node.id, at: { doc, node, index: i }, range: decl };
  }
  for (const ref of referencesIn(doc)) {
    if (!contains(ref.idRange, offset)) continue;
    const uri = targetUri(doc.uri, ref.target);
    if (!uri) return undefined;
    const at = findNode(ctx.index, uri, ref.target.id);
    if (at && !at.node.explicitId) return undefined; // a plain heading anchor: VS Code's Markdown support owns it
    return { kind: 'node', uri, id: ref.target.id, range: ref.idRange, ...(at ? { at } : {}) };
  }
  return undefined;
}

/** Every occurrence of a symbol in the workspace (declaration first when asked), as ranges of the id or key itself. */
export function occurrences(
  target: SymbolTarget,
  ctx: ServiceContext,
  includeDeclaration: boolean,
): { doc: AnalyzedDocument; range: OffsetRange }[] {
  const out: { doc: AnalyzedDocument; range: OffsetRange }[] = [];
  if (target.kind === 'node') {
    if (includeDeclaration && target.at) {
      const decl = declarationRange(target.at.doc, target.at.node);
      if (decl) out.push({ doc: target.at.doc, range: decl });
    }
    for (const doc of ctx.index.all()) {
      for (const ref of referencesIn(doc)) {
        if (ref.target.id === target.id && targetUri(doc.uri, ref.target) === target.uri) out.push({ doc, range: ref.idRange });
      }
    }
  } else {
    for (const doc of ctx.index.all()) {
      for (const s of doc.model.sources) {
        if ((s.kind === 'citation' || s.kind === 'dcite') && s.key === target.key) {
          const r = keyRangeIn(doc.text, s.range, s.key);
          if (r) out.push({ doc, range: r });
        }
      }
    }
  }
  return out;
}

/** The bibliography file an entry came from, as a URI; `undefined` for front-matter `references:`. */
export function entryFileUri(entry: BibEntry, fromUri: string): string | undefined {
  const origin = entry.origin;
  if (!origin || origin === 'front matter') return undefined;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(origin)) return origin;
  // An absolute path, as node:url's pathToFileURL writes it (the service also runs in a browser).
  if (origin.startsWith('/')) return `file://${encodeURI(origin).replace(/[?#]/g, encodeURIComponent)}`;
  return resolveUri(fromUri, origin);
}

/** Where `key` is defined in a bibliography text: BibTeX `@article{key,`, CSL-JSON `"id": "key"`, CSL-YAML `id: key`. */
export function keyRangeInBibliography(text: string, key: string): OffsetRange | undefined {
  const esc = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const patterns = [
    new RegExp(`@\\w+\\s*\\{\\s*(${esc})\\s*,`),
    new RegExp(`"id"\\s*:\\s*"(${esc})"`),
    new RegExp(`\\bid\\s*:\\s*["']?(${esc})["']?\\s*$`, 'm'),
  ];
  for (const re of patterns) {
    const m = re.exec(text);
    if (m) {
      const start = m.index + m[0].indexOf(m[1]!);
      return { start, end: start + key.length };
    }
  }
  return undefined;
}

/** The entry's definition: the bibliography file, or the document's own front matter. */
export function entryDefinition(
  entry: BibEntry,
  doc: AnalyzedDocument,
  index: DocumentIndex,
): { uri: string; text: string; range: OffsetRange } | undefined {
  const uri = entryFileUri(entry, doc.uri) ?? doc.uri;
  const text = uri === doc.uri ? doc.text : index.readText(uri);
  if (text === undefined) return undefined;
  const range = keyRangeInBibliography(text, entry.key);
  return range ? { uri, text, range } : undefined;
}
