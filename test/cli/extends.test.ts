/** `extends`: a config builds on shared files; their settings come first, the file's own win. */
import assert from 'node:assert/strict';
import { warrant } from './helpers.js';

describe('config extends', () => {
  it('applies the base file, then the extending file', () => {
    const r = warrant(['lint', 'extends/team', '-f', 'gnu']);
    // unsupported-claim is an error from the base; orphan-node is off in the team file.
    assert.equal(r.stdout, 'extends/team/essay.md:3:1: error: Claim "Shared style guides keep a team\'s essays consistent." has no citation and no linked defense or evidence: cite a source or link a defense [unsupported-claim]\n');
    assert.equal(r.status, 1);
  });

  it('reports a missing or circular extends, and problems in the extended file, each where it is written', () => {
    const r = warrant(['lint', 'extends-broken', '-f', 'gnu']);
    assert.equal(r.status, 2);
    const lines = r.stdout.trim().split('\n').sort();
    assert.deepEqual(lines, [
      'extends-broken/.warrant.yaml:2:5: error: `extends` names ./missing.warrant.yaml, which does not exist: fix the path (relative to this file) [invalid-config]',
      'extends-broken/loop.warrant.yaml:1:10: error: `extends` loops back to ./.warrant.yaml: remove one of the links [invalid-config]',
      'extends-broken/loop.warrant.yaml:3:3: error: Unknown rule id `nonsense-rule` [invalid-config]',
    ]);
  });
});
