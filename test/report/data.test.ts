/**
 * `buildReport` on in-memory documents: statuses and their reasons, relations with excerpts,
 * inline suppressions, excerpts around findings, per-file maps, and the section hook.
 */
import assert from 'node:assert/strict';
import { allRuleMeta, docsUrl } from '../../src/core/index.js';
import { buildReport, REPORT_SECTIONS, type ReportInput } from '../../src/report/data.js';
import { renderReportHtml } from '../../src/report/html.js';
import { ESSAY, setup } from '../helpers/memory.js';

const TEXT = `# Essay

### Claim 1: Backed by a source

See [the study](https://example.org/study).

- **Objection:** Claim 1 overstates it.

### Claim 2: Nobody backs this

Just words.

<!-- warrant-disable-next-line unsupported-claim -- argued in part two -->
### Claim 3: Silenced on purpose

More words.
`;

function input(extra: Partial<ReportInput> = {}): ReportInput {
  const { engine } = setup(TEXT);
  const result = engine.lint(ESSAY, TEXT);
  return {
    graph: engine.graph(),
    files: [{ uri: ESSAY, name: 'essay.md', text: TEXT, findings: result.findings, suppressed: result.suppressed }],
    rules: allRuleMeta(),
    docsUrl,
    warrant: '1.2.3',
    generated: new Date('2026-01-02T03:04:05Z'),
    name: (uri) => uri,
    ...extra,
  };
}

describe('report data', () => {
  it('every claim with its status and why; sources, objections; a finding links to its claim', () => {
    const data = buildReport(input());
    assert.deepEqual(
      data.claims.map((c) => [c.line, c.status, c.text]),
      [
        [3, 'supported', 'Backed by a source'],
        [9, 'unsupported', 'Nobody backs this'],
        [14, 'suppressed', 'Silenced on purpose'],
      ],
    );
    const [one, two, three] = data.claims as [(typeof data.claims)[0], (typeof data.claims)[0], (typeof data.claims)[0]];
    assert.match(one.why, /^supported: 1 source · 1 objection/);
    assert.deepEqual(one.sources.map((s) => [s.kind, s.label, s.url]), [['link', 'the study', 'https://example.org/study']]);
    assert.deepEqual(one.objections.map((o) => [o.excerpt, o.answered, o.line]), [['Claim 1 overstates it.', false, 7]]);
    assert.match(two.why, /has no citation and no linked defense or evidence/);
    assert.equal(three.why, 'silenced by `warrant-disable-next-line` on line 13: argued in part two');
    const finding = data.files[0]!.findings.find((f) => f.ruleId === 'unsupported-claim')!;
    assert.equal(finding.claim, two.anchor);
    assert.deepEqual(finding.excerpt, { firstLine: 8, lines: ['', '### Claim 2: Nobody backs this', ''], marks: [{ line: 1, start: 4, end: 30 }] });
    assert.deepEqual(data.rules.map((r) => r.id).sort(), [...new Set(data.files[0]!.findings.map((f) => f.ruleId))].sort());
    assert.equal(data.generated, '2026-01-02T03:04:05.000Z');
  });

  it('one map for everything, or one per file above the node limit; nodes link to claim entries', () => {
    const data = buildReport(input());
    assert.equal(data.maps.length, 1);
    assert.equal(data.maps[0]!.file, null);
    for (const c of data.claims) assert.ok(data.maps[0]!.dot.includes(`URL="#${c.anchor}"`), c.anchor);
    const small = buildReport(input({ mapNodeLimit: 2 }));
    assert.deepEqual(small.maps.map((m) => m.file), ['essay.md']);
  });

  it('extra sections come from REPORT_SECTIONS as plain data, escaped on the page (the threat-matrix hook)', () => {
    REPORT_SECTIONS.push((i) => ({ id: 'matrix', title: 'Threat coverage', intro: `${i.files.length} file <b>`, columns: ['Risk', 'Casual'], rows: [['<script>x</script>', 'covered']] }));
    try {
      const data = buildReport(input());
      assert.deepEqual(data.sections.map((s) => s.title), ['Evidence mix (1 source)', 'Threat coverage']);
      const html = renderReportHtml(data, { svgs: [] });
      assert.match(html, /<section id="x-matrix" aria-labelledby="x-matrix-h">\n<h2 id="x-matrix-h">Threat coverage<\/h2>\n<p>1 file &lt;b&gt;<\/p>/);
      assert.match(html, /<th scope="row">&lt;script&gt;x&lt;\/script&gt;<\/th><td>covered<\/td>/);
      assert.match(html, /<a href="#x-matrix">Threat coverage<\/a>/);
    } finally {
      REPORT_SECTIONS.pop();
    }
    assert.deepEqual(buildReport(input()).sections.map((s) => s.id), ['evidence-mix']);
  });

  it('gives each source its kind, each claim an evidence line, and the file an evidence-mix table (print, no script)', () => {
    const text = [
      'Untagged prose cites [the gazette](https://www.theguardian.com/silt).',
      '',
      '### Claim 1: Silt fell',
      '',
      'See [a preprint](https://arxiv.org/abs/2101.00001), [our notes](/notes/silt) and [our tally](/notes/tally).',
      '',
    ].join('\n');
    const { engine } = setup(text);
    const result = engine.lint(ESSAY, text);
    const data = buildReport(input({ graph: engine.graph(), files: [{ uri: ESSAY, name: 'essay.md', text, findings: result.findings }] }));
    const claim = data.claims[0]!;
    assert.deepEqual(claim.sources.map((s) => [s.type, s.where]), [['preprint', 'arxiv.org'], ['same-site', 'this site'], ['same-site', 'this site']]);
    assert.deepEqual(claim.sourceTypes, { preprint: 1, 'same-site': 2 });
    const mix = data.sections.find((s) => s.id === 'evidence-mix')!;
    assert.deepEqual(mix.columns, ['File', 'paper', 'preprint', 'official', 'news', 'blog', 'web', 'same site', 'note', 'Total']);
    assert.deepEqual(mix.rows, [['essay.md', '0', '1', '0', '1', '0', '0', '2', '0', '4']]);
    const html = renderReportHtml(data, { svgs: [] });
    assert.match(html, /<p class="evidence"><span class="src-kind">Evidence<\/span> 1 preprint \(arxiv\.org\) · 2 same site \(this site\)<\/p>/);
    assert.match(html, /<h2 id="x-evidence-mix-h">Evidence mix \(4 sources\)<\/h2>/);
  });
});
