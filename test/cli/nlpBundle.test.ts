/**
 * dist/nlp.cjs (esbuild.mjs) loads wink-eng-lite-web-model's data as JSON strings and reads the
 * core model with scripts/wink-read-core-model.cjs instead of the package's own reader (#20: a
 * faster first scored document). The bundle must read text exactly as the packages do.
 */
import { strict as assert } from 'node:assert';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { REPO } from './helpers.js';

const TEXT = [
  'Naïve riders in Zürich said the new tram line was “far better” than the bus it replaced.',
  'If fares rise again, we may not renew our passes; the council probably knows this.',
  'On 3 March 2024 the Harbour Trust in São Paulo spent $4.2 million on bike racks.',
  'Nobody has ever shown that wider roads cut congestion for long — and several studies say otherwise.',
].join(' ');

describe('dist/nlp.cjs: the bundled language model', () => {
  it('tags, lemmatises, finds entities, negation and sentiment exactly as the packages do', () => {
    const require = createRequire(import.meta.url);
    type Nlp = { readDoc(t: string): any; its: Record<string, unknown> };
    const read = (nlp: Nlp) => {
      const its = nlp.its;
      const doc = nlp.readDoc(TEXT);
      return [doc.tokens().out(its['pos']), doc.tokens().out(its['lemma']), doc.tokens().out(its['negationFlag']), doc.entities().out(its['detail']), doc.sentences().out(its['sentiment'])];
    };
    const pipes = ['sbd', 'pos', 'ner', 'negation', 'sentiment'];
    const bundled = require(join(REPO, 'dist', 'nlp.cjs'));
    const winkNLP = require('wink-nlp');
    const model = require('wink-eng-lite-web-model');
    const expected = read(winkNLP(model, pipes));
    assert.ok((expected[3] as unknown[]).length >= 2, 'the text has entities to compare');
    assert.deepEqual(read(bundled.winkNLP(bundled.model, pipes)), expected);
    assert.deepEqual(read(bundled.winkNLP(bundled.model, pipes)), expected, 'a second instance reads the same (a fresh model each time)');
  });
});
