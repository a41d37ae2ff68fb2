#!/usr/bin/env node
/**
 * `npm run eval`: score the zero-annotation detector on the development corpus.
 *
 *   npm run eval                         # ../shared/corpus/dev, shipped options
 *   npm run eval -- /path/to/corpus      # or WARRANT_CORPUS=/path/to/corpus
 *   npm run eval -- --scope=sentence     # override citationScope
 *   npm run eval -- --splitter=sentence-splitter|sentencex|intl
 *   npm run eval -- --compare            # splitter accuracy/speed and both scopes
 *   npm run eval -- --per-essay --out=preds.json
 *   npm run eval -- --stand-in           # citations from the script's own mdast walk
 *
 * Runs the TypeScript sources through tsx (`node --import tsx`), so it works on a clean clone
 * after `npm ci` without a build. Skips (exit 0) when the corpus folder is absent.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name) => {
  const hit = args.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (!hit) return undefined;
  return hit.includes('=') ? hit.slice(hit.indexOf('=') + 1) : true;
};
const positional = args.filter((a) => !a.startsWith('--'));
const corpus = resolve(positional[0] ?? process.env.WARRANT_CORPUS ?? join(repo, '..', 'shared', 'corpus', 'dev'));

if (!existsSync(join(corpus, 'essays')) || !existsSync(join(corpus, 'tools', 'score.py'))) {
  console.log(`eval: no corpus at ${corpus} (expected essays/ and tools/score.py); skipped.`);
  console.log('      Pass a path or set WARRANT_CORPUS to score the heuristic detector.');
  process.exit(0);
}

// Keep the embedded defaults in step with data/heuristics.yaml before measuring them.
const gen = await import(pathToFileURL(join(repo, 'test/heuristics/generate-defaults.ts')).href);
if (!gen.checkGenerated(true)) console.log('eval: regenerated src/core/heuristics/defaults.generated.ts from data/heuristics.yaml');

const { parseMarkdown } = await import(pathToFileURL(join(repo, 'src/core/parse/markdown.ts')).href);
const { LineIndex } = await import(pathToFileURL(join(repo, 'src/core/text/lineIndex.ts')).href);
const H = await import(pathToFileURL(join(repo, 'src/core/heuristics/index.ts')).href);
const essaysDir = join(corpus, 'essays');
const citationsOf = await citationCollector();
const essays = readdirSync(essaysDir)
  .filter((f) => /\.mdx?$/.test(f))
  .sort()
  .map((f) => ({ file: f, text: readFileSync(join(essaysDir, f), 'utf8') }));

let options = H.defaultHeuristicOptions();
const overrides = {};
if (flag('scope')) overrides.citationScope = flag('scope');
if (flag('threshold')) overrides.threshold = Number(flag('threshold'));
if (Object.keys(overrides).length) {
  const merged = H.mergeHeuristicOptions(options, overrides);
  if (merged.problems.length) throw new Error(JSON.stringify(merged.problems));
  options = merged.options;
}

const BASELINES = {
  A_claim: { 'all-positive': '0.70 / 0.99 / 0.82', 'naive cue-word': '0.80 / 0.46 / 0.58' },
  B_needs_citation: { 'all-positive': '0.39 / 0.98 / 0.55', 'naive cue-word': '0.54 / 0.54 / 0.54' },
  C_uncited_flag: { 'all-positive': '0.19 / 0.95 / 0.32', 'naive cue-word': '0.32 / 0.48 / 0.39' },
};

if (flag('compare')) {
  await compare();
} else {
  const splitter = await splitterNamed(flag('splitter') ?? 'intl');
  const preds = predict(options, splitter);
  const out = typeof flag('out') === 'string' ? flag('out') : join(mkdtempSync(join(tmpdir(), 'warrant-eval-')), 'predictions.json');
  writeFileSync(out, JSON.stringify(preds, null, 1));
  const score = runScorer(out);
  if (flag('per-essay')) console.log(score.raw.split('\n').filter((l) => !l.startsWith('MICRO')).join('\n'));
  console.log(`corpus: ${corpus}`);
  console.log(`predictions: ${out} (${preds.length} sentences, citationScope=${options.citationScope}, citations from ${citationsOf.origin})`);
  printTable(score.micro);
  if (citationsOf.analyze) timing(options);
}

/**
 * Cost of the heuristic pass beside the core's analysis of the same essays (parse, recognizers,
 * sources, model): warm runs, median of 7. Lint time is larger than analysis time, so the
 * percentage printed is an upper bound on what the pass adds to `warrant lint`.
 */
function timing(opts) {
  const runs = 7;
  const analyzeMs = [];
  const detectMs = [];
  const models = essays.map(({ file, text }) => citationsOf.analyze(text, file));
  for (let r = 0; r < runs; r++) {
    let t0 = performance.now();
    for (const { file, text } of essays) citationsOf.analyze(text, file);
    analyzeMs.push(performance.now() - t0);
    t0 = performance.now();
    models.forEach((m, i) => H.detectSentences({ text: essays[i].text, root: m.root, citations: m.sources.map((s) => s.range), exclude: [], options: opts }));
    detectMs.push(performance.now() - t0);
  }
  const med = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
  const a = med(analyzeMs);
  const d = med(detectMs);
  console.log(`\ntiming (${essays.length} essays, median of ${runs} warm runs): core analysis ${a.toFixed(1)} ms, heuristic pass ${d.toFixed(1)} ms (+${((100 * d) / a).toFixed(1)} %)`);
}

/** One prediction object per sentence, in the format tools/score.py reads. */
function predict(opts, splitter) {
  const preds = [];
  for (const { file, text } of essays) {
    const parsed = parseMarkdown(text);
    const index = new LineIndex(text);
    const sentences = H.detectSentences({ text, root: parsed.root, citations: citationsOf(parsed, file), exclude: [], options: opts, splitter });
    for (const s of sentences) {
      preds.push({
        file,
        line: index.positionAt(s.range.start).line + 1,
        text: s.text,
        claim: s.claim,
        cited: s.cited,
        needs_citation: s.needsCitation,
        score: s.score,
        reasons: s.reasons,
      });
    }
  }
  return preds;
}

function runScorer(predsPath) {
  const r = spawnSync('python3', ['tools/score.py', predsPath], { cwd: corpus, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tools/score.py failed: ${r.stderr || r.error}`);
  const micro = {};
  for (const line of r.stdout.split('\n')) {
    const m = /^MICRO (\S+)\s+P=([\d.]+) R=([\d.]+) F1=([\d.]+) \(tp=(\d+) pred=(\d+) gold=(\d+)\)/.exec(line);
    if (m) micro[m[1]] = { P: +m[2], R: +m[3], F1: +m[4], tp: +m[5], pred: +m[6], gold: +m[7] };
  }
  return { raw: r.stdout.trim(), micro };
}

function printTable(micro) {
  const f = (x) => x.toFixed(2);
  console.log('');
  console.log('micro-averaged over the gold essays   P / R / F1');
  for (const [task, m] of Object.entries(micro)) {
    console.log(`${task.padEnd(18)} warrant          ${f(m.P)} / ${f(m.R)} / ${f(m.F1)}   (tp=${m.tp} pred=${m.pred} gold=${m.gold})`);
    for (const [name, v] of Object.entries(BASELINES[task] ?? {})) console.log(`${''.padEnd(18)} ${name.padEnd(16)} ${v}`);
  }
}

/**
 * Citation ranges: the core's collector (`analyzeDocument(...).sources`) when it loads, else a
 * stand-in over mdast (kept so the eval also runs on a checkout whose core is mid-change).
 */
async function citationCollector() {
  if (!flag('stand-in')) try {
    const { analyzeDocument } = await import(pathToFileURL(join(repo, 'src/core/model/analyze.ts')).href);
    const { baseConfig } = await import(pathToFileURL(join(repo, 'src/core/config/config.ts')).href);
    const config = baseConfig(new Map());
    // A read-only file-system workspace: the essays' bibliographies and local links resolve.
    const workspace = {
      readText: (uri) => {
        try {
          return readFileSync(fileURLToPath(uri), 'utf8');
        } catch {
          return undefined;
        }
      },
      exists: (uri) => {
        try {
          return existsSync(fileURLToPath(uri));
        } catch {
          return false;
        }
      },
    };
    const analyze = (text, file) => analyzeDocument({ uri: pathToFileURL(join(essaysDir, file)).href, text, config, workspace, knownRules: new Set() });
    const fn = (parsed, file) => analyze(parsed.text, file).sources.map((s) => s.range);
    fn.analyze = analyze;
    fn({ text: '' }, 'probe.md'); // fail here, not mid-run, when the core's API has moved
    fn.origin = 'the core (analyzeDocument)';
    return fn;
  } catch (error) {
    console.log(`eval: core citation collector unavailable (${String(error.message).split('\n')[0]}); using the stand-in`);
  }
  const fn = (parsed) => fallbackCitations(parsed);
  fn.origin = 'the eval stand-in collector';
  return fn;
}

/**
 * Links to URLs or site pages (not `#anchors`), footnote references, `<a href>`, `<d-cite>`,
 * Pandoc `[@key]`/`@key`, DOIs and arXiv ids.
 */
function fallbackCitations(parsed) {
  const out = [];
  const defs = new Map();
  const visit = (node, fn) => {
    fn(node);
    if (node.children) for (const c of node.children) visit(c, fn);
  };
  visit(parsed.root, (n) => {
    if (n.type === 'definition') defs.set(String(n.identifier).toLowerCase(), n.url);
  });
  const isSource = (url) => typeof url === 'string' && url.trim() !== '' && !url.trim().startsWith('#');
  const push = (pos) => pos && out.push({ start: pos.start.offset, end: pos.end.offset });
  visit(parsed.root, (n) => {
    if (n.type === 'link' && isSource(n.url)) push(n.position);
    else if (n.type === 'linkReference' && isSource(defs.get(String(n.identifier).toLowerCase()))) push(n.position);
    else if (n.type === 'footnoteReference') push(n.position);
    else if (n.type === 'html' && n.position) {
      const re = /<a\s[^>]*href\s*=\s*["']?([^"'\s>]+)|<d-cite\b/gi;
      for (let m; (m = re.exec(n.value)); ) {
        if (m[0].startsWith('<d-cite') || isSource(m[1])) out.push({ start: n.position.start.offset + m.index, end: n.position.start.offset + m.index + m[0].length });
      }
    } else if (n.type === 'text' && n.position) {
      const re = /\[-?@[\w:.#$%&+?<>~/-]+[^\]]*\]|(?<![\w@])@[A-Za-z][\w:.#$%&+?<>~/-]*\d{2}\w*|\b10\.\d{4,9}\/\S+|\barXiv:\s?\d{4}\.\d{4,5}/g;
      for (let m; (m = re.exec(n.value)); ) {
        const start = n.position.start.offset + m.index;
        out.push({ start, end: start + m[0].length });
      }
    }
  });
  return out;
}

async function splitterNamed(name) {
  if (name === 'intl') return undefined; // the detector's own default
  if (name === 'sentence-splitter') {
    const { split } = await import('sentence-splitter');
    return (text) => split(text).filter((n) => n.type === 'Sentence').map((n) => n.range[0]);
  }
  if (name === 'sentencex') {
    const mod = await import('sentencex');
    return (text) => {
      const starts = [];
      let from = 0;
      for (const s of mod.segment('en', text)) {
        const at = text.indexOf(s, from);
        if (at < 0) continue;
        starts.push(at);
        from = at + s.length;
      }
      return starts;
    };
  }
  if (name === 'intl-noabbrev') return H.intlSplitter([]);
  throw new Error(`unknown splitter ${name}`);
}

/** Splitter accuracy (gold sentence starts found) and speed; both citation scopes. */
async function compare() {
  const gold = loadGoldStarts();
  console.log(`corpus: ${corpus}; ${gold.length} gold sentence starts in ${new Set(gold.map((g) => g.file)).size} essays`);
  console.log('splitter            gold starts exact   lower-case starts   sentences   split time (12 essays, median of 5)');
  const blocksByEssay = essays.map(({ text }) => {
    const parsed = parseMarkdown(text);
    return H.collectProse(text, parsed.root, { tables: options.tables, skipSection: () => false });
  });
  for (const name of ['intl', 'intl-noabbrev', 'sentence-splitter', 'sentencex']) {
    let splitter;
    try {
      splitter = (await splitterNamed(name)) ?? H.intlSplitter(options.abbreviations);
    } catch (error) {
      console.log(`${name.padEnd(20)}unavailable: ${error.message}`);
      continue;
    }
    const preds = predict({ ...options }, splitter).map((p) => ({ ...p, claim: true }));
    // Exact: the predicted sentence starts where the gold one does (score.py's containment test
    // would also accept two sentences merged on one line). Lower-case starts are likely false splits.
    const found = gold.filter((g) => preds.some((p) => p.file === g.file && p.line === g.line && sameStart(g.text, p.text))).length;
    const lower = preds.filter((p) => /^[a-z]/.test(p.text)).length;
    const times = [];
    for (let r = 0; r < 5; r++) {
      const t0 = performance.now();
      for (const blocks of blocksByEssay) for (const b of blocks) splitter(b.text);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    console.log(`${name.padEnd(20)}${`${found}/${gold.length} (${((100 * found) / gold.length).toFixed(1)} %)`.padEnd(20)}${String(lower).padEnd(20)}${String(preds.length).padEnd(12)}${times[2].toFixed(1)} ms`);
    if (flag('misses')) for (const g of gold.filter((g) => !preds.some((p) => p.file === g.file && p.line === g.line && sameStart(g.text, p.text)))) console.log(`   miss ${g.file}:${g.line}`);
  }
  for (const scope of ['sentence', 'paragraph']) {
    const merged = H.mergeHeuristicOptions(options, { citationScope: scope }).options;
    const file = join(mkdtempSync(join(tmpdir(), 'warrant-eval-')), 'predictions.json');
    writeFileSync(file, JSON.stringify(predict(merged, undefined)));
    console.log(`\ncitationScope: ${scope}`);
    printTable(runScorer(file).micro);
  }
}

/** Gold items as { file, line, text }: a subset reader for the gold YAML (stdlib-free). */
function loadGoldStarts() {
  const dir = join(corpus, 'gold');
  const items = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.yaml'))) {
    const src = readFileSync(join(dir, f), 'utf8');
    const essay = /^essay:\s*(\S+)/m.exec(src)?.[1];
    let cur;
    for (const line of src.split('\n')) {
      const m = /^\s*(- )?(line|text):\s*(.*)$/.exec(line);
      if (!m) continue;
      if (m[2] === 'line') {
        cur = { file: essay, line: Number(m[3]) };
        items.push(cur);
      } else if (cur) cur.text = JSON.parse(m[3].startsWith('"') ? m[3] : JSON.stringify(m[3]));
    }
  }
  return items;
}

/** tools/check_gold.py's norm() and score.py's match(), for the splitter measurement. */
function norm(s) {
  const url = String.raw`\((?:[^()\s]|\([^()]*\))*(?:\s+"[^"]*")?\)`;
  return s
    .replace(new RegExp(String.raw`!\[[^\]]*\]` + url, 'g'), '')
    .replace(new RegExp(String.raw`\[([^\]]*)\]` + url, 'g'), '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/\\/g, '')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
function sameStart(g, p) {
  const a = norm(g).toLowerCase().slice(0, 24);
  const b = norm(p).toLowerCase().slice(0, 24);
  return Boolean(a) && Boolean(b) && (a.startsWith(b) || b.startsWith(a));
}

export { basename };
