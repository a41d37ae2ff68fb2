/**
 * Speed changes (#13) must not move a single finding. test/fixtures/parity/findings.json is what
 * the code before them reported on the examples, the fixtures and the dev essays — written by
 * `scripts/parity-snapshot.mjs` from a git ref, never by hand — and the built CLI must report
 * exactly that. The dev essays are read where they are at run time and skipped when absent.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error: a plain .mjs module shared with the snapshot script
import { findingsOf, PARITY_SETS, SNAPSHOT } from '../../scripts/parity-sets.mjs';

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
      if (!existsSync(set.dir) || !want) return this.skip();
      const got = findingsOf(BIN, set) as Record<string, string[]>;
      assert.deepEqual(got, want);
    });
  }
});
