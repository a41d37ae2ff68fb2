/**
 * Opening a folder never runs its owner's code. Git honours a repository's own `.git/config`, so a
 * `core.fsmonitor` there runs a command whenever git looks at the work tree; Warrant reads
 * `.gitignore` files itself instead of asking git. These tests build such a repository (by hand,
 * so they need no git) whose monitor would leave a marker file, and run the CLI and the server on
 * it; they also hold the ignore semantics git users expect.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { warrant } from '../cli/helpers.js';
import { startHarness } from '../server/harness.js';
import { GitIgnores } from '../../src/node/gitignore.js';

interface Repo {
  readonly dir: string;
  readonly marker: string;
  done(): void;
}

/** A repository whose `core.fsmonitor` (and a hooks path, for good measure) would write `marker`. */
function hostileRepo(files: Record<string, string>): Repo {
  const dir = mkdtempSync(join(tmpdir(), 'warrant-fsmonitor-'));
  const marker = join(dir, 'MARKER');
  mkdirSync(join(dir, '.git', 'objects'), { recursive: true });
  mkdirSync(join(dir, '.git', 'refs', 'heads'), { recursive: true });
  mkdirSync(join(dir, '.git', 'info'), { recursive: true });
  writeFileSync(join(dir, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  writeFileSync(
    join(dir, '.git', 'config'),
    `[core]\n\trepositoryformatversion = 0\n\tbare = false\n\tfsmonitor = "touch '${marker}'; false"\n`,
  );
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return { dir, marker, done: () => rmSync(dir, { recursive: true, force: true }) };
}

const ESSAY = {
  'essay.md': '# Essay\n\n<!-- claim #c -->\nTraining runs keep getting larger every year.\n',
  'replies.md': '# Replies\n\n<!-- defense #d defends=essay.md#c -->\nWe measured it in our own logs.\n',
  '.gitignore': 'drafts/\n*.tmp.md\n!keep.tmp.md\n',
  'drafts/old.md': '# Old\n',
  'notes/x.tmp.md': '# Tmp\n',
  'notes/keep.tmp.md': '# Keep\n',
  'notes/.gitignore': 'private.md\n',
  'notes/private.md': '# Private\n',
  'notes/public.md': '# Public\n',
  '.git/info/exclude': 'local.md\n',
  'local.md': '# Local\n',
};

describe('no subprocess: a workspace cannot run code through git', () => {
  it('warrant lint . neither runs core.fsmonitor nor lints git-ignored files', () => {
    const repo = hostileRepo(ESSAY);
    try {
      const r = warrant(['lint', '.', '-f', 'json'], { cwd: repo.dir });
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      assert.equal(existsSync(repo.marker), false, 'core.fsmonitor ran: the CLI spawned git in the workspace');
      const linted = (JSON.parse(r.stdout) as { filePath: string }[]).map((f) => f.filePath.slice(repo.dir.length + 1)).sort();
      assert.deepEqual(linted, ['essay.md', 'notes/keep.tmp.md', 'notes/public.md', 'replies.md']);
    } finally {
      repo.done();
    }
  });

  it('the language server indexes the folder without running core.fsmonitor', async () => {
    const repo = hostileRepo(ESSAY);
    const h = await startHarness({ rootDir: repo.dir });
    try {
      // Workspace symbols come from the index of every file: the unopened replies.md must be in it.
      const symbols = (await h.client.sendRequest('workspace/symbol', { query: '' })) as { location: { uri: string } }[];
      const uris = new Set(symbols.map((s) => s.location.uri));
      assert.ok(uris.has(pathToFileURL(join(repo.dir, 'replies.md')).href), `index missed replies.md: ${[...uris].join(', ')}`);
      assert.equal(existsSync(repo.marker), false, 'core.fsmonitor ran: the server spawned git in the workspace');
    } finally {
      h.close();
      repo.done();
    }
  });
});

describe('GitIgnores: .gitignore semantics without git', () => {
  let repo: Repo;
  before(() => {
    repo = hostileRepo({
      '.gitignore': 'build/\n*.log\n!important.log\n/rooted.md\ndeep/**/gen.md\ndrafts/\n',
      'drafts/.gitignore': '!keep.md\n',
      'sub/.gitignore': '!again.log\nlocal-only.md\n',
      'nested/inner/.gitignore': '*.md\n!keep.md\n',
      '.git/info/exclude': 'excluded.md\n',
    });
  });
  after(() => repo.done());
  const ignored = (path: string, isDir = false): boolean => new GitIgnores().ignores(join(repo.dir, path), isDir);

  it('matches patterns from the root file, with negation and anchoring', () => {
    assert.equal(ignored('a.log'), true);
    assert.equal(ignored('important.log'), false);
    assert.equal(ignored('rooted.md'), true);
    assert.equal(ignored('sub/rooted.md'), false, 'a leading slash anchors to the .gitignore folder');
    assert.equal(ignored('deep/a/b/gen.md'), true);
    assert.equal(ignored('x.md'), false);
  });

  it('a folder pattern ignores everything inside it, and negation cannot reach back in', () => {
    assert.equal(ignored('build', true), true);
    assert.equal(ignored('build/out.md'), true);
    assert.equal(ignored('sub/build/out.md'), true);
    assert.equal(ignored('build'), false, 'build/ names folders only');
    // An ignored top folder whose own .gitignore re-includes a file: git never reads it.
    assert.equal(ignored('drafts', true), true);
    assert.equal(ignored('drafts/keep.md'), true, 'drafts/ is ignored, so drafts/.gitignore cannot re-include keep.md');
    assert.equal(ignored('drafts/other.md'), true);
  });

  it('a deeper .gitignore applies relative to its folder and wins over the root one', () => {
    assert.equal(ignored('sub/again.log'), false);
    assert.equal(ignored('sub/local-only.md'), true);
    assert.equal(ignored('local-only.md'), false);
    assert.equal(ignored('nested/inner/a.md'), true);
    assert.equal(ignored('nested/inner/keep.md'), false);
    assert.equal(ignored('nested/a.md'), false);
  });

  it('.git/info/exclude applies; outside any repository nothing is ignored', () => {
    assert.equal(ignored('excluded.md'), true);
    const outside = mkdtempSync(join(tmpdir(), 'warrant-norepo-'));
    try {
      writeFileSync(join(outside, '.gitignore'), '*.md\n');
      assert.equal(new GitIgnores().ignores(join(outside, 'a.md')), false);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
