/**
 * Speed changes (#13) must not move a single finding. test/fixtures/parity/findings.json is what
 * the code before them reported on the examples, the fixtures and the dev essays — written by
 * `scripts/parity-snapshot.mjs` from a git ref, never by hand — and the built CLI must report
 * exactly that. The dev essays are read where they are at run time: absent, the set is skipped
 * (a failure under CI=true, test/helpers/ci.ts); a set missing from the snapshot always fails.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error: a plain .mjs module shared with the snapshot script
import { findingsOf, PARITY_SETS, SNAPSHOT } from '../../scripts/parity-sets.mjs';
import { requirePath } from '../helpers/ci.js';

const REPO = join(import.meta.dirname, '..', '..');
const BIN = join(REPO, 'bin', 'warrant.cjs');

interface ParitySet {
  readonly name: string;
  readonly dir: string;
}

describe('parity: findings before and after the speed work', function () {
  this.timeout(300_000);
  const snapshot = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as { commit: string; sets: Record<string, Record<string, string[]>> };

  for (const set of PARITY_SETS as ParitySet[]) {
    it(`${set.name}: every finding identical to ${snapshot.commit.slice(0, 12)}`, function () {
      const want = snapshot.sets[set.name];
      // A set the snapshot lacks is a snapshot to regenerate, never a pass.
      assert.ok(want, `${set.name} is missing from ${SNAPSHOT}: regenerate it with \`node scripts/parity-snapshot.mjs\``);
      requirePath(this, set.dir, `the ${set.name} parity set`);
      const got = findingsOf(BIN, set) as Record<string, string[]>;
      assert.deepEqual(got, want);
    });
  }
});
