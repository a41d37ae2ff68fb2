#!/usr/bin/env node
// The packages `npm ci` installs (package-lock.json, dev tools included) whose `engines.node`
// refuses a Node version: what npm would print as EBADENGINE. `node scripts/check-engines.mjs
// [version...]` checks the lowest version package.json declares (and any given), exit 1 if any.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const semver = createRequire(import.meta.url)('semver');

/** The lowest Node version package.json's `engines.node` admits (`>=20.19` → `20.19.0`). */
export function lowestDeclared() {
  const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
  return semver.minVersion(pkg.engines.node).version;
}

/** `name@version wants node RANGE, not V` for every locked package that refuses one of `versions`. */
export function refusing(versions) {
  const lock = JSON.parse(readFileSync(join(REPO, 'package-lock.json'), 'utf8'));
  const out = [];
  for (const [path, entry] of Object.entries(lock.packages)) {
    const range = path && !Array.isArray(entry.engines) ? entry.engines?.node : undefined;
    if (!range) continue;
    for (const version of versions) {
      if (!semver.satisfies(version, range)) out.push(`${path.replace(/^.*node_modules\//, '')}@${entry.version} wants node ${range}, not ${version}`);
    }
  }
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const versions = [lowestDeclared(), ...process.argv.slice(2)];
  const bad = refusing(versions);
  for (const line of bad) console.error(`EBADENGINE: ${line}`);
  console.log(`engines: ${bad.length ? `${bad.length} refusal(s)` : 'every locked package accepts'} node ${versions.join(', ')}`);
  process.exit(bad.length ? 1 : 0);
}
