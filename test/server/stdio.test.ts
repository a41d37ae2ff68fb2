/**
 * `warrant-language-server --stdio` driven by a plain JSON-RPC client (no LSP library), the way
 * Neovim, Helix or Emacs talk to it. Needs `dist/server.cjs` (`npm run build`).
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { at, FIXTURE_DIR, fixtureText, fixtureUri } from './harness.js';
import { JsonRpcProcess, type Message } from './jsonrpc.js';
import { bigEssay } from './bigEssay.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = `${ROOT}bin/warrant-language-server.cjs`;

function ensureBuilt(): void {
  if (!existsSync(`${ROOT}dist/server.cjs`)) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
}

async function startServer(settings: Record<string, unknown> = {}): Promise<JsonRpcProcess> {
  const p = new JsonRpcProcess(process.execPath, [BIN, '--stdio'], ROOT);
  await p.request('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(FIXTURE_DIR).href,
    capabilities: { textDocument: { hover: { contentFormat: ['markdown'] }, publishDiagnostics: { versionSupport: true } } },
    initializationOptions: { settings },
  });
  p.notify('initialized', {});
  return p;
}

const isDiagnostics = (uri: string, pred: (m: Message) => boolean = () => true) => (m: Message) =>
  m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && pred(m);

describe('warrant-language-server --stdio with a plain JSON-RPC client', function () {
  this.timeout(60000);
  let server: JsonRpcProcess;
  const uri = fixtureUri('essay-stdio.md');
  // every claim cited; then Claim 1 loses its links
  const cited = fixtureText('lanes.md').replace(
    'Drivers read paint as a suggestion, and riders know it.',
    'Drivers read paint as a suggestion, as [a kerbside camera study](https://example.org/kerb-cameras) showed.',
  );
  const lostLinks = cited.replace(/\[corridor redesigns in Lyon\]\([^)]*\) and\n\[the regional crash register\]\([^)]*\)/, 'corridor redesigns in Lyon and\nthe regional crash register');

  before(async () => {
    ensureBuilt();
    server = await startServer({ debounce: 0 });
  });
  after(() => server.shutdown());

  it('pushes unsupported-claim for the claim that lost its links, on that line only', async () => {
    server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: cited } });
    const first = await server.waitFor(isDiagnostics(uri, (m) => m.params.version === 1));
    assert.deepEqual(first.params.diagnostics.filter((d: any) => d.code === 'unsupported-claim'), []);
    server.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: lostLinks }] });
    const second = await server.waitFor(isDiagnostics(uri, (m) => m.params.version === 2));
    const unsupported = second.params.diagnostics.filter((d: any) => d.code === 'unsupported-claim');
    assert.deepEqual(unsupported.map((d: any) => d.range.start.line), [at(lostLinks, 'Claim 1').line]);
    assert.equal(unsupported[0].source, 'warrant');
    assert.ok(unsupported[0].codeDescription.href.endsWith('/unsupported-claim.md'));
  });

  it('hover on a cited claim heading lists the URLs of its section links', async () => {
    const hover = await server.request('textDocument/hover', { textDocument: { uri }, position: at(lostLinks, 'Claim 2', 4) });
    const value: string = hover.contents.value;
    assert.ok(value.includes('https://example.org/merchant-survey'), value);
    assert.ok(value.includes('Street redesign and retail takings'), value);
  });

  it('completion after ](#claim-2- offers the matching heading id', async () => {
    const text = lostLinks + '\nAs argued in [the retail claim](#claim-2-';
    server.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text }] });
    const lines = text.split('\n');
    const list = await server.request('textDocument/completion', { textDocument: { uri }, position: { line: lines.length - 1, character: lines.at(-1)!.length } });
    const labels = (Array.isArray(list) ? list : list.items).map((i: any) => i.label);
    assert.deepEqual(labels, ['claim-2-shops-on-redesigned-streets-keep-their-takings']);
  });
});

describe('200 rapid didChange notifications on a 170 KB essay', function () {
  this.timeout(120000);
  let server: JsonRpcProcess;
  before(async () => {
    ensureBuilt();
    server = await startServer({ debounce: 150 });
  });
  after(() => server.shutdown());

  it('stays responsive and publishes last for the last version', async () => {
    const uri = fixtureUri('big-generated.md');
    let text = bigEssay();
    assert.ok(text.length >= 165 * 1024, `essay is ${text.length} bytes`);
    server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await server.waitFor(isDiagnostics(uri, (m) => m.params.version === 1));

    // type 200 characters into the first paragraph, one notification each, without waiting
    const pos = at(text, 'This long essay', 4);
    const t0 = performance.now();
    for (let v = 2; v <= 201; v++) {
      const ch = String.fromCharCode(97 + (v % 26));
      const character = pos.character + (v - 2);
      server.notify('textDocument/didChange', {
        textDocument: { uri, version: v },
        contentChanges: [{ range: { start: { line: pos.line, character }, end: { line: pos.line, character } }, text: ch }],
      });
      const lineStart = text.split('\n').slice(0, pos.line).join('\n').length + 1;
      text = text.slice(0, lineStart + character) + ch + text.slice(lineStart + character);
    }
    // responsive: a hover sent right after the burst is answered (it analyses the latest version at most once)
    const hover = await server.request('textDocument/hover', { textDocument: { uri }, position: at(text, 'Claim 1:', 2) });
    const hoverMs = performance.now() - t0;
    assert.match(hover.contents.value, /^\*\*Claim\*\*/);
    assert.ok(hoverMs < 20000, `hover took ${Math.round(hoverMs)} ms`);

    const last = await server.waitFor(isDiagnostics(uri, (m) => m.params.version === 201));
    // nothing older may arrive after the last version's diagnostics
    const afterLast = await server.request('textDocument/hover', { textDocument: { uri }, position: at(text, 'Claim 2:', 2) });
    assert.ok(afterLast);
    const forUri = server.notifications.filter(isDiagnostics(uri));
    assert.equal(forUri.at(-1), last, 'the last publish is for version 201');
    assert.ok(forUri.length <= 6, `debounced: ${forUri.length} publishes for 201 versions`);
    const lines = text.split('\n');
    const unsupported = last.params.diagnostics.filter((d: any) => d.code === 'unsupported-claim');
    assert.ok(unsupported.length > 0);
    for (const d of unsupported) assert.match(lines[d.range.start.line]!, /^### Claim \d+:/);
    console.log(`      (hover after burst ${Math.round(hoverMs)} ms; ${forUri.length} publishes)`);
  });
});
