#!/usr/bin/env node
// The entry of the GitHub Action in action.yml: runs this checkout's bundled CLI
// (bin/warrant.cjs, built by the action's `npm ci`) on the caller's repository. The runner hands
// the inputs over as environment variables, as it does for JavaScript actions (`INPUT_FORMAT`,
// `INPUT_PATHS`, `INPUT_SARIF-UPLOAD`; action.yml sets them on the step), and the run's results
// go back through the files it names: `$GITHUB_OUTPUT` (outputs `exit-code`, `sarif-file`) and
// `$GITHUB_STEP_SUMMARY` (the `markdown` format). test/cli/action.test.ts runs it the same way.
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'warrant.cjs');
const FORMATS = ['stylish', 'compact', 'github', 'gnu', 'json', 'sarif', 'junit', 'markdown'];

const input = (name, fallback) => {
  const value = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`];
  return value === undefined || value.trim() === '' ? fallback : value.trim();
};
const setOutput = (name, value) => {
  if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, `${name}=${value}\n`);
};
const fail = (message) => {
  process.stdout.write(`::error title=warrant::${message}\n`);
  setOutput('exit-code', '2');
  process.exit(2);
};

const format = input('format', 'github');
if (!FORMATS.includes(format)) fail(`the format input takes one of ${FORMATS.join(', ')}, not "${format}"`);
const sarifInput = input('sarif-upload', 'false').toLowerCase();
if (!['true', 'false'].includes(sarifInput)) fail(`the sarif-upload input takes true or false, not "${sarifInput}"`);
// One path, folder or glob per line or per space-separated word (globs stay unexpanded: no shell).
const paths = input('paths', '.').split(/\s+/).filter(Boolean);
const cwd = process.env.GITHUB_WORKSPACE || process.cwd();

const warrant = (args, stdio) => spawnSync(process.execPath, [BIN, ...args], { cwd, stdio, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });

let sarifFile = '';
if (sarifInput === 'true') {
  // Written outside the workspace, so it is never linted or committed by a later step.
  sarifFile = join(mkdtempSync(join(process.env.RUNNER_TEMP || tmpdir(), 'warrant-')), 'warrant.sarif');
  const sarif = warrant(['lint', '-f', 'sarif', '-o', sarifFile, '--', ...paths], ['ignore', 'inherit', 'inherit']);
  if (sarif.status === 2 || sarif.status === null) sarifFile = '';
}

let code;
if (format === 'markdown') {
  const run = warrant(['lint', '-f', 'markdown', '--', ...paths], ['ignore', 'pipe', 'inherit']);
  process.stdout.write(run.stdout ?? '');
  if (process.env.GITHUB_STEP_SUMMARY && run.stdout) appendFileSync(process.env.GITHUB_STEP_SUMMARY, run.stdout);
  code = run.status;
} else {
  code = warrant(['lint', '-f', format, '--', ...paths], ['ignore', 'inherit', 'inherit']).status;
}
if (code === null) code = 2;
setOutput('exit-code', String(code));
setOutput('sarif-file', sarifFile);
process.exit(code);
