/**
 * Which MCP server definitions the extension offers (see mcp.ts): plain data, no editor API, so
 * the rules (setting, trust, local folders only) are unit-tested.
 */
/** What a definition needs, as plain data (unit-tested without an editor). */
export interface McpDefinitionSpec {
  readonly label: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly cwd: string;
  readonly version: string;
}

export interface McpInputs {
  readonly enabled: boolean;
  readonly trusted: boolean;
  /** Workspace folders as URIs (`file:///…`); other schemes have no folder a process can read. */
  readonly folders: readonly { readonly name: string; readonly uri: string; readonly fsPath: string }[];
  /** The runtime of the extension host: Node, or Electron run as Node. */
  readonly execPath: string;
  readonly serverScript: string;
  readonly version: string;
}

export function mcpDefinitions(inputs: McpInputs): McpDefinitionSpec[] {
  if (!inputs.enabled || !inputs.trusted) return [];
  const local = inputs.folders.filter((f) => f.uri.startsWith('file:'));
  return local.map((folder) => ({
    label: local.length > 1 ? `Warrant (${folder.name})` : 'Warrant',
    command: inputs.execPath,
    args: [inputs.serverScript],
    // The editor's own runtime as plain Node, so no separate Node install is needed.
    env: { ELECTRON_RUN_AS_NODE: '1' },
    cwd: folder.fsPath,
    version: inputs.version,
  }));
}
