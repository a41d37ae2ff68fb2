/**
 * Diagnostics of an open document follow the workspace index: a defense written in a file nobody
 * opened (and that the open file does not link to) must clear the claim's finding as soon as the
 * index has read it, and an edit that changes another file's edges must re-lint open documents.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startHarness, type Harness } from './harness.js';

const A = '# Risks\n\n<!-- claim #open-risk -->\nReleasing weights openly raises the risk of misuse.\n';
const B = '# Replies\n\n<!-- defense #monitoring defends=a.md#open-risk -->\nStaged release with monitoring catches most misuse before it spreads [@lee2020].\n';
const unsupported = (items: readonly { code?: string | number }[]) => items.filter((d) => d.code === 'unsupported-claim').length;

describe('server: open documents follow the workspace index', () => {
  let dir: string;
  let a: string;
  let b: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'warrant-index-'));
    writeFileSync(join(dir, 'a.md'), A);
    writeFileSync(join(dir, 'b.md'), B);
    a = pathToFileURL(join(dir, 'a.md')).href;
    b = pathToFileURL(join(dir, 'b.md')).href;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe('push', () => {
    let h: Harness;
    beforeEach(async () => (h = await startHarness({ rootDir: dir })));
    afterEach(() => h.close());

    it('opening a claim defended from an unopened file publishes no unsupported-claim, and nothing stale stays', async () => {
      const settled = h.nextDiagnostics(a, (p) => unsupported(p.diagnostics) === 0);
      h.open(a, A);
      await settled;
      // every publish for a.md was already the defended one: none said "no citation"
      assert.deepEqual(h.published.filter((p) => p.uri === a).map((p) => unsupported(p.diagnostics)), h.published.filter((p) => p.uri === a).map(() => 0));
    });

    /** Open both files, then edit b.md so that it no longer defends the claim: a.md is re-published flagged. */
    async function dropTheDefenseInAnEdit(): Promise<void> {
      const first = h.nextDiagnostics(a, (p) => unsupported(p.diagnostics) === 0);
      h.open(a, A);
      await first;
      const opened = h.nextDiagnostics(b);
      h.open(b, B);
      await opened;
      const stale = h.nextDiagnostics(a, (p) => unsupported(p.diagnostics) === 1);
      h.change(b, 2, B.replace('defends=a.md#open-risk', 'defends=a.md#other'));
      await stale;
    }

    it('an edit in another open file that removes the defense re-publishes the claim', async () => {
      await dropTheDefenseInAnEdit();
      const back = h.nextDiagnostics(a, (p) => unsupported(p.diagnostics) === 0);
      h.change(b, 3, B);
      await back;
    });

    it('closing the other file without saving its edit brings the defense on disk back', async () => {
      await dropTheDefenseInAnEdit();
      // the edit is discarded: b.md on disk still defends the claim
      const back = h.nextDiagnostics(a, (p) => unsupported(p.diagnostics) === 0);
      h.closeDocument(b);
      await back;
    });
  });

  describe('pull', () => {
    let h: Harness;
    beforeEach(async () => (h = await startHarness({ rootDir: dir, pull: true })));
    afterEach(() => h.close());

    it('the first pull already counts the defense in the unopened file', async () => {
      h.open(a, A);
      assert.equal(unsupported(await h.pull(a)), 0);
    });

    it('an edit in another file that changes its edges asks the client to pull again', async () => {
      h.open(a, A);
      h.open(b, B);
      assert.equal(unsupported(await h.pull(a)), 0);
      await h.pull(b);
      const before = h.refreshes();
      h.change(b, 2, B.replace('defends=a.md#open-risk', 'defends=a.md#other'));
      await h.pull(b);
      assert.ok(h.refreshes() > before, 'workspace/diagnostic/refresh after the edges changed');
      assert.equal(unsupported(await h.pull(a)), 1);
    });

    it('closing the other file without saving its edit asks the client to pull again', async () => {
      h.open(a, A);
      h.open(b, B);
      await h.pull(b);
      h.change(b, 2, B.replace('defends=a.md#open-risk', 'defends=a.md#other'));
      await h.pull(b);
      assert.equal(unsupported(await h.pull(a)), 1);
      const before = h.refreshes();
      h.closeDocument(b);
      const deadline = Date.now() + 10000;
      while (h.refreshes() === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      assert.ok(h.refreshes() > before, 'workspace/diagnostic/refresh after the closed buffer\'s edges went');
      assert.equal(unsupported(await h.pull(a)), 0);
    });

    it('closing a file whose buffer matched the disk asks for nothing', async () => {
      h.open(a, A);
      h.open(b, B);
      assert.equal(unsupported(await h.pull(a)), 0);
      await h.pull(b);
      const before = h.refreshes();
      h.closeDocument(b);
      assert.equal(unsupported(await h.pull(a)), 0); // the server has handled the close by now
      assert.equal(h.refreshes(), before);
    });
  });
});
