import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ajvModule from 'ajv';
import ajvFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { FIXTURES, warrant } from './helpers.js';
import { stylish } from '../../src/cli/formatters/stylish.js';
import type { Finding } from '../../src/core/index.js';

// CommonJS packages: under NodeNext the default import is `module.exports`, whose `default` is the export.
const Ajv = ajvModule.default;
const addFormats = ajvFormats.default;

// Warnings, an error, an info (orphan-node) and a hint (orphan-node lowered) across files; hints
// are left out of lint's default output, so ask for them.
const ARGS = ['lint', 'warnings', 'errors', 'links', '--rule', 'circular-support:hint', '--min-severity', 'hint'];

/** The regular expression of `actions/setup-node`'s eslint-compact problem matcher. */
const ESLINT_COMPACT = /^(.+):\sline\s(\d+),\scol\s(\d+),\s(Error|Warning|Info)\s-\s(.+)\s\((.+)\)$/;

describe('formatters (built CLI on fixtures)', () => {
  it('compact: every finding line matches the eslint-compact matcher; summary as ESLint', () => {
    const r = warrant([...ARGS, '-f', 'compact']);
    assert.equal(r.status, 1, r.stderr);
    const lines = r.stdout.split('\n');
    const findings = lines.filter((l) => l && !/^\d+ problems?$/.test(l));
    assert.ok(findings.length >= 8);
    for (const line of findings) assert.match(line, ESLINT_COMPACT);
    assert.ok(findings.some((l) => l.includes(', Error - ')));
    assert.ok(findings.some((l) => l.includes(', Warning - ')));
    assert.ok(findings.some((l) => l.includes(', Info - ') && l.endsWith('(circular-support)')), 'hint prints as Info');
    const m = ESLINT_COMPACT.exec(findings.find((l) => l.includes('missing-footnote'))!)!;
    assert.equal(m[1], join(FIXTURES, 'errors', 'essay.md'));
    assert.deepEqual([m[2], m[3], m[4], m[6]], ['3', '54', 'Error', 'missing-footnote']);
    assert.ok(r.stdout.endsWith(`\n\n${findings.length} problems\n`));
  });

  it('compact prints nothing for a clean run', () => {
    const r = warrant(['lint', 'clean', '-f', 'compact']);
    assert.equal(r.status, 0);
    assert.equal(r.stdout, '');
  });

  it('sarif validates against the SARIF 2.1.0 schema, with rule descriptors and help URIs', () => {
    const r = warrant([...ARGS, '-f', 'sarif']);
    const log = JSON.parse(r.stdout);
    const raw = JSON.parse(readFileSync(join(FIXTURES, 'sarif', 'sarif-schema-2.1.0.json'), 'utf8'));
    // The fixture is draft-04 (`id`); Ajv 8 reads it as draft-07 once the id is `$id`. Its `language`
    // pattern is not valid with the `u` flag, hence `unicodeRegExp: false`.
    const { id, $schema: _draft, ...rest } = raw;
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    addFormats(ajv);
    const valid = ajv.validate({ ...rest, $id: id }, log);
    assert.equal(valid, true, JSON.stringify(ajv.errors?.slice(0, 5), null, 2));
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, 'warrant');
    const rule = run.tool.driver.rules.find((d: { id: string }) => d.id === 'unsupported-claim');
    assert.equal(rule.helpUri, 'https://github.com/warrant-dev/warrant/blob/main/docs/rules/unsupported-claim.md');
    const footnote = run.results.find((x: { ruleId: string }) => x.ruleId === 'missing-footnote');
    assert.equal(footnote.level, 'error');
    assert.equal(run.tool.driver.rules[footnote.ruleIndex].id, 'missing-footnote');
    assert.deepEqual(footnote.locations[0].physicalLocation, {
      artifactLocation: { uri: 'errors/essay.md', uriBaseId: '%SRCROOT%' },
      region: { startLine: 3, startColumn: 54, endLine: 3, endColumn: 58 },
    });
    assert.ok(run.results.some((x: { level: string }) => x.level === 'note'));
  });

  it('junit parses as XML, one testsuite per file', () => {
    const r = warrant([...ARGS, 'clean', '-f', 'junit']);
    assert.equal(XMLValidator.validate(r.stdout), true);
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['testsuite', 'testcase'].includes(name) }).parse(r.stdout);
    const suites = doc.testsuites.testsuite as { '@_name': string; testcase: unknown[] }[];
    assert.ok(suites.some((s) => s['@_name'] === 'errors/essay.md'));
    const clean = suites.find((s) => s['@_name'] === 'clean/essay.md')!;
    assert.equal(clean.testcase.length, 1);
    const errors = suites.find((s) => s['@_name'] === 'errors/essay.md') as unknown as { testcase: { error?: unknown; failure?: unknown }[] };
    assert.ok(errors.testcase.some((t) => t.error));
  });

  it('github: workflow commands with file, line, col, endLine, endColumn and title', () => {
    const r = warrant([...ARGS, '-f', 'github']);
    const lines = r.stdout.trimEnd().split('\n');
    for (const line of lines) assert.match(line, /^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::.+$/);
    assert.ok(lines.includes('::error file=errors/essay.md,line=3,col=54,endLine=3,endColumn=58,title=missing-footnote::Footnote `[^9]` has no definition%3A add a `[^9]%3A …` line with its source') === false, 'data is not property-escaped');
    assert.ok(lines.some((l) => l.startsWith('::error file=errors/essay.md,line=3,col=54,endLine=3,endColumn=58,title=missing-footnote::Footnote `[^9]` has no definition: ')));
    assert.ok(lines.some((l) => l.startsWith('::notice ')));
  });

  it('gnu: file:line:col: severity: message [rule-id]', () => {
    const r = warrant([...ARGS, '-f', 'gnu']);
    const lines = r.stdout.trimEnd().split('\n');
    for (const line of lines) assert.match(line, /^[^:]+:\d+:\d+: (error|warning|note): .+ \[[a-z-]+\]$/);
    assert.ok(lines.includes('errors/essay.md:3:54: error: Footnote `[^9]` has no definition: add a `[^9]: …` line with its source [missing-footnote]'));
  });

  it('json: ESLint shape with counts', () => {
    const r = warrant([...ARGS, '-f', 'json']);
    const out = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string; severity: number; line: number; column: number; endLine: number; endColumn: number }[]; errorCount: number; warningCount: number }[];
    const errors = out.find((f) => f.filePath === join(FIXTURES, 'errors', 'essay.md'))!;
    assert.equal(errors.errorCount, 1);
    assert.equal(errors.warningCount, 1);
    assert.deepEqual(
      errors.messages.find((m) => m.ruleId === 'missing-footnote'),
      { ruleId: 'missing-footnote', severity: 2, severityName: 'error', message: errors.messages.find((m) => m.ruleId === 'missing-footnote')!['message' as never], line: 3, column: 54, endLine: 3, endColumn: 58 },
    );
  });

  it('stylish: the file, then line:col severity message rule, then the summary', () => {
    const r = warrant(['lint', 'errors', '--no-color']);
    assert.match(r.stdout, /errors\/essay\.md\n {2}3:1 +warning {2}Claim .+ +unsupported-claim\n {2}3:54 {2}error {4}Footnote .+missing-footnote\n\n✖ 2 problems \(1 error, 1 warning\)\n$/);
  });

  it('-o writes the report to a file for every format, and nothing to stdout', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'warrant-o-'));
    try {
      for (const format of ['stylish', 'compact', 'json', 'sarif', 'github', 'junit', 'gnu']) {
        const file = join(dir, `report.${format}`);
        const r = warrant([...ARGS, '-f', format, '-o', file]);
        assert.equal(r.stdout, '', format);
        assert.equal(r.status, 1, format);
        const direct = warrant([...ARGS, '-f', format]);
        assert.equal(readFileSync(file, 'utf8'), direct.stdout, format);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('stylish: line width (issue #22)', () => {
  /** `actions/setup-node`'s eslint-stylish matcher, the line pattern. */
  const ESLINT_STYLISH = /^\s+(\d+):(\d+)\s+(error|warning|info)\s+(.*)\s\s+(.*)$/;
  const finding = (line: number, message: string, ruleId: string): Finding => ({
    ruleId,
    severity: 'warning',
    message,
    uri: 'file:///ws/essay.md',
    range: { start: 0, end: 1 },
    position: { start: { line, character: 0 }, end: { line, character: 1 } },
    related: [],
  });

  it('does not pad every line to the longest message: short lines stay short, and every line still matches eslint-stylish', () => {
    const long = `Claim "${'x'.repeat(150)}" has no citation and no linked defense or evidence: cite a source or link a defense`;
    const out = stylish([{ filePath: '/ws/essay.md', findings: [finding(0, 'Footnote [^9] has no definition: add one', 'missing-footnote'), finding(1, long, 'unsupported-claim'), finding(2, 'Objection "Cost" has no reply: answer it', 'unanswered-objection')] }], { cwd: '/ws', color: false, rules: [] });
    const lines = out.split('\n').filter((l) => /^\s+\d+:\d+/.test(l));
    assert.equal(lines.length, 3);
    for (const l of lines) assert.match(l, ESLINT_STYLISH);
    assert.deepEqual(lines.map((l) => ESLINT_STYLISH.exec(l)![5]), ['missing-footnote', 'unsupported-claim', 'unanswered-objection']);
    assert.equal(ESLINT_STYLISH.exec(lines[1]!)![4]!.trim(), long);
    // The short messages are aligned with each other, not with the 260-character one.
    assert.ok(lines[0]!.length < 100, lines[0]);
    assert.equal(lines[0]!.indexOf('missing-footnote'), lines[2]!.indexOf('unanswered-objection'));
  });
});
