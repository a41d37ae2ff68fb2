/**
 * The VS Code extension: starts the bundled language server over IPC and adds commands, the
 * status-bar count and settings. No analysis happens here; everything comes from the server.
 */
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { registerMarkdownValidationFix } from './markdownValidation.js';
import {
  CONFIG_TEMPLATE,
  LINT_WORKSPACE,
  LIST_RULES,
  OPEN_RULE_DOCS_COMMAND,
  SHOW_REFERENCES_COMMAND,
  ARGUMENT_MAP,
  REPORT,
  THREAT_MATRIX,
  type ThreatMatrixResult,
  type ArgumentMapResult,
  type LintWorkspaceResult,
  type RuleInfo,
} from '../service/protocol.js';
import { ArgumentMapView, REVEAL_NODE_COMMAND, revealNode } from './map/panel.js';
import { OPEN_REPORT_COMMAND, openReport, type ReportDeps } from './report.js';
import type { ReportData } from '../report/data.js';
import { ThreatCoverageView } from './threat/panel.js';

let client: LanguageClient | undefined;
let statusItem: vscode.StatusBarItem | undefined;

/** Files whose change can change findings: configs and bibliographies. */
const WATCHED = '**/{.warrant.yaml,.warrant.yml,*.bib,*.bibtex,*.json,*.yaml,*.yml}';

function validatedLanguages(): string[] {
  const langs = vscode.workspace.getConfiguration('warrant').get<string[]>('validate');
  return langs && langs.length > 0 ? langs : ['markdown', 'quarto'];
}

function createClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('dist/server.cjs');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const selector = validatedLanguages().flatMap((language) => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
  ]);
  const clientOptions: LanguageClientOptions = {
    documentSelector: selector,
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
  return new LanguageClient('warrant', 'Warrant', serverOptions, clientOptions);
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  if (!vscode.workspace.getConfiguration('warrant').get<boolean>('enable', true)) return;
  client = createClient(context);
  await client.start();
  updateStatus();
}

async function stopClient(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop().catch(() => undefined);
}

/** The active file's count of unsupported claims, read from the diagnostics the server sent. */
function updateStatus(): void {
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

function ruleIdOf(d: vscode.Diagnostic): string | undefined {
  const code = d.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

async function lintWorkspace(): Promise<void> {
  if (!client) return;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'Warrant: linting workspace' },
    () => client!.sendRequest<LintWorkspaceResult>(LINT_WORKSPACE, {}),
  );
  vscode.window.setStatusBarMessage(
    `Warrant: ${result.files} files, ${result.findings} findings, ${result.unsupportedClaims} unsupported claims`,
    8000,
  );
  await vscode.commands.executeCommand('workbench.actions.view.problems');
}

async function createConfig(): Promise<void> {
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

async function openRuleDocs(ruleOrUrl?: unknown): Promise<void> {
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

async function showReferences(uri: string, position: { line: number; character: number }, locations: unknown[]): Promise<void> {
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

export async function activate(context: vscode.ExtensionContext): Promise<{ client: () => LanguageClient | undefined }> {
  statusItem = vscode.window.createStatusBarItem('warrant.status', vscode.StatusBarAlignment.Right, 100);
  statusItem.name = 'Warrant';
  statusItem.command = 'workbench.actions.view.problems';
  const argumentMap = new ArgumentMapView({
    extensionUri: context.extensionUri,
    request: (params) => client?.sendRequest<ArgumentMapResult>(ARGUMENT_MAP, params),
    isArgumentDocument: (document) => validatedLanguages().includes(document.languageId),
  });
  const report: ReportDeps = {
    request: (params) => client?.sendRequest<ReportData | null>(REPORT, params),
    vizBundle: context.asAbsolutePath('dist/viz.cjs'),
    version: String(context.extension.packageJSON.version ?? ''),
    isArgumentDocument: (document) => validatedLanguages().includes(document.languageId),
  };
  const threatCoverage = new ThreatCoverageView({
    extensionUri: context.extensionUri,
    request: (params) => client?.sendRequest<ThreatMatrixResult>(THREAT_MATRIX, params),
    isArgumentDocument: (document) => validatedLanguages().includes(document.languageId),
  });
  context.subscriptions.push(
    argumentMap,
    threatCoverage,
    vscode.commands.registerCommand('warrant.showThreatCoverage', () => threatCoverage.show()),
    vscode.commands.registerCommand(OPEN_REPORT_COMMAND, (target?: vscode.Uri | 'file') => openReport(report, target)),
    vscode.commands.registerCommand('warrant.showArgumentMap', () => argumentMap.show()),
    vscode.commands.registerCommand('warrant.exportArgumentMap', (format?: string, target?: vscode.Uri) => argumentMap.export(format, target)),
    vscode.commands.registerCommand(REVEAL_NODE_COMMAND, revealNode),
    statusItem,
    vscode.commands.registerCommand('warrant.lintWorkspace', lintWorkspace),
    vscode.commands.registerCommand('warrant.restart', async () => {
      await stopClient();
      await startClient(context);
    }),
    vscode.commands.registerCommand('warrant.createConfig', createConfig),
    vscode.commands.registerCommand(OPEN_RULE_DOCS_COMMAND, openRuleDocs),
    vscode.commands.registerCommand(SHOW_REFERENCES_COMMAND, showReferences),
    registerMarkdownValidationFix(),
    vscode.languages.onDidChangeDiagnostics(updateStatus),
    vscode.window.onDidChangeActiveTextEditor(updateStatus),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      // The selector and the on/off switch are fixed at start; everything else the server re-reads itself.
      if (e.affectsConfiguration('warrant.enable') || e.affectsConfiguration('warrant.validate')) {
        await stopClient();
        await startClient(context);
      }
      if (e.affectsConfiguration('warrant')) updateStatus();
    }),
    { dispose: () => void stopClient() },
  );
  await startClient(context);
  return { client: () => client };
}

export async function deactivate(): Promise<void> {
  await stopClient();
}
