/**
 * `warrant report`: the reviewer's page. The run is `runSession` (one engine, every file analysed
 * first, then linted — what `lint --concurrency off` does), because the page needs the models
 * and the graph as well as the findings; `main.ts` then applies exactly the suppressions and
 * severity filters `lint` applies, so the page shows the findings `lint` prints.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allRuleMeta, docsUrl, type Finding } from '../core/index.js';
import { MAX_DRAWN_NODES } from '../core/export/graph.js';
import { toPath } from '../node/fsWorkspace.js';
import { buildReport, type ReportFileInput } from '../report/data.js';
import { renderReportHtml } from '../report/html.js';
import { unusedDirectiveFindings } from './host.js';
import type { FileReport } from './formatters/index.js';
import type { LintRunResult } from './lintRun.js';
import { runSession, type SessionOptions, type SessionResult } from './session.js';
import { VERSION } from './version.js';

/** The session, and its results in the shape `lint` post-processes. */
export function reportRun(session: SessionOptions): { run: LintRunResult; session: SessionResult } {
  const result = runSession(session);
  const outcomes = result.files.map((f) => ({
    filePath: f.filePath,
    uri: f.result.uri,
    findings: f.result.findings,
    unusedDirectives: unusedDirectiveFindings(f.result),
    text: f.text,
  }));
  return {
    session: result,
    run: {
      outcomes,
      configProblems: result.configProblems,
      unmatched: result.unmatched,
      ignored: result.ignored,
      warnings: result.warnings,
      unreadable: result.unreadable,
      stats: { files: result.files.length, fromCache: 0, workers: 0, workerChoice: 'report: one engine in this thread', detail: '' },
    },
  };
}

/** The HTML page for `reports` (what `lint` would print) over the session's models and graph. */
export async function htmlReport(session: SessionResult, reports: readonly FileReport[], cwd: string, now = new Date()): Promise<string> {
  // Relative to the working folder, `../` included: an absolute path says more about the
  // reviewer's machine than about the essay (only another drive, on Windows, stays absolute).
  const name = (uriOrPath: string): string => {
    const path = uriOrPath.startsWith('file:') ? (toPath(uriOrPath) ?? uriOrPath) : uriOrPath;
    const rel = relative(cwd, path);
    return (rel && !isAbsolute(rel) ? rel : path).split(sep).join('/');
  };
  const byPath = new Map(session.files.map((f) => [f.filePath, f]));
  const files: ReportFileInput[] = reports.map((r) => {
    const file = byPath.get(r.filePath);
    return {
      uri: file?.result.uri ?? r.filePath,
      name: name(r.filePath),
      findings: r.findings as Finding[],
      ...(r.source !== undefined ? { text: r.source } : {}),
      ...(file ? { suppressed: file.result.suppressed } : {}),
    };
  });
  const data = buildReport({
    graph: session.engine.graph(),
    files,
    rules: allRuleMeta(),
    docsUrl,
    warrant: VERSION,
    generated: now,
    name,
  });
  // A map too large for Graphviz to lay out in time is shown as its source (issue #21).
  const svgs = await drawMaps(data.maps.map((m) => (m.nodes > MAX_DRAWN_NODES ? undefined : m.dot)));
  return renderReportHtml(data, { svgs });
}

interface Viz {
  renderString(dot: string, options: { format: 'svg' }): string;
}

/**
 * DOT → SVG with the Graphviz bundle the extension ships (`dist/viz.cjs`, beside this bundle),
 * or `@viz-js/viz` itself when run from sources. A map that fails to draw is left out with its
 * DOT shown instead; it never fails the report.
 */
async function drawMaps(dots: readonly (string | undefined)[]): Promise<(string | undefined)[]> {
  if (dots.every((d) => d === undefined)) return dots.map(() => undefined);
  let viz: Viz;
  try {
    viz = await loadViz();
  } catch {
    return dots.map(() => undefined);
  }
  return dots.map((dot) => {
    if (dot === undefined) return undefined;
    try {
      return viz.renderString(dot, { format: 'svg' });
    } catch {
      return undefined;
    }
  });
}

async function loadViz(): Promise<Viz> {
  const here = fileURLToPath(import.meta.url);
  const bundle = fileURLToPath(new URL('./viz.cjs', import.meta.url));
  const load = existsSync(bundle) && here.endsWith('.cjs') ? (createRequire(here)(bundle) as { instance: () => Promise<Viz> }) : await importVizPackage();
  return load.instance();
}

async function importVizPackage(): Promise<{ instance: () => Promise<Viz> }> {
  // A variable specifier keeps the bundler from inlining it.
  const specifier = '@viz-js/viz';
  const mod = (await import(specifier)) as { instance?: () => Promise<Viz>; default?: { instance: () => Promise<Viz> } };
  return { instance: mod.instance ?? mod.default!.instance };
}
