import assert from 'node:assert/strict';
import { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scratch, warrant } from './helpers.js';
import { requirePath } from '../helpers/ci.js';

const ESSAYS = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus', 'dev', 'essays');

describe('bulk suppressions (warrant-suppressions.json)', function () {
  this.timeout(60_000);

  it('adopting on published essays: suppress all, then only new findings fail', function () {
    requirePath(this, ESSAYS, 'the development essays (../shared/corpus/dev/essays)');
    const s = scratch(ESSAYS);
    try {
      const cwd = s.dir;
      const before = warrant(['lint', 'essays', '--max-warnings', '0'], { cwd });
      assert.equal(before.status, 1, 'the backlog fails before suppressions');
      const write = warrant(['lint', 'essays', '--suppress-all'], { cwd });
      assert.equal(write.status, 0, write.stderr);
      assert.equal(write.stdout, '');
      const data = JSON.parse(readFileSync(join(cwd, 'warrant-suppressions.json'), 'utf8')) as Record<string, Record<string, { count: number }>>;
      const [file, rules] = Object.entries(data)[0]!;
      assert.match(file, /^essays\/[^/]+\.md$/);
      assert.ok(Object.values(rules).every((r) => Number.isInteger(r.count) && r.count > 0));

      assert.equal(warrant(['lint', 'essays', '--max-warnings', '0'], { cwd }).status, 0);

      const essay = readdirSync(join(cwd, 'essays')).filter((f) => f.endsWith('.md')).sort()[0]!;
      appendFileSync(join(cwd, 'essays', essay), '\n\nClaim: Every frontier lab will open its weights by next year.\n');
      const after = warrant(['lint', 'essays', '--max-warnings', '0', '-f', 'gnu'], { cwd });
      assert.equal(after.status, 1);
      assert.match(after.stdout, /unsupported-claim/);
    } finally {
      s.done();
    }
  });

  it('--suppress-rule records one rule; --prune-suppressions drops what is fixed', () => {
    const s = scratch('errors', 'warnings');
    try {
      const cwd = s.dir;
      assert.equal(warrant(['lint', '.', '--suppress-rule', 'unsupported-claim', '--suppressions-location', 'baseline.json'], { cwd }).status, 1, 'the error is not suppressed');
      const data = JSON.parse(readFileSync(join(cwd, 'baseline.json'), 'utf8'));
      assert.deepEqual(data, { 'errors/essay.md': { 'unsupported-claim': { count: 1 } }, 'warnings/essay.md': { 'unsupported-claim': { count: 2 } } });
      const r = warrant(['lint', '.', '-f', 'gnu', '--suppressions-location', 'baseline.json'], { cwd });
      assert.doesNotMatch(r.stdout, /unsupported-claim/);
      assert.match(r.stdout, /missing-footnote/);

      // One more unsupported claim in a file: all of that file's show again (which one is new is unknowable).
      appendFileSync(join(cwd, 'warnings', 'essay.md'), '\nClaim: A third unsupported claim.\n');
      const more = warrant(['lint', 'warnings', '-f', 'gnu', '--suppressions-location', 'baseline.json'], { cwd });
      assert.equal(more.stdout.trimEnd().split('\n').length, 3);

      // Fix everything in warnings/: prune drops its entry.
      writeFileSync(join(cwd, 'warnings', 'essay.md'), '# Fixed\n\nClaim: Cited now ([A](https://example.org/a)).\n');
      const hint = warrant(['lint', '.', '--suppressions-location', 'baseline.json'], { cwd });
      assert.match(hint.stderr, /--prune-suppressions/);
      warrant(['lint', '.', '--prune-suppressions', '--suppressions-location', 'baseline.json'], { cwd });
      assert.deepEqual(JSON.parse(readFileSync(join(cwd, 'baseline.json'), 'utf8')), { 'errors/essay.md': { 'unsupported-claim': { count: 1 } } });
    } finally {
      s.done();
    }
  });
});
