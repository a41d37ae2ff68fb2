/**
 * Rename an explicit node id (its declaration and every link and attribute pointing at it) or a
 * citation key (every citation and the bibliography entry), across the workspace.
 */
import { ResponseError, type Position, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { LineIndex } from '../core/text/lineIndex.js';
import { toRange } from './locate.js';
import { entryDefinition, occurrences, symbolAt, type SymbolTarget } from './symbolAt.js';
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
  const taken = name === (target.kind === 'node' ? target.id : target.key) ? undefined : takenBy(target, name, doc, ctx);
  if (taken) throw new ResponseError(-32602, `"${name}" is already ${taken}: renaming would make two of them; pick another name`);
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

/** Where `name` is already declared, in the words of the refusal; `undefined` when it is free. */
function takenBy(target: SymbolTarget, name: string, doc: AnalyzedDocument, ctx: ServiceContext): string | undefined {
  if (target.kind === 'citation') {
    const entry = doc.model.bibliography.get(name);
    return entry ? `a citation key in ${entry.origin}` : undefined;
  }
  const owner = target.uri === doc.uri ? doc : ctx.index.get(target.uri);
  if (!owner) return undefined;
  const where = (offset: number): string => `${owner.uri.slice(owner.uri.lastIndexOf('/') + 1)}:${owner.lineIndex.positionAt(offset).line + 1}`;
  const declared = owner.model.ids?.get(name);
  if (declared) return `an id in ${where(declared.range.start)}`;
  const node = owner.model.nodes.find((n) => n.id === name);
  return node ? `an id in ${where(node.tagRange.start)}` : undefined;
}
