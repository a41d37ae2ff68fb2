/**
 * SARIF 2.1.0, for GitHub code scanning (`github/codeql-action/upload-sarif`) and other SARIF
 * viewers. Every rule has a descriptor with its description, default level, tags and `helpUri`
 * (the rule's docs page); results point at files relative to `%SRCROOT%` (the working folder),
 * with 1-based lines and UTF-16 columns (SARIF's default `columnKind`). `info` and `hint` are
 * level `note`; related places (the other duplicate, a cycle's members) are `relatedLocations`.
 */
import { isAbsolute, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { docsUrl, type Finding, type RuleMeta, type Severity } from '../../core/index.js';
import { VERSION } from '../version.js';
import type { Formatter } from './types.js';

const LEVEL: Readonly<Record<Severity | 'off', string>> = { error: 'error', warning: 'warning', info: 'note', hint: 'note', off: 'none' };

function region(p: Finding['position']) {
  return { startLine: p.start.line + 1, startColumn: p.start.character + 1, endLine: p.end.line + 1, endColumn: p.end.character + 1 };
}

export const sarif: Formatter = (reports, { cwd, rules }) => {
  const descriptors: RuleMeta[] = [...rules];
  const index = new Map(descriptors.map((m, i) => [m.id, i]));
  const artifactUri = (filePath: string): { uri: string; uriBaseId?: string } => {
    const rel = relative(cwd, filePath);
    if (!isAbsolute(filePath)) return { uri: filePath.split(sep).map(encodeURIComponent).join('/') };
    if (!rel || rel.startsWith('..') || isAbsolute(rel)) return { uri: pathToFileURL(filePath).href };
    return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  };
  const fromUri = (uri: string): string => (uri.startsWith('file:') ? fileURLToPath(uri) : uri);
  const results = reports.flatMap((report) =>
    report.findings.map((f) => {
      let ruleIndex = index.get(f.ruleId);
      if (ruleIndex === undefined) {
        // A finding the CLI makes itself (unused directives): describe it on the fly.
        ruleIndex = descriptors.length;
        descriptors.push({ id: f.ruleId, description: f.ruleId.replace(/-/g, ' '), defaultSeverity: f.severity, tags: ['system'] });
        index.set(f.ruleId, ruleIndex);
      }
      return {
        ruleId: f.ruleId,
        ruleIndex,
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [{ physicalLocation: { artifactLocation: artifactUri(report.filePath), region: region(f.position) } }],
        ...(f.related.length
          ? {
              relatedLocations: f.related.map((r, id) => ({
                id,
                message: { text: r.message },
                physicalLocation: { artifactLocation: artifactUri(fromUri(r.uri)), region: region(r.range) },
              })),
            }
          : {}),
      };
    }),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'warrant',
            version: VERSION,
            informationUri: 'https://github.com/warrant-dev/warrant',
            rules: descriptors.map((m) => ({
              id: m.id,
              shortDescription: { text: m.description },
              helpUri: docsUrl(m.id),
              defaultConfiguration: { level: LEVEL[m.defaultSeverity], enabled: m.defaultSeverity !== 'off' },
              properties: { tags: [...m.tags] },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd.endsWith(sep) ? cwd : cwd + sep).href } },
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};
