/**
 * The VS Code extension: starts the bundled language server over IPC and adds commands, the
 * status-bar count and settings. No analysis happens here; everything comes from the server.
 * What the web extension does too is in `common.ts`; here are the desktop's own parts: the
 * server over Node IPC, the argument map (Graphviz in the extension host), threat coverage, the
 * report, and the MCP server definition.
 */
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type ServerOptions,
} from 'vscode-languageclient/node';
import {
  ARGUMENT_MAP,
  REPORT,
  THREAT_MATRIX,
  type ThreatMatrixResult,
  type ArgumentMapResult,
} from '../service/protocol.js';
import { activateClient, clientOptions, validatedLanguages, type ClientHost } from './common.js';
import { ArgumentMapView } from './map/panel.js';
import { OPEN_REPORT_COMMAND, openReport, type ReportDeps } from './report.js';
import type { ReportData } from '../report/data.js';
import { registerMcpServer } from './mcp.js';
import type { McpDefinitionSpec } from './mcpDefinitions.js';
import { ThreatCoverageView } from './threat/panel.js';
import { REVEAL_NODE_COMMAND, revealNode } from './webviewPanel.js';

let host: ClientHost<LanguageClient> | undefined;

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

export async function activate(
  context: vscode.ExtensionContext,
): Promise<{ client: () => LanguageClient | undefined; mcpServers: () => { registered: boolean; servers: McpDefinitionSpec[] } }> {
  const warrant = activateClient(context, () => createClient(context));
  host = warrant;
  const client = warrant.client;
  const mcp = registerMcpServer(context);
  const argumentMap = new ArgumentMapView({
    extensionUri: context.extensionUri,
    request: (params) => client()?.sendRequest<ArgumentMapResult>(ARGUMENT_MAP, params),
    isArgumentDocument: (document) => validatedLanguages().includes(document.languageId),
  });
  const report: ReportDeps = {
    request: (params) => client()?.sendRequest<ReportData | null>(REPORT, params),
    vizBundle: context.asAbsolutePath('dist/viz.cjs'),
    version: String(context.extension.packageJSON.version ?? ''),
    isArgumentDocument: (document) => validatedLanguages().includes(document.languageId),
  };
  const threatCoverage = new ThreatCoverageView({
    extensionUri: context.extensionUri,
    request: (params) => client()?.sendRequest<ThreatMatrixResult>(THREAT_MATRIX, params),
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
    ...mcp.disposables,
  );
  await warrant.start();
  return { client, mcpServers: () => ({ registered: mcp.registered, servers: mcp.specs() }) };
}

export async function deactivate(): Promise<void> {
  await host?.stop();
}
