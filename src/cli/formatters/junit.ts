/**
 * JUnit XML in the shape of ESLint's `junit` formatter: one `<testsuite>` per file, one
 * `<testcase>` per finding (named `warrant.<rule-id>`) with a `<failure>`; a clean file gets one
 * passing test case so that CI dashboards count it.
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

export const junit: Formatter = (reports, { cwd }) => {
  const out: string[] = ['<?xml version="1.0" encoding="utf-8"?>', '<testsuites>'];
  for (const report of reports) {
    const rel = relative(cwd, report.filePath) || report.filePath;
    const classname = rel.replace(/\.[^.\\/]+$/, '');
    const c = counts(report.findings);
    const tests = Math.max(1, report.findings.length);
    out.push(`<testsuite package="warrant" time="0" tests="${tests}" errors="${c.errors}" failures="${c.warnings + c.infos}" name="${xmlEscape(rel)}">`);
    if (report.findings.length === 0) {
      out.push(`<testcase time="0" name="${xmlEscape(rel)}" classname="${xmlEscape(classname)}" />`);
    }
    for (const f of report.findings) {
      const line = f.position.start.line + 1;
      const col = f.position.start.character + 1;
      const body = `line ${line}, col ${col}, ${TYPE[f.severity]} - ${f.message} (${f.ruleId})`;
      const tag = f.severity === 'error' ? 'error' : 'failure';
      out.push(`<testcase time="0" name="warrant.${xmlEscape(f.ruleId)}" classname="${xmlEscape(classname)}">`);
      out.push(`<${tag} type="${f.severity}" message="${xmlEscape(f.message)}">${xmlEscape(body)}</${tag}>`);
      out.push('</testcase>');
    }
    out.push('</testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
};
