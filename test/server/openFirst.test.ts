/**
 * Open file first (#20): the file a user opens is linted before the workspace is indexed, and its
 * first diagnostics already count what other files say of it — through files that name it, and
 * files that name those. The rest is indexed in the background under work-done progress.
 * Also: closing an edited buffer unsaved re-lints the open files that leaned on its unsaved text,
 * closed and unopened files keep no syntax tree, and the refinement hook re-publishes.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Analyzer } from '../../src/server/analyzer.js';
import { nodeDeps } from '../../src/server/nodeDeps.js';
import { startHarness, type Harness } from './harness.js';
import { LEAN_INDEX_FILES } from '../../src/server/workspaceIndex.js';

// a.md's claim is backed only through b.md's claim, which is backed by evidence in d.md: d.md
// never names a.md. a.md also links to an id c.md does not have.
const A = '# Charges\n\n<!-- claim #top -->\nCongestion charges pay for the tram extension within a decade (see [the costing](c.md#costing-table)).\n';
const B = '# Middle\n\n<!-- claim #mid supports=a.md#top -->\nThe charge already raises more than the tram costs to run.\n';
const C = '# Appendix\n\nNumbers follow.\n';
const D = '# Data\n\n<!-- evidence supports=b.md#mid -->\nThe city ledger shows the surplus [in its 2023 accounts](https://example.org/ledger).\n';
const FILLER = (i: number) => `# Note ${i}\n\n<!-- claim #n${i} -->\nThis note has a claim of its own, number ${i}, backed by nothing.\n`;
const codes = (p: { diagnostics: readonly { code?: string | number }[] }) => p.diagnostics.map((d) => String(d.code)).sort();

describe('server: open file first', () => {
  let dir: string;
  const uri = (name: string) => pathToFileURL(join(dir, name)).href;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'warrant-first-'));
    for (const [name, text] of Object.entries({ 'a.md': A, 'b.md': B, 'c.md': C, 'd.md': D })) writeFileSync(join(dir, name), text);
    for (let i = 0; i < 60; i++) writeFileSync(join(dir, `filler-${String(i).padStart(2, '0')}.md`), FILLER(i));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('the first publish of a file opened before indexing finished already counts the files that reach it', async () => {
    const events: string[] = [];
    const h = await startHarness({ rootDir: dir, workDoneProgress: true, onRequest: { 'window/workDoneProgress/create': () => null } });
    try {
      const ended = new Promise<void>((resolve) =>
        h.client.onNotification('$/progress', (p: { value: { kind: string; title?: string } }) => {
          events.push(p.value.kind === 'begin' ? `begin ${p.value.title}` : p.value.kind);
          if (p.value.kind === 'end') resolve();
        }),
      );
      const first = h.nextDiagnostics(uri('a.md'));
      h.open(uri('a.md'), A);
      const published = await first;
      events.push('published a.md');
      await ended;
      // grounded through b.md and d.md; the link to c.md dangles: nothing more, nothing less
      assert.deepEqual(codes(published), ['dangling-reference']);
      assert.ok(events.indexOf('published a.md') < events.indexOf('end'), `published before the index finished: ${events.join(', ')}`);
      assert.equal(events.find((e) => e.startsWith('begin')), 'begin Indexing 60 essays');
      assert.deepEqual(h.published.filter((p) => p.uri === uri('a.md')).map(codes), [['dangling-reference']], 'no second, different publish');
    } finally {
      h.close();
    }
  });

  it('files nobody has open keep no syntax tree; the open one does until it is closed', async () => {
    let analyzer: Analyzer | undefined;
    const real = nodeDeps();
    const h = await startHarness({ rootDir: dir, deps: { ...real, createAnalyzer: (ws) => (analyzer = real.createAnalyzer(ws)) } });
    try {
      const first = h.nextDiagnostics(uri('a.md'));
      h.open(uri('a.md'), A);
      await first;
      const tree = (name: string) => analyzer!.graph().model(uri(name))?.root.children.length ?? -1;
      assert.ok(tree('a.md') > 0, 'the open file keeps its tree');
      assert.equal(tree('b.md'), 0, 'an indexed file keeps only its summary');
      assert.equal(tree('d.md'), 0);
      const cleared = h.nextDiagnostics(uri('a.md'), (p) => p.diagnostics.length === 0);
      h.closeDocument(uri('a.md'));
      await cleared;
      assert.ok(tree('a.md') <= 0, 'closing drops the tree');
    } finally {
      h.close();
    }
  });
});

describe('server: closing an edited buffer unsaved', () => {
  let dir: string;
  let h: Harness;
  const uri = (name: string) => pathToFileURL(join(dir, name)).href;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'warrant-unsaved-'));
    writeFileSync(join(dir, 'a.md'), A);
    writeFileSync(join(dir, 'c.md'), C);
    h = await startHarness({ rootDir: dir });
  });
  afterEach(() => {
    h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('re-lints the open files that leaned on its unsaved text against the disk', async () => {
    const first = h.nextDiagnostics(uri('a.md'));
    h.open(uri('a.md'), A);
    assert.deepEqual(codes(await first), ['dangling-reference', 'unsupported-claim']);
    // c.md gains the id a.md links to, and a defense of a.md's claim, in the buffer only
    h.open(uri('c.md'), C);
    const fixed = h.nextDiagnostics(uri('a.md'), (p) => p.diagnostics.length === 0);
    h.change(uri('c.md'), 2, `${C}\n## Costing table\n\n<!-- defense defends=a.md#top -->\nA ring-fenced fund covers overruns [per the budget](https://example.org/budget).\n`);
    await fixed;
    const back = h.nextDiagnostics(uri('a.md'), (p) => p.diagnostics.length === 2);
    h.closeDocument(uri('c.md'));
    assert.deepEqual(codes(await back), ['dangling-reference', 'unsupported-claim']);
  });

  it('a new file closed unsaved takes its defense with it', async () => {
    const first = h.nextDiagnostics(uri('a.md'));
    h.open(uri('a.md'), A);
    await first;
    const fixed = h.nextDiagnostics(uri('a.md'), (p) => !codes(p).includes('unsupported-claim'));
    h.open(uri('e.md'), '# Reply\n\n<!-- defense defends=a.md#top -->\nA ring-fenced fund covers overruns [per the budget](https://example.org/budget).\n');
    await fixed;
    const back = h.nextDiagnostics(uri('a.md'), (p) => codes(p).includes('unsupported-claim'));
    h.closeDocument(uri('e.md'));
    await back;
  });
});

describe('server: the refinement hook', () => {
  it('re-publishes an open document when the analyzer says it has better findings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warrant-refine-'));
    writeFileSync(join(dir, 'a.md'), A);
    const real = nodeDeps();
    let refine: ((uris: readonly string[] | undefined) => void) | undefined;
    let runs = 0;
    const h = await startHarness({
      rootDir: dir,
      deps: {
        ...real,
        createAnalyzer: (ws) => {
          const analyzer = real.createAnalyzer(ws);
          return { ...analyzer, rules: analyzer.rules, lintDocument: (...args) => (runs++, analyzer.lintDocument(...args)), onDidRefine: (listener) => (refine = listener) };
        },
      },
    });
    try {
      const a = pathToFileURL(join(dir, 'a.md')).href;
      const first = h.nextDiagnostics(a);
      h.open(a, A);
      await first;
      const before = runs;
      const again = h.nextDiagnostics(a, (p) => p.version === 1);
      refine!([a]);
      await again;
      assert.equal(runs, before + 1, 'linted once more, not served from the cache');
    } finally {
      h.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

});

describe('server: a lean heap while a large workspace is indexed', () => {
  it('keeps the heap lean only while it indexes a large workspace, and gives the default back after', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warrant-heap-'));
    const uri = (name: string) => pathToFileURL(join(dir, name)).href;
    writeFileSync(join(dir, 'a.md'), A);
    for (let i = 0; i < 60; i++) writeFileSync(join(dir, `filler-${String(i).padStart(3, '0')}.md`), FILLER(i));
    // Under LEAN_INDEX_FILES the heap is never touched; with enough more files, lean for the index
    // and back to the default before its progress ends.
    const run = async (): Promise<boolean[]> => {
      const calls: boolean[] = [];
      const ends: number[] = [];
      const h = await startHarness({ rootDir: dir, workDoneProgress: true, onRequest: { 'window/workDoneProgress/create': () => null }, deps: { ...nodeDeps(), leanHeap: (on) => calls.push(on) } });
      try {
        const ended = new Promise<void>((resolve) =>
          h.client.onNotification('$/progress', (p: { value: { kind: string } }) => {
            if (p.value.kind === 'end') ends.push(calls.length), resolve();
          }),
        );
        const first = h.nextDiagnostics(uri('a.md'));
        h.open(uri('a.md'), A);
        await first;
        await ended;
        assert.deepEqual(ends, [calls.length], 'every call made before the index said it was done');
        return calls;
      } finally {
        h.close();
      }
    };
    try {
      assert.deepEqual(await run(), [], '61 files: the runtime\'s default heap');
      for (let i = 60; i < LEAN_INDEX_FILES; i++) writeFileSync(join(dir, `filler-${String(i).padStart(3, '0')}.md`), FILLER(i));
      assert.deepEqual(await run(), [true, false]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
