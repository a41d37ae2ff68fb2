/**
 * GitHub Actions workflow commands, one per finding, which the runner turns into annotations
 * without any problem matcher:
 *
 * ```
 * ::warning file=essays/a.md,line=20,col=5,endLine=20,endColumn=42,title=unsupported-claim::Claim "…" has no citation …
 * ```
 *
 * `info` and `hint` become `::notice`. Paths are relative to the working folder (run Warrant from
 * the repository root). Values are escaped as the runner expects (`%`, CR, LF; and `:` `,` in
 * properties).
 */
import { relative, sep } from 'node:path';
import type { Formatter } from './types.js';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' } as const;

const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export const github: Formatter = (reports, { cwd }) => {
  let output = '';
  for (const report of reports) {
    const file = (relative(cwd, report.filePath) || report.filePath).split(sep).join('/');
    for (const f of report.findings) {
      const { start, end } = f.position;
      const props = [
        `file=${escapeProperty(file)}`,
        `line=${start.line + 1}`,
        `col=${start.character + 1}`,
        `endLine=${end.line + 1}`,
        `endColumn=${end.character + 1}`,
        `title=${escapeProperty(f.ruleId)}`,
      ].join(',');
      output += `::${COMMAND[f.severity]} ${props}::${escapeData(f.message)}\n`;
    }
  }
  return output;
};
