/**
 * The web worker's runtime (src/web): the real `startServer` with `browserDeps`, over a real
 * JSON-RPC connection whose client answers `warrant/readFile` and `warrant/listFiles` from files
 * on a virtual scheme, as the browser extension does through `vscode.workspace.fs` on github.dev.
 * Its findings must be the desktop server's on the same files.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Hover } from 'vscode-languageserver/node';
import { browserDeps } from '../../src/web/browserDeps.js';
import { LIST_FILES, READ_FILE, type ListFilesParams, type ListFilesResult, type ReadFileParams, type ReadFileResult } from '../../src/web/protocol.js';
import { at, FIXTURE_DIR, fixtureText, startHarness, type Harness } from '../server/harness.js';

const ROOT = 'vscode-vfs://github/warrant-dev/demo/';
const CONFIG = 'rules:\n  unsupported-claim: error\n';
const NAMES = ['lanes.md', 'replies.md', 'notes.md', 'refs.bib'];

/** The essays on a virtual scheme, plus a config in the folder above them. */
function virtualFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of NAMES) files.set(`${ROOT}essays/${name}`, fixtureText(name));
  files.set(`${ROOT}.warrant.yaml`, CONFIG);
  return files;
}

const summary = (ds: readonly Diagnostic[]) => ds.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character} ${d.severity}`).sort();

async function webHarness(files: Map<string, string>, reads: string[]): Promise<Harness> {
  return startHarness({
    rootUri: ROOT,
    depsFor: (connection) => browserDeps(connection),
    onRequest: {
      [READ_FILE]: ({ uri }: ReadFileParams): ReadFileResult => {
        reads.push(uri);
        const text = files.get(uri);
        if (text !== undefined) return { text, kind: 'file' };
        return [...files.keys()].some((k) => k.startsWith(uri.endsWith('/') ? uri : `${uri}/`)) ? { text: null, kind: 'folder' } : { text: null, kind: 'none' };
      },
      [LIST_FILES]: ({ folder }: ListFilesParams): ListFilesResult => ({
        files: [...files].filter(([uri]) => uri.startsWith(folder) && uri.endsWith('.md')).map(([uri, text]) => ({ uri, text })),
      }),
    },
  });
}

describe('web worker server (browserDeps) on a virtual workspace', function () {
  this.timeout(30_000);
  let desktop: Harness;
  let web: Harness;
  let dir: string;
  let expected: string[];
  const reads: string[] = [];
  const files = virtualFiles();
  const LANES = `${ROOT}essays/lanes.md`;

  before(async () => {
    // The same files on disk for the desktop (Node) server.
    dir = mkdtempSync(join(tmpdir(), 'warrant-web-'));
    cpSync(FIXTURE_DIR, join(dir, 'essays'), { recursive: true });
    writeFileSync(join(dir, '.warrant.yaml'), CONFIG);
    desktop = await startHarness({ rootDir: dir });
    const diskLanes = pathToFileURL(join(dir, 'essays', 'lanes.md')).href;
    const p = desktop.nextDiagnostics(diskLanes);
    desktop.open(diskLanes, fixtureText('lanes.md'));
    expected = summary((await p).diagnostics);
    web = await webHarness(files, reads);
  });
  after(() => {
    desktop?.close();
    web?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the desktop server finds what this test compares (an error from the config, no unknown key)', () => {
    assert.ok(expected.some((d) => d.startsWith('unsupported-claim@') && d.endsWith(' 1')), expected.join('\n'));
    assert.ok(!expected.some((d) => d.startsWith('unknown-citation-key')), expected.join('\n'));
  });

  it('publishes the desktop findings once the config and the bibliography have come through the client', async () => {
    const p = web.nextDiagnostics(LANES, (x) => JSON.stringify(summary(x.diagnostics)) === JSON.stringify(expected));
    web.open(LANES, files.get(LANES)!);
    const { diagnostics } = await p;
    assert.deepEqual(summary(diagnostics), expected);
    // Read through the client: the config above the folder and the bibliography the front matter names.
    assert.ok(reads.includes(`${ROOT}.warrant.yaml`), reads.join('\n'));
    assert.ok(reads.includes(`${ROOT}essays/refs.bib`), reads.join('\n'));
  });

  it('hover lists a claim’s sources and resolves the citation key from the bibliography', async () => {
    const lanes = files.get(LANES)!;
    const hover = (await web.client.sendRequest('textDocument/hover', { textDocument: { uri: LANES }, position: at(lanes, 'Protected lanes cut', 2) })) as Hover;
    const text = (hover.contents as { value: string }).value;
    assert.match(text, /2 sources/);
    assert.match(text, /https:\/\/example\.org\/lyon-corridors/);
    const cited = (await web.client.sendRequest('textDocument/hover', { textDocument: { uri: LANES }, position: at(lanes, '@rivera2019', 2) })) as Hover;
    assert.match((cited.contents as { value: string }).value, /Rivera/);
  });

  it('definition, rename and completion work across files on the virtual scheme; references as on the desktop', async () => {
    const lanes = files.get(LANES)!;
    const bib = `${ROOT}essays/refs.bib`;
    const def = (await web.client.sendRequest('textDocument/definition', { textDocument: { uri: LANES }, position: at(lanes, '@rivera2019', 2) })) as { uri: string }[];
    assert.deepEqual(def.map((l) => l.uri), [bib]);
    const edit = (await web.client.sendRequest('textDocument/rename', { textDocument: { uri: LANES }, position: at(lanes, '@rivera2019', 2), newName: 'rivera2019a' })) as { changes: Record<string, unknown[]> };
    assert.deepEqual(Object.keys(edit.changes).sort(), [bib, LANES].sort());
    // References as the desktop server gives them on the same files.
    const refsOf = async (h: Harness, uri: string) =>
      ((await h.client.sendRequest('textDocument/references', { textDocument: { uri }, position: at(lanes, '@rivera2019', 2), context: { includeDeclaration: true } })) as { uri: string; range: unknown }[]).map((r) => ({ file: r.uri.replace(/^.*\/essays\//, ''), range: r.range }));
    const refs = await refsOf(web, LANES);
    assert.ok(refs.length > 0);
    assert.deepEqual(refs, await refsOf(desktop, pathToFileURL(join(dir, 'essays', 'lanes.md')).href));
    const text = lanes.replace('Drivers read paint as a suggestion, and riders know it.', 'Painted lines do little for injuries [@');
    web.change(LANES, 2, text);
    const list = (await web.client.sendRequest('textDocument/completion', { textDocument: { uri: LANES }, position: at(text, 'injuries [@', 11) })) as { items: { label: string }[] };
    assert.deepEqual(list.items.map((i) => i.label).sort(), ['lindqvist2018', 'okafor2021', 'rivera2019']);
    web.change(LANES, 3, lanes);
  });

  it('a bibliography changed in the editor is read again (file watcher → refresh → re-lint)', async () => {
    files.set(`${ROOT}essays/refs.bib`, '% emptied\n');
    const p = web.nextDiagnostics(LANES, (x) => x.diagnostics.some((d) => d.code === 'unknown-citation-key'));
    void web.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `${ROOT}essays/refs.bib`, type: 2 }] });
    const { diagnostics } = await p;
    assert.ok(diagnostics.some((d) => d.code === 'unknown-citation-key' && JSON.stringify(d.message).includes('rivera2019')), JSON.stringify(diagnostics));
  });
});
