import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { REPORT } from '../../src/service/protocol.js';
import type { ReportData } from '../../src/report/data.js';
import { renderReportHtml } from '../../src/report/html.js';
import { fixtureUri, startHarness, type Harness } from './harness.js';

const DIR = fileURLToPath(new URL('./fixtures/map/', import.meta.url));
const GARDEN = fixtureUri('garden.md', DIR);

describe('server: warrant/report (the data behind Warrant: Open Report)', () => {
  let h: Harness;
  before(async () => (h = await startHarness({ pull: true, rootDir: DIR })));
  after(() => h.close());

  const report = (params: object) => h.client.sendRequest(REPORT, params) as Promise<ReportData>;

  it('one document: its claims with statuses, its findings, and a map whose nodes link to the entries', async () => {
    const r = await report({ uri: GARDEN, version: '9.9.9' });
    assert.equal(r.warrant, '9.9.9');
    assert.deepEqual(r.files.map((f) => f.name), ['garden.md']);
    assert.deepEqual(
      r.claims.map((c) => `${c.file}:${c.line} ${c.status} ${c.text}`),
      ['garden.md:5 supported Gardens lower summer street temperatures', 'garden.md:9 unsupported Gardens bring neighbours together', 'garden.md:13 supported Plots pay back their water bill'],
    );
    const unsupported = r.files[0]!.findings.find((f) => f.ruleId === 'unsupported-claim')!;
    assert.equal(unsupported.claim, r.claims[1]!.anchor);
    assert.equal(r.maps.length, 1);
    assert.match(r.maps[0]!.dot, new RegExp(`URL="#${r.claims[1]!.anchor}"`));
    // The support file's evidence backs Claim 3 across files.
    assert.match(r.claims[2]!.why, /1 piece of evidence/);
    assert.equal(r.claims[2]!.evidence[0]!.file, 'support.md');
    const html = renderReportHtml(r, { svgs: [undefined] });
    assert.match(html, /Gardens bring neighbours together/);
  });

  it('the workspace: every Markdown file', async () => {
    const r = await report({});
    assert.deepEqual(r.files.map((f) => f.name), ['garden.md', 'support.md']);
    assert.ok(r.claims.length >= 3);
  });

  it('warrant.severityOverrides apply as in Problems: a rule turned off is not reported, and its claim reads suppressed', async () => {
    const o = await startHarness({ pull: true, rootDir: DIR, configuration: true, settings: { severityOverrides: { 'unsupported-claim': 'off', 'orphan-node': 'error' } } });
    try {
      const r = (await o.client.sendRequest(REPORT, { uri: GARDEN })) as ReportData;
      const rules = r.files[0]!.findings.map((f) => f.ruleId);
      assert.ok(!rules.includes('unsupported-claim'), rules.join());
      assert.equal(r.claims[1]!.status, 'suppressed');
      assert.match(r.claims[1]!.why, /not reported/);
    } finally {
      o.close();
    }
  });
});
