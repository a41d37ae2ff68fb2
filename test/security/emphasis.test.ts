/**
 * Emphasis markers that nest or go unmatched by the thousand in one paragraph cost micromark time
 * growing with the square of their number (4,000 nested `*a … c*` took 10 s, a 44 KB paragraph of
 * mixed unmatched markers 35 s). `boundEmphasis` (src/core/parse/bounds.ts) estimates that cost
 * per paragraph in one pass and reads the markers of a paragraph over its budget as text, with one
 * `file-skipped` finding at the paragraph; everything else is linted as usual. Growth is held by
 * test/security/growth.test.ts (the emphasis families in test/helpers/families.ts).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'mdast';
import { boundEmphasis, EMPHASIS_BUDGET_FLOOR } from '../../src/core/parse/bounds.js';
import { parseMarkdown } from '../../src/core/parse/markdown.js';
import { parseIncrementally } from '../../src/core/parse/incremental.js';
import { lintText, where } from '../helpers/memory.js';

const REPO = join(import.meta.dirname, '..', '..');
const CLAIM = 'Claim: the new scheduler halves tail latency for every tenant.\n';
const nested = (n: number): string => `${'*a '.repeat(n)}b${' c*'.repeat(n)}`;
const plain = (root: Root): unknown => JSON.parse(JSON.stringify(root));

/** Every Markdown file the project itself ships or tests with. */
function projectMarkdown(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(md|qmd|markdown)$/.test(name)) out.push(path);
    }
  };
  for (const dir of ['docs', 'examples', 'test']) walk(join(REPO, dir));
  for (const name of ['README.md', 'ARCHITECTURE.md', 'CHANGELOG.md']) out.push(join(REPO, name));
  return out;
}

describe('emphasis storms: read as text, reported, the rest linted', () => {
  it('4,000 nested markers: one finding at the paragraph, and the claim after it is still linted where it stands', () => {
    const text = `# Notes\n\n${nested(4000)}\n\n${CLAIM}`;
    const r = lintText(text);
    assert.deepEqual(where(r.findings, 'file-skipped'), ['file-skipped@3:1']);
    const finding = r.findings.find((f) => f.ruleId === 'file-skipped')!;
    assert.match(finding.message, /^This paragraph has 8000 emphasis markers \(\*, _ or ~\) nested or unmatched so deeply that parsing them would stall: they are read as plain text here/);
    assert.deepEqual(where(r.findings, 'unsupported-claim'), ['unsupported-claim@5:1']);
  });

  it('the kinds that stall: nested, unmatched of two kinds, strikethrough, strong, padded with escapes', () => {
    const shapes: Record<string, string> = {
      underscores: `${'_a '.repeat(3000)}b${' c_'.repeat(3000)}`,
      'unmatched closers after openers of the other kind': `${'*a '.repeat(3000)}b${' c_'.repeat(3000)}`,
      'mixed and unmatched': `${'*a _b '.repeat(1500)}c${' d* e_'.repeat(1500)}`,
      strikethrough: `${'~a '.repeat(3000)}b${' c~'.repeat(3000)}`,
      strong: `${'**a '.repeat(3000)}b${' c**'.repeat(3000)}`,
      'escapes between': `${'*a '.repeat(2000)}${'\\! '.repeat(2000)}${' c_'.repeat(2000)}`,
      'closers only': 'a* '.repeat(4000),
    };
    for (const [name, paragraph] of Object.entries(shapes)) {
      const { storms } = boundEmphasis(`${paragraph}\n`);
      assert.equal(storms.length, 1, name);
    }
  });

  it('lines that only look like list items are one paragraph, and are estimated as one', () => {
    // An ordered item not numbered 1 cannot interrupt a paragraph: CommonMark reads these lines
    // as the paragraph "x" continued, so its markers all meet in one inline content.
    const lazy = `x\n${'2. *a\n'.repeat(2000)}${'2. c*\n'.repeat(2000)}`;
    assert.equal(boundEmphasis(lazy).storms.length, 1);
    const quoted = `> x\n${'> *a\n'.repeat(2000)}${'> c*\n'.repeat(2000)}`;
    assert.equal(boundEmphasis(quoted).storms.length, 1);
    // Real list items are each their own paragraph: the same markers cost nothing.
    const items = `${'- *a\n'.repeat(2000)}${'- c*\n'.repeat(2000)}`;
    assert.deepEqual(boundEmphasis(items).storms, []);
    const numbered = `${Array.from({ length: 4000 }, (_, i) => `${i + 1}. ${i < 2000 ? '*a' : 'c*'}`).join('\n')}\n`;
    assert.deepEqual(boundEmphasis(numbered).storms, []);
  });

  it('a line that only looks like a code fence does not hide a storm', () => {
    // Indented four columns, it is paragraph text (a lazy line); a back tick "fence" whose info
    // string holds a back tick is text too. micromark reads what follows as the same paragraph.
    for (const fake of ['    ```', '``` a`b']) {
      assert.equal(boundEmphasis(`x\n${fake}\n${nested(3000)}\n`).storms.length, 1, fake);
    }
    // A real fence hides what is inside it, and a line like its closer with text after it does
    // not close it: the markers stay code, untouched.
    const code = `\`\`\`\n${nested(3000)}\n\`\`\` not a closer\n${nested(3000)}\n\`\`\`\n`;
    assert.deepEqual(boundEmphasis(code), { text: code, storms: [] });
  });

  it('every offset holds: markers become look-alikes of the same length; list markers, escapes and code stay', () => {
    const storm = `* ${nested(1500)} \\* end`;
    const text = `${storm}\n\n\`\`\`\n*code* _x_\n\`\`\`\n\nA *real* one.\n`;
    const bounded = boundEmphasis(text);
    assert.equal(bounded.storms.length, 1);
    assert.equal(bounded.text.length, text.length);
    assert.ok(bounded.text.startsWith('* ＊a ＊a'), bounded.text.slice(0, 12));
    assert.ok(bounded.text.includes(' c＊ c＊ \\* end\n'), 'the escaped marker is left as written');
    assert.ok(bounded.text.endsWith('```\n*code* _x_\n```\n\nA *real* one.\n'), 'code and the next paragraph are untouched');
    const root = parseMarkdown(text).root;
    const last = root.children[root.children.length - 1]!;
    assert.equal(last.type, 'paragraph');
    assert.equal(last.position!.start.offset, text.indexOf('A *real*'));
    assert.ok(JSON.stringify(last).includes('"type":"emphasis"'), 'the next paragraph keeps its emphasis');
  });

  it('a paragraph just under its budget is parsed as written', () => {
    // n nested pairs walk back about 2n² units (each level: a marker and a word on each side).
    const n = Math.floor(Math.sqrt(EMPHASIS_BUDGET_FLOOR / 2)) - 5;
    const text = `${nested(n)}\n`;
    assert.deepEqual(boundEmphasis(text).storms, []);
    assert.equal(boundEmphasis(text).text, text);
    assert.ok(boundEmphasis(`${nested(2 * n)}\n`).storms.length === 1, 'twice as deep is over it');
    assert.deepEqual(parseMarkdown(text).problems, []);
  });

  it('no Markdown file of the project is touched', () => {
    const files = projectMarkdown();
    assert.ok(files.length > 40, `${files.length} files`);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const bounded = boundEmphasis(text);
      assert.deepEqual(bounded.storms, [], file);
      assert.equal(bounded.text, text, file);
    }
  });

  it('an edit elsewhere, parsed incrementally, equals a full parse of a document with a storm', () => {
    const before = `# Notes\n\n${nested(3000)}\n\n## Later\n\nA *plain* paragraph.\n\nAnother one.\n`;
    const after = before.replace('Another one.', 'Another _edited_ one.');
    const previous = parseMarkdown(before).root;
    const parse = (t: string): Root => parseMarkdown(t).root;
    const incremental = parseIncrementally(before, previous, after, parse);
    assert.ok(incremental, 'the edit was parsed incrementally');
    assert.deepEqual(plain(incremental), plain(parseMarkdown(after).root));
    assert.deepEqual(parseMarkdown(after).problems.map((p) => p.code), ['emphasis-as-text']);
  });
});
