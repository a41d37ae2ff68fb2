/**
 * The sentence encoder's loader (src/node/encoder): it reads only local files (the network is
 * blocked here and any attempt fails the test), embeds a sentence once however often it is asked
 * for, and a missing or corrupt model gives one clear message and the light path, never a throw.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { byLength, SentenceEncoder, shippedEncoderFiles } from '../../src/node/encoder/index.js';

describe('sentence encoder: loading and cache', function () {
  this.timeout(120_000);
  const attempts: string[] = [];
  const saved = { fetch: globalThis.fetch, connect: net.Socket.prototype.connect };
  before(() => {
    globalThis.fetch = ((url: unknown) => {
      attempts.push(`fetch ${String(url)}`);
      throw new Error('network blocked in this test');
    }) as typeof fetch;
    net.Socket.prototype.connect = function (...args: unknown[]) {
      attempts.push(`connect ${JSON.stringify(args[0])}`);
      throw new Error('network blocked in this test');
    } as never;
  });
  after(() => {
    globalThis.fetch = saved.fetch;
    net.Socket.prototype.connect = saved.connect;
  });

  const encoder = new SentenceEncoder();
  const a = 'The harbour counted more ferries this spring than in any year before.';
  const b = 'We would rather walk along the river than take the bus.';

  it('loads the shipped model from disk with no network and embeds 512-d vectors', async () => {
    assert.equal(await encoder.ensure([a, b]), true, encoder.failure);
    assert.equal(encoder.failure, undefined);
    assert.equal(encoder.get(a)?.length, 512);
    assert.equal(encoder.get(b)?.length, 512);
    assert.notDeepEqual(Array.from(encoder.get(a)!), Array.from(encoder.get(b)!));
    assert.deepEqual(attempts, [], 'the loader tried the network');
  });

  it('leaves the process\'s error handling alone (Emscripten\'s rethrowing handlers are removed)', async () => {
    const before = process.listenerCount('uncaughtException') + process.listenerCount('unhandledRejection');
    const fresh = new SentenceEncoder();
    assert.equal(await fresh.ensure(['Loading once more changes no handler.']), true);
    assert.equal(process.listenerCount('uncaughtException') + process.listenerCount('unhandledRejection'), before);
    for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
      for (const l of process.listeners(event as 'uncaughtException')) assert.doesNotMatch(String(l), /throw ex|throw reason/, `a rethrowing ${event} handler is installed`);
    }
  });

  it('embeds the same sentence once (a cache by text)', async () => {
    const before = encoder.embeddedCount;
    const generation = encoder.generation;
    assert.equal(await encoder.ensure([a, a, b]), true);
    assert.equal(encoder.embeddedCount, before, 'cached sentences were embedded again');
    assert.equal(encoder.generation, generation, 'nothing new, so refined results stay valid');
    const c = 'A third sentence, new to the cache, about the bridge.';
    assert.equal(await encoder.ensure([c, c, a]), true);
    assert.equal(encoder.embeddedCount, before + 1, 'a repeated new sentence is embedded once');
    assert.ok(encoder.generation > generation);
  });

  it('embeds in batches of sentences of similar length (a batch is padded to its longest)', () => {
    const long = 'One two three four five six seven eight nine ten eleven twelve.';
    const short = 'Two words.';
    const mid = 'Five words in this one.';
    assert.deepEqual(byLength([long, short, mid, 'Also two.']), ['Also two.', short, mid, long]);
  });

  it('gives similar sentences closer vectors than unrelated ones', async () => {
    const near = 'This spring the harbour saw more ferries than ever before.';
    await encoder.ensure([near]);
    const dot = (x: Float32Array, y: Float32Array) => x.reduce((s, v, i) => s + v * y[i]!, 0);
    assert.ok(dot(encoder.get(a)!, encoder.get(near)!) > dot(encoder.get(a)!, encoder.get(b)!));
  });

  for (const [name, spoil] of [
    ['missing', (dir: string) => rmSync(dir, { recursive: true, force: true })],
    ['corrupt', (dir: string) => writeFileSync(join(dir, 'model.json'), '{"modelTopology": ')],
    ['truncated weights', (dir: string) => writeFileSync(join(dir, 'group1-shard7of7'), 'short')],
  ] as const) {
    it(`falls back with one clear message when its model is ${name}`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'warrant-encoder-'));
      try {
        const shipped = shippedEncoderFiles();
        cpSync(shipped.modelDir, dir, { recursive: true });
        spoil(dir);
        const messages: string[] = [];
        const broken = new SentenceEncoder({ files: { ...shipped, modelDir: dir }, log: (m) => messages.push(m) });
        assert.equal(await broken.ensure([a]), false);
        assert.equal(await broken.ensure([b]), false, 'a failed load is final, not retried per document');
        assert.equal(broken.get(a), undefined);
        assert.equal(messages.length, 1, messages.join('\n'));
        assert.match(messages[0]!, /^the sentence encoder could not load \(.+\); using the light detector$/);
        assert.equal(broken.failure, messages[0]);
        assert.deepEqual(attempts, [], 'the loader tried the network');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});

describe('sentence encoder: an unreadable stage file', () => {
  it('is the same one clear message and no candidates, never a throw', async () => {
    const messages: string[] = [];
    const encoder = new SentenceEncoder({ files: { ...shippedEncoderFiles(), stageFile: join(tmpdir(), 'warrant-no-such-stage.json') }, log: (m) => messages.push(m) });
    assert.equal(encoder.model.minScore, Infinity, 'no sentence is a candidate');
    assert.equal(await encoder.ensure(['Any sentence at all.']), false);
    assert.equal(messages.length, 1);
    assert.match(messages[0]!, /^the sentence encoder could not load \(.*warrant-no-such-stage\.json.*\); using the light detector$/);
  });
});

describe('sentence encoder: no network door', function () {
  this.timeout(60_000);
  it('shuts tfjs\'s HTTP path: a URL given to its fetch fails without touching the network', async () => {
    const encoder = new SentenceEncoder();
    assert.equal(await encoder.ensure(['One short sentence to load the model.']), true, encoder.failure);
    const tf = (await import('@energetic-ai/core')) as unknown as { util: { fetch(url: string): unknown } };
    assert.throws(() => tf.util.fetch('https://example.org/model.json'), /reads only its local files/);
  });
});
