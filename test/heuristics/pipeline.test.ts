/**
 * What reaches the detector: the pipeline holes of issue #8, each closed generally. Documents are
 * written for these tests; STAT is a sentence any reader would want a source for.
 */
import assert from 'node:assert/strict';
import { heuristicSentences } from '../../src/core/model/sentences.js';
import { analyzeText, lintText, where } from '../helpers/memory.js';
import { LineIndex } from '../../src/core/text/lineIndex.js';

const STAT = 'Exactly 73% of the ferry passengers in 2021 were tourists from 14 countries.';
const sentences = (md: string) => heuristicSentences(analyzeText(md));
const texts = (md: string): string[] => sentences(md).map((s) => s.text);
const byText = (md: string, start: string) => {
  const s = sentences(md).find((x) => x.text.startsWith(start));
  assert.ok(s, `no sentence starting ${JSON.stringify(start)} in ${JSON.stringify(texts(md))}`);
  return s;
};

describe('heuristics pipeline: what is prose', () => {
  it('scores the sentences of a tagged heading’s section, never the heading, and reports each span once', () => {
    const md = ['# Ferries', '', '### **Claim 1: Ferries carry mostly tourists**', '', STAT, '', 'A second paragraph argues the point further.', ''].join('\n');
    assert.deepEqual(texts(md), [STAT, 'A second paragraph argues the point further.']);
    const { findings } = lintText(md);
    assert.deepEqual(where(findings, 'unsupported-claim'), ['unsupported-claim@3:5']);
    assert.deepEqual(where(findings, 'uncited-assertion'), ['uncited-assertion@5:1']);
  });

  it('leaves a tagged paragraph to its tag', () => {
    const md = ['<!-- claim #ferries -->', STAT, ''].join('\n');
    assert.deepEqual(texts(md), []);
  });

  it('reads footnote bodies wherever they stand, even after a skipped "Further reading" heading', () => {
    const md = ['Ferries are busy in summer.[^1]', '', '## Further reading', '', '- A list of books nobody will check here.', '', `[^1]: ${STAT}`, ''].join('\n');
    assert.deepEqual(texts(md), ['Ferries are busy in summer.', STAT]);
  });

  it('reads prose inside raw HTML blocks, with <a href> as citations', () => {
    const md = [
      '<p>The harbour authority counted the boats twice. ' + STAT + '</p>',
      '',
      '<ol><li>Ticket prices rose by 40% between 2019 and 2023 on every route.</li>',
      '<li>Another item cites its source <a href="https://example.org/fares">here</a> for 2022.</li></ol>',
      '',
      '<style>p { color: red; } .note::after { content: "Exactly 12% of styles were red in 2020." }</style>',
      '',
    ].join('\n');
    const found = sentences(md);
    assert.deepEqual(found.map((s) => s.text), [
      'The harbour authority counted the boats twice.',
      STAT,
      'Ticket prices rose by 40% between 2019 and 2023 on every route.',
      'Another item cites its source here for 2022.',
    ]);
    const index = new LineIndex(md);
    assert.deepEqual(found.map((s) => index.positionAt(s.range.start).line + 1), [1, 1, 3, 4]);
    assert.equal(md.slice(found[1]!.range.start, found[1]!.range.start + 7), 'Exactly');
    assert.equal(found[3]!.citedInSentence, true, 'the <a href> in the list item cites it');
    assert.equal(found[2]!.cited, false);
  });

  it('maps HTML text with entities back to the right offsets', () => {
    const md = '<div><p>Fares &amp; fees rose by 40% in 2022 across 9 routes.</p></div>\n';
    const [s] = sentences(md);
    assert.equal(s!.text, 'Fares & fees rose by 40% in 2022 across 9 routes.');
    assert.equal(md.slice(s!.range.start, s!.range.start + 5), 'Fares');
  });

  it('does not read display math as sentences', () => {
    const md = ['The fare model is simple.', '', '$$', 'p = 40\\% \\times 2021 \\text{ Sales rose}', '$$', '', '$$x = 73\\% of 2021 passengers$$', ''].join('\n');
    assert.deepEqual(texts(md), ['The fare model is simple.']);
  });

  it('skips Key: value metadata lines and a byline at the top of a document, not later ones', () => {
    const md = [
      'Created: June 29, 2024 7:17 PM',
      'URL 1: https://example.org/ferries',
      'Tags: transport, harbours',
      '',
      '*By Jo Marsh and Ade Okafor*',
      '',
      STAT,
      '',
      'Note: later lines like this one are prose.',
      '',
    ].join('\n');
    assert.deepEqual(texts(md), [STAT, 'Note: later lines like this one are prose.']);
  });
});

describe('heuristics pipeline: what is not a check-worthy assertion', () => {
  it('a lead-in ending with a colon that opens a list is not a claim', () => {
    const md = ['The harbour report counted three kinds of boats in 2021:', '', '- ferries carrying 73% of passengers', '- fishing boats', ''].join('\n');
    const lead = byText(md, 'The harbour report');
    assert.equal(lead.claim, false);
    assert.equal(lead.needsCitation, false);
  });

  it('a colon at the end of a paragraph with nothing after it is scored as usual', () => {
    const md = ['In 2021 the harbour counted 73% more ferries than it had berths for:', ''].join('\n');
    const s = byText(md, 'In 2021');
    assert.equal(s.claim, true);
  });

  it('recommendation list items are calls to action, not assertions', () => {
    const md = ['Our recommendations:', '', '- Clarify that ferry operators report 100% of incidents within 30 days.', '- Establish a harbour agency by 2027.', '- Ensure every berth is inspected twice a year.', ''].join('\n');
    for (const start of ['Clarify that', 'Establish a', 'Ensure every']) {
      const s = byText(md, start);
      assert.equal(s.claim, false, start);
      assert.equal(s.needsCitation, false, start);
    }
  });

  it('a list item that states a fact is still scored', () => {
    const md = ['What we know:', '', '- Ferries carried 73% of all passengers in 2021, up from 40% in 2015.', ''].join('\n');
    const s = byText(md, 'Ferries carried');
    assert.equal(s.claim, true);
    assert.equal(s.needsCitation, true);
  });
});

describe('heuristics pipeline: citation markers are not words', () => {
  it('numbered calls and Substack footnote links do not read as numbers in the sentence', () => {
    const md = ['Ferries are popular with visitors in every season [2].', '', 'Harbour staff say the boats are clean[3](#footnote-3).', '', '## References', '', '1. A first entry.', '2. A second entry.', '3. A third entry.', ''].join('\n');
    const found = sentences(md);
    assert.equal(found[0]!.text, 'Ferries are popular with visitors in every season.');
    assert.equal(found[0]!.reasons.includes('statistic'), false);
    assert.equal(found[1]!.text, 'Harbour staff say the boats are clean.');
  });
});
