import type { Finding, RuleMeta } from '../../core/index.js';

/** One linted file, as formatters see it. */
export interface FileReport {
  /** Absolute path (or `<stdin>` name). */
  readonly filePath: string;
  readonly findings: readonly Finding[];
  /** The text, for formatters that quote it. */
  readonly source?: string;
}

export interface FormatContext {
  readonly cwd: string;
  readonly color: boolean;
  readonly rules: readonly RuleMeta[];
  /** Warnings fail this run (more than `--max-warnings`, or `--frail`); errors always do. */
  readonly warningsFail?: boolean;
  /** `-f markdown`: rows of the unsupported-claims table before "and K more" (`--max-rows`). */
  readonly maxRows?: number;
  /** `-f markdown`: base URL for file links (GitHub Actions' blob URL of the commit). */
  readonly linkBase?: string;
}

export type Formatter = (reports: readonly FileReport[], context: FormatContext) => string;

export function counts(findings: readonly Finding[]): { errors: number; warnings: number; infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}

/** ESLint's numeric severity: 2 error, 1 warning; info and hint are 0 (they never fail a run). */
export function eslintSeverity(f: Finding): 0 | 1 | 2 {
  return f.severity === 'error' ? 2 : f.severity === 'warning' ? 1 : 0;
}
