/**
 * Lines of list markers stacked on one line (`- - - - - - - - x`) cost micromark time growing with
 * the square of their number (issue #21: 1,600 lines took 4 s, 3,200 lines 17 s): every new item
 * closes the lists the line above opened, and each close rebuilds the document's event list.
 * `boundStackedLists` (src/core/parse/bounds.ts) counts the stacked markers in one pass and, over
 * `MAX_STACKED_LIST_MARKERS` in a document, reads every marker after a line's first as text, with
 * one `file-skipped` finding; other lines parse as written. Growth is held by
 * test/security/growth.test.ts ("lines of nested list markers" in test/helpers/families.ts).
 */
import assert from 'node:assert/strict';
import type { Root } from 'mdast';
import { boundStackedLists, MAX_STACKED_LIST_MARKERS } from '../../src/core/parse/bounds.js';
import { parseMarkdown } from '../../src/core/parse/markdown.js';
import { lintText, where } from '../helpers/memory.js';

const STACKED = (n: number): string => '- - - - - - - - x\n'.repeat(n);
const BEFORE = '# Notes\n\nClaim: the cache halves cold starts for every team.\n\n- one\n  - nested on its own line\n- two\n\nA paragraph between the lists.\n\n';
const AFTER = '\n## Later\n\n1. first\n2. second\n   - inner\n\n* * *\n\nA closing paragraph.\n';
const plain = (root: Root): unknown => JSON.parse(JSON.stringify(root));

/** The top-level blocks of `root` with their positions, minus those starting inside [from, to). */
function blocksOutside(root: Root, from: number, to: number): unknown[] {
  return (plain(root) as Root).children.filter((b) => b.position!.start.offset! < from || b.position!.start.offset! >= to);
}

describe('stacked list markers: read as text past a budget, reported, the rest parsed as written', () => {
  it('3,200 lines: one finding at the first such line, and the claim before them is still linted', () => {
    const text = `${BEFORE}${STACKED(3200)}${AFTER}`;
    const r = lintText(text);
    const start = BEFORE.split('\n').length;
    assert.deepEqual(where(r.findings, 'file-skipped'), [`file-skipped@${start}:1`]);
    const finding = r.findings.find((f) => f.ruleId === 'file-skipped')!;
    assert.match(finding.message, /^3200 lines stack list markers on one line \(such as `- - x`\), 22400 in all, more than the 200 that parse in reasonable time: each such line is read as one list item whose inner markers are text/);
    assert.deepEqual(where(r.findings, 'unsupported-claim'), ['unsupported-claim@3:1']);
  });

  it('every offset holds, and the blocks before and after parse exactly as without the stacked lines', () => {
    const block = STACKED(300);
    const text = `${BEFORE}${block}${AFTER}`;
    const bounded = boundStackedLists(text);
    assert.equal(bounded.text.length, text.length);
    assert.ok(bounded.text.includes('- － － － － － － － x\n'), bounded.text.slice(BEFORE.length, BEFORE.length + 20));
    assert.ok(bounded.text.startsWith(BEFORE) && bounded.text.endsWith(AFTER), 'nothing else is touched');
    const parsed = parseMarkdown(text);
    assert.deepEqual(parsed.problems.map((p) => p.code), ['lists-as-text']);
    // The same blocks around a plain list in its place.
    // (A one-item list, then lines of its paragraph: the same offsets and lines.)
    const filler = `- x${'y'.repeat(14)}\n${`${'y'.repeat(17)}\n`.repeat(299)}`;
    assert.equal(filler.length, block.length);
    const alone = parseMarkdown(`${BEFORE}${filler}${AFTER}`);
    const from = BEFORE.length;
    const to = BEFORE.length + block.length;
    assert.deepEqual(blocksOutside(parsed.root, from, to), blocksOutside(alone.root, from, to));
    // The stacked lines are one list of 300 items.
    const list = parsed.root.children.find((b) => b.position!.start.offset === from)!;
    assert.equal(list.type, 'list');
    assert.equal((list as { children: unknown[] }).children.length, 300);
  });

  it('up to the budget the document is parsed as written; thematic breaks and fenced code never count', () => {
    const under = `${BEFORE}${'- - x\n'.repeat(MAX_STACKED_LIST_MARKERS)}${AFTER}`;
    assert.deepEqual(boundStackedLists(under), { text: under });
    assert.deepEqual(parseMarkdown(under).problems, []);
    assert.ok(boundStackedLists(`${'- - x\n'.repeat(MAX_STACKED_LIST_MARKERS + 1)}`).stacked, 'one more is over it');
    const breaks = '- - -\n\n* * * *\n\n> - - -\n\n'.repeat(200);
    assert.deepEqual(boundStackedLists(breaks), { text: breaks });
    const code = `\`\`\`\n${STACKED(400)}\`\`\`\n`;
    assert.deepEqual(boundStackedLists(code), { text: code });
  });

  it('ordered and mixed stacks: the delimiter after the number becomes a look-alike', () => {
    const text = '1. - 2) + x\n'.repeat(200);
    const bounded = boundStackedLists(text);
    assert.equal(bounded.stacked?.markers, 600);
    assert.ok(bounded.text.startsWith('1. － 2） ＋ x\n'), bounded.text.slice(0, 14));
  });

  it('an edit in a document over the budget is parsed whole, and equals a full parse', () => {
    const before = `${BEFORE}${STACKED(300)}${AFTER}`;
    const previous = parseMarkdown(before);
    // An edit after the stacked lines, and one among them (whose list alone would be re-parsed).
    for (const after of [before.replace('A closing paragraph.', 'A closing _edited_ paragraph.'), before.replace('- - - - x\n', '- - - - y\n')]) {
      const edited = parseMarkdown(after, undefined, { text: before, root: previous.root });
      assert.deepEqual(plain(edited.root), plain(parseMarkdown(after).root));
      assert.deepEqual(edited.problems.map((p) => p.code), ['lists-as-text']);
    }
  });
});
