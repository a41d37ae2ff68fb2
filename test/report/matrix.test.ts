import assert from 'node:assert/strict';
import { join } from 'node:path';
import { REPO, warrant } from '../cli/helpers.js';

/** The threat-coverage matrix on the report page: only when the AI-risk preset is in force. */
describe('warrant report: the threat-coverage matrix section', function () {
  this.timeout(60000);

  it('is on the page of an AI-risk essay, one row per risk, with the model-only flag', () => {
    const r = warrant(['report', join(REPO, 'examples', 'ai-risk')], { cwd: REPO });
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    const section = /<section id="x-threat-matrix"[\s\S]*?<\/section>/.exec(r.stdout)?.[0];
    assert.ok(section, 'no matrix section');
    assert.match(section, /<h2 id="x-threat-matrix-h">Threat coverage \(5 risks\)<\/h2>/);
    const rows = section.match(/<tr><th scope="row">/g) ?? [];
    assert.equal(rows.length, 5);
    assert.match(section, /<th scope="row">#kit: [^<]*<\/th>(<td[^>]*>[^<]*<\/td>)*<td data-label="Model only">⚠ yes<\/td><\/tr>/);
    assert.match(r.stdout, /<a href="#x-threat-matrix">Threat coverage \(5 risks\)<\/a>/);
    // the same risks `warrant matrix` lists
    const json = JSON.parse(warrant(['matrix', join(REPO, 'examples', 'ai-risk'), '-f', 'json'], { cwd: REPO }).stdout) as { risks: { id: string }[] };
    for (const risk of json.risks) assert.ok(section.includes(`#${risk.id}: `), risk.id);
  });

  it('is absent without the preset', () => {
    const r = warrant(['report', join(REPO, 'examples', 'labels.md')], { cwd: REPO });
    assert.doesNotMatch(r.stdout, /x-threat-matrix/);
  });
});
