/**
 * The web extension (`browser` in package.json), for vscode.dev, github.dev and any editor whose
 * extension host runs in a browser: the same language server, bundled for a web worker
 * (dist/web/server.js), reading other files through `vscode.workspace.fs` on its behalf
 * (`warrant/readFile`, `warrant/listFiles`). Not here: the argument map (Graphviz is loaded as a
 * Node module), the MCP server (needs a process) and the CLI.
 */
import * as vscode from 'vscode';
import { LanguageClient, type ServerOptions } from 'vscode-languageclient/browser';
import { LIST_FILES, MAX_FILE_BYTES, MAX_LISTED_FILES, READ_FILE, type ListFilesParams, type ListFilesResult, type ReadFileParams, type ReadFileResult } from '../web/protocol.js';
import { activateClient, clientOptions, validatedLanguages, type ClientHost } from './common.js';

/** The browser's Worker (the project builds without the DOM typings). */
declare const Worker: new (url: string) => ServerOptions;

let host: ClientHost<LanguageClient> | undefined;

const MARKDOWN = /\.(md|mkd|mdwn|mdown|markdown|markdn|mdtxt|mdtext|workbook|qmd)$/i;
const ALWAYS_EXCLUDED = ['**/node_modules/**', '**/.git/**', '**/vendor/**'];

export async function readFile({ uri }: ReadFileParams): Promise<ReadFileResult> {
  try {
    const target = vscode.Uri.parse(uri);
    const stat = await vscode.workspace.fs.stat(target);
    if (stat.type & vscode.FileType.Directory) return { text: null, kind: 'folder' };
    if (stat.size > MAX_FILE_BYTES) return { text: null, kind: 'none' };
    return { text: new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(target)), kind: 'file' };
  } catch {
    return { text: null, kind: 'none' };
  }
}

export async function listFiles({ folder, globs }: ListFilesParams): Promise<ListFilesResult> {
  const base = vscode.Uri.parse(folder);
  const include = globs.filter((g) => !g.startsWith('!'));
  const exclude = [...ALWAYS_EXCLUDED, ...globs.filter((g) => g.startsWith('!')).map((g) => g.slice(1).replace(/\/?$/, '/**'))];
  const found = new Map<string, vscode.Uri>();
  for (const glob of include) {
    const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(base, glob), new vscode.RelativePattern(base, `{${exclude.join(',')}}`), MAX_LISTED_FILES);
    for (const uri of uris) if (MARKDOWN.test(uri.path)) found.set(uri.toString(), uri);
  }
  const files = await Promise.all(
    [...found].slice(0, MAX_LISTED_FILES).map(async ([uri]) => {
      const r = await readFile({ uri });
      return r.text === null ? undefined : { uri, text: r.text };
    }),
  );
  return { files: files.filter((f): f is { uri: string; text: string } => f !== undefined) };
}

/**
 * Where the worker loads the server from. VS Code's web worker host cannot start a worker from a
 * `vscode-remote:` URL (code-server, Codespaces in the browser): there the script is read through
 * the editor and started from a blob. On vscode.dev and github.dev the extension's URL works.
 */
async function serverScriptUrl(context: vscode.ExtensionContext): Promise<string> {
  const main = vscode.Uri.joinPath(context.extensionUri, 'dist/web/server.js');
  if (main.scheme !== 'vscode-remote') return main.toString(true);
  const bytes = await vscode.workspace.fs.readFile(main);
  return URL.createObjectURL(new Blob([bytes], { type: 'text/javascript' }));
}

async function createClient(context: vscode.ExtensionContext): Promise<LanguageClient> {
  const worker = new Worker(await serverScriptUrl(context));
  // Every scheme: in a browser the files are on vscode-vfs (github.dev), vscode-remote, file, …
  const selector = validatedLanguages().map((language) => ({ language }));
  const c = new LanguageClient('warrant', 'Warrant', worker, clientOptions(selector));
  c.onRequest(READ_FILE, readFile);
  c.onRequest(LIST_FILES, listFiles);
  return c;
}

export async function activate(context: vscode.ExtensionContext): Promise<{ client: () => LanguageClient | undefined }> {
  // Hides the commands this host lacks (map, threat coverage). Not `isWeb`: that is also true in
  // code-server, whose Node extension host runs the desktop entry with every command.
  void vscode.commands.executeCommand('setContext', 'warrant.webHost', true);
  const warrant = activateClient(context, () => createClient(context));
  host = warrant;
  await warrant.start();
  return { client: warrant.client };
}

export async function deactivate(): Promise<void> {
  await host?.stop();
}
