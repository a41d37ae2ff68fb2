#!/usr/bin/env node
// `npm run bench [corpus]`: how fast `warrant lint` (and `warrant report`, also on a 1 MB line and a 3 MB essay built from it) is on a corpus, measured side by side with a
// bare unified + remark-parse pass and with markdownlint-cli2 and remark-cli (devDependencies;
// otherwise the npm cache), start-up over `node -e 0`, and the editor half (scripts/bench-lsp.mjs)
// — all in this one run, so that ratios compare like with like on a shared, noisy machine. Quote ratios, not seconds. Nothing here is asserted by tests.
//
//   npm run bench                              ../shared/corpus/dev/essays
//   npm run bench -- ../shared/bench/rfcs      the 654-file RFC corpus
//   node scripts/bench.mjs <corpus> --runs 5   median of 5 runs per measurement
//   --no-editor / --no-cli                     skip the editor (scripts/bench-lsp.mjs) or CLI half
//   --no-detector                              skip the detector's costs (scripts/bench-detector.mjs)
//   --no-encoder                               skip the sentence encoder's costs (scripts/bench-encoder.mjs)
//   --edits N                                  edits per essay in the editor half (default 40)
//
// Every tool runs as a child process under /usr/bin/time: wall time, and CPU time (user + system,
// worker threads included).
import { spawn, spawnSync } from 'node:child_process';
import { runEditorBench } from './bench-lsp.mjs';
import { runDetectorBench } from './bench-detector.mjs';
import { runEncoderBench } from './bench-encoder.mjs';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(REPO, 'bin', 'warrant.cjs');
const TOOLS = process.env.WARRANT_BENCH_TOOLS ?? join(tmpdir(), 'warrant-bench-tools');
const TOOL_VERSIONS = ['markdownlint-cli2@0.22.1', 'remark-cli@12.0.1', 'remark-preset-lint-recommended@7.0.1'];

const args = process.argv.slice(2);
const flag = (name) => (args.includes(name) ? (args.splice(args.indexOf(name), 1), true) : false);
const noEditor = flag('--no-editor');
const noCli = flag('--no-cli');
const noDetector = flag('--no-detector');
const noEncoder = flag('--no-encoder');
const editsFlag = args.indexOf('--edits');
const edits = editsFlag >= 0 ? Number(args.splice(editsFlag, 2)[1]) : 40;
const runsFlag = args.indexOf('--runs');
const runsArg = runsFlag >= 0 ? Number(args.splice(runsFlag, 2)[1]) : undefined;
const corpus = resolve(REPO, args[0] ?? '../shared/corpus/dev/essays');
if (!existsSync(corpus)) {
  console.error(`bench: no corpus at ${corpus}`);
  process.exit(2);
}
const MD = /\.(md|markdown|mdown|mkd|mkdn|mdwn|mdtxt|mdtext|markdn|workbook|qmd)$/i;
const files = [];
(function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === '.git' || entry.name === 'vendor') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (MD.test(entry.name)) files.push(path);
  }
})(corpus);
files.sort();
const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
const runs = runsArg ?? (bytes < 2 * 1024 * 1024 ? 3 : 1);
const cpus = availableParallelism();
const scratch = mkdtempSync(join(tmpdir(), 'warrant-bench-'));

/** Runs `cmd args` under /usr/bin/time; returns { wall, cpu } in seconds (median over `runs`). */
function measure(label, cmd, cmdArgs, { cwd = corpus, before, times = runs } = {}) {
  const samples = [];
  for (let i = 0; i < times; i++) {
    before?.();
    const timeFile = join(scratch, 'time.txt');
    const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S', '-o', timeFile, cmd, ...cmdArgs], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (r.error) throw r.error;
    if (r.status !== 0 && r.status !== 1) throw new Error(`${label} exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
    const [wall, user, sys] = readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
    samples.push({ wall, cpu: user + sys, stderr: r.stderr });
  }
  samples.sort((a, b) => a.wall - b.wall);
  const m = samples[Math.floor(samples.length / 2)];
  return { label, wall: m.wall, cpu: m.cpu, stderr: m.stderr };
}

const node = process.execPath;
const warrant = (label, extra, opts) => measure(label, node, [BIN, 'lint', corpus, '-f', 'json', '-o', join(scratch, 'out.json'), '--no-error-on-unmatched-pattern', ...extra], opts);

// A bare parse of the same files in one Node process: the floor any remark-based tool stands on.
const bareScript = join(scratch, 'bare.mjs');
writeFileSync(
  bareScript,
  `import { readFileSync } from 'node:fs';
import { unified } from ${JSON.stringify(join(REPO, 'node_modules', 'unified', 'index.js'))};
import remarkParse from ${JSON.stringify(join(REPO, 'node_modules', 'remark-parse', 'index.js'))};
const files = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const processor = unified().use(remarkParse);
let nodes = 0;
for (const f of files) nodes += processor.parse(readFileSync(f, 'utf8')).children.length;
if (nodes < 0) console.log(nodes);
`,
);
const listFile = join(scratch, 'files.json');
writeFileSync(listFile, JSON.stringify(files));

const results = {};
let known = false;
const reportFile = join(scratch, 'report.html');
let pageOpen;
console.error(`bench: ${files.length} files, ${(bytes / 1024).toFixed(0)} KB, ${runs} run(s) each, ${cpus} CPUs…`);
if (!noCli) {
results.bare = measure('unified + remark-parse (one process)', node, [bareScript, listFile]);
results.one = warrant('warrant lint, 1 worker (--concurrency off)', ['--concurrency', 'off']);
results.all = warrant(`warrant lint, all workers (--concurrency ${cpus})`, ['--concurrency', String(cpus)]);
results.auto = warrant('warrant lint, default (--concurrency auto)', []);
const cacheFile = join(scratch, 'cache', '.warrantcache');
results.cacheFirst = warrant('warrant lint --cache, first run', ['--cache', '--cache-location', cacheFile, '--concurrency', 'off'], {
  before: () => rmSync(join(scratch, 'cache'), { recursive: true, force: true }),
});
results.cacheSecond = warrant('warrant lint --cache, second run', ['--cache', '--cache-location', cacheFile, '--concurrency', 'off']);
// `warrant report`: the same run with the models kept, the page rendered and the maps drawn; then the
// time the page takes to load in Chromium (when Debian's chromium and playwright-core are here).
results.report = measure('warrant report -o report.html', node, [BIN, 'report', corpus, '-o', reportFile, '--no-error-on-unmatched-pattern']);
pageOpen = openInChromium(reportFile);

// Issue 21's report bars, on inputs built here from the corpus (never stored): one 1 MB line (a
// paragraph per line, every sentence a heuristic finding) and a 3 MB essay of the corpus files
// end to end. report ≤ 1.5 × lint each, and the 3 MB page ≤ 10 × its input.
const bigDir = join(scratch, 'big');
mkdirSync(bigDir, { recursive: true });
{
  const text = files.map((f) => readFileSync(f, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '')).join('\n\n');
  const sentences = text.split(/(?<=[.!?])\s+/).filter((x) => x.length > 30 && x.length < 300 && !/[\n<>[\]#*`|]/.test(x)).slice(0, 400);
  let line = '';
  for (let i = 0; sentences.length && line.length < 1_000_000; i++) line += sentences[i % sentences.length] + ' ';
  writeFileSync(join(bigDir, 'line.md'), `# One line\n\n${line}\n`);
  let essay = '';
  while (text.length && essay.length < 3_000_000) essay += text + '\n\n';
  writeFileSync(join(bigDir, 'essay.md'), essay);
}
for (const [key, file] of [['Line', 'line.md'], ['Essay', 'essay.md']]) {
  const page = join(bigDir, `${file}.html`);
  results[`lint${key}`] = measure(`warrant lint ${file} (${(statSync(join(bigDir, file)).size / 1e6).toFixed(1)} MB, generated)`, node, [BIN, 'lint', file, '-f', 'json', '-o', join(bigDir, 'out.json'), '--concurrency', 'off'], { cwd: bigDir, times: 1 });
  results[`report${key}`] = measure(`warrant report ${file}`, node, [BIN, 'report', file, '-o', page], { cwd: bigDir, times: 1 });
  results[`report${key}`].page = statSync(page).size / statSync(join(bigDir, file)).size;
}

known = spawnSync(node, [BIN, 'explain', 'uncited-assertion'], { encoding: 'utf8' }).status === 0;
// The heuristic pass is off only when no rule reads its sentences: uncited-assertion and
// weak-support (which judges detected sentences too) both off.
if (known) results.noHeuristic = warrant('warrant lint --rule uncited-assertion:off --rule weak-support:off', ['--rule', 'uncited-assertion:off', '--rule', 'weak-support:off', '--concurrency', 'off']);

// markdownlint-cli2 and remark-cli, installed from the npm cache into a scratch folder.
function toolsReady() {
  // devDependencies first; otherwise the npm cache into a scratch folder
  if (existsSync(join(REPO, 'node_modules', '.bin', 'markdownlint-cli2')) && existsSync(join(REPO, 'node_modules', '.bin', 'remark'))) return true;
  const ok = () => existsSync(join(TOOLS, 'node_modules', '.bin', 'markdownlint-cli2')) && existsSync(join(TOOLS, 'node_modules', '.bin', 'remark'));
  if (ok()) return true;
  mkdirSync(TOOLS, { recursive: true });
  if (!existsSync(join(TOOLS, 'package.json'))) writeFileSync(join(TOOLS, 'package.json'), '{ "name": "warrant-bench-tools", "private": true }\n');
  console.error(`bench: installing ${TOOL_VERSIONS.join(', ')} into ${TOOLS} from the npm cache…`);
  const r = spawnSync('npm', ['install', '--offline', '--no-audit', '--no-fund', ...TOOL_VERSIONS], { cwd: TOOLS, encoding: 'utf8' });
  if (r.status !== 0) console.error(`bench: could not install them offline; skipping the comparison (${(r.stderr || '').split('\n')[0]})`);
  return ok();
}
if (toolsReady()) {
  const local = existsSync(join(REPO, 'node_modules', '.bin', 'remark'));
  const base = local ? REPO : TOOLS;
  const bin = (name) => join(base, 'node_modules', '.bin', name);
  results.markdownlint = measure('markdownlint-cli2 "**/*.md"', bin('markdownlint-cli2'), ['**/*.md', '!**/node_modules/**']);
  results.remark = measure('remark --use remark-preset-lint-recommended', bin('remark'), ['--use', join(base, 'node_modules', 'remark-preset-lint-recommended', 'index.js'), '--no-stdout', '--quiet', '--no-color', '.']);
}
}

// Start-up: `warrant lint small.md` against `node -e 0`: wall timed here (finer than
// /usr/bin/time), CPU (user + system) from /usr/bin/time; medians of 15.
function startMs(cmdArgs, cwd, times = 15) {
  const walls = [];
  const cpus = [];
  const timeFile = join(scratch, 'start-time.txt');
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    const r = spawnSync('/usr/bin/time', ['-f', '%U %S', '-o', timeFile, node, ...cmdArgs], { cwd, encoding: 'utf8' });
    walls.push(performance.now() - t0);
    if (r.status !== 0 && r.status !== 1) throw new Error(`start-up run exited ${r.status}: ${r.stderr.slice(0, 500)}`);
    const [user, sys] = readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
    cpus.push((user + sys) * 1000);
  }
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { wall: median(walls), cpu: median(cpus) };
}
const smallDir = join(scratch, 'small');
mkdirSync(smallDir, { recursive: true });
writeFileSync(join(smallDir, 'small.md'), '# A small note\n\nBus lanes cut journey times by a fifth [@smith2020].\n');
const startup = { node: startMs(['-e', '0'], smallDir), warrant: startMs([BIN, 'lint', 'small.md'], smallDir), server: await serverStartMs(smallDir) };

/**
 * `warrant-language-server --stdio` from spawn to its answer to `initialize`, against `node -e 0`
 * (spawn to exit), both timed here; medians of 15, taken in turns.
 */
async function serverStartMs(cwd, times = 15) {
  const frame = (m) => {
    const body = JSON.stringify(m);
    return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  };
  const initialize = frame({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
  const server = join(REPO, 'bin', 'warrant-language-server.cjs');
  const answered = () =>
    new Promise((resolve, reject) => {
      const t0 = performance.now();
      const child = spawn(node, [server, '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'ignore'] });
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        if (!out.includes('"id":1')) return;
        const ms = performance.now() - t0;
        child.kill();
        resolve(ms);
      });
      child.on('exit', () => reject(new Error(`language server exited without answering initialize: ${out.slice(0, 300)}`)));
      child.stdin.write(initialize);
    });
  // One start ended as an editor ends it (shutdown, exit): the server writes its V8 code cache at
  // exit (bin/compile-cache.cjs), and the timed starts below, killed once answered, write none.
  // Without this a fresh build times cold compiles, which a user sees once.
  await new Promise((resolve) => {
    const child = spawn(node, [server, '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'ignore'] });
    let out = '';
    let step = 0;
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (step === 0 && out.includes('"id":1,')) (step = 1), child.stdin.write(frame({ jsonrpc: '2.0', id: 2, method: 'shutdown' }));
      if (step === 1 && out.includes('"id":2,')) (step = 2), child.stdin.write(frame({ jsonrpc: '2.0', method: 'exit' }));
    });
    child.on('exit', resolve);
    child.stdin.write(initialize);
  });
  const walls = [];
  const nodes = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    spawnSync(node, ['-e', '0']);
    nodes.push(performance.now() - t0);
    walls.push(await answered());
  }
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { wall: median(walls), node: median(nodes) };
}
const reportBytes = existsSync(reportFile) ? statSync(reportFile).size : 0;
rmSync(scratch, { recursive: true, force: true });

/** Seconds from navigation to the load event of the report in headless Chromium (median of `runs`), or undefined. */
function openInChromium(file) {
  const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(chromiumPath) || !existsSync(file) || !existsSync(join(REPO, 'node_modules', 'playwright-core'))) return undefined;
  const script = join(scratch, 'open.cjs');
  writeFileSync(
    script,
    `const { chromium } = require(${JSON.stringify(join(REPO, 'node_modules', 'playwright-core'))});
(async () => {
  const browser = await chromium.launch({ executablePath: ${JSON.stringify(chromiumPath)}, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  const page = await browser.newPage();
  const times = [];
  for (let i = 0; i < ${runs}; i++) {
    const t = Date.now();
    await page.goto(${JSON.stringify('file://' + file)}, { waitUntil: 'load', timeout: 600000 });
    times.push((Date.now() - t) / 1000);
    await page.goto('about:blank');
  }
  await browser.close();
  times.sort((a, b) => a - b);
  console.log(JSON.stringify({ load: times[Math.floor(times.length / 2)] }));
})().catch((e) => { console.error(e); process.exit(1); });
`,
  );
  const r = spawnSync(node, [script], { encoding: 'utf8' });
  if (r.status !== 0) {
    console.error(`bench: could not open the report in Chromium: ${(r.stderr || '').split('\n')[0]}`);
    return undefined;
  }
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

const mb = bytes / (1024 * 1024);
const pad = (s, n) => String(s).padEnd(n);
const lines = [];
lines.push(`Corpus: ${corpus}`);
lines.push(`Files: ${files.length}   Bytes: ${bytes} (${mb.toFixed(2)} MB)   CPUs: ${cpus}   Runs per measurement: ${runs} (median)`);
if (noCli) lines.push('', 'CLI half skipped (--no-cli).');
else {
lines.push('');
lines.push(`${pad('measurement', 52)}${pad('wall s', 9)}${pad('cpu s', 9)}${pad('wall s/MB', 11)}cpu s/MB`);
for (const r of Object.values(results)) {
  lines.push(`${pad(r.label, 52)}${pad(r.wall.toFixed(2), 9)}${pad(r.cpu.toFixed(2), 9)}${pad((r.wall / mb).toFixed(2), 11)}${(r.cpu / mb).toFixed(2)}`);
}
lines.push('');
const ratio = (a, b) => (a && b && b.wall > 0 ? `${(a.wall / b.wall).toFixed(2)}× wall, ${(a.cpu / Math.max(b.cpu, 0.001)).toFixed(2)}× cpu` : 'n/a');
lines.push('Ratios (same run):');
lines.push(`  warrant (1 worker) / bare unified+remark-parse      ${ratio(results.one, results.bare)}`);
lines.push(`  cached second run / first run                       ${ratio(results.cacheSecond, results.cacheFirst)}`);
lines.push(`  all workers (${cpus}) / 1 worker                         ${ratio(results.all, results.one)}`);
lines.push(`  default (auto) / 1 worker                           ${ratio(results.auto, results.one)}`);
lines.push(
  known
    ? `  heuristic pass: on / off (uncited-assertion, weak-support) ${ratio(results.one, results.noHeuristic)}`
    : '  heuristic pass: skipped (rule uncited-assertion is not known to this build)',
);
lines.push(`  report / lint (1 worker)                            ${ratio(results.report, results.one)}`);
lines.push(`  report / lint (default)                             ${ratio(results.report, results.auto)}`);
lines.push(`  report / lint, one 1 MB line (≤ 1.5)                ${ratio(results.reportLine, results.lintLine)}; page ${results.reportLine.page.toFixed(1)}× the input`);
lines.push(`  report / lint, a 3 MB essay (≤ 1.5)                 ${ratio(results.reportEssay, results.lintEssay)}; page ${results.reportEssay.page.toFixed(1)}× the input (≤ 10)`);
if (pageOpen) {
  const over = results.report.wall + pageOpen.load - results.auto.wall;
  lines.push(`  report + page load in Chromium − lint (default)     ${over >= 0 ? '+' : ''}${over.toFixed(2)} s  (page ${(reportBytes / 1024 / 1024).toFixed(1)} MB, load ${pageOpen.load.toFixed(2)} s)`);
} else {
  lines.push('  page load in Chromium: skipped (no /usr/bin/chromium or playwright-core)');
}
if (results.markdownlint) {
  lines.push(`  warrant (1 worker) / markdownlint-cli2              ${ratio(results.one, results.markdownlint)}`);
  lines.push(`  warrant (1 worker) / remark-cli (recommended)       ${ratio(results.one, results.remark)}`);
  lines.push(`  warrant (default) / markdownlint-cli2               ${ratio(results.auto, results.markdownlint)}`);
  lines.push(`  warrant (default) / remark-cli (recommended)        ${ratio(results.auto, results.remark)}`);
} else {
  lines.push('  markdownlint-cli2 / remark-cli: skipped (not installable offline)');
}
}
lines.push('');
lines.push(
  `Start-up (median of 15): node -e 0 ${startup.node.wall.toFixed(0)} ms wall, ${startup.node.cpu.toFixed(0)} ms cpu; warrant lint small.md ${startup.warrant.wall.toFixed(0)} ms wall, ${startup.warrant.cpu.toFixed(0)} ms cpu; overhead ${(startup.warrant.wall - startup.node.wall).toFixed(0)} ms wall, ${(startup.warrant.cpu - startup.node.cpu).toFixed(0)} ms cpu`,
);
lines.push(`Language server start-up (median of 15): initialize answered ${startup.server.wall.toFixed(0)} ms after spawn, node -e 0 ${startup.server.node.toFixed(0)} ms; overhead ${(startup.server.wall - startup.server.node).toFixed(0)} ms`);
console.log(lines.join('\n'));
let editor;
if (!noEditor) {
  console.error('bench: editor half (scripts/bench-lsp.mjs)…');
  editor = await runEditorBench({ edits });
  console.log(`\n${editor.lines.join('\n')}`);
}

// The detector's language features on vs off (#24 item 4), in this same run.
if (!noDetector) {
  console.error('bench: detector costs (scripts/bench-detector.mjs)…');
  const detector = await runDetectorBench({ corpus, runs });
  console.log(`\n${detector.lines.join('\n')}`);
}

// The sentence encoder's costs (#24 item 6), in this same run.
if (!noEncoder) {
  console.error('bench: sentence encoder (scripts/bench-encoder.mjs)…');
  console.log(`\n${(await runEncoderBench({ corpus, files })).lines.join('\n')}`);
}

// The issues' acceptance lines (#13, #20), as ratios from this run.
const ok = (b) => (b ? 'met' : 'NOT met');
const acc = ['', 'Acceptance (#13, #20), this run:'];
if (editor) {
  const { small, big, ws } = editor;
  acc.push(`  170 KB essay p95 / one bare parse ≤ 0.5          ${(big.p95 / big.bare).toFixed(2)}×   ${ok(big.p95 / big.bare <= 0.5)}`);
  acc.push(`  30 KB essay p95 ≤ 20 ms                          ${small.p95.toFixed(1)} ms   ${ok(small.p95 <= 20)}`);
  if (ws) {
    acc.push(`  ${ws.count}-file workspace: first diagnostics ≤ 2 s     ${(ws.firstMs / 1000).toFixed(2)} s   ${ok(ws.firstMs <= 2000)}`);
    acc.push(`  RSS at first diagnostics ≤ 250 MB                ${ws.rssAtFirst.toFixed(0)} MB   ${ok(ws.rssAtFirst <= 250)}`);
    acc.push(`  RSS once the index finished ≤ 250 MB             ${ws.rss.toFixed(0)} MB   ${ok(ws.rss <= 250)}`);
    acc.push(`  20 edits there, p95 ≤ 60 ms                      ${ws.p95.toFixed(1)} ms   ${ok(ws.p95 <= 60)}`);
    acc.push(`  opened essay's findings = warrant lint           first ${ws.firstEqualsCli ? 'yes' : 'no'}, last ${ws.afterEditsEqualsCli ? 'yes' : 'no'}   ${ok(ws.firstEqualsCli && ws.afterEditsEqualsCli)}`);
  }
}
if (!noCli && known) acc.push(`  heuristic pass on / off, CPU ≤ +15 %             ${((results.one.cpu / results.noHeuristic.cpu - 1) * 100).toFixed(0)} %   ${ok(results.one.cpu / results.noHeuristic.cpu <= 1.15)}`);
if (!noCli && results.markdownlint) {
  const worst = Math.max(results.auto.wall / results.markdownlint.wall, results.auto.wall / results.remark.wall);
  acc.push(`  CLI wall (default) / each anchor ≤ 0.75, worse   ${worst.toFixed(2)}×   ${ok(worst <= 0.75)}`);
}
if (!noCli) acc.push(`  CLI cpu, 1 worker / bare parse ≤ 1.4             ${(results.one.cpu / results.bare.cpu).toFixed(2)}×   ${ok(results.one.cpu / results.bare.cpu <= 1.4)}`);
const over = startup.warrant.wall - startup.node.wall;
acc.push(`  start-up overhead ≤ 90 ms (wall)                 ${over.toFixed(0)} ms   ${ok(over <= 90)}   (cpu ${(startup.warrant.cpu - startup.node.cpu).toFixed(0)} ms)`);
const serverOver = startup.server.wall - startup.server.node;
acc.push(`  language server initialize, over node -e 0 ≤ 90  ${serverOver.toFixed(0)} ms   ${ok(serverOver <= 90)}`);
console.log(acc.join('\n'));
