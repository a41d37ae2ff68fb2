/**
 * What the desktop extension (extension.ts, Node) and the web extension (browserExtension.ts, a
 * browser worker) share: starting and restarting the language client, the status-bar count,
 * commands that only talk to the server or to `vscode.workspace.fs`, and the settings they read.
 * Nothing here may import Node or the Node language client: the web bundle includes this file.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient, DocumentSelector, LanguageClientOptions } from 'vscode-languageclient';
import { CONFIG_TEMPLATE, LINT_WORKSPACE, LIST_RULES, OPEN_RULE_DOCS_COMMAND, SHOW_REFERENCES_COMMAND, type LintWorkspaceResult, type RuleInfo } from '../service/protocol.js';
import { registerMarkdownValidationFix } from './markdownValidation.js';

export type ClientRef = () => BaseLanguageClient | undefined;

/** Files whose change can change findings: configs and bibliographies. */
export const WATCHED = '**/{.warrant.yaml,.warrant.yml,*.bib,*.bibtex,*.json,*.yaml,*.yml}';

export function validatedLanguages(): string[] {
  const langs = vscode.workspace.getConfiguration('warrant').get<string[]>('validate');
  return langs && langs.length > 0 ? langs : ['markdown', 'quarto'];
}

/** The active file's count of unsupported claims, read from the diagnostics the server sent. */
export function updateStatus(statusItem: vscode.StatusBarItem | undefined, client: BaseLanguageClient | undefined): void {
  if (!statusItem) return;
  const editor = vscode.window.activeTextEditor;
  if (!client || !editor || !validatedLanguages().includes(editor.document.languageId)) {
    statusItem.hide();
    return;
  }
  const diagnostics = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'warrant');
  const unsupported = diagnostics.filter((d) => ruleIdOf(d) === 'unsupported-claim').length;
  statusItem.text = unsupported === 0 ? '$(check) Warrant' : `$(warning) ${unsupported} unsupported`;
  statusItem.tooltip =
    unsupported === 0
      ? `Warrant: no unsupported claims (${diagnostics.length} findings)`
      : `Warrant: ${unsupported} unsupported claim${unsupported === 1 ? '' : 's'} in this file (${diagnostics.length} findings); click for Problems`;
  statusItem.show();
}

export function ruleIdOf(d: vscode.Diagnostic): string | undefined {
  const code = d.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export async function lintWorkspace(client: BaseLanguageClient | undefined): Promise<void> {
  if (!client) return;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'Warrant: linting workspace' },
    () => client.sendRequest<LintWorkspaceResult>(LINT_WORKSPACE, {}),
  );
  vscode.window.setStatusBarMessage(
    `Warrant: ${result.files} files, ${result.findings} findings, ${result.unsupportedClaims} unsupported claims`,
    8000,
  );
  await vscode.commands.executeCommand('workbench.actions.view.problems');
}

export async function createConfig(client: BaseLanguageClient | undefined): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    vscode.window.setStatusBarMessage('Warrant: open a folder first', 5000);
    return;
  }
  const target = vscode.Uri.joinPath(folder.uri, '.warrant.yaml');
  let exists = true;
  try {
    await vscode.workspace.fs.stat(target);
  } catch {
    exists = false;
  }
  if (!exists) {
    const template = client ? await client.sendRequest<string>(CONFIG_TEMPLATE, {}) : '# Warrant configuration\n';
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(template));
  }
  await vscode.window.showTextDocument(target);
}

export async function openRuleDocs(client: BaseLanguageClient | undefined, ruleOrUrl?: unknown): Promise<void> {
  let rules: RuleInfo[] = [];
  if (client) rules = await client.sendRequest<RuleInfo[]>(LIST_RULES, {}).catch(() => []);
  let url: string | undefined;
  if (typeof ruleOrUrl === 'string') {
    url = /^[a-z]+:/.test(ruleOrUrl) ? ruleOrUrl : rules.find((r) => r.id === ruleOrUrl)?.docsUrl;
  } else {
    const pick = await vscode.window.showQuickPick(
      rules.map((r) => ({ label: r.id, description: r.defaultSeverity, detail: r.description, url: r.docsUrl })),
      { placeHolder: 'Open the documentation of a Warrant rule' },
    );
    url = pick?.url;
  }
  if (!url) return;
  const uri = vscode.Uri.parse(url);
  if (uri.scheme === 'file') await vscode.commands.executeCommand('markdown.showPreview', uri);
  else await vscode.env.openExternal(uri);
}

export async function showReferences(uri: string, position: { line: number; character: number }, locations: unknown[]): Promise<void> {
  const toLocation = (l: any) =>
    new vscode.Location(
      vscode.Uri.parse(l.uri),
      new vscode.Range(l.range.start.line, l.range.start.character, l.range.end.line, l.range.end.character),
    );
  await vscode.commands.executeCommand(
    'editor.action.showReferences',
    vscode.Uri.parse(uri),
    new vscode.Position(position.line, position.character),
    locations.map(toLocation),
  );
}

/** The client options both hosts use; only the documents they can serve differ. */
export function clientOptions(documentSelector: DocumentSelector): LanguageClientOptions {
  return {
    documentSelector,
    synchronize: {
      configurationSection: 'warrant',
      fileEvents: vscode.workspace.createFileSystemWatcher(WATCHED),
    },
    diagnosticCollectionName: 'warrant',
    // No popups, ever (CONVENTIONS §18): problems go to the output channel only.
    revealOutputChannelOn: 4 /* RevealOutputChannelOn.Never */,
    middleware: {
      provideCodeLenses: (document, token, next) =>
        vscode.workspace.getConfiguration('warrant', document).get<boolean>('codeLens.enable', true)
          ? next(document, token)
          : [],
    },
  };
}

/** The language client of one extension host, started and stopped through it. */
export interface ClientHost<C extends BaseLanguageClient> {
  /** The running client; `undefined` before the start, while restarting, and with `warrant.enable: false`. */
  readonly client: () => C | undefined;
  /** Starts a client, unless `warrant.enable` is off. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * What both hosts do on activation, before their own commands: the status-bar item, the commands
 * that only talk to the server (lint workspace, restart, create config, rule docs, references),
 * the Markdown-validation fix, the status updates, and a restart when `warrant.enable` or
 * `warrant.validate` changes. All of it goes into `context.subscriptions`; the caller adds its
 * own and then calls `start()`. `createClient` makes the host's client (IPC to a Node server, or a
 * web worker).
 */
export function activateClient<C extends BaseLanguageClient>(context: vscode.ExtensionContext, createClient: () => C | Promise<C>): ClientHost<C> {
  let client: C | undefined;
  const statusItem = vscode.window.createStatusBarItem('warrant.status', vscode.StatusBarAlignment.Right, 100);
  statusItem.name = 'Warrant';
  statusItem.command = 'workbench.actions.view.problems';
  const update = (): void => updateStatus(statusItem, client);
  const start = async (): Promise<void> => {
    if (!vscode.workspace.getConfiguration('warrant').get<boolean>('enable', true)) return;
    client = await createClient();
    await client.start();
    update();
  };
  const stop = async (): Promise<void> => {
    const c = client;
    client = undefined;
    if (c) await c.stop().catch(() => undefined);
  };
  const restart = async (): Promise<void> => {
    await stop();
    await start();
  };
  context.subscriptions.push(
    statusItem,
    vscode.commands.registerCommand('warrant.lintWorkspace', () => lintWorkspace(client)),
    vscode.commands.registerCommand('warrant.restart', restart),
    vscode.commands.registerCommand('warrant.createConfig', () => createConfig(client)),
    vscode.commands.registerCommand(OPEN_RULE_DOCS_COMMAND, (ruleOrUrl?: unknown) => openRuleDocs(client, ruleOrUrl)),
    vscode.commands.registerCommand(SHOW_REFERENCES_COMMAND, showReferences),
    registerMarkdownValidationFix(),
    vscode.languages.onDidChangeDiagnostics(update),
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      // The selector and the on/off switch are fixed at start; everything else the server re-reads itself.
      if (e.affectsConfiguration('warrant.enable') || e.affectsConfiguration('warrant.validate')) await restart();
      if (e.affectsConfiguration('warrant')) update();
    }),
    { dispose: () => void stop() },
  );
  return { client: () => client, start, stop };
}
