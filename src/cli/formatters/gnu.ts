/**
 * The GNU error format that Emacs' compilation mode, Vim's default `errorformat` and most editors
 * read: `essay.md:20:5: warning: Claim "…" has no citation … [unsupported-claim]`. Paths are
 * relative to the working folder; `info` and `hint` print as `note`, as GCC does.
 */
import { relative } from 'node:path';
import type { Formatter } from './types.js';

const WORD = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

export const gnu: Formatter = (reports, { cwd }) => {
  let output = '';
  for (const report of reports) {
    const file = relative(cwd, report.filePath) || report.filePath;
    for (const f of report.findings) {
      const message = f.message.replace(/\s*\r?\n\s*/g, ' ');
      output += `${file}:${f.position.start.line + 1}:${f.position.start.character + 1}: ${WORD[f.severity]}: ${message} [${f.ruleId}]\n`;
    }
  }
  return output;
};
