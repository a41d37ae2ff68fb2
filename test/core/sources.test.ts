import assert from 'node:assert/strict';
import { analyzeText, lintText, slice, where } from '../helpers/memory.js';

const kinds = (text: string, files: Record<string, string> = {}) =>
  analyzeText(text, files).sources.map((s) => [s.kind, slice(text, s.range), s.key ?? s.url ?? '']);

describe('source collection', () => {
  it('finds inline, reference, autolink and <a href> links, and keeps internal links apart', () => {
    const text = [
      'See [a report](https://example.org/r "Title") and [ref][r] and <https://example.org/auto>.',
      'Also <a href="https://example.org/html">html</a> and [below](#later) and [there](other.md#x).',
      '',
      '[r]: https://example.org/ref',
    ].join('\n');
    const model = analyzeText(text);
    assert.deepEqual(
      model.sources.map((s) => [s.kind, s.url]),
      [
        ['link', 'https://example.org/r'],
        ['link', 'https://example.org/ref'],
        ['link', 'https://example.org/auto'],
        ['link', 'https://example.org/html'],
      ],
    );
    assert.deepEqual(model.internalLinks.map((l) => [l.target.file ?? '', l.target.id]), [['', 'later'], ['other.md', 'x']]);
  });

  it('takes a GFM footnote’s own text and link as the source, and flags a call with no definition', () => {
    const text = 'A fact.[^1] Another.[^9]\n\n[^1]: Smith, *Report*, https://example.org/fn\n';
    const model = analyzeText(text);
    const [fn] = model.sources;
    assert.equal(fn!.kind, 'footnote');
    assert.equal(fn!.key, '1');
    assert.match(fn!.text!, /Smith, Report/);
    assert.equal(fn!.url, 'https://example.org/fn');
    assert.deepEqual(model.scan.missingFootnotes.map((m) => [m.label, slice(text, m.range)]), [['9', '[^9]']]);
  });

  it('reads Substack-style footnote links and their definitions', () => {
    const text = [
      'Body text.[1](https://ex.substack.com/p/post#footnote-1-123)',
      '',
      '[1](https://ex.substack.com/p/post#footnote-anchor-1-123)',
      '',
      'The footnote says where the number comes from, with [a link](https://example.org/src).',
    ].join('\n');
    const model = analyzeText(text);
    const fn = model.sources.find((s) => s.kind === 'footnote')!;
    assert.equal(fn.key, '1');
    assert.match(fn.text!, /where the number comes from/);
    assert.equal(model.sources.filter((s) => s.kind === 'footnote').length, 1, 'the anchor back-link is not a source');
  });

  it('parses Pandoc citations with locators, suppressed authors and in-text keys, not e-mails', () => {
    const text = '---\nreferences:\n  - id: lee2020\n---\nAs argued [see @doe99, pp. 33-35; also -@smith04, ch. 1] and @lee2020 says. Mail me@example.org.\n';
    const sources = analyzeText(text).sources;
    assert.deepEqual(
      sources.map((s) => [s.key, s.locator ?? '', !!s.inText]),
      [
        ['doe99', 'pp. 33-35', false],
        ['smith04', 'ch. 1', false],
        ['lee2020', '', true],
      ],
    );
  });

  it('finds d-cite keys, bare DOIs and arXiv ids', () => {
    const text = 'One <d-cite key="a,b"></d-cite>. See doi:10.1234/abc.5 and arXiv:2101.00001v2.\n';
    assert.deepEqual(kinds(text).map((k) => [k[0], k[2]]), [
      ['dcite', 'a'],
      ['dcite', 'b'],
      ['doi', '10.1234/abc.5'],
      ['arxiv', '2101.00001v2'],
    ]);
  });

  it('counts a link to a local file only when the file exists', () => {
    const text = 'See [data](data.csv) and [gone](missing.csv).\n';
    assert.deepEqual(kinds(text, { 'data.csv': 'a,b' }).map((k) => k[0] + ':' + k[1]), ['file:[data](data.csv)']);
  });

  it('ignores links in code and link-like text in link text', () => {
    const text = '`[x](https://example.org/code)`\n\n```\n[@key]\n```\n';
    assert.deepEqual(kinds(text), []);
  });

  it('gives footnote-definition links to the footnote, not to the section that holds the definitions', () => {
    const text = '## Claim: Outputs got safer\n\nNo link here.\n\n[^n]: https://example.org/unrelated\n';
    assert.deepEqual(where(lintText(text).findings, 'unsupported-claim'), ['unsupported-claim@1:4']);
  });
});

describe('bibliographies', () => {
  const bib = '@article{smith2020,\n  author = {Smith, Jane and Doe, Ann},\n  title = {Audits at {Scale}},\n  journal = {Journal of Examples},\n  year = {2020},\n  doi = {10.5555/aud}\n}\n';
  it('resolves [@key] through a BibTeX file named in front matter', () => {
    const text = '---\nbibliography: refs.bib\n---\n\nClaim: audits work [@smith2020].\n';
    const model = analyzeText(text, { 'refs.bib': bib });
    const entry = model.sources[0]!.entry!;
    assert.deepEqual([entry.authors, entry.year, entry.title, entry.container, entry.doi], [['Jane Smith', 'Ann Doe'], '2020', 'Audits at Scale', 'Journal of Examples', '10.5555/aud']);
  });

  it('reads CSL-JSON, CSL-YAML and inline references:', () => {
    const json = JSON.stringify([{ id: 'a1', title: 'From JSON', issued: { 'date-parts': [[2019]] }, author: [{ family: 'Ng', given: 'Li' }] }]);
    const yaml = '- id: b1\n  title: From YAML\n  URL: https://example.org/b1\n';
    const text = '---\nbibliography: [refs.json, refs.yaml]\nreferences:\n  - id: c1\n    title: Inline\n---\n\n[@a1; @b1; @c1; @zz]\n';
    const { findings, model } = lintText(text, { 'refs.json': json, 'refs.yaml': yaml });
    assert.deepEqual(model.sources.map((s) => s.entry?.title ?? null), ['From JSON', 'From YAML', 'Inline', null]);
    assert.deepEqual(where(findings, 'unknown-citation-key'), ['unknown-citation-key@8:17']);
  });

  it('reports a bibliography that is missing or unreadable', () => {
    const text = '---\nbibliography: nope.bib\n---\n\ntext\n';
    assert.deepEqual(where(lintText(text).findings, 'invalid-bibliography'), ['invalid-bibliography@2:1']);
  });

  it('reads a bare @word no bibliography holds as text: not a source, not an error', () => {
    const handle = 'Claim: As @someone said on Twitter, training costs fall every year.\n';
    assert.deepEqual(analyzeText(handle).sources, []);
    assert.deepEqual(where(lintText(handle).findings, 'unknown-citation-key', 'unsupported-claim'), ['unsupported-claim@1:1']);
    const withBib = `---\nreferences:\n  - id: lee2020\n---\n${handle}`;
    assert.deepEqual(analyzeText(withBib).sources, []);
    assert.deepEqual(where(lintText(withBib).findings, 'unknown-citation-key'), []);
    assert.deepEqual(where(lintText('Bracketed [@someone].\n').findings, 'unknown-citation-key'), ['unknown-citation-key@1:12']);
  });
});

describe('relativeUri', () => {
  it('writes a URI relative to a document’s folder', async () => {
    const { relativeUri } = await import('../../src/core/workspace.js');
    assert.equal(relativeUri('file:///a/b/essay.md', 'file:///a/refs/x.bib'), '../refs/x.bib');
    assert.equal(relativeUri('file:///a/b/essay.md', 'file:///a/b/x%20y.bib'), 'x y.bib');
    assert.equal(relativeUri('file:///a/essay.md', 'untitled:Untitled-1'), 'untitled:Untitled-1');
  });
});
