/**
 * The generic rule runner: one test per fixture file under test/fixtures/rules/<rule-id>/.
 * Meta-tests in meta.test.ts make sure every rule has fixtures of both kinds.
 */
import assert from 'node:assert/strict';
import { readdirSync, existsSync } from 'node:fs';
import { join, basename } from 'node:path';
import { allRuleMeta } from '../../src/core/index.js';
import { checkExpected, expectedPath, FIXTURE_SNAPSHOTS, formatFindings, lintFixture } from '../helpers/fixtures.js';
import { updateHint } from '../helpers/snapshot.js';

const ROOT = join(import.meta.dirname, '..', 'fixtures', 'rules');

describe('rules on fixtures', () => {
  for (const meta of allRuleMeta()) {
    const dir = join(ROOT, meta.id);
    if (!existsSync(dir)) continue;
    describe(meta.id, () => {
      for (const name of readdirSync(dir).filter((n) => /\.(md|qmd)$/.test(n)).sort()) {
        const file = join(dir, name);
        it(name, () => {
          const findings = lintFixture(file).filter((f) => f.ruleId === meta.id);
          if (basename(name).startsWith('ok')) {
            assert.equal(formatFindings(findings), '', `${name} should produce no ${meta.id} findings`);
          } else {
            assert.ok(findings.length > 0, `${name} should produce at least one ${meta.id} finding`);
            const [actual, expected] = checkExpected(file, formatFindings(findings));
            assert.equal(actual, expected, `findings differ from ${updateHint(expectedPath(file), FIXTURE_SNAPSHOTS)}`);
          }
        });
      }
    });
  }
});
