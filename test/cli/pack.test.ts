import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from './helpers.js';

/**
 * `npm pack` → install the tarball in an empty folder → run `warrant`. Offline: the dependencies
 * come from the npm cache that `npm ci` filled (falls back to --prefer-offline). Needs `npm run build`.
 */
describe('npm package', function () {
  this.timeout(300_000);
  let root: string;
  let bin: string;
  let app: string;

  before(function () {
    root = mkdtempSync(join(tmpdir(), 'warrant-pack-'));
    const npm = (args: string[], cwd: string) => spawnSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });
    const pack = npm(['pack', '--pack-destination', root], REPO);
    assert.equal(pack.status, 0, pack.stderr);
    const tgz = readdirSync(root).find((f) => f.endsWith('.tgz'));
    assert.ok(tgz, 'npm pack made a tarball');
    app = join(root, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), '{ "name": "empty-app", "private": true }\n');
    let install = npm(['install', '--offline', join(root, tgz)], app);
    if (install.status !== 0) install = npm(['install', '--prefer-offline', join(root, tgz)], app);
    if (install.status !== 0) {
      console.warn(`skipping: cannot install the tarball without the network\n${install.stderr}`);
      this.skip();
    }
    bin = join(app, 'node_modules', '.bin', 'warrant');
  });

  after(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  const run = (args: string[]) => spawnSync(bin, args, { cwd: app, encoding: 'utf8' });

  it('warrant --version', () => {
    const r = run(['--version']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^\d+\.\d+\.\d+/);
  });

  it('warrant lint in the empty folder', () => {
    writeFileSync(join(app, 'essay.md'), '# Essay\n\nClaim: Nobody has backed this sentence yet.\n');
    const r = run(['lint', 'essay.md', '-f', 'compact', '--max-warnings', '0']);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /essay\.md: line 3, col 1, Warning - .+ \(unsupported-claim\)/);
  });

  it('ships the rule docs (explain) and renders SVG with the installed @viz-js/viz', () => {
    assert.match(run(['explain', 'unsupported-claim']).stdout, /^# unsupported-claim/);
    writeFileSync(join(app, 'map.md'), '# Map\n\n<!-- claim #c -->\nClaim: A claim.\n\n<!-- evidence supports=#c -->\nEvidence: Data ([src](https://example.org)).\n');
    const svg = run(['graph', 'map.md', '-f', 'svg']);
    assert.equal(svg.status, 0, svg.stderr);
    assert.match(svg.stdout, /<svg[\s\S]*<\/svg>/);
  });
});
