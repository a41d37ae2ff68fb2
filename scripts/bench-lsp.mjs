#!/usr/bin/env node
// The editor half of `npm run bench`: a stdio LSP client that drives `dist/server.cjs` the way an
// editor does, with `warrant.debounce` at 0, and times re-diagnosis after single-character edits.
//
//   node scripts/bench-lsp.mjs [--edits N] [--ws-edits N] [--only essays|workspace] [--json]
//
// Measured, all in this one run (quote the ratios; the machine is shared and noisy):
//   - p50/p95 from an incremental `didChange` to the `publishDiagnostics` of that version, on a
//     ~30 KB and a ~170 KB essay (40 edits each), each also as a ratio to one bare remark-parse of
//     the same text (timed in this process); these essays are assembled from this repository's docs;
//   - the 1,008-file workspace of #20 (14 development essays from ../shared/corpus copied into 72
//     sub-folders of a temp dir, at bench time): time from `initialize` to the first diagnostics
//     of the opened essay and the server's RSS then, when the background index ends (work-done
//     progress) and its RSS then, 20 edits there, and whether the essay's findings equal
//     `warrant lint`'s on the first publish and at the end. Nothing here is asserted by tests.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
const SERVER = join(REPO, 'dist', 'server.cjs');

/** This repository's own Markdown (README, docs, examples, CHANGELOG), as top-level blocks. */
export function projectBlocks() {
  const files = ['README.md', 'ARCHITECTURE.md', 'CHANGELOG.md'];
  (function walk(dir, rel) {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.isDirectory()) walk(join(dir, e.name), `${rel}/${e.name}`);
      else if (/\.(md|qmd)$/.test(e.name)) files.push(`${rel}/${e.name}`);
    }
  })(join(REPO, 'docs'), 'docs');
  (function walk(dir, rel) {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.isDirectory()) walk(join(dir, e.name), `${rel}/${e.name}`);
      else if (/\.md$/.test(e.name)) files.push(`${rel}/${e.name}`);
    }
  })(join(REPO, 'examples'), 'examples');
  const blocks = [];
  for (const f of files) {
    let text;
    try {
      text = readFileSync(join(REPO, f), 'utf8');
    } catch {
      continue;
    }
    text = text.replace(/^---\n[\s\S]*?\n---\n/, ''); // one front matter per assembled file at most
    // Split at blank lines outside fences, so a fence is never cut in half.
    let current = [];
    let fence = null;
    for (const line of text.split('\n')) {
      const m = /^ {0,3}(`{3,}|~{3,})/.exec(line);
      if (m) fence = fence === null ? m[1][0] : fence === m[1][0] ? null : fence;
      if (line.trim() === '' && fence === null) {
        if (current.length) blocks.push(current.join('\n'));
        current = [];
      } else current.push(line);
    }
    if (current.length) blocks.push(current.join('\n'));
  }
  return blocks;
}

/** An essay of about `bytes` characters: the project's blocks in order, repeated as needed. */
export function assembleEssay(bytes, blocks = projectBlocks(), start = 0) {
  const out = [];
  let size = 0;
  for (let i = start; size < bytes; i++) {
    const b = blocks[i % blocks.length];
    out.push(b);
    size += b.length + 2;
  }
  return `${out.join('\n\n')}\n`;
}

/** Offsets inside words of plain prose lines: where a writer types. Deterministic. */
function typingSpots(text, count) {
  const spots = [];
  const lines = text.split('\n');
  let offset = 0;
  let fence = false;
  const candidates = [];
  for (const line of lines) {
    if (/^ {0,3}(`{3,}|~{3,})/.test(line)) fence = !fence;
    else if (!fence && /^[A-Za-z][a-z]+ [a-z]+ /.test(line) && line.length > 40) candidates.push(offset + 2 + (line.length - 4) * 0.5);
    offset += line.length + 1;
  }
  let seed = 12345;
  for (let i = 0; i < count && candidates.length; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    spots.push(Math.floor(candidates[seed % candidates.length]));
  }
  return spots;
}

function positionAt(text, offset) {
  let line = 0;
  let last = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    last = i + 1;
  }
  return { line, character: offset - last };
}

/** A minimal LSP client over the server's stdio (Content-Length framing by hand). */
export class Client {
  constructor(cwd) {
    // WARRANT_BENCH_NODE_ARGS: extra Node flags for the server, e.g. `--cpu-prof --cpu-prof-dir=/tmp/p`.
    const nodeArgs = (process.env.WARRANT_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
    this.child = spawn(process.execPath, [...nodeArgs, SERVER, '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.buffer = Buffer.alloc(0);
    this.nextId = 1;
    this.pending = new Map();
    this.waiters = [];
    this.lastDiagnostics = new Map();
    this.stderr = '';
    this.child.stderr.on('data', (c) => (this.stderr += c));
    this.child.stdout.on('data', (chunk) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      for (;;) {
        const end = this.buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString('ascii'))[1]);
        if (this.buffer.length < end + 4 + length) return;
        const msg = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString('utf8'));
        this.buffer = this.buffer.subarray(end + 4 + length);
        this.dispatch(msg);
      }
    });
  }
  dispatch(m) {
    if (m.id !== undefined && m.method === undefined) {
      this.pending.get(m.id)?.(m);
      this.pending.delete(m.id);
    } else if (m.id !== undefined) {
      // server → client requests (registrations, configuration): answer plainly
      this.write({ jsonrpc: '2.0', id: m.id, result: m.method === 'workspace/configuration' ? (m.params.items ?? []).map(() => null) : null });
    } else {
      if (m.method === 'textDocument/publishDiagnostics') this.lastDiagnostics.set(m.params.uri, m.params.diagnostics);
      const now = performance.now();
      this.waiters = this.waiters.filter((w) => !(w.test(m) && (w.resolve(now), true)));
    }
  }
  write(m) {
    const body = Buffer.from(JSON.stringify(m), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }
  request(method, params) {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.write({ jsonrpc: '2.0', id, method, params });
    });
  }
  notify(method, params) {
    this.write({ jsonrpc: '2.0', method, params });
  }
  /** Resolves with the arrival time of the first notification passing `test`. */
  waitFor(test, timeoutMs = 600_000) {
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`bench-lsp: timed out; server stderr: ${this.stderr.slice(-2000)}`)), timeoutMs);
      this.waiters.push({ test, resolve: (v) => (clearTimeout(t), resolve(v)) });
    });
  }
  diagnosticsOf(uri, version) {
    return this.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && (version === undefined || m.params.version === version));
  }
  async start(rootDir) {
    const rootUri = pathToFileURL(rootDir).href;
    await this.request('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'bench' }],
      capabilities: { window: { workDoneProgress: true }, textDocument: { synchronization: { didSave: true } } },
      initializationOptions: { settings: { debounce: 0, focusMode: false } },
    });
    this.notify('initialized', {});
  }
  rssMb() {
    try {
      const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      return { rss: Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024, peak: Number(/VmHWM:\s+(\d+)/.exec(status)[1]) / 1024 };
    } catch {
      return { rss: NaN, peak: NaN };
    }
  }
  /** CPU time (user + system) the server has used so far, ms (Linux /proc; NaN elsewhere). */
  cpuMs() {
    try {
      const fields = readFileSync(`/proc/${this.child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ 100)
    } catch {
      return NaN;
    }
  }
  async stop() {
    await Promise.race([this.request('shutdown', null), new Promise((r) => setTimeout(r, 5000))]);
    this.notify('exit', null);
    await new Promise((r) => setTimeout(r, 200));
    if (this.child.exitCode === null) this.child.kill();
  }
}

/** Opens `uri` with `text`, then types and deletes one character at each spot; returns latencies (ms). */
async function typeInto(client, uri, text, spots) {
  let version = 1;
  const first = client.diagnosticsOf(uri, version);
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
  await first;
  const cpu0 = client.cpuMs();
  const times = [];
  let current = text;
  for (const spot of spots) {
    for (const insert of [true, false]) {
      version++;
      const pos = positionAt(current, spot);
      const change = insert
        ? { range: { start: pos, end: pos }, text: 'x' }
        : { range: { start: pos, end: { line: pos.line, character: pos.character + 1 } }, text: '' };
      current = insert ? current.slice(0, spot) + 'x' + current.slice(spot) : current.slice(0, spot) + current.slice(spot + 1);
      const done = client.diagnosticsOf(uri, version);
      const t0 = performance.now();
      client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      times.push((await done) - t0);
    }
  }
  times.cpuPerEdit = (client.cpuMs() - cpu0) / times.length;
  return times;
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

async function bareParseMs(text) {
  const { unified } = await import(pathToFileURL(join(REPO, 'node_modules', 'unified', 'index.js')).href);
  const { default: remarkParse } = await import(pathToFileURL(join(REPO, 'node_modules', 'remark-parse', 'index.js')).href);
  const processor = unified().use(remarkParse);
  processor.parse(text);
  processor.parse(text);
  const samples = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    processor.parse(text);
    samples.push(performance.now() - t0);
  }
  return pct(samples, 50);
}

async function essayBench(scratch, name, bytes, edits) {
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  const text = assembleEssay(bytes);
  const file = join(dir, 'essay.md');
  writeFileSync(file, text);
  const bare = await bareParseMs(text);
  const client = new Client(dir);
  await client.start(dir);
  const times = await typeInto(client, pathToFileURL(file).href, text, typingSpots(text, edits));
  await client.stop();
  return { name, bytes: text.length, edits: times.length, p50: pct(times, 50), p95: pct(times, 95), bare, cpuPerEdit: times.cpuPerEdit };
}

const ESSAYS = join(REPO, '..', 'shared', 'corpus', 'dev', 'essays');

/**
 * The workspace (#20): the first 14 development essays (and their `_aux` folder) copied
 * into 72 sub-folders of a temp dir, 1,008 files. Built at bench time, never committed. Returns
 * the essay to open, or undefined when the corpus is not here.
 */
function makeEssayWorkspace(dir, folders = 72, essays = 14) {
  if (!existsSync(ESSAYS)) return undefined;
  const names = readdirSync(ESSAYS).filter((n) => n.endsWith('.md')).sort().slice(0, essays);
  for (let f = 1; f <= folders; f++) {
    const sub = join(dir, `part-${String(f).padStart(2, '0')}`);
    mkdirSync(sub, { recursive: true });
    for (const n of names) copyFileSync(join(ESSAYS, n), join(sub, n));
    if (existsSync(join(ESSAYS, '_aux'))) cpSync(join(ESSAYS, '_aux'), join(sub, '_aux'), { recursive: true });
  }
  return join(dir, 'part-01', names[0]);
}

/**
 * `warrant lint` (the CLI) on the folder: the findings of `file`, as (line, column, rule) strings.
 * `--min-severity hint`: the editor shows the faint hint tier of `uncited-assertion` that the
 * CLI's default output leaves out.
 */
function cliFindings(dir, file) {
  const r = spawnSync(process.execPath, [join(REPO, 'bin', 'warrant.cjs'), 'lint', file, '-f', 'json', '--min-severity', 'hint'], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const results = JSON.parse(r.stdout);
  return results.flatMap((x) => x.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).sort();
}

async function workspaceBench(scratch, edits) {
  const dir = join(scratch, 'ws-essays');
  const file = makeEssayWorkspace(dir);
  if (!file) return undefined;
  const count = readdirSync(dir, { recursive: true }).filter((n) => String(n).endsWith('.md')).length;
  const uri = pathToFileURL(file).href;
  const text = readFileSync(file, 'utf8');
  const spots = typingSpots(text, edits);

  const client = new Client(dir);
  const indexed = client.waitFor((m) => m.method === '$/progress' && m.params.value.kind === 'end');
  const t0 = performance.now();
  await client.start(dir);
  const first = client.diagnosticsOf(uri, 1);
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  const firstMs = (await first) - t0;
  const atFirst = client.rssMb();
  const firstDiagnostics = client.lastDiagnostics.get(uri);
  const indexMs = (await indexed) - t0;
  await new Promise((r) => setTimeout(r, 300));
  const mem = client.rssMb();
  // the same edits while the whole workspace is indexed
  const cpu0 = client.cpuMs();
  const times = [];
  let version = 1;
  let current = text;
  for (const spot of spots) {
    for (const insert of [true, false]) {
      version++;
      const pos = positionAt(current, spot);
      const change = insert ? { range: { start: pos, end: pos }, text: 'x' } : { range: { start: pos, end: { line: pos.line, character: pos.character + 1 } }, text: '' };
      current = insert ? current.slice(0, spot) + 'x' + current.slice(spot) : current.slice(0, spot) + current.slice(spot + 1);
      const done = client.diagnosticsOf(uri, version);
      const t = performance.now();
      client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      times.push((await done) - t);
    }
  }
  const cpuPerEdit = (client.cpuMs() - cpu0) / times.length;
  const afterEdits = client.lastDiagnostics.get(uri);
  const memAfter = client.rssMb();
  await client.stop();
  const asStrings = (ds) => (ds ?? []).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`).sort();
  const cli = cliFindings(dir, file);
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  const withoutDetector = (list) => list.filter((s) => !s.endsWith(' uncited-assertion'));
  return {
    count,
    firstMs,
    indexMs,
    rssAtFirst: atFirst.rss,
    rss: mem.rss,
    peak: Math.max(mem.peak, memAfter.peak),
    rssAfterEdits: memAfter.rss,
    edits: times.length,
    p50: pct(times, 50),
    p95: pct(times, 95),
    cpuPerEdit,
    // The first publish comes before the language model has loaded (the server never loads it on
    // a request's path): its uncited-assertion flags are the light weights' until the refine, so
    // the first publish is compared on every other rule (the cross-file ones among them).
    firstEqualsCli: same(withoutDetector(asStrings(firstDiagnostics)), withoutDetector(cli)),
    afterEditsEqualsCli: same(asStrings(afterEdits), cli),
    findings: cli.length,
  };
}

/** Runs the editor benchmark; returns printable lines and the raw figures. `edits`: single-character edits per essay. */
export async function runEditorBench({ edits = 40, wsEdits = 20, only } = {}) {
  const scratch = mkdtempSync(join(tmpdir(), 'warrant-bench-lsp-'));
  const want = (part) => !only || only === part;
  try {
    const small = want('essays') ? await essayBench(scratch, 'essay-30k', 30 * 1024, Math.max(1, Math.round(edits / 2))) : undefined;
    const big = want('essays') ? await essayBench(scratch, 'essay-170k', 170 * 1024, Math.max(1, Math.round(edits / 2))) : undefined;
    const ws = want('workspace') ? await workspaceBench(scratch, Math.max(1, Math.round(wsEdits / 2))) : undefined;
    const f = (n) => n.toFixed(1);
    const lines = ['Editor (stdio LSP client, debounce 0, push diagnostics, one typed or deleted character per change; ms):'];
    for (const e of [small, big].filter(Boolean)) {
      lines.push(`  ${e.name.padEnd(11)} ${(e.bytes / 1024).toFixed(0).padStart(4)} KB, ${String(e.edits).padStart(3)} edits: p50 ${f(e.p50)}  p95 ${f(e.p95)}   one bare remark-parse ${f(e.bare)}   p50/parse ${(e.p50 / e.bare).toFixed(2)}×  p95/parse ${(e.p95 / e.bare).toFixed(2)}×   server CPU per edit ${f(e.cpuPerEdit)}`);
    }
    if (ws) {
      lines.push(
        `  ${ws.count}-file essay workspace (14 dev essays × 72 folders): first diagnostics of the opened essay ${f(ws.firstMs)} ms after initialize (RSS then ${ws.rssAtFirst.toFixed(0)} MB); index finished ${f(ws.indexMs)} ms, RSS ${ws.rss.toFixed(0)} MB (peak ${ws.peak.toFixed(0)} MB, ${ws.rssAfterEdits.toFixed(0)} MB after edits)`,
        `    ${ws.edits} edits there: p50 ${f(ws.p50)}  p95 ${f(ws.p95)} (server CPU per edit ${f(ws.cpuPerEdit)});  opened essay's findings = warrant lint (${ws.findings}): first publish (other than uncited-assertion, scored light until the language model loads) ${ws.firstEqualsCli ? 'yes' : 'NO'}, after the index and the edits ${ws.afterEditsEqualsCli ? 'yes' : 'NO'}`,
      );
    } else if (want('workspace')) lines.push('  essay workspace: skipped (no ../shared/corpus/dev/essays)');
    return { lines, small, big, ws };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const num = (flag, d) => (args.includes(flag) ? Number(args[args.indexOf(flag) + 1]) : d);
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
  const result = await runEditorBench({ edits: num('--edits', 40), wsEdits: num('--ws-edits', 20), only });
  if (args.includes('--json')) console.log(JSON.stringify({ small: result.small, big: result.big, ws: result.ws }));
  else console.log(result.lines.join('\n'));
}
