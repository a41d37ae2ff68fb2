#!/usr/bin/env node
/**
 * `npm run package`: builds `warrant-<version>.vsix` with @vscode/vsce from a staging folder.
 *
 * Why a staging folder: package.json has a `files` list for the npm package (CLI + server), and
 * vsce refuses a `.vscodeignore` next to a `files` property. The stage holds exactly what
 * `.vscodeignore` allows, and a manifest without `files`, `scripts`, dependencies (the
 * bundles contain them) and `type`. Usage: node scripts/e2e-vsix.mjs [--out path.vsix] [--web-only]
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const outArg = process.argv.indexOf('--out');
// --web-only: the same package without `main`, so VS Code must run the `browser` entry (the
// web-host e2e test installs this one).
const webOnly = process.argv.includes('--web-only');
const out = outArg > 0 ? resolve(process.argv[outArg + 1]) : join(root, `warrant-${pkg.version}.vsix`);
const REPO = 'https://github.com/warrant-dev/warrant';

// The allow-list in .vscodeignore, read back so that the two cannot drift.
const allowed = readFileSync(join(root, '.vscodeignore'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l.startsWith('!'))
  .map((l) => l.slice(1));

const stage = mkdtempSync(join(tmpdir(), 'warrant-vsix-'));
try {
  const missing = [];
  for (const pattern of allowed) {
    if (pattern === 'package.json') continue;
    const dir = pattern.includes('*') ? dirname(pattern) : undefined;
    if (dir) {
      const re = new RegExp('^' + pattern.slice(dir.length + 1).replace(/\./g, '\\.').replace(/\*/g, '[^/]*') + '$');
      const names = existsSync(join(root, dir)) ? readdirSync(join(root, dir)).filter((n) => re.test(n)) : [];
      if (names.length === 0) missing.push(pattern);
      for (const n of names) copy(join(dir, n));
    } else if (existsSync(join(root, pattern))) copy(pattern);
    else missing.push(pattern);
  }
  const required = ['dist/client.cjs', 'dist/server.cjs', 'dist/web/extension.js', 'dist/web/server.js'];
  const fatal = missing.filter((m) => required.includes(m));
  if (fatal.length) throw new Error(`missing ${fatal.join(', ')} (run npm run build first)`);
  if (missing.length) console.warn(`warning: not packaged (missing): ${missing.join(', ')}`);
  cpSync(join(root, '.vscodeignore'), join(stage, '.vscodeignore'));

  const manifest = { ...pkg };
  for (const key of ['files', 'scripts', 'devDependencies', 'dependencies', 'bin', 'private']) delete manifest[key];
  // The extension's bundles are CommonJS (.cjs, and dist/web/*.js built as such): `type: module`
  // is for the sources, and VS Code's web worker host refuses an extension that declares it.
  delete manifest.type;
  manifest.repository ??= { type: 'git', url: REPO };
  if (webOnly) delete manifest.main;
  writeFileSync(join(stage, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');

  const require = createRequire(import.meta.url);
  const vsce = join(dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
  const args = [vsce, 'package', '--no-dependencies', '--out', out, '--baseContentUrl', `${REPO}/blob/main`, '--baseImagesUrl', `${REPO}/raw/main`];
  if (!existsSync(join(stage, 'LICENSE'))) args.push('--skip-license');
  execFileSync(process.execPath, args, { cwd: stage, stdio: 'inherit' });
} finally {
  rmSync(stage, { recursive: true, force: true });
}

function copy(rel) {
  mkdirSync(dirname(join(stage, rel)), { recursive: true });
  cpSync(join(root, rel), join(stage, rel));
}

