/**
 * Findings → LSP diagnostics: source `warrant`, code = rule id with a link to its docs, the exact
 * range core computed, related information for the sources and defenses involved.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { SEVERITY_RANK, type Finding, type Severity } from '../core/findings.js';
import type { RuleMeta } from './types.js';

const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Data attached to every diagnostic, read back by the code actions. */
export interface DiagnosticData {
  readonly ruleId: string;
  readonly start: number;
  readonly end: number;
  readonly finding?: Readonly<Record<string, unknown>>;
}

export function toDiagnostic(f: Finding, rules: ReadonlyMap<string, RuleMeta>, severity: Severity = f.severity): Diagnostic {
  const docsUrl = rules.get(f.ruleId)?.docsUrl;
  const data: DiagnosticData = { ruleId: f.ruleId, start: f.range.start, end: f.range.end, ...(f.data ? { finding: f.data } : {}) };
  const d: Diagnostic = {
    range: { start: { ...f.position.start }, end: { ...f.position.end } },
    severity: SEVERITY[severity],
    source: 'warrant',
    code: f.ruleId,
    message: f.message,
    data,
  };
  if (docsUrl) d.codeDescription = { href: docsUrl };
  if (f.related.length > 0) {
    d.relatedInformation = f.related.map((r) => ({
      location: { uri: r.uri, range: { start: { ...r.range.start }, end: { ...r.range.end } } },
      message: r.message,
    }));
  }
  return d;
}

/** Apply `warrant.severityOverrides` (editor-only, after `.warrant.yaml`); `off` drops the finding. */
export function toDiagnostics(
  findings: readonly Finding[],
  rules: ReadonlyMap<string, RuleMeta>,
  overrides: Readonly<Record<string, string>> = {},
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of findings) {
    const o = normaliseSeverity(overrides[f.ruleId]);
    if (o === 'off') continue;
    const severity = o ?? f.severity;
    // An override changes the rule's level, not a finding's cap (an inferred value stays at most info).
    out.push(toDiagnostic(f, rules, f.maxSeverity && SEVERITY_RANK[f.maxSeverity] < SEVERITY_RANK[severity] ? f.maxSeverity : severity));
  }
  return out;
}

function normaliseSeverity(s: string | undefined): Severity | 'off' | undefined {
  switch (s) {
    case undefined:
      return undefined;
    case 'warn':
      return 'warning';
    case 'information':
      return 'info';
    case 'off':
    case 'hint':
    case 'info':
    case 'warning':
    case 'error':
      return s;
    default:
      return undefined;
  }
}

/**
 * Findings that appear and vanish while a citation is still being typed: the claim is unsupported
 * until `[@smith2020]` is complete, and `[@smi]` is an unknown key on the way there. Structural
 * findings (`duplicate-id`, `dangling-reference`, config problems) are never hidden.
 */
export const FOCUS_RULES: ReadonlySet<string> = new Set(['unsupported-claim', 'uncited-assertion', 'unsourced-evidence', 'unknown-citation-key']);

/**
 * Focus mode (CONVENTIONS §15): drop the `FOCUS_RULES` diagnostics whose range touches one of
 * `editedLines` (0-based; the lines of the latest edit). For `### Claim 3: Painted lines [@oka`
 * being typed on line 12, `hideWhileEditing(diagnostics, [12])` drops that heading's
 * `unsupported-claim` and keeps everything on other lines.
 */
export function hideWhileEditing(diagnostics: readonly Diagnostic[], editedLines: readonly number[]): Diagnostic[] {
  if (editedLines.length === 0) return [...diagnostics];
  return diagnostics.filter((d) => {
    if (!FOCUS_RULES.has(String(d.code))) return true;
    const { start, end } = d.range;
    // a range that stops at the start of a line does not touch that line
    const last = end.character === 0 && end.line > start.line ? end.line - 1 : end.line;
    return !editedLines.some((line) => line >= start.line && line <= last);
  });
}
