/**
 * Block-level incremental parsing (#13) must equal a full parse, position for position, and so
 * must every finding. Thousands of random edits — typed characters, deletions, and the pieces
 * that change structure (blank lines, fences, list markers, definitions, footnotes, comments,
 * front matter) — on essays assembled from this repository's own docs and examples, each edit
 * applied to the previous incremental result as the editor does.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'mdast';
import { createEngine, MemoryWorkspace } from '../../src/core/index.js';
import { parseMarkdown } from '../../src/core/parse/markdown.js';
import { parseIncrementally } from '../../src/core/parse/incremental.js';
import { forgetRememberedSentences } from '../../src/core/heuristics/index.js';
import { rng } from '../helpers/rng.js';

const REPO = join(import.meta.dirname, '..', '..');

function projectTexts(): string[] {
  const out: string[] = [];
  for (const dir of ['docs', 'docs/rules', 'examples', 'examples/multi-file']) {
    for (const name of readdirSync(join(REPO, dir)).sort()) if (/\.(md|qmd)$/.test(name)) out.push(readFileSync(join(REPO, dir, name), 'utf8'));
  }
  out.push(readFileSync(join(REPO, 'README.md'), 'utf8'));
  return out;
}

/** An integer in [0, n) from a seeded PRNG. */
function rngInt(seed: number): (n: number) => number {
  const next = rng(seed);
  return (n) => Math.floor(next() * n);
}

const PIECES = ['x', ' ', 'e', '\n', '\n\n', '.', '*', '_', '`', '```\n', '~~~', '- ', '1. ', '> ', '# ', '---\n', '[', ']', '(', ')', '[^1]', '[^1]: note\n', '[x]: https://example.org\n', '[x]', '<!--', '-->', '<div>', '|', '| a | b |\n|---|---|\n', '    ', '\t', 'https://example.org/p', '@key', '**Claim:** ', '<!-- claim #c1 -->'];

function randomEdit(text: string, r: (n: number) => number): string {
  const at = r(text.length + 1);
  const op = r(10);
  if (op < 4) return text.slice(0, at) + PIECES[r(4)] + text.slice(at); // typing
  if (op < 6) return text.slice(0, at) + text.slice(at + 1 + r(3)); // deleting
  if (op < 9) return text.slice(0, at) + PIECES[r(PIECES.length)] + text.slice(at); // structure
  if (op < 10 && r(2) === 0) {
    // a whole line deleted: a definition (DEFINITIONS below) taken out of its block
    const start = text.lastIndexOf('\n', at - 1) + 1;
    const end = text.indexOf('\n', at);
    return text.slice(0, start) + (end < 0 ? '' : text.slice(end + 1));
  }
  const len = r(40);
  return text.slice(0, at) + text.slice(at + len); // a cut across lines
}

/** Reference-style links and footnotes whose definitions sit in other blocks (the docs have none). */
const REFERENCES = 'A sentence cites [the page][x], [y] and a note.[^1]\n';
const DEFINITIONS = '[x]: https://example.org/x\n\n[y]: https://example.org/y\n\n[^1]: A footnote.\n';

/** `text` with REFERENCES and DEFINITIONS added as blocks at two of its blank lines. */
function withDefinitions(text: string, r: (n: number) => number): string {
  const blanks = [...text.matchAll(/\n\n(?=\S)/g)].map((m) => m.index! + 2);
  if (blanks.length < 2) return `${REFERENCES}\n${text}\n\n${DEFINITIONS}`;
  const [a, b] = [blanks[r(blanks.length)]!, blanks[r(blanks.length)]!].sort((x, y) => x - y);
  return text.slice(0, a) + REFERENCES + '\n' + text.slice(a, b) + DEFINITIONS + '\n' + text.slice(b);
}

/** Another seed explores other edits: WARRANT_INCREMENTAL_SEED=7 npx mocha test/core/incremental.test.ts */
const SEED = Number(process.env['WARRANT_INCREMENTAL_SEED'] ?? 13);

const plain = (root: Root): unknown => JSON.parse(JSON.stringify(root));

describe('incremental parsing equals a full parse', function () {
  this.timeout(600_000);
  const texts = projectTexts();

  it('on thousands of random edits, tree and positions identical', () => {
    const r = rngInt(SEED);
    let edits = 0;
    let reused = 0;
    for (let doc = 0; doc < 40; doc++) {
      // an essay: a few of the project's documents, cut to a few KB
      let text = [texts[r(texts.length)], texts[r(texts.length)]].join('\n\n').slice(0, 1500 + r(3500));
      if (doc % 2) text = withDefinitions(text, r);
      let root = parseMarkdown(text).root;
      for (let i = 0; i < 50; i++) {
        const next = randomEdit(text, r);
        const full = parseMarkdown(next).root;
        const incremental = parseIncrementally(text, root, next, (t) => parseMarkdown(t).root);
        if (incremental) {
          reused++;
          assert.deepEqual(plain(incremental), plain(full), `edit ${edits} (essay ${doc}, step ${i}) differs from a full parse`);
        }
        const viaParse = parseMarkdown(next, undefined, { text, root }).root;
        assert.deepEqual(plain(viaParse), plain(full));
        text = next;
        root = viaParse;
        edits++;
      }
    }
    assert.ok(edits >= 2000, `${edits} edits`);
    console.log(`      ${reused} of ${edits} edits parsed incrementally`);
    assert.ok(reused > edits / 3, `only ${reused} of ${edits} edits parsed incrementally: the test would prove little`);
  });

  it('at the edges: appending after the last block, inserting before the first, CRLF', () => {
    const a = '---\n: \n---\n---\n\n. <!-- claim  -->\n';
    const essays = [a, a.replace(/\n/g, '\r\n'), '# One\n\nA paragraph.\n\n- a list\n\nLast.\n', texts[0]!.slice(0, 3000)];
    let reused = 0;
    for (const text of essays) {
      const root = parseMarkdown(text).root;
      for (const next of [text + text, text + 'More.\n', text + '\n\n- item\n', 'First.\n\n' + text, 'x' + text, text.slice(0, -1), text.slice(1)]) {
        const full = parseMarkdown(next).root;
        const incremental = parseIncrementally(text, root, next, (t) => parseMarkdown(t).root);
        if (incremental) reused++;
        if (incremental) assert.deepEqual(plain(incremental), plain(full), JSON.stringify(next.slice(0, 80)));
        assert.deepEqual(plain(parseMarkdown(next, undefined, { text, root }).root), plain(full));
      }
    }
    assert.ok(reused > 0);
  });

  it('a definition deleted or added in one block changes the references of another: a full parse', () => {
    const withDef = '# Links\n\nSee [the page][x] and [^n].\n\n[x]: https://example.org/page\n\n[^n]: A note.\n\nLast words.\n';
    const edits: [string, string][] = [
      [withDef, withDef.replace('[x]: https://example.org/page\n\n', '')], // definition deleted
      [withDef, withDef.replace('[^n]: A note.\n\n', '')], // footnote definition deleted
      [withDef, withDef.replace('[x]: https://example.org/page', '[y]: https://example.org/page')], // relabelled
      [withDef.replace('[x]: https://example.org/page\n\n', ''), withDef], // definition added
    ];
    for (const [before, after] of edits) {
      const full = parseMarkdown(after).root;
      const incremental = parseIncrementally(before, parseMarkdown(before).root, after, (t) => parseMarkdown(t).root);
      if (incremental) assert.deepEqual(plain(incremental), plain(full), JSON.stringify(after));
      assert.deepEqual(plain(parseMarkdown(after, undefined, { text: before, root: parseMarkdown(before).root }).root), plain(full), JSON.stringify(after));
    }
  });

  it('findings identical when the engine re-analyses an edited document', () => {
    const r = rngInt(SEED + 1);
    const uri = 'file:///ws/essay.md';
    for (let doc = 0; doc < 6; doc++) {
      let text = [texts[r(texts.length)], texts[r(texts.length)], texts[r(texts.length)]].join('\n\n');
      const editor = createEngine({ workspace: new MemoryWorkspace({}) });
      editor.lint(uri, text);
      for (let i = 0; i < 20; i++) {
        text = randomEdit(text, r);
        editor.invalidate(uri); // as the server does on each change
        const got = editor.lint(uri, text).findings;
        // A fresh engine in this process shares the detector's module-level memos (sentences,
        // splits): forget them, so the reference is a cold run.
        forgetRememberedSentences();
        const want = createEngine({ workspace: new MemoryWorkspace({}) }).lint(uri, text).findings;
        assert.deepEqual(JSON.parse(JSON.stringify(got)), JSON.parse(JSON.stringify(want)), `essay ${doc}, edit ${i}`);
      }
    }
  });
});
