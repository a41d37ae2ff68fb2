/**
 * Start-up (#13): citation-js is a quarter of the bundle and only BibTeX needs it, so linting a
 * document without a `.bib` bibliography must not load it. Checked in a fresh process, where the
 * module cache shows what was loaded.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const CORE = join(import.meta.dirname, '..', '..', 'src', 'core', 'index.ts');

function lintInFreshProcess(files: Record<string, string>): { loaded: boolean; rules: string[] } {
  const script = `
    const { createEngine, MemoryWorkspace } = require(${JSON.stringify(CORE)});
    const files = ${JSON.stringify(files)};
    const engine = createEngine({ workspace: new MemoryWorkspace(files) });
    const findings = engine.lint('file:///ws/essay.md', files['file:///ws/essay.md']).findings;
    if (!Array.isArray(findings)) throw new Error('no findings');
    const loaded = Object.keys(require.cache).some((k) => k.includes('@citation-js'));
    process.stdout.write(JSON.stringify({ loaded, rules: findings.map((f) => f.ruleId) }));
  `;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as { loaded: boolean; rules: string[] };
}
const citationJsLoadedAfterLinting = (files: Record<string, string>): boolean => lintInFreshProcess(files).loaded;

describe('start-up: citation-js loads only for a BibTeX bibliography', function () {
  this.timeout(60_000);

  it('is not loaded for a document with citations but no bibliography, or a CSL-JSON one', () => {
    assert.equal(citationJsLoadedAfterLinting({ 'file:///ws/essay.md': '# Bus lanes\n\nBus lanes cut journey times by a fifth [@smith2020].\n' }), false);
    assert.equal(
      citationJsLoadedAfterLinting({
        'file:///ws/essay.md': '---\nbibliography: refs.json\n---\n\nBus lanes cut journey times by a fifth [@smith2020].\n',
        'file:///ws/refs.json': '[{"id": "smith2020", "type": "article", "title": "Bus lanes"}]',
      }),
      false,
    );
  });

  it('is loaded, and resolves keys, when a .bib file is named', () => {
    const bib = '@article{smith2020, title={Bus lanes}, author={Smith, Ann}, year={2020}}\n';
    const essay = (key: string) => `---\nbibliography: refs.bib\n---\n\nBus lanes cut journey times by a fifth [@${key}].\n`;
    const known = lintInFreshProcess({ 'file:///ws/essay.md': essay('smith2020'), 'file:///ws/refs.bib': bib });
    assert.equal(known.loaded, true);
    assert.ok(!known.rules.includes('unknown-citation-key'), known.rules.join());
    assert.ok(lintInFreshProcess({ 'file:///ws/essay.md': essay('jones2021'), 'file:///ws/refs.bib': bib }).rules.includes('unknown-citation-key'));
  });
});
