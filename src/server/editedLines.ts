/**
 * Which lines one `textDocument/didChange` touched, for focus mode. Pure: LSP content changes in,
 * 0-based line numbers of the document *after* the change out.
 */
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

/**
 * The lines a batch of incremental changes wrote to, in the new document's coordinates, sorted.
 * Typing `[@oka` at the end of line 12 gives `[12]`; pasting two lines there gives `[12, 13]`;
 * a second change in the same batch shifts the lines of the first as the editor applies them in
 * order. `undefined` when a change replaces the whole text (no range): a reload or a formatter,
 * not typing, so nothing is being edited line by line.
 */
export function editedLines(changes: readonly TextDocumentContentChangeEvent[]): number[] | undefined {
  let lines = new Set<number>();
  for (const change of changes) {
    if (!('range' in change) || !change.range) return undefined;
    const { start, end } = change.range;
    const added = newlines(change.text);
    const delta = added - (end.line - start.line);
    const moved = new Set<number>();
    for (const line of lines) {
      if (line < start.line) moved.add(line);
      else if (line > end.line) moved.add(line + delta);
      else moved.add(start.line); // inside the replaced span: it collapses onto the change's first line
    }
    for (let line = start.line; line <= start.line + added; line++) moved.add(line);
    lines = moved;
  }
  return [...lines].sort((a, b) => a - b);
}

function newlines(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) n++; // a lone \r ends a line too
  }
  return n;
}
