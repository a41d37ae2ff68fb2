/**
 * Bare URLs are found in text nodes by `sources/bareUrls.ts`, no longer by GFM's literal-autolink
 * parser extension (#13). Held to GFM itself: the same links on tricky cases, and the same
 * sources on the examples, the fixtures and the dev essays (read where they are, skipped when
 * absent), with remark-gfm's full parse as the reference.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Nodes, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { MemoryWorkspace } from '../../src/core/index.js';
import { parseMarkdown } from '../../src/core/parse/markdown.js';
import { findBareUrls } from '../../src/core/sources/bareUrls.js';
import { scanSources } from '../../src/core/sources/collect.js';
import { requirePath } from '../helpers/ci.js';

const REPO = join(import.meta.dirname, '..', '..');
const DEV_ESSAYS = process.env['WARRANT_DEV_ESSAYS'] ?? join(REPO, '..', 'shared', 'corpus', 'dev', 'essays');
const gfm = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

/** Literal autolinks as GFM parses them: `start-end url`. */
function gfmLiteralLinks(text: string): string[] {
  const out: string[] = [];
  const walk = (n: Nodes): void => {
    if (n.type === 'link' && n.position) {
      const raw = text.slice(n.position.start.offset, n.position.end.offset);
      if (!raw.startsWith('[') && !raw.startsWith('<')) out.push(`${n.position.start.offset}-${n.position.end.offset} ${n.url}`);
    }
    if ('children' in n) for (const c of n.children as Nodes[]) walk(c);
  };
  walk(gfm.parse(text) as Root);
  return out;
}

/** Bare URLs found in the text nodes of the lighter parse. */
function ourLinks(text: string): string[] {
  const out: string[] = [];
  const walk = (n: Nodes, inLink: boolean): void => {
    if (n.type === 'text' && !inLink && n.position) {
      for (const u of findBareUrls(text, n.position.start.offset!, n.position.end.offset!)) out.push(`${u.start}-${u.end} ${u.url}`);
    }
    if ('children' in n) for (const c of n.children as Nodes[]) walk(c, inLink || n.type === 'link' || n.type === 'linkReference');
  };
  walk(parseMarkdown(text).root, false);
  return out;
}

const CASES = [
  'See https://example.org/a_b. Then www.example.com, and (https://example.org/wiki/Foo_(bar)).',
  'Trailing: https://example.org/x?, https://example.org/y!, https://example.org/z: and https://example.org/q;',
  'Parens: (see https://example.org/a(b)c) and https://example.org/a)) end',
  'Entities: https://example.org/a&amp; and https://example.org/b&copy;x and https://example.org/c&;',
  'Brackets: https://example.org/a] b, https://example.org/b]( c, https://example.org/c]x d',
  'CJK: 见https://example.org/路径。然后 www.example.com中文 and https://例子.测试/页 done',
  'Underscores: www.a_b.example.com www.example.a_b https://x_y.example.org https://example.x_y',
  'Mail someone@example.org, not someone@example, a.b-c+d@mail.example.co.uk. or x@y.z_ or /me@example.org',
  'Case: HTTPS://EXAMPLE.ORG/UP and WWW.EXAMPLE.ORG and Www.Example.org',
  'Glued: xhttps://example.org, 1https://example.org, -https://example.org, awww.example.org, *www.example.org*, _www.example.org_, ~www.example.org~',
  'Emphasis: **https://example.org/bold** and *https://example.org/it*. and `https://example.org/code`',
  'Quotes: "https://example.org/q" and \'https://example.org/s\' and https://example.org/"x"',
  'Edge: https:// and http://. and www. and https://-x.org and https://.org and http://localhost:8080/x',
  '> Quoted https://example.org/q1\n>www.example.org/q2\n\n- item https://example.org/l1\n- www.example.org/l2',
  '# Heading www.example.org\n\n| a | b |\n|---|---|\n| https://example.org/t | x www.example.org |\n',
  'Footnote.[^1]\n\n[^1]: https://example.org/fn and more.',
  'In a link: [see https://example.org/in](https://example.org/out) and [ref https://example.org/r][r]\n\n[r]: https://example.org/def',
  'Less-than: https://example.org/a<b and https://example.org/c<',
];

describe('bare URLs: GFM literal autolinks without the parser extension', () => {
  for (const text of CASES) {
    it(`finds what GFM finds: ${JSON.stringify(text.slice(0, 50))}`, () => {
      assert.deepEqual(ourLinks(text), gfmLiteralLinks(text));
    });
  }

  it('known difference: emphasis markers inside a URL now parse as emphasis, cutting the URL there', () => {
    // GFM's tokenizer claims `*x*` for the URL before emphasis is parsed; without it the
    // emphasis wins. Kept visible here rather than hidden: no example, fixture or dev essay has one.
    const text = 'Stars: https://example.org/*x* and https://example.org/~z~';
    assert.deepEqual(gfmLiteralLinks(text), ['7-29 https://example.org/*x', '35-57 https://example.org/~z']);
    assert.deepEqual(ourLinks(text), ['7-27 https://example.org/', '35-55 https://example.org/']);
  });

  it('gives exact offsets and targets', () => {
    const text = 'Read www.example.org/x. Or https://example.org/(a)b), mail me@example.org.';
    assert.deepEqual(
      findBareUrls(text, 0, text.length).map((u) => [text.slice(u.start, u.end), u.url, u.kind]),
      [
        ['www.example.org/x', 'http://www.example.org/x', 'www'],
        ['https://example.org/(a)b', 'https://example.org/(a)b', 'http'],
        ['me@example.org', 'mailto:me@example.org', 'email'],
      ],
    );
  });
});

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...markdownFiles(p));
    else if (/\.(md|qmd|markdown)$/.test(e.name)) out.push(p);
  }
  return out.sort();
}

function sourcesWith(root: Root, text: string, uri: string): unknown {
  const scan = scanSources({ uri, text, root, bibliography: new Map(), workspace: new MemoryWorkspace({}) });
  return { sources: scan.sources, internal: scan.internalLinks, footnotes: [...scan.footnotes] };
}

describe('bare URLs: the same sources as the GFM parse', function () {
  this.timeout(120_000);

  it('in numbered reference lists: an entry\'s bare URL is its link, a [2] inside a URL is no call', () => {
    const text = [
      'Bus lanes cut journey times by a fifth [1]. The archive is at https://example.org/list[2]/a too.',
      '',
      '## References',
      '',
      '1. Smith, A. (2020). Bus lanes and journey times. https://example.org/smith.',
      '2. Jones, B. (2021). Loading bays. www.example.org/jones',
      '',
      '[3] Brown, C. (2022). Kerbs. Read it at https://example.org/brown (open access).',
      '',
    ].join('\n');
    const uri = 'file:///ws/essay.md';
    const before = sourcesWith(gfm.parse(text) as Root, text, uri) as { sources: { kind: string; url?: string }[] };
    const after = sourcesWith(parseMarkdown(text).root, text, uri);
    assert.ok(before.sources.some((s) => s.kind === 'numbered' && s.url === 'https://example.org/smith'), JSON.stringify(before.sources));
    assert.deepEqual(after, before);
  });
  const sets: [string, string][] = [
    ['examples', join(REPO, 'examples')],
    ['fixtures', join(REPO, 'test', 'fixtures')],
    ['dev essays', DEV_ESSAYS],
  ];
  for (const [name, dir] of sets) {
    it(`on the ${name}`, function () {
      requirePath(this, dir, `the ${name}`);
      const files = markdownFiles(dir);
      assert.ok(files.length > 0);
      let links = 0;
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        const uri = pathToFileURL(file).href;
        const before = sourcesWith(gfm.parse(text) as Root, text, uri);
        const after = sourcesWith(parseMarkdown(text).root, text, uri);
        assert.deepEqual(after, before, file);
        assert.deepEqual(ourLinks(text), gfmLiteralLinks(text), file);
        links += ourLinks(text).length;
      }
      if (name === 'dev essays') assert.ok(links > 0, `${name}: some bare URLs to compare`);
    });
  }
});
