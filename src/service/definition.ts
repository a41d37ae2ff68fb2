/** Go to definition for explicit node ids and citation keys (the bibliography entry). */
import type { Location, Position } from 'vscode-languageserver';
import { LineIndex } from '../core/text/lineIndex.js';
import { declarationRange, toLocation } from './locate.js';
import { entryDefinition, symbolAt } from './symbolAt.js';
import type { AnalyzedDocument, ServiceContext } from './types.js';

export function getDefinition(doc: AnalyzedDocument, position: Position, ctx: ServiceContext): Location[] | null {
  const target = symbolAt(doc, doc.lineIndex.offsetAt(position), ctx);
  if (!target) return null;
  if (target.kind === 'node') {
    if (!target.at) return null;
    const { doc: d, node } = target.at;
    return [toLocation(d, declarationRange(d, node) ?? node.selectionRange)];
  }
  if (!target.entry) return null;
  const def = entryDefinition(target.entry, doc, ctx.index);
  if (!def) return null;
  const li = def.uri === doc.uri ? doc.lineIndex : new LineIndex(def.text);
  return [{ uri: def.uri, range: li.toRange(def.range) as Location['range'] }];
}
