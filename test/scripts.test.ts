import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REPO = join(import.meta.dirname, '..');

describe('scripts/check-core-imports.mjs', () => {
  it('passes on this repository', () => {
    const r = spawnSync(process.execPath, [join(REPO, 'scripts', 'check-core-imports.mjs')], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  });
  it('fails when a core file imports node:fs or the LSP library', () => {
    const dir = mkdtempSync(join(tmpdir(), 'warrant-core-'));
    try {
      mkdirSync(join(dir, 'scripts'));
      mkdirSync(join(dir, 'src', 'core', 'sub'), { recursive: true });
      cpSync(join(REPO, 'scripts', 'check-core-imports.mjs'), join(dir, 'scripts', 'check-core-imports.mjs'));
      writeFileSync(join(dir, 'src', 'core', 'ok.ts'), "import { x } from './sub/y.js';\n");
      writeFileSync(join(dir, 'src', 'core', 'sub', 'bad.ts'), "import { readFileSync } from 'node:fs';\nimport type { Connection } from 'vscode-languageserver/node';\n");
      const r = spawnSync(process.execPath, [join(dir, 'scripts', 'check-core-imports.mjs')], { encoding: 'utf8' });
      assert.equal(r.status, 1);
      assert.match(r.stderr, /sub\/bad\.ts:1: imports 'node:fs'/);
      assert.match(r.stderr, /sub\/bad\.ts:2: imports 'vscode-languageserver\/node'/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('fails when any source file outside src/core starts a subprocess', () => {
    const dir = mkdtempSync(join(tmpdir(), 'warrant-core-'));
    try {
      mkdirSync(join(dir, 'scripts'));
      mkdirSync(join(dir, 'src', 'core'), { recursive: true });
      mkdirSync(join(dir, 'src', 'node'), { recursive: true });
      cpSync(join(REPO, 'scripts', 'check-core-imports.mjs'), join(dir, 'scripts', 'check-core-imports.mjs'));
      writeFileSync(join(dir, 'src', 'node', 'ok.ts'), "import { readFileSync } from 'node:fs';\n");
      writeFileSync(join(dir, 'src', 'node', 'files.ts'), "import { readFileSync } from 'node:fs';\nimport { spawnSync } from 'node:child_process';\n");
      const r = spawnSync(process.execPath, [join(dir, 'scripts', 'check-core-imports.mjs')], { encoding: 'utf8' });
      assert.equal(r.status, 1);
      assert.match(r.stderr, /src\/node\/files\.ts:2: imports 'node:child_process' — no subprocess/);
      assert.doesNotMatch(r.stderr, /ok\.ts/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('npm run examples', () => {
  const script = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['examples:lint']!;
  const run = (command: string) => spawnSync('sh', ['-c', command], { cwd: REPO, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  it('prints the examples\' findings and exits 0, because the lint exits 1 as the README says', () => {
    const r = run(script);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /error/);
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    assert.match(readme.replace(/\s+/g, ' '), /`warrant lint examples` exits 1 there.*`npm run examples` prints the same findings and exits 0 exactly when the lint exited 1/);
  });

  it('fails when the lint exits anything but 1: a clean folder, or a bad config', () => {
    const dir = mkdtempSync(join(tmpdir(), 'warrant-examples-'));
    try {
      writeFileSync(join(dir, 'clean.md'), 'Claim: Fine [src](https://example.org).\n');
      assert.notEqual(run(script.replace(' examples', ` ${dir}`)).status, 0, 'a clean run is not what the examples promise');
      writeFileSync(join(dir, '.warrant.yaml'), 'rules:\n  nope: error\n');
      assert.notEqual(run(script.replace(' examples', ` ${dir}`)).status, 0, 'exit 2 fails it');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('screenshots', () => {
  const read = (path: string) => readFileSync(join(REPO, path), 'utf8');

  it('the e2e script writes them to a scratch folder unless told otherwise, and CI never points it at images/', () => {
    const e2e = read('scripts/e2e.sh');
    const fallback = /^SHOTS="\$\{WARRANT_E2E_SHOTS:-([^}]*)\}"$/m.exec(e2e);
    assert.ok(fallback, 'scripts/e2e.sh reads WARRANT_E2E_SHOTS');
    assert.doesNotMatch(fallback[1]!, /images/, 'the default is not the README images folder');
    const ci = read('.ci/run');
    const run = ci.split('\n').find((l) => /scripts\/e2e\.sh/.test(l) && !l.trimStart().startsWith('#'));
    assert.ok(run, '.ci/run runs the e2e script');
    assert.match(run, /WARRANT_E2E_SHOTS="[^"]+"/);
    assert.doesNotMatch(run, /WARRANT_E2E_SHOTS="?[^" ]*images/);
    assert.match(ci, /git diff --quiet -- images\//, '.ci/run fails when images/ changed');
  });

  it('refreshing the README images is its own npm script', () => {
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    assert.equal(scripts['e2e:images'], 'WARRANT_E2E_SHOTS=images bash scripts/e2e.sh');
    assert.match(read('README.md'), /npm run e2e:images/);
  });
});
