/**
 * What the web worker's language server asks the extension for, since a browser worker has no
 * disk: the client answers through `vscode.workspace.fs` and `vscode.workspace.findFiles`, so
 * the same server works on vscode.dev's local folders, github.dev's repositories and
 * code-server's remote files.
 */

/** `warrant/readFile`: one file's text, or `null` (missing, a folder, unreadable, too large). */
export const READ_FILE = 'warrant/readFile';
export interface ReadFileParams {
  readonly uri: string;
}
export interface ReadFileResult {
  readonly text: string | null;
  /** `folder` for a folder (a link to one counts as existing). */
  readonly kind: 'file' | 'folder' | 'none';
}

/** `warrant/listFiles`: the Markdown files under a workspace folder, with their text. */
export const LIST_FILES = 'warrant/listFiles';
export interface ListFilesParams {
  readonly folder: string;
  /** `warrant.lintWorkspaceGlobs`: globs relative to the folder, `!` to exclude. */
  readonly globs: readonly string[];
}
export interface ListFilesResult {
  readonly files: readonly { readonly uri: string; readonly text: string }[];
}

/** Files larger than this are not read for the worker (as the desktop server's linked-file limit). */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;
/** At most this many files are listed per folder. */
export const MAX_LISTED_FILES = 5000;
