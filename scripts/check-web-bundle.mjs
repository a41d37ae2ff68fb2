#!/usr/bin/env node
// Invariant: the web extension's bundles (scripts/web-build.mjs) import nothing from Node. A
// browser has no `fs`, `path` or `child_process`; a module that needs one would fail in vscode.dev
// at run time, long after the build. Builds the entries in memory and fails when any input is a
// Node built-in (or a package's stub for one), Warrant's Node-only code (src/node, src/cli,
// src/mcp, the Node language client/server), or when the output requires anything but `vscode`.
// Usage: node scripts/check-web-bundle.mjs [entry.ts ...]   (default: the two web entries)
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { build } from 'esbuild';
import { WEB_ENTRIES, webBuildOptions } from './web-build.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const args = process.argv.slice(2);
const entries = args.length ? args.map((a, i) => ({ in: resolve(a), out: `check/${i}` })) : WEB_ENTRIES;

const BUILTIN = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const NODE_ONLY = [/^src\/(node|cli|mcp)\//, /vscode-language(server|client)\/lib\/node\//, /vscode-jsonrpc\/lib\/node\//];
const violations = [];
// Every import of a Node built-in is an error, even where a package's `browser` field would stub it.
const plugin = {
  name: 'no-node-builtins',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      if (BUILTIN.has(args.path) || args.path.startsWith('node:')) {
        violations.push(`${relative(ROOT, args.importer) || args.importer}: imports '${args.path}' (a Node built-in)`);
        return { path: args.path, external: true };
      }
      return undefined;
    });
  },
};

let result;
try {
  const options = webBuildOptions(pkg.version, entries);
  // The build's own shims resolve first (node:module → src/web/nodeModuleShim.ts); anything else from Node is caught.
  result = await build({ ...options, absWorkingDir: ROOT, write: false, metafile: true, logLevel: 'silent', plugins: [...(options.plugins ?? []), plugin] });
} catch (error) {
  console.error(`web bundle does not build for the browser:\n${error.message}`);
  process.exit(1);
}
for (const input of Object.keys(result.metafile.inputs)) {
  const path = relative(ROOT, resolve(ROOT, input)).replace(/^.*node_modules\//, 'node_modules/');
  if (input.startsWith('(disabled):')) violations.push(`${input}: a Node module the browser build had to stub`);
  else if (NODE_ONLY.some((re) => re.test(path.replace(/^node_modules\//, '')))) violations.push(`${path}: Node-only code in the web bundle`);
}
for (const file of result.outputFiles) {
  for (const m of file.text.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)) {
    if (m[1] !== 'vscode') violations.push(`${relative(ROOT, file.path)}: requires '${m[1]}' at run time`);
  }
}
if (violations.length) {
  console.error([...new Set(violations)].join('\n'));
  console.error(`\n${new Set(violations).size} Node dependenc${violations.length === 1 ? 'y' : 'ies'} in the web bundle`);
  process.exit(1);
}
console.log(`web bundle: ok (${Object.keys(result.metafile.inputs).length} inputs, nothing from Node)`);
