/**
 * A document can cost its own findings, never the run's. About 2,000 nested `>` on one line used
 * to overflow the stack in a recursive tree walk ("unexpected error: RangeError", exit 2, every
 * other file's results dropped; the server published nothing), and a long chain or loop of
 * supporting claims overflowed the circular-support search. The tree is now cut at
 * `MAX_TREE_DEPTH` with one `file-skipped` finding, and graph searches use explicit stacks.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { lintText, where, ESSAY, ROOT } from '../helpers/memory.js';
import { createEngine, MemoryWorkspace } from '../../src/core/index.js';
import { circularSupport } from '../../src/core/rules/circular-support.js';
import type { ArgumentGraph, NodeHandle } from '../../src/core/model/graph.js';
import type { Report, RuleContext } from '../../src/core/rule.js';
import { MAX_CONTAINER_DEPTH } from '../../src/core/parse/bounds.js';
import { boundTreeDepth, MAX_TREE_DEPTH } from '../../src/core/parse/depth.js';
import type { Root } from 'mdast';
import { warrant } from '../cli/helpers.js';
import { startHarness } from '../server/harness.js';

const CLAIM = 'Claim: the new scheduler halves tail latency for every tenant.\n';
const deepQuotes = (n: number): string => `${'> '.repeat(n)}deep\n`;

describe('deep nesting costs the document its deep part, never the run', () => {
  it('3,000 nested block quotes on one line: the file is skipped with one finding at that line', () => {
    // Bounded before parsing (src/core/parse/bounds.ts): micromark's own cost and stack grow with the depth.
    const text = `${CLAIM}\n${deepQuotes(3000)}\n${CLAIM}`;
    const r = lintText(text);
    assert.deepEqual(where(r.findings), ['file-skipped@3:1']);
    assert.match(r.findings[0]!.message, new RegExp(`^Line 3 nests block quotes or lists more than ${MAX_CONTAINER_DEPTH} deep: the file is not linted`));
  });

  it('3,000 nested list markers on one line, and 1,000 lines each indented one level deeper', () => {
    assert.deepEqual(where(lintText(`${CLAIM}\n${'- '.repeat(3000)}x\n`).findings), ['file-skipped@3:1']);
    const indented = Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n');
    assert.deepEqual(where(lintText(`${CLAIM}\n${indented}\n`).findings), [`file-skipped@${3 + 2 * MAX_CONTAINER_DEPTH}:1`]);
  });

  it('a line that only looks like a code fence does not hide deep nesting', () => {
    // Indented four columns after a paragraph, it is a lazy paragraph line, not a fence.
    assert.deepEqual(where(lintText(`${CLAIM}    \`\`\`\n\n${deepQuotes(3000)}\n`).findings), ['file-skipped@4:1']);
    // Inside a real fence the same text is code, and is not counted.
    assert.deepEqual(where(lintText(`\`\`\`\n${deepQuotes(3000)}\n\`\`\`\n\n${CLAIM}`).findings, 'file-skipped'), []);
  });

  it('a document nested at the limit is linted as usual', () => {
    const r = lintText(`${deepQuotes(MAX_CONTAINER_DEPTH)}\n${CLAIM}`);
    assert.deepEqual(where(r.findings, 'file-skipped'), []);
    assert.deepEqual(where(r.findings, 'unsupported-claim'), ['unsupported-claim@3:1']);
  });

  it('deeply nested emphasis is read as text before it can nest (test/security/emphasis.test.ts)', () => {
    const n = 400;
    const r = lintText(`${'*a _b '.repeat(n)}c${' d_ e*'.repeat(n)}\n\n${CLAIM}`);
    assert.deepEqual(where(r.findings, 'file-skipped'), ['file-skipped@1:1']);
    assert.match(r.findings.find((f) => f.ruleId === 'file-skipped')!.message, /1600 emphasis markers .* read as plain text here/);
    assert.deepEqual(where(r.findings, 'unsupported-claim'), ['unsupported-claim@3:1']);
  });

  it('a tree deeper than MAX_TREE_DEPTH is cut at that depth, at the first node that deep', () => {
    // Parsing no longer builds such trees from emphasis (it is bounded first); the cut stays as the
    // one bound every tree walk relies on, so it is held here on a tree built by hand.
    let node: { type: string; children: unknown[]; position: unknown } = { type: 'text', value: 'x', children: [], position: undefined } as never;
    for (let depth = 300; depth > 0; depth--) {
      node = { type: 'emphasis', children: [node], position: { start: { line: 1, column: depth, offset: depth - 1 }, end: { line: 1, column: 700 - depth, offset: 699 - depth } } };
    }
    const root = { type: 'root', children: [node] } as unknown as Root;
    const cut = boundTreeDepth(root);
    assert.deepEqual(cut, { start: MAX_TREE_DEPTH - 1, end: 699 - MAX_TREE_DEPTH }); // the node at level 128
    let depth = 0;
    for (let n: { children?: unknown[] } = root; n.children && n.children.length; n = n.children[0] as { children?: unknown[] }) depth++;
    assert.equal(depth, MAX_TREE_DEPTH);
    assert.equal(boundTreeDepth({ type: 'root', children: [] }), undefined);
  });
});

describe('any failure inside one document’s analysis', () => {
  it('becomes one internal-error finding for that document, not an exception for the host', () => {
    // A workspace that throws while the bibliography is read stands in for any unforeseen bug.
    class Throwing extends MemoryWorkspace {
      override readText(uri: string): string | undefined {
        if (uri.endsWith('.bib')) throw new RangeError('simulated failure');
        return super.readText(uri);
      }
    }
    const text = `---\nbibliography: refs.bib\n---\n\n${CLAIM}`;
    const engine = createEngine({ workspace: new Throwing({ [ESSAY]: text, [`${ROOT}refs.bib`]: '' }) });
    const r = engine.lint(ESSAY, text);
    assert.deepEqual(where(r.findings), ['internal-error@1:1']);
    assert.match(r.findings[0]!.message, /^Warrant failed on this document: RangeError: simulated failure/);
  });
});

describe('argument-graph searches do not recurse', () => {
  // The rule over a graph built by hand, so the sizes can be large without parsing a document:
  // claim i supports claim i+1; the last one supports the first when `loop`.
  const runCircular = (n: number, loop: boolean): Report[] => {
    const uri = ESSAY;
    const nodes = Array.from({ length: n }, (_, i) => ({ kind: 'claim', id: `c${i}`, explicitId: true, text: '', selectionRange: { start: i, end: i + 1 }, sources: [] }));
    const edgeFrom = (h: NodeHandle) => {
      const next = h.index + 1 < n ? h.index + 1 : loop ? 0 : -1;
      return next < 0 ? [] : [{ from: h, to: { uri, index: next }, type: 'supports', via: 'link' }];
    };
    const graph = { outgoing: edgeFrom, node: (h: NodeHandle) => nodes[h.index] } as unknown as ArgumentGraph;
    const reports: Report[] = [];
    const ctx = { model: { uri, nodes }, graph, report: (r: Report) => reports.push(r) } as unknown as RuleContext;
    circularSupport.check(ctx);
    return reports;
  };

  it('a loop of 30,000 claims is found once, without overflowing the stack', () => {
    const reports = runCircular(30_000, true);
    assert.equal(reports.length, 1);
    assert.deepEqual(reports[0]!.range, { start: 0, end: 1 });
    assert.equal(reports[0]!.related!.length, 29_999);
  });

  it('a chain of 30,000 claims without a loop is not reported', () => {
    assert.deepEqual(runCircular(30_000, false), []);
  });

  it('a loop written in a document is still reported at its first claim', () => {
    const n = 300;
    const text = Array.from({ length: n }, (_, i) => `<!-- claim #c${i} -->\nStep ${i} holds, as [the next](#c${(i + 1) % n}) shows.\n`).join('\n');
    const r = lintText(text);
    assert.deepEqual(where(r.findings, 'internal-error'), []);
    assert.deepEqual(where(r.findings, 'circular-support'), ['circular-support@2:1']);
  });
});

describe('hosts keep going past a pathological document', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'warrant-deep-'));
    writeFileSync(join(dir, 'deep.md'), deepQuotes(3000));
    writeFileSync(join(dir, 'plain.md'), `# Plain\n\n${CLAIM}`);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('the CLI reports both files and does not exit 2', () => {
    const r = warrant(['lint', 'deep.md', 'plain.md', '-f', 'json'], { cwd: dir });
    assert.notEqual(r.status, 2, r.stderr);
    const results = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string; line: number }[] }[];
    const byFile = new Map(results.map((x) => [x.filePath.split('/').pop(), x.messages.map((m) => `${m.ruleId}@${m.line}`)]));
    assert.deepEqual(byFile.get('deep.md'), ['file-skipped@1']);
    assert.deepEqual(byFile.get('plain.md'), ['unsupported-claim@3']);
  });

  it('the server publishes the deep document’s finding', async () => {
    const h = await startHarness({ rootDir: dir });
    try {
      const uri = pathToFileURL(join(dir, 'deep.md')).href;
      h.open(uri, deepQuotes(3000));
      const published = await h.nextDiagnostics(uri, (p) => p.diagnostics.length > 0);
      assert.deepEqual(published.diagnostics.map((d) => d.code), ['file-skipped']);
    } finally {
      h.close();
    }
  });
});
