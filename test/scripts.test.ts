import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, cpSync, rmSync } from 'node:fs';
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
  // Every import form the script's pattern claims to catch, one file each, the import on line 2.
  const FORMS: [string, string, string][] = [
    ['named.ts', "import { readFileSync } from 'node:fs';", 'node:fs'],
    ['namespace.ts', "import * as fs from 'fs';", 'fs'],
    ['default.ts', 'import fsp from "fs/promises";', 'fs/promises'],
    ['type-only.ts', "import type { Connection } from 'vscode-languageserver/node';", 'vscode-languageserver/node'],
    ['multi-line.ts', "import {\n  readFileSync,\n  statSync,\n} from 'node:fs';", 'node:fs'],
    ['re-export.ts', "export { window } from 'vscode';", 'vscode'],
    ['export-star.ts', "export * from 'node:net';", 'node:net'],
    ['side-effect.ts', "import 'node:http';", 'node:http'],
    ['require.ts', "const cp = require('child_process');", 'child_process'],
    ['require-spaced.js', 'const fs = require( "fs" );', 'fs'],
    ['dynamic.ts', "const { Worker } = await import('node:worker_threads');", 'node:worker_threads'],
    ['dynamic-double.mjs', 'void import("vscode-languageclient/node");', 'vscode-languageclient/node'],
  ];
  it('catches every import form it claims to: static, type-only, multi-line, re-export, side-effect, require() and import()', () => {
    const dir = mkdtempSync(join(tmpdir(), 'warrant-core-'));
    try {
      mkdirSync(join(dir, 'scripts'));
      mkdirSync(join(dir, 'src', 'core'), { recursive: true });
      cpSync(join(REPO, 'scripts', 'check-core-imports.mjs'), join(dir, 'scripts', 'check-core-imports.mjs'));
      for (const [name, line] of FORMS) writeFileSync(join(dir, 'src', 'core', name), `// ${name}\n${line}\n`);
      writeFileSync(join(dir, 'src', 'core', 'clean.ts'), "import { x } from './fs.js';\nconst y = requireAll('fs');\n");
      const r = spawnSync(process.execPath, [join(dir, 'scripts', 'check-core-imports.mjs')], { encoding: 'utf8' });
      assert.equal(r.status, 1);
      const reported = r.stderr.split('\n').filter((l) => l.includes(' imports '));
      assert.deepEqual(
        reported.map((l) => l.replace(/ — .*/, '')).sort(),
        FORMS.map(([name, , spec]) => `src/core/${name}:2: imports '${spec}'`).sort(),
        r.stderr,
      );
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

describe('scripts/check-web-bundle.mjs', function () {
  this.timeout(120_000);
  it('passes on the web extension and its worker server', () => {
    const r = spawnSync(process.execPath, [join(REPO, 'scripts', 'check-web-bundle.mjs')], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /web bundle: ok \(\d+ inputs, nothing from Node\)/);
  });
  it('fails on a Node built-in (node: or bare, import or require) and on Warrant\'s Node-only code', () => {
    const dir = mkdtempSync(join(tmpdir(), 'warrant-web-'));
    try {
      writeFileSync(join(dir, 'a.ts'), "import { readFileSync } from 'node:fs';\nconsole.log(readFileSync);\n");
      writeFileSync(join(dir, 'b.js'), "const p = require('path');\nconsole.log(p);\n");
      writeFileSync(join(dir, 'c.ts'), `import { toPath } from '${join(REPO, 'src', 'node', 'fsWorkspace.ts')}';\nconsole.log(toPath);\n`);
      writeFileSync(join(dir, 'ok.ts'), `import { LineIndex } from '${join(REPO, 'src', 'core', 'index.ts')}';\nconsole.log(LineIndex);\n`);
      const bad = spawnSync(process.execPath, [join(REPO, 'scripts', 'check-web-bundle.mjs'), join(dir, 'a.ts'), join(dir, 'b.js'), join(dir, 'c.ts')], { encoding: 'utf8' });
      assert.equal(bad.status, 1, bad.stdout);
      assert.match(bad.stderr, /a\.ts: imports 'node:fs' \(a Node built-in\)/);
      assert.match(bad.stderr, /b\.js: imports 'path' \(a Node built-in\)/);
      assert.match(bad.stderr, /src\/node\/fsWorkspace\.ts: Node-only code in the web bundle/);
      const ok = spawnSync(process.execPath, [join(REPO, 'scripts', 'check-web-bundle.mjs'), join(dir, 'ok.ts')], { encoding: 'utf8' });
      assert.equal(ok.status, 0, ok.stderr);
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

describe('CI switches: a check that cannot run fails under CI=true', () => {
  const read = (path: string) => readFileSync(join(REPO, path), 'utf8');

  it('.ci/run exports CI=true before it runs anything', () => {
    const lines = read('.ci/run').split('\n');
    const exported = lines.findIndex((l) => /^export CI=true$/.test(l.trim()));
    assert.ok(exported > 0, '.ci/run has a line `export CI=true`');
    const first = lines.findIndex((l) => /^(npm|node|bash) /.test(l.trim()));
    assert.ok(exported < first, `CI=true is exported (line ${exported + 1}) before the first command (line ${first + 1})`);
  });

  it('tests read CI only through test/helpers/ci.ts, and skip only through it', () => {
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== 'fixtures' && entry.name !== 'e2e') walk(path);
        } else if (/\.ts$/.test(entry.name) && path !== join(REPO, 'test', 'helpers', 'ci.ts')) {
          const text = readFileSync(path, 'utf8');
          if (/env(\.CI\b|\[['"]CI['"]\])/.test(text)) offenders.push(`${path}: reads CI`);
          if (/\.skip\(/.test(text)) offenders.push(`${path}: skips`);
        }
      }
    };
    walk(join(REPO, 'test'));
    assert.deepEqual(offenders, []);
  });

  it('scripts/node-min.sh on a machine it has no Node for: skipped with a message, a failure under CI=true', () => {
    const bin = mkdtempSync(join(tmpdir(), 'warrant-uname-'));
    try {
      // A machine that says it is a Mac on ARM (the script asks uname).
      writeFileSync(join(bin, 'uname'), '#!/bin/sh\ncase "$1" in -s) echo Darwin ;; -m) echo arm64 ;; *) echo Darwin ;; esac\n');
      chmodSync(join(bin, 'uname'), 0o755);
      const run = (ci: string | undefined) => {
        const { CI: _, ...env } = process.env;
        return spawnSync('bash', [join(REPO, 'scripts', 'node-min.sh')], {
          encoding: 'utf8',
          env: { ...env, PATH: `${bin}:${process.env['PATH']}`, WARRANT_NODE_MIN_HOME: join(bin, 'home'), ...(ci === undefined ? {} : { CI: ci }) },
        });
      };
      const ci = run('true');
      assert.equal(ci.status, 1, ci.stderr);
      assert.match(ci.stderr, /no npm package of Node for Darwin-arm64 .*failing because CI=true/);
      const local = run(undefined);
      assert.equal(local.status, 0, local.stderr);
      assert.match(local.stderr, /no npm package of Node for Darwin-arm64 .*skipped \(outside CI\)/);
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  });
});
