/**
 * What the editor's document webviews share (the argument map, threat coverage): one panel
 * beside the editor, opened only when asked and revealed again on the next ask; it follows the
 * active argument document, redraws debounced when diagnostics change (so, as you type), waits
 * while hidden, keeps the page (and its scroll position) when nothing changed, gives every page a
 * fresh nonce, and reveals what the page asks for, but only in files the page shows.
 * Each view supplies its content (`render`) and which diagnostics concern it (`affects`).
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { ArgumentMapRange } from '../service/protocol.js';
import type { WebviewResources } from './webviewHtml.js';

export const REVEAL_NODE_COMMAND = 'warrant.revealNode';
const REDRAW_DELAY = 400;

function isRange(r: unknown): r is ArgumentMapRange {
  const pos = (p: unknown): boolean =>
    typeof p === 'object' && p !== null && Number.isInteger((p as { line: unknown }).line) && Number.isInteger((p as { character: unknown }).character);
  return typeof r === 'object' && r !== null && pos((r as ArgumentMapRange).start) && pos((r as ArgumentMapRange).end);
}

/** Open `uri` with `range` selected, in the editor group already showing it, else beside the panel. */
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

/** One drawing of a page. */
export interface WebviewContent {
  /** Plain data equal (as JSON) for the same page: an unchanged page is not set again. */
  readonly key: unknown;
  /** Files the page shows: the only ones a message from it may reveal. */
  readonly uris: Iterable<string>;
  html(resources: WebviewResources): string;
}

/** What the extension gives every view. */
export interface WebviewDeps {
  readonly extensionUri: vscode.Uri;
  /** A document Warrant lints (`warrant.validate`): the panel follows it. */
  isArgumentDocument(document: vscode.TextDocument): boolean;
}

/** What one view is: its names, its script, when it redraws and what it draws. */
export interface DocumentWebviewOptions {
  readonly viewType: string;
  /** "Argument Map": the panel's title, before ": garden.md". */
  readonly title: string;
  /** The page's only script, in the extension's `media/` folder: "map.js". */
  readonly script: string;
  /** Whether this change of diagnostics can change the page for `target` (`undefined`: the workspace). */
  affects(e: vscode.DiagnosticChangeEvent, target: vscode.Uri | undefined): boolean;
  /**
   * The page for `target` (`undefined`: the workspace), whose name is `title` ("notes/garden.md"
   * or "the workspace"). Does not throw: a failure is a page that says so.
   */
  render(target: vscode.Uri | undefined, title: string): Promise<WebviewContent>;
}

export class DocumentWebview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  /** The document shown; `undefined` for the whole workspace. */
  private shownTarget: vscode.Uri | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  private dirty = false;
  private shown = '';
  private uris = new Set<string>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly deps: WebviewDeps,
    private readonly options: DocumentWebviewOptions,
  ) {
    this.subscriptions = [
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (this.panel && this.options.affects(e, this.shownTarget)) this.schedule(REDRAW_DELAY);
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (!this.panel || !editor || !this.deps.isArgumentDocument(editor.document)) return;
        if (editor.document.uri.toString() === this.shownTarget?.toString()) return;
        this.shownTarget = editor.document.uri;
        this.schedule(0);
      }),
    ];
  }

  /** The document the open panel shows; `undefined` when it shows the workspace or is closed. */
  get target(): vscode.Uri | undefined {
    return this.panel ? this.shownTarget : undefined;
  }

  /** The active argument document's page (the workspace's without one), beside it. */
  async show(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (editor && this.deps.isArgumentDocument(editor.document)) this.shownTarget = editor.document.uri;
    else if (!this.panel) this.shownTarget = undefined;
    if (this.panel) {
      this.panel.reveal(undefined, true);
    } else {
      const panel = vscode.window.createWebviewPanel(
        this.options.viewType,
        this.options.title,
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
    const title = this.shownTarget ? vscode.workspace.asRelativePath(this.shownTarget) : 'the workspace';
    const content = await this.options.render(this.shownTarget, title);
    if (generation !== this.generation || this.panel !== panel) return; // a newer redraw is on its way
    const key = JSON.stringify([title, content.key]);
    if (key === this.shown) return; // same page: keep it (and its scroll position)
    this.shown = key;
    this.uris = new Set(content.uris);
    panel.title = `${this.options.title}: ${title.split('/').pop()}`;
    panel.webview.html = content.html({
      nonce: randomBytes(16).toString('base64'),
      cspSource: panel.webview.cspSource,
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(this.deps.extensionUri, 'media', this.options.script)).toString(),
    });
  }

  /** `{ type: 'reveal', uri, range }` from the page's script, for a file the page shows. */
  private onMessage(m: unknown): void {
    if (typeof m !== 'object' || m === null) return;
    const { type, uri, range } = m as { type?: unknown; uri?: unknown; range?: unknown };
    if (type !== 'reveal' || typeof uri !== 'string' || !this.uris.has(uri) || !isRange(range)) return;
    void revealNode(uri, range).then(undefined, () => undefined);
  }
}
