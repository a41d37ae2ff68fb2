/**
 * A defense written in another file counts when only the claim's file is linted, as it does in
 * the editor (which indexes the workspace): the CLI analyses files that link into the run.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { REPO, scratch, warrant } from './helpers.js';

describe('files that link into the run', () => {
  let ws: ReturnType<typeof scratch>;
  before(() => (ws = scratch('referrers')));
  after(() => ws.done());

  for (const extra of [[], ['--concurrency', '2'], ['--cache', '--cache-location', '.cache-a']]) {
    it(`count when only the claim's file is named ${extra.join(' ') || '(plain run)'}`, () => {
      const r = warrant(['lint', 'claim.md', '-f', 'gnu', ...extra], { cwd: `${ws.dir}/referrers` });
      assert.equal(r.stdout, '', r.stdout + r.stderr);
      assert.equal(r.status, 0);
    });
  }

  it('are not reported themselves', () => {
    const r = warrant(['lint', 'claim.md', 'unrelated.md', '-f', 'gnu'], { cwd: `${ws.dir}/referrers` });
    assert.match(r.stdout, /^unrelated\.md:3:1: warning: .*\[unsupported-claim\]\n$/);
  });

  it('make claims show the claim as supported', () => {
    const r = warrant(['claims', 'claim.md'], { cwd: `${ws.dir}/referrers` });
    const records = JSON.parse(r.stdout) as { file: string; status: string }[];
    assert.deepEqual(records.map((x) => [x.file, x.status]), [['claim.md', 'supported']]);
  });

  describe('with findings of their own (examples/multi-file: liability.md has two errors)', () => {
    let multi: ReturnType<typeof scratch>;
    before(() => (multi = scratch(join(REPO, 'examples', 'multi-file'))));
    after(() => multi.done());

    for (const extra of [['--concurrency', 'off'], ['--concurrency', '2'], ['--cache', '--cache-location', '.cache-b']]) {
      it(`linting replies.md alone reports only replies.md ${extra.join(' ')}`, () => {
        for (const round of [1, 2]) {
          const r = warrant(['lint', 'replies.md', '-f', 'compact', ...extra], { cwd: `${multi.dir}/multi-file` });
          assert.equal(r.stdout, '', `round ${round}: ${r.stdout}${r.stderr}`);
          assert.equal(r.status, 0);
        }
      });
    }

    it('linting both still reports liability.md', () => {
      const r = warrant(['lint', 'replies.md', 'liability.md', '-f', 'compact'], { cwd: `${multi.dir}/multi-file` });
      assert.match(r.stdout, /liability\.md: line 28.*unknown-citation-key/);
      assert.equal(r.status, 1);
    });
  });
});
