/**
 * The development corpus as the detector sees it: each essay's sentences (through the product's
 * own pipeline: `analyzeDocument` → `detectInputFor` → `extractSentences`), the gold items, and
 * the labels that tie them together with `tools/score.py`'s matching rule.
 *
 * Loaded with tsx (`node --import tsx`), so the TypeScript sources run as they are.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';

export const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));

const core = async (path) => import(pathToFileURL(join(REPO, path)).href);

/** The corpus folder from argv / WARRANT_CORPUS / ../shared/corpus/dev, or undefined when absent. */
export function corpusDir(positional) {
  const dir = resolve(positional ?? process.env.WARRANT_CORPUS ?? join(REPO, '..', 'shared', 'corpus', 'dev'));
  return existsSync(join(dir, 'essays')) && existsSync(join(dir, 'gold')) ? dir : undefined;
}

/** Every essay that has a gold file: `{ file, text, gold: [{ line, text, needs_citation, cited }] }`. */
export function loadEssays(dir) {
  const out = [];
  for (const g of readdirSync(join(dir, 'gold')).filter((f) => f.endsWith('.yaml')).sort()) {
    const doc = parseYaml(readFileSync(join(dir, 'gold', g), 'utf8'));
    const file = doc.essay;
    const path = join(dir, 'essays', file);
    if (!file || !existsSync(path)) continue;
    out.push({ file, path, text: readFileSync(path, 'utf8'), gold: doc.claims ?? [] });
  }
  return out;
}

/**
 * The pipeline's sentences for each essay, with features and gold labels.
 * Record: `{ line, text, features, cited, citedInSentence, words, fixed, claim (0/1), needs (0/1), goldCited }`.
 * `detect` is merged into each essay's detector input: `{ sources }` replaces the feature sources
 * (default: the language features), `{ previousRules: true }` runs the previous detector's rules.
 */
export async function buildRecords(essays, hashBits, detect = {}) {
  const { analyzeDocument } = await core('src/core/model/analyze.ts');
  const { baseConfig } = await core('src/core/config/config.ts');
  const { detectInputFor } = await core('src/core/model/sentences.ts');
  const { extractSentences } = await core('src/core/heuristics/index.ts');
  const { LineIndex } = await core('src/core/text/lineIndex.ts');
  const config = baseConfig(new Map());
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
  return essays.map((essay) => {
    const model = analyzeDocument({ uri: pathToFileURL(essay.path).href, text: essay.text, config, workspace, knownRules: new Set() });
    // `detect`: extra detector input for a configuration (`sources`, `previousRules`; eval.mjs).
    const input = { ...detectInputFor(model), ...detect };
    const index = new LineIndex(essay.text);
    const records = extractSentences(input, hashBits).map((r) => ({ ...r, line: index.positionAt(r.range.start).line + 1 }));
    label(records, essay.gold);
    return { file: essay.file, essay, model, input, records, gold: essay.gold };
  });
}

/** Mark each record with the gold item it matches (score.py's rule, gold order, one-to-one). */
function label(records, gold) {
  for (const r of records) {
    r.claim = 0;
    r.needs = 0;
    r.goldCited = false;
  }
  const used = new Set();
  for (const g of gold) {
    const i = records.findIndex((r, k) => !used.has(k) && r.line === g.line && match(String(g.text), r.text));
    if (i < 0) continue;
    used.add(i);
    records[i].claim = 1;
    records[i].needs = g.needs_citation ? 1 : 0;
    records[i].goldCited = Boolean(g.cited);
  }
}

/** tools/check_gold.py's `norm`. */
export function norm(s) {
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

const key = (t) => norm(t).toLowerCase().slice(0, 24);

/** tools/score.py's `match`. */
export function match(g, p) {
  const a = key(g);
  const b = key(p);
  return Boolean(a) && Boolean(b) && (norm(p).toLowerCase().includes(a) || norm(g).toLowerCase().includes(b));
}

const TASKS = {
  A_claim: [(g) => true, (p) => p.claim ?? true],
  B_needs_citation: [(g) => Boolean(g.needs_citation), (p) => Boolean(p.needs_citation)],
  C_uncited_flag: [(g) => Boolean(g.needs_citation) && !g.cited, (p) => Boolean(p.needs_citation) && !p.cited],
};

/**
 * tools/score.py in JavaScript: per essay and task, `{ tp, pred, gold }` (greedy, gold order).
 * `preds` are score.py's prediction objects.
 */
export function scoreCounts(preds, essays) {
  const byFile = new Map();
  for (const p of preds) {
    const f = String(p.file).split('/').pop();
    if (!byFile.has(f)) byFile.set(f, []);
    byFile.get(f).push(p);
  }
  const out = {};
  for (const essay of essays) {
    const pe = byFile.get(essay.file) ?? [];
    out[essay.file] = {};
    for (const [task, [gsel, psel]] of Object.entries(TASKS)) {
      const G = essay.gold.filter(gsel);
      const P = pe.filter(psel);
      const used = new Set();
      let tp = 0;
      for (const g of G) {
        const i = P.findIndex((p, k) => !used.has(k) && p.line === g.line && match(String(g.text), String(p.text ?? '')));
        if (i >= 0) {
          used.add(i);
          tp++;
        }
      }
      out[essay.file][task] = { tp, pred: P.length, gold: G.length };
    }
  }
  return out;
}

/** Micro-averaged P/R/F1 over the given essays' counts. */
export function micro(counts, files = Object.keys(counts)) {
  const res = {};
  for (const task of Object.keys(TASKS)) {
    let tp = 0;
    let pred = 0;
    let gold = 0;
    for (const f of files) {
      const c = counts[f][task];
      tp += c.tp;
      pred += c.pred;
      gold += c.gold;
    }
    const P = pred ? tp / pred : 0;
    const R = gold ? tp / gold : 0;
    res[task] = { P, R, F1: P + R ? (2 * P * R) / (P + R) : 0, tp, pred, gold };
  }
  return res;
}

export const TASK_NAMES = Object.keys(TASKS);
