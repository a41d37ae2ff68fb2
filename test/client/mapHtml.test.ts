/**
 * The argument map page without an editor: the service's map of a small workspace, drawn by the
 * real Graphviz (`@viz-js/viz`, as `dist/viz.cjs` bundles it), turned into the webview's HTML,
 * and `media/map.js` run against a stub DOM to see what a click posts.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { runPageScript } from '../helpers/webviewScript.js';
import { buildMapHtml, decorateSvg } from '../../src/client/map/html.js';
import { renderSvg } from '../../src/client/map/render.js';
import { getArgumentMap } from '../../src/service/argumentMap.js';
import type { ArgumentMapResult } from '../../src/service/protocol.js';
import { workspace } from '../service/helpers.js';

const SCRIPT = readFileSync(new URL('../../media/map.js', import.meta.url), 'utf8');
const VIZ = createRequire(import.meta.url).resolve('@viz-js/viz');

const essay = `# Bridges

### Claim 1: The ferry costs more than a bridge

Over thirty years the [transport board's estimate](https://example.org/estimate) favours the bridge.

### Claim 2: Commuters would switch within a year

They say so.

## Replies

<!-- objection #tolls attacks=#claim-1-the-ferry-costs-more-than-a-bridge -->
**Objection:** Tolls would price out "day" workers & students (fares < 2 € > none).
`;

describe('client: argument map page', () => {
  let map: ArgumentMapResult;
  let html: string;
  const page = (extra: object = {}) =>
    buildMapHtml({ title: 'bridges.md', nodes: map.nodes, svg, nonce: 'abc123NONCE', cspSource: 'https://file+.vscode-resource.vscode-cdn.net', scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/map.js', ...extra });
  let svg: string;

  before(async () => {
    const { ctx } = workspace({ 'bridges.md': essay });
    map = getArgumentMap(ctx, { uri: 'file:///ws/bridges.md' }, ['file:///ws']);
    svg = await renderSvg(map.dot, VIZ);
    html = page();
  });

  it('has a strict CSP: nothing by default, script and style only with the nonce', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
    assert.ok(csp, 'a CSP meta tag');
    assert.match(csp, /^default-src 'none';/);
    assert.match(csp, /script-src 'nonce-abc123NONCE'(;|$)/);
    assert.match(csp, /style-src 'nonce-abc123NONCE'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-(inline|eval)/);
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    assert.deepEqual(scripts, ['<script nonce="abc123NONCE" src="https://file+.vscode-resource.vscode-cdn.net/ext/media/map.js">']);
    assert.equal([...html.matchAll(/<style\b[^>]*>/g)].map((m) => m[0]).join(), '<style nonce="abc123NONCE">');
  });

  it('loads nothing remote: no DOCTYPE URL, no namespaces, no http(s) link but the webview resource', () => {
    const withoutOwn = html.replaceAll('https://file+.vscode-resource.vscode-cdn.net', '');
    assert.doesNotMatch(withoutOwn, /https?:\/\//);
    assert.doesNotMatch(html, /\b(href|xlink:href)=/);
    assert.doesNotMatch(html, /\son\w+=/i, 'no inline event handlers');
    assert.match(html, /<svg\b/);
  });

  it('tags each node with its kind and status; the unsupported claim stands out', () => {
    const tags = [...html.matchAll(/<g id="node\d+" class="([^"]*)" data-key="(n\d+)"/g)].map((m) => `${m[2]} ${m[1]}`);
    assert.deepEqual(tags, [
      'n1 node kind-claim status-supported',
      'n2 node kind-claim status-unsupported problem',
      'n3 node kind-objection status-unanswered problem',
    ]);
    assert.match(html, /<title>Claim \(unsupported\): Commuters would switch within a year — no sources<\/title>/);
    // each node's own sources by kind (issue 23)
    assert.match(html, /<title>Claim \(supported\): The ferry costs more than a bridge — 1 web<\/title>/);
    assert.match(html, /1 unsupported claim · 1 other unbacked/);
  });

  it('escapes the text of the essay', () => {
    assert.match(html, /aria-label="Objection \(unanswered\): Tolls would price out &quot;day&quot; workers &amp; students \(fares &lt; 2 € &gt; none\)\. — no sources"/);
    assert.doesNotMatch(html, /fares < 2/);
  });

  it('a click on a node posts its uri and range; Enter does too; elsewhere nothing', () => {
    const claim2 = map.nodes.find((n) => n.key === 'n2')!;
    const attrs = Object.fromEntries([.../<g ([^>]*data-key="n2"[^>]*)>/.exec(html)![1]!.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    const node = { getAttribute: (name: string) => attrs[name] ?? null };
    const { posted, handlers } = runPageScript(SCRIPT);
    const inside = { closest: (sel: string) => (sel === 'g.node[data-uri]' ? node : null) };
    handlers.click!({ target: inside });
    handlers.click!({ target: { closest: () => null } });
    handlers.keydown!({ key: 'Enter', target: inside, preventDefault: () => undefined });
    handlers.keydown!({ key: 'a', target: inside, preventDefault: () => undefined });
    const expected = { type: 'reveal', key: 'n2', uri: 'file:///ws/bridges.md', range: claim2.range };
    assert.deepEqual(JSON.parse(JSON.stringify(posted)), [expected, expected]);
    assert.deepEqual(claim2.range.start, { line: 6, character: 4 });
  });

  it('no nodes, or a message: a sentence instead of a map', () => {
    assert.match(page({ nodes: [], svg: '' }), /No claims, evidence, defenses, objections or risks found in bridges\.md/);
    assert.match(page({ message: 'Warrant is disabled' }), /<p class="empty">Warrant is disabled<\/p>/);
  });

  it('decorateSvg leaves nodes it does not know alone', () => {
    const svgIn = '<g id="node1" class="node">\n<title>n9</title>';
    assert.equal(decorateSvg(svgIn, map.nodes), svgIn);
  });
});
