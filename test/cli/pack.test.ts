import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from './helpers.js';
import { skipOutsideCI } from '../helpers/ci.js';

/**
 * `npm pack` → install the tarball in an empty folder → run `warrant`. Offline, and on a cold npm
 * cache too: `npm ci` caches only tarballs, never the registry metadata an `npm install` needs to
 * resolve version ranges, so the app gets a lockfile built from ours (the tarball plus our
 * production entries) and `npm ci --offline` finds every tarball by its integrity. In CI
 * (`CI=true`) an install that still fails is a failure, not a skip. Needs `npm run build`.
 */
export function appLockfile(repoLock: { packages: Record<string, { dev?: boolean; name?: string; version?: string; dependencies?: Record<string, string>; bin?: unknown; engines?: unknown; license?: string }> }, tgz: string): object {
  const self = repoLock.packages['']!;
  const spec = `file:../${tgz}`;
  const packages: Record<string, unknown> = {
    '': { name: 'empty-app', dependencies: { [self.name!]: spec } },
    [`node_modules/${self.name}`]: { version: self.version, resolved: spec, license: self.license, dependencies: self.dependencies, bin: self.bin, engines: self.engines },
  };
  for (const [path, entry] of Object.entries(repoLock.packages)) if (path.startsWith('node_modules/') && !entry.dev) packages[path] = entry;
  return { name: 'empty-app', lockfileVersion: 3, requires: true, packages };
}

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
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'empty-app', private: true, dependencies: { warrant: `file:../${tgz}` } }, null, 2) + '\n');
    writeFileSync(join(app, 'package-lock.json'), JSON.stringify(appLockfile(JSON.parse(readFileSync(join(REPO, 'package-lock.json'), 'utf8')), tgz), null, 2) + '\n');
    const install = npm(['ci', '--offline'], app);
    if (install.status !== 0) {
      const why = `cannot install the tarball offline (run \`npm ci\` in the repository first to fill the npm cache)\n${install.stderr}`;
      skipOutsideCI(this, why);
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
