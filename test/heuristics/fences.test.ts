import assert from 'node:assert/strict';
import { lintText, slice, where } from '../helpers/memory.js';

describe('heuristics next to Pandoc fences and YAML oddities', () => {
  it('keeps fence lines out of a scored sentence', () => {
    const text = '::: {.callout-note}\nRoughly 70 percent of labs skipped the audit in 2023.\n:::\n';
    const result = lintText(text);
    assert.deepEqual(where(result.findings), ['uncited-assertion@2:1']);
    assert.equal(slice(text, result.findings[0]!.range), 'Roughly 70 percent of labs skipped the audit in 2023.');
  });
});
