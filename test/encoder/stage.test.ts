/**
 * The encoder stage in the engine (src/core/heuristics/encoder.ts, model/sentences.ts): with a
 * stand-in for the embeddings (the host's job), only candidates are asked for and re-scored, a
 * candidate without an embedding keeps its light verdict, `heuristics.encoder: false` keeps the
 * light detector, and a new embedding re-scores on the next lint (the cache keys on generation).
 */
import assert from 'node:assert/strict';
import { createEngine, MemoryWorkspace, type EncoderModel, type SentenceEmbeddings } from '../../src/core/index.js';
import { encoderCandidateTexts, heuristicSentences } from '../../src/core/model/sentences.js';
import { configFrom, ESSAY } from '../helpers/memory.js';
import { defaultHeuristicOptions, mergeHeuristicOptions, provideLanguageModules } from '../../src/core/heuristics/index.js';

const DIM = 512;
/** One component along the first axis; the stack ignores the light score, so the embedding decides. */
function stage(threshold = 0.5): EncoderModel {
  const basis = new Array<number>(DIM).fill(0);
  basis[0] = 1;
  return { version: 1, dim: DIM, minScore: 0.05, components: 1, mean: new Array<number>(DIM).fill(0), basis, head: { bias: 0, weights: [10] }, stack: { bias: 0, light: 0, encoder: 1 }, threshold, trainedOn: {} };
}
const vector = (x: number) => {
  const v = new Float32Array(DIM);
  v[0] = x;
  return v;
};

class Stand implements SentenceEmbeddings {
  readonly map = new Map<string, Float32Array>();
  generation = 0;
  asked: string[] = [];
  constructor(readonly model: EncoderModel) {}
  get(text: string) {
    this.asked.push(text);
    return this.map.get(text);
  }
  set(text: string, v: Float32Array) {
    this.map.set(text, v);
    this.generation++;
  }
}

const STAT = 'In 2023 about 61% of the harbour ferries ran late on weekday mornings.';
const ALSO = 'Three of the four inspectors reported that the new timetable doubled the delays.';
const CITED = 'Ticket prices rose by a third between 2019 and 2022 [report](https://example.org/r).';
const TEXT = `# Ferries\n\n${STAT}\n\n${ALSO}\n\n${CITED}\n`;

function lintWith(embeddings: SentenceEmbeddings | undefined, yaml = 'heuristics:\n  encoder: true\n') {
  const engine = createEngine({ workspace: new MemoryWorkspace({ [ESSAY]: TEXT }), ...(embeddings ? { embeddings } : {}) });
  const config = configFrom(yaml);
  return { engine, config, lint: () => engine.lint(ESSAY, TEXT, config).findings.filter((f) => f.ruleId === 'uncited-assertion').map((f) => TEXT.slice(f.range.start, f.range.end)) };
}

describe('encoder stage in the engine', () => {
  it('asks only for uncited candidates, and re-scores them when it has their embeddings', () => {
    const stand = new Stand(stage());
    const { engine, config, lint } = lintWith(stand);
    const light = lint();
    assert.ok(light.includes(STAT) && light.includes(ALSO), `the light detector flags both: ${light.join(' | ')}`);
    const model = engine.analyze(ESSAY, TEXT, config);
    assert.deepEqual(encoderCandidateTexts(model, stand).sort(), [STAT, ALSO].sort(), 'the cited sentence is no candidate');
    stand.set(STAT, vector(-1)); // the encoder reads it as no claim that needs a source
    stand.set(ALSO, vector(1));
    assert.deepEqual(lint(), [ALSO], 'the refined verdicts');
    assert.ok(!stand.asked.some((t) => t.includes('Ticket prices')), 'a cited sentence is never looked up');
    const refined = heuristicSentences(model, undefined, stand).find((s) => s.text === STAT)!;
    assert.equal(refined.encoder, true);
    assert.ok(refined.score < 0.01);
  });

  it('keeps the light verdict of a candidate it has no embedding for', () => {
    const stand = new Stand(stage());
    const { lint } = lintWith(stand);
    const light = lint();
    stand.set(ALSO, vector(-1));
    assert.deepEqual(lint(), light.filter((t) => t !== ALSO));
  });

  it('is off with `heuristics.encoder: false` and without a host encoder', () => {
    const stand = new Stand(stage());
    stand.set(STAT, vector(-1));
    stand.set(ALSO, vector(-1));
    const off = lintWith(stand, 'heuristics:\n  encoder: false\n');
    assert.equal(off.lint().length, 2);
    assert.deepEqual(encoderCandidateTexts(off.engine.analyze(ESSAY, TEXT, off.config), stand), [], 'nothing to embed when it is off');
    assert.equal(lintWith(undefined).lint().length, 2);
    assert.deepEqual(stand.asked, []);
  });

  it('sees embeddings that arrive after a lint (the refined result is cached per generation)', () => {
    const stand = new Stand(stage());
    const { lint } = lintWith(stand);
    assert.equal(lint().length, 2);
    assert.equal(lint().length, 2);
    stand.set(STAT, vector(-1));
    assert.deepEqual(lint(), [ALSO]);
  });

  it('leaves the light weights\' verdicts alone (the stage was trained on the full detector\'s scores)', () => {
    // The language model cannot load: the detector scores with its light weights.
    provideLanguageModules(() => {
      throw new Error('no language model in this test');
    });
    try {
      const stand = new Stand(stage());
      stand.set(STAT, vector(-1));
      stand.set(ALSO, vector(-1));
      const { engine, config, lint } = lintWith(stand);
      assert.equal(lint().length, 2, 'the encoder re-scored light-weight scores');
      assert.deepEqual(encoderCandidateTexts(engine.analyze(ESSAY, TEXT, config), stand), [], 'nothing to embed on the light path');
    } finally {
      provideLanguageModules(undefined);
    }
  });

  it('`heuristics.encoder` is a boolean, shipped off', () => {
    assert.equal(defaultHeuristicOptions().encoder, false);
    assert.equal(mergeHeuristicOptions(defaultHeuristicOptions(), { encoder: true }).options.encoder, true);
    const bad = mergeHeuristicOptions(defaultHeuristicOptions(), { encoder: 'yes' });
    assert.deepEqual(bad.problems, [{ path: 'heuristics.encoder', message: 'Expected true or false' }]);
    assert.equal(bad.options.encoder, false);
  });
});
