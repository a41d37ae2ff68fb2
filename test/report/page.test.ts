/**
 * The report page's structure on in-memory documents (issue 22, item 5): one vocabulary for
 * findings, the file list folded, a claim index before the cards, a risk card that shows the
 * warning standing on it, a review queue of heuristic findings, and a threat-coverage table that
 * can stack. Chromium checks the layout (`test/e2e/report.cjs`); this checks the markup.
 */
import assert from 'node:assert/strict';
import { allRuleMeta, docsUrl } from '../../src/core/index.js';
import { buildReport, type ReportInput } from '../../src/report/data.js';
import { renderReportHtml } from '../../src/report/html.js';
import { configFrom, ESSAY, setup } from '../helpers/memory.js';

const ESSAY_TEXT = `# Field notes

**Claim 1:** The first claim is backed [by a report](https://example.org/r).

## Later

**Claim 2:** The second claim stands alone.

Studies show that 40% of teams skip their audits.

In 2019 the board doubled the budget, which tripled the output of every team.

<!-- risk #weights adversary=skilled harm=intentional -->
A small crew retrains the released weights to write phishing kits.

<!-- defense #refusals defends=#weights layer=model -->
The model was trained to refuse such requests.
`;

function page(text = ESSAY_TEXT, extra: Partial<ReportInput> = {}) {
  const { engine } = setup(text, {}, configFrom('extends: warrant:ai-risk\n'));
  const result = engine.lint(ESSAY, text);
  const data = buildReport({
    graph: engine.graph(),
    files: [{ uri: ESSAY, name: 'notes/essay.md', text, findings: result.findings, suppressed: result.suppressed }],
    rules: allRuleMeta(),
    docsUrl,
    warrant: '1.2.3',
    generated: new Date('2026-01-02T03:04:05Z'),
    name: (uri) => uri,
    ...extra,
  });
  return { data, html: renderReportHtml(data, { svgs: [] }), findings: result.findings };
}

describe('report page structure', () => {
  it('counts findings and heuristic findings apart, in the header as in their sections', () => {
    const { html, findings } = page();
    const heuristic = findings.filter((f) => f.ruleId === 'uncited-assertion').length;
    const structural = findings.length - heuristic;
    assert.ok(heuristic >= 1 && structural >= 1);
    assert.match(html, new RegExp(`<dt>Findings</dt><dd>${structural} \\(`));
    assert.match(html, new RegExp(`<dt>Heuristic findings</dt><dd>${heuristic} `));
    assert.ok(html.includes(`<h2 id="findings-h">Findings (${structural})</h2>`));
    assert.ok(html.includes(`<h2 id="heuristic-h">Heuristic findings (${heuristic})</h2>`));
  });

  it('folds the file list into a count and a collapsible list', () => {
    const { html } = page();
    assert.match(html, /<dt>Files<\/dt><dd>1: <code>notes\/essay\.md<\/code><\/dd>/);
    const many = Array.from({ length: 40 }, (_, i) => ({ uri: `file:///ws/f${i}.md`, name: `part/f${i}.md`, findings: [] }));
    const { html: big } = page(ESSAY_TEXT, { files: many });
    assert.match(big, /<dt>Files<\/dt><dd>40 <details class="files"><summary>Show the 40 files<\/summary><ul>(<li><code>part\/f\d+\.md<\/code><\/li>){40}<\/ul><\/details><\/dd>/);
  });

  it('indexes every claim and risk, one line each with its status, linked to its card, before the cards', () => {
    const { html, data } = page();
    const index = html.indexOf('<ol class="claim-index"');
    assert.ok(index > 0 && index < html.indexOf('<article class="claim"'));
    for (const c of data.claims) assert.ok(html.slice(index).includes(`<li data-status="${c.status}"><a href="#${c.anchor}">`), c.anchor);
  });

  it('a risk card shows the warning that stands on it, not a plain "supported"', () => {
    const { html, data } = page();
    const risk = data.claims.find((c) => c.baseKind === 'risk')!;
    assert.equal(risk.status, 'warned');
    assert.deepEqual(risk.findings.map((f) => f.ruleId), ['alignment-only-defense']);
    const card = html.slice(html.indexOf(`<article class="claim" id="${risk.anchor}"`));
    assert.match(card.slice(0, card.indexOf('</article>')), /⚠ Supported, with a warning[\s\S]*alignment-only-defense/);
  });

  it('lists heuristic findings most likely first in a review queue', () => {
    const { html, data } = page();
    const likely = data.files[0]!.findings.filter((f) => f.heuristic).map((f) => f.likelihood!);
    assert.ok(likely.length >= 2 && likely.every((p) => typeof p === 'number'));
    const queue = html.slice(html.indexOf('<section id="review"'), html.indexOf('</section>', html.indexOf('<section id="review"')));
    const shown = [...queue.matchAll(/<span class="likely">(\d+) %<\/span>/g)].map((m) => Number(m[1]));
    assert.equal(shown.length, likely.length);
    assert.deepEqual(shown, [...shown].sort((a, b) => b - a));
  });

  it('labels every cell of an extra table with its column, so it can stack when narrow or printed', () => {
    const { html } = page();
    assert.match(html, /<table class="extra stackable">/);
    assert.match(html, /<td data-label="Adversary">skilled<\/td>/);
  });
});
