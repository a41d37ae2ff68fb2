/**
 * The language model's deferred load in the real server: `warrant-language-server --stdio` never
 * loads wink-nlp on a request's path, so an essay's first publish is scored with the detector's
 * light weights; once the model has loaded, the server lints the open essay again and publishes
 * the refined findings, which then equal `warrant lint` (a CLI loads the model before scoring).
 * Needs `dist/` (`npm run build`).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FIXTURE_DIR } from './harness.js';
import { JsonRpcProcess, type Message } from './jsonrpc.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

// Uncited sentences of several kinds, so that light and full weights disagree somewhere.
const ESSAY = `# Harbour tolls and the fishing fleet

Since the toll doubled in 2019, the inshore fleet in the northern ports has shrunk by a third.

Most skippers now land their catch at the free quay across the bay, which adds an hour to each trip.

If the council lowered the toll, the harbour would fill again within a season.

We spoke to eleven skippers, and nine said the toll was the reason they left.

The harbour master insists that maintenance costs have risen faster than inflation every year since 2015.

Cold storage at the quay holds roughly four hundred tonnes, about half of what it held before the fire.

Tourism revenue in the town fell by 12 percent over the same period, according to local traders.

The regional fisheries board has never published the figures it used to set the toll.
`;

interface Seen {
  line: number;
  severity: string;
  confidence: number;
}

const SEVERITY_NAMES: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

function fromServer(m: Message): Seen[] {
  return (m.params.diagnostics as any[])
    .filter((d) => d.code === 'uncited-assertion')
    .map((d) => ({ line: d.range.start.line + 1, severity: SEVERITY_NAMES[d.severity], confidence: d.data.finding.confidence }));
}

function fromCli(name: string): Seen[] {
  if (!existsSync(join(ROOT, 'dist/cli.cjs'))) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
  const out = execFileSync(
    process.execPath,
    [join(ROOT, 'bin/warrant.cjs'), 'lint', '--stdin', '--stdin-filename', name, '-f', 'json', '--min-severity', 'hint'],
    { cwd: FIXTURE_DIR, input: ESSAY, encoding: 'utf8' },
  );
  return (JSON.parse(out)[0].messages as any[])
    .filter((m) => m.ruleId === 'uncited-assertion')
    .map((m) => ({ line: m.line, severity: m.severityName, confidence: m.confidence }));
}

describe('the language model loads after the first publish, and the server refines', function () {
  this.timeout(60000);
  let server: JsonRpcProcess;
  const name = 'essay-refine.md';
  const uri = pathToFileURL(join(FIXTURE_DIR, name)).href;

  before(async () => {
    if (!existsSync(join(ROOT, 'dist/server.cjs'))) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
    server = new JsonRpcProcess(process.execPath, [join(ROOT, 'bin/warrant-language-server.cjs'), '--stdio'], ROOT);
    await server.request('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(FIXTURE_DIR).href,
      capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
      initializationOptions: { settings: { debounce: 0 } },
    });
    server.notify('initialized', {});
  });
  after(() => server.shutdown());

  it('publishes light findings first, then the same version again with the CLI findings', async () => {
    server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: ESSAY } });
    const isMine = (m: Message) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.version === 1;
    const first = await server.waitFor(isMine);
    const refined = await Promise.race([
      server.waitFor((m) => isMine(m) && m !== first),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no second publish of version 1 within 30 s: the server did not lint again once the language model loaded')), 30000).unref()),
    ]);
    const cli = fromCli(name);
    assert.ok(cli.length >= 3, `the essay should give several uncited-assertion findings, got ${JSON.stringify(cli)}`);
    assert.notDeepEqual(fromServer(first), cli, 'the first publish should be the light path (the model is not loaded on a request)');
    assert.deepEqual(fromServer(refined), cli);
  });
});
