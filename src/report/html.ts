/**
 * The report page: one self-contained HTML file from `ReportData` and the maps drawn as SVG.
 * Inline CSS and SVG only; a Content-Security-Policy meta allows nothing to load (no network,
 * no images, no frames) and only this page's own style and script, by hash. The page reads
 * completely without script: the script only adds a filter box and opens every section to print.
 * Every string from a document is escaped (`escape.ts`); only http(s) and mailto URLs are links.
 */
import { createHash } from 'node:crypto';
import type { ClaimStatus, Excerpt, ReportClaim, ReportData, ReportFinding, ReportRelated, ReportSection, ReportSource } from './data.js';
import { escapeHtml as e, safeHref, slugToken } from './escape.js';

export interface RenderOptions {
  /** One SVG per `data.maps` entry (from Graphviz); `undefined` where drawing failed. */
  readonly svgs: readonly (string | undefined)[];
}

const SEVERITIES = ['error', 'warning', 'info', 'hint'] as const;
const SEVERITY_LABEL: Readonly<Record<string, string>> = { error: 'Error', warning: 'Warning', info: 'Info', hint: 'Hint' };
const STATUS_LABEL: Readonly<Record<ClaimStatus, string>> = { supported: '✓ Supported', unsupported: '✗ Unsupported', suppressed: '⊘ Suppressed' };

export function renderReportHtml(data: ReportData, options: RenderOptions): string {
  const structural = data.files.map((f) => ({ name: f.name, findings: f.findings.filter((x) => !x.heuristic) }));
  const heuristic = data.files.map((f) => ({ name: f.name, findings: f.findings.filter((x) => x.heuristic) }));
  const nStructural = structural.reduce((n, f) => n + f.findings.length, 0);
  const nHeuristic = heuristic.reduce((n, f) => n + f.findings.length, 0);
  const docs = new Map(data.rules.map((r) => [r.id, r]));
  const title = `Warrant report: ${data.files.length === 1 ? data.files[0]!.name : `${data.files.length} files`}`;

  const sections: { id: string; title: string; html: string }[] = [
    { id: 'claims', title: `Claims (${data.claims.length})`, html: claimsSection(data.claims) },
    { id: 'findings', title: `Findings (${nStructural})`, html: findingsSection(structural, docs, 'findings') },
    { id: 'map', title: 'Argument map', html: mapSection(data, options.svgs) },
    {
      id: 'heuristic',
      title: `Heuristic findings (${nHeuristic})`,
      html:
        `<p>Sentences the zero-annotation detector thinks need a citation, with its reasons. They are hints, kept apart so they do not drown the structural findings.</p>\n` +
        (nHeuristic
          ? `<details class="collapsed"><summary>Show ${nHeuristic} uncited assertion${nHeuristic === 1 ? '' : 's'}</summary>\n${findingsSection(heuristic, docs, 'heuristic')}</details>`
          : '<p>None.</p>'),
    },
    ...data.sections.map((s) => ({ id: `x-${slugToken(s.id)}`, title: s.title, html: extraSection(s) })),
  ];

  const body = `<a class="skip" href="#main">Skip to the report</a>
<header>
<h1>${e(title)}</h1>
${headerSummary(data)}
</header>
<nav aria-label="Sections"><ul>${sections.map((s) => `<li><a href="#${s.id}">${e(s.title)}</a></li>`).join('')}</ul></nav>
<main id="main">
${sections.map((s) => `<section id="${s.id}" aria-labelledby="${s.id}-h">\n<h2 id="${s.id}-h">${e(s.title)}</h2>\n${s.html}\n</section>`).join('\n')}
</main>
<footer><p>Made by Warrant ${e(data.warrant)} on ${e(data.generated)}. Statuses and findings are the engine's, exactly as <code>warrant lint</code> reports them.</p></footer>`;

  const csp = [
    "default-src 'none'",
    `style-src '${hash(CSS)}'`,
    `script-src '${hash(SCRIPT)}'`,
    "img-src 'none'",
    "font-src 'none'",
    "connect-src 'none'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="Warrant ${e(data.warrant)}">
<title>${e(title)}</title>
<style>${CSS}</style>
</head>
<body>
${body}
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function hash(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

function headerSummary(data: ReportData): string {
  const all = data.files.flatMap((f) => f.findings);
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, all.filter((f) => f.severity === s).length]));
  const ruleIds = [...new Set(all.map((f) => f.ruleId))].sort();
  const statuses = (['supported', 'unsupported', 'suppressed'] as const).map((s) => `${data.claims.filter((c) => c.status === s).length} ${s}`);
  const rows = ruleIds
    .map((id) => {
      const of = all.filter((f) => f.ruleId === id);
      const doc = data.rules.find((r) => r.id === id);
      const href = safeHref(doc?.docsUrl);
      const name = href ? `<a href="${href}">${e(id)}</a>` : `<code>${e(id)}</code>`;
      return `<tr><th scope="row">${name}</th>${SEVERITIES.map((s) => `<td>${of.filter((f) => f.severity === s).length || ''}</td>`).join('')}<td>${of.length}</td></tr>`;
    })
    .join('\n');
  return `<div class="summary"><dl class="meta">
<dt>Files</dt><dd>${data.files.length}: ${data.files.map((f) => `<code>${e(f.name)}</code>`).join(', ') || 'none'}</dd>
<dt>Made</dt><dd><time datetime="${e(data.generated)}">${e(data.generated.replace('T', ' ').replace(/\.\d+Z$/, ' UTC').replace(/Z$/, ' UTC'))}</time></dd>
<dt>Warrant</dt><dd>${e(data.warrant)}</dd>
<dt>Claims</dt><dd>${data.claims.length}: ${statuses.join(', ')}</dd>
<dt>Findings</dt><dd>${all.length}: ${SEVERITIES.map((s) => `${bySeverity[s]} ${s}${bySeverity[s] === 1 || s === 'info' ? '' : 's'}`).join(', ')}</dd>
</dl>
${
  rows
    ? `<div class="scroll"><table class="counts">
<caption>Findings per rule and severity</caption>
<thead><tr><th scope="col">Rule</th>${SEVERITIES.map((s) => `<th scope="col">${SEVERITY_LABEL[s]}</th>`).join('')}<th scope="col">Total</th></tr></thead>
<tbody>
${rows}
</tbody>
</table></div>`
    : '<p class="clean">No findings.</p>'
}</div>`;
}

function claimsSection(claims: readonly ReportClaim[]): string {
  if (claims.length === 0) return '<p>No tagged claims or risks. Tag them with <code>Claim:</code> labels, <code>&lt;!-- claim --&gt;</code> comments or <code>{.claim}</code> attributes.</p>';
  const files = [...new Set(claims.map((c) => c.file))];
  return files
    .map((file) => {
      const list = claims.filter((c) => c.file === file);
      return `<h3 class="file">${e(file)}</h3>\n${list.map(claimEntry).join('\n')}`;
    })
    .join('\n');
}

function claimEntry(c: ReportClaim): string {
  const kind = c.kind === c.baseKind ? c.kind : `${c.kind} (${c.baseKind})`;
  const parts: string[] = [];
  parts.push(`<p class="why"><span class="status status-${c.status}">${STATUS_LABEL[c.status]}</span> ${e(c.why)}</p>`);
  parts.push(`<p class="where">${e(cap(kind))} · <code>${e(c.file)}:${c.line}</code>${c.id ? ` · id <code>#${e(c.id)}</code>` : ''}</p>`);
  if (c.sources.length) parts.push(evidenceLine(c), `<h5>Sources</h5>\n<ul class="sources">${c.sources.map(sourceItem).join('\n')}</ul>`);
  const group = (title: string, items: readonly ReportRelated[]): void => {
    if (items.length) parts.push(`<h5>${title}</h5>\n<ul class="related">${items.map(relatedItem).join('\n')}</ul>`);
  };
  group('Evidence', c.evidence);
  group('Defenses', c.defenses);
  group('Supporting claims', c.supportingClaims);
  group('Objections', c.objections);
  return `<article class="claim" id="${slugToken(c.anchor)}" data-status="${c.status}" data-filter>
<h4 class="claim-text"><span class="visually-hidden">${e(cap(c.baseKind))}: </span>${e(c.text)}</h4>
${parts.join('\n')}
</article>`;
}

/** `Evidence: 1 preprint (arxiv.org) · 2 same site`: what kind of sources back the claim, as text. */
function evidenceLine(c: ReportClaim): string {
  const kinds = Object.entries(c.sourceTypes).map(([type, n]) => {
    const where = [...new Set(c.sources.filter((s) => s.type === type && s.where).map((s) => s.where!))];
    return `${n} ${e(type === 'same-site' ? 'same site' : type)}${where.length ? ` (${e(where.slice(0, 3).join(', '))}${where.length > 3 ? ', …' : ''})` : ''}`;
  });
  return `<p class="evidence"><span class="src-kind">Evidence</span> ${kinds.join(' · ')}</p>`;
}

function sourceItem(s: ReportSource): string {
  const href = safeHref(s.url);
  const label = href ? `<a href="${href}" rel="noopener noreferrer">${e(s.label)}</a>` : e(s.label);
  // A URL that is not clickable is still shown, as text, so the reviewer sees what was written.
  const rawUrl = s.url && !href ? ` <span class="unsafe-url">(not a web link: <code>${e(s.url)}</code>)</span>` : '';
  const shownUrl = href && s.url !== s.label ? ` <span class="url">${e(s.url!)}</span>` : '';
  return `<li><span class="src-kind">${e(s.kind)}</span> ${label}${shownUrl}${rawUrl}${s.locator ? `, ${e(s.locator)}` : ''}${s.entry ? `<br><cite>${e(s.entry)}</cite>` : ''} <span class="line">line ${s.line}</span></li>`;
}

function relatedItem(r: ReportRelated): string {
  const where = `${e(r.file)}:${r.line}`;
  const place = r.anchor ? `<a href="#${slugToken(r.anchor)}">${where}</a>` : `<code>${where}</code>`;
  const answered = r.answered === undefined ? '' : r.answered ? ' <span class="tag ok">answered</span>' : ' <span class="tag bad">unanswered</span>';
  return `<li><span class="src-kind">${e(r.kind)}</span>${answered} <blockquote>${e(r.excerpt)}</blockquote> ${place} · ${r.sources} source${r.sources === 1 ? '' : 's'}</li>`;
}

function findingsSection(files: readonly { name: string; findings: readonly ReportFinding[] }[], docs: ReadonlyMap<string, { docsUrl: string }>, prefix: string): string {
  const withFindings = files.filter((f) => f.findings.length);
  if (withFindings.length === 0) return '<p class="clean">No findings.</p>';
  return withFindings
    .map(
      (f, i) => `<h3 class="file" id="${prefix}-${i + 1}">${e(f.name)} <span class="count">(${f.findings.length})</span></h3>
<ol class="findings">
${f.findings.map((x) => findingItem(f.name, x, docs)).join('\n')}
</ol>`,
    )
    .join('\n');
}

function findingItem(file: string, f: ReportFinding, docs: ReadonlyMap<string, { docsUrl: string }>): string {
  const href = safeHref(docs.get(f.ruleId)?.docsUrl);
  const rule = href ? `<a class="rule" href="${href}">${e(f.ruleId)}</a>` : `<code class="rule">${e(f.ruleId)}</code>`;
  const line = `line ${f.line}:${f.column}`;
  const place = f.claim ? `<a href="#${slugToken(f.claim)}">${line}</a>` : line;
  return `<li class="finding sev-${f.severity}" data-file="${e(file)}" data-line="${f.line}" data-column="${f.column}" data-rule="${e(f.ruleId)}" data-filter>
<p><span class="sev">${SEVERITY_LABEL[f.severity] ?? e(f.severity)}</span> <span class="place">${place}</span> ${rule}</p>
<p class="message">${e(f.message)}</p>
${f.excerpt ? excerptBlock(f.excerpt) : ''}
</li>`;
}

function excerptBlock(x: Excerpt): string {
  const rows = x.lines.map((text, i) => {
    const marks = x.marks.filter((m) => m.line === i).sort((a, b) => a.start - b.start);
    let html = '';
    let at = 0;
    for (const m of marks) {
      if (m.start < at) continue;
      html += e(text.slice(at, m.start)) + `<mark>${e(text.slice(m.start, m.end))}</mark>`;
      at = m.end;
    }
    html += e(text.slice(at));
    return `<span class="ln" aria-hidden="true">${x.firstLine + i}</span>${html}`;
  });
  return `<pre class="excerpt" aria-label="Source around the finding, lines ${x.firstLine} to ${x.firstLine + x.lines.length - 1}; the span is marked"><code>${rows.join('\n')}</code></pre>`;
}

function mapSection(data: ReportData, svgs: readonly (string | undefined)[]): string {
  if (data.maps.length === 0) return '<p>No tagged nodes, so there is no map.</p>';
  const intro = '<p>Claims and risks are linked to their entries above. Green arrows support, purple arrows defend, dashed red arrows attack.</p>';
  return (
    intro +
    data.maps
      .map((m, i) => {
        const svg = svgs[i] ? sanitizeSvg(svgs[i]!) : undefined;
        const caption = m.file === null ? `Argument map of every file (${m.nodes} nodes)` : `Argument map of ${m.file} (${m.nodes} nodes)`;
        const body = svg ?? `<p>The map could not be drawn; its Graphviz source follows.</p><pre class="excerpt"><code>${e(m.dot)}</code></pre>`;
        const figure = `<figure class="map" role="group" aria-label="${e(caption)}">\n<div class="scroll">${body}</div>\n<figcaption>${e(caption)}</figcaption>\n</figure>`;
        return data.maps.length > 1 ? `<h3>${e(m.file ?? 'All files')}</h3>\n${figure}` : figure;
      })
      .join('\n')
  );
}

function extraSection(s: ReportSection): string {
  return `${s.intro ? `<p>${e(s.intro)}</p>\n` : ''}<div class="scroll"><table class="extra">
<thead><tr>${s.columns.map((c) => `<th scope="col">${e(c)}</th>`).join('')}</tr></thead>
<tbody>
${s.rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${e(c)}</th>` : `<td>${e(c)}</td>`)).join('')}</tr>`).join('\n')}
</tbody>
</table></div>`;
}

const SVG_ELEMENTS = new Set(['svg', 'g', 'title', 'desc', 'path', 'polygon', 'polyline', 'ellipse', 'circle', 'rect', 'line', 'text', 'tspan', 'a', 'defs']);

/**
 * Graphviz's SVG, inline: the XML prologue removed, and — defence in depth, since Graphviz
 * already escapes label text — only plain drawing elements kept, no event-handler attributes,
 * no `style` attributes (the CSP would block them) and no link other than to this page's anchors.
 */
export function sanitizeSvg(svg: string): string {
  const start = svg.indexOf('<svg');
  if (start < 0) return '';
  let out = svg.slice(start).replace(/<!--[\s\S]*?-->/g, '');
  out = out.replace(/<(\/?)([A-Za-z][\w:-]*)([^>]*)>/g, (_all, close: string, name: string, attrs: string) => {
    const tag = name.toLowerCase();
    if (!SVG_ELEMENTS.has(tag)) return '';
    if (close) return `</${tag}>`;
    const kept: string[] = [];
    for (const m of attrs.matchAll(/([A-Za-z_:][\w:.-]*)\s*=\s*("[^"]*"|'[^']*')/g)) {
      const attr = m[1]!.toLowerCase();
      const value = m[2]!.slice(1, -1);
      if (attr.startsWith('on') || attr === 'style') continue;
      if (attr === 'href' || attr === 'xlink:href') {
        if (!/^#[A-Za-z0-9_-]+$/.test(value)) continue;
        kept.push(`href="${value}"`);
        continue;
      }
      if (attr === 'target') continue;
      kept.push(`${attr}="${value.replace(/"/g, '&quot;')}"`);
    }
    const selfClosing = /\/\s*$/.test(attrs);
    // No role="img" on the <svg>: it would hide the node links inside from assistive technology.
    return `<${tag}${kept.length ? ' ' + kept.join(' ') : ''}${selfClosing ? '/' : ''}>`;
  });
  return out.trim();
}

function cap(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

// Colours are chosen for at least 4.5:1 contrast on their backgrounds; every status and severity
// is also written out in words (and a symbol), never shown by colour alone.
const CSS = `
:root{--fg:#1f2937;--muted:#4b5563;--bg:#ffffff;--line:#d1d5db;--link:#1d4ed8;--panel:#f9fafb}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
header,nav,main,footer{max-width:72rem;margin:0 auto;padding:0 1rem}
h1{font-size:1.6rem;margin:1rem 0 .5rem}h2{font-size:1.35rem;margin:2rem 0 .75rem;border-bottom:2px solid var(--line)}
h3{font-size:1.1rem;margin:1.5rem 0 .5rem}h4{font-size:1rem;margin:.75rem 0 .25rem}h5{font-size:.95rem;margin:.6rem 0 .2rem}
a{color:var(--link)}a:focus-visible,summary:focus-visible,input:focus-visible{outline:3px solid #b45309;outline-offset:2px}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em}
.skip{position:absolute;left:-100vw}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:1}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.summary{display:flex;flex-wrap:wrap;gap:0 3rem;align-items:flex-start}.summary>.meta{flex:1 1 24rem}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:.5rem 0}.meta dt{font-weight:600}.meta dd{margin:0;overflow-wrap:anywhere}
.scroll{overflow-x:auto}
table{border-collapse:collapse;margin:.5rem 0}caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid var(--line);padding:.25rem .6rem;text-align:left}td{text-align:right}
nav ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
.file{overflow-wrap:anywhere}.count{color:var(--muted);font-weight:normal}
.claim{border:1px solid var(--line);border-left-width:6px;border-radius:6px;padding:.5rem 1rem;margin:.75rem 0;background:var(--panel)}
.claim[data-status=supported]{border-left-color:#15803d}.claim[data-status=unsupported]{border-left-color:#b91c1c}.claim[data-status=suppressed]{border-left-color:#6b7280;border-left-style:dashed}
.claim-text{font-size:1.05rem;margin:.25rem 0}
.status,.sev,.tag,.src-kind{display:inline-block;border-radius:4px;padding:0 .4rem;font-size:.85em;font-weight:600}
.status-supported,.ok{background:#dcfce7;color:#14532d}.status-unsupported,.bad{background:#fee2e2;color:#7f1d1d}.status-suppressed{background:#e5e7eb;color:#1f2937}
.src-kind{background:#e0e7ff;color:#1e3a8a;font-weight:500}
.where,.line,.url{color:var(--muted);font-size:.9em}.url,.unsafe-url{overflow-wrap:anywhere}
.why{margin:.25rem 0}
ul.sources,ul.related{padding-left:1.25rem}ul.related blockquote{margin:.25rem 0;padding-left:.75rem;border-left:3px solid var(--line)}
.findings{padding-left:1.5rem}.finding{margin:.75rem 0}.finding p{margin:.1rem 0}
.sev-error .sev{background:#fee2e2;color:#7f1d1d}.sev-warning .sev{background:#fef3c7;color:#78350f}.sev-info .sev{background:#dbeafe;color:#1e3a8a}.sev-hint .sev{background:#e5e7eb;color:#1f2937}
.extra td{text-align:left;vertical-align:top}.extra th[scope=row]{font-weight:normal;min-width:14rem;vertical-align:top}
.rule{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em}
.excerpt{background:#f3f4f6;border:1px solid var(--line);border-radius:4px;padding:.5rem;overflow-x:auto;white-space:pre;margin:.25rem 0}
.excerpt mark{background:#fde68a;color:#111827;text-decoration:underline wavy #b45309;text-underline-offset:3px}
.ln{display:inline-block;min-width:3ch;margin-right:1ch;color:var(--muted);text-align:right;user-select:none}
.map svg{max-width:100%;height:auto}.map figcaption{color:var(--muted);font-size:.9em}
details.collapsed>summary{cursor:pointer;font-weight:600;padding:.25rem 0}
.filter{margin:.5rem 0;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center}.filter input[type=search]{font:inherit;padding:.25rem .5rem;min-width:16rem;max-width:100%}
[hidden]{display:none!important}
footer{color:var(--muted);font-size:.9em;margin-top:2rem;padding-bottom:2rem}
@media (max-width:40rem){body{font-size:15px}.meta{grid-template-columns:1fr}.claim{padding:.5rem}.excerpt{font-size:.8em}}
@media print{
body{font-size:11pt}nav,.skip,.filter{display:none!important}
header,main,footer{max-width:none;padding:0}
details::details-content{content-visibility:visible;display:block}
details>summary{list-style:none}
[hidden]{display:revert!important}
.claim,.finding,figure{break-inside:avoid}
a{color:inherit}a[href^="http"]::after{content:" <" attr(href) ">";font-size:.8em;overflow-wrap:anywhere}
.excerpt{white-space:pre-wrap}
}
`;

// Progressive enhancement only: a filter box over claims and findings, and every section open
// when printing. Without it, everything is shown and the heuristic section is one click away.
const SCRIPT = `
(function(){
  var main=document.getElementById('main');if(!main)return;
  var items=[].slice.call(document.querySelectorAll('[data-filter]'));
  var box=document.createElement('div');box.className='filter';box.setAttribute('role','search');
  var label=document.createElement('label');label.textContent='Filter claims and findings ';
  var input=document.createElement('input');input.type='search';input.placeholder='text, file or rule';label.appendChild(input);
  var only=document.createElement('label');var check=document.createElement('input');check.type='checkbox';only.appendChild(check);only.appendChild(document.createTextNode(' only unsupported claims and errors/warnings'));
  var shown=document.createElement('span');shown.setAttribute('aria-live','polite');
  box.appendChild(label);box.appendChild(only);box.appendChild(shown);main.insertBefore(box,main.firstChild);
  function apply(){var q=input.value.toLowerCase();var n=0;items.forEach(function(el){
    var text=(el.textContent+' '+(el.getAttribute('data-file')||'')+' '+(el.getAttribute('data-rule')||'')).toLowerCase();
    var ok=!q||text.indexOf(q)>=0;
    if(ok&&check.checked){var s=el.getAttribute('data-status');ok=s?s==='unsupported':(el.className.indexOf('sev-error')>=0||el.className.indexOf('sev-warning')>=0);}
    el.hidden=!ok;if(ok)n++;});shown.textContent=(q||check.checked)?n+' of '+items.length+' shown':'';}
  input.addEventListener('input',apply);check.addEventListener('change',apply);
  window.addEventListener('beforeprint',function(){[].forEach.call(document.querySelectorAll('details'),function(d){d.open=true;});});
})();
`;
