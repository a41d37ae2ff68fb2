/**
 * *Warrant: Open Report*: the reviewer's page for the workspace (or one file), written to a
 * temporary file and opened in the user's browser; in a remote or web window, where the browser
 * cannot read the extension host's disk, in a webview instead (the page's own strict CSP applies).
 * The data comes from the server (`warrant/report`); the maps are drawn here with `dist/viz.cjs`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ReportData } from '../report/data.js';
import { renderReportHtml } from '../report/html.js';
import { REPORT, type ReportParams } from '../service/protocol.js';
import { renderSvg } from './map/render.js';

export const OPEN_REPORT_COMMAND = 'warrant.openReport';
export const REPORT_VIEW_TYPE = 'warrant.report';

export interface ReportDeps {
  /** Ask the language server; `undefined` when it is not running (`warrant.enable: false`). */
  request(params: ReportParams): Promise<ReportData | null> | undefined;
  /** Absolute path of `dist/viz.cjs`. */
  readonly vizBundle: string;
  readonly version: string;
  isArgumentDocument(document: vscode.TextDocument): boolean;
}

export interface OpenedReport {
  readonly file: string;
  readonly shownIn: 'browser' | 'webview';
}

/**
 * `target`: a file URI (from the Explorer), `'file'` for the active editor's document, or nothing
 * for the whole workspace (the active file when no folder is open).
 */
export async function openReport(deps: ReportDeps, target?: vscode.Uri | 'file'): Promise<OpenedReport | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  let uri: string | undefined;
  if (target instanceof vscode.Uri) uri = target.toString();
  else if (target === 'file' || !vscode.workspace.workspaceFolders?.length) {
    if (!active || !deps.isArgumentDocument(active)) {
      vscode.window.setStatusBarMessage('Warrant: open a Markdown file or a folder to report on', 5000);
      return undefined;
    }
    uri = active.uri.toString();
  }
  const pending = deps.request({ ...(uri ? { uri } : {}), version: deps.version });
  if (!pending) {
    vscode.window.setStatusBarMessage('Warrant is not running (warrant.enable is off)', 5000);
    return undefined;
  }
  const html = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Warrant: writing the report' }, async () => {
    const data = await pending;
    if (!data) return undefined;
    const svgs = await Promise.all(data.maps.map((m) => renderSvg(m.dot, deps.vizBundle).catch(() => undefined)));
    return renderReportHtml(data, { svgs });
  });
  if (!html) return undefined;
  const file = join(mkdtempSync(join(tmpdir(), 'warrant-report-')), 'report.html');
  writeFileSync(file, html);
  // A local desktop window shares the disk with the browser; a remote or web one does not.
  if (vscode.env.uiKind === vscode.UIKind.Desktop && vscode.env.remoteName === undefined) {
    if (await vscode.env.openExternal(vscode.Uri.file(file))) return { file, shownIn: 'browser' };
  }
  const panel = vscode.window.createWebviewPanel(REPORT_VIEW_TYPE, 'Warrant Report', vscode.ViewColumn.Active, {
    enableScripts: true, // only the page's own filter script runs: its CSP allows that one by hash
    localResourceRoots: [],
  });
  panel.webview.html = html;
  return { file, shownIn: 'webview' };
}
