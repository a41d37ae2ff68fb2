import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { REPO, warrant } from './helpers.js';

const EXAMPLES = join(REPO, 'examples');

describe('warrant graph', function () {
  this.timeout(60_000);

  it('-f aif on the examples: OVA3 shape, every edge joins two node ids', () => {
    const r = warrant(['graph', '.', '-f', 'aif'], { cwd: EXAMPLES });
    assert.equal(r.status, 0, r.stderr);
    const doc = JSON.parse(r.stdout);
    const ids = new Set(doc.AIF.nodes.map((n: { nodeID: string }) => n.nodeID));
    assert.ok(doc.AIF.nodes.length > 0 && doc.AIF.edges.length > 0);
    for (const n of doc.AIF.nodes) assert.ok(['I', 'RA', 'CA'].includes(n.type));
    for (const e of doc.AIF.edges) {
      assert.ok(ids.has(e.fromID), `edge ${e.edgeID} from ${e.fromID}`);
      assert.ok(ids.has(e.toID), `edge ${e.edgeID} to ${e.toID}`);
    }
    assert.ok(doc.AIF.nodes.some((n: { type: string }) => n.type === 'RA'));
    assert.ok(doc.AIF.nodes.some((n: { type: string }) => n.type === 'CA'));
    assert.equal(doc.OVA.nodes.length, doc.AIF.nodes.length);
  });

  it('-f mermaid starts with flowchart', () => {
    const r = warrant(['graph', '.', '-f', 'mermaid'], { cwd: EXAMPLES });
    assert.match(r.stdout, /^(flowchart|graph) /);
    assert.match(r.stdout, /-->\|supports\||==>\|defends\||-\.->\|attacks\|/);
  });

  it('-f json lists nodes and edges by key, with files relative to the working folder', () => {
    const r = warrant(['graph', 'multi-file', '-f', 'json'], { cwd: EXAMPLES });
    const g = JSON.parse(r.stdout);
    assert.equal(g.version, 1);
    const keys = new Set(g.nodes.map((n: { key: string }) => n.key));
    for (const e of g.edges) assert.ok(keys.has(e.from) && keys.has(e.to));
    assert.ok(g.nodes.every((n: { file: string }) => n.file.startsWith('multi-file/')));
    // The cross-file defense: replies.md defends an objection in liability.md.
    assert.ok(g.edges.some((e: { type: string; file: string }) => e.type === 'defends' && e.file === 'multi-file/replies.md'));
  });

  it('-f dot is a digraph', () => {
    const r = warrant(['graph', 'multi-file', '-f', 'dot'], { cwd: EXAMPLES });
    assert.match(r.stdout, /^digraph warrant \{\n/);
    assert.match(r.stdout, /\}\n$/);
  });

  it('-f svg is well-formed SVG, rendered offline', () => {
    const r = warrant(['graph', 'multi-file', '-f', 'svg'], { cwd: EXAMPLES });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(XMLValidator.validate(r.stdout), true);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(r.stdout);
    assert.ok(doc.svg, 'root element is <svg>');
  });

  it('-f svg reads top down in document order, marks unbacked nodes red, and names fonts of the widths it measured (issue 22)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'warrant-graph-'));
    try {
      const claims = ['The first claim is backed.', 'The second claim stands alone.', 'The third claim is backed too.', 'The fourth claim comes last.'];
      const text = claims.map((c, i) => `## Part ${i + 1}\n\n**Claim:** ${c}${i % 2 === 0 ? ' [A source](https://example.org/s).' : ''}\n`).join('\n');
      writeFileSync(join(dir, 'essay.md'), text);
      const r = warrant(['graph', 'essay.md', '-f', 'svg'], { cwd: dir });
      assert.equal(r.status, 0, r.stderr);
      // Each node: <g id="nodeN" class="node"><title>nK</title><path fill=… stroke=…/><text … y="…">…
      const nodes = [...r.stdout.matchAll(/<g id="node\d+" class="node">\s*<title>[^<]*<\/title>\s*<path ([^>]*)\/>([\s\S]*?)<\/g>/g)].map((m) => ({
        stroke: /stroke="([^"]*)"/.exec(m[1]!)![1],
        y: Number(/<text[^>]* y="([-\d.]+)"/.exec(m[2]!)![1]),
        text: [...m[2]!.matchAll(/>([^<]+)<\/text>/g)].map((t) => t[1]).join(' '),
        font: /font-family="([^"]*)"/.exec(m[2]!)![1],
      }));
      assert.equal(nodes.length, 4, r.stdout.slice(0, 2000));
      const order = claims.map((c) => nodes.find((n) => n.text.includes(c.slice(4, 20)))!);
      for (let i = 1; i < order.length; i++) assert.ok(order[i]!.y > order[i - 1]!.y, `claim ${i + 1} (y ${order[i]!.y}) is below claim ${i} (y ${order[i - 1]!.y})`);
      assert.deepEqual(order.map((n) => n.stroke === '#dc2626'), [false, true, false, true]);
      assert.match(order[0]!.font, /^Helvetica,Arial,Liberation Sans/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a graph too large for Graphviz to lay out: -f svg refuses in one line, -f dot exports it, the report shows its source', () => {
    // issue #21: Graphviz took 15 s for a loop of 2,000 claims and 65 s for 4,000.
    const dir = mkdtempSync(join(tmpdir(), 'warrant-big-graph-'));
    try {
      const n = 1001;
      writeFileSync(join(dir, 'ring.md'), Array.from({ length: n }, (_, i) => `<!-- claim #c${i} supports=#c${(i + 1) % n} -->\nStep ${i} holds.\n`).join('\n'));
      const svg = warrant(['graph', 'ring.md', '-f', 'svg'], { cwd: dir });
      assert.equal(svg.status, 2, svg.stderr);
      assert.equal(svg.stdout, '');
      assert.match(svg.stderr, /^warrant: the graph has 1,001 nodes, more than the 1,000 Graphviz draws in reasonable time: export it with -f dot or -f json instead\n$/);
      assert.match(warrant(['graph', 'ring.md', '-f', 'dot'], { cwd: dir }).stdout, /^digraph warrant/);
      const report = warrant(['report', 'ring.md', '-o', 'r.html'], { cwd: dir });
      assert.ok(report.status === 0 || report.status === 1, report.stderr);
      const page = readFileSync(join(dir, 'r.html'), 'utf8');
      assert.ok(page.includes('digraph'), 'the map is shown as its Graphviz source');
      assert.ok(!page.includes('<svg'), 'and not drawn');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an unknown format is a usage error', () => {
    assert.equal(warrant(['graph', '.', '-f', 'png'], { cwd: EXAMPLES }).status, 2);
  });
});
