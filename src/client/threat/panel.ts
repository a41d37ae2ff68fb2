/**
 * *Warrant: Show Threat Coverage*: a webview beside the editor with the active Markdown
 * document's threat-coverage matrix (`warrant/threatMatrix`, what `warrant matrix` prints), or the
 * workspace's without one. It follows the active editor and redraws, debounced, when that
 * document's diagnostics change (so, as you type); clicking a risk or defense reveals it.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { ThreatMatrixParams, ThreatMatrixResult } from '../../service/protocol.js';
import { revealNode } from '../map/panel.js';
import { buildThreatHtml } from './html.js';

export const THREAT_VIEW_TYPE = 'warrant.threatCoverage';
const REDRAW_DELAY = 400;

export interface ThreatDeps {
  readonly extensionUri: vscode.Uri;
  request(params: ThreatMatrixParams): Promise<ThreatMatrixResult> | undefined;
  isArgumentDocument(document: vscode.TextDocument): boolean;
}

const EMPTY: ThreatMatrixResult = {
  matrix: { version: 1, layers: ['model', 'product', 'ecosystem', 'unrated'], risks: [], defenses: [] },
  byAdversary: { version: 1, by: 'adversary', layers: ['model', 'product', 'ecosystem', 'unrated'], rows: [] },
  locations: {},
};

export class ThreatCoverageView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private target: vscode.Uri | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  private dirty = false;
  private shown = '';
  /** Files the page shows: the only ones a message from it may reveal. */
  private uris = new Set<string>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly deps: ThreatDeps) {
    this.subscriptions = [
      vscode.languages.onDidChangeDiagnostics(() => {
        // A defense in another file can change this document's coverage: redraw on any change.
        if (this.panel) this.schedule(REDRAW_DELAY);
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (!this.panel || !editor || !this.deps.isArgumentDocument(editor.document)) return;
        if (editor.document.uri.toString() === this.target?.toString()) return;
        this.target = editor.document.uri;
        this.schedule(0);
      }),
    ];
  }

  async show(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (editor && this.deps.isArgumentDocument(editor.document)) this.target = editor.document.uri;
    else if (!this.panel) this.target = undefined;
    if (this.panel) this.panel.reveal(undefined, true);
    else {
      const panel = vscode.window.createWebviewPanel(
        THREAT_VIEW_TYPE,
        'Threat Coverage',
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

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    for (const s of this.subscriptions) s.dispose();
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
    let result = EMPTY;
    let message: string | undefined;
    try {
      const request = this.deps.request({ uri: this.target?.toString() });
      if (!request) message = 'Warrant is disabled (warrant.enable), so there is no matrix to show.';
      else result = await request;
    } catch (e) {
      message = `The matrix could not be built: ${(e as Error).message ?? e}`;
    }
    if (generation !== this.generation || this.panel !== panel) return;
    const key = JSON.stringify([title, result, message]);
    if (key === this.shown) return;
    this.shown = key;
    this.uris = new Set(Object.values(result.locations).map((l) => l.uri));
    panel.title = `Threat Coverage: ${title.split('/').pop()}`;
    panel.webview.html = buildThreatHtml({
      title,
      result,
      ...(message ? { message } : {}),
      nonce: randomBytes(16).toString('base64'),
      cspSource: panel.webview.cspSource,
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(this.deps.extensionUri, 'media', 'threat.js')).toString(),
    });
  }

  private onMessage(m: unknown): void {
    if (typeof m !== 'object' || m === null) return;
    const { type, uri, range } = m as { type?: unknown; uri?: unknown; range?: unknown };
    if (type !== 'reveal' || typeof uri !== 'string' || !this.uris.has(uri)) return;
    void revealNode(uri, range as never).then(undefined, () => undefined);
  }
}
