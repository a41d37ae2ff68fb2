/**
 * The threat-coverage webview's page, a pure function of the server's `warrant/threatMatrix`
 * answer (no `vscode` import, so it is unit-tested without an editor), in the argument map's
 * shell (`webviewHtml.ts`): nothing loads but the nonce'd script from `media/` and the nonce'd
 * style.
 * Every risk and defense is a button carrying its uri and range; `media/threat.js` posts them
 * back to be revealed.
 */
import type { ThreatMatrixResult } from '../../service/protocol.js';
import { escapeXml as esc, webviewPage, type WebviewResources } from '../webviewHtml.js';

export interface ThreatPage extends WebviewResources {
  /** "essay.md" or "the workspace". */
  readonly title: string;
  readonly result: ThreatMatrixResult;
  /** Shown instead of the tables (the server is off, the request failed). */
  readonly message?: string;
}

const RATINGS = ['adversary', 'harm', 'severity', 'domain'] as const;
const STRONG = new Set(['skilled', 'well-resourced']);

export function buildThreatHtml(page: ThreatPage): string {
  const { result } = page;
  const { matrix, byAdversary, locations } = result;
  const link = (key: string, label: string, tip: string): string => {
    const at = locations[key];
    if (!at) return esc(label);
    const r = at.range;
    return `<button type="button" class="reveal" data-uri="${esc(at.uri)}" data-range="${r.start.line},${r.start.character},${r.end.line},${r.end.character}" title="${esc(tip)}">${esc(label)}</button>`;
  };
  const defenseByRef = new Map(matrix.defenses.map((d) => [d.ref, d]));
  let body: string;
  if (page.message) body = `<p class="empty">${esc(page.message)}</p>`;
  else if (matrix.risks.length === 0)
    body = `<p class="empty">No risks found in ${esc(page.title)}. Tag one (<code>Risk:</code>, <code>&lt;!-- risk --&gt;</code>, <code>{.risk}</code>) and, with <code>extends: warrant:ai-risk</code>, rate it (<code>adversary=skilled</code>).</p>`;
  else {
    const summaryRows = byAdversary.rows
      .map((r) => {
        const mark = r.onlyModel ? (STRONG.has(r.value) ? '⚠ only the model layer holds' : 'only the model layer holds') : '';
        return `<tr class="${r.onlyModel && STRONG.has(r.value) ? 'warn' : ''}"><th scope="row">${esc(r.value)}</th><td>${r.risks}</td>${byAdversary.layers.map((l) => `<td>${r.defenses[l] ?? 0}</td>`).join('')}<td>${mark}</td></tr>`;
      })
      .join('\n');
    const riskRows = matrix.risks
      .map((r, i) => {
        const name = r.id ?? (r.text.length > 40 ? r.text.slice(0, 39) + '…' : r.text);
        const ratings = RATINGS.map((k) => {
          const v = r[k];
          const cue = r.inferred[k];
          if (v === null) return '<td class="none">—</td>';
          return cue !== undefined ? `<td class="inferred" title="inferred from &quot;${esc(cue)}&quot;">${esc(v)}?</td>` : `<td>${esc(v)}</td>`;
        }).join('');
        const cells = matrix.layers
          .map((l) => {
            const refs = r.defenses[l] ?? [];
            if (refs.length === 0) return '<td class="none">—</td>';
            return `<td>${refs
              .map((ref) => {
                const d = defenseByRef.get(ref);
                const label = d && d.id === null ? `L${d.line}` : ref;
                const tip = d ? `${d.text}${d.inferred !== undefined ? ` (layer inferred from "${d.inferred}")` : ''}` : ref;
                return link(`defense:${ref}`, label + (d?.inferred !== undefined ? '?' : ''), tip);
              })
              .join(' ')}</td>`;
          })
          .join('');
        return `<tr class="${r.onlyModel ? 'warn' : ''}"><th scope="row">${link(`risk:${i}`, name, `${r.file}:${r.line} — ${r.text}`)}</th>${ratings}${cells}<td>${r.onlyModel ? '⚠ model only' : ''}</td></tr>`;
      })
      .join('\n');
    body = `<h2>By adversary</h2>
<table id="by-adversary"><thead><tr><th scope="col">adversary</th><th scope="col">risks</th>${byAdversary.layers.map((l) => `<th scope="col">${esc(l)}</th>`).join('')}<th></th></tr></thead>
<tbody>
${summaryRows}
</tbody></table>
<h2>Risks and their defenses by layer</h2>
<table id="risks"><thead><tr><th scope="col">risk</th>${RATINGS.map((k) => `<th scope="col">${k}</th>`).join('')}${matrix.layers.map((l) => `<th scope="col">${esc(l)}</th>`).join('')}<th></th></tr></thead>
<tbody>
${riskRows}
</tbody></table>`;
  }
  return webviewPage({
    ...page,
    heading: `Threat coverage: ${page.title}`,
    intro: `
<p class="legend">Cells count or name the defenses at each layer · <span class="inferred">value?</span> inferred from the text (hover for the cue) · <span class="key warn">⚠</span> a skilled or well-resourced adversary met by model alignment alone · click a risk or defense to reveal it</p>`,
    body,
    style: STYLE,
  });
}

const STYLE = `h2 { font-size: 1.05em; font-weight: 600; margin: 16px 0 6px; }
.legend { margin: 2px 0; color: var(--vscode-descriptionForeground); }
table { border-collapse: collapse; }
th, td { border: 1px solid var(--vscode-panel-border, #8884); padding: 3px 8px; text-align: left; vertical-align: top; }
thead th { background: var(--vscode-editorWidget-background, transparent); }
td.none { color: var(--vscode-descriptionForeground); }
.inferred { font-style: italic; }
tr.warn th, tr.warn td { background: color-mix(in srgb, var(--vscode-editorWarning-foreground, #d97706) 18%, transparent); }
.key.warn { padding: 0 4px; }
button.reveal { font: inherit; color: var(--vscode-textLink-foreground); background: none; border: none; padding: 0; cursor: pointer; text-align: left; }
button.reveal:hover, button.reveal:focus { text-decoration: underline; outline: none; }
`;
