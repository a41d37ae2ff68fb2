/**
 * `warrant/report`: the report data for one document or the workspace, from the documents the
 * server already analysed (the same findings the editor shows, after `warrant.severityOverrides`)
 * and core's graph, through `src/report/data.ts` exactly as `warrant report` builds it.
 */
import { docsUrl } from '../core/rule.js';
import type { Finding } from '../core/findings.js';
import { buildReport, type ReportData, type ReportFileInput } from '../report/data.js';
import { displayName } from './argumentMap.js';
import type { ReportParams } from './protocol.js';
import type { ServiceContext } from './types.js';

const LEVELS = new Set(['error', 'warning', 'info', 'hint']);
const ALIASES: Readonly<Record<string, string>> = { warn: 'warning', information: 'info' };

export function getReport(ctx: ServiceContext, params: ReportParams, folders: readonly string[], now = new Date()): ReportData {
  // Analyse the whole workspace first: a defense in a file nobody opened still backs a claim.
  const all = [...ctx.index.all()];
  const docs = params.uri === undefined ? all : all.filter((d) => d.uri === params.uri);
  const overrides = ctx.settings.severityOverrides;
  const files: ReportFileInput[] = docs
    .map((d) => ({
      uri: d.uri,
      name: displayName(d.uri, folders),
      text: d.text,
      findings: d.findings.flatMap((f): Finding[] => {
        const o = overrides[f.ruleId];
        const level = o === undefined ? undefined : (ALIASES[o] ?? o);
        if (level === 'off') return [];
        return [level && LEVELS.has(level) ? { ...f, severity: level as Finding['severity'] } : f];
      }),
    }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return buildReport({
    graph: ctx.graph(),
    files,
    rules: [...ctx.rules.values()],
    docsUrl: (id) => ctx.rules.get(id)?.docsUrl ?? docsUrl(id),
    warrant: params.version ?? 'unknown',
    generated: now,
    name: (uri) => displayName(uri, folders),
  });
}
