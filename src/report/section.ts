/**
 * What a report section is and what every part of the report is built from: plain types, shared by
 * `data.ts` (which builds the report and lists the sections) and each section provider
 * (`matrix.ts`), so that a provider never imports the builder that lists it.
 */
import type { ArgumentGraph, Directive, Finding, RuleMeta } from '../core/index.js';

/**
 * A section fed by plain data: a title, a sentence and a table. The threat-coverage matrix of the
 * AI-risk preset (`matrix.ts`) is one; another section is one more `SectionProvider` in `REPORT_SECTIONS`.
 */
export interface ReportSection {
  readonly id: string;
  readonly title: string;
  readonly intro?: string;
  readonly columns: readonly string[];
  /** Cells are plain text; the page escapes them. */
  readonly rows: readonly (readonly string[])[];
}

export type SectionProvider = (input: ReportInput) => ReportSection | undefined;

export interface ReportFileInput {
  readonly uri: string;
  readonly name: string;
  /** The text as analysed, for excerpts; config files and unreadable files may have none. */
  readonly text?: string;
  /** The findings as the run reports them (after suppressions and severity filters). */
  readonly findings: readonly Finding[];
  /** Findings silenced by `warrant-disable` comments. */
  readonly suppressed?: readonly { readonly finding: Finding; readonly directive: Directive }[];
}

export interface ReportInput {
  readonly graph: ArgumentGraph;
  /** The files asked for, in order. A file the graph holds a model of gets its claims listed. */
  readonly files: readonly ReportFileInput[];
  readonly rules: readonly Pick<RuleMeta, 'id' | 'description'>[];
  readonly docsUrl: (ruleId: string) => string;
  readonly warrant: string;
  readonly generated: Date;
  /** How to name files outside the run that an edge reaches. */
  readonly name: (uri: string) => string;
  /** Above this many map nodes, one map per file instead of one for everything. */
  readonly mapNodeLimit?: number;
}
