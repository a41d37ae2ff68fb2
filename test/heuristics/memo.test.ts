/**
 * The detector remembers the word features of recent sentences and the sentence starts of recent
 * blocks (features.ts, split.ts), so that a keystroke re-scores only what it changed. What it
 * remembers must never change a result: the context of a sentence (its block, citations,
 * position) is computed fresh every time, and a full memo still answers correctly.
 */
import assert from 'node:assert/strict';
import { compileCues } from '../../src/core/heuristics/cues.js';
import { defaultHeuristicOptions, detectSentences, forgetRememberedSentences, LANGUAGE_SOURCE, SHIPPED_MODEL } from '../../src/core/heuristics/index.js';
import { takeSentenceCounts } from '../../src/core/heuristics/sentenceMemo.js';
import { collectProse, takeFlattenedBlocks } from '../../src/core/heuristics/prose.js';
import { parseMarkdown } from '../../src/core/parse/markdown.js';
import { citationsIn, options } from './helpers.js';
import { sentenceFeatures, type SentenceContext } from '../../src/core/heuristics/features.js';
import { intlSplitter, MAX_SEGMENT_TEXT } from '../../src/core/heuristics/split.js';
import { lintText, where } from '../helpers/memory.js';

const ctx = (over: Partial<SentenceContext> = {}): SentenceContext => ({
  kind: 'paragraph',
  index: 0,
  count: 3,
  citedInSentence: false,
  citedNearby: false,
  prevCited: false,
  nextCited: false,
  leadIn: false,
  citeRate: 0.2,
  position: 0.5,
  ...over,
});
const entries = (m: ReadonlyMap<string, number>): [string, number][] => [...m];

describe('detector memo: remembered words, fresh context', () => {
  it('the same sentence in another place gets that place’s context, and the same word features', () => {
    const cues = compileCues(defaultHeuristicOptions());
    const s = 'Sales of the device rose 40% in 2021, according to the company.';
    const first = sentenceFeatures(cues, s, ctx({ citedInSentence: true, position: 0.05 }), 0);
    const second = sentenceFeatures(cues, s, ctx({ kind: 'listItem', index: 2, citeRate: 0.5, position: 0.95 }), 0);
    assert.ok(first.named.has('cite:inSentence') && first.named.has('doc:opening') && first.named.has('block:paragraph'));
    assert.ok(!second.named.has('cite:inSentence') && !second.named.has('doc:opening') && !second.named.has('block:paragraph'));
    assert.ok(second.named.has('block:listItem') && second.named.has('block:last') && second.named.has('doc:closing') && second.named.has('doc:manyCitations'));
    const words = (m: ReadonlyMap<string, number>) => entries(m).filter(([k]) => k.startsWith('cue:') || k.startsWith('form:'));
    assert.deepEqual(words(second.named), words(first.named));
    assert.ok(words(first.named).some(([k]) => k === 'form:percent'));
  });

  it('answers as a fresh computation does after it has filled and turned over', () => {
    const options = defaultHeuristicOptions();
    const sentences = Array.from({ length: 20_000 }, (_, i) => `Study ${i} found that ${i % 7} in ${i % 13} teams said ${i % 3 ? 'most' : 'few'} tools failed.`);
    const warm = compileCues(options);
    const before = sentences.slice(0, 50).map((s) => entries(sentenceFeatures(warm, s, ctx(), 12).named));
    for (const s of sentences) sentenceFeatures(warm, s, ctx(), 12); // fills both generations
    const after = sentences.slice(0, 50).map((s) => entries(sentenceFeatures(warm, s, ctx(), 12).named));
    assert.deepEqual(after, before);
    // A fresh compile has an empty memo: the same answers again, hashed buckets included.
    const fresh = compileCues({ ...options });
    const s = sentences[7]!;
    assert.deepEqual(sentenceFeatures(fresh, s, ctx(), 12), sentenceFeatures(warm, s, ctx(), 12));
  });

  it('a remembered split is the split', () => {
    const split = intlSplitter(['Dr']);
    const text = 'Dr. Lee spoke. Then rain fell. It stopped.';
    assert.deepEqual(split(text), [0, 15, 31]);
    assert.deepEqual(split(text), [0, 15, 31]);
    for (let i = 0; i < 10_000; i++) split(`Block ${i}. Another sentence.`);
    assert.deepEqual(split(text), [0, 15, 31]);
  });

  it('editing one sentence changes only what that sentence is flagged for', () => {
    const base = 'Intro line for the essay here.\n\nRevenue at the firm rose 40% in 2021 after the merger closed.\n\nWe think this is fine.\n';
    const first = where(lintText(base).findings, 'uncited-assertion');
    assert.deepEqual(first, ['uncited-assertion@3:1']);
    const cited = base.replace('merger closed.', 'merger closed [@lee2020].');
    assert.deepEqual(where(lintText(cited, { 'refs.bib': '@article{lee2020, title={T}, author={Lee, A}, year={2020}}\n' }).findings, 'uncited-assertion'), []);
    assert.deepEqual(where(lintText(base).findings, 'uncited-assertion'), first);
  });

  it('an edit late in a long paragraph is split and scored as a cold run does', () => {
    // The memos are module-level: a fresh engine in this process shares them, so the reference
    // run is made after forgetting them.
    const long =
      'The committee met on a quiet morning and talked about the plans for the coming season at some length. ' +
      'Members listed the chores that had piled up over the winter and shared them out. Nobody objected to the new rota, and tea was served after the meeting.';
    assert.ok(long.length > 240);
    const base = `# Notes\n\n${long}\n\nWe think this is fine.\n`;
    const edited = base.replace('after the meeting.', 'after the meeting. Revenue at the firm rose 40% in 2021 after the merger closed.');
    const added = `uncited-assertion@3:${long.length + 2}`;
    assert.ok(!where(lintText(base).findings, 'uncited-assertion').includes(added));
    const warm = where(lintText(edited).findings, 'uncited-assertion');
    forgetRememberedSentences();
    const cold = where(lintText(edited).findings, 'uncited-assertion');
    assert.ok(cold.includes(added), cold.join());
    assert.deepEqual(warm, cold);
  });
});

describe('sentence splitting of a long block', () => {
  it('a block longer than MAX_SEGMENT_TEXT is split where ICU splits the whole of it', () => {
    const words = ['tools', 'teams', 'models', 'labs', 'rules', 'audits', 'budgets'];
    const sentences = Array.from({ length: 1500 }, (_, i) => {
      const w = words[i % words.length]!;
      return i % 5 === 0 ? `“Most ${w} changed,” one report said in ${1990 + (i % 30)}.` : i % 7 === 0 ? `Did the ${w} hold (in ${i} cases)?` : `The ${w} of group ${i} improved by ${i % 40}% after review!`;
    });
    const text = sentences.join(' ');
    assert.ok(text.length > 5 * MAX_SEGMENT_TEXT, `${text.length}`);
    const whole = [...new Intl.Segmenter('en', { granularity: 'sentence' }).segment(text)].map((s) => s.index);
    assert.deepEqual(intlSplitter([])(text), whole);
    assert.equal(whole.length, sentences.length);
  });

  it('a block with no sentence end at all is still split into its whole, in pieces', () => {
    const text = 'word '.repeat(6000);
    assert.deepEqual(intlSplitter([])(text), [0]);
    const noSpaces = 'x'.repeat(3 * MAX_SEGMENT_TEXT);
    assert.deepEqual(intlSplitter([])(noSpaces), [0]);
    // one sentence end inside a long run: two sentences, as ICU says of the whole
    const one = `${'word '.repeat(1500)}ends here. Then ${'more '.repeat(3000)}`;
    assert.deepEqual(intlSplitter([])(one), [0, 7511]);
  });
});

describe('detector memo: a sentence unchanged across an edit is not scored again', () => {
  // Sentences written for this test. Counts, never time: the memo's work is the calls it saves.
  const DOC = [
    'The valley road was rebuilt in the spring after two floods washed it out.',
    '',
    'Traffic on it fell by a third in the following year, the council reported. Most drivers chose the new bypass instead.',
    '',
    'We think the old road is still the prettier drive. Its bridges are narrow and the views are wide.',
    '',
  ].join('\n');
  const detect = (md: string, model = SHIPPED_MODEL) =>
    detectSentences({ text: md, root: parseMarkdown(md).root, citations: citationsIn(md), exclude: [], options: memoOptions, model });
  const memoOptions = options();
  /** Sentences the language features read (detect.ts): each gets a second vector, with them. */
  const read = (md: string): string[] => {
    const seen: string[] = [];
    const recording = { id: 'nlp', features: (sentences: readonly string[]) => (seen.push(...sentences), LANGUAGE_SOURCE.features(sentences)) };
    detectSentences({ text: md, root: parseMarkdown(md).root, citations: citationsIn(md), exclude: [], options: memoOptions, sources: [recording] });
    return seen;
  };
  beforeEach(() => {
    forgetRememberedSentences();
    takeSentenceCounts();
  });

  it('one word typed into one sentence: that sentence alone gets a new vector and a new score', () => {
    const edited = DOC.replace('Most drivers chose', 'Most local drivers chose');
    const candidates = read(DOC).length;
    const editedRead = read(edited).filter((s) => s.includes('local drivers')).length;
    assert.ok(candidates > 0, 'the document has sentences the language features read');
    forgetRememberedSentences();
    takeSentenceCounts();
    const first = detect(DOC);
    assert.deepEqual(takeSentenceCounts(), { featured: first.length + candidates, scored: first.length });
    const warm = detect(edited);
    assert.equal(warm.length, first.length);
    assert.deepEqual(takeSentenceCounts(), { featured: 1 + editedRead, scored: 1 });
    forgetRememberedSentences();
    assert.deepEqual(warm, detect(edited));
  });

  it('a citation added to a paragraph: its context changes, so every sentence is scored again as a cold run scores it', () => {
    detect(DOC);
    takeSentenceCounts();
    const cited = DOC.replace('the council reported.', 'the council reported [@hill2024].');
    const warm = detect(cited);
    const counts = takeSentenceCounts();
    forgetRememberedSentences();
    assert.equal(counts.featured, warm.length + read(cited).length); // the document's cite rate moved
    forgetRememberedSentences();
    assert.deepEqual(warm, detect(cited));
  });

  it('another model object scores the remembered vectors again, without computing them again', () => {
    const first = detect(DOC);
    takeSentenceCounts();
    const other = { ...SHIPPED_MODEL };
    detect(DOC, other);
    assert.deepEqual(takeSentenceCounts(), { featured: 0, scored: first.length });
  });
});

describe('prose memo: a paragraph unchanged by an edit is not flattened again', () => {
  // Sentences written for this test.
  const DOC = [
    '# Orchard notes',
    '',
    'The pear trees *flowered* early this year, and the bees were out in force.',
    '',
    '- Apples were picked in [late September](https://example.org/apples) &amp; stored.',
    '- The cider press broke twice.',
    '',
    '| Tree | Yield |',
    '| --- | --- |',
    '| Pear | Yields went up by a quarter after pruning. |',
    '',
    'We plan to plant *two* more rows next spring.',
    '',
  ].join('\n');
  const prose = (md: string) => collectProse(md, parseMarkdown(md).root, { tables: true, skipSection: () => false });
  const plain = (blocks: ReturnType<typeof prose>) => blocks.map((b) => ({ ...b, offsets: [...b.offsets] }));
  beforeEach(() => {
    forgetRememberedSentences();
    takeFlattenedBlocks();
  });

  it('an edit in the first paragraph: the blocks after it keep their text, their offsets shifted as a cold run has them', () => {
    const first = prose(DOC);
    assert.equal(takeFlattenedBlocks(), first.length);
    const edited = DOC.replace('flowered', 'flowered very');
    const warm = prose(edited);
    assert.equal(takeFlattenedBlocks(), 1);
    forgetRememberedSentences();
    assert.deepEqual(plain(warm), plain(prose(edited)));
    assert.deepEqual(plain(prose(DOC)), plain(first));
  });

  it('the same source read as other inline nodes (a reference whose definition appeared) is flattened again', () => {
    const para = 'The repair steps are in [the press manual][manual] on the shelf.';
    const without = `${para}\n\nNothing else was fixed this week.\n`;
    const withDefinition = `${without}\n[manual]: https://example.org/press\n`;
    assert.equal(prose(without)[0]!.text, para);
    const blocks = prose(withDefinition);
    assert.equal(blocks[0]!.text, 'The repair steps are in the press manual on the shelf.');
    forgetRememberedSentences();
    assert.deepEqual(plain(blocks), plain(prose(withDefinition)));
  });
});
