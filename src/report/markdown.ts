/**
 * The pull-request summary (`warrant lint -f markdown`, `warrant report -f markdown`): counts, a
 * table of findings per rule, and a table of unsupported claims with file:line links, at most
 * `maxRows` rows and "and K more". GitHub-flavoured Markdown for a PR comment or
 * `$GITHUB_STEP_SUMMARY`. Built from the findings alone, so it is the same from every run mode
 * (cache, workers) and needs no model. Document text is escaped so it cannot become markup.
 */
import type { Finding, RuleMeta } from '../core/index.js';

export interface MarkdownFile {
  /** As the run names it: relative to `cwd` when under it. */
  readonly name: string;
  readonly findings: readonly Finding[];
  /** The text, to quote the claim a finding underlines. */
  readonly source?: string;
}

export interface MarkdownOptions {
  readonly rules: readonly RuleMeta[];
  readonly docsUrl: (ruleId: string) => string;
  /** Rows of the claims table before "and K more". */
  readonly maxRows: number;
  /**
   * Where file links point: `https://github.com/o/r/blob/<sha>` in GitHub Actions (from
   * `GITHUB_SERVER_URL`, `GITHUB_REPOSITORY`, `GITHUB_SHA`), else links are relative paths.
   */
  readonly linkBase?: string;
}

export const DEFAULT_MAX_ROWS = 25;

/** Findings that mean "this claim is not backed": the table's rows. */
const UNSUPPORTED = new Set(['unsupported-claim', 'unmitigated-risk']);
const SEVERITIES = ['error', 'warning', 'info', 'hint'] as const;

export function markdownSummary(files: readonly MarkdownFile[], options: MarkdownOptions): string {
  const all = files.flatMap((f) => f.findings);
  const count = (s: string): number => all.filter((f) => f.severity === s).length;
  const out: string[] = ['## Warrant', ''];
  const fileWord = `${files.length} file${files.length === 1 ? '' : 's'}`;
  if (all.length === 0) {
    out.push(`No problems in ${fileWord}.`, '');
    return out.join('\n');
  }
  out.push(
    `**${all.length} problem${all.length === 1 ? '' : 's'}** in ${fileWord}: ${SEVERITIES.map((s) => `${count(s)} ${s}${count(s) === 1 || s === 'info' ? '' : 's'}`).join(', ')}.`,
    '',
  );

  const ruleIds = [...new Set(all.map((f) => f.ruleId))].sort();
  out.push('| Rule | Severity | Count |', '| --- | --- | ---: |');
  for (const id of ruleIds) {
    const of = all.filter((f) => f.ruleId === id);
    const severities = SEVERITIES.filter((s) => of.some((f) => f.severity === s)).join(', ');
    const known = options.rules.some((r) => r.id === id);
    const name = known ? `[${cell(id)}](${options.docsUrl(id)})` : cell(id);
    out.push(`| ${name} | ${severities} | ${of.length} |`);
  }
  out.push('');

  const rows = files.flatMap((f) => f.findings.filter((x) => UNSUPPORTED.has(x.ruleId)).map((x) => ({ file: f, finding: x })));
  out.push(`### Unsupported claims (${rows.length})`, '');
  if (rows.length === 0) {
    out.push('Every claim and risk is backed by a source or a linked defense.', '');
    return out.join('\n');
  }
  out.push('| Where | Claim | Finding |', '| --- | --- | --- |');
  const max = Math.max(0, options.maxRows);
  for (const { file, finding } of rows.slice(0, max)) {
    const line = finding.position.start.line + 1;
    const label = `${file.name}:${line}`;
    const claim = file.source ? file.source.slice(finding.range.start, finding.range.end) : '';
    out.push(`| [${cell(label)}](${fileLink(file.name, line, options.linkBase)}) | ${cell(shorten(claim, 120))} | ${cell(finding.message)} |`);
  }
  if (rows.length > max) out.push('', `_and ${rows.length - max} more_`);
  out.push('');
  return out.join('\n');
}

/** `essays/a b.md`, 12 → `essays/a%20b.md#L12`, under `base` when given. */
function fileLink(name: string, line: number, base: string | undefined): string {
  const path = name
    .split(/[\\/]/)
    .map((part) => encodeURIComponent(part).replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29')))
    .join('/');
  const target = `${path}#L${line}`;
  return base ? `${base.replace(/\/+$/, '')}/${target}` : target;
}

/**
 * Text for a table cell: one line, and every character that could start Markdown or HTML
 * (links, emphasis, code, tags, entities, the cell separator) backslash-escaped, so a claim
 * written as `[x](javascript:…)` or `<img onerror>` stays text.
 */
export function cell(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_{}[\]()<>#+!|~&]/g, (c) => `\\${c}`)
    .trim();
}

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}
