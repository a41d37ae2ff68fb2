/**
 * Rename an explicit node id (its declaration and every link and attribute pointing at it) or a
 * citation key (every citation and the bibliography entry), across the workspace.
 */
import { ResponseError, type Position, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { LineIndex } from '../core/text/lineIndex.js';
import { toRange } from './locate.js';
import { entryDefinition, occurrences, symbolAt } from './symbolAt.js';
import type { AnalyzedDocument, ServiceContext } from './types.js';

const VALID_ID = /^[\p{L}\p{N}_][\p{L}\p{N}_:.-]*$/u;
const VALID_KEY = /^[\p{L}\p{N}_](?:[\p{L}\p{N}_:.#$%&+?<>~/-]*[\p{L}\p{N}_])?$/u;

export function prepareRename(doc: AnalyzedDocument, position: Position, ctx: ServiceContext): { range: Range; placeholder: string } | null {
  const target = symbolAt(doc, doc.lineIndex.offsetAt(position), ctx);
  if (!target) return null;
  if (target.kind === 'node' && !target.at) return null;
  return { range: toRange(doc, target.range), placeholder: target.kind === 'node' ? target.id : target.key };
}

export function rename(doc: AnalyzedDocument, position: Position, newName: string, ctx: ServiceContext): WorkspaceEdit | null {
  const target = symbolAt(doc, doc.lineIndex.offsetAt(position), ctx);
  if (!target || (target.kind === 'node' && !target.at)) return null;
  const name = newName.replace(/^[#@]/, '');
  if (!(target.kind === 'node' ? VALID_ID : VALID_KEY).test(name)) {
    throw new ResponseError(-32602, `"${newName}" is not a valid ${target.kind === 'node' ? 'id' : 'citation key'}`);
  }
  const changes: Record<string, TextEdit[]> = {};
  const add = (uri: string, range: Range): void => {
    const list = (changes[uri] ??= []);
    if (!list.some((e) => e.range.start.line === range.start.line && e.range.start.character === range.start.character)) list.push({ range, newText: name });
  };
  for (const o of occurrences(target, ctx, true)) add(o.doc.uri, toRange(o.doc, o.range));
  if (target.kind === 'citation' && target.entry) {
    const def = entryDefinition(target.entry, doc, ctx.index);
    if (def) add(def.uri, (def.uri === doc.uri ? doc.lineIndex : new LineIndex(def.text)).toRange(def.range) as Range);
  }
  return { changes };
}
