import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { readSnapshot, updateHint } from '../helpers/snapshot.js';
import { fileURLToPath } from 'node:url';
import { HOST_SCOPES, INJECTION_PATH, snapshot, tokenize, type ScopedToken } from './tokenize.js';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

function scopesOf(tokens: readonly ScopedToken[], text: string, line?: number): readonly string[] {
  const t = tokens.find((x) => x.text === text && (line === undefined || x.line === line));
  assert.ok(t, `no token ${JSON.stringify(text)}${line ? ` on line ${line}` : ''}`);
  return t.scopes;
}

describe('grammar: expected-scope fixtures', () => {
  for (const name of readdirSync(fixtures).filter((f) => f.endsWith('.md'))) {
    it(name, async () => {
      const actual = snapshot(await tokenize(readFileSync(fixtures + name, 'utf8')));
      const expectedPath = fixtures + name + '.scopes';
      const options = { testFile: 'test/grammar/grammar.test.ts' };
      assert.equal(actual, readSnapshot(expectedPath, actual, options), `scopes differ from ${updateHint(expectedPath, options)}`);
    });
  }
});

describe('grammar: targeted checks', () => {
  it('colours a claim label inside a bold heading and keeps the heading scope', async () => {
    const tokens = await tokenize('### **Claim 1: Alignment is brittle**\n');
    const s = scopesOf(tokens, 'Claim');
    assert.ok(s.includes('keyword.other.label.claim.warrant'));
    assert.ok(s.some((x) => x.startsWith('markup.heading')));
    assert.ok(s.some((x) => x.startsWith('markup.bold')));
  });

  it('directive comment: kind, id and relation attribute', async () => {
    const tokens = await tokenize('<!-- defense #attack-surfaces defends=#finetune -->\n');
    assert.ok(scopesOf(tokens, 'defense').includes('keyword.other.directive.warrant'));
    assert.ok(scopesOf(tokens, 'attack-surfaces').includes('entity.other.attribute-name.id.warrant'));
    assert.ok(scopesOf(tokens, 'defends').includes('entity.other.attribute-name.warrant'));
    assert.ok(scopesOf(tokens, '#finetune').includes('markup.underline.link.reference.warrant'));
  });

  it('an ordinary HTML comment stays a plain comment', async () => {
    const tokens = await tokenize('<!-- TODO: tighten this -->\n');
    assert.ok(tokens.every((t) => !t.scopes.some((s) => s.endsWith('.warrant'))));
  });

  it('citation keys, not e-mail addresses', async () => {
    const tokens = await tokenize('As shown [@smith2020, p. 4; -@doe99], write to me@example.org or @jones.\n');
    assert.ok(scopesOf(tokens, 'smith2020').includes('constant.other.citation-key.warrant'));
    assert.ok(scopesOf(tokens, 'doe99').includes('constant.other.citation-key.warrant'));
    assert.ok(scopesOf(tokens, 'jones').includes('constant.other.citation-key.warrant'));
    assert.ok(tokens.every((t) => !(t.text.includes('example') && t.scopes.some((s) => s.endsWith('.warrant')))));
  });

  it('nothing inside fenced code or inline code', async () => {
    const tokens = await tokenize('```\nClaim: not markup [@key] {#id .claim}\n```\n\nSee `@key` and `Claim:`.\n');
    assert.ok(tokens.every((t) => !t.scopes.some((s) => s.endsWith('.warrant'))), snapshot(tokens));
  });

  it('a label mid-sentence is prose, not a tag', async () => {
    const tokens = await tokenize('The main claim: nothing here is tagged.\n');
    assert.ok(tokens.every((t) => !t.scopes.some((s) => s.endsWith('.warrant'))), snapshot(tokens));
  });
});

describe('grammar: Quarto documents', () => {
  it('every fixture gets the same Warrant scopes under text.html.quarto as under Markdown', async () => {
    for (const name of readdirSync(fixtures).filter((f) => f.endsWith('.md'))) {
      const text = readFileSync(fixtures + name, 'utf8');
      assert.equal(snapshot(await tokenize(text, 'quarto')), snapshot(await tokenize(text)), name);
    }
  });

  it("keeps out of Quarto's code blocks and inline code", async () => {
    const tokens = await tokenize('```{python}\nClaim: not markup [@key]\n```\n\nSee `@key` and `Claim:`.\n', 'quarto');
    assert.ok(tokens.some((t) => t.scopes.includes('markup.fenced_code.block.quarto')), 'the stand-in host names scopes as Quarto does');
    assert.ok(tokens.every((t) => !t.scopes.some((s) => s.endsWith('.warrant'))), snapshot(tokens));
  });

  it('package.json injects into every host the selector names, and both hosts are named', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    const injection = JSON.parse(readFileSync(INJECTION_PATH, 'utf8'));
    const contributed = pkg.contributes.grammars.find((g: { scopeName: string }) => g.scopeName === injection.scopeName);
    const selectorHosts = [...String(injection.injectionSelector).matchAll(/L:(\S+)/g)].map((m) => m[1]);
    assert.deepEqual([...contributed.injectTo].sort(), [...selectorHosts].sort());
    assert.deepEqual([...selectorHosts].sort(), Object.values(HOST_SCOPES).sort());
  });
});
