/**
 * Offers `warrant mcp` to the editor's agent mode as an MCP server definition, one per local
 * workspace folder, so an agent finds Warrant's tools with no set-up. Behind `warrant.mcp.enable`
 * (on by default), and never in an untrusted workspace: an agent there should not be handed a tool
 * that reads the workspace until the user trusts it. The API arrived in VS Code 1.101; on older
 * editors this does nothing.
 */
import * as vscode from 'vscode';
import { mcpDefinitions, type McpDefinitionSpec } from './mcpDefinitions.js';

/** The part of the 1.101 API used here (the project builds against older typings). */
interface McpApi {
  registerMcpServerDefinitionProvider(
    id: string,
    provider: { onDidChangeMcpServerDefinitions: vscode.Event<void>; provideMcpServerDefinitions(): unknown[] },
  ): vscode.Disposable;
}
type StdioDefinition = new (label: string, command: string, args?: string[], env?: Record<string, string>, version?: string) => { cwd?: vscode.Uri };

export const MCP_PROVIDER_ID = 'warrant.mcp';

/**
 * Registers the provider; `specs` is what it offers now (the extension's API returns it, so the
 * extension-host test can start the server VS Code would start). `registered` is false on editors
 * without the MCP API.
 */
export function registerMcpServer(context: vscode.ExtensionContext): { disposables: vscode.Disposable[]; specs: () => McpDefinitionSpec[]; registered: boolean } {
  const specs = (): McpDefinitionSpec[] =>
    mcpDefinitions({
      enabled: vscode.workspace.getConfiguration('warrant').get<boolean>('mcp.enable', true),
      trusted: vscode.workspace.isTrusted,
      folders: (vscode.workspace.workspaceFolders ?? []).map((f) => ({ name: f.name, uri: f.uri.toString(), fsPath: f.uri.fsPath })),
      execPath: process.execPath,
      serverScript: context.asAbsolutePath('dist/mcp.cjs'),
      version: String(context.extension.packageJSON.version ?? '0.0.0'),
    });
  const lm = (vscode as unknown as { lm?: Partial<McpApi> }).lm;
  const Definition = (vscode as unknown as { McpStdioServerDefinition?: StdioDefinition }).McpStdioServerDefinition;
  if (!lm?.registerMcpServerDefinitionProvider || !Definition) return { disposables: [], specs, registered: false };
  const changed = new vscode.EventEmitter<void>();
  const provider = {
    onDidChangeMcpServerDefinitions: changed.event,
    provideMcpServerDefinitions: () =>
      specs().map((spec) => {
        const d = new Definition(spec.label, spec.command, [...spec.args], { ...spec.env }, spec.version);
        d.cwd = vscode.Uri.file(spec.cwd);
        return d;
      }),
  };
  const disposables = [
    changed,
    lm.registerMcpServerDefinitionProvider(MCP_PROVIDER_ID, provider),
    vscode.workspace.onDidGrantWorkspaceTrust(() => changed.fire()),
    vscode.workspace.onDidChangeWorkspaceFolders(() => changed.fire()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('warrant.mcp.enable')) changed.fire();
    }),
  ];
  return { disposables, specs, registered: true };
}
