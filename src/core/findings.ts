/**
 * Findings: what rules report. Core produces them with offsets and 0-based positions; the CLI
 * prints `line + 1:character + 1`, the server hands positions to LSP unchanged.
 */
import type { OffsetRange, PositionRange } from './text/lineIndex.js';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
/** A configured severity; `off` disables the rule. */
export type SeverityOrOff = Severity | 'off';

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 4, warning: 3, info: 2, hint: 1 };

export interface RelatedInformation {
  readonly uri: string;
  readonly range: PositionRange;
  readonly message: string;
}

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  /** remark-lint grammar: what is wrong, then what to do; no trailing period. */
  readonly message: string;
  readonly uri: string;
  readonly range: OffsetRange;
  readonly position: PositionRange;
  readonly related: readonly RelatedInformation[];
  /** Rule-specific data for quick fixes (JSON-serialisable). */
  readonly data?: Readonly<Record<string, unknown>>;
  /** The most the finding may weigh, whatever severity is configured (editor overrides included): see `Report.maxSeverity`. */
  readonly maxSeverity?: Severity;
}

/** Stable order: by position, then rule id, then message. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0) ||
    a.range.start - b.range.start ||
    a.range.end - b.range.end ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

/** A finding's span as editors and ESLint's JSON count: lines and columns from 1, end inclusive of its column. */
export function oneBasedSpan(f: Finding): { line: number; column: number; endLine: number; endColumn: number } {
  const { start, end } = f.position;
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}
