#!/usr/bin/env node
// The editor half of `npm run bench`: a stdio LSP client that drives `dist/server.cjs` the way an
// editor does, with `warrant.debounce` at 0, and times re-diagnosis after single-character edits.
//
//   node scripts/bench-lsp.mjs [--edits N] [--json]
//
// Measured, all in this one run (quote the ratios; the machine is shared and noisy):
//   - p50/p95 from an incremental `didChange` to the `publishDiagnostics` of that version, on a
//     ~30 KB and a ~170 KB essay, each also as a ratio to one bare remark-parse of the same text
//     (timed in this process);
//   - a generated 1,000-file workspace: time from `initialize` to the first diagnostics of an open
//     file (which waits for the workspace index), the server's RSS then, and the same edits'
//     latency there against a one-file workspace holding the same document.
// The essays and the workspace are assembled from this repository's own docs, never from the
// corpora. Nothing here is asserted by tests.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
    this.child = spawn(process.execPath, [SERVER, '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.buffer = Buffer.alloc(0);
    this.nextId = 1;
    this.pending = new Map();
    this.waiters = [];
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
      capabilities: { textDocument: { synchronization: { didSave: true } } },
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
  return { name, bytes: text.length, edits: times.length, p50: pct(times, 50), p95: pct(times, 95), bare };
}

/** A workspace of `count` files from the project's blocks, linked to each other, with ids. */
function makeWorkspace(dir, count) {
  const blocks = projectBlocks();
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const next = (i * 7 + 3) % count;
    const body = assembleEssay(2500 + (i % 7) * 600, blocks, (i * 13) % blocks.length);
    const head = `# Note ${i} {#note-${i}}\n\nThis note leans on [note ${next}](note-${String(next).padStart(4, '0')}.md#note-${next}).\n\n`;
    writeFileSync(join(dir, `note-${String(i).padStart(4, '0')}.md`), head + body);
  }
  return join(dir, 'note-0000.md');
}

async function workspaceBench(scratch, count, edits) {
  const dir = join(scratch, `ws-${count}`);
  const file = makeWorkspace(dir, count);
  const uri = pathToFileURL(file).href;
  const text = readFileSync(file, 'utf8');
  const spots = typingSpots(text, edits);

  const client = new Client(dir);
  const t0 = performance.now();
  await client.start(dir);
  const first = client.diagnosticsOf(uri, 1);
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  const firstMs = (await first) - t0;
  await new Promise((r) => setTimeout(r, 300));
  const mem = client.rssMb();
  client.notify('textDocument/didClose', { textDocument: { uri } });
  await client.diagnosticsOf(uri);
  const times = await typeInto(client, uri, text, spots);
  const memAfter = client.rssMb();
  await client.stop();

  const soloDir = join(scratch, 'ws-1');
  mkdirSync(soloDir, { recursive: true });
  writeFileSync(join(soloDir, 'note-0000.md'), text);
  const solo = new Client(soloDir);
  await solo.start(soloDir);
  const soloTimes = await typeInto(solo, pathToFileURL(join(soloDir, 'note-0000.md')).href, text, spots);
  await solo.stop();
  return { count, firstMs, rss: mem.rss, peak: Math.max(mem.peak, memAfter.peak), rssAfterEdits: memAfter.rss, p50: pct(times, 50), p95: pct(times, 95), soloP50: pct(soloTimes, 50), soloP95: pct(soloTimes, 95) };
}

/** Runs the editor benchmark; returns printable lines and the raw figures. */
export async function runEditorBench({ edits = 100, files = 1000 } = {}) {
  const scratch = mkdtempSync(join(tmpdir(), 'warrant-bench-lsp-'));
  try {
    const small = await essayBench(scratch, 'essay-30k', 30 * 1024, edits);
    const big = await essayBench(scratch, 'essay-170k', 170 * 1024, Math.max(10, Math.round(edits / 2)));
    const ws = await workspaceBench(scratch, files, Math.max(5, Math.round(edits / 5)));
    const f = (n) => n.toFixed(1);
    const lines = [
      'Editor (stdio LSP client, debounce 0, one typed or deleted character per change; ms):',
      ...[small, big].map(
        (e) =>
          `  ${e.name.padEnd(11)} ${(e.bytes / 1024).toFixed(0).padStart(4)} KB, ${String(e.edits).padStart(3)} edits: p50 ${f(e.p50)}  p95 ${f(e.p95)}   one bare remark-parse ${f(e.bare)}   p50/parse ${(e.p50 / e.bare).toFixed(2)}×  p95/parse ${(e.p95 / e.bare).toFixed(2)}×`,
      ),
      `  ${ws.count}-file workspace: first diagnostics ${f(ws.firstMs)} ms, RSS ${ws.rss.toFixed(0)} MB after indexing (peak ${ws.peak.toFixed(0)} MB, ${ws.rssAfterEdits.toFixed(0)} MB after edits)`,
      `    edit there p50 ${f(ws.p50)}  p95 ${f(ws.p95)}; same edits, one-file workspace p50 ${f(ws.soloP50)}  p95 ${f(ws.soloP95)}   ratio p50 ${(ws.p50 / ws.soloP50).toFixed(2)}×  p95 ${(ws.p95 / ws.soloP95).toFixed(2)}×`,
    ];
    return { lines, small, big, ws };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const num = (flag, d) => (args.includes(flag) ? Number(args[args.indexOf(flag) + 1]) : d);
  const result = await runEditorBench({ edits: num('--edits', 100), files: num('--files', 1000) });
  if (args.includes('--json')) console.log(JSON.stringify({ small: result.small, big: result.big, ws: result.ws }));
  else console.log(result.lines.join('\n'));
}
