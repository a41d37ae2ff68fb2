import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scratch, warrant } from './helpers.js';
import { requirePath } from '../helpers/ci.js';

const ESSAYS = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus', 'dev', 'essays');

function lint(dir: string, ...args: string[]): string {
  const r = warrant(['lint', '.', '-f', 'json', '--report-unused-disable-directives', ...args], { cwd: dir });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  return r.stdout;
}

describe('workers and cache give the findings of a plain run', function () {
  this.timeout(120_000);

  it('worker threads: same findings, same order, across linked files', () => {
    const s = scratch('links', 'warnings', 'errors', 'clean');
    try {
      const plain = lint(s.dir, '--concurrency', 'off');
      for (const n of ['2', '3']) assert.equal(lint(s.dir, '--concurrency', n), plain, `--concurrency ${n}`);
      assert.match(warrant(['lint', '.', '--concurrency', '2', '--debug'], { cwd: s.dir }).stderr, /2 workers/);
    } finally {
      s.done();
    }
  });

  it('worker threads on the essays corpus', function () {
    requirePath(this, ESSAYS, 'the development essays (../shared/corpus/dev/essays)');
    const s = scratch(ESSAYS);
    try {
      assert.equal(lint(s.dir, '--concurrency', '2'), lint(s.dir, '--concurrency', 'off'));
    } finally {
      s.done();
    }
  });

  it('cache: a second run reads everything from the cache and prints the same', () => {
    const s = scratch('links', 'warnings', 'errors');
    try {
      const first = lint(s.dir, '--cache');
      const second = warrant(['lint', '.', '-f', 'json', '--report-unused-disable-directives', '--cache', '--debug'], { cwd: s.dir });
      assert.equal(second.stdout, first);
      assert.match(second.stderr, /(\d+) files, \1 from cache/);
      assert.equal(first, lint(s.dir));
    } finally {
      s.done();
    }
  });

  it('cache: a change in one file re-lints the files linked to it, and only those', () => {
    const s = scratch('links', 'warnings');
    try {
      lint(s.dir, '--cache');
      // The defense of #cheap-filters goes away: main.md's claim is unsupported now.
      const replies = join(s.dir, 'links', 'replies.md');
      writeFileSync(replies, readFileSync(replies, 'utf8').replace('defends=main.md#cheap-filters', ''));
      const cached = warrant(['lint', '.', '-f', 'json', '--report-unused-disable-directives', '--cache', '--debug'], { cwd: s.dir });
      assert.equal(cached.stdout, lint(s.dir));
      assert.match(cached.stdout, /cheap-filters/);
      // Only main.md is linked to replies.md; the cycle, alone.md and warnings/ come from the cache.
      assert.match(cached.stderr, /6 files, 4 from cache/);
    } finally {
      s.done();
    }
  });

  it('cache: a new file that defends a claim elsewhere changes that file’s findings', () => {
    const s = scratch('links');
    try {
      const before = lint(s.dir, '--cache');
      assert.match(before, /Claim `lonely`/);
      writeFileSync(join(s.dir, 'links', 'new.md'), '# New\n\n<!-- defense #backing defends=alone.md#lonely -->\nDefense: Here is why ([Doe 2020](https://example.org/doe)).\n');
      const after = lint(s.dir, '--cache');
      assert.equal(after, lint(s.dir));
      assert.doesNotMatch(after, /Claim `lonely`/);
    } finally {
      s.done();
    }
  });

  it('cache: a file outside the run that a linted file reads is checked too', () => {
    const s = scratch('links');
    try {
      const args = ['links/main.md', 'links/alone.md'];
      const run = (...extra: string[]) => warrant(['lint', ...args, '-f', 'json', ...extra], { cwd: s.dir }).stdout;
      run('--cache');
      const replies = join(s.dir, 'links', 'replies.md');
      writeFileSync(replies, readFileSync(replies, 'utf8').replace('defends=main.md#misuse', ''));
      assert.equal(run('--cache'), run());
      rmSync(replies);
      assert.equal(run('--cache'), run());
    } finally {
      s.done();
    }
  });

  it('cache: other options or another config invalidate it', () => {
    const s = scratch('warnings');
    try {
      lint(s.dir, '--cache');
      const off = warrant(['lint', '.', '-f', 'json', '--cache', '--rule', 'unsupported-claim:off'], { cwd: s.dir });
      assert.doesNotMatch(off.stdout, /unsupported-claim/);
      writeFileSync(join(s.dir, '.warrant.yaml'), 'rules:\n  unsupported-claim: error\n');
      const err = warrant(['lint', '.', '-f', 'json', '--cache'], { cwd: s.dir });
      assert.equal(err.status, 1);
      assert.equal(err.stdout, warrant(['lint', '.', '-f', 'json'], { cwd: s.dir }).stdout);
    } finally {
      s.done();
    }
  });

  it('cache: --cache-location and --cache-strategy metadata', () => {
    const s = scratch('warnings');
    try {
      const plain = lint(s.dir);
      assert.equal(lint(s.dir, '--cache', '--cache-location', 'tmp/', '--cache-strategy', 'metadata'), plain);
      assert.ok(safeExists(join(s.dir, 'tmp', '.warrantcache')));
      const again = warrant(['lint', '.', '-f', 'json', '--report-unused-disable-directives', '--cache', '--cache-location', 'tmp/', '--cache-strategy', 'metadata', '--debug'], { cwd: s.dir });
      assert.equal(again.stdout, plain);
      assert.match(again.stderr, /1 files, 1 from cache/);
    } finally {
      s.done();
    }
  });
});

function safeExists(path: string): boolean {
  try {
    readFileSync(path);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EISDIR';
  }
}
