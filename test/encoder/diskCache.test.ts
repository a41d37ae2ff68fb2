/**
 * Embeddings kept between CLI runs (`.warrantcache`, through `HostOptions.embeddings`): a sentence
 * embedded by one run is not embedded by the next, and what is read back is checked — an entry
 * that is not 512 finite numbers is ignored (embedded again), never used.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LintHost } from '../../src/cli/host.js';
import { decodeEmbedding, encodeEmbedding, type SentenceEncoder } from '../../src/node/encoder/index.js';

const ESSAY = [
  '# Harbour traffic',
  '',
  'In 2023 about 61% of the harbour ferries ran late on weekday mornings.',
  '',
  'Three of the four inspectors reported that the new timetable doubled the delays.',
  '',
  'The city council spent twice as much on the pier last year as on all the bus shelters together.',
  '',
].join('\n');

const embeddedBy = (host: LintHost): number => (host as unknown as { encoder: SentenceEncoder }).encoder.embeddedCount;

describe('sentence encoder: embeddings kept between runs', function () {
  this.timeout(120_000);
  let dir: string;
  let job: { filePath: string; uri: string; text: string };
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'warrant-embeddings-'));
    writeFileSync(join(dir, '.warrant.yaml'), 'heuristics:\n  encoder: true\n');
    const filePath = join(dir, 'essay.md');
    writeFileSync(filePath, ESSAY);
    job = { filePath, uri: pathToFileURL(filePath).href, text: ESSAY };
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a second run embeds none of the sentences the first one stored, with the same findings', async () => {
    const first = new LintHost({});
    const [one] = await first.lint([job]);
    const stored = one!.embeddings ?? {};
    assert.ok(Object.keys(stored).length > 0, 'the first run stores its candidates\' embeddings');
    assert.equal(embeddedBy(first), Object.keys(stored).length);
    const second = new LintHost({ embeddings: stored });
    const [two] = await second.lint([job]);
    assert.equal(embeddedBy(second), 0, 'the second run embedded sentences it was given');
    assert.equal((second as unknown as { encoder: SentenceEncoder }).encoder.ready, false, 'nothing to embed, yet the model was loaded');
    assert.deepEqual(two!.findings, one!.findings);
  });

  it('ignores a stored embedding that is not 512 finite numbers, and embeds that sentence again', async () => {
    const stored = (await new LintHost({}).lint([job]))[0]!.embeddings!;
    const [text, good] = Object.entries(stored)[0]!;
    const nan = encodeEmbedding(new Float32Array(512).fill(Number.NaN));
    for (const bad of [nan, good.slice(0, 100), 'not base64 at all!', 42]) {
      const host = new LintHost({ embeddings: { ...stored, [text]: bad as string } });
      await host.lint([job]);
      assert.equal(embeddedBy(host), 1, `a bad entry (${String(bad).slice(0, 20)}…) was used`);
    }
  });

  it('reads back exactly what it stored', () => {
    const v = Float32Array.from({ length: 512 }, (_, i) => Math.sin(i) / 7);
    assert.deepEqual(decodeEmbedding(encodeEmbedding(v)), v);
    assert.equal(decodeEmbedding(encodeEmbedding(new Float32Array(511))), undefined);
  });
});
