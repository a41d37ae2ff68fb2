/** What the server tells the client it can do, and the files it asks the client to watch. */
import { CodeActionKind, TextDocumentSyncKind, type InitializeResult } from 'vscode-languageserver';

export const WATCH_GLOBS = ['**/.warrant.{yaml,yml}', '**/*.{bib,bibtex,json,yaml,yml}', '**/*.{md,markdown,qmd}'];

export function serverCapabilities(pullDiagnostics: boolean): InitializeResult {
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      hoverProvider: true,
      codeLensProvider: { resolveProvider: false },
      completionProvider: { triggerCharacters: ['#', '@'], resolveProvider: false },
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      workspaceSymbolProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix], resolveProvider: false },
      ...(pullDiagnostics ? { diagnosticProvider: { identifier: 'warrant', interFileDependencies: true, workspaceDiagnostics: false } } : {}),
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'warrant-language-server' },
  };
}
