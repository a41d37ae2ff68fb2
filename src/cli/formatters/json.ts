/**
 * ESLint's JSON shape: `[{ filePath, messages: [{ ruleId, severity, message, line, column,
 * endLine, endColumn }], errorCount, warningCount, … }]`. Severity is ESLint's number (2 error,
 * 1 warning, 0 info/hint); `severityName` keeps Warrant's four levels; `uncited-assertion` messages
 * add `confidence`, the detector's probability (0–1).
 */
import { oneBasedSpan } from '../../core/index.js';
import { counts, eslintSeverity, type Formatter } from './types.js';

export const json: Formatter = (reports) => {
  const out = reports.map((r) => {
    const c = counts(r.findings);
    return {
      filePath: r.filePath,
      messages: r.findings.map((f) => ({
        ruleId: f.ruleId,
        severity: eslintSeverity(f),
        severityName: f.severity,
        message: f.message,
        ...oneBasedSpan(f),
        // `uncited-assertion`: the detector's probability that the sentence needs a source
        ...(typeof f.data?.['confidence'] === 'number' ? { confidence: f.data['confidence'] } : {}),
      })),
      errorCount: c.errors,
      warningCount: c.warnings,
      infoCount: c.infos,
      fatalErrorCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
    };
  });
  return JSON.stringify(out) + '\n';
};
