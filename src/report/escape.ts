/**
 * Escaping for the report page. Every string that comes from a document (claim text, link text
 * and titles, URLs, bibliography fields, file names) goes through `escapeHtml` or `safeHref`;
 * nothing from a document is ever written into the page unescaped.
 */

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text and attribute values: `<img onerror=x>` → `&lt;img onerror=x&gt;`. Quotes too, so it is safe inside `"…"` and `'…'`. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** Schemes a reader may follow from the report. Everything else (`javascript:`, `data:`, `vbscript:`, `file:`…) stays plain text. */
const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/**
 * The URL as a clickable `href` value (already escaped), or `undefined` when it must not be
 * clickable. Parsed with `URL` as a browser would, so `JaVaScRiPt:`, `java\tscript:` and
 * leading spaces or control characters cannot sneak a script scheme past the check.
 */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined; // relative or malformed: the report is a standalone file, so it would not resolve anyway
  }
  if (!SAFE_SCHEMES.has(parsed.protocol)) return undefined;
  return escapeHtml(parsed.href);
}

/** Ids and class names the page makes itself: letters, digits, `-` and `_` only. */
export function slugToken(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]/g, '-');
}
