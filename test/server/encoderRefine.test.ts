/**
 * The editor gets the light findings at once and the encoder's refined ones when its embeddings
 * arrive: the analyzer asks for an open document's candidates in the background and, once they
 * are embedded, the server lints the document again and publishes (the `onDidRefine` hook).
 * A stand-in encoder holds the embeddings back until the test releases them.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { EncoderModel } from '../../src/core/index.js';
import { createEngineAnalyzer, type AsyncEmbeddings } from '../../src/server/engineAnalyzer.js';
import { nodeConfigSource, nodeDeps } from '../../src/server/nodeDeps.js';
import { startHarness, type Harness } from './harness.js';

const DIM = 512;
const basis = new Array<number>(DIM).fill(0);
basis[0] = 1;
const STAGE: EncoderModel = { version: 1, dim: DIM, minScore: 0.05, components: 1, mean: new Array<number>(DIM).fill(0), basis, head: { bias: 0, weights: [10] }, stack: { bias: 0, light: 0, encoder: 1 }, threshold: 0.5, trainedOn: {} };

const STAT = 'In 2023 about 61% of the harbour ferries ran late on weekday mornings.';
const ALSO = 'Three of the four inspectors reported that the new timetable doubled the delays.';
const TEXT = `# Ferries\n\n${STAT}\n\n${ALSO}\n`;

/** Embeds on `release()`: STAT reads as needing no source, everything else as needing one. */
class HeldEncoder implements AsyncEmbeddings {
  readonly model = STAGE;
  failure: string | undefined;
  generation = 0;
  asked: string[][] = [];
  private readonly cache = new Map<string, Float32Array>();
  private pending: (() => void)[] = [];
  get(text: string) {
    return this.cache.get(text);
  }
  missing(texts: Iterable<string>) {
    return [...new Set(texts)].filter((t) => !this.cache.has(t));
  }
  ensure(texts: Iterable<string>): Promise<boolean> {
    const list = [...texts];
    this.asked.push(list);
    return new Promise((resolve) =>
      this.pending.push(() => {
        for (const t of list) {
          const v = new Float32Array(DIM);
          v[0] = t === STAT ? -1 : 1;
          this.cache.set(t, v);
        }
        this.generation++;
        resolve(true);
      }),
    );
  }
  release() {
    for (const p of this.pending.splice(0)) p();
  }
}

describe('server: encoder refinement', () => {
  let dir: string;
  let h: Harness | undefined;
  afterEach(() => {
    h?.close();
    h = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  for (const pull of [false, true]) {
    it(`publishes the light findings first, then the refined ones (${pull ? 'pull' : 'push'} diagnostics)`, async () => {
      dir = mkdtempSync(join(tmpdir(), 'warrant-refine-'));
      writeFileSync(join(dir, '.warrant.yaml'), 'heuristics:\n  encoder: true\n');
      writeFileSync(join(dir, 'essay.md'), TEXT);
      const uri = pathToFileURL(join(dir, 'essay.md')).href;
      const encoder = new HeldEncoder();
      const base = nodeDeps();
      h = await startHarness({ rootDir: dir, pull, deps: { ...base, createAnalyzer: (ws) => createEngineAnalyzer(ws, nodeConfigSource(), () => '', encoder) } });
      h.open(uri, TEXT);
      const uncited = (items: { code?: unknown }[]) => items.filter((d) => d.code === 'uncited-assertion').length;
      if (pull) {
        assert.equal(uncited(await h.pull(uri)), 2, 'the light findings');
        assert.deepEqual(encoder.asked.flat().sort(), [ALSO, STAT].sort(), 'only the candidates are asked for');
        const refreshes = h.refreshes();
        encoder.release();
        for (let i = 0; i < 1000 && h.refreshes() === refreshes; i++) await new Promise((r) => setImmediate(r));
        assert.ok(h.refreshes() > refreshes, 'the server asked the client to pull again');
        assert.equal(uncited(await h.pull(uri)), 1, 'the refined findings');
      } else {
        const first = await h.nextDiagnostics(uri);
        assert.equal(uncited(first.diagnostics), 2, 'the light findings');
        encoder.release();
        const refined = await h.nextDiagnostics(uri, (p) => p !== first && uncited(p.diagnostics) === 1);
        assert.equal(uncited(refined.diagnostics), 1);
      }
      assert.equal(encoder.asked.length, 1, 'each candidate is asked for once');
    });
  }
});
