/**
 * `-f markdown`: the pull-request summary (counts, findings per rule, unsupported claims with
 * file:line links), the same text `warrant report -f markdown` writes. See `src/report/markdown.ts`.
 */
import { relative } from 'node:path';
import { docsUrl } from '../../core/index.js';
import { DEFAULT_MAX_ROWS, markdownSummary } from '../../report/markdown.js';
import type { Formatter } from './types.js';

export const markdown: Formatter = (reports, context) =>
  markdownSummary(
    reports.map((r) => {
      const rel = relative(context.cwd, r.filePath);
      return { name: rel && !rel.startsWith('..') ? rel.split('\\').join('/') : r.filePath, findings: r.findings, ...(r.source !== undefined ? { source: r.source } : {}) };
    }),
    { rules: context.rules, docsUrl, maxRows: context.maxRows ?? DEFAULT_MAX_ROWS, ...(context.linkBase ? { linkBase: context.linkBase } : {}) },
  );
