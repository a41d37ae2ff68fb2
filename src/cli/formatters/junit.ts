/**
 * JUnit XML in the shape of ESLint's `junit` formatter: one `<testsuite>` per file, one
 * `<testcase>` per finding (named `warrant.<rule-id>`). Only what fails the run fails a test case:
 * an error is an `<error>`, a warning a `<failure>` when warnings fail the run (`--max-warnings`
 * exceeded, `--frail`); other warnings, info and hint findings are `<skipped>` test cases, shown
 * but never red. A file without failing findings also gets one passing test case.
 */
import { relative } from 'node:path';
import { counts, type Formatter } from './types.js';

const TYPE = { error: 'Error', warning: 'Warning', info: 'Info', hint: 'Hint' } as const;

function xmlEscape(s: string): string {
  // Characters XML 1.0 forbids are dropped; the five specials are escaped.
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export const junit: Formatter = (reports, { cwd, warningsFail = false }) => {
  const out: string[] = ['<?xml version="1.0" encoding="utf-8"?>', '<testsuites>'];
  for (const report of reports) {
    const rel = relative(cwd, report.filePath) || report.filePath;
    const classname = rel.replace(/\.[^.\\/]+$/, '');
    const c = counts(report.findings);
    const failures = warningsFail ? c.warnings : 0;
    const skipped = report.findings.length - c.errors - failures;
    const passing = c.errors + failures === 0;
    const tests = report.findings.length + (passing ? 1 : 0);
    out.push(`<testsuite package="warrant" time="0" tests="${tests}" errors="${c.errors}" failures="${failures}" skipped="${skipped}" name="${xmlEscape(rel)}">`);
    if (passing) {
      out.push(`<testcase time="0" name="${xmlEscape(rel)}" classname="${xmlEscape(classname)}" />`);
    }
    for (const f of report.findings) {
      const line = f.position.start.line + 1;
      const col = f.position.start.character + 1;
      const body = `line ${line}, col ${col}, ${TYPE[f.severity]} - ${f.message} (${f.ruleId})`;
      const tag = f.severity === 'error' ? 'error' : f.severity === 'warning' && warningsFail ? 'failure' : 'skipped';
      out.push(`<testcase time="0" name="warrant.${xmlEscape(f.ruleId)}" classname="${xmlEscape(classname)}">`);
      out.push(`<${tag} type="${f.severity}" message="${xmlEscape(f.message)}">${xmlEscape(body)}</${tag}>`);
      out.push('</testcase>');
    }
    out.push('</testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
};
