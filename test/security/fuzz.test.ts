/**
 * The short round of `npm run fuzz` that CI runs: a few hundred grammar + mutation documents from
 * a fixed seed, none of which may throw or report a finding outside its text. (The script runs the
 * long round and prints the slowest documents; tests never assert times.)
 */
import assert from 'node:assert/strict';
import { runFuzz } from '../helpers/fuzz.js';

describe('fuzz: a short seeded round', function () {
  this.timeout(120_000);
  it('300 documents, no exception, no finding outside its text', () => {
    const s = runFuzz({ n: 300, seed: 11, timeMs: 60_000 });
    assert.deepEqual(s.exceptions.map((e) => `${e.index}: ${e.error.split('\n')[0]}`), []);
    assert.deepEqual(s.badFindings, []);
    assert.ok(s.documents >= 100, `only ${s.documents} documents in the time limit`);
  });
});
