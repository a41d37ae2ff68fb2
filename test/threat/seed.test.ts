/**
 * The acceptance checks of issue #9 on the seed essay itself, read at run time from
 * ../shared/seed (never copied into the project) and annotated in a scratch folder: the seed's
 * thesis as a rule, and inference on a copy whose risks and defenses carry no attribute at all.
 * Paragraphs are found by one word they contain, so no sentence of the seed lives here.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, warrant } from '../cli/helpers.js';
import { requirePath } from '../helpers/ci.js';

const SEED = join(REPO, '..', 'shared', 'seed', 'model-alignment-essay.md');

/** Put `tag` on its own line above the first paragraph matching `word` (a blank line after it keeps the paragraph a paragraph). */
function tagParagraph(text: string, word: RegExp, tag: string): string {
  const paragraphs = text.split(/\n\n/);
  const i = paragraphs.findIndex((p) => word.test(p) && !p.startsWith('#') && !p.startsWith('<!--'));
  if (i < 0) throw new Error(`no paragraph of the seed matches ${word}`);
  paragraphs[i] = `${tag}\n${paragraphs[i]}`;
  return paragraphs.join('\n\n');
}

describe('the seed essay, annotated at run time', function () {
  let dir = '';
  before(function () {
    requirePath(this, SEED, 'the seed essay (../shared/seed beside the repository)');
    dir = mkdtempSync(join(tmpdir(), 'warrant-seed-'));
    writeFileSync(join(dir, '.warrant.yaml'), 'extends: warrant:ai-risk\nroot: true\n');
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('fires alignment-only-defense on fine-tuning away alignment defended only by RLHF, and an ecosystem defense silences it', () => {
    const seed = readFileSync(SEED, 'utf8');
    let text = tagParagraph(seed, /scammer/, '<!-- risk #finetune adversary=skilled harm=intentional -->');
    text = tagParagraph(text, /multi-billion/, '<!-- defense #rlhf defends=#finetune layer=model -->');
    writeFileSync(join(dir, 'essay.md'), text);
    const before = warrant(['lint', 'essay.md', '-f', 'json', '--rule', 'uncited-assertion:off'], { cwd: dir });
    const fired = JSON.parse(before.stdout)[0].messages.filter((m: { ruleId: string }) => m.ruleId === 'alignment-only-defense');
    assert.equal(fired.length, 1, before.stdout);
    assert.equal(fired[0].severity, 1);
    assert.match(fired[0].message, /^Risk `finetune` faces a skilled adversary but is defended only by model alignment \(`rlhf`\)/);

    text = tagParagraph(text, /attack surfaces/, '<!-- defense #surface defends=#finetune layer=ecosystem -->');
    writeFileSync(join(dir, 'essay.md'), text);
    const after = warrant(['lint', 'essay.md', '-f', 'json', '--rule', 'uncited-assertion:off'], { cwd: dir });
    assert.deepEqual(JSON.parse(after.stdout)[0].messages.filter((m: { ruleId: string }) => m.ruleId === 'alignment-only-defense'), []);
  });

  it('infers adversaries and layers from the text of risks and defenses tagged without any attribute', () => {
    let text = readFileSync(SEED, 'utf8');
    // Risks and defenses as a reader would tag them, each found by a word it contains.
    const risks: [RegExp, string][] = [
      [/well-funded/, 'state'],
      [/scammer/, 'scams'],
      [/draconian/, 'released'],
      [/teenager/, 'bullying'],
      [/personal data simply/, 'injection'],
      [/rogue/, 'rogue'],
      [/autonomous agents/, 'agents'],
    ];
    const defenses: [RegExp, string][] = [
      [/multi-billion/, 'rlhf'],
      [/attack surfaces/, 'surface'],
      [/Productization/, 'product'],
      [/adversarial strings/, 'scanning'],
      [/raises the bar/, 'raises-bar'],
      [/big improvement/, 'recognise'],
      [/app stores/, 'app-stores'],
    ];
    for (const [word, id] of risks) text = tagParagraph(text, word, `<!-- risk #${id} -->`);
    for (const [word, id] of defenses) text = tagParagraph(text, word, `<!-- defense #${id} -->`);
    // The seed's first claim, as a risk: a heading tagged by the comment above it.
    text = text.replace(/\n(### \*\*Claim 1:)/, '\n<!-- risk #toxic -->\n$1');
    writeFileSync(join(dir, 'essay.md'), text);

    const matrix = JSON.parse(warrant(['matrix', 'essay.md', '-f', 'json'], { cwd: dir }).stdout);
    const risk = (id: string) => matrix.risks.find((r: { id: string }) => r.id === id);
    assert.equal(matrix.risks.length, 8);
    // Every adversary here is inferred, none written.
    for (const r of matrix.risks) if (r.adversary !== null) assert.ok(r.inferred.adversary, `${r.id} has an adversary but no cue`);
    assert.equal(risk('state').adversary, 'well-resourced');
    assert.equal(risk('scams').adversary, 'skilled');
    assert.equal(risk('bullying').adversary, 'casual');
    assert.equal(risk('toxic').adversary, 'none');

    const byAdversary = JSON.parse(warrant(['matrix', 'essay.md', '--by', 'adversary', '-f', 'json'], { cwd: dir }).stdout);
    assert.deepEqual(byAdversary.rows.map((r: { value: string }) => r.value).slice(0, 4), ['none', 'casual', 'skilled', 'well-resourced']);
    for (const row of byAdversary.rows.slice(0, 4)) assert.ok(row.risks > 0, `no risk was inferred as ${row.value}`);

    // Layers: the claims JSON carries every defense with its inferred layer and cue.
    const claims = JSON.parse(warrant(['claims', 'essay.md', '-f', 'json'], { cwd: dir }).stdout);
    const layers = Object.fromEntries(claims.filter((c: { kind: string }) => c.kind === 'defense').map((c: { id: string; attributes: Record<string, string>; inferred: Record<string, string> }) => [c.id, `${c.attributes['layer'] ?? '-'} (${c.inferred['layer'] ?? ''})`]));
    console.log('      inferred layers:', JSON.stringify(layers));
    console.log('      inferred risks:', JSON.stringify(matrix.risks.map((r: { id: string; adversary: string; harm: string; inferred: Record<string, string> }) => `${r.id}: ${r.adversary} (${r.inferred['adversary'] ?? ''}) / ${r.harm} (${r.inferred['harm'] ?? ''})`)));
    assert.equal(layers['rlhf']!.split(' ')[0], 'model');
    assert.equal(layers['surface']!.split(' ')[0], 'ecosystem');
    assert.equal(layers['scanning']!.split(' ')[0], 'product');
  });
});
