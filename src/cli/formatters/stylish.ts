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

/** The widest message column stylish pads to (a terminal of 100 columns fits the whole line). */
const MESSAGE_COLUMN = 72;

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
    const width = [0, 1].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
    // Messages are aligned up to MESSAGE_COLUMN characters; a longer one is not padded and does not
    // push every other line out to its width (ESLint's messages are short; ours can run to 200+).
    // Each finding stays on one line, so the eslint-stylish problem matcher still reads it.
    width[2] = Math.max(0, ...rows.map((r) => r[2]!.length).filter((n) => n <= MESSAGE_COLUMN));
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
