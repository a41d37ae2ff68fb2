/**
 * Only regular files are read. `warrant lint fifo.md` used to block forever on a named pipe, and
 * a symbolic link loop named on the command line got a vague "no files matching". A named path
 * that exists but cannot be linted now gets a `file-skipped` finding saying what it is, and the
 * files the workspace controls (`.warrant.yaml`, `.warrantignore`, `.gitignore`, the cache, the
 * suppressions file, bibliographies) are never opened blocking when they are pipes.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { BIN } from '../cli/helpers.js';
import { readRegularFile } from '../../src/node/readFile.js';

const CLAIM = '# Notes\n\n**Claim:** Parking pays for itself within a decade.\n';

function mkfifo(path: string): void {
  execFileSync('mkfifo', [path]);
}

/** The CLI with a time limit: a run that blocks on a pipe must fail the test, not hang it. */
function lintIn(dir: string, args: string[]): { status: number | null; signal: string | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, 'lint', ...args, '-f', 'compact'], {
    cwd: dir,
    encoding: 'utf8',
    input: '',
    timeout: 20_000,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

describe('special files', function () {
  this.timeout(60_000);
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'warrant-special-'));
    writeFileSync(join(dir, 'essay.md'), CLAIM);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a named pipe named on the command line is skipped with the reason, and the other file is linted', () => {
    mkfifo(join(dir, 'fifo.md'));
    const r = lintIn(dir, ['fifo.md', 'essay.md']);
    assert.equal(r.signal, null, 'the run blocked on the pipe');
    assert.match(r.stdout, /fifo\.md: line 1, col 1, Error - Not linted: this path is a named pipe; only regular files are read \(file-skipped\)/);
    assert.match(r.stdout, /essay\.md: line 3, col 3, Warning - Claim/);
    assert.equal(r.status, 1);
  });

  it('a symbolic link loop named on the command line says so', () => {
    symlinkSync('loop.md', join(dir, 'loop.md'));
    const r = lintIn(dir, ['loop.md']);
    assert.match(r.stdout, /loop\.md: line 1, col 1, Error - Not linted: this path is a loop of symbolic links/);
    assert.doesNotMatch(r.stderr, /no files matching/);
  });

  it('a folder named x.md with no Markdown in it is named as a folder', () => {
    mkdirSync(join(dir, 'x.md'));
    const r = lintIn(dir, ['x.md']);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'warrant: "x.md" is a folder, and no Markdown files were found in it\n');
  });

  it('a folder with a pipe among its Markdown files lints the regular files and does not block', () => {
    mkfifo(join(dir, 'fifo.md'));
    const r = lintIn(dir, ['.']);
    assert.equal(r.signal, null, 'the run blocked on the pipe');
    assert.match(r.stdout, /essay\.md: line 3/);
  });

  it('a named pipe called warrant-suppressions.json stops the run at once with a clear line', () => {
    mkfifo(join(dir, 'warrant-suppressions.json'));
    const r = lintIn(dir, ['.']);
    assert.equal(r.signal, null, 'the run blocked on the pipe');
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'warrant: cannot read the suppressions file warrant-suppressions.json: is a named pipe\n');
  });

  it('a named pipe called .warrantcache is replaced by a real cache', () => {
    mkfifo(join(dir, '.warrantcache'));
    const r = lintIn(dir, ['.', '--cache']);
    assert.equal(r.signal, null, 'the run blocked on the pipe');
    assert.match(r.stdout, /essay\.md: line 3/);
    assert.match(r.stderr, /ignoring the cache .*\.warrantcache: it is a named pipe; linting every file/);
    assert.ok(statSync(join(dir, '.warrantcache')).isFile());
  });

  for (const name of ['.warrant.yaml', '.warrantignore', '.gitignore', 'refs.bib']) {
    it(`a named pipe called ${name} does not block the run`, () => {
      mkfifo(join(dir, name));
      if (name === 'refs.bib') writeFileSync(join(dir, 'essay.md'), `---\nbibliography: refs.bib\n---\n${CLAIM}`);
      const r = lintIn(dir, ['.']);
      assert.equal(r.signal, null, 'the run blocked on the pipe');
      assert.match(r.stdout, /essay\.md: line/);
    });
  }

  it('readRegularFile refuses a pipe at once', () => {
    mkfifo(join(dir, 'p'));
    assert.throws(() => readRegularFile(join(dir, 'p')), /is a named pipe/);
    assert.throws(() => readRegularFile(dir), /is a folder/);
    assert.equal(readRegularFile(join(dir, 'essay.md')), CLAIM);
  });
});
