/**
 * Snapshots never write themselves in a test run, and CI never runs in update mode.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSnapshot } from './helpers/snapshot.js';
import { checkExpected } from './helpers/fixtures.js';

const REPO = join(import.meta.dirname, '..');

describe('snapshots', () => {
  let dir: string;
  let saved: string | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'warrant-snapshot-'));
    saved = process.env['UPDATE_EXPECT'];
    delete process.env['UPDATE_EXPECT'];
  });
  afterEach(() => {
    if (saved === undefined) delete process.env['UPDATE_EXPECT'];
    else process.env['UPDATE_EXPECT'] = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it('a missing snapshot fails, naming the file and the update command, and is not written', () => {
    const path = join(dir, 'x.scopes');
    assert.throws(() => readSnapshot(path, 'fresh output\n', { testFile: 'test/grammar/grammar.test.ts' }), (e: Error) => {
      assert.match(e.message, /^missing snapshot .*x\.scopes: run `UPDATE_EXPECT=1 npx mocha test\/grammar\/grammar\.test\.ts` to write it/);
      return true;
    });
    assert.equal(existsSync(path), false);
  });

  it('a missing expected file of a rule fixture fails the same way', () => {
    const fixture = join(dir, 'not-ok.md');
    assert.throws(() => checkExpected(fixture, '1:1-1:5 warning x'), /missing snapshot .*not-ok\.expected: run `UPDATE_EXPECT=1 npx mocha test\/rules\/fixtures\.test\.ts`/);
    assert.equal(existsSync(join(dir, 'not-ok.expected')), false);
  });

  it('an existing snapshot is read, not rewritten, without the update variable', () => {
    const path = join(dir, 'x.txt');
    writeFileSync(path, 'old\n');
    assert.equal(readSnapshot(path, 'new\n', { testFile: 't' }), 'old\n');
    assert.equal(readFileSync(path, 'utf8'), 'old\n');
  });

  it('UPDATE_EXPECT=1 writes it', () => {
    process.env['UPDATE_EXPECT'] = '1';
    const path = join(dir, 'x.txt');
    assert.equal(readSnapshot(path, 'new\n', { testFile: 't' }), 'new\n');
    assert.equal(readFileSync(path, 'utf8'), 'new\n');
  });
});

describe('.ci/run', () => {
  // A copy of the script with a fake npm first on PATH: if the guard let the run through, the fake
  // would leave a marker (and no real install or test run could start).
  it('refuses to run with any UPDATE_* variable set, before installing anything', () => {
    const dir = mkdtempSync(join(tmpdir(), 'warrant-ci-'));
    try {
      mkdirSync(join(dir, '.ci'));
      mkdirSync(join(dir, 'bin'));
      cpSync(join(REPO, '.ci', 'run'), join(dir, '.ci', 'run'));
      const marker = join(dir, 'npm-ran');
      writeFileSync(join(dir, 'bin', 'npm'), `#!/bin/sh\ntouch '${marker}'\nexit 1\n`);
      chmodSync(join(dir, 'bin', 'npm'), 0o755);
      const env = { ...process.env, PATH: `${join(dir, 'bin')}:${process.env['PATH']}` };
      for (const [name, value] of [['UPDATE_EXPECT', '1'], ['UPDATE_HEURISTICS', '1'], ['UPDATE_ANYTHING', '']] as const) {
        const r = spawnSync('bash', [join(dir, '.ci', 'run')], { encoding: 'utf8', env: { ...env, [name]: value } });
        assert.equal(r.status, 2, `${name}: ${r.stdout}${r.stderr}`);
        assert.match(r.stderr, new RegExp(`refusing to run with ${name} set`));
        assert.equal(existsSync(marker), false, `${name}: npm ran`);
      }
      // Without one it goes on to npm (the fake, which fails).
      const clean = Object.fromEntries(Object.entries(env).filter(([k]) => !k.startsWith('UPDATE_')));
      const r = spawnSync('bash', [join(dir, '.ci', 'run')], { encoding: 'utf8', env: clean });
      assert.notEqual(r.status, 0);
      assert.equal(existsSync(marker), true, 'without UPDATE_* the script should reach npm');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
