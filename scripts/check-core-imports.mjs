#!/usr/bin/env node
// Architecture invariant: src/core is pure. It imports no editor API, no LSP library and no
// file system or process module; hosts inject what it needs (see ARCHITECTURE.md).
// Security invariant: nothing in src/ starts a subprocess. A workspace is untrusted input, and a
// program run inside it (git honours the repository's own config) could run its owner's code.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const CORE = join(ROOT, 'src', 'core');
const FORBIDDEN = [/^vscode$/, /^vscode-languageserver/, /^vscode-languageclient/, /^(node:)?fs(\/promises)?$/, /^(node:)?child_process$/, /^(node:)?worker_threads$/, /^(node:)?net$/, /^(node:)?http/];
const EVERYWHERE = [/^(node:)?child_process$/];
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|\brequire\(\s*['"]([^'"]+)['"]\s*\)|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (/\.(ts|mts|cts|js|mjs)$/.test(name)) yield path;
  }
}

const violations = [];
function check(file, forbidden, why) {
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3] ?? m[4];
    if (forbidden.some((re) => re.test(spec))) {
      const line = text.slice(0, m.index).split('\n').length + (m[0].startsWith('\n') ? 1 : 0);
      violations.push(`${relative(ROOT, file)}:${line}: imports '${spec}' — ${why}`);
    }
  }
}
for (const file of walk(CORE)) check(file, FORBIDDEN, 'src/core must stay pure (inject it through the Workspace instead)');
for (const file of walk(join(ROOT, 'src'))) {
  if (!file.startsWith(CORE)) check(file, EVERYWHERE, 'no subprocess anywhere: a workspace must never run code');
}
if (violations.length) {
  console.error(violations.join('\n'));
  console.error(`\n${violations.length} forbidden import(s) in src`);
  process.exit(1);
}
console.log('src/core imports: ok (no vscode, LSP, fs, child_process, network); src: no child_process');
