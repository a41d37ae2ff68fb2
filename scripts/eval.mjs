#!/usr/bin/env node
/**
 * `npm run eval`: how well the zero-annotation detector finds claims that need a citation, on the
 * development corpus (every `gold/*.yaml` present), scored with tools/score.py's matching rule.
 *
 *   npm run eval                         # ../shared/corpus/dev (or WARRANT_CORPUS, or a path)
 *   npm run eval -- --ablate             # leave-one-essay-out with feature groups removed
 *   npm run eval -- --per-essay --out=preds.json
 *   npm run eval -- --configs=previous,new   # only these configurations (previous, light, new)
 *   npm run eval -- --drop-new=nlp:ent:      # "new" without the features named so
 *   npm run eval -- --no-encoder             # without the encoder configuration (no embeddings needed)
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
import { REPO, TASK_NAMES, buildRecords, corpusDir, loadEssays, match, micro, scoreCounts } from './detector/corpus.mjs';
import { DEFAULTS, fit } from './detector/lr.mjs';
import { corpusEmbeddings, corpusTexts, fitEncoder } from './detector/encoder.mjs';

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

/**
 * Detector configurations scored side by side, each leave-one-essay-out in this same run.
 * `detect` goes into the detector's input (feature sources, the previous rules), `train` into the
 * trainer's options (`keep` drops features). Another feature source (an encoder) adds a row here.
 */
export const CONFIGS = [
  {
    name: 'previous',
    about: 'the previous detector: its features and rules (each block quote a quotation; normative and hypothetical sentences excluded by rule)',
    detect: { sources: [], previousRules: true },
    train: { keep: (n) => n !== 'form:bareNormative' },
  },
  { name: 'light', about: 'the new rules without the language features (the light weights: an editor before the model loads)', detect: { sources: [] }, train: {} },
  // `light`: each fold model carries the light weights fitted on the same essays, as the shipped
  // model does (the language features read only the sentences they do not clear: detect.ts).
  { name: 'new', about: 'one quotation per block-quote run, normative/hypothetical cues as evidence, wink-nlp language features', detect: {}, train: {}, light: true },
];
// `--configs=previous,new`: score only these (each configuration is a leave-one-essay-out run).
const only = typeof flag('configs') === 'string' ? flag('configs').split(',') : undefined;
if (only) CONFIGS.splice(0, CONFIGS.length, ...CONFIGS.filter((c) => only.includes(c.name)));
// `--drop-new=<prefix,...>`: drop named features starting with these from "new" (a measured ablation).
const dropNew = typeof flag('drop-new') === 'string' ? flag('drop-new').split(',') : undefined;
if (dropNew) CONFIGS.find((c) => c.name === 'new').train = { keep: (n) => !dropNew.some((p) => n.startsWith(p)) };

/** The genre of each development essay (../shared/corpus/dev/README.md), for per-genre numbers. */
const GENRES = {
  policy: ['pauseai-proposal.md', 'aiid-deepfakes-child-safety.md', 'ktfh-ch6-race-for-agi.md', 'connectedbydata-g7-principles-response.md', 'connectedbydata-un-global-dialogue-response.md'],
  'research post': ['epoch-compute-trends.md', 'epoch-gpu-price-performance.md', 'eleuther-deep-ignorance.md', 'inwaves-homogeneous-takeoff.md', 'millidge-direct-vs-amortized-optimization.md', 'eleuther-yi-34b-nyt-fact-check.md', 'eleuther-fmti-critique.md'],
};
const genreOf = (file) => Object.entries(GENRES).find(([, files]) => files.includes(file))?.[0] ?? 'opinion';

const loaded = loadEssays(dir);
const byConfig = [];
for (const config of CONFIGS) byConfig.push({ config, essays: await buildRecords(loaded, DEFAULTS.hashBits, config.detect) });
const essays = byConfig.find((c) => c.config.name === 'new').essays;
/** The essays' records without the language features: the light weights are fitted on these. */
const lightEssays = byConfig.find((c) => c.config.name === 'light')?.essays ?? (await buildRecords(loaded, DEFAULTS.hashBits, { sources: [] }));
/** `model` with light weights fitted on the same essays (`held`: the one left out). */
function withLight(model, held) {
  const light = fit(lightEssays.filter((e) => e.file !== held));
  return { ...model, light: { claim: light.claim, needs: light.needs, thresholds: light.thresholds } };
}
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

/**
 * Leave-one-essay-out predictions under training options `opts` (`models[i]`: the fold's model;
 * `light`: each with the fold's light weights, as shipped).
 */
function leaveOneOut(opts = {}, set = essays, models = [], light = false) {
  const preds = [];
  for (let i = 0; i < set.length; i++) {
    const fitted = fit(set.filter((_, k) => k !== i), opts);
    const model = light ? withLight(fitted, set[i].file) : fitted;
    models[i] = model;
    preds.push(...predict([set[i]], model));
  }
  return preds;
}

/**
 * The uncited-flag ranking of each essay: every uncited sentence, most likely to need a source
 * first (non-claims last), marked relevant when it matches a gold item that needs a citation and
 * has none (score.py's matching, gold order). `{ file: { items: [{ score, rel }], gold } }`.
 */
function rankings(preds) {
  const out = {};
  for (const essay of essays) {
    const mine = preds.filter((p) => p.file === essay.file && !p.cited).map((p) => ({ p, score: p.claim ? p.score : p.score - 1, rel: 0 }));
    mine.sort((a, b) => b.score - a.score);
    const gold = essay.gold.filter((g) => g.needs_citation && !g.cited);
    for (const g of gold) {
      const hit = mine.find((m) => !m.rel && m.p.line === g.line && match(String(g.text), String(m.p.text ?? '')));
      if (hit) hit.rel = 1;
    }
    out[essay.file] = { items: mine.map(({ score, rel }) => ({ score, rel })), gold: gold.length };
  }
  return out;
}

/** Average precision of the pooled ranking of `files` (missed gold items count as zero). */
function averagePrecision(ranks, files = Object.keys(ranks)) {
  const items = files.flatMap((f) => ranks[f].items).sort((a, b) => b.score - a.score);
  const gold = files.reduce((n, f) => n + ranks[f].gold, 0);
  let hits = 0;
  let sum = 0;
  items.forEach((it, i) => {
    if (it.rel) sum += ++hits / (i + 1);
  });
  return gold ? sum / gold : 0;
}

/** The headline metrics of one configuration's predictions, over some essays. */
function metrics(counts, ranks, files) {
  const m = micro(counts, files);
  return { flagF1: m.C_uncited_flag.F1, flagP: m.C_uncited_flag.P, flagR: m.C_uncited_flag.R, AP: averagePrecision(ranks, files), needsF1: m.B_needs_citation.F1, claimF1: m.A_claim.F1 };
}
const METRICS = [['flagF1', 'flag F1'], ['flagP', 'flag P'], ['AP', 'AP (uncited ranking)'], ['needsF1', 'needs-citation F1']];

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

/**
 * Paired bootstrap over essays (the same resamples for every configuration): a 90 % interval for
 * each configuration's metrics and for each one's difference from the first ("previous").
 */
function pairedBootstrap(systems, n = 2000) {
  const files = Object.keys(systems[0].counts);
  const rand = rng(20261204);
  const draws = systems.map(() => Object.fromEntries(METRICS.map(([k]) => [k, []])));
  const diffs = systems.map(() => Object.fromEntries(METRICS.map(([k]) => [k, []])));
  for (let b = 0; b < n; b++) {
    const pick = files.map(() => files[Math.floor(rand() * files.length)]);
    const ms = systems.map((s) => metrics(s.counts, s.ranks, pick));
    ms.forEach((m, i) => {
      for (const [k] of METRICS) {
        draws[i][k].push(m[k]);
        diffs[i][k].push(m[k] - ms[0][k]);
      }
    });
  }
  const q = (xs, p) => xs.sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
  const ci = (xs) => [q(xs, 0.05), q(xs, 0.95)];
  return systems.map((_, i) => ({
    ci: Object.fromEntries(METRICS.map(([k]) => [k, ci(draws[i][k])])),
    diff: Object.fromEntries(METRICS.map(([k]) => [k, ci(diffs[i][k])])),
  }));
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
    'no language features (nlp:)': { keep: (n) => !n.startsWith('nlp:') },
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

// Headline: leave one essay out, every configuration in this run.
const foldModels = {};
const systems = byConfig.map(({ config, essays: set }) => {
  const preds = leaveOneOut(config.train, set, (foldModels[config.name] = []), config.light === true);
  const counts = scoreCounts(preds, essays);
  console.log(`  leave-one-essay-out done: ${config.name}`);
  return { config, preds, counts, ranks: rankings(preds), micro: micro(counts) };
});
const current = systems.find((x) => x.config.name === 'new');
const looPreds = current.preds;
const looCounts = current.counts;

// The encoder configuration, leave one essay out: "new"'s fold model, and an encoder stage fitted
// on the same 21 essays (scripts/detector/encoder.mjs) re-scoring the held-out essay's candidates.
let encoderShare;
if (!flag('no-encoder') && foldModels.new) {
  const embeddings = await corpusEmbeddings(corpusTexts(essays), { log: (m) => console.log(`  encoder: ${m}`) });
  const preds = [];
  let candidates = 0;
  let sentences = 0;
  for (let i = 0; i < essays.length; i++) {
    const enc = await fitEncoder(essays.filter((_, k) => k !== i), embeddings);
    const light = H.detectSentences({ ...essays[i].input, model: foldModels.new[i] });
    const refined = H.refineSentences(light, { get: (t) => embeddings.get(t), generation: 1, model: enc });
    candidates += refined.candidates;
    sentences += light.length;
    const index = new LineIndex(essays[i].essay.text);
    for (const s of refined.sentences) {
      preds.push({ file: essays[i].file, line: index.positionAt(s.range.start).line + 1, text: s.text, claim: s.claim, cited: s.cited, needs_citation: s.needsCitation, score: s.score, reasons: s.reasons });
    }
  }
  const counts = scoreCounts(preds, essays);
  encoderShare = candidates / sentences;
  systems.push({ config: { name: 'encoder', about: '"new" with the sentence encoder\'s stage over its candidates (USE-lite, PCA head, stacked)' }, preds, counts, ranks: rankings(preds), micro: micro(counts) });
  console.log('  leave-one-essay-out done: encoder');
}
const loo = { name: 'warrant (leave-one-essay-out)', micro: micro(looCounts), ci: bootstrap(looCounts) };

// In-sample: the shipped procedure on every essay.
const shipped = withLight(fit(essays));
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

// Configurations side by side: each metric with its 90 % interval, and the paired difference from "previous".
const boot = pairedBootstrap(systems);
console.log(`\nHEADLINE — leave-one-essay-out over ${essays.length} essays, configurations side by side (90 % bootstrap over essays; Δ = paired difference from "previous")`);
for (const [i, s] of systems.entries()) console.log(`  ${s.config.name.padEnd(10)} ${s.config.about}`);
for (const [k, label] of METRICS) {
  console.log(`  ${label}`);
  systems.forEach((s, i) => {
    const m = metrics(s.counts, s.ranks, Object.keys(s.counts));
    const c = boot[i].ci[k];
    const d = boot[i].diff[k];
    const delta = i === 0 ? '' : `   Δ ${m[k] - metrics(systems[0].counts, systems[0].ranks, Object.keys(s.counts))[k] >= 0 ? '+' : ''}${f2(m[k] - metrics(systems[0].counts, systems[0].ranks, Object.keys(s.counts))[k])} [${f2(d[0])}, ${f2(d[1])}]`;
    console.log(`    ${s.config.name.padEnd(10)} ${f2(m[k])} [${f2(c[0])}, ${f2(c[1])}]${delta}`);
  });
}

// Per genre (opinion, policy, research post): flag P / R / F1, needs-citation F1, AP.
console.log('\nper genre, leave-one-essay-out (flag P / R / F1, needs-citation F1, AP)');
for (const genre of ['opinion', 'policy', 'research post']) {
  const files = essays.map((e) => e.file).filter((f) => genreOf(f) === genre);
  console.log(`  ${genre} (${files.length} essays)`);
  for (const s of systems) {
    const m = metrics(s.counts, s.ranks, files);
    console.log(`    ${s.config.name.padEnd(10)} ${f2(m.flagP)} / ${f2(m.flagR)} / ${f2(m.flagF1)}   needs F1 ${f2(m.needsF1)}   AP ${f2(m.AP)}`);
  }
}

// The two tiers of the shipped model: flags at or above its `info` confidence, and the rest.
const infoAt = H.SHIPPED_MODEL.thresholds.info;
if (infoAt !== undefined) {
  const tier = (above) => {
    const flags = looPreds.filter((p) => p.needs_citation && !p.cited && (p.score >= infoAt) === above);
    const hit = new Set();
    let tp = 0;
    for (const essay of essays) {
      const mine = flags.filter((p) => p.file === essay.file);
      for (const g of essay.gold.filter((x) => x.needs_citation && !x.cited)) {
        const i = mine.findIndex((p, k) => !hit.has(`${essay.file}:${k}`) && p.line === g.line && match(String(g.text), String(p.text)));
        if (i >= 0) {
          hit.add(`${essay.file}:${i}`);
          tp++;
        }
      }
    }
    return { n: flags.length, P: flags.length ? tp / flags.length : 0 };
  };
  const hi = tier(true);
  const lo = tier(false);
  console.log(`\ntiers (shipped confidence line ${infoAt}, leave-one-essay-out flags of "new"): info ${hi.n} flags, precision ${f2(hi.P)}; hint ${lo.n} flags, precision ${f2(lo.P)}`);
}

// The encoder against "new" (what turning it on changes), paired, and the share it embeds.
const enc = systems.find((x) => x.config.name === 'encoder');
if (enc) {
  const pair = pairedBootstrap([current, enc])[1].diff;
  const mNew = metrics(current.counts, current.ranks, Object.keys(current.counts));
  const mEnc = metrics(enc.counts, enc.ranks, Object.keys(enc.counts));
  const sign = (x) => (x >= 0 ? '+' : '') + f2(x);
  console.log(`\nencoder − new (paired 90 % bootstrap over essays): ${METRICS.map(([k, label]) => `${label} ${sign(mEnc[k] - mNew[k])} [${sign(pair[k][0])}, ${sign(pair[k][1])}]`).join('; ')}`);
  console.log(`  share of sentences embedded (candidates): ${(encoderShare * 100).toFixed(0)} %`);
}

table(`leave-one-essay-out over ${essays.length} essays, "new" (micro-averaged; thresholds chosen inside each fold)`, [loo, ...baselines]);
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
