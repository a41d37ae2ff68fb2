import { strict as assert } from 'node:assert';
import { checkGenerated } from './generate-presets.js';
import { presetLayer, PRESET_NAMES } from '../../src/core/config/presets.js';
import { RULE_IDS, ruleMeta } from '../../src/core/index.js';
import { configFrom, lintText } from '../helpers/memory.js';

describe('presets', () => {
  it('the embedded presets match data/presets/*.yaml (UPDATE_PRESETS=1 rewrites them)', () => {
    const fresh = checkGenerated(process.env['UPDATE_PRESETS'] === '1');
    assert.ok(fresh, 'src/core/config/presets.generated.ts is stale: run UPDATE_PRESETS=1 npx mocha test/threat/presets.test.ts');
  });

  it('every shipped preset parses without a problem', () => {
    assert.deepEqual(PRESET_NAMES, ['warrant:ai-risk']);
    for (const name of PRESET_NAMES) {
      const result = presetLayer(name, RULE_IDS);
      assert.ok(!('error' in result));
      assert.deepEqual(result.problems, []);
    }
  });

  it('warrant:ai-risk raises weak-support from its default info to warning', () => {
    const result = presetLayer('warrant:ai-risk', RULE_IDS);
    assert.ok(!('error' in result));
    assert.equal(result.layer.rules?.['weak-support']?.severity, 'warning');
    assert.equal(ruleMeta('weak-support')?.defaultSeverity, 'info');
    const text = 'Claim: Most riverside towns lost a market day.[^1]\n\n[^1]: As the wardens told me.\n';
    const severity = (yaml?: string) => lintText(text, {}, yaml ? configFrom(yaml) : undefined).findings.filter((f) => f.ruleId === 'weak-support').map((f) => f.severity);
    assert.deepEqual(severity(), ['info']);
    assert.deepEqual(severity('extends: warrant:ai-risk\n'), ['warning']);
  });

  it('an unknown preset gets the nearest name', () => {
    const result = presetLayer('warrant:ai-risks', RULE_IDS);
    assert.ok('error' in result);
    assert.match(result.error, /did you mean `warrant:ai-risk`/);
  });
});
