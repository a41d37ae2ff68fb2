/**
 * The language features (issue 24 item 3) and what they cost (item 4): wink-nlp read once per
 * document, a sentence read once, the model loaded lazily; an editor scores light until it is
 * loaded; a model that cannot load leaves the light weights. Sentences written for these tests.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import {
  deferLanguageModel,
  detectSentences,
  forgetRememberedSentences,
  languageFeatures,
  languageLoadError,
  languageModelLoaded,
  provideLanguageModules,
  SHIPPED_MODEL,
  SOURCE_MIN_SCORE,
  type LanguageModules,
} from '../../src/core/heuristics/index.js';
import { parseMarkdown } from '../../src/core/parse/markdown.js';
import { citationsIn, options } from './helpers.js';

const load = createRequire(import.meta.url);
const real = (): LanguageModules => ({ winkNLP: load('wink-nlp') as LanguageModules['winkNLP'], model: load('wink-eng-lite-web-model') });

/** The real modules, counting the texts handed to `readDoc`. */
function counting(): { modules: () => LanguageModules; reads: string[] } {
  const reads: string[] = [];
  const modules = (): LanguageModules => {
    const m = real();
    return {
      model: m.model,
      winkNLP: (model, pipe) => {
        const nlp = m.winkNLP(model, pipe);
        return { its: nlp.its, readDoc: (text: string) => (reads.push(text), nlp.readDoc(text)) };
      },
    };
  };
  return { modules, reads };
}

const scores = (md: string) => detectSentences({ text: md, root: parseMarkdown(md).root, citations: [], exclude: [], options: options() }).map((s) => s.score);
const lightScores = (md: string) =>
  detectSentences({ text: md, root: parseMarkdown(md).root, citations: [], exclude: [], options: options(), sources: [], model: { ...SHIPPED_MODEL, ...SHIPPED_MODEL.light! } }).map((s) => s.score);

const DOC = ['If the ferry fares rose, riders would not take the bus.', '', 'The harbour board counted 40% more cars in March 2023.', '', 'Pilots say the new channel is safer than the old one.', ''].join('\n');

describe('heuristics: language features (wink-nlp)', function () {
  this.timeout(60_000);
  afterEach(() => {
    deferLanguageModel(undefined);
    provideLanguageModules(undefined);
    forgetRememberedSentences();
  });

  it('reads conditions, negation, entities and the opening word class', () => {
    const [first, second] = languageFeatures(['If the ferry fares rose, riders would not take the bus.', 'The harbour board counted 40% more cars in March 2023.'])!;
    assert.equal(first!.get('nlp:if'), 1);
    assert.equal(first!.get('nlp:negation'), 1);
    assert.equal(first!.get('nlp:start:SCONJ'), 1);
    assert.equal(second!.get('nlp:ent:PERCENT'), 1);
    assert.equal(second!.get('nlp:ent:DATE'), 1);
    assert.ok(second!.get('nlp:pos:NOUN')! > 0 && second!.get('nlp:pos:NOUN')! < 1, 'a share of the words');
  });

  it('gives a sentence the same features read alone or with others (findings depend on the text only)', () => {
    const sentences = ['It is a wonderful day for the harbour.', 'The storm was a terrible disaster for 40 families.', 'Prices rose in March 2023.', 'Nobody liked the new timetable at all.'];
    const together = languageFeatures(sentences)!;
    sentences.forEach((sentence, i) => {
      forgetRememberedSentences();
      const alone = languageFeatures([sentence])![0]!;
      assert.deepEqual([...together[i]!].sort(), [...alone].sort(), sentence);
    });
  });

  it('reads a document in one library call, a sentence once, and only the changed sentence after an edit', () => {
    const { modules, reads } = counting();
    provideLanguageModules(modules);
    scores(DOC);
    assert.equal(reads.length, 1, 'one call for the document');
    scores(DOC);
    assert.equal(reads.length, 1, 'nothing read again');
    scores(DOC.replace('40%', '45%'));
    assert.equal(reads.length, 2);
    assert.ok(reads[1]!.includes('45%') && !reads[1]!.includes('ferry'), `only the edited sentence: ${reads[1]}`);
  });

  it('reads only the uncited sentences the light weights do not clear; the others keep their light scores', () => {
    const { modules, reads } = counting();
    provideLanguageModules(modules);
    const md = [
      'I like the walk along the harbour wall at dusk.',
      '',
      'We will meet there again next week, I hope.',
      '',
      'The harbour board counted 40% more cars in March 2023.',
      '',
      'Ferry fares rose by a fifth last year ([board minutes](https://example.org/minutes)).',
      '',
    ].join('\n');
    const input = { text: md, root: parseMarkdown(md).root, citations: citationsIn(md), exclude: [], options: options() };
    const light = detectSentences({ ...input, sources: [], model: { ...SHIPPED_MODEL, ...SHIPPED_MODEL.light! } });
    const picked = light.filter((s) => !s.cited && s.score >= SOURCE_MIN_SCORE).map((s) => s.text);
    assert.deepEqual(picked, ['The harbour board counted 40% more cars in March 2023.'], 'two light sentences under the line, one cited');
    const found = detectSentences(input);
    assert.equal(reads.length, 1);
    assert.equal(reads[0], picked.join('\n\n'), 'one library call, for the one candidate');
    // The full weights (no light ones, so every sentence is read) differ on every sentence; the
    // sentences left out keep the light weights' scores.
    const { light: _light, ...fullOnly } = SHIPPED_MODEL;
    const everyRead = detectSentences({ ...input, model: fullOnly });
    found.forEach((s, i) => {
      if (picked.includes(s.text)) assert.equal(s.score, everyRead[i]!.score, s.text);
      else assert.equal(s.score, light[i]!.score, s.text);
    });
    assert.notDeepEqual(found.map((s) => s.score), everyRead.map((s) => s.score));
  });

  it('a document with nothing to read does not load the model', () => {
    provideLanguageModules(real);
    const md = 'We will meet there again next week, I hope.\n\nWe liked it.\n';
    const input = { text: md, root: parseMarkdown(md).root, citations: [], exclude: [], options: options() };
    const light = detectSentences({ ...input, sources: [], model: { ...SHIPPED_MODEL, ...SHIPPED_MODEL.light! } });
    assert.ok(light.every((s) => s.score < SOURCE_MIN_SCORE), JSON.stringify(light.map((s) => s.score)));
    assert.deepEqual(detectSentences(input), light);
    assert.equal(languageModelLoaded(), false);
  });

  it('reads a sentence the same whatever the process read before (a clitic before punctuation)', () => {
    // wink-nlp keeps each new word form in its lexicon: once it met "today's" whole (before a
    // comma), it stopped splitting "today" from "'s" in every later sentence.
    const target = 'The ferry timetable is identical to today\'s winter timetable.';
    provideLanguageModules(real);
    const fresh = languageFeatures([target]);
    provideLanguageModules(real);
    languageFeatures(['The harbour fees are much the same as today\'s, except on Sundays.']);
    assert.deepEqual(languageFeatures([target]), fresh);
  });

  it('gives every sentence its features when the memo starts a new generation in the middle of a document', () => {
    provideLanguageModules(real);
    const words = ['river', 'harbour', 'ferry', 'bridge', 'canal', 'tram', 'market', 'square'];
    const sentence = (i: number) => `The ${words[i % words.length]} counted ${i} more visitors in ${1900 + (i % 120)}.`;
    // Fill the memo (8,192 sentences a generation) to just short of full, then read a document
    // that crosses the line: each of its sentences must still come back with its features.
    languageFeatures(Array.from({ length: 8100 }, (_, i) => sentence(i)));
    const doc = Array.from({ length: 300 }, (_, i) => sentence(10_000 + i));
    const read = languageFeatures(doc)!;
    const empty = read.filter((f) => f.size === 0).length;
    assert.equal(empty, 0, `${empty} of ${doc.length} sentences came back without features`);
  });

  it('is not loaded until a document is scored', () => {
    provideLanguageModules(real);
    assert.equal(languageModelLoaded(), false);
    scores(DOC);
    assert.equal(languageModelLoaded(), true);
  });

  it('in an editor, scores light until the model is loaded, then calls back to lint again', async () => {
    provideLanguageModules(real);
    const ready = new Promise<void>((resolve) => deferLanguageModel(resolve));
    assert.deepEqual(scores(DOC), lightScores(DOC), 'the light weights, with no language features');
    assert.equal(languageModelLoaded(), false, 'not loaded on the path of the lint');
    await ready;
    assert.equal(languageModelLoaded(), true);
    assert.notDeepEqual(scores(DOC), lightScores(DOC), 'full scores once loaded');
  });

  it('falls back to the light weights when the model cannot load, and says why', () => {
    provideLanguageModules(() => {
      throw new Error('no model here');
    });
    assert.deepEqual(scores(DOC), lightScores(DOC));
    assert.match(languageLoadError() ?? '', /no model here/);
  });
});
