/**
 * The GitHub Action (action.yml at the root, issue #22): its lint step is run the way the runner
 * runs a composite action's `run:` step — `bash --noprofile --norc -eo pipefail`, in
 * `$GITHUB_WORKSPACE`, with the step's `env:` (the `INPUT_*` variables, `${{ inputs.x }}` filled
 * in from `with:` or the input's default) and the `GITHUB_*` variables the runner sets. The
 * `npm ci` step is not run (no network in tests): the built bin/warrant.cjs stands for its result.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO } from './helpers.js';

interface Step {
  readonly id?: string;
  readonly uses?: string;
  readonly if?: string;
  readonly run?: string;
  readonly env?: Record<string, string>;
  readonly with?: Record<string, string>;
}
interface Action {
  readonly inputs: Record<string, { default?: string }>;
  readonly runs: { readonly using: string; readonly steps: readonly Step[] };
}

const action = parse(readFileSync(join(REPO, 'action.yml'), 'utf8')) as Action;

describe('the GitHub Action (action.yml)', () => {
  let dir: string;
  let workspace: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'warrant-action-'));
    workspace = join(dir, 'repo');
    mkdirSync(join(workspace, 'essays'), { recursive: true });
    writeFileSync(join(workspace, 'essays', 'cited.md'), '# Notes\n\nClaim: Audits find what self-reports miss ([audit study](https://example.org/audits)).\n');
    writeFileSync(join(workspace, 'essays', 'bad key.md'), '---\nreferences: []\n---\n\nClaim: Logs help [@nobody2020].\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs the `lint` step with `with:` inputs; returns its exit code, stdout and the runner files. */
  function runStep(withInputs: Record<string, string>) {
    const step = action.runs.steps.find((s) => s.id === 'lint')!;
    const fill = (value: string) =>
      value.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, name: string) => {
        assert.ok(name in action.inputs, `action.yml uses an undeclared input ${name}`);
        return withInputs[name] ?? action.inputs[name]!.default ?? '';
      });
    const output = join(dir, 'github_output');
    const summary = join(dir, 'step_summary');
    writeFileSync(output, '');
    writeFileSync(summary, '');
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('INPUT_') && !k.startsWith('GITHUB_')) env[k] = v;
    Object.assign(env, {
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      GITHUB_WORKSPACE: workspace,
      GITHUB_ACTION_PATH: REPO,
      GITHUB_OUTPUT: output,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_REPOSITORY: 'someone/essays',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
      RUNNER_TEMP: dir,
      NO_COLOR: '1',
    });
    for (const [k, v] of Object.entries(step.env ?? {})) env[k] = fill(String(v));
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], { cwd: workspace, env, encoding: 'utf8' });
    const outputs = Object.fromEntries(readFileSync(output, 'utf8').split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
    return { status: r.status, stdout: r.stdout, stderr: r.stderr, outputs, summary: readFileSync(summary, 'utf8') };
  }

  it('is a composite action with the inputs format, paths and sarif-upload, and an upload step gated on sarif-upload', () => {
    assert.equal(action.runs.using, 'composite');
    assert.deepEqual(Object.keys(action.inputs).sort(), ['format', 'paths', 'sarif-upload']);
    const upload = action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'));
    assert.ok(upload, 'an upload-sarif step');
    assert.match(upload.if!, /inputs\.sarif-upload == 'true'/);
    assert.match(upload.with!['sarif_file']!, /steps\.lint\.outputs\.sarif-file/);
    // No registry name is run: only this checkout's own CLI.
    assert.doesNotMatch(readFileSync(join(REPO, 'action.yml'), 'utf8'), /npx/);
  });

  it('with the defaults: lints the whole workspace, annotations in the log, exit 1 on an error', () => {
    const r = runStep({});
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /^::error file=essays\/bad key\.md,line=5,col=\d+.*title=unknown-citation-key::/m);
    assert.equal(r.outputs['exit-code'], '1');
    assert.equal(r.outputs['sarif-file'], '');
  });

  it('paths takes several entries on lines or words; a clean run exits 0', () => {
    const r = runStep({ paths: 'essays/cited.md\n' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.equal(r.outputs['exit-code'], '0');
    const two = runStep({ paths: 'essays/cited.md  essays/*key.md' });
    assert.equal(two.status, 1);
  });

  it('sarif-upload writes a SARIF file outside the workspace and names it in the outputs', () => {
    const r = runStep({ 'sarif-upload': 'true' });
    assert.equal(r.status, 1, r.stderr);
    const file = r.outputs['sarif-file']!;
    assert.ok(file && existsSync(file) && !file.startsWith(workspace), file);
    const sarif = JSON.parse(readFileSync(file, 'utf8')) as { version: string; runs: { results: { ruleId: string }[] }[] };
    assert.equal(sarif.version, '2.1.0');
    assert.ok(sarif.runs[0]!.results.some((x) => x.ruleId === 'unknown-citation-key'));
  });

  it('format markdown also writes the job summary; a bad input is exit 2 with an annotation', () => {
    const r = runStep({ format: 'markdown' });
    assert.equal(r.status, 1);
    assert.match(r.summary, /unknown-citation-key/);
    const bad = runStep({ format: 'yaml' });
    assert.equal(bad.status, 2);
    assert.match(bad.stdout, /::error title=warrant::the format input takes one of/);
  });
});

describe('running warrant from a clone and in CI (README, docs/ci.md)', () => {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  const ci = readFileSync(join(REPO, 'docs', 'ci.md'), 'utf8');

  it('the README’s two ways to run from a clone work: node bin/warrant.cjs, and npx --no-install inside it', () => {
    assert.match(readme, /`node bin\/warrant\.cjs lint essays\/`/);
    assert.match(readme, /`npx --no-install warrant lint …` inside the clone/);
    const version = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version as string;
    const direct = spawnSync(process.execPath, [join(REPO, 'bin', 'warrant.cjs'), '--version'], { cwd: REPO, encoding: 'utf8' });
    assert.equal(direct.stdout.trim(), version);
    const npx = spawnSync('npx', ['--no-install', 'warrant', '--version'], { cwd: REPO, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false', npm_config_offline: 'true' } });
    assert.equal(npx.status, 0, npx.stderr);
    assert.equal(npx.stdout.trim(), version);
  });

  it('no recipe runs a registry package by name', () => {
    for (const [name, text] of [['docs/ci.md', ci], ['README.md', readme]] as const) {
      const runs = text.split('\n').filter((l) => /^\s*(run:|entry:|\$|node_modules|npx )/.test(l) || /^\s{2,}-?\s*run:/.test(l));
      for (const line of runs) assert.doesNotMatch(line, /npx (--yes )?warrant@|npx --yes/, `${name}: ${line}`);
    }
    assert.doesNotMatch(ci, /warrant@0\.1\.0/);
    // MCP set-ups too: a bare `npx warrant` outside a project that installed it fetches a stranger's package.
    const mcp = readFileSync(join(REPO, 'docs', 'mcp.md'), 'utf8');
    assert.doesNotMatch(mcp, /npx (--yes )?warrant\b|"args": \["warrant"/);
    assert.match(ci, /uses: warrant-dev\/warrant@/);
    assert.match(ci, /npm pack/);
    assert.match(ci, /git\+https:\/\/github\.com\/warrant-dev\/warrant\.git#/);
  });
});

describe('warrant lint at the repository root (issue #22)', function () {
  this.timeout(120_000);
  it('skips the tests’ deliberately broken configs (.warrantignore), so the run is not a config error', () => {
    const r = spawnSync(process.execPath, [join(REPO, 'bin', 'warrant.cjs'), 'lint', '-f', 'json'], { cwd: REPO, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    assert.notEqual(r.status, 2, r.stderr);
    const files = (JSON.parse(r.stdout) as { filePath: string }[]).map((f) => f.filePath.slice(REPO.length + 1));
    assert.deepEqual(files.filter((f) => /^test\/fixtures\/(cli\/(badconfig|extends-broken|preset-broken)|rules\/invalid-config)\//.test(f)), []);
    // Only those: the other fixtures are linted (other tests lint them from the root).
    assert.ok(files.some((f) => f.startsWith('test/fixtures/cli/')));
    assert.ok(files.some((f) => f.startsWith('examples/')), 'the examples are still linted');
  });
});
