/** The CLI side of the threat model: presets in `extends`, `init --preset`, `warrant matrix`. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, warrant } from '../cli/helpers.js';

const run = (args: string[]) => warrant(args, { cwd: REPO });

describe('cli: presets', () => {
  it('--print-config shows the preset, its attributes and its rule settings', () => {
    const r = run(['--print-config', 'examples/ai-risk/essay.md']);
    assert.equal(r.status, 0, r.stderr);
    const config = JSON.parse(r.stdout);
    assert.deepEqual(config.presets, ['warrant:ai-risk']);
    assert.deepEqual(config.attributes.adversary.values, ['none', 'casual', 'skilled', 'well-resourced']);
    assert.deepEqual(config.attributes.layer.on, ['defense']);
    assert.equal(config.attributes.domain.values.length, 7);
    assert.equal(config.rules['unrated-risk'], 'info');
    assert.equal(config.rules['alignment-only-defense'], 'warning');
    assert.equal(config.rules['weak-support'], 'warning');
  });

  it('reports an unknown preset at its entry, with the nearest name, and exits 2', () => {
    const r = warrant(['lint', 'preset-broken', '-f', 'gnu']);
    assert.equal(r.status, 2);
    assert.equal(r.stdout.trim(), 'preset-broken/.warrant.yaml:2:5: error: Unknown preset `warrant:ai-risks`: did you mean `warrant:ai-risk`? [invalid-config]');
  });

  it('init --preset ai-risk writes a config that extends the preset and lints with it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'warrant-init-'));
    try {
      const r = warrant(['init', '--preset', 'ai-risk'], { cwd: dir });
      assert.equal(r.status, 0, r.stderr);
      const yaml = readFileSync(join(dir, '.warrant.yaml'), 'utf8');
      assert.match(yaml, /^extends: warrant:ai-risk$/m);
      const printed = JSON.parse(warrant(['--print-config', 'x.md'], { cwd: dir }).stdout);
      assert.deepEqual(printed.presets, ['warrant:ai-risk']);
      assert.equal(printed.rules['unrated-risk'], 'info');
      assert.equal(warrant(['init', '--preset', 'nope'], { cwd: mkdtempSync(join(tmpdir(), 'warrant-init-')) }).status, 2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('cli: warrant matrix', () => {
  it('-f json lists every risk of the example with its ratings and its defenses by layer', () => {
    const r = run(['matrix', 'examples/ai-risk', '-f', 'json']);
    assert.equal(r.status, 0, r.stderr);
    const m = JSON.parse(r.stdout);
    assert.deepEqual(m.layers, ['model', 'product', 'ecosystem', 'unrated']);
    assert.deepEqual(
      m.risks.map((x: { id: string; adversary: string; defenses: Record<string, string[]> }) => `${x.id} ${x.adversary} ${m.layers.map((l: string) => x.defenses[l]!.length).join('/')}`),
      ['insult none 1/0/0/0', 'pile-on casual 1/1/0/0', 'retune skilled 1/0/1/0', 'kit skilled 1/0/0/0', 'zero-days well-resourced 0/0/1/0'],
    );
    const kit = m.risks.find((x: { id: string }) => x.id === 'kit');
    assert.deepEqual(kit.inferred, {});
    assert.equal(kit.onlyModel, true);
    const zero = m.risks.find((x: { id: string }) => x.id === 'zero-days');
    assert.equal(zero.inferred.adversary, 'government');
    const fuzzing = m.defenses.find((d: { ref: string }) => d.ref === 'fuzzing');
    assert.deepEqual([fuzzing.layer, fuzzing.line], ['ecosystem', 69]);
  });

  it('--by adversary has the four rows of the seed table, and marks where only the model layer holds', () => {
    const m = JSON.parse(run(['matrix', 'examples/ai-risk', '--by', 'adversary', '-f', 'json']).stdout);
    assert.equal(m.by, 'adversary');
    assert.deepEqual(
      m.rows.map((r: { value: string; risks: number; defenses: Record<string, number>; onlyModel: boolean }) => [r.value, r.risks, r.defenses['model'], r.defenses['product'], r.defenses['ecosystem'], r.onlyModel]),
      [
        ['none', 1, 1, 0, 0, true],
        ['casual', 1, 1, 1, 0, false],
        ['skilled', 2, 2, 0, 1, false],
        ['well-resourced', 1, 0, 0, 1, false],
      ],
    );
  });

  it('-f markdown renders GitHub tables; --by domain lists every domain, addressed or not', () => {
    const md = run(['matrix', 'examples/ai-risk', '--by', 'adversary', '-f', 'markdown']).stdout.split('\n');
    assert.equal(md[0], '| adversary | risks | model defenses | product defenses | ecosystem defenses | unrated defenses |  |');
    assert.equal(md[1], '| --- | --- | --- | --- | --- | --- | --- |');
    assert.equal(md[2], '| none | 1 | 1 | 0 | 0 | 0 | only the model layer holds |');
    const domains = JSON.parse(run(['matrix', 'examples/ai-risk', '--by', 'domain', '-f', 'json']).stdout).rows;
    assert.equal(domains.length, 7);
    assert.deepEqual(domains.filter((d: { risks: number }) => d.risks === 0).map((d: { value: string }) => d.value), ['misinformation', 'socioeconomic', 'system-safety']);
  });

  it('-f csv quotes text and names the cue column of each rating; a bad --by or format exits 2', () => {
    const csv = run(['matrix', 'examples/ai-risk', '-f', 'csv']).stdout.split('\r\n');
    assert.equal(csv[0], 'location,id,text,adversary,adversary_inferred,harm,harm_inferred,severity,severity_inferred,domain,domain_inferred,model,product,ecosystem,unrated,model_only');
    assert.match(csv[1]!, /^examples\/ai-risk\/essay\.md:18,insult,An unsuspecting user asks for homework help and gets a stereotype back\.,none,unsuspecting,/);
    assert.equal(run(['matrix', 'examples/ai-risk', '--by', 'layer']).status, 2);
    assert.equal(run(['matrix', 'examples/ai-risk', '-f', 'svg']).status, 2);
  });
});
