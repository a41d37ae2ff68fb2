/**
 * The shipped detector weights are exactly what `npm run train` produces from the development
 * corpus (so nobody edits a weight by hand, and a pipeline change that alters what the model sees
 * forces a retrain), and inference is the trainer's own arithmetic.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { corpusDir } from '../../scripts/detector/corpus.mjs';
import { MODEL_JSON, MODEL_TS, trainOn } from '../../scripts/train.mjs';
import { SHIPPED_MODEL } from '../../src/core/heuristics/index.js';

describe('heuristics: the shipped model', function () {
  this.timeout(300_000);

  it('data/detector-model.json and model.generated.ts equal what the trainer produces (run `npm run train` after a change)', async function () {
    const dir = corpusDir(undefined);
    if (!dir) {
      if (process.env['CI']) assert.fail('the development corpus (../shared/corpus/dev) is missing in CI');
      this.skip();
    }
    const { json, ts } = await trainOn(dir!);
    assert.equal(readFileSync(MODEL_JSON, 'utf8'), json, 'data/detector-model.json is stale: run `npm run train`');
    assert.equal(readFileSync(MODEL_TS, 'utf8'), ts, 'src/core/heuristics/model.generated.ts is stale: run `npm run train`');
  });

  it('is small, and plain data: weights for every head, thresholds between 0 and 1', () => {
    assert.ok(readFileSync(MODEL_JSON, 'utf8').length <= 300 * 1024, 'at most 300 KB');
    for (const head of [SHIPPED_MODEL.claim, SHIPPED_MODEL.needs]) {
      assert.equal(head.hashed.length, SHIPPED_MODEL.hashBits ? 2 ** SHIPPED_MODEL.hashBits : 0);
      assert.ok(Object.values(head.named).every(Number.isFinite));
    }
    for (const t of Object.values(SHIPPED_MODEL.thresholds)) assert.ok(t > 0 && t < 1);
  });
});
