/**
 * The encoder stage's training (`npm run train`) and its leave-one-essay-out evaluation
 * (`npm run eval`): PCA of the sentence embeddings, a logistic head over the components, and a
 * stacker that combines the head's log-odds with the light model's (src/core/heuristics/encoder.ts
 * is the inference).
 *
 * Everything is fitted only on the essays it is given (the folds of eval pass the others), and the
 * light scores it learns from are out-of-fold (inner folds), as they will be on an unseen essay.
 *
 * Embeddings of the corpus sentences are cached outside the repository (never committed: corpus
 * text), in `$WARRANT_EMBEDDINGS_CACHE` or the system's temp folder; a missing entry is embedded
 * with the shipped encoder, in a fixed order and batch size so the numbers are the same run to run.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO } from './corpus.mjs';
import { DEFAULTS, fit, goldCounts } from './lr.mjs';

export const ENCODER_DEFAULTS = Object.freeze({ components: 64, minScore: 0.1, l2: 0.01, steps: 300, rate: 0.05, innerFolds: 4, headOn: 'all', label: 'needs' });

const core = async (path) => import(pathToFileURL(join(REPO, path)).href);

export const EMBEDDINGS_CACHE = process.env.WARRANT_EMBEDDINGS_CACHE ?? join(tmpdir(), 'warrant-encoder-cache', 'dev-embeddings-v1.json');

/** Embeddings of every text (Map text → Float32Array), from the cache or the shipped encoder. */
export async function corpusEmbeddings(texts, { log = () => {} } = {}) {
  const cache = new Map();
  if (existsSync(EMBEDDINGS_CACHE)) {
    try {
      const data = JSON.parse(readFileSync(EMBEDDINGS_CACHE, 'utf8'));
      const buf = Buffer.from(data.vectors, 'base64');
      const all = new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
      data.texts.forEach((t, i) => cache.set(t, all.slice(i * 512, (i + 1) * 512)));
    } catch {
      log(`embeddings cache ${EMBEDDINGS_CACHE} unreadable; embedding again`);
    }
  }
  const todo = [...new Set(texts)].filter((t) => !cache.has(t)).sort();
  if (todo.length) {
    const { loadEncoder } = await core('src/node/encoder/runtime.ts');
    const { shippedEncoderFiles } = await core('src/node/encoder/index.ts');
    const t0 = performance.now();
    const runtime = await loadEncoder(shippedEncoderFiles());
    log(`encoder loaded in ${Math.round(performance.now() - t0)} ms; embedding ${todo.length} sentences…`);
    const t1 = performance.now();
    for (let i = 0; i < todo.length; i += 32) {
      const batch = todo.slice(i, i + 32);
      (await runtime.embed(batch)).forEach((v, k) => cache.set(batch[k], v));
    }
    log(`embedded ${todo.length} sentences in ${((performance.now() - t1) / 1000).toFixed(1)} s (${((performance.now() - t1) / todo.length).toFixed(1)} ms a sentence)`);
    const keys = [...cache.keys()];
    const all = new Float32Array(keys.length * 512);
    keys.forEach((t, i) => all.set(cache.get(t), i * 512));
    mkdirSync(dirname(EMBEDDINGS_CACHE), { recursive: true });
    writeFileSync(`${EMBEDDINGS_CACHE}.tmp`, JSON.stringify({ texts: keys, vectors: Buffer.from(all.buffer).toString('base64') }));
    renameSync(`${EMBEDDINGS_CACHE}.tmp`, EMBEDDINGS_CACHE);
  }
  return cache;
}

const sigmoid = (z) => 1 / (1 + Math.exp(-z));
const logitOf = (p) => {
  const q = Math.min(1 - 1e-4, Math.max(1e-4, p));
  return Math.log(q / (1 - q));
};

/** A seeded PRNG (mulberry32). */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Top-k principal components of rows (arrays of length d): `{ mean, basis (k×d row-major) }`. Subspace iteration, seeded. */
export function pca(rows, k, iterations = 40) {
  const d = rows[0].length;
  const n = rows.length;
  const mean = new Float64Array(d);
  for (const r of rows) for (let i = 0; i < d; i++) mean[i] += r[i] / n;
  const cov = new Float64Array(d * d);
  const x = new Float64Array(d);
  for (const r of rows) {
    for (let i = 0; i < d; i++) x[i] = r[i] - mean[i];
    for (let i = 0; i < d; i++) {
      const xi = x[i];
      if (xi === 0) continue;
      const row = i * d;
      for (let j = i; j < d; j++) cov[row + j] += xi * x[j];
    }
  }
  for (let i = 0; i < d; i++) for (let j = i; j < d; j++) cov[j * d + i] = cov[i * d + j] /= n;
  const rand = prng(512064);
  let Q = Array.from({ length: k }, () => Float64Array.from({ length: d }, () => rand() - 0.5));
  const orth = (vs) => {
    for (let a = 0; a < vs.length; a++) {
      for (let b = 0; b < a; b++) {
        let dot = 0;
        for (let i = 0; i < d; i++) dot += vs[a][i] * vs[b][i];
        for (let i = 0; i < d; i++) vs[a][i] -= dot * vs[b][i];
      }
      let norm = 0;
      for (let i = 0; i < d; i++) norm += vs[a][i] ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let i = 0; i < d; i++) vs[a][i] /= norm;
    }
    return vs;
  };
  Q = orth(Q);
  for (let it = 0; it < iterations; it++) {
    Q = orth(
      Q.map((q) => {
        const out = new Float64Array(d);
        for (let i = 0; i < d; i++) {
          let s = 0;
          const row = i * d;
          for (let j = 0; j < d; j++) s += cov[row + j] * q[j];
          out[i] = s;
        }
        return out;
      }),
    );
  }
  // A fixed sign per component: its largest coordinate positive.
  for (const q of Q) {
    let m = 0;
    for (let i = 0; i < d; i++) if (Math.abs(q[i]) > Math.abs(q[m])) m = i;
    if (q[m] < 0) for (let i = 0; i < d; i++) q[i] = -q[i];
  }
  return { mean: Array.from(mean), basis: Q.map((q) => Array.from(q)) };
}

function project(v, { mean, basis }) {
  return basis.map((q) => {
    let s = 0;
    for (let i = 0; i < q.length; i++) s += (v[i] - mean[i]) * q[i];
    return s;
  });
}

/** Dense logistic regression, full-batch Adam from zero (deterministic). `xs`: arrays; returns `{ bias, weights }`. */
export function denseLR(xs, ys, { l2 = ENCODER_DEFAULTS.l2, steps = ENCODER_DEFAULTS.steps, rate = ENCODER_DEFAULTS.rate } = {}) {
  const d = xs[0]?.length ?? 0;
  const w = new Float64Array(d + 1); // last: bias
  const m = new Float64Array(d + 1);
  const v = new Float64Array(d + 1);
  const g = new Float64Array(d + 1);
  const n = xs.length || 1;
  for (let t = 1; t <= steps; t++) {
    g.fill(0);
    for (let r = 0; r < xs.length; r++) {
      let z = w[d];
      const x = xs[r];
      for (let i = 0; i < d; i++) z += w[i] * x[i];
      const err = sigmoid(z) - ys[r];
      for (let i = 0; i < d; i++) g[i] += err * x[i];
      g[d] += err;
    }
    for (let i = 0; i <= d; i++) {
      const grad = g[i] / n + (i < d ? l2 * w[i] : 0);
      m[i] = 0.9 * m[i] + 0.1 * grad;
      v[i] = 0.999 * v[i] + 0.001 * grad * grad;
      w[i] -= (rate * (m[i] / (1 - 0.9 ** t))) / (Math.sqrt(v[i] / (1 - 0.999 ** t)) + 1e-8);
    }
  }
  return { bias: w[d], weights: Array.from(w.subarray(0, d)) };
}

const dot = (w, x) => w.reduce((s, wi, i) => s + wi * x[i], 0);

/**
 * Light predictions of each essay (`detectSentences` output zipped with the labelled records),
 * under `lightFor(i)`'s model.
 */
async function lightSentences(essays, models) {
  const H = await core('src/core/heuristics/index.ts');
  return essays.map((e, i) => {
    const sentences = H.detectSentences({ ...e.input, model: models[i] });
    return sentences.map((s, k) => ({ s, r: e.records[k] }));
  });
}

const oofMemo = new Map();
/** Out-of-fold light predictions over `essays` (inner folds: essay i in fold i mod k), memoised per process (fitting is deterministic). */
async function oofLight(essays, opts, k) {
  const key = JSON.stringify([essays.map((e) => e.file), opts, k]);
  if (!oofMemo.has(key)) oofMemo.set(key, oofLightUncached(essays, opts, k));
  return oofMemo.get(key);
}

async function oofLightUncached(essays, opts, k) {
  const folds = Math.min(k, essays.length);
  const models = [];
  const byFold = [];
  for (let f = 0; f < folds; f++) byFold.push(fit(essays.filter((_, i) => i % folds !== f), opts));
  for (let i = 0; i < essays.length; i++) models.push(byFold[i % folds]);
  return lightSentences(essays, models);
}

const candidateOf = (s, minScore) => s.claim && !s.cited && s.score >= minScore && s.reasons[0] !== 'quotation';
const flagLabel = (r) => (r.needs && !r.goldCited ? 1 : 0);

/**
 * Fit the encoder stage on `essays` (records built), given their embeddings (Map text → vector).
 * Returns the plain-data `EncoderModel` of src/core/heuristics/encoder.ts.
 */
export async function fitEncoder(essays, embeddings, opts = {}) {
  const o = { ...ENCODER_DEFAULTS, ...opts };
  const light = await oofLight(essays, opts.light ?? {}, o.innerFolds);
  // Candidates with their out-of-fold light score, embedding, label and essay index.
  const cands = [];
  const pool = []; // what the head learns from: the candidates, or every sentence
  light.forEach((rows, ei) => {
    for (const { s, r } of rows) {
      if (!r) continue;
      const v = embeddings.get(s.text);
      const y = o.label === 'flag' ? flagLabel(r) : r.needs;
      const row = { ei, light: s.score, v, y: flagLabel(r), yh: y };
      if (candidateOf(s, o.minScore)) cands.push(row);
      if (v && (o.headOn === 'all' || candidateOf(s, o.minScore))) pool.push(row);
    }
  });
  const usable = cands.filter((c) => c.v);
  const basis = pca(pool.map((c) => c.v), o.components);
  for (const c of new Set([...usable, ...pool])) c.x = project(c.v, basis);
  // Out-of-fold encoder log-odds for the stacker.
  const folds = Math.min(o.innerFolds, essays.length);
  for (let f = 0; f < folds; f++) {
    const train = pool.filter((c) => c.ei % folds !== f);
    const head = denseLR(train.map((c) => c.x), train.map((c) => c.yh), o);
    for (const c of usable) if (c.ei % folds === f) c.enc = head.bias + dot(head.weights, c.x);
  }
  const head = denseLR(pool.map((c) => c.x), pool.map((c) => c.yh), o);
  const stackRaw = denseLR(usable.map((c) => [logitOf(c.light), c.enc]), usable.map((c) => c.y), { l2: 0, steps: 500, rate: 0.05 });
  const stack = { bias: stackRaw.bias, light: stackRaw.weights[0], encoder: stackRaw.weights[1] };
  // Threshold: the flag F1 over all these essays, non-candidates keeping their light verdict.
  let tpFixed = 0;
  let predFixed = 0;
  for (const rows of light) {
    for (const { s, r } of rows) {
      if (candidateOf(s, o.minScore) && embeddings.get(s.text)) continue;
      if (s.needsCitation && !s.cited) {
        predFixed++;
        if (r && flagLabel(r)) tpFixed++;
      }
    }
  }
  const gold = goldCounts(essays).C;
  const probs = usable.map((c) => ({ p: sigmoid(stack.bias + stack.light * logitOf(c.light) + stack.encoder * c.enc), y: c.y }));
  let threshold = 0.5;
  let best = -1;
  for (let t = 0.05; t <= 0.951; t += 0.025) {
    let tp = tpFixed;
    let pred = predFixed;
    for (const { p, y } of probs) if (p >= t) (pred++, (tp += y));
    const f1 = pred && gold && tp ? (2 * tp) / (pred + gold) : 0;
    if (f1 > best) [best, threshold] = [f1, t];
  }
  const r4 = (x) => Math.round(x * 1e4) / 1e4;
  return {
    version: 1,
    dim: 512,
    minScore: o.minScore,
    components: o.components,
    mean: basis.mean.map(r4),
    basis: basis.basis.flat().map(r4),
    head: { bias: r4(head.bias), weights: head.weights.map(r4) },
    stack: { bias: r4(stack.bias), light: r4(stack.light), encoder: r4(stack.encoder) },
    threshold: Math.round(threshold * 1000) / 1000,
    trainedOn: { essays: essays.length, candidates: usable.length, components: o.components, l2: o.l2, steps: o.steps },
  };
}

/** Every sentence text of the essays (what `corpusEmbeddings` must hold). */
export const corpusTexts = (essays) => essays.flatMap((e) => e.records.map((r) => r.text));

export { DEFAULTS };

/**
 * Per essay, the uncited-flag ranking: every uncited claim the detector scored, by score, marked
 * relevant when it matches a gold "needs a citation and has none" item (score.py's rule), and the
 * number of such gold items.
 */
export function rankings(preds, essays, match) {
  const out = {};
  for (const e of essays) {
    const gold = e.gold.filter((g) => g.needs_citation && !g.cited);
    const items = preds.filter((p) => p.file === e.file && p.claim && !p.cited).sort((a, b) => b.score - a.score);
    const used = new Set();
    const rel = items.map(() => 0);
    for (const g of gold) {
      const i = items.findIndex((p, k) => !used.has(k) && p.line === g.line && match(String(g.text), String(p.text)));
      if (i >= 0) {
        used.add(i);
        rel[i] = 1;
      }
    }
    out[e.file] = { items: items.map((p, i) => ({ score: p.score, rel: rel[i] })), gold: gold.length };
  }
  return out;
}

/** Average precision of the pooled ranking over `files` (repeats allowed: bootstrap samples). */
export function averagePrecision(ranks, files = Object.keys(ranks)) {
  const pooled = [];
  let gold = 0;
  for (const f of files) {
    pooled.push(...ranks[f].items);
    gold += ranks[f].gold;
  }
  pooled.sort((a, b) => b.score - a.score);
  let tp = 0;
  let sum = 0;
  pooled.forEach((x, i) => {
    if (x.rel) {
      tp++;
      sum += tp / (i + 1);
    }
  });
  return gold ? sum / gold : 0;
}
