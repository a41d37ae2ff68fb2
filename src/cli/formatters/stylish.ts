/**
 * ESLint's stylish layout, so that `actions/setup-node`'s `eslint-stylish` problem matcher reads it:
 *
 * ```
 * /abs/essay.md
 *   20:5  warning  Claim "…" has no citation …  unsupported-claim
 *
 * ✖ 1 problem (0 errors, 1 warning)
 * ```
 */
import { counts, type Formatter } from './types.js';

/**
 * Messages are padded to the longest one, up to this many columns: past it a longer message is
 * not padded for, or one long message would make every row of a large file that long (a table
 * growing with the number of rows times the longest message).
 */
const MAX_MESSAGE_PAD = 100;

const paint = (on: boolean, code: string, s: string): string => (on ? `\u001b[${code}m${s}\u001b[0m` : s);

export const stylish: Formatter = (reports, { color }) => {
  const out: string[] = [];
  const all = reports.flatMap((r) => r.findings);
  for (const report of reports) {
    if (report.findings.length === 0) continue;
    out.push(paint(color, '4', report.filePath));
    const rows = report.findings.map((f) => [
      `${f.position.start.line + 1}:${f.position.start.character + 1}`,
      f.severity,
      f.message.replace(/\s+/g, ' '),
      f.ruleId,
    ]);
    const width = [0, 1, 2].map((i) => rows.reduce((w, r) => Math.max(w, r[i]!.length), 0));
    width[2] = Math.min(width[2]!, MAX_MESSAGE_PAD);
    for (const [pos, sev, msg, rule] of rows) {
      const sevText = paint(color, sev === 'error' ? '31' : sev === 'warning' ? '33' : '36', sev!.padEnd(width[1]!));
      out.push(`  ${paint(color, '2', pos!.padEnd(width[0]!))}  ${sevText}  ${msg!.padEnd(width[2]!)}  ${paint(color, '2', rule!)}`);
    }
    out.push('');
  }
  if (all.length === 0) return '';
  const c = counts(all);
  const total = c.errors + c.warnings + c.infos;
  const parts = [`${c.errors} error${c.errors === 1 ? '' : 's'}`, `${c.warnings} warning${c.warnings === 1 ? '' : 's'}`];
  if (c.infos) parts.push(`${c.infos} info`);
  const summary = `\u2716 ${total} problem${total === 1 ? '' : 's'} (${parts.join(', ')})`;
  out.push(paint(color, c.errors ? '1;31' : c.warnings ? '1;33' : '1;36', summary));
  return out.join('\n') + '\n';
};
