/**
 * Logistic regression for the detector's two heads, and the choice of decision thresholds.
 * Deterministic: full-batch Adam from zero weights for a fixed number of steps, records in corpus
 * order, so the same corpus always gives the same weights (the shipped-weights test relies on it).
 */

/** Hyper-parameters, fixed before evaluation (docs/heuristics.md says how they were chosen). */
export const DEFAULTS = Object.freeze({ hashBits: 12, useHashed: false, l2Named: 0.003, l2Hashed: 0.03, steps: 200, rate: 0.05, beta: 1 });

/**
 * Fit one head. `samples`: `{ features: { named: Map, hashed: number[], hashValue }, y: 0|1 }`.
 * `keep(name)` drops named features (ablations); `useHashed` drops the n-grams.
 */
export function trainHead(samples, opts = {}) {
  const o = { ...DEFAULTS, ...opts };
  const keep = o.keep ?? (() => true);
  const names = [...new Set(samples.flatMap((s) => [...s.features.named.keys()]))].filter(keep).sort();
  const index = new Map(names.map((n, i) => [n, i]));
  const H = o.useHashed === false ? 0 : 1 << o.hashBits;
  const rows = samples.map((s) => ({
    named: [...s.features.named].filter(([n]) => index.has(n)).map(([n, v]) => [index.get(n), v]),
    hashed: o.useHashed === false ? [] : s.features.hashed,
    hv: o.useHashed === false ? 0 : s.features.hashValue,
    y: s.y,
  }));
  const wN = new Float64Array(names.length);
  const wH = new Float64Array(H);
  let b = 0;
  const adam = (n) => ({ m: new Float64Array(n), v: new Float64Array(n) });
  const aN = adam(names.length);
  const aH = adam(H);
  const aB = adam(1);
  const gN = new Float64Array(names.length);
  const gH = new Float64Array(H);
  const n = rows.length || 1;
  const b1 = 0.9;
  const b2 = 0.999;
  for (let t = 1; t <= o.steps; t++) {
    gN.fill(0);
    gH.fill(0);
    let gB = 0;
    for (const r of rows) {
      let z = b;
      for (const [i, v] of r.named) z += wN[i] * v;
      for (const i of r.hashed) z += wH[i] * r.hv;
      const err = 1 / (1 + Math.exp(-z)) - r.y;
      gB += err;
      for (const [i, v] of r.named) gN[i] += err * v;
      for (const i of r.hashed) gH[i] += err * r.hv;
    }
    const step = (w, g, a, l2, i) => {
      const grad = g[i] / n + l2 * w[i];
      a.m[i] = b1 * a.m[i] + (1 - b1) * grad;
      a.v[i] = b2 * a.v[i] + (1 - b2) * grad * grad;
      const mh = a.m[i] / (1 - b1 ** t);
      const vh = a.v[i] / (1 - b2 ** t);
      w[i] -= (o.rate * mh) / (Math.sqrt(vh) + 1e-8);
    };
    for (let i = 0; i < wN.length; i++) step(wN, gN, aN, o.l2Named, i);
    for (let i = 0; i < H; i++) if (gH[i] !== 0 || wH[i] !== 0) step(wH, gH, aH, o.l2Hashed, i);
    const wb = [b];
    step(wb, [gB], aB, 0, 0);
    b = wb[0];
  }
  const round = (x) => Math.round(x * 1e4) / 1e4;
  const named = {};
  // Every feature seen is kept, zero or not: a cue family missing from a head is a user's own.
  names.forEach((name, i) => {
    named[name] = round(wN[i]);
  });
  return { bias: round(b), named, hashed: Array.from(wH, round) };
}

/** Log-odds of a record under a head (the core's `logit` without configuration overrides). */
export function score(head, features) {
  let z = head.bias;
  for (const [name, v] of features.named) z += (head.named[name] ?? 0) * v;
  let h = 0;
  for (const i of features.hashed) h += head.hashed[i] ?? 0;
  return z + h * features.hashValue;
}

const sigmoid = (z) => 1 / (1 + Math.exp(-z));

/** Both heads on records (training set: every record not fixed by the quotation rule). */
export function trainModel(records, opts = {}) {
  const o = { ...DEFAULTS, ...opts };
  const free = records.filter((r) => !r.fixed);
  const claim = trainHead(free.map((r) => ({ features: r.features, y: r.claim })), o);
  const needs = trainHead(free.map((r) => ({ features: r.features, y: r.needs })), o);
  return { claim, needs };
}

/** The detector's decision for a record, given probabilities and thresholds (as in detect.ts). */
export function decide(r, pClaim, pNeeds, t, minWords) {
  if (r.fixed === 'quote') return { claim: true, needs: true };
  if (r.fixed) return { claim: false, needs: false };
  const claim = pClaim >= t.claim && r.words >= minWords && !r.features.named.has('form:question');
  return { claim, needs: claim && pNeeds >= (r.cited ? t.cited : t.uncited) };
}

const GRID = Array.from({ length: 37 }, (_, i) => 0.05 + i * 0.025);

/**
 * Thresholds that maximise, on out-of-fold probabilities: claim F1 (task A), then the uncited
 * flag F1 (task C) for uncited sentences, then needs-citation F1 (task B) for cited ones.
 * `items`: `{ r, pClaim, pNeeds }`; `golds`: `{ A, B, C }` gold counts of the essays involved.
 */
export function chooseThresholds(items, golds, minWords, beta = DEFAULTS.beta) {
  // F-beta (beta < 1 weighs precision more); beta 1 measured best leave-one-essay-out.
  const f1 = (tp, pred, gold, b = 1) => (pred && gold && tp ? ((1 + b * b) * tp) / (pred + b * b * gold) : 0);
  const evalAt = (t) => {
    let a = [0, 0];
    let b = [0, 0];
    let c = [0, 0];
    for (const { r, pClaim, pNeeds } of items) {
      const d = decide(r, pClaim, pNeeds, t, minWords);
      if (d.claim) a = [a[0] + r.claim, a[1] + 1];
      if (d.needs) b = [b[0] + r.needs, b[1] + 1];
      if (d.needs && !r.cited) c = [c[0] + (r.needs && !r.goldCited ? 1 : 0), c[1] + 1];
    }
    return { A: f1(a[0], a[1], golds.A), B: f1(b[0], b[1], golds.B, beta), C: f1(c[0], c[1], golds.C, beta) };
  };
  let t = { claim: 0.5, cited: 0.5, uncited: 0.5 };
  let best = -1;
  for (const x of GRID) {
    const s = evalAt({ ...t, claim: x }).A;
    if (s > best) [best, t] = [s, { ...t, claim: x }];
  }
  best = -1;
  for (const x of GRID) {
    const s = evalAt({ ...t, uncited: x }).C;
    if (s > best) [best, t] = [s, { ...t, uncited: x }];
  }
  best = -1;
  for (const x of GRID) {
    const s = evalAt({ ...t, cited: x }).B;
    if (s > best) [best, t] = [s, { ...t, cited: x }];
  }
  const round = (x) => Math.round(x * 1000) / 1000;
  return { claim: round(t.claim), cited: round(t.cited), uncited: round(t.uncited) };
}

/**
 * The confidence from which an uncited flag is `info` rather than `hint`: the lowest probability
 * at which the out-of-fold flags scoring at least that much are right at least half the time
 * (precision ≥ 0.5, and at least ten of them). 0.99 when no such point exists.
 */
export function infoThreshold(items, t, minWords) {
  const flags = items
    .filter(({ r, pClaim, pNeeds }) => !r.cited && decide(r, pClaim, pNeeds, t, minWords).needs)
    .map(({ r, pNeeds }) => ({ p: Math.round(pNeeds * 1000) / 1000, rel: r.needs && !r.goldCited ? 1 : 0 }));
  let best = 0.99;
  for (let x = 0.99; x >= 0.01 - 1e-9; x -= 0.01) {
    const at = Math.round(x * 100) / 100;
    const above = flags.filter((f) => f.p >= at);
    if (above.length >= 10 && above.reduce((n, f) => n + f.rel, 0) / above.length >= 0.5) best = at;
  }
  return best;
}

/** Gold counts per task over essays. */
export function goldCounts(essays) {
  let A = 0;
  let B = 0;
  let C = 0;
  for (const e of essays) {
    for (const g of e.gold) {
      A++;
      if (g.needs_citation) B++;
      if (g.needs_citation && !g.cited) C++;
    }
  }
  return { A, B, C };
}

/**
 * A full model fitted on `essays` (records built), thresholds chosen on out-of-fold
 * probabilities from `k` folds over those essays (essay i goes to fold i mod k).
 */
export function fit(essays, opts = {}, k = opts.folds ?? 4) {
  const o = { ...DEFAULTS, ...opts };
  const minWords = o.minWords ?? 4;
  const items = [];
  const folds = Math.min(k, essays.length);
  for (let f = 0; f < folds; f++) {
    const train = essays.filter((_, i) => i % folds !== f).flatMap((e) => e.records);
    const held = essays.filter((_, i) => i % folds === f).flatMap((e) => e.records);
    const m = trainModel(train, o);
    for (const r of held) items.push({ r, pClaim: sigmoid(score(m.claim, r.features)), pNeeds: sigmoid(score(m.needs, r.features)) });
  }
  const chosen = chooseThresholds(items, goldCounts(essays), minWords, o.beta);
  // The tier line: on leave-one-essay-out probabilities when asked (`npm run train`: the shipped
  // line is where leave-one-essay-out flag precision reaches 0.5), else on the folds above.
  let tierItems = items;
  if (o.tierLeaveOneOut && essays.length > 1) {
    tierItems = [];
    for (let i = 0; i < essays.length; i++) {
      const m = trainModel(essays.filter((_, k) => k !== i).flatMap((e) => e.records), o);
      for (const r of essays[i].records) tierItems.push({ r, pClaim: sigmoid(score(m.claim, r.features)), pNeeds: sigmoid(score(m.needs, r.features)) });
    }
  }
  const thresholds = { ...chosen, info: infoThreshold(tierItems, chosen, minWords) };
  const heads = trainModel(essays.flatMap((e) => e.records), o);
  // Every shipped family gets a weight, 0 when training never saw it fire on a scored sentence:
  // the core treats a family missing from the model as a user's own (weight 1).
  for (const id of Object.keys(essays[0]?.input.options.cues ?? {})) {
    for (const head of [heads.claim, heads.needs]) head.named[`cue:${id}`] ??= 0;
  }
  for (const head of [heads.claim, heads.needs]) head.named = Object.fromEntries(Object.entries(head.named).sort(([a], [b]) => (a < b ? -1 : 1)));
  return {
    version: 1,
    // Word n-grams are off by default: leave-one-essay-out they added nothing (docs/heuristics.md).
    hashBits: o.useHashed === false ? 0 : o.hashBits,
    claim: heads.claim,
    needs: heads.needs,
    thresholds,
    trainedOn: {
      essays: essays.length,
      sentences: essays.reduce((n, e) => n + e.records.length, 0),
      l2Named: o.l2Named,
      l2Hashed: o.l2Hashed,
      steps: o.steps,
    },
  };
}
