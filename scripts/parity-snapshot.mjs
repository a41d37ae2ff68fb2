#!/usr/bin/env node
// Writes test/fixtures/parity/findings.json: every finding `warrant lint` reports on the examples,
// the test fixtures and the dev essays, as the code at a git ref (default `main`) reports them.
// test/parity/findings.test.ts holds the current build to it, so a speed change (#13) that moves
// one finding fails. Regenerate after `main` changes what is found:
//
//   node scripts/parity-snapshot.mjs [--ref main]
//
// The ref's tree is exported to a scratch folder (git archive), built there with this checkout's
// node_modules, and run on *this* checkout's examples and fixtures, so both sides see the same
// files. Dev-essay messages are stored as hashes: the corpus text never enters the repository.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findingsOf, PARITY_SETS, SNAPSHOT } from './parity-sets.mjs';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const ref = args.includes('--ref') ? args[args.indexOf('--ref') + 1] : 'main';

const run = (cmd, cmdArgs, opts = {}) => {
  const r = spawnSync(cmd, cmdArgs, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${cmdArgs.join(' ')}: exit ${r.status}\n${r.stderr}`);
  return r.stdout;
};

const commit = run('git', ['rev-parse', ref], { cwd: REPO }).trim();
const scratch = mkdtempSync(join(tmpdir(), 'warrant-parity-'));
try {
  const tar = join(scratch, 'tree.tar');
  run('git', ['archive', '--format=tar', '-o', tar, commit], { cwd: REPO });
  const tree = join(scratch, 'tree');
  mkdirSync(tree);
  run('tar', ['-xf', tar, '-C', tree]);
  symlinkSync(join(REPO, 'node_modules'), join(tree, 'node_modules'), 'dir');
  run(process.execPath, ['esbuild.mjs'], { cwd: tree });
  const bin = join(tree, 'bin', 'warrant.cjs');
  const sets = {};
  for (const set of PARITY_SETS) {
    if (!existsSync(set.dir)) {
      console.error(`parity-snapshot: ${set.dir} is absent; ${set.name} not recorded`);
      continue;
    }
    sets[set.name] = findingsOf(bin, set);
  }
  writeFileSync(SNAPSHOT, `${JSON.stringify({ generatedBy: 'scripts/parity-snapshot.mjs', ref, commit, sets }, null, 1)}\n`);
  const count = Object.values(sets).reduce((n, files) => n + Object.values(files).reduce((m, f) => m + f.length, 0), 0);
  console.log(`parity-snapshot: ${count} findings from ${commit.slice(0, 12)} (${ref}) → ${SNAPSHOT}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
