import assert from 'node:assert/strict';
import { mcpDefinitions, type McpInputs } from '../../src/client/mcpDefinitions.js';

const base: McpInputs = {
  enabled: true,
  trusted: true,
  folders: [{ name: 'essays', uri: 'file:///home/u/essays', fsPath: '/home/u/essays' }],
  execPath: '/opt/code/code',
  serverScript: '/ext/dist/mcp.cjs',
  version: '0.1.0',
};

describe('client: MCP server definitions', () => {
  it('one stdio server per local folder, run by the editor’s own runtime as Node', () => {
    assert.deepEqual(mcpDefinitions(base), [
      { label: 'Warrant', command: '/opt/code/code', args: ['/ext/dist/mcp.cjs'], env: { ELECTRON_RUN_AS_NODE: '1' }, cwd: '/home/u/essays', version: '0.1.0' },
    ]);
  });

  it('names each folder when there are several, and skips folders that are not on disk', () => {
    const folders = [...base.folders, { name: 'notes', uri: 'file:///home/u/notes', fsPath: '/home/u/notes' }, { name: 'remote', uri: 'vscode-vfs://github/o/r', fsPath: '/r' }];
    assert.deepEqual(mcpDefinitions({ ...base, folders }).map((d) => [d.label, d.cwd]), [
      ['Warrant (essays)', '/home/u/essays'],
      ['Warrant (notes)', '/home/u/notes'],
    ]);
  });

  it('offers nothing when the setting is off or the workspace is not trusted', () => {
    assert.deepEqual(mcpDefinitions({ ...base, enabled: false }), []);
    assert.deepEqual(mcpDefinitions({ ...base, trusted: false }), []);
  });
});
