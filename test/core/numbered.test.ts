import assert from 'node:assert/strict';
import type { ListItem, Root } from 'mdast';
import { scanNumberedReferences } from '../../src/core/sources/numbered.js';
import { analyzeText, lintText, slice, where } from '../helpers/memory.js';

/** `[call, number, entry text, url]` for every numbered source. */
const numbered = (text: string) =>
  analyzeText(text)
    .sources.filter((s) => s.kind === 'numbered')
    .map((s) => [slice(text, s.range), s.key, s.text ?? '', s.url ?? '']);

const ORDERED = [
  '## References',
  '',
  '1. Okafor, N. *Street trees and summer heat*. [City climate office](https://example.org/heat).',
  '2. Lindqvist, M. Canopy survey of twelve districts.',
  '3. Ruiz, P. Shade and footfall on retail streets.',
  '4. Brenner, A. Root damage to pavements, a field count.',
  '5. Haddad, S. Watering costs in the first five years.',
  '6. Moreau, L. Species lists for narrow verges.',
  '7. Tan, W. Survival of saplings planted in spring.',
  '',
].join('\n');

describe('numbered references', () => {
  it('reads [1], [3, 4], [3,4], [5-7] and [5–7] against an ordered list under References', () => {
    const text = [
      'Shaded streets ran four degrees cooler in July [1]. Canopy cover rose in most districts [3, 4].',
      'Footfall grew where shade did [3,4], while pavement repairs stayed flat [5-7] and [5–7].',
      '',
      ORDERED,
    ].join('\n');
    const got = numbered(text);
    assert.deepEqual(got[0], ['[1]', '1', 'Okafor, N. Street trees and summer heat. City climate office.', 'https://example.org/heat']);
    assert.deepEqual(
      got.map(([call, n]) => `${call}→${n}`),
      ['[1]→1', '[3, 4]→3', '[3, 4]→4', '[3,4]→3', '[3,4]→4', '[5-7]→5', '[5-7]→6', '[5-7]→7', '[5–7]→5', '[5–7]→6', '[5–7]→7'],
    );
    assert.equal(got[2]![2], 'Brenner, A. Root damage to pavements, a field count.');
  });

  it('numbers an ordered list from its start, so [12] finds the twelfth entry', () => {
    const text = 'The survey counted every street tree in the borough [12].\n\n# Sources\n\n11. First report on the count.\n12. Second report on the count.\n';
    assert.deepEqual(numbered(text), [['[12]', '12', 'Second report on the count.', '']]);
  });

  it('reads [n] entries written one per paragraph, one per line (with continuation lines), and [n]: forms', () => {
    const perParagraph = 'Saplings die in dry springs [2].\n\n### Notes\n\n[1] Moreau, species lists.\n\n[2] Tan, sapling survival, https://example.org/saplings\n';
    assert.deepEqual(numbered(perParagraph), [['[2]', '2', 'Tan, sapling survival, https://example.org/saplings', 'https://example.org/saplings']]);
    const perLine = 'Watering costs fall after year three [2]. Roots lift paving [3].\n\n## Bibliography\n\n[1] Haddad, watering costs.\n[2] Brenner, root damage,\nsecond printing.\n[3]: Ruiz, shade and footfall.\n';
    assert.deepEqual(numbered(perLine), [
      ['[2]', '2', 'Brenner, root damage, second printing.', ''],
      ['[3]', '3', 'Ruiz, shade and footfall.', ''],
    ]);
    // The entry is where the source is written: the whole entry, continuation line included.
    const model = analyzeText(perLine);
    assert.equal(slice(perLine, model.sources[0]!.definitionRange!), '[2] Brenner, root damage,\nsecond printing.');
  });

  it('reads `- [n] …` bullet entries', () => {
    const text = 'Most planted trees were natives [2].\n\n## Works cited\n\n- [1] Lindqvist, canopy survey.\n- [2] Moreau, species lists.\n';
    assert.deepEqual(numbered(text), [['[2]', '2', 'Moreau, species lists.', '']]);
  });

  const headings = ['# Sources', '## Notes', '### Endnotes', '#### Citations', '## Works Cited', '## 7. References', '## References {#refs}', '## Notes and references', '**References**', '**Sources:**'];
  for (const heading of headings) {
    it(`accepts ${JSON.stringify(heading)} as a reference-list heading`, () => {
      const text = `Shade lowers street temperatures [1].\n\n${heading}\n\n1. Okafor, street trees and heat.\n`;
      assert.equal(numbered(text).length, 1);
    });
  }
  for (const heading of ['## Next steps', '## Footnotes on method and scope', 'References are listed below.', '**References** and more words']) {
    it(`does not take ${JSON.stringify(heading)} for a reference-list heading`, () => {
      const text = `Shade lowers street temperatures [1].\n\n${heading}\n\n1. Okafor, street trees and heat.\n`;
      assert.equal(numbered(text).length, 0);
    });
  }

  it('ends a bold-paragraph reference list at the next heading of any level', () => {
    const text = 'Shade lowers street temperatures [1]. Step [2] follows.\n\n**References**\n\n1. Okafor, street trees and heat.\n\n###### Steps\n\n2. Not a reference.\n';
    assert.deepEqual(numbered(text).map(([, n]) => n), ['1']);
  });

  it('leaves [n] as text when the document has no reference list', () => {
    const text = 'Shade lowers street temperatures [1]. See items [2, 3].\n\n## Method\n\n1. Count the trees.\n2. Measure the shade.\n3. Compare.\n';
    const model = analyzeText(text);
    assert.deepEqual(model.sources, []);
    assert.deepEqual(model.scan.referenceLists, []);
  });

  it('gives no source and no finding for a number the list does not have', () => {
    const text = `Shade lowers street temperatures [9]. Canopy grew [2, 9].\n\n${ORDERED}`;
    assert.deepEqual(numbered(text).map(([call, n]) => `${call}→${n}`), ['[2, 9]→2']);
    assert.deepEqual(where(lintText(text).findings, 'missing-footnote', 'dangling-reference'), []);
  });

  it('leaves links, reference links, task boxes, footnotes, code, escapes and images alone', () => {
    const text = [
      'Inline [1](https://example.org/one) and an undefined [label][2] and a collapsed [3][].',
      'Footnote[^1] and `rows[4]` in code and an escaped \\[5] and an image ![6].',
      '',
      '- [ ] check the canopy map',
      '- [x] count the verges',
      '',
      '```',
      'trees[7] = 0',
      '```',
      '',
      '[^1]: A footnote body.',
      '',
      ORDERED,
    ].join('\n');
    const kinds = analyzeText(text).sources.map((s) => `${s.kind}:${slice(text, s.range)}`);
    assert.ok(!kinds.some((k) => k.startsWith('numbered')), kinds.join('\n'));
    assert.ok(kinds.includes('link:[1](https://example.org/one)'));
    assert.ok(kinds.includes('footnote:[^1]'));
  });

  it('reads [1][2] written back to back as two calls, and a number glued to a word', () => {
    const text = `Shade cut cooling bills[1][2] in every district.\n\n${ORDERED}`;
    assert.deepEqual(numbered(text).map(([call, n]) => `${call}→${n}`), ['[1]→1', '[2]→2']);
  });

  it('a link written as a reference definition stays a link', () => {
    const text = 'Shade lowers street temperatures [1].\n\n## References\n\n[1]: https://example.org/heat\n';
    assert.deepEqual(analyzeText(text).sources.map((s) => [s.kind, s.url]), [['link', 'https://example.org/heat']]);
  });

  it('stops the list at the next heading of the same level', () => {
    const text = `Shade lowers street temperatures [1]. The appendix lists steps [8].\n\n${ORDERED}\n## Appendix\n\n8. An eighth step that is not a reference.\n`;
    assert.deepEqual(numbered(text).map(([, n]) => n), ['1']);
  });

  it('resolves each chapter’s calls against the list that follows them', () => {
    const text = [
      '# One',
      '',
      'Trees cool streets [1].',
      '',
      '## Notes',
      '',
      '1. Chapter one source.',
      '',
      '# Two',
      '',
      'Trees lift pavements [1].',
      '',
      '## Notes',
      '',
      '1. Chapter two source.',
      '',
    ].join('\n');
    assert.deepEqual(numbered(text).map(([, , entry]) => entry), ['Chapter one source.', 'Chapter two source.']);
  });

  it('exposes the cited list as referenceLists, entries and all; an uncited list is not one', () => {
    const text = `Shade lowers street temperatures [1].\n\n${ORDERED}`;
    const lists = analyzeText(text).scan.referenceLists;
    assert.equal(lists.length, 1);
    assert.match(slice(text, lists[0]!), /^1\. Okafor[\s\S]*spring\.$/);
    assert.deepEqual(analyzeText(`Shade lowers street temperatures.\n\n${ORDERED}`).scan.referenceLists, []);
  });

  it('a cited sentence is cited, and the list’s entries are not scored as prose', () => {
    const claim = 'Street trees cut summer cooling bills by 14% across 2019 and 2020';
    const cited = lintText(`${claim} [2].\n\n## Notes\n\n1. Ruiz reported in 2021 that 40% of shoppers chose shaded streets.\n2. Haddad, watering costs.\n`);
    assert.deepEqual(where(cited.findings, 'uncited-assertion'), []);
    // Without the list the same text has an uncited statistic (and the note is prose).
    const bare = lintText(`${claim} [2].\n\n## Comments\n\n1. Ruiz reported in 2021 that 40% of shoppers chose shaded streets.\n2. Haddad, watering costs.\n`);
    assert.deepEqual(where(bare.findings, 'uncited-assertion'), ['uncited-assertion@1:1', 'uncited-assertion@5:4']);
  });

  it('a tagged claim cites the entry; the list’s own links do not back the section around it', () => {
    const text = `# Claim: Street trees pay for themselves\n\nShade lowers street temperatures [1].\n\n${ORDERED}`;
    const model = analyzeText(text);
    const claim = model.nodes[0]!;
    assert.deepEqual(claim.sources.map((s) => `${s.kind}:${s.key}:${s.url ?? ''}`), ['numbered:1:https://example.org/heat']);
    // With no call into the list, its link still backs the claim, as before.
    const uncited = analyzeText(`# Claim: Street trees pay for themselves\n\nShade lowers street temperatures.\n\n${ORDERED}`);
    assert.deepEqual(uncited.nodes[0]!.sources.map((s) => s.kind), ['link']);
  });
});

describe('numbered references: robustness', () => {
  it('reads a reference list of 300 000 items without overflowing the stack', () => {
    // Built by hand: parsing a list this long takes minutes on a loaded machine.
    const head = 'See [5].\n\n# Notes\n\n';
    const n = 300_000;
    const text = head + '1. x\n'.repeat(n);
    const pos = (start: number, end: number) => ({ start: { line: 1, column: 1, offset: start }, end: { line: 1, column: 1, offset: end } });
    const items: ListItem[] = [];
    for (let k = 0; k < n; k++) {
      const at = head.length + 5 * k;
      items.push({ type: 'listItem', spread: false, position: pos(at, at + 4), children: [{ type: 'paragraph', position: pos(at + 3, at + 4), children: [{ type: 'text', value: 'x', position: pos(at + 3, at + 4) }] }] });
    }
    const root: Root = {
      type: 'root',
      position: pos(0, text.length),
      children: [
        { type: 'paragraph', position: pos(0, 8), children: [{ type: 'text', value: 'See [5].', position: pos(0, 8) }] },
        { type: 'heading', depth: 1, position: pos(10, 17), children: [{ type: 'text', value: 'Notes', position: pos(12, 17) }] },
        { type: 'list', ordered: true, start: 1, spread: false, position: pos(head.length, text.length - 1), children: items },
      ],
    };
    const scan = scanNumberedReferences(root, text);
    assert.deepEqual(scan.sources.map((s) => [s.key, s.text]), [['5', 'x']]);
    assert.deepEqual(scan.lists, [{ start: head.length, end: text.length - 1 }]);
  });
});
