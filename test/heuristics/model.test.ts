/**
 * The shipped detector weights are exactly what `npm run train` produces from the development
 * corpus (so nobody edits a weight by hand, and a pipeline change that alters what the model sees
 * forces a retrain), and inference is the trainer's own arithmetic.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { corpusDir } from '../../scripts/detector/corpus.mjs';
import { ENCODER_JSON, MODEL_JSON, MODEL_TS, trainEncoderOn, trainOn } from '../../scripts/train.mjs';
import { score } from '../../scripts/detector/lr.mjs';
import { parseMarkdown } from '../../src/core/parse/markdown.js';
import { compileCues } from '../../src/core/heuristics/cues.js';
import { defaultHeuristicOptions, extractSentences, logit, SHIPPED_MODEL } from '../../src/core/heuristics/index.js';
import { skipOutsideCI } from '../helpers/ci.js';

describe('heuristics: the shipped model', function () {
  this.timeout(600_000); // the trainer fits the model three times over (full, leave-one-essay-out tier line, light)

  it('data/detector-model.json and model.generated.ts equal what the trainer produces (run `npm run train` after a change)', async function () {
    const dir = corpusDir(undefined);
    if (!dir) skipOutsideCI(this, 'the development corpus (../shared/corpus/dev, or WARRANT_CORPUS) is missing');
    const { json, ts } = await trainOn(dir!);
    assert.equal(readFileSync(MODEL_JSON, 'utf8'), json, 'data/detector-model.json is stale: run `npm run train`');
    assert.equal(readFileSync(MODEL_TS, 'utf8'), ts, 'src/core/heuristics/model.generated.ts is stale: run `npm run train`');
  });

  it('data/encoder-model.json (the encoder stage) equals what the trainer produces from the corpus embeddings', async function () {
    // Embeds every corpus sentence on a machine without the embeddings cache (a few minutes).
    this.timeout(900_000);
    const dir = corpusDir(undefined);
    if (!dir) skipOutsideCI(this, 'the development corpus (../shared/corpus/dev, or WARRANT_CORPUS) is missing');
    const { json, model } = await trainEncoderOn(dir!);
    assert.equal(readFileSync(ENCODER_JSON, 'utf8'), json, 'data/encoder-model.json is stale: run `npm run train`');
    assert.equal(model.basis.length, model.components * model.dim);
    assert.ok(model.threshold > 0 && model.threshold < 1);
  });

  it('is small, and plain data: weights for every head, thresholds between 0 and 1', () => {
    assert.ok(readFileSync(MODEL_JSON, 'utf8').length <= 300 * 1024, 'at most 300 KB');
    for (const head of [SHIPPED_MODEL.claim, SHIPPED_MODEL.needs]) {
      assert.equal(head.hashed.length, SHIPPED_MODEL.hashBits ? 2 ** SHIPPED_MODEL.hashBits : 0);
      assert.ok(Object.values(head.named).every(Number.isFinite));
    }
    for (const t of Object.values(SHIPPED_MODEL.thresholds)) assert.ok(t > 0 && t < 1);
  });

  it('scores with the same arithmetic the trainer chose its thresholds with', () => {
    // The product once ran other weights than the trainer saw (every family got weight 1 from the
    // options merge): hold core's `logit` and the trainer's `score` together on real sentences.
    const text = 'In 2021 the harbour counted 73% more ferries. We think this is fine.\n\nAccording to the board, fares rose [a](https://example.org).\n';
    const options = defaultHeuristicOptions();
    const records = extractSentences({ text, root: parseMarkdown(text).root, citations: [], exclude: [], options }, SHIPPED_MODEL.hashBits);
    assert.ok(records.length >= 3);
    const cues = compileCues(options);
    for (const r of records) {
      for (const head of [SHIPPED_MODEL.claim, SHIPPED_MODEL.needs]) {
        assert.ok(Math.abs(logit(head, cues, r.features) - score(head, r.features)) < 1e-9, r.text);
      }
    }
  });
});
