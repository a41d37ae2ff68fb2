/**
 * What the detector's three thresholds mean (docs/heuristics.md, "How it decides"): a sentence is
 * a claim when the claim head's probability reaches `thresholds.claim`; a claim needs a citation
 * when the needs head's probability reaches `thresholds.cited` if the sentence (or its paragraph)
 * cites something, `thresholds.uncited` if not; `heuristics.threshold` replaces both. Checked with
 * the shipped thresholds and heads whose probabilities are set by hand (every weight 0, a chosen
 * bias), so a probability can be placed between two thresholds.
 */
import assert from 'node:assert/strict';
import { parseMarkdown } from '../../src/core/parse/markdown.js';
import { detectSentences, SHIPPED_MODEL, type DetectorModel, type HeuristicSentence, type LinearHead } from '../../src/core/heuristics/index.js';
import { citationsIn, options } from './helpers.js';

const T = SHIPPED_MODEL.thresholds;
const logOdds = (p: number): number => Math.log(p / (1 - p));
/** A head that answers `p` for every sentence: all learned weights 0 (none treated as unseen). */
const flat = (head: LinearHead, p: number): LinearHead => ({ bias: logOdds(p), named: Object.fromEntries(Object.keys(head.named).map((k) => [k, 0])), hashed: [] });
/** Heads set by hand, and no light weights: the shipped light weights would score the sentences the language features skip. */
const { light: _light, ...FULL_ONLY } = SHIPPED_MODEL;
const modelAt = (claimP: number, needsP: number): DetectorModel => ({ ...FULL_ONLY, claim: flat(SHIPPED_MODEL.claim, claimP), needs: flat(SHIPPED_MODEL.needs, needsP) });

const UNCITED = 'The river rose over the old stone wall last spring.\n';
const CITED = 'The river rose over the old stone wall last spring ([records](https://example.org/river)).\n';

function sentence(text: string, model: DetectorModel, override?: unknown): HeuristicSentence {
  const { root } = parseMarkdown(text);
  const found = detectSentences({ text, root, citations: citationsIn(text), exclude: [], options: options(override), model });
  assert.equal(found.length, 1, JSON.stringify(found));
  return found[0]!;
}

describe('detector thresholds: what each one decides', () => {
  it('the shipped thresholds are probabilities, the claim threshold above both needs-citation thresholds', () => {
    for (const t of [T.claim, T.cited, T.uncited]) assert.ok(t > 0 && t < 1, String(t));
    assert.ok(T.claim > Math.max(T.cited, T.uncited), JSON.stringify(T));
    assert.notEqual(T.cited, T.uncited, 'the tests below place a score between the two');
  });

  it('a needs-citation probability between the cited and the uncited thresholds: decided by the sentence’s citation status', () => {
    const between = (T.cited + T.uncited) / 2;
    const m = modelAt(0.99, between);
    const uncited = sentence(UNCITED, m);
    const cited = sentence(CITED, m);
    assert.equal(uncited.cited, false);
    assert.equal(cited.cited, true);
    assert.ok(uncited.claim && cited.claim);
    assert.equal(uncited.score, Math.round(between * 1000) / 1000, '`score` is the needs head’s probability');
    assert.equal(uncited.needsCitation, between >= T.uncited, `uncited: needs a citation only at ${T.uncited} or more`);
    assert.equal(cited.needsCitation, between >= T.cited, `cited: needs a citation at ${T.cited} or more`);
    assert.notEqual(uncited.needsCitation, cited.needsCitation);
  });

  it('the claim threshold applies to the claim head, the citation thresholds to the needs head', () => {
    const high = Math.max(T.cited, T.uncited);
    const low = Math.min(T.cited, T.uncited);
    // A claim probability just under the claim threshold (but above both citation thresholds):
    // not a claim, so nothing needs a citation, however sure the needs head is.
    for (const text of [UNCITED, CITED]) {
      const under = sentence(text, modelAt(T.claim - 0.01, 0.99));
      assert.equal(under.claim, false, `claim at ${T.claim - 0.01}`);
      assert.equal(under.needsCitation, false);
      const over = sentence(text, modelAt(T.claim + 0.01, 0.99));
      assert.equal(over.claim, true, `claim at ${T.claim + 0.01}`);
      assert.equal(over.needsCitation, true);
      // A sure claim whose needs probability is under both citation thresholds needs none.
      assert.equal(sentence(text, modelAt(0.99, low - 0.01)).needsCitation, false);
      assert.equal(sentence(text, modelAt(0.99, high + 0.01)).needsCitation, true);
      // A needs probability above the claim threshold does not make a claim of an unsure sentence.
      assert.equal(sentence(text, modelAt(Math.min(T.cited, T.uncited) - 0.01, 0.99)).claim, false);
    }
  });

  it('heuristics.threshold replaces both citation thresholds; claimThreshold the claim one', () => {
    for (const text of [UNCITED, CITED]) {
      assert.equal(sentence(text, modelAt(0.99, 0.55), { threshold: 0.6 }).needsCitation, false);
      assert.equal(sentence(text, modelAt(0.99, 0.65), { threshold: 0.6 }).needsCitation, true);
      assert.equal(sentence(text, modelAt(0.7, 0.99), { claimThreshold: 0.8 }).claim, false);
      assert.equal(sentence(text, modelAt(0.85, 0.99), { claimThreshold: 0.8 }).claim, true);
    }
  });
});
