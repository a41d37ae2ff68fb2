/**
 * The VS Code extension: starts the bundled language server over IPC and adds commands, the
 * status-bar count and settings. No analysis happens here; everything comes from the server.
 */
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { registerMarkdownValidationFix } from './markdownValidation.js';
import {
  OPEN_RULE_DOCS_COMMAND,
  SHOW_REFERENCES_COMMAND,
  ARGUMENT_MAP,
  REPORT,
  THREAT_MATRIX,
  type ThreatMatrixResult,
  type ArgumentMapResult,
} from '../service/protocol.js';
import { clientOptions, createConfig, lintWorkspace, openRuleDocs, showReferences, updateStatus as showStatus, validatedLanguages } from './common.js';
import { ArgumentMapView } from './map/panel.js';
import { OPEN_REPORT_COMMAND, openReport, type ReportDeps } from './report.js';
import type { ReportData } from '../report/data.js';
import { registerMcpServer } from './mcp.js';
import type { McpDefinitionSpec } from './mcpDefinitions.js';
import { ThreatCoverageView } from './threat/panel.js';
import { REVEAL_NODE_COMMAND, revealNode } from './webviewPanel.js';

let client: LanguageClient | undefined;
let statusItem: vscode.StatusBarItem | undefined;

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
  return new LanguageClient('warrant', 'Warrant', serverOptions, clientOptions(selector));
}

const updateStatus = (): void => showStatus(statusItem, client);

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

export async function activate(
  context: vscode.ExtensionContext,
): Promise<{ client: () => LanguageClient | undefined; mcpServers: () => { registered: boolean; servers: McpDefinitionSpec[] } }> {
  statusItem = vscode.window.createStatusBarItem('warrant.status', vscode.StatusBarAlignment.Right, 100);
  statusItem.name = 'Warrant';
  statusItem.command = 'workbench.actions.view.problems';
  const mcp = registerMcpServer(context);
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
    vscode.commands.registerCommand('warrant.lintWorkspace', () => lintWorkspace(client)),
    vscode.commands.registerCommand('warrant.restart', async () => {
      await stopClient();
      await startClient(context);
    }),
    vscode.commands.registerCommand('warrant.createConfig', () => createConfig(client)),
    vscode.commands.registerCommand(OPEN_RULE_DOCS_COMMAND, (ruleOrUrl?: unknown) => openRuleDocs(client, ruleOrUrl)),
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
    ...mcp.disposables,
  );
  await startClient(context);
  return { client: () => client, mcpServers: () => ({ registered: mcp.registered, servers: mcp.specs() }) };
}

export async function deactivate(): Promise<void> {
  await stopClient();
}
