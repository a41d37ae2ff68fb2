/**
 * No input family grows faster than its size (issue #11, item 6). Each family is linted at n and
 * 2n and the ratio of the two CPU times must stay under 3: linear work doubles, quadratic work
 * quadruples. (Every quadratic this test has caught measured 3.9 or more; CPU time also counts
 * V8's collector threads, whose work grows a little faster than the input, so linear families
 * measure 1.5–2.7 on a shared machine.) Only ratios are asserted, never times. The machine is shared, so each time is the
 * least of three runs (alternating n and 2n), and a family that fails is measured once more with
 * seven before the test fails. The length of the stylish table printed for the findings must grow
 * less than 2.6 × too (issue #21: a ring of claims made it quadratic while the CPU time of the
 * lint itself looked linear). `npm run fuzz` prints the same families with their exponents.
 */
import assert from 'node:assert/strict';
import { FAMILIES, growth } from '../helpers/families.js';

const LIMIT = 3;

describe('growth: time at 2n stays under 3 × the time at n', function () {
  this.timeout(180_000);
  for (const family of FAMILIES) {
    it(`${family.name} (n = ${family.n})`, () => {
      let g = growth(family);
      if (g.ratio >= LIMIT) g = growth(family, family.n, 7);
      assert.ok(g.ratio < LIMIT, `${family.name}: ${g.small.toFixed(0)} ms at n=${g.n}, ${g.large.toFixed(0)} ms at 2n: ratio ${g.ratio.toFixed(2)} (${family.cause})`);
      // The printed table too (a length, so exact): a quadratic output costs its reader and the
      // pipe more than this process's CPU shows.
      assert.ok(g.outputRatio < 2.6, `${family.name}: the stylish output grows ${g.outputRatio.toFixed(2)} × from n=${g.n} to 2n (${family.cause})`);
    });
  }
});
