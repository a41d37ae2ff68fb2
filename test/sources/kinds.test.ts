/**
 * Source kinds (issue 23): every source's type, decided offline from what it says. Each case is a
 * sentence written for the project; `types` reads `[written, type · where]` off the model.
 */
import { strict as assert } from 'node:assert';
import { checkGenerated } from './generate-source-kinds.js';
import { analyzeText, configFrom, lintText, slice, where } from '../helpers/memory.js';
import { parseConfigText, RULE_IDS } from '../../src/core/index.js';
import { classifyUrl, kindContext, typeLine } from '../../src/core/sources/kinds.js';

const types = (text: string, files: Record<string, string> = {}, yaml?: string) => {
  const model = analyzeText(text, files, yaml ? configFrom(yaml) : undefined);
  return model.sources.map((s) => [slice(text, s.range), typeLine(s)]);
};

describe('source kinds: the shipped table', () => {
  it('the embedded table matches data/source-kinds.yaml (UPDATE_SOURCE_KINDS=1 rewrites it)', () => {
    const fresh = checkGenerated(process.env['UPDATE_SOURCE_KINDS'] === '1');
    assert.ok(fresh, 'src/core/sources/kinds.generated.ts is stale: run UPDATE_SOURCE_KINDS=1 npx mocha test/sources/kinds.test.ts');
  });
});

describe('source kinds: one per source', () => {
  it('a DOI written as doi:10.… in prose is a paper', () => {
    assert.deepEqual(types('Claim: Rivers carry less silt now doi:10.1234/river.5 than before.\n'), [['doi:10.1234/river.5', 'paper · doi.org']]);
  });

  it('a https://doi.org/… link is a paper, and an arXiv DOI a preprint', () => {
    const text = 'Claim: Silt fell [in one study](https://doi.org/10.1234/river.5) and [in another](https://doi.org/10.48550/arXiv.2101.00001).\n';
    assert.deepEqual(types(text), [
      ['[in one study](https://doi.org/10.1234/river.5)', 'paper · doi.org'],
      ['[in another](https://doi.org/10.48550/arXiv.2101.00001)', 'preprint · doi.org'],
    ]);
  });

  it('arXiv, SSRN and bioRxiv links and bare arXiv ids are preprints', () => {
    const text = 'Claim: Three drafts say so: [a](https://arxiv.org/abs/2101.00001), [b](https://papers.ssrn.com/sol3/papers.cfm?abstract_id=1), [c](https://www.biorxiv.org/content/1) and arXiv:2102.00002.\n';
    assert.deepEqual(types(text).map((t) => t[1]), ['preprint · arxiv.org', 'preprint · papers.ssrn.com', 'preprint · biorxiv.org', 'preprint · arxiv.org']);
  });

  it('government, legislature, court and intergovernmental hosts are official; outlets news; blogs and forums blog', () => {
    const text = [
      'Claim: Agencies wrote [a](https://www.nist.gov/x), [b](https://eur-lex.europa.eu/y), [c](https://www.legislation.gov.uk/z) and [d](https://www.oecd.org/w).',
      'Claim: Papers reported [e](https://www.nytimes.com/2024/a.html) and [f](https://www.reuters.com/b).',
      'Claim: Writers posted [g](https://someone.substack.com/p/x), [h](https://www.lesswrong.com/posts/y), [i](https://blog.example.com/z) and [j](https://example.net/blog/w).',
    ].join('\n\n') + '\n';
    assert.deepEqual(types(text).map((t) => t[1]), [
      'official · nist.gov',
      'official · eur-lex.europa.eu',
      'official · legislation.gov.uk',
      'official · oecd.org',
      'news · nytimes.com',
      'news · reuters.com',
      'blog · someone.substack.com',
      'blog · lesswrong.com',
      'blog · blog.example.com',
      'blog · example.net',
    ]);
  });

  it('scholarly hosts are papers, and a path entry beats its host (a journal’s news pages are news)', () => {
    const text = 'Claim: See [a](https://aclanthology.org/2023.acl-long.1/), [b](https://openreview.net/forum?id=x), [c](https://www.nature.com/articles/s41586-020-1) and [d](https://www.nature.com/articles/d41586-024-1).\n';
    assert.deepEqual(types(text).map((t) => t[1]), ['paper · aclanthology.org', 'paper · openreview.net', 'paper · nature.com', 'news · nature.com']);
  });

  it('an unknown host is web', () => {
    assert.deepEqual(types('Claim: A page says so [here](https://unheard-of.example/page).\n'), [['[here](https://unheard-of.example/page)', 'web · unheard-of.example']]);
  });

  it('a relative link to a file of the site and a site-relative link are the same site', () => {
    const text = 'Claim: We said so [before](notes/earlier.pdf) and [on our site](/about/methods).\n';
    assert.deepEqual(types(text, { 'notes/earlier.pdf': '%PDF' }), [
      ['[before](notes/earlier.pdf)', 'same site · this site'],
      ['[on our site](/about/methods)', 'same site · this site'],
    ]);
  });

  it('links to the front matter’s `site` are the same site, other hosts are not', () => {
    const text = '---\nsite: https://river-notes.example\n---\n\nClaim: We [wrote](https://www.river-notes.example/2023/silt) it and [others](https://other.example/x) too.\n';
    assert.deepEqual(types(text).map((t) => t[1]), ['same site · river-notes.example', 'web · other.example']);
  });

  it('a footnote with no link or key is a note; one that links a paper is a paper', () => {
    const text = 'Claim: Silt fell.[^1] It fell fast.[^2]\n\n[^1]: As the survey team told me.\n[^2]: Lee, [River silt](https://doi.org/10.1234/silt).\n';
    assert.deepEqual(types(text).filter((t) => t[0]!.startsWith('[^')), [
      ['[^1]', 'note · footnote [^1]'],
      ['[^2]', 'paper · doi.org'],
    ]);
  });

  it('a numbered reference with no link is a note; one with an arXiv link a preprint', () => {
    const text = 'Claim: Silt fell [1] and fell fast [2].\n\n## References\n\n1. A talk at the river club.\n2. Lee. River silt. https://arxiv.org/abs/2101.00001\n';
    assert.deepEqual(types(text).filter((t) => /^\[\d\]$/.test(t[0]!)), [
      ['[1]', 'note · reference [1]'],
      ['[2]', 'preprint · arxiv.org'],
    ]);
  });
});

describe('source kinds: bibliography entries', () => {
  const bib = [
    '@misc{lee2021, title = {River silt at scale}, author = {Lee, Ana}, year = {2021}, eprint = {2101.00001}, archivePrefix = {arXiv}, primaryClass = {cs.LG}}',
    '@article{ortiz2020, title = {Silt}, author = {Ortiz, Ben}, journal = {Journal of Rivers}, year = {2020}}',
    '@techreport{agency2022, title = {Silt survey}, institution = {Department of Rivers}, year = {2022}}',
    '@techreport{lab2022, title = {Our silt survey}, institution = {Silt Lab}, year = {2022}}',
    '@online{page2023, title = {A page}, url = {https://www.reuters.com/silt}, year = {2023}}',
  ].join('\n');
  const text = '---\nbibliography: refs.bib\n---\n\nClaim: Silt fell [@lee2021; @ortiz2020; @agency2022; @lab2022; @page2023].\n';

  it('a Pandoc key whose entry is an arXiv @misc is a preprint; @article with a journal a paper; @techreport from an agency official', () => {
    assert.deepEqual(types(text, { 'refs.bib': bib }), [
      ['@lee2021', 'preprint · arXiv'],
      ['@ortiz2020', 'paper · Journal of Rivers'],
      ['@agency2022', 'official · Department of Rivers'],
      ['@lab2022', 'web · Silt Lab'],
      ['@page2023', 'news · reuters.com'],
    ]);
  });

  it('a CSL entry of type `article` with an arXiv URL is a preprint', () => {
    const csl = JSON.stringify([{ id: 'kim2022', type: 'article', title: 'Silt', URL: 'https://arxiv.org/abs/2201.00001' }]);
    assert.deepEqual(types('---\nbibliography: refs.json\n---\n\nClaim: Silt fell [@kim2022].\n', { 'refs.json': csl }), [['@kim2022', 'preprint · arxiv.org']]);
  });
});

describe('source kinds: configuration', () => {
  it('`sources.kinds` wins over the shipped table, for a host and the hosts under it', () => {
    const text = 'Claim: See [a](https://www.nytimes.com/x) and [b](https://data.river-board.example/y).\n';
    const yaml = 'sources:\n  kinds:\n    nytimes.com: blog\n    river-board.example: official\n';
    assert.deepEqual(types(text).map((t) => t[1]), ['news · nytimes.com', 'web · data.river-board.example']);
    assert.deepEqual(types(text, {}, yaml).map((t) => t[1]), ['blog · nytimes.com', 'official · data.river-board.example']);
  });

  it('`sources.site` makes links to that site the same site, before any table', () => {
    const text = 'Claim: We [wrote](https://medium.com/@river/silt) it.\n';
    assert.deepEqual(types(text, {}, 'sources:\n  site: https://medium.com/@river\n').map((t) => t[1]), ['same site · medium.com']);
    assert.deepEqual(types(text).map((t) => t[1]), ['blog · medium.com']);
  });

  it('reports a bad kind, a bad host and a bad site at their place, with the nearest kind', () => {
    const yaml = 'sources:\n  kinds:\n    example.org: oficial\n    "not a host": news\n  site: 42\n  sit: x\n';
    const problems = parseConfigText(yaml, 'file:///ws/.warrant.yaml', RULE_IDS).problems.map((p) => [p.message, yaml.slice(p.range.start, p.range.end)]);
    assert.deepEqual(problems, [
      ['Unknown source kind `oficial` for `example.org`: did you mean `official`?', 'oficial'],
      ['`not a host` is not a host: write one such as `example.org` or `example.org/blog`', '"not a host"'],
      ["`sources.site` must be the address of the document's own site, such as `https://example.org`", '42'],
      ['Unknown key `sit` in `sources`: expected kinds or site', 'sit'],
    ]);
  });

  it('classifyUrl: a later `www.` and a port do not change the host', () => {
    const ctx = kindContext({}, undefined);
    assert.deepEqual(classifyUrl('https://www.arxiv.org:443/abs/1', ctx), { type: 'preprint', where: 'arxiv.org' });
    assert.deepEqual(classifyUrl('ftp://files.example/x', ctx), { type: 'web', where: 'files.example' });
  });
});

describe('weak-support: what counts as weak', () => {
  const rule = (text: string, files: Record<string, string>) => where(lintText(text, files).findings, 'weak-support');

  it('a link to another Markdown document of the workspace is not weak (that document is linted too); a link to a data file is', () => {
    const files = { 'fares.md': '# Fares\n\nClaim: Fares doubled [in the board minutes](https://www.gov.uk/fares).\n', 'fares.csv': 'year,fare\n' };
    assert.deepEqual(rule('Claim: Ferry fares doubled in 2019 ([our fares essay](fares.md)).\n', files), []);
    assert.deepEqual(rule('Claim: Ferry fares doubled in 2019 ([our fares table](fares.csv)).\n', files), ['weak-support@1:1']);
  });
});
