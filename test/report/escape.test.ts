import assert from 'node:assert/strict';
import { escapeHtml, safeHref } from '../../src/report/escape.js';
import { sanitizeSvg } from '../../src/report/html.js';

describe('report escaping', () => {
  it('escapes every character that can open a tag, an entity or close an attribute', () => {
    assert.equal(escapeHtml(`<img src=x onerror="a('1')">&`), '&lt;img src=x onerror=&quot;a(&#39;1&#39;)&quot;&gt;&amp;');
  });

  it('makes only http(s) and mailto URLs clickable, however the scheme is disguised', () => {
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      '\u0001javascript:alert(1)',
      'data:text/html;base64,PHNjcmlwdD4=',
      'DATA:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'relative/page.html',
      '//evil.example/x',
      '',
    ]) {
      assert.equal(safeHref(url), undefined, JSON.stringify(url));
    }
    assert.equal(safeHref('https://example.org/a?b=1&c="2"'), 'https://example.org/a?b=1&amp;c=%222%22');
    assert.equal(safeHref('mailto:editor@example.org'), 'mailto:editor@example.org');
    assert.equal(safeHref('http://example.org/"><svg onload=x>'), 'http://example.org/%22%3E%3Csvg%20onload=x%3E');
  });

  it('keeps only drawing elements, same-page links and no handlers in an SVG', () => {
    const svg = `<?xml version="1.0"?><!DOCTYPE svg><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)" width="10"><script>alert(2)</script>
<g id="node1" class="node"><title>n1</title><a xlink:href="#claim-1-1" xlink:title="x"><text x="1" onclick='alert(3)' style="fill:red">A &lt;b&gt;</text></a>
<a href="javascript:alert(4)"><text>B</text></a><foreignObject><iframe src="javascript:alert(5)"></iframe></foreignObject></g></svg>`;
    const out = sanitizeSvg(svg);
    assert.ok(out.startsWith('<svg '), out);
    assert.doesNotMatch(out, /<script|<foreignobject|<iframe|onload|onclick|style=|javascript:/i);
    assert.match(out, /<a href="#claim-1-1"/);
    assert.match(out, /A &lt;b&gt;/);
  });
});
