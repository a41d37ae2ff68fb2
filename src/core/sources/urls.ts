/**
 * URL schemes that do something when followed rather than lead to a document: `javascript:` and
 * `vbscript:` run script, `data:` carries its own content, `command:` runs an editor command,
 * `vscode:` (and its variants) hands a URI to an extension. A link with one of them is never a
 * source (it cannot make a claim supported) and is never rendered as a link in a hover.
 */
const UNSAFE_SCHEMES: ReadonlySet<string> = new Set(['javascript', 'vbscript', 'data', 'command', 'vscode', 'vscode-insiders', 'vscode-file', 'vscode-webview']);

/**
 * True when `url`'s scheme is one of the above. White space and control characters are dropped
 * first, as browsers do, so `java\tscript:` counts too.
 *
 * @example isUnsafeUrl('Command:workbench.action.terminal.new') === true
 */
export function isUnsafeUrl(url: string): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url.replace(/[\u0000-\u0020\u007f-\u009f]/g, ''))?.[1];
  return scheme !== undefined && UNSAFE_SCHEMES.has(scheme.toLowerCase());
}
