/** Find all references of an explicit node id or a citation key across the workspace. */
import type { Location, Position } from 'vscode-languageserver';
import { toLocation } from './locate.js';
import { occurrences, symbolAt } from './symbolAt.js';
import type { AnalyzedDocument, ServiceContext } from './types.js';

export function getReferences(
  doc: AnalyzedDocument,
  position: Position,
  includeDeclaration: boolean,
  ctx: ServiceContext,
): Location[] | null {
  const target = symbolAt(doc, doc.lineIndex.offsetAt(position), ctx);
  if (!target) return null;
  return occurrences(target, ctx, includeDeclaration).map((o) => toLocation(o.doc, o.range));
}
