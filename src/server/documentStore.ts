/**
 * The documents the editor has open: their text and version (LSP document sync), and, for focus
 * mode, the lines each incremental `didChange` wrote. Also the `Workspace` the engine reads
 * through: an open buffer first, then the disk.
 */
import { TextDocuments, type Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Workspace } from '../core/workspace.js';
import type { ServerDeps } from './analyzer.js';
import { editedLines } from './editedLines.js';
import type { ServerSettings } from './settings.js';

export const MARKDOWN_FILE = /\.(md|mkd|mdwn|mdown|markdown|markdn|mdtxt|mdtext|workbook|qmd)$/i;

export class DocumentStore {
  readonly documents: TextDocuments<TextDocument>;
  /** The lines of each open document's latest edit, cleared on save: focus mode hides prose findings there. */
  private readonly focusLines = new Map<string, readonly number[]>();
  readonly workspace: Workspace;

  constructor(disk: Pick<ServerDeps, 'readFile' | 'exists'>) {
    this.documents = new TextDocuments<TextDocument>({
      create: TextDocument.create,
      update: (document, changes, version) => {
        const lines = editedLines(changes);
        if (lines) this.focusLines.set(document.uri, lines);
        else this.focusLines.delete(document.uri);
        return TextDocument.update(document, changes, version);
      },
    });
    this.workspace = {
      readText: (uri) => this.documents.get(uri)?.getText() ?? disk.readFile(uri),
      exists: (uri) => this.documents.get(uri) !== undefined || disk.exists(uri),
    };
  }

  get(uri: string): TextDocument | undefined {
    return this.documents.get(uri);
  }

  /** Open documents Warrant lints (Markdown and Quarto). */
  markdown(): TextDocument[] {
    return this.documents.all().filter(isMarkdown);
  }

  /** The lines focus mode hides prose findings on; none with `run: onSave`, whose findings only change on save anyway. */
  focusOf(uri: string, settings: ServerSettings): readonly number[] {
    return settings.focusMode && settings.run === 'onType' ? (this.focusLines.get(uri) ?? []) : [];
  }

  /** Saved or closed: nothing is being edited. True when some lines were. */
  clearFocus(uri: string): boolean {
    return this.focusLines.delete(uri);
  }

  listen(connection: Connection): void {
    this.documents.listen(connection);
  }
}

export function isMarkdown(d: TextDocument): boolean {
  return MARKDOWN_FILE.test(d.uri) || d.languageId === 'markdown' || d.languageId === 'quarto';
}
