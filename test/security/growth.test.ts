/**
 * No input family grows faster than its size (issue #11, item 6). Each family is linted at n and
 * 2n and the ratio of the two CPU times must stay under 2.6: linear work doubles, quadratic work
 * quadruples. Only ratios are asserted, never times. The machine is shared, so each time is a
 * median of three runs, and a family that fails is measured once more with five before the test
 * fails. `npm run fuzz` prints the same families with their exponents.
 */
import assert from 'node:assert/strict';
import { FAMILIES, growth } from '../helpers/families.js';

const LIMIT = 2.6;

describe('growth: time at 2n stays under 2.6 × the time at n', function () {
  this.timeout(180_000);
  for (const family of FAMILIES.filter((f) => !f.unbounded)) {
    it(`${family.name} (n = ${family.n})`, () => {
      let g = growth(family);
      if (g.ratio >= LIMIT) g = growth(family, family.n, 5);
      assert.ok(g.ratio < LIMIT, `${family.name}: ${g.small.toFixed(0)} ms at n=${g.n}, ${g.large.toFixed(0)} ms at 2n: ratio ${g.ratio.toFixed(2)} (${family.cause})`);
    });
  }
});
