/**
 * `-o missing/dir/out.txt` printed a stack trace. The folders are created now, as ESLint does, and
 * an output path that cannot be written fails with one clear line and exit 2. Node's recursive
 * mkdir never returned on some paths (`/proc/nope/x`), so every command with `-o` hung there
 * (issue #21): those runs have a harness timeout, so a hang fails rather than stalls the suite.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { warrant } from '../cli/helpers.js';

describe('output paths (-o)', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'warrant-out-'));
    writeFileSync(join(dir, 'essay.md'), '# Notes\n\n**Claim:** Parking pays for itself within a decade.\n');
    writeFileSync(join(dir, 'afile'), '');
    mkdirSync(join(dir, 'folder'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const command of [['lint', 'essay.md', '-f', 'compact'], ['claims', 'essay.md'], ['graph', 'essay.md']]) {
    it(`${command[0]} -o creates the missing folders`, () => {
      const out = join('missing', command[0]!, 'deeper', 'out.txt');
      const r = warrant([...command, '-o', out], { cwd: dir });
      assert.equal(r.stderr, '');
      assert.ok(r.status === 0 || r.status === 1);
      assert.equal(r.stdout, '');
      assert.match(readFileSync(join(dir, out), 'utf8'), /Parking|claim/i);
    });
  }

  it('a file where a folder should be: one line, exit 2', () => {
    const r = warrant(['lint', 'essay.md', '-o', 'afile/out.txt'], { cwd: dir });
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'warrant: cannot write the output file afile/out.txt: a file stands where a folder of its path should be\n');
  });

  for (const command of [['lint', 'essay.md'], ['report', 'essay.md'], ['report', 'essay.md', '-f', 'markdown'], ['matrix', 'essay.md'], ['graph', 'essay.md'], ['claims', 'essay.md']]) {
    it(`${command.join(' ')} -o into a folder the system refuses: one line, exit 2, no hang`, () => {
      const r = warrant([...command, '-o', '/proc/nope/x'], { cwd: dir, timeout: 30_000 });
      assert.equal(r.status, 2, `status ${r.status} (null: killed by the timeout) ${r.stderr}`);
      assert.equal(r.stderr, 'warrant: cannot write the output file /proc/nope/x: cannot create the folder /proc/nope: the file system does not allow a folder there\n');
      assert.equal(r.stdout, '');
    });
  }

  it('--cache-location into a folder the system refuses: a notice, no hang', () => {
    const r = warrant(['lint', 'essay.md', '--cache', '--cache-location', '/proc/nope/cache/'], { cwd: dir, timeout: 30_000 });
    assert.ok(r.status === 0 || r.status === 1, `status ${r.status} (null: killed by the timeout) ${r.stderr}`);
    assert.match(r.stderr, /cannot write the cache \/proc\/nope\/cache\/\.warrantcache: cannot create the folder \/proc\/nope/);
  });

  it('an existing folder as the output file: one line, exit 2', () => {
    const r = warrant(['lint', 'essay.md', '-o', 'folder'], { cwd: dir });
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'warrant: cannot write the output file folder: it is a folder\n');
  });
});
