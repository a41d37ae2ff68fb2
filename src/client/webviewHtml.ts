/**
 * The page shell the editor's webviews share (the argument map, threat coverage): a strict CSP
 * under which nothing loads but the nonce'd script from the extension's `media/` folder and the
 * nonce'd style, the editor theme's colours, a heading, and one script. Pure (no `vscode`
 * import), so each page is unit-tested without an editor.
 */

/** Text and attribute values: `<b>` → `&lt;b&gt;`, quotes too. */
export const escapeXml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** What the panel gives every page: fresh for each. */
export interface WebviewResources {
  /** Fresh for every page. */
  readonly nonce: string;
  /** `webview.cspSource`. */
  readonly cspSource: string;
  /** `webview.asWebviewUri(media/<page>.js)`. */
  readonly scriptUri: string;
}

export interface WebviewShell extends WebviewResources {
  /** The page's `<title>` and `<h1>`, as text: "Argument map: garden.md". */
  readonly heading: string;
  /** HTML after the `<h1>` inside `<header>` (summary, legend). */
  readonly intro: string;
  /** HTML between the header and the script. */
  readonly body: string;
  /** The page's own CSS rules, after the shared ones for the body and the heading. */
  readonly style: string;
}

/** The whole document: CSP, theme-following base style, header, body, the one nonce'd script. */
export function webviewPage(page: WebviewShell): string {
  const { nonce, cspSource } = page;
  const csp = [`default-src 'none'`, `style-src 'nonce-${nonce}'`, `script-src 'nonce-${nonce}'`, `img-src ${cspSource}`, `font-src ${cspSource}`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeXml(page.heading)}</title>
<style nonce="${nonce}">${BASE_STYLE}${page.style}${EMPTY_STYLE}</style>
</head>
<body>
<header><h1>${escapeXml(page.heading)}</h1>${page.intro}</header>
${page.body}
<script nonce="${nonce}" src="${escapeXml(page.scriptUri)}"></script>
</body>
</html>
`;
}

// The editor theme's colours and font; `.empty` is the sentence shown instead of the content.
const BASE_STYLE = `
body { margin: 0; padding: 8px 16px; color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); }
h1 { font-size: 1.2em; font-weight: 600; margin: 4px 0; }
`;
const EMPTY_STYLE = `.empty { margin-top: 16px; }
`;
