/**
 * Meta-tests (markdownlint/remark-lint style): every rule has a docs page with the required
 * sections, ok and not-ok fixtures, and a row in the README's rule table that matches its metadata.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRuleMeta, RULES } from '../../src/core/index.js';

const REPO = join(import.meta.dirname, '..', '..');
const SECTIONS = ['## What triggers it', '## Example', '## How to fix it', '## Options', '## Rationale'];

describe('rule metadata', () => {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  for (const meta of allRuleMeta()) {
    describe(meta.id, () => {
      it('has kebab-case id and a description without a trailing period', () => {
        assert.match(meta.id, /^[a-z]+(-[a-z]+)*$/);
        assert.ok(meta.description.length > 10);
        assert.ok(!meta.description.endsWith('.'));
      });
      it('has a docs page with every section', () => {
        const page = join(REPO, 'docs', 'rules', `${meta.id}.md`);
        assert.ok(existsSync(page), `missing docs/rules/${meta.id}.md`);
        const text = readFileSync(page, 'utf8');
        assert.match(text, new RegExp(`^# ${meta.id}\\b`, 'm'));
        for (const s of SECTIONS) assert.ok(text.includes(s), `docs/rules/${meta.id}.md lacks "${s}"`);
      });
      it('has a README table row that matches its metadata', () => {
        const row = readme.split('\n').find((l) => l.startsWith(`| [\`${meta.id}\`]`));
        assert.ok(row, `README rule table lacks ${meta.id}`);
        assert.ok(row.includes(`| ${meta.defaultSeverity} |`), `README row for ${meta.id} should show default ${meta.defaultSeverity}`);
        assert.ok(row.includes(meta.description), `README row for ${meta.id} should say "${meta.description}"`);
      });
    });
  }
  it('lists no rule in the README that does not exist', () => {
    const ids = new Set(allRuleMeta().map((m) => m.id));
    const listed = [...readme.matchAll(/^\| \[`([a-z-]+)`\]/gm)].map((m) => m[1]!);
    assert.deepEqual(listed.filter((id) => !ids.has(id)), []);
  });
  for (const rule of RULES) {
    it(`${rule.meta.id} has ok and not-ok fixtures`, () => {
      const dir = join(REPO, 'test', 'fixtures', 'rules', rule.meta.id);
      assert.ok(existsSync(dir), `missing test/fixtures/rules/${rule.meta.id}/`);
      const files = readdirSync(dir);
      assert.ok(files.some((f) => /^ok.*\.md$/.test(f)), 'needs an ok*.md fixture');
      const bad = files.filter((f) => /^not-ok.*\.md$/.test(f));
      assert.ok(bad.length > 0, 'needs a not-ok*.md fixture');
      for (const f of bad) assert.ok(files.includes(f.replace(/\.md$/, '.expected')), `${f} needs ${f.replace(/\.md$/, '.expected')}`);
    });
  }
});
