#!/usr/bin/env node
/**
 * `npm run eval`: how well the zero-annotation detector finds claims that need a citation, on the
 * development corpus (every `gold/*.yaml` present), scored with tools/score.py's matching rule.
 *
 *   npm run eval                         # ../shared/corpus/dev (or WARRANT_CORPUS, or a path)
 *   npm run eval -- --ablate             # leave-one-essay-out with feature groups removed
 *   npm run eval -- --per-essay --out=preds.json
 *   npm run eval -- --no-encoder         # skip the encoder configuration (no embeddings needed)
 *
 * Headline: leave-one-essay-out — for each essay, the model is trained (`npm run train`'s
 * procedure, thresholds chosen inside the fold) on every other essay and scores the one left
 * out; counts are micro-averaged, with a 90 % bootstrap interval over essays. In-sample scores
 * (the shipped model, trained on all essays) come second; the baselines are computed here, in
 * the same run, by the corpus's own tools/baseline_naive.mjs. Every number printed is measured
 * by this run. Skips (exit 0) when the corpus is absent.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { REPO, TASK_NAMES, buildRecords, corpusDir, loadEssays, micro, scoreCounts } from './detector/corpus.mjs';
import { DEFAULTS, fit } from './detector/lr.mjs';
import { averagePrecision, corpusEmbeddings, corpusTexts, fitEncoder, rankings } from './detector/encoder.mjs';
import { match } from './detector/corpus.mjs';

const args = process.argv.slice(2);
const flag = (name) => {
  const hit = args.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (!hit) return undefined;
  return hit.includes('=') ? hit.slice(hit.indexOf('=') + 1) : true;
};
const dir = corpusDir(args.find((a) => !a.startsWith('--')));
if (!dir) {
  console.log('eval: no corpus found (expected essays/ and gold/ under ../shared/corpus/dev, WARRANT_CORPUS or the path given); skipped.');
  process.exit(0);
}

const H = await import(pathToFileURL(join(REPO, 'src/core/heuristics/index.ts')).href);
/** A seeded PRNG (mulberry32), so intervals are the same run to run; the tests' and the fuzzer's. */
const { rng } = await import(pathToFileURL(join(REPO, 'test/helpers/rng.ts')).href);
const { LineIndex } = await import(pathToFileURL(join(REPO, 'src/core/text/lineIndex.ts')).href);
const t0 = performance.now();
const essays = await buildRecords(loadEssays(dir), DEFAULTS.hashBits);
const goldItems = essays.reduce((n, e) => n + e.gold.length, 0);
console.log(`corpus: ${dir}`);
console.log(`        ${essays.length} essays with gold, ${goldItems} gold claims, ${essays.reduce((n, e) => n + e.records.length, 0)} sentences from the pipeline`);

/** score.py prediction objects for essays under a model, through the product's detectSentences. */
function predict(subset, model) {
  const preds = [];
  for (const e of subset) {
    const index = new LineIndex(e.essay.text);
    for (const s of H.detectSentences({ ...e.input, model })) {
      preds.push({
        file: e.file,
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

/** Leave-one-essay-out predictions under training options `opts` (`models[i]`: the fold's model). */
function leaveOneOut(opts = {}, models = []) {
  const preds = [];
  for (let i = 0; i < essays.length; i++) {
    const model = fit(essays.filter((_, k) => k !== i), opts);
    models[i] = model;
    preds.push(...predict([essays[i]], model));
  }
  return preds;
}

/** 90 % percentile bootstrap interval of micro F1 and P, resampling essays. */
function bootstrap(counts, n = 2000) {
  const files = Object.keys(counts);
  const rand = rng(20261129);
  const samples = Object.fromEntries(TASK_NAMES.map((t) => [t, { F1: [], P: [] }]));
  for (let b = 0; b < n; b++) {
    const pick = files.map(() => files[Math.floor(rand() * files.length)]);
    const m = micro(counts, pick);
    for (const t of TASK_NAMES) {
      samples[t].F1.push(m[t].F1);
      samples[t].P.push(m[t].P);
    }
  }
  const q = (xs, p) => xs.sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
  return Object.fromEntries(TASK_NAMES.map((t) => [t, { F1: [q(samples[t].F1, 0.05), q(samples[t].F1, 0.95)], P: [q(samples[t].P, 0.05), q(samples[t].P, 0.95)] }]));
}

const f2 = (x) => x.toFixed(2);
function row(name, m, ci) {
  const interval = ci ? `   90% CI F1 [${f2(ci.F1[0])}, ${f2(ci.F1[1])}]  P [${f2(ci.P[0])}, ${f2(ci.P[1])}]` : '';
  return `  ${name.padEnd(30)} ${f2(m.P)} / ${f2(m.R)} / ${f2(m.F1)}${interval}`;
}

function table(title, systems) {
  console.log(`\n${title}`);
  for (const task of TASK_NAMES) {
    console.log(`${task}                      P / R / F1`);
    for (const s of systems) console.log(row(s.name, s.micro[task], s.ci?.[task]));
  }
}

if (flag('ablate')) {
  // Precision levers and feature groups: each removed in turn, scored leave-one-essay-out.
  const groups = {
    'shipped features (no word n-grams)': {},
    'plus hashed word 1-2-grams': { useHashed: true },
    'no cue families': { keep: (n) => !n.startsWith('cue:') },
    'no form features': { keep: (n) => !n.startsWith('form:') },
    'no context (block, citations)': { keep: (n) => !n.startsWith('block:') && !n.startsWith('cite:') },
    'no self-report cues': { keep: (n) => n !== 'cue:selfReport' && n !== 'form:firstPlural' },
    'no first person': { keep: (n) => n !== 'form:firstSingular' && n !== 'form:firstPlural' },
    'no hedges / opinion': { keep: (n) => n !== 'cue:hedge' && n !== 'cue:opinion' && n !== 'form:modal' },
    'no thesis signals (anaphora, connective, normative)': { keep: (n) => !['form:anaphora', 'form:connective', 'form:normative', 'cue:normative'].includes(n) },
  };
  const systems = [];
  for (const [name, opts] of Object.entries(groups)) {
    const counts = scoreCounts(leaveOneOut(opts), essays);
    systems.push({ name, micro: micro(counts) });
    console.log(`  ablation done: ${name}`);
  }
  table('leave-one-essay-out, feature groups removed (micro-averaged)', systems);
  process.exit(0);
}

// Headline: leave one essay out.
const looModels = [];
const looPreds = leaveOneOut({}, looModels);
const looCounts = scoreCounts(looPreds, essays);
const loo = { name: 'warrant (leave-one-essay-out)', micro: micro(looCounts), ci: bootstrap(looCounts) };

// The encoder configuration, leave one essay out: the fold's light model, and an encoder stage
// fitted on the same 21 essays (scripts/detector/encoder.mjs), refining the held-out essay.
let encoderSys;
let encoderPreds;
if (!flag('no-encoder')) {
  const embeddings = await corpusEmbeddings(corpusTexts(essays), { log: (m) => console.log(`encoder: ${m}`) });
  const lookup = (model) => ({ get: (t) => embeddings.get(t), generation: 1, model });
  encoderPreds = [];
  let candidates = 0;
  let sentences = 0;
  for (let i = 0; i < essays.length; i++) {
    const enc = await fitEncoder(essays.filter((_, k) => k !== i), embeddings);
    const light = H.detectSentences({ ...essays[i].input, model: looModels[i] });
    const refined = H.refineSentences(light, lookup(enc));
    candidates += refined.candidates;
    sentences += light.length;
    const index = new LineIndex(essays[i].essay.text);
    for (const s of refined.sentences) {
      encoderPreds.push({ file: essays[i].file, line: index.positionAt(s.range.start).line + 1, text: s.text, claim: s.claim, cited: s.cited, needs_citation: s.needsCitation, score: s.score, reasons: s.reasons });
    }
  }
  const counts = scoreCounts(encoderPreds, essays);
  encoderSys = { name: 'warrant + encoder (l-o-e-o)', micro: micro(counts), ci: bootstrap(counts), counts, share: candidates / sentences };
}

// In-sample: the shipped procedure on every essay.
const shipped = fit(essays);
const inPreds = predict(essays, shipped);
const inCounts = scoreCounts(inPreds, essays);
const inSample = { name: 'warrant (in-sample)', micro: micro(inCounts) };
const shippedPreds = predict(essays, undefined); // what the package ships today
const shippedSys = { name: 'warrant (shipped weights)', micro: micro(scoreCounts(shippedPreds, essays)) };

// Baselines: the corpus's own script, run now on these essays.
const baselines = [];
const baselineScript = join(dir, 'tools', 'baseline_naive.mjs');
if (existsSync(baselineScript)) {
  for (const [name, extra] of [['all-positive baseline', ['--all-positive']], ['naive cue-word baseline', []]]) {
    const r = spawnSync(process.execPath, [baselineScript, ...extra, ...essays.map((e) => e.essay.path)], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, NODE_PATH: join(REPO, 'node_modules') },
    });
    if (r.status !== 0) {
      console.log(`eval: ${name} could not run (${(r.stderr || String(r.error)).split('\n')[0]})`);
      continue;
    }
    const counts = scoreCounts(JSON.parse(r.stdout), essays);
    baselines.push({ name, micro: micro(counts), ci: bootstrap(counts) });
  }
}

table(`HEADLINE — leave-one-essay-out over ${essays.length} essays (micro-averaged; thresholds chosen inside each fold)`, [loo, ...(encoderSys ? [encoderSys] : []), ...baselines]);

// AP of the uncited-flag ranking per configuration, and the encoder's gain over the light model
// with a 90 % bootstrap interval over essays (paired: the same resampled essays for both).
{
  const configs = [['light (leave-one-essay-out)', looPreds], ...(encoderPreds ? [['light + encoder (leave-one-essay-out)', encoderPreds]] : [])];
  const ranks = configs.map(([name, preds]) => [name, rankings(preds, essays, match)]);
  console.log('\nAP of the uncited-flag ranking (uncited claims by score; gold: needs a citation, has none)');
  for (const [name, r] of ranks) console.log(`  ${name.padEnd(40)} AP ${f2(averagePrecision(r))}`);
  if (encoderSys) {
    const files = essays.map((e) => e.file);
    const rand = rng(20261204);
    const dF1 = [];
    const dAP = [];
    const flagOf = (counts, pick) => micro(counts, pick).C_uncited_flag.F1;
    for (let b = 0; b < 2000; b++) {
      const pick = files.map(() => files[Math.floor(rand() * files.length)]);
      dF1.push(flagOf(encoderSys.counts, pick) - flagOf(looCounts, pick));
      dAP.push(averagePrecision(ranks[1][1], pick) - averagePrecision(ranks[0][1], pick));
    }
    const q = (xs, p) => [...xs].sort((a, b) => a - b)[Math.floor(p * xs.length)];
    const sign = (x) => (x >= 0 ? '+' : '') + f2(x);
    const gainF1 = encoderSys.micro.C_uncited_flag.F1 - loo.micro.C_uncited_flag.F1;
    const gainAP = averagePrecision(ranks[1][1]) - averagePrecision(ranks[0][1]);
    console.log(`  encoder gain: flag F1 ${sign(gainF1)} [${sign(q(dF1, 0.05))}, ${sign(q(dF1, 0.95))}], AP ${sign(gainAP)} [${sign(q(dAP, 0.05))}, ${sign(q(dAP, 0.95))}] (90 % bootstrap over essays)`);
    console.log(`  share of sentences embedded (candidates): ${(encoderSys.share * 100).toFixed(0)} %`);
  }
}
table('in-sample (trained and scored on the same essays; not a measure of generalisation)', [inSample, shippedSys]);

// The JavaScript scorer against the corpus's own tools/score.py, on the same predictions.
const out = typeof flag('out') === 'string' ? flag('out') : join(mkdtempSync(join(tmpdir(), 'warrant-eval-')), 'loo-predictions.json');
writeFileSync(out, JSON.stringify(looPreds, null, 1));
const py = spawnSync('python3', [join(dir, 'tools', 'score.py'), out], { cwd: dir, encoding: 'utf8' });
if (py.status === 0) {
  const agree = TASK_NAMES.every((t) => {
    const m = new RegExp(`^MICRO ${t}\\s+P=\\S+ R=\\S+ F1=\\S+ \\(tp=(\\d+) pred=(\\d+) gold=(\\d+)\\)`, 'm').exec(py.stdout);
    const mine = loo.micro[t];
    return m && +m[1] === mine.tp && +m[2] === mine.pred && +m[3] === mine.gold;
  });
  console.log(`\nscorer check: tools/score.py on the leave-one-out predictions ${agree ? 'gives the same counts' : 'DISAGREES with the JavaScript scorer'} (${out})`);
  if (flag('per-essay')) console.log(py.stdout.split('\n').filter((l) => !l.startsWith('MICRO')).join('\n'));
  if (!agree) process.exitCode = 1;
} else {
  console.log(`\nscorer check: tools/score.py not run (${(py.stderr || String(py.error)).split('\n')[0]}); predictions in ${out}`);
}
console.log(`\neval took ${((performance.now() - t0) / 1000).toFixed(1)} s`);
