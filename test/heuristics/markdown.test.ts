/**
 * Markdown awareness: what is prose, where sentences start, what is skipped.
 * Documents are written for these tests; `STAT` is a sentence that always needs a citation.
 */
import assert from 'node:assert/strict';
import { LineIndex } from '../../src/core/text/lineIndex.js';
import { detect } from './helpers.js';

const STAT = 'Exactly 73% of the ferry passengers in 2021 were tourists.';
const texts = (md: string, override?: unknown): string[] => detect(md, { override }).map((s) => s.text);
const flagged = (md: string, override?: unknown): string[] => detect(md, { override }).filter((s) => s.needsCitation && !s.cited).map((s) => s.text);

describe('heuristics: Markdown awareness', () => {
  it('maps each sentence to the exact line and offset where it starts', () => {
    const md = ['---', 'title: x', '---', '', 'First line of prose here.', 'Second sentence starts on its own line.', '  ' + STAT.slice(0, 20), STAT.slice(20), ''].join('\n');
    const found = detect(md);
    const index = new LineIndex(md);
    assert.deepEqual(found.map((s) => index.positionAt(s.range.start).line + 1), [5, 6, 7]);
    for (const s of found) assert.equal(md.slice(s.range.start, s.range.start + 5), s.text.slice(0, 5));
  });

  it('strips emphasis, links and escapes from the text but keeps offsets', () => {
    const md = 'Before. **Bold** claim with a [link text](https://example.org) and a \\*star.\n';
    const [, second] = detect(md);
    assert.equal(second!.text, 'Bold claim with a link text and a *star.');
    assert.equal(md.slice(second!.range.start, second!.range.start + 4), 'Bold', 'the range starts at the first visible character');
  });

  it('skips code, front matter, HTML comments, link definitions and image alt text (raw HTML blocks are read: pipeline.test.ts)', () => {
    const md = [
      '---',
      `summary: ${STAT}`,
      '---',
      '',
      '```',
      STAT,
      '```',
      '',
      `    ${STAT}`,
      '',
      `<!-- ${STAT} -->`,
      '',
      `<!-- <p>${STAT}</p> -->`,
      '',
      `[ref]: https://example.org "${STAT}"`,
      '',
      `![${STAT}](chart.png)`,
      '',
    ].join('\n');
    assert.deepEqual(texts(md), []);
  });

  it('skips MDX/JSX tags, Liquid tags and Hugo shortcodes without flagging their markup', () => {
    const md = [
      '<Callout type="info" size={3} />',
      '',
      '{% include figure.html src="/img/a.png" caption="Figure 3: 45% of 2020" %}',
      '',
      '{{< figure src="/img/b.png" caption="Growth of 300% since 2015" >}}',
      '',
      'The lock keeper retired.{{< sidenote >}}A note.{{< /sidenote >}} <Badge count={12} /> Nothing else changed.',
      '',
    ].join('\n');
    const found = texts(md);
    assert.ok(found.every((t) => !/[{}<>%]/.test(t)), found.join(' | '));
    assert.ok(found.includes('The lock keeper retired.'));
  });

  it('skips Pandoc span braces and undefined footnote markers but keeps the span text', () => {
    const found = texts('The rule is [widely ignored]{.noted}[^later] by drivers.\n');
    assert.deepEqual(found, ['The rule is widely ignored by drivers.']);
  });

  it('scores footnote bodies as their own paragraphs, without their label', () => {
    const md = `A plain sentence with a note.[^n]\n\n[^n]: ${STAT}\n`;
    const found = detect(md);
    const note = found.find((s) => s.text === STAT);
    assert.ok(note, 'the footnote body is prose');
    assert.equal(md.slice(note.range.start, note.range.start + 7), 'Exactly');
  });

  it('skips headings and the sections under References, Further reading and Acknowledgements', () => {
    const md = [`# ${STAT}`, '', 'Intro text for the piece.', '', '## Further Reading', '', STAT, '', '### Older items', '', STAT, '', '## Acknowledgements:', '', STAT, '', '## Results', '', STAT, ''].join('\n');
    const found = detect(md);
    assert.deepEqual(found.map((s) => s.text), ['Intro text for the piece.', STAT]);
    assert.equal(new LineIndex(md).positionAt(found[1]!.range.start).line + 1, 19);
  });

  it('scores table body cells, unless tables are off', () => {
    const md = ['| Region | Note |', '| --- | --- |', `| North | ${STAT} |`, ''].join('\n');
    assert.deepEqual(texts(md), ['North', STAT], 'each body cell is a sentence of its own (the model weighs cells lower: they are mostly labels and figures)');
    assert.deepEqual(texts(md, { tables: false }), []);
  });

  it('splits definition-list terms from their definitions', () => {
    const md = `Ferry traffic\n: ${STAT} Most came in summer.\n`;
    const found = detect(md);
    assert.equal(found[0]!.text, STAT);
    assert.equal(new LineIndex(md).positionAt(found[0]!.range.start).line, 1);
  });

  it('a quotation block quote yields at most one finding, at its first sentence', () => {
    const md = ['The minister put it this way:', '', `> ${STAT} Since 1990 the fleet has doubled.`, '> Another 40% came by rail in 2019.', ''].join('\n');
    const found = detect(md).filter((s) => s.needsCitation);
    assert.equal(found.length, 1);
    assert.equal(found[0]!.text, STAT);
    assert.deepEqual(found[0]!.reasons[0], 'quotation');
  });

  it('a quotation of three blank-separated `>` paragraphs is one quotation: at most one flag', () => {
    const para = (n: number): string => `> ${STAT.replace('73', String(60 + n))} In ${2000 + n} the harbour board counted ${n * 1000} more cars.`;
    const oneQuote = ['The council wrote:', '', para(1), '>', para(2), '>', para(3), ''].join('\n');
    const adjacent = ['The council wrote:', '', para(1), '', para(2), '', para(3), ''].join('\n');
    for (const md of [oneQuote, adjacent]) {
      const found = detect(md).filter((s) => s.needsCitation && !s.cited);
      assert.ok(found.length <= 1, `${found.length} flags: ${found.map((s) => s.text).join(' | ')}`);
    }
    const apart = ['The council wrote:', '', para(1), '', 'That was before the new bridge opened to traffic.', '', para(2), ''].join('\n');
    assert.equal(detect(apart).filter((s) => s.needsCitation && s.reasons[0] === 'quotation').length, 2, 'quotations with prose between are two');
  });

  it('treats note/warning callouts as the author’s own prose', () => {
    const md = ['> [!note]', `> ${STAT} Since 1990 the fleet has doubled in size.`, ''].join('\n');
    assert.equal(detect(md).filter((s) => s.needsCitation).length, 2);
  });

  it('leaves explicitly tagged ranges to the tags (never reported twice)', () => {
    const md = `Claim: ${STAT}\n\n${STAT}\n`;
    const tagged = { start: 0, end: md.indexOf('\n\n') };
    const found = detect(md, { exclude: [tagged] });
    assert.equal(found.length, 1);
    assert.ok(found[0]!.range.start > tagged.end);
  });
});

describe('heuristics: sentence splitting', () => {
  it('does not split after abbreviations, initials or inside tokens', () => {
    const md = 'Dr. Okafor met the U.S. Coast Guard, e.g. at Pier 4. J. R. Lowe joined from 01.Net later. Then it rained.\n';
    assert.deepEqual(texts(md), ['Dr. Okafor met the U.S. Coast Guard, e.g. at Pier 4.', 'J. R. Lowe joined from 01.Net later.', 'Then it rained.']);
  });

  it('splits one-sentence-per-line paragraphs at each line', () => {
    const md = 'The pier opened in 1902.\nIt closed in 1974.\nNobody knows why.\n';
    const index = new LineIndex(md);
    assert.deepEqual(detect(md).map((s) => index.positionAt(s.range.start).line), [0, 1, 2]);
  });
});

describe('heuristics: citation scope', () => {
  const md = [`${STAT} The port also grew. See the [harbour report](https://example.org/r).`, '', `${STAT}`, ''].join('\n');

  it('paragraph scope: a citation anywhere in the paragraph counts', () => {
    const found = detect(md);
    assert.deepEqual(found.map((s) => [s.cited, s.citedInSentence]), [[true, false], [true, false], [true, true], [false, false]]);
  });

  it('sentence scope: only a citation in the sentence counts', () => {
    const found = detect(md, { override: { citationScope: 'sentence' } });
    assert.deepEqual(found.map((s) => s.cited), [false, false, true, false]);
  });

  it('a footnote marker after the period belongs to the sentence before it', () => {
    const found = detect(`${STAT}[^1] The port also grew.\n\n[^1]: Harbour statistics, 2022.\n`, { override: { citationScope: 'sentence' } });
    assert.equal(found[0]!.citedInSentence, true);
    assert.equal(found[1]!.citedInSentence, false);
  });

  it('a colon-ending paragraph shares citations with the list it introduces', () => {
    const list = ['Three facts stand out in the harbour data:', '', `- ${STAT}`, '- The second pier was rebuilt [in 1999](https://example.org/p).', ''].join('\n');
    const found = detect(list);
    assert.ok(found.every((s) => s.cited), JSON.stringify(found.map((s) => [s.text, s.cited])));
    const apart = ['Three facts stand out in the harbour data.', '', `- ${STAT}`, '- The second pier was rebuilt [in 1999](https://example.org/p).', ''].join('\n');
    assert.deepEqual(detect(apart).map((s) => s.cited), [false, false, true]);
  });

  it('in-page anchors are not citations (the core does not pass them)', () => {
    const found = detect(`${STAT} See [below](#method).\n`);
    assert.equal(found[0]!.cited, false);
  });
});

describe('heuristics: callouts', () => {
  it('drops the callout marker and title line', () => {
    const md = ['> [!quote] From the harbour almanac, page 12', `> ${STAT}`, ''].join('\n');
    assert.deepEqual(texts(md), [STAT]);
  });
});
