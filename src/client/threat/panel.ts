/**
 * *Warrant: Show Threat Coverage*: a webview beside the editor with the active Markdown
 * document's threat-coverage matrix (`warrant/threatMatrix`, what `warrant matrix` prints), or the
 * workspace's without one. It follows the active editor and redraws, debounced, when diagnostics
 * change (so, as you type); clicking a risk or defense reveals it.
 */
import * as vscode from 'vscode';
import type { ThreatMatrixParams, ThreatMatrixResult } from '../../service/protocol.js';
import { DocumentWebview, type WebviewContent } from '../webviewPanel.js';
import { buildThreatHtml } from './html.js';

export const THREAT_VIEW_TYPE = 'warrant.threatCoverage';

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
  private readonly view: DocumentWebview;

  constructor(private readonly deps: ThreatDeps) {
    this.view = new DocumentWebview(deps, {
      viewType: THREAT_VIEW_TYPE,
      title: 'Threat Coverage',
      script: 'threat.js',
      // A defense in another file can change this document's coverage: redraw on any change.
      affects: () => true,
      render: (target, title) => this.render(target, title),
    });
  }

  show(): Promise<void> {
    return this.view.show();
  }

  dispose(): void {
    this.view.dispose();
  }

  private async render(target: vscode.Uri | undefined, title: string): Promise<WebviewContent> {
    let result = EMPTY;
    let message: string | undefined;
    try {
      const request = this.deps.request({ uri: target?.toString() });
      if (!request) message = 'Warrant is disabled (warrant.enable), so there is no matrix to show.';
      else result = await request;
    } catch (e) {
      message = `The matrix could not be built: ${(e as Error).message ?? e}`;
    }
    return {
      key: [result, message],
      uris: Object.values(result.locations).map((l) => l.uri),
      html: (resources) => buildThreatHtml({ title, result, ...(message ? { message } : {}), ...resources }),
    };
  }
}
