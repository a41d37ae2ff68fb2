/**
 * Text from a document (claim text, file names) may carry terminal control sequences: an ESC
 * starting an OSC title change, a CR that rewrites the line, a C1 CSI. Printed raw they act on the
 * reader's terminal. Every text output makes them visible instead.
 */

/** C0 controls except tab and line feed, DEL, and the C1 controls. */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Each control character as a visible `\xHH` escape; tab and line feed are kept.
 *
 * @example visibleControls('a\u001b]0;t\u0007b') === 'a\\x1b]0;t\\x07b'
 */
export function visibleControls(s: string): string {
  return s.replace(CONTROLS, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/**
 * JSON text with DEL and the C1 controls written as `\u` escapes: `JSON.stringify` escapes C0
 * but leaves those raw. They can only occur inside strings, so the parsed value is unchanged.
 */
export function escapeJsonControls(json: string): string {
  return json.replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** What `safeOutput` lets through: SGR colour sequences (when asked), CR LF line ends, or a control. */
const OUTPUT_CONTROLS = /\u001b\[[0-9;]*m|\r\n|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * The last step of every CLI output, to the terminal or to `-o`'s file: any control character
 * still raw becomes `\xHH`, whatever the format did before. Kept: tab, line feed, CR LF line ends
 * (CSV's), and — only with `colour`, for the formats Warrant paints itself — SGR colour sequences
 * (`ESC [ 1;31 m`), which change colours and nothing else. JSON output is escaped by
 * `escapeJsonControls` first, so this finds nothing in it.
 *
 * @example safeOutput('a\u001b]0;t\u0007 b\r\n') === 'a\\x1b]0;t\\x07 b\r\n'
 */
export function safeOutput(s: string, colour = false): string {
  return s.replace(OUTPUT_CONTROLS, (m) => {
    if (m.length > 1) return m === '\r\n' || colour ? m : `\\x1b${m.slice(1)}`;
    return `\\x${m.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
}
