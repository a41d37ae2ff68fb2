/**
 * ESLint's `compact` formatter, byte for byte, so that `actions/setup-node`'s `eslint-compact`
 * problem matcher (`^(.+):\sline\s(\d+),\scol\s(\d+),\s(Error|Warning|Info)\s-\s(.+)\s\((.+)\)$`)
 * annotates it:
 *
 * ```
 * /abs/essay.md: line 20, col 5, Warning - Claim "…" has no citation … (unsupported-claim)
 *
 * 1 problem
 * ```
 *
 * ESLint only has Error and Warning. Warrant's `info` and `hint` both print as `Info`, the third
 * word the matcher accepts (hide them with `--quiet` or `--min-severity warning`).
 */
import type { Formatter } from './types.js';

const TYPE = { error: 'Error', warning: 'Warning', info: 'Info', hint: 'Info' } as const;

export const compact: Formatter = (reports) => {
  let output = '';
  let total = 0;
  for (const report of reports) {
    for (const f of report.findings) {
      total++;
      const message = f.message.replace(/\s*\r?\n\s*/g, ' ');
      output += `${report.filePath}: line ${f.position.start.line + 1}, col ${f.position.start.character + 1}, ${TYPE[f.severity]} - ${message} (${f.ruleId})\n`;
    }
  }
  if (total > 0) output += `\n${total} problem${total !== 1 ? 's' : ''}\n`;
  return output;
};
