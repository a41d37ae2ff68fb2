import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { ARGUMENT_MAP, type ArgumentMapResult } from '../../src/service/protocol.js';
import { at, fixtureText, fixtureUri, startHarness, type Harness } from './harness.js';

const DIR = fileURLToPath(new URL('./fixtures/map/', import.meta.url));
const GARDEN = fixtureUri('garden.md', DIR);
const SUPPORT = fixtureUri('support.md', DIR);
const garden = fixtureText('garden.md', DIR);

describe('server: warrant/argumentMap', () => {
  let h: Harness;
  before(async () => (h = await startHarness({ pull: true, rootDir: DIR })));
  after(() => h.close());

  const map = (params: object) => h.client.sendRequest(ARGUMENT_MAP, params) as Promise<ArgumentMapResult>;

  it("one document: its nodes with statuses and ranges, plus the other file's evidence it links to", async () => {
    const m = await map({ uri: GARDEN });
    const summary = m.nodes.map((n) => `${n.key} ${n.kind} ${n.status}${n.external ? ' external' : ''} ${n.label}`);
    assert.deepEqual(summary, [
      'n1 claim supported Gardens lower summer street temperatures',
      'n2 claim unsupported Gardens bring neighbours together',
      'n3 claim supported Plots pay back their water bill',
      'n4 objection answered Open lots invite vandalism at night.',
      'n5 defense linked A low fence and a rota of evening visits keep damage rare.',
      "n6 evidence sourced external The allotment society's ledger shows sales above fees for four years (ledger).",
    ]);
    const claim2 = m.nodes[1]!;
    assert.equal(claim2.uri, GARDEN);
    assert.equal(claim2.id, 'claim-2-gardens-bring-neighbours-together');
    // the heading text after `### `, what "reveal" selects
    assert.deepEqual(claim2.range.start, at(garden, 'Claim 2'));
    assert.equal(claim2.range.end.line, claim2.range.start.line);
    assert.equal(m.nodes[5]!.uri, SUPPORT);
    assert.deepEqual(
      m.edges.map((e) => `${e.from} ${e.type} ${e.to} (${e.via})`),
      ['n4 attacks n1 (attribute)', 'n5 defends n4 (attribute)', 'n6 supports n3 (attribute)'],
    );
  });

  it("DOT comes from core's serialiser, with files named relative to the workspace folder", async () => {
    const m = await map({ uri: GARDEN });
    assert.match(m.dot, /^digraph warrant \{/);
    assert.match(m.dot, /label="garden\.md";/);
    assert.match(m.dot, /label="support\.md";/);
    assert.match(m.dot, /n6 -> n3 \[label="supports"/);
    assert.equal(m.text, undefined);
  });

  it('other formats on request (for the export command)', async () => {
    const mermaid = await map({ uri: GARDEN, format: 'mermaid' });
    assert.match(mermaid.text!, /^flowchart LR/);
    const json = JSON.parse((await map({ uri: GARDEN, format: 'json' })).text!) as { version: number; nodes: { file: string }[] };
    assert.equal(json.version, 1);
    assert.equal(json.nodes[0]!.file, 'garden.md');
    const aif = JSON.parse((await map({ uri: GARDEN, format: 'aif' })).text!) as { AIF: { nodes: unknown[] } };
    assert.ok(aif.AIF.nodes.length > 6);
  });

  it('without a uri: every file of the workspace, none external', async () => {
    const m = await map({});
    assert.deepEqual([...new Set(m.nodes.map((n) => n.uri))].sort(), [GARDEN, SUPPORT].sort());
    assert.ok(m.nodes.every((n) => !n.external));
    assert.equal(m.nodes.length, 6);
  });

  it('follows the open buffer: citing claim 2 makes it supported', async () => {
    const cited = garden.replace('Volunteers meet every weekend', 'Volunteers meet every weekend ([rota](https://example.org/rota))');
    h.open(GARDEN, cited);
    try {
      const m = await map({ uri: GARDEN });
      assert.equal(m.nodes.find((n) => n.key === 'n2')!.status, 'supported');
      assert.ok(m.nodes.every((n) => n.status !== 'unsupported'));
    } finally {
      void h.client.sendNotification('textDocument/didClose', { textDocument: { uri: GARDEN } });
    }
  });
});
