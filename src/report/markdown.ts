/**
 * The pull-request summary (`warrant lint -f markdown`, `warrant report -f markdown`): counts, a
 * table of findings per rule, then a table of unsupported claims and one of unmitigated risks
 * with file:line links, each at most `maxRows` rows and "and K more", and the count of heuristic
 * findings (never "everything is backed" while they stand). GitHub-flavoured Markdown for a PR comment or
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

/** The detector's findings: hints about untagged sentences, not verdicts on tagged claims. */
const HEURISTIC = new Set(['uncited-assertion']);
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

  // Claims and risks apart: "unsupported" and "unmitigated" are different verdicts on different things.
  const rowsOf = (ruleId: string): { file: MarkdownFile; finding: Finding }[] =>
    files.flatMap((f) => f.findings.filter((x) => x.ruleId === ruleId).map((x) => ({ file: f, finding: x })));
  const claims = rowsOf('unsupported-claim');
  const risks = rowsOf('unmitigated-risk');
  const heuristic = all.filter((f) => HEURISTIC.has(f.ruleId)).length;
  const hint = heuristic ? `${heuristic} sentence${heuristic === 1 ? '' : 's'} may need a source (\`uncited-assertion\`, a heuristic).` : '';
  if (claims.length === 0 && risks.length === 0) {
    out.push(['No tagged claim or risk is unsupported.', hint].filter(Boolean).join(' '), '');
    return out.join('\n');
  }
  const table = (title: string, column: string, rows: readonly { file: MarkdownFile; finding: Finding }[]): void => {
    if (rows.length === 0) return;
    out.push(`### ${title} (${rows.length})`, '', `| Where | ${column} | Finding |`, '| --- | --- | --- |');
    const max = Math.max(0, options.maxRows);
    for (const { file, finding } of rows.slice(0, max)) {
      const line = finding.position.start.line + 1;
      const label = `${file.name}:${line}`;
      const quoted = file.source ? plainText(file.source.slice(finding.range.start, finding.range.end)) : '';
      out.push(`| [${cell(label)}](${fileLink(file.name, line, options.linkBase)}) | ${cell(shorten(quoted, 120))} | ${cell(finding.message)} |`);
    }
    if (rows.length > max) out.push('', `_and ${rows.length - max} more_`);
    out.push('');
  };
  table('Unsupported claims', 'Claim', claims);
  table('Unmitigated risks', 'Risk', risks);
  if (hint) out.push(hint, '');
  return out.join('\n');
}

/**
 * What a reader sees of a span of Markdown, for quoting a label in a table: no heading or list
 * markers, emphasis, code ticks, comments, or link and image syntax (their text stays).
 * `### **Claim 3:** it [holds](u)` → `Claim 3: it holds`.
 */
export function plainText(markdown: string): string {
  return markdown
    .replace(/<!--[\s\S]*?(-->|$)/g, ' ')
    .replace(/!?\[([^\]]*)\]\((?:[^()]|\([^()]*\))*\)/g, '$1')
    .replace(/!?\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/^\s*(#{1,6}\s+|[-+*]\s+|\d+[.)]\s+|>\s*)+/gm, '')
    .replace(/\*+|~~|`+/g, '')
    .replace(/(^|[^\p{L}\p{N}])_+|_+(?=[^\p{L}\p{N}]|$)/gu, '$1')
    .replace(/\s+/g, ' ')
    .trim();
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
