/**
 * `warrant matrix`: the threat-coverage matrix of the files (core's `threatMatrix`), as an aligned
 * table, a GitHub Markdown table, CSV or JSON; `--by adversary|domain` folds it by a risk
 * attribute. Inferred values are marked (`skilled?` in tables, a `…_inferred` column in CSV, an
 * `inferred` map in JSON).
 */
import { relative, sep } from 'node:path';
import { summarizeMatrix, threatMatrix, type MatrixSummary, type ThreatMatrix } from '../core/export/matrix.js';
import { toPath } from '../node/fsWorkspace.js';
import { visibleControls } from '../core/text/controls.js';
import type { SessionResult } from './session.js';

export const MATRIX_FORMATS = ['table', 'markdown', 'csv', 'json'] as const;
export type MatrixFormat = (typeof MATRIX_FORMATS)[number];
export const MATRIX_BY = ['adversary', 'domain'] as const;
export type MatrixBy = (typeof MATRIX_BY)[number];

const RATINGS = ['adversary', 'harm', 'severity', 'domain'] as const;

export function matrixCommand(result: SessionResult, format: MatrixFormat, by: MatrixBy | undefined, cwd: string): string {
  const name = (uri: string): string => {
    const path = toPath(uri);
    if (!path) return uri;
    const rel = relative(cwd, path);
    return (rel && !rel.startsWith('..') ? rel : path).split(sep).join('/');
  };
  const models = result.files.map((f) => f.result.model);
  const matrix = threatMatrix(result.engine.graph(), models, name);
  if (by) {
    const summary = summarizeMatrix(matrix, by, models[0]?.config.attributes[by]?.values);
    return format === 'json' ? JSON.stringify(summary, null, 2) + '\n' : renderSummary(summary, format);
  }
  return format === 'json' ? JSON.stringify(matrix, null, 2) + '\n' : renderMatrix(matrix, format);
}

type Cell = { text: string; inferred?: string };

function renderMatrix(m: ThreatMatrix, format: Exclude<MatrixFormat, 'json'>): string {
  if (m.risks.length === 0) return format === 'csv' ? csv([matrixHeader(m, true)]) : 'No risks found.\n';
  const byRef = new Map(m.defenses.map((d) => [d.ref, d]));
  // An anonymous defense is named by its line (`L47`), with its file when that is not the risk's.
  const short = (ref: string, file: string): string => {
    const d = byRef.get(ref);
    return d && d.id === null ? (d.file === file ? `L${d.line}` : `${d.file}:L${d.line}`) : ref;
  };
  const rows = m.risks.map((r) => {
    const ratings: Cell[] = RATINGS.map((k) => ({ text: r[k] ?? '', ...(r.inferred[k] !== undefined ? { inferred: r.inferred[k] } : {}) }));
    const layers: Cell[] = m.layers.map((l) => ({ text: (r.defenses[l] ?? []).map((ref) => (format === 'csv' ? ref : short(ref, r.file))).join(' ') }));
    return { location: `${r.file}:${r.line}`, id: r.id ?? '', text: r.text, ratings, layers, onlyModel: r.onlyModel };
  });
  if (format === 'csv') {
    const header = matrixHeader(m, true);
    return csv([header, ...rows.map((r) => [r.location, r.id, r.text, ...r.ratings.flatMap((c) => [c.text, c.inferred ?? '']), ...r.layers.map((c) => c.text), r.onlyModel ? 'yes' : ''])]);
  }
  const mark = (c: Cell): string => (c.inferred !== undefined ? `${c.text}?` : c.text) || '—';
  const body = rows.map((r) => [r.location, r.id || truncate(r.text, 30), ...r.ratings.map(mark), ...r.layers.map((c) => c.text || '—'), r.onlyModel ? '⚠ model only' : '']);
  const header = matrixHeader(m, false);
  const legend = '? = inferred from the text (the cue is in -f json); ⚠ model only = a skilled or well-resourced adversary met by model alignment alone';
  return (format === 'markdown' ? markdownTable(header, body) : alignedTable(header, body)) + `\n${format === 'markdown' ? `*${legend}*` : legend}\n`;
}

function matrixHeader(m: ThreatMatrix, csvForm: boolean): string[] {
  return csvForm
    ? ['location', 'id', 'text', ...RATINGS.flatMap((k) => [k, `${k}_inferred`]), ...m.layers, 'model_only']
    : ['risk', 'id', ...RATINGS, ...m.layers, ''];
}

function renderSummary(s: MatrixSummary, format: Exclude<MatrixFormat, 'json'>): string {
  const header = [s.by, 'risks', ...s.layers.map((l) => `${l} defenses`), ''];
  const strong = new Set(['skilled', 'well-resourced']);
  const mark = (r: MatrixSummary['rows'][number]): string => (!r.onlyModel ? '' : s.by === 'adversary' && strong.has(r.value) ? '⚠ only the model layer holds' : 'only the model layer holds');
  const body = s.rows.map((r) => [r.value, String(r.risks), ...s.layers.map((l) => String(r.defenses[l] ?? 0)), mark(r)]);
  if (format === 'csv') return csv([[s.by, 'risks', ...s.layers, 'model_only'], ...body.map((r) => [...r.slice(0, -1), r[r.length - 1] ? 'yes' : ''])]);
  return format === 'markdown' ? markdownTable(header, body) : alignedTable(header, body);
}

// Risk text and ids are the documents': their control characters are made visible in each cell
// (before widths are counted); JSON is escaped by the CLI's output layer (`emit` in main.ts).

function alignedTable(header: string[], rawRows: string[][]): string {
  const rows = rawRows.map((r) => r.map(visibleControls));
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => [...r[i]!].length)));
  return all.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat(widths[i]! - [...c].length))).join('  ').trimEnd()).join('\n') + '\n';
}

function markdownTable(header: string[], rows: string[][]): string {
  const cell = (s: string): string => visibleControls(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const line = (r: string[]): string => `| ${r.map(cell).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n') + '\n';
}

function csv(rows: string[][]): string {
  const field = (raw: string): string => {
    const s = visibleControls(raw);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

function truncate(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}
