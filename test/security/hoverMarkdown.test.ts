/**
 * Hover cards and completion documentation are Markdown that the client renders. A document's
 * URL, id or key must not be able to inject markup there: an image (a remote request on hover),
 * raw HTML, or a link to `command:`, `javascript:`, `data:` or `vscode:`. And a link with such a
 * URL is not a source: it must not make a claim supported. Each card is parsed back with remark
 * and its tree checked, rather than matched as text.
 */
import assert from 'node:assert/strict';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Nodes, Root } from 'mdast';
import { getHover } from '../../src/service/hover.js';
import { getCompletions } from '../../src/service/completion.js';
import { codeSpan, linkDestination } from '../../src/service/format.js';
import { lintText, where } from '../helpers/memory.js';
import { cursor, workspace } from '../service/helpers.js';

const markdown = unified().use(remarkParse).use(remarkGfm);

/** Every node of the parsed Markdown, without recursion. */
function nodesOf(md: string): Nodes[] {
  const out: Nodes[] = [];
  const stack: Nodes[] = [markdown.parse(md) as Root];
  while (stack.length) {
    const n = stack.pop()!;
    out.push(n);
    if ('children' in n) stack.push(...(n.children as Nodes[]));
  }
  return out;
}

/** No image, no HTML, and every link goes to http(s), mailto or file. */
function assertInert(md: string): void {
  const nodes = nodesOf(md);
  assert.deepEqual(nodes.filter((n) => n.type === 'image' || n.type === 'imageReference' || n.type === 'html').map((n) => n.type), [], md);
  for (const n of nodes) if (n.type === 'link') assert.match(n.url, /^(https?|mailto|file):/, md);
}

function hoverAt(source: string, files: Record<string, string> = {}): string {
  const { text, position } = cursor(source);
  const w = workspace({ 'essay.md': text, ...files });
  const h = getHover(w.doc('essay.md'), position, w.ctx);
  assert.ok(h, 'no hover');
  return (h.contents as { value: string }).value;
}

const INJECTION = 'https://e.org/a>![p](https://attacker.example/p.png)<img/src=x/onerror=alert(1)>';

describe('hover Markdown cannot be injected', () => {
  it('a link URL with > cannot close the autolink and add an image or HTML', () => {
    const md = hoverAt(`**Cl|aim:** Parking pays, [as measured](${INJECTION}).\n`);
    assertInert(md);
    // The link is still there, as one autolink to the whole (encoded) URL.
    const links = nodesOf(md).filter((n) => n.type === 'link');
    assert.equal(links.length, 1, md);
    assert.ok(links[0]!.type === 'link' && links[0]!.url.startsWith('https://e.org/a%3E!%5Bp%5D'), md);
  });

  it('an explicit id with back ticks stays one code span', () => {
    const id = 'a`![p](https://attacker.example/p.png)`<b>x</b>';
    const md = hoverAt(`<!-- claim #${id} -->\nParking p|ays [cited](https://example.org/study).\n`);
    assertInert(md);
    const code = nodesOf(md).filter((n) => n.type === 'inlineCode');
    assert.deepEqual(code.map((n) => (n as { value: string }).value), [`#${id}`], md);
  });

  for (const url of ['command:workbench.action.terminal.new', 'javascript:alert(1)', 'data:text/html,<b>x</b>', 'vscode:extension/x.y', 'JaVaScRiPt:alert(1)']) {
    it(`a ${url.split(':')[0]} URL is not a source, so the claim stays unsupported`, () => {
      const text = `**Claim:** Parking pays, [as measured](${url}).\n`;
      assert.deepEqual(where(lintText(text).findings, 'unsupported-claim'), ['unsupported-claim@1:3']);
      assertInert(hoverAt(text.replace('Claim', 'Cl|aim')));
    });
  }

  it('a bibliography URL cannot inject markup into the citation hover or completion documentation', () => {
    const bib = `---\nreferences:\n  - id: tanaka2020\n    title: Kerbside parking\n    URL: "${INJECTION}"\n  - id: evil2021\n    title: Evil\n    URL: "command:workbench.action.terminal.new"\n---\n\n`;
    for (const key of ['tanaka2020', 'evil2021']) {
      assertInert(hoverAt(`${bib}Claim: Parking pays [@${key.slice(0, 2)}|${key.slice(2)}].\n`));
    }
    const { text, position } = cursor(`${bib}Claim: Parking pays [@|`);
    const w = workspace({ 'essay.md': text });
    const items = getCompletions(w.doc('essay.md'), position, w.ctx)!.items;
    assert.equal(items.length, 2);
    for (const item of items) assertInert((item.documentation as { value: string }).value);
  });

  it('linkDestination and codeSpan', () => {
    assert.equal(linkDestination('https://e.org/a b>(c)'), 'https://e.org/a%20b%3E%28c%29');
    assert.equal(linkDestination('command:x'), undefined);
    assert.equal(codeSpan('a`b'), '``a`b``');
    assert.equal(codeSpan('`a'), '`` `a ``');
  });
});
