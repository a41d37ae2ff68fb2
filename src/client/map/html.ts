/**
 * The argument map webview's page, as a pure function of the server's map and the SVG Graphviz
 * drew from its DOT: no `vscode` import, so it is unit-tested without an editor. Strict CSP
 * (the shell in `webviewHtml.ts`): nothing loads but the nonce'd script from the extension's
 * `media/` folder and the nonce'd style; the SVG is inline, stripped of its DOCTYPE (the only
 * remote URL Graphviz writes).
 */
import type { ArgumentMapNode } from '../../service/protocol.js';
import { escapeXml, webviewPage, type WebviewResources } from '../webviewHtml.js';

export interface MapPage extends WebviewResources {
  /** "garden.md" or "the workspace". */
  readonly title: string;
  readonly nodes: readonly ArgumentMapNode[];
  /** Graphviz's SVG for the map's DOT (node names are the nodes' keys). */
  readonly svg: string;
  /** Shown instead of the map (the server is off, drawing failed). */
  readonly message?: string;
}

/** Statuses that mean "nobody backed this": drawn with a red border. */
export const PROBLEM_STATUSES: ReadonlySet<string> = new Set(['unsupported', 'unmitigated', 'unanswered', 'unsourced']);

const classToken = (s: string): string => s.toLowerCase().replace(/[^a-z0-9-]/g, '-');

/**
 * Graphviz writes each node as `<g id="node1" class="node"><title>n1</title>…`; give it the
 * node's kind and status as classes, what "reveal" needs as data attributes, keyboard focus and
 * a readable tooltip in place of the key.
 */
export function decorateSvg(svg: string, nodes: readonly ArgumentMapNode[]): string {
  const byKey = new Map(nodes.map((n) => [n.key, n]));
  return svg
    .replace(/<\?xml[^>]*\?>/g, '')
    .replace(/<!DOCTYPE[^>]*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\s+xmlns(:\w+)?="[^"]*"/g, '')
    .replace(/<g id="(node\d+)" class="node">(\s*)<title>([^<]*)<\/title>/g, (whole, id: string, space: string, key: string) => {
      const n = byKey.get(key);
      if (!n) return whole;
      const r = n.range;
      const classes = ['node', `kind-${classToken(n.baseKind)}`, `status-${classToken(n.status || 'none')}`];
      if (PROBLEM_STATUSES.has(n.status)) classes.push('problem');
      if (n.status === 'orphan') classes.push('orphan');
      if (n.external) classes.push('external');
      const tip = `${n.kind[0]!.toUpperCase()}${n.kind.slice(1)}${n.status ? ` (${n.status})` : ''}: ${n.label.replace(/\s+/g, ' ').trim()}${n.evidence ? ` — ${n.evidence}` : ''}`;
      const attrs = [
        `id="${id}"`,
        `class="${classes.join(' ')}"`,
        `data-key="${escapeXml(n.key)}"`,
        `data-uri="${escapeXml(n.uri)}"`,
        `data-range="${r.start.line},${r.start.character},${r.end.line},${r.end.character}"`,
        'tabindex="0"',
        'role="button"',
        `aria-label="${escapeXml(tip)}"`,
      ];
      return `<g ${attrs.join(' ')}>${space}<title>${escapeXml(tip)}</title>`;
    })
    .trim();
}

export function buildMapHtml(page: MapPage): string {
  const problems = page.nodes.filter((n) => PROBLEM_STATUSES.has(n.status));
  const unsupported = page.nodes.filter((n) => n.status === 'unsupported').length;
  const summary =
    page.nodes.length === 0
      ? ''
      : `${page.nodes.length} node${page.nodes.length === 1 ? '' : 's'} · ${unsupported} unsupported claim${unsupported === 1 ? '' : 's'}` +
        (problems.length > unsupported ? ` · ${problems.length - unsupported} other unbacked` : '');
  const body = page.message
    ? `<p class="empty">${escapeXml(page.message)}</p>`
    : page.nodes.length === 0
      ? `<p class="empty">No claims, evidence, defenses, objections or risks found in ${escapeXml(page.title)}. Tag one (<code>Claim:</code>, <code>&lt;!-- claim --&gt;</code>, <code>{.claim}</code>) to see it here.</p>`
      : `<div id="map">${decorateSvg(page.svg, page.nodes)}</div>`;
  return webviewPage({
    ...page,
    heading: `Argument map: ${page.title}`,
    intro: `<p class="summary">${summary}</p>
<p class="legend"><span class="key problem">red border</span> nobody backed it (unsupported, unmitigated, unanswered, unsourced) · <span class="key orphan">dashed</span> relates to nothing · faded: another file · click a node to reveal its text</p>`,
    body,
    style: STYLE,
  });
}

// Graphviz writes black text and a white page; follow the editor's theme instead, keep the
// kind colours core's DOT gives node fills, and make the unbacked nodes stand out. Graphviz sized
// the boxes with Helvetica's metrics: fall back to fonts as narrow (Arial, Liberation Sans,
// DejaVu Sans Condensed) rather than the browser's wider default sans-serif.
const STYLE = `.summary, .legend { margin: 2px 0; color: var(--vscode-descriptionForeground); }
.key { padding: 0 4px; border: 2px solid transparent; border-radius: 3px; }
.key.problem { border-color: #dc2626; }
.key.orphan { border: 2px dashed #d97706; }
#map { margin-top: 8px; }
#map svg { display: block; }
#map svg > g.graph > polygon { fill: transparent; stroke: none; }
#map g.cluster > polygon { stroke: var(--vscode-panel-border, #888); fill: transparent; }
#map g.cluster > text, #map g.edge > text { fill: var(--vscode-foreground); }
#map g.node { cursor: pointer; }
#map g.node > text { fill: #0f172a; }
#map svg text { font-family: Helvetica, Arial, 'Liberation Sans', 'Nimbus Sans', 'DejaVu Sans Condensed', sans-serif; }
#map g.node:hover > path, #map g.node:hover > polygon, #map g.node:focus > path, #map g.node:focus > polygon { stroke: var(--vscode-focusBorder, #0078d4); stroke-width: 3; }
#map g.node:focus { outline: none; }
#map g.node.problem > path, #map g.node.problem > polygon { stroke: #dc2626; stroke-width: 3; }
#map g.node.orphan > path, #map g.node.orphan > polygon { stroke: #d97706; stroke-width: 2; stroke-dasharray: 5 3; }
#map g.node.external { opacity: 0.7; }
`;
