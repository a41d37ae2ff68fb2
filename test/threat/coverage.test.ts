/**
 * The threat-coverage page without an editor: the service's matrix of a small workspace, the
 * webview's HTML (strict CSP, escaped text, reveal buttons) and `media/threat.js` run against a
 * stub DOM to see what a click posts. And the graph exports' attributes.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { runPageScript } from '../helpers/webviewScript.js';
import { buildThreatHtml } from '../../src/client/threat/html.js';
import { getThreatMatrix } from '../../src/service/threatMatrix.js';
import { exportGraph, toDot, toMermaid } from '../../src/core/export/graph.js';
import { configFrom } from '../helpers/memory.js';
import { workspace } from '../service/helpers.js';

const SCRIPT = readFileSync(new URL('../../media/threat.js', import.meta.url), 'utf8');
const AI_RISK = configFrom('extends: warrant:ai-risk\n');

const ESSAY = [
  '<!-- risk #weights adversary=skilled -->',
  'A crew retrains released weights for "scam" pages & 1 < 2 more.',
  '',
  '<!-- defense #refuse defends=#weights -->',
  'RLHF teaches the model to refuse.',
  '',
  '<!-- risk #slip -->',
  'An unsuspecting user gets a slur.',
  '',
  '<!-- defense defends=#slip -->',
  'Monitoring of logs catches repeats.',
  '',
].join('\n');

describe('threat coverage page', () => {
  const fx = workspace({ 'essay.md': ESSAY, 'other.md': '<!-- defense #law defends=essay.md#weights layer=ecosystem -->\nLiability law reaches the crew.\n' }, {}, AI_RISK);
  const result = getThreatMatrix(fx.ctx, { uri: 'file:///ws/essay.md' }, ['file:///ws']);
  const html = buildThreatHtml({ title: 'essay.md', result, nonce: 'NONCE1', cspSource: 'https://res.example', scriptUri: 'https://res.example/media/threat.js' });

  it('the service answers the matrix, the adversary table and where each risk and defense is', () => {
    assert.deepEqual(result.matrix.risks.map((r) => [r.id, r.adversary, r.defenses['model'], r.defenses['product'], r.defenses['ecosystem']]), [
      ['weights', 'skilled', ['refuse'], [], ['law']],
      ['slip', 'none', [], ['essay.md:11'], []],
    ]);
    assert.deepEqual(result.byAdversary.rows.map((r) => r.value), ['none', 'casual', 'skilled', 'well-resourced']);
    assert.deepEqual(result.locations['defense:law'], { uri: 'file:///ws/other.md', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 31 } } });
    assert.deepEqual(result.locations['risk:0']!.range.start, { line: 1, character: 0 });
  });

  it('renders under the map’s strict CSP, escapes text and marks inferred values', () => {
    assert.match(html, /content="default-src 'none'; style-src 'nonce-NONCE1'; script-src 'nonce-NONCE1'; img-src https:\/\/res\.example; font-src https:\/\/res\.example"/);
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.match(html, /<script nonce="NONCE1" src="https:\/\/res\.example\/media\/threat\.js"><\/script>/);
    assert.ok(!html.includes('1 < 2'), 'risk text must be escaped');
    assert.match(html, /title="essay\.md:2 — A crew retrains released weights for &quot;scam&quot; pages &amp; 1 &lt; 2 more\.">weights<\/button>/);
    assert.match(html, /<td class="inferred" title="inferred from &quot;unsuspecting&quot;">none\?<\/td>/);
    assert.match(html, />refuse\?<\/button>/, 'the RLHF defense’s layer is inferred');
    assert.match(html, />L11\?<\/button>/, 'an anonymous defense is named by its line');
  });

  it('a click on a risk or defense posts its uri and range', () => {
    const { posted, handlers } = runPageScript(SCRIPT);
    const law = result.locations['defense:law']!;
    const attrs: Record<string, string> = { 'data-uri': law.uri, 'data-range': `${law.range.start.line},${law.range.start.character},${law.range.end.line},${law.range.end.character}` };
    const button = { getAttribute: (n: string) => attrs[n] ?? null };
    handlers.click!({ target: { closest: (sel: string) => (sel === 'button.reveal[data-uri]' ? button : null) } });
    handlers.click!({ target: { closest: () => null } });
    assert.deepEqual(JSON.parse(JSON.stringify(posted)), [{ type: 'reveal', uri: law.uri, range: law.range }]);
  });

  it('the adversary table counts a defense that covers two risks once', () => {
    const two = [
      '<!-- risk #one adversary=skilled -->',
      'A crew forges invoices.',
      '',
      '<!-- risk #two adversary=skilled -->',
      'A crew forges receipts.',
      '',
      '<!-- defense #guard defends=#one layer=product -->',
      'A filter holds forged papers, and also [the receipts](#two).',
      '',
    ].join('\n');
    const r = getThreatMatrix(workspace({ 'two.md': two }, {}, AI_RISK).ctx, { uri: 'file:///ws/two.md' }, ['file:///ws']);
    assert.deepEqual(r.matrix.risks.map((risk) => [risk.id, risk.defenses['product']]), [['one', ['guard']], ['two', ['guard']]]);
    const skilled = r.byAdversary.rows.find((row) => row.value === 'skilled')!;
    assert.equal(skilled.risks, 2);
    assert.deepEqual(skilled.defenses, { model: 0, product: 1, ecosystem: 0, unrated: 0 }, 'one defense, however many risks it covers');
  });

  it('says so when there are no risks, or shows a message', () => {
    const empty = getThreatMatrix(workspace({ 'a.md': '# Nothing\n' }, {}, AI_RISK).ctx, { uri: 'file:///ws/a.md' }, ['file:///ws']);
    assert.match(buildThreatHtml({ title: 'a.md', result: empty, nonce: 'n', cspSource: 'c', scriptUri: 's' }), /No risks found in a\.md/);
    assert.match(buildThreatHtml({ title: 'a.md', result: empty, nonce: 'n', cspSource: 'c', scriptUri: 's', message: 'Warrant is disabled' }), /<p class="empty">Warrant is disabled<\/p>/);
  });
});

describe('graph exports carry attributes', () => {
  const fx = workspace({ 'essay.md': ESSAY }, {}, AI_RISK);
  const graph = fx.ctx.graph();
  const data = exportGraph(graph, [graph.model('file:///ws/essay.md')!], (u) => u.slice(u.lastIndexOf('/') + 1));

  it('JSON: every attribute, and the cue of each inferred one', () => {
    const byId = new Map(data.nodes.map((n) => [n.id, n]));
    assert.deepEqual(byId.get('weights')!.attributes, { adversary: 'skilled', harm: 'intentional' });
    assert.deepEqual(byId.get('weights')!.inferred, { harm: 'adversary=skilled' });
    assert.deepEqual(byId.get('refuse')!.attributes, { layer: 'model' });
    assert.deepEqual(byId.get('refuse')!.inferred, { layer: 'RLHF' });
  });

  it('DOT and Mermaid show a risk’s adversary and a defense’s layer (as its border)', () => {
    const dot = toDot(data);
    assert.match(dot, /\[adversary: skilled\]/);
    assert.match(dot, /\[layer: model\?\]", fillcolor="#ede9fe", style="rounded,filled,dashed", penwidth=2\]/);
    assert.match(dot, /\[layer: product\?\]", fillcolor="#ede9fe", peripheries=2\]/);
    const mermaid = toMermaid(data);
    assert.match(mermaid, /<br\/>\[adversary: none\?\]/);
    assert.match(mermaid, /classDef layer-model stroke-dasharray:5 3,stroke-width:2px/);
  });
});
