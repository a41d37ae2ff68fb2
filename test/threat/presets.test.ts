import { strict as assert } from 'node:assert';
import { checkGenerated } from './generate-presets.js';
import { presetLayer, PRESET_NAMES } from '../../src/core/config/presets.js';
import { RULE_IDS } from '../../src/core/index.js';

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

  it('an unknown preset gets the nearest name', () => {
    const result = presetLayer('warrant:ai-risks', RULE_IDS);
    assert.ok('error' in result);
    assert.match(result.error, /did you mean `warrant:ai-risk`/);
  });
});
