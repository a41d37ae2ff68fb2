/**
 * Front-matter `bibliography:` names as Distill / al-folio posts write them (issue #22 item 3): the
 * file lives in the site's `assets/bibliography/`, not beside the post.
 */
import assert from 'node:assert/strict';
import { createEngine, defaultConfig, MemoryWorkspace, type ResolvedConfig } from '../../src/core/index.js';
import { configFrom } from '../helpers/memory.js';

const SITE = 'file:///site/';
const POST = `${SITE}_posts/2025-01-01-post.md`;
const BIB = '@article{gebru2021, title={Datasheets for datasets}, author={Gebru, Timnit}, year={2021}}\n';
const post = (bib = '2025-01-01-post.bib') => `---\nlayout: distill\nbibliography: ${bib}\n---\n\nClaim: Datasets need documentation <d-cite key="gebru2021"></d-cite>.\n\nClaim: So do models [@gebru2021].\n`;

function lint(files: Record<string, string>, text = post(), config: ResolvedConfig = defaultConfig()) {
  const engine = createEngine({ workspace: new MemoryWorkspace({ ...files, [POST]: text }) });
  return engine.lint(POST, text, config).findings.filter((f) => f.ruleId === 'invalid-bibliography' || f.ruleId === 'unknown-citation-key');
}

describe('bibliography search paths', () => {
  it('finds an al-folio post’s bibliography in the site’s assets/bibliography/', () => {
    const findings = lint({ [`${SITE}_config.yml`]: 'title: x\n', [`${SITE}assets/bibliography/2025-01-01-post.bib`]: BIB });
    assert.deepEqual(findings.map((f) => f.message), []);
  });

  it('finds a jekyll-scholar _bibliography/ too, and a file beside the post first', () => {
    assert.deepEqual(lint({ [`${SITE}_config.yml`]: '', [`${SITE}_bibliography/2025-01-01-post.bib`]: BIB }), []);
    const beside = lint({ [`${SITE}_config.yml`]: '', [`${SITE}_posts/2025-01-01-post.bib`]: BIB, [`${SITE}assets/bibliography/2025-01-01-post.bib`]: 'not bibtex' });
    assert.deepEqual(beside, []);
  });

  it('does not look above the site root, and says where it looked when nothing is found', () => {
    const [finding, ...rest] = lint({ [`${SITE}_config.yml`]: '', 'file:///assets/bibliography/2025-01-01-post.bib': BIB });
    assert.equal(rest.length, 0);
    assert.equal(
      finding!.message,
      '2025-01-01-post.bib: bibliography file not found beside this file or in the search paths (looked in these folders, relative to this file: ./, assets/bibliography/, _bibliography/, ../assets/bibliography/, ../_bibliography/): fix the path, or add its folder to `bibliography.searchPaths` in .warrant.yaml',
    );
  });

  it('takes bibliography.searchPaths from .warrant.yaml, which replaces the default list', () => {
    const config = configFrom('bibliography:\n  searchPaths: [refs]\n');
    assert.deepEqual(lint({ [`${SITE}.git`]: '', [`${SITE}refs/2025-01-01-post.bib`]: BIB }, post(), config), []);
    const notDefault = lint({ [`${SITE}.git`]: '', [`${SITE}assets/bibliography/2025-01-01-post.bib`]: BIB }, post(), config);
    assert.match(notDefault[0]!.message, /relative to this file: \.\/, refs\/, \.\.\/refs\/\)/);
  });

  it('a path that says where it is (./, ../, absolute) is not searched for', () => {
    const [finding] = lint({ [`${SITE}_config.yml`]: '', [`${SITE}assets/bibliography/x.bib`]: BIB }, post('./x.bib'));
    assert.match(finding!.message, /^\.\/x\.bib: bibliography file not found: fix the path/);
  });
});
