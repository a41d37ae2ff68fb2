#!/usr/bin/env node
// The detector's costs (issue 24 item 4), measured side by side in one run: the language features
// (wink-nlp) on, and off (`WARRANT_LANGUAGE=off`: the light weights, no language model — the
// previous detector's cost). Called by `npm run bench`; also runs alone (after `npm run build`):
//
//   node scripts/bench-detector.mjs [essays folder] [--runs N]
//
//   - CLI CPU on the essays, one worker and the default pool (each worker loads its own model)
//   - the language server's start-up to its `initialize` answer
//   - first diagnostics of a 30 KB essay on a cold server (light), and the refined ones after the
//     model has loaded; the server's RSS then
// Nothing here is asserted by tests: quote ratios, not seconds.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { assembleEssay } from './bench-lsp.mjs';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(REPO, 'bin', 'warrant.cjs');
const SERVER = join(REPO, 'dist', 'server.cjs');
const OFF = { ...process.env, WARRANT_LANGUAGE: 'off' };
const ON = { ...process.env, WARRANT_LANGUAGE: '' };
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** CPU (user + sys, workers included), wall and max RSS of one CLI run, median of `runs`. */
function cli(corpus, extra, env, runs, scratch) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const timeFile = join(scratch, 'time.txt');
    const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', '-o', timeFile, process.execPath, BIN, 'lint', corpus, '-f', 'json', '-o', join(scratch, 'out.json'), ...extra], { env, encoding: 'utf8' });
    if (r.status !== 0 && r.status !== 1) throw new Error(`warrant lint exited ${r.status}: ${r.stderr.slice(0, 500)}`);
    const [wall, user, sys, rssKb] = readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
    samples.push({ wall, cpu: user + sys, rss: rssKb / 1024 });
  }
  return { wall: median(samples.map((s) => s.wall)), cpu: median(samples.map((s) => s.cpu)), rss: median(samples.map((s) => s.rss)) };
}

/** A bare LSP client on stdio, with the times messages arrive. */
function server(env, cwd) {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let buffer = Buffer.alloc(0);
  let id = 1;
  const pending = new Map();
  const waiters = [];
  child.stdout.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, end).toString('ascii'))[1]);
      if (buffer.length < end + 4 + length) return;
      const m = JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString('utf8'));
      buffer = buffer.subarray(end + 4 + length);
      const now = performance.now();
      if (m.id !== undefined && m.method === undefined) pending.get(m.id)?.(now);
      else if (m.id !== undefined) write({ jsonrpc: '2.0', id: m.id, result: m.method === 'workspace/configuration' ? (m.params.items ?? []).map(() => null) : null });
      else for (const w of waiters.splice(0)) if (!w.test(m)) waiters.push(w); else w.resolve({ at: now, m });
    }
  });
  const write = (m) => {
    const body = Buffer.from(JSON.stringify(m), 'utf8');
    child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    child.stdin.write(body);
  };
  return {
    child,
    request: (method, params) => new Promise((res) => (pending.set(id, res), write({ jsonrpc: '2.0', id: id++, method, params }))),
    notify: (method, params) => write({ jsonrpc: '2.0', method, params }),
    next: (test) => new Promise((res) => waiters.push({ test, resolve: res })),
    rss: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))[1]) / 1024,
    close: () => child.kill(),
  };
}

/** Spawn → `initialize` answered (ms), median of `runs`. */
async function startup(env, runs, cwd) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const s = server(env, cwd);
    const at = await s.request('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    times.push(at - t0);
    s.close();
  }
  return median(times);
}

/** Cold server: didOpen of `text` → first diagnostics, → refined diagnostics (when the model loads). */
async function coldEssay(env, text, dir, waitRefined) {
  const s = server(env, dir);
  const rootUri = pathToFileURL(dir).href;
  await s.request('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'b' }], capabilities: {}, initializationOptions: { settings: { debounce: 0, focusMode: false } } });
  s.notify('initialized', {});
  const uri = pathToFileURL(join(dir, 'essay.md')).href;
  const isDiag = (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri;
  const first = s.next(isDiag);
  const t0 = performance.now();
  s.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  const a = await first;
  let refined;
  if (waitRefined) {
    const b = await Promise.race([s.next(isDiag), new Promise((r) => setTimeout(() => r(undefined), 20_000))]);
    refined = b ? b.at - t0 : undefined;
  }
  const rss = s.rss();
  s.close();
  return { first: a.at - t0, refined, rss };
}

export async function runDetectorBench({ corpus = resolve(REPO, '../shared/corpus/dev/essays'), runs = 3 } = {}) {
  const scratch = mkdtempSync(join(tmpdir(), 'warrant-bench-detector-'));
  const lines = ['Detector (issue 24): language features on vs off (WARRANT_LANGUAGE=off, the light path), same run'];
  const one = ['--concurrency', 'off'];
  const cOff = cli(corpus, one, OFF, runs, scratch);
  const cOn = cli(corpus, one, ON, runs, scratch);
  const pOff = cli(corpus, [], OFF, runs, scratch);
  const pOn = cli(corpus, [], ON, runs, scratch);
  const pct = (a, b) => `${a >= b ? '+' : ''}${(((a - b) / b) * 100).toFixed(0)} %`;
  lines.push(`  CLI, 1 worker: cpu ${cOff.cpu.toFixed(2)} → ${cOn.cpu.toFixed(2)} s (${pct(cOn.cpu, cOff.cpu)}), wall ${cOff.wall.toFixed(2)} → ${cOn.wall.toFixed(2)} s, max RSS ${cOff.rss.toFixed(0)} → ${cOn.rss.toFixed(0)} MB`);
  lines.push(`  CLI, default pool: cpu ${pOff.cpu.toFixed(2)} → ${pOn.cpu.toFixed(2)} s (${pct(pOn.cpu, pOff.cpu)}; every worker loads the model), wall ${pOff.wall.toFixed(2)} → ${pOn.wall.toFixed(2)} s`);
  const sOff = await startup(OFF, 9, scratch);
  const sOn = await startup(ON, 9, scratch);
  lines.push(`  server start-up to initialize (median of 9): ${sOff.toFixed(0)} → ${sOn.toFixed(0)} ms (${sOn - sOff >= 0 ? '+' : ''}${(sOn - sOff).toFixed(0)} ms; the model is not loaded on this path)`);
  const text = assembleEssay(30 * 1024);
  writeFileSync(join(scratch, 'essay.md'), text);
  const colds = [];
  for (let i = 0; i < runs; i++) colds.push(await coldEssay(ON, text, scratch, true));
  const lightOnly = [];
  for (let i = 0; i < runs; i++) lightOnly.push(await coldEssay(OFF, text, scratch, false));
  const first = median(colds.map((c) => c.first));
  const refined = median(colds.map((c) => c.refined ?? NaN));
  lines.push(`  30 KB essay on a cold server: first (light) diagnostics ${first.toFixed(0)} ms (language off: ${median(lightOnly.map((c) => c.first)).toFixed(0)} ms), refined with the language model ${refined.toFixed(0)} ms; RSS ${median(colds.map((c) => c.rss)).toFixed(0)} MB (off: ${median(lightOnly.map((c) => c.rss)).toFixed(0)} MB)`);
  const ok = (b) => (b ? 'met' : 'NOT met');
  const acc = [
    '',
    'Acceptance (#24 item 4), this run:',
    `  CLI cpu (1 worker), language on / off ≤ +30 %       ${pct(cOn.cpu, cOff.cpu)}   ${ok(cOn.cpu <= cOff.cpu * 1.3)}`,
    `  server start-up to initialize unchanged (±10 ms)   ${(sOn - sOff).toFixed(0)} ms   ${ok(Math.abs(sOn - sOff) <= 10)}`,
    `  30 KB essay, cold server, first diagnostics ≤ 300 ms ${first.toFixed(0)} ms   ${ok(first <= 300)}`,
  ];
  return { lines: [...lines, ...acc], cOff, cOn, pOff, pOn, sOff, sOn, first, refined };
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop());
if (isMain) {
  const args = process.argv.slice(2);
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 3;
  const r = await runDetectorBench({ ...(args[0] ? { corpus: resolve(args[0]) } : {}), runs });
  console.log(r.lines.join('\n'));
}
