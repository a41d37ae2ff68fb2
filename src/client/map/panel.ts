/**
 * The argument map: a webview beside the editor showing the active Markdown document's graph
 * (from `warrant/argumentMap`), drawn by Graphviz in the extension host; clicking a node reveals
 * its text. It follows the active Markdown editor and redraws, debounced, when that document's
 * diagnostics change; it opens only when asked. Also the export command (same graph, any format).
 */
import * as vscode from 'vscode';
import type { ArgumentMapParams, ArgumentMapResult } from '../../service/protocol.js';
import { DocumentWebview, type WebviewContent } from '../webviewPanel.js';
import { buildMapHtml } from './html.js';
import { renderSvg } from './render.js';

export const MAP_VIEW_TYPE = 'warrant.argumentMap';

export interface MapDeps {
  readonly extensionUri: vscode.Uri;
  /** Ask the language server; `undefined` when it is not running (`warrant.enable: false`). */
  request(params: ArgumentMapParams): Promise<ArgumentMapResult> | undefined;
  /** A document Warrant lints (`warrant.validate`). */
  isArgumentDocument(document: vscode.TextDocument): boolean;
}

export const EXPORT_FORMATS = [
  { format: 'svg', label: 'SVG', ext: 'svg', detail: 'An image of the map, drawn by Graphviz' },
  { format: 'mermaid', label: 'Mermaid', ext: 'mmd', detail: 'A flowchart for GitHub, GitLab and Mermaid-aware Markdown' },
  { format: 'dot', label: 'DOT', ext: 'dot', detail: 'Graphviz source' },
  { format: 'json', label: 'JSON', ext: 'json', detail: "Warrant's graph JSON, as `warrant graph -f json` writes it" },
  { format: 'aif', label: 'AIF', ext: 'json', detail: 'Argument Interchange Format, as the OVA3 editor saves it' },
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number]['format'];

export class ArgumentMapView implements vscode.Disposable {
  private readonly view: DocumentWebview;

  constructor(private readonly deps: MapDeps) {
    this.view = new DocumentWebview(deps, {
      viewType: MAP_VIEW_TYPE,
      title: 'Argument Map',
      script: 'map.js',
      affects: (e, target) => target === undefined || e.uris.some((u) => u.toString() === target.toString()),
      render: (target, title) => this.render(target, title),
    });
  }

  /** `warrant.showArgumentMap`: the active Markdown document's map (the workspace's without one), beside it. */
  show(): Promise<void> {
    return this.view.show();
  }

  /** `warrant.exportArgumentMap`: ask for a format and a file (unless given), write the map there. */
  async export(format?: string, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    let chosen = EXPORT_FORMATS.find((f) => f.format === format);
    if (!chosen) {
      chosen = await vscode.window.showQuickPick(
        EXPORT_FORMATS.map((f) => ({ ...f })),
        { title: 'Warrant: Export Argument Map', placeHolder: 'Format' },
      );
      if (!chosen) return undefined;
    }
    const source = this.currentTarget();
    if (!target) {
      const folder = source ? vscode.Uri.joinPath(source, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
      const base = source ? source.path.split('/').pop()!.replace(/\.[^.]*$/, '') : 'workspace';
      const name = `${base}.argument-map${chosen.format === 'aif' ? '.aif' : ''}.${chosen.ext}`;
      target = await vscode.window.showSaveDialog({
        title: 'Warrant: Export Argument Map',
        defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
        filters: { [chosen.label]: [chosen.ext] },
      });
      if (!target) return undefined;
    }
    const request = this.deps.request({ uri: source?.toString(), format: chosen.format === 'svg' ? 'dot' : chosen.format });
    if (!request) {
      vscode.window.setStatusBarMessage('Warrant is disabled (warrant.enable): nothing to export', 5000);
      return undefined;
    }
    const map = await request;
    const text = chosen.format === 'svg' ? await renderSvg(map.dot, this.vizBundle()) : (map.text ?? map.dot);
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    vscode.window.setStatusBarMessage(`Warrant: argument map saved to ${vscode.workspace.asRelativePath(target)}`, 8000);
    return target;
  }

  dispose(): void {
    this.view.dispose();
  }

  /** The active Markdown document, else the one the open map shows, else the workspace. */
  private currentTarget(): vscode.Uri | undefined {
    const editor = vscode.window.activeTextEditor;
    if (editor && this.deps.isArgumentDocument(editor.document)) return editor.document.uri;
    return this.view.target;
  }

  private vizBundle(): string {
    return vscode.Uri.joinPath(this.deps.extensionUri, 'dist', 'viz.cjs').fsPath;
  }

  private async render(target: vscode.Uri | undefined, title: string): Promise<WebviewContent> {
    let page: { nodes: ArgumentMapResult['nodes']; svg: string; message?: string };
    try {
      const request = this.deps.request({ uri: target?.toString() });
      if (!request) page = { nodes: [], svg: '', message: 'Warrant is disabled (warrant.enable), so there is no map to draw.' };
      else {
        const map = await request;
        page = { nodes: map.nodes, svg: map.nodes.length ? await renderSvg(map.dot, this.vizBundle()) : '' };
      }
    } catch (e) {
      page = { nodes: [], svg: '', message: `The map could not be drawn: ${(e as Error).message ?? e}` };
    }
    return { key: page, uris: page.nodes.map((n) => n.uri), html: (resources) => buildMapHtml({ title, ...page, ...resources }) };
  }
}
