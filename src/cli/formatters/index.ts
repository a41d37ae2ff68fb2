/**
 * The built-in formatters, by the name `-f/--format` takes. Text from documents never reaches the
 * terminal raw: text formats see reports whose messages and paths have their control characters
 * made visible, and JSON formats escape the controls `JSON.stringify` leaves raw.
 */
import { escapeJsonControls, visibleControls } from '../../core/index.js';
import type { FileReport, Formatter } from './types.js';
import { stylish } from './stylish.js';
import { json } from './json.js';
import { compact } from './compact.js';
import { sarif } from './sarif.js';
import { github } from './github.js';
import { junit } from './junit.js';
import { gnu } from './gnu.js';
import { markdown } from './markdown.js';

function visibleReports(reports: readonly FileReport[]): FileReport[] {
  return reports.map((r) => ({
    ...r,
    filePath: visibleControls(r.filePath),
    findings: r.findings.map((f) => ({
      ...f,
      ruleId: visibleControls(f.ruleId),
      message: visibleControls(f.message),
      related: f.related.map((x) => ({ ...x, message: visibleControls(x.message) })),
    })),
  }));
}

const textFormat = (formatter: Formatter): Formatter => (reports, context) => formatter(visibleReports(reports), context);
const jsonFormat = (formatter: Formatter): Formatter => (reports, context) => escapeJsonControls(formatter(reports, context));

export const FORMATTERS: Readonly<Record<string, Formatter>> = {
  stylish: textFormat(stylish),
  compact: textFormat(compact),
  json: jsonFormat(json),
  sarif: jsonFormat(sarif),
  github: textFormat(github),
  junit: textFormat(junit),
  gnu: textFormat(gnu),
  markdown: textFormat(markdown),
};

/** The formats whose output is JSON: `emit` escapes their controls as `\u`, not `\xHH`. */
export const JSON_FORMATS: ReadonlySet<string> = new Set(['json', 'sarif']);

export type { Formatter, FileReport, FormatContext } from './types.js';
