/**
 * `warrant report` and `-f markdown` through the built CLI. The page is checked here as text (a
 * small tag scanner); `test/e2e/report.cjs` loads it in Chromium with the network blocked.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { toString } from 'mdast-util-to-string';
import type { Root, Table } from 'mdast';
import { REPO, warrant } from '../cli/helpers.js';
import { docsUrl } from '../../src/core/index.js';

const EXAMPLES = join(REPO, 'examples');
const HOSTILE = join(REPO, 'test', 'report', 'fixtures', 'hostile');
/** The same, under the AI-risk preset: every section renders, the threat matrix too. */
const HOSTILE_RISK = join(REPO, 'test', 'report', 'fixtures', 'hostile-risk');

interface Tag {
  readonly name: string;
  readonly attrs: ReadonlyMap<string, string>;
}

/** Every start tag of the page with its attributes (values are double-quoted by the renderer). */
function tags(html: string): Tag[] {
  const out: Tag[] = [];
  for (const m of html.matchAll(/<([A-Za-z][\w:-]*)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*\/?>/g)) {
    const attrs = new Map<string, string>();
    for (const a of m[2]!.matchAll(/\s+([^\s=>/]+)(?:="([^"]*)")?/g)) attrs.set(a[1]!.toLowerCase(), a[2] ?? '');
    out.push({ name: m[1]!.toLowerCase(), attrs });
  }
  return out;
}

/** Text between tags, with the renderer's entities decoded. */
function text(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

function tempDir(): { dir: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'warrant-report-'));
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

describe('warrant report (built CLI)', function () {
  this.timeout(60000);

  it('writes one self-contained page for the examples and exits as lint does', () => {
    const { dir, done } = tempDir();
    try {
      const out = join(dir, 'r.html');
      const r = warrant(['report', EXAMPLES, '-o', out], { cwd: REPO });
      const lint = warrant(['lint', EXAMPLES, '-f', 'json'], { cwd: REPO });
      assert.equal(r.status, lint.status, r.stderr);
      assert.equal(r.status, 1);
      assert.deepEqual(readdirSync(dir), ['r.html']);
      const html = readFileSync(out, 'utf8');
      const all = tags(html);
      // Nothing to load: no external script, style, image, frame or font; a CSP that forbids them.
      const csp = all.find((t) => t.name === 'meta' && t.attrs.get('http-equiv') === 'Content-Security-Policy')?.attrs.get('content') ?? '';
      assert.match(csp, /default-src 'none'/);
      assert.match(csp, /img-src 'none'/);
      assert.match(csp, /connect-src 'none'/);
      for (const t of all) {
        assert.ok(!['link', 'img', 'iframe', 'object', 'embed', 'base', 'form'].includes(t.name), `no <${t.name}>`);
        assert.ok(!t.attrs.has('src'), `<${t.name} src>`);
      }
      // The inline style and script are the ones the policy's hashes allow.
      const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
      const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
      const sha = (s: string): string => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
      assert.ok(csp.includes(`style-src ${sha(style)}`), csp);
      assert.ok(csp.includes(`script-src ${sha(script)}`), csp);
      // Landmarks, and headings that never skip a level.
      for (const name of ['header', 'nav', 'main', 'footer']) assert.ok(all.some((t) => t.name === name), name);
      let level = 0;
      for (const t of all.filter((t) => /^h[1-6]$/.test(t.name))) {
        const l = Number(t.name[1]);
        assert.ok(l <= level + 1, `heading h${l} after h${level}`);
        level = l;
      }
      // Every finding lint prints is on the page, at its file, line and rule.
      const page = text(html);
      const findings = all.filter((t) => t.name === 'li' && t.attrs.has('data-rule'));
      let count = 0;
      for (const file of JSON.parse(lint.stdout) as { filePath: string; messages: { ruleId: string; line: number; column: number; message: string }[] }[]) {
        const name = file.filePath.slice(REPO.length + 1);
        for (const m of file.messages) {
          count++;
          assert.ok(
            findings.some((f) => f.attrs.get('data-file') === name && f.attrs.get('data-line') === String(m.line) && f.attrs.get('data-column') === String(m.column) && f.attrs.get('data-rule') === m.ruleId),
            `${name}:${m.line}:${m.column} ${m.ruleId}`,
          );
          assert.ok(page.includes(m.message), m.message);
        }
      }
      assert.equal(findings.length, count);
      // Every tagged claim and risk has its entry; the map is an inline SVG linking to them.
      const claims = JSON.parse(warrant(['claims', EXAMPLES], { cwd: REPO }).stdout) as { kind: string; syntax: string; text: string; claim: boolean }[];
      const tagged = claims.filter((c) => c.syntax !== 'heuristic' && c.claim);
      assert.ok(tagged.length >= 15);
      const entries = all.filter((t) => t.name === 'article' && t.attrs.get('class') === 'claim');
      assert.equal(entries.length, tagged.length);
      for (const c of tagged) assert.ok(page.includes(c.text.replace(/\s+/g, ' ').trim()), c.text);
      assert.equal(all.filter((t) => t.name === 'svg').length, 1);
      const mapLinks = all.filter((t) => t.name === 'a' && /^#claim-/.test(t.attrs.get('href') ?? '') && html.indexOf('<svg') >= 0);
      const ids = new Set(entries.map((e) => e.attrs.get('id')));
      assert.ok(mapLinks.length > 0);
      for (const a of mapLinks) assert.ok(ids.has(a.attrs.get('href')!.slice(1)), a.attrs.get('href'));
    } finally {
      done();
    }
  });

  it('shows a hostile essay as text: one script (its own), no handlers, no script or data links', () => {
    const { dir, done } = tempDir();
    try {
      cpSync(HOSTILE, join(dir, 'essays'), { recursive: true });
      // A file name is document data too.
      writeFileSync(join(dir, 'essays', `x"><img src=x onerror=alert('name')>.md`), 'Claim: A file name is data too.\n');
      const out = join(dir, 'r.html');
      const r = warrant(['report', 'essays', '-o', out], { cwd: dir });
      assert.equal(r.status, 0, r.stderr);
      const html = readFileSync(out, 'utf8');
      const all = tags(html);
      assert.equal(all.filter((t) => t.name === 'script').length, 1);
      assert.equal((html.match(/<script/gi) ?? []).length, 1);
      for (const t of all) {
        for (const [name, value] of t.attrs) {
          assert.ok(!name.startsWith('on'), `<${t.name} ${name}>`);
          if (name === 'href' || name === 'xlink:href' || name === 'src' || name === 'action') assert.match(value, /^(#|https:|http:|mailto:)/, `<${t.name} ${name}="${value}">`);
        }
        assert.ok(!['img', 'iframe', 'svg'].includes(t.name) || t.name === 'svg', `<${t.name}>`);
      }
      const page = text(html);
      // Each hostile string is shown, as text.
      for (const s of [
        "<script>alert('claim')</script>",
        "<img src=x onerror=alert('img')>",
        `"><svg onload=alert('text')>`,
        "<script>alert('bib title')</script>",
        "javascript:alert('bib url')",
        `x"><img src=x onerror=alert('name')>.md`,
      ]) {
        assert.ok(page.includes(s), s);
      }
    } finally {
      done();
    }
  });

  it('a hostile threat model: every section renders, hostile text in every column of the matrix stays text', () => {
    const { dir, done } = tempDir();
    try {
      cpSync(HOSTILE_RISK, join(dir, 'essays'), { recursive: true });
      // The file name is markup too: it fills the Where column and names unnamed defenses.
      const name = `t"><img src=x onerror=alert('file')>.md`;
      renameSync(join(dir, 'essays', 'threats.md'), join(dir, 'essays', name));
      const out = join(dir, 'r.html');
      const r = warrant(['report', 'essays', '-o', out], { cwd: dir });
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      const html = readFileSync(out, 'utf8');
      const all = tags(html);
      // Every section is there and has content: claims, findings, map, heuristic findings, matrix.
      const sections = all.filter((t) => t.name === 'section').map((t) => t.attrs.get('id'));
      assert.deepEqual(sections, ['claims', 'findings', 'map', 'heuristic', 'x-threat-matrix']);
      assert.ok(all.filter((t) => t.name === 'article' && t.attrs.get('class') === 'claim').length >= 3, 'claim entries');
      assert.ok(all.filter((t) => t.name === 'li' && t.attrs.has('data-rule')).length >= 5, 'findings');
      assert.match(html, /<summary>Show \d+ uncited assertions?<\/summary>/, 'heuristic findings');
      assert.equal(all.filter((t) => t.name === 'svg').length, 1, 'the map');
      // Nothing in it runs: one script (the page's own), no handler, no script or data link, no element from the text.
      assert.equal((html.match(/<script/gi) ?? []).length, 1);
      for (const t of all) {
        for (const [attr, value] of t.attrs) {
          assert.ok(!attr.startsWith('on'), `<${t.name} ${attr}>`);
          if (['href', 'xlink:href', 'src', 'action', 'formaction'].includes(attr)) assert.match(value, /^(#|https:|http:|mailto:)/, `<${t.name} ${attr}="${value}">`);
        }
        assert.ok(!['img', 'iframe', 'object', 'embed', 'b'].includes(t.name), `<${t.name}>`);
      }
      // The matrix, cell by cell: every column that can carry document text carries hostile text, as text.
      const table = /<section id="x-threat-matrix"[\s\S]*?<\/section>/.exec(html)![0];
      const head = [...table.matchAll(/<th scope="col">([\s\S]*?)<\/th>/g)].map((m) => text(m[1]!));
      const rows = [...table.matchAll(/<tr>(<th scope="row">[\s\S]*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]!));
      assert.equal(rows.length, 2, table);
      const hostile = /<script>|onerror=|onload=|javascript:|"></;
      for (const [i, column] of head.entries()) {
        if (column === 'Model only') continue; // yes or no, never document text
        const cells = rows.map((row) => row[i]!);
        assert.ok(cells.every((c) => !/<[a-z]/i.test(c)), `${column}: a tag in a cell: ${cells.join(' | ')}`);
        assert.ok(cells.some((c) => hostile.test(text(c))), `${column}: no hostile text in this column: ${cells.join(' | ')}`);
      }
      assert.ok(hostile.test(head.find((c) => c.startsWith('Defenses: <img'))!), 'a layer named by markup heads a column');
      const page = text(html);
      for (const s of [
        "<script>alert('adversary')</script>",
        `"><svg onload=alert("harm")>`,
        "<img src=x onerror=alert('severity')>",
        "javascript:alert('domain')",
        "<img src=x onerror=alert('risk text')>",
        `"><svg onload=alert('quote')>`,
        `essays/${name}:7`,
      ]) {
        assert.ok(page.includes(s), s);
      }
    } finally {
      done();
    }
  });

  it('-f markdown is the same summary from lint and report, and --max-rows cuts the table', () => {
    const lint = warrant(['lint', 'examples', '-f', 'markdown', '--max-rows', '2'], { cwd: REPO });
    const report = warrant(['report', 'examples', '-f', 'markdown', '--max-rows', '2'], { cwd: REPO });
    assert.equal(lint.status, 1, lint.stderr);
    assert.equal(report.status, 1, report.stderr);
    assert.equal(report.stdout, lint.stdout);
    assert.match(lint.stdout, /^## Warrant\n/);
    assert.match(lint.stdout, /\n_and 5 more_\n/);
    assert.equal(warrant(['report', 'examples', '-f', 'sarif'], { cwd: REPO }).status, 2);
    assert.equal(warrant(['lint', 'examples', '-f', 'markdown', '--max-rows', 'many'], { cwd: REPO }).status, 2);
  });

  it('-f markdown renders as GitHub Markdown: the tables parse as tables, hostile cells stay one cell of text', () => {
    const { dir, done } = tempDir();
    try {
      cpSync(HOSTILE, join(dir, 'essays'), { recursive: true });
      writeFileSync(join(dir, 'essays', 'pipes.md'), 'Claim: A claim with | pipes | and [a link](javascript:alert(1)) and *stars* stays one cell.\n');
      const r = warrant(['lint', 'essays', '-f', 'markdown'], { cwd: dir });
      assert.equal(r.status, 0, r.stderr);
      const tree = unified().use(remarkParse).use(remarkGfm).parse(r.stdout) as Root;
      const tables = tree.children.filter((n): n is Table => n.type === 'table');
      assert.equal(tables.length, 2, r.stdout);
      const [rules, claims] = tables as [Table, Table];
      assert.deepEqual(rules.children[0]!.children.map((c) => toString(c)), ['Rule', 'Severity', 'Count']);
      const ruleRows = rules.children.slice(1);
      assert.ok(ruleRows.map((row) => toString(row.children[0]!)).includes('unsupported-claim'));
      for (const row of ruleRows) assert.equal(row.children.length, 3);
      assert.deepEqual(claims.children[0]!.children.map((c) => toString(c)), ['Where', 'Claim', 'Finding']);
      const rows = claims.children.slice(1);
      assert.equal(rows.length, 3);
      for (const row of rows) assert.equal(row.children.length, 3);
      const cellTexts = rows.map((row) => toString(row.children[1]!));
      assert.ok(cellTexts.includes('Claim: A claim with | pipes | and [a link](javascript:alert(1)) and *stars* stays one cell.'), cellTexts.join('\n'));
      assert.ok(cellTexts.some((t) => t.includes("<img src=x onerror=alert('img')>")), cellTexts.join('\n'));
      // Only the file links are links, and they point at the file and line.
      const links: string[] = [];
      const visit = (n: { type: string; url?: string; children?: unknown[] }): void => {
        if (n.type === 'link') links.push(n.url!);
        for (const c of (n.children ?? []) as (typeof n)[]) visit(c);
      };
      visit(claims as never);
      assert.deepEqual(links.sort(), ['essays/essay.md#L26', 'essays/essay.md#L39', 'essays/pipes.md#L1']);
      assert.ok(tree.children.every((n) => n.type !== 'html'), 'no raw HTML block');
      // In GitHub Actions the links open the commit's file at the line.
      Object.assign(process.env, { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'o/r', GITHUB_SHA: 'abc123' });
      let inActions: string;
      try {
        inActions = warrant(['lint', 'essays', '-f', 'markdown', '--max-rows', '1'], { cwd: dir }).stdout;
      } finally {
        for (const k of ['GITHUB_SERVER_URL', 'GITHUB_REPOSITORY', 'GITHUB_SHA']) delete process.env[k];
      }
      assert.match(inActions, /\| \[essays\/essay\.md:26\]\(https:\/\/github\.com\/o\/r\/blob\/abc123\/essays\/essay\.md#L26\) \|/);
      assert.match(inActions, /\n_and 2 more_\n/);
      writeFileSync(join(dir, 'clean.md'), '# Nothing to see\n');
      assert.equal(warrant(['lint', 'clean.md', '-f', 'markdown'], { cwd: dir }).stdout, '## Warrant\n\nNo problems in 1 file.\n');
    } finally {
      done();
    }
  });

  it('-o creates the folder it names; a path that cannot be written is exit 2 with a message, not a crash', () => {
    const { dir, done } = tempDir();
    try {
      const r = warrant(['report', EXAMPLES, '-o', join(dir, 'out', 'site', 'r.html')], { cwd: REPO });
      assert.equal(r.status, 1, r.stderr);
      assert.match(readFileSync(join(dir, 'out', 'site', 'r.html'), 'utf8'), /^<!DOCTYPE html>/);
      writeFileSync(join(dir, 'file'), '');
      const bad = warrant(['report', EXAMPLES, '-o', join(dir, 'file', 'r.html')], { cwd: REPO });
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /^warrant: cannot write the output file .*file\/r\.html: /);
      assert.doesNotMatch(bad.stderr, /unexpected error/);
    } finally {
      done();
    }
  });

  it('links rules to their docs in the repository package.json names', () => {
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { repository?: { url?: string } };
    const repo = pkg.repository?.url?.replace(/^git\+/, '').replace(/\.git$/, '');
    assert.ok(repo, 'package.json has a repository URL');
    assert.equal(docsUrl('unsupported-claim'), `${repo}/blob/main/docs/rules/unsupported-claim.md`);
  });
});
