/**
 * The argument map: a webview beside the editor showing the active Markdown document's graph
 * (from `warrant/argumentMap`), drawn by Graphviz in the extension host; clicking a node reveals
 * its text. It follows the active Markdown editor and redraws, debounced, when that document's
 * diagnostics change; it opens only when asked. Also the export command (same graph, any format).
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { ARGUMENT_MAP, type ArgumentMapParams, type ArgumentMapRange, type ArgumentMapResult } from '../../service/protocol.js';
import { buildMapHtml } from './html.js';
import { renderSvg } from './render.js';

export const MAP_VIEW_TYPE = 'warrant.argumentMap';
export const REVEAL_NODE_COMMAND = 'warrant.revealNode';
const REDRAW_DELAY = 400;

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

function isRange(r: unknown): r is ArgumentMapRange {
  const pos = (p: unknown): boolean =>
    typeof p === 'object' && p !== null && Number.isInteger((p as { line: unknown }).line) && Number.isInteger((p as { character: unknown }).character);
  return typeof r === 'object' && r !== null && pos((r as ArgumentMapRange).start) && pos((r as ArgumentMapRange).end);
}

/** Open `uri` with `range` selected, in the editor group already showing it, else beside the map. */
export async function revealNode(uri: string | vscode.Uri, range: ArgumentMapRange): Promise<vscode.TextEditor> {
  if (!isRange(range)) throw new Error('warrant.revealNode: expected a range { start: { line, character }, end: { line, character } }');
  const target = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri;
  const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
  const document = await vscode.workspace.openTextDocument(target);
  const showing = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === document.uri.toString());
  const fallback = vscode.window.visibleTextEditors[0]?.viewColumn ?? vscode.ViewColumn.Beside;
  const editor = await vscode.window.showTextDocument(document, { viewColumn: showing?.viewColumn ?? fallback, selection });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

export class ArgumentMapView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  /** The document shown; `undefined` for the whole workspace. */
  private target: vscode.Uri | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  private dirty = false;
  private shown = '';
  /** Files of the drawn nodes: the only ones a message from the page may reveal. */
  private uris = new Set<string>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly deps: MapDeps) {
    this.subscriptions = [
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (!this.panel) return;
        const target = this.target?.toString();
        if (target === undefined || e.uris.some((u) => u.toString() === target)) this.schedule(REDRAW_DELAY);
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (!this.panel || !editor || !this.deps.isArgumentDocument(editor.document)) return;
        if (editor.document.uri.toString() === this.target?.toString()) return;
        this.target = editor.document.uri;
        this.schedule(0);
      }),
    ];
  }

  /** `warrant.showArgumentMap`: the active Markdown document's map (the workspace's without one), beside it. */
  async show(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (editor && this.deps.isArgumentDocument(editor.document)) this.target = editor.document.uri;
    else if (!this.panel) this.target = undefined;
    if (this.panel) {
      this.panel.reveal(undefined, true);
    } else {
      const panel = vscode.window.createWebviewPanel(
        MAP_VIEW_TYPE,
        'Argument Map',
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: true, enableFindWidget: true, localResourceRoots: [vscode.Uri.joinPath(this.deps.extensionUri, 'media')] },
      );
      this.panel = panel;
      this.shown = '';
      panel.onDidDispose(() => {
        if (this.panel !== panel) return;
        this.panel = undefined;
        clearTimeout(this.timer);
      });
      panel.onDidChangeViewState(() => {
        if (panel.visible && this.dirty) this.schedule(0);
      });
      panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m));
    }
    await this.update();
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
    clearTimeout(this.timer);
    this.panel?.dispose();
    for (const s of this.subscriptions) s.dispose();
  }

  /** The active Markdown document, else the one the open map shows, else the workspace. */
  private currentTarget(): vscode.Uri | undefined {
    const editor = vscode.window.activeTextEditor;
    if (editor && this.deps.isArgumentDocument(editor.document)) return editor.document.uri;
    return this.panel ? this.target : undefined;
  }

  private vizBundle(): string {
    return vscode.Uri.joinPath(this.deps.extensionUri, 'dist', 'viz.cjs').fsPath;
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), delay);
  }

  private async update(): Promise<void> {
    const panel = this.panel;
    if (!panel) return;
    if (!panel.visible) {
      this.dirty = true;
      return;
    }
    this.dirty = false;
    const generation = ++this.generation;
    const title = this.target ? vscode.workspace.asRelativePath(this.target) : 'the workspace';
    let page: { nodes: ArgumentMapResult['nodes']; svg: string; message?: string };
    try {
      const request = this.deps.request({ uri: this.target?.toString() });
      if (!request) page = { nodes: [], svg: '', message: 'Warrant is disabled (warrant.enable), so there is no map to draw.' };
      else {
        const map = await request;
        page = { nodes: map.nodes, svg: map.nodes.length ? await renderSvg(map.dot, this.vizBundle()) : '' };
      }
    } catch (e) {
      page = { nodes: [], svg: '', message: `The map could not be drawn: ${(e as Error).message ?? e}` };
    }
    if (generation !== this.generation || this.panel !== panel) return; // a newer redraw is on its way
    const key = JSON.stringify([title, page]);
    if (key === this.shown) return; // same map: keep the page (and its scroll position)
    this.shown = key;
    this.uris = new Set(page.nodes.map((n) => n.uri));
    panel.title = `Argument Map: ${title.split('/').pop()}`;
    panel.webview.html = buildMapHtml({
      title,
      ...page,
      nonce: randomBytes(16).toString('base64'),
      cspSource: panel.webview.cspSource,
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(this.deps.extensionUri, 'media', 'map.js')).toString(),
    });
  }

  private onMessage(m: unknown): void {
    if (typeof m !== 'object' || m === null) return;
    const { type, uri, range } = m as { type?: unknown; uri?: unknown; range?: unknown };
    if (type !== 'reveal' || typeof uri !== 'string' || !this.uris.has(uri) || !isRange(range)) return;
    void revealNode(uri, range).then(undefined, () => undefined);
  }
}
