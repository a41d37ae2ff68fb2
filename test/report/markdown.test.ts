/**
 * The pull-request summary (`-f markdown`) on in-memory findings: the claim column is the plain
 * text of the label, claims and risks have their own tables, and the closing sentence never
 * contradicts a heuristic finding that stands (issue 22, item 5).
 */
import assert from 'node:assert/strict';
import { allRuleMeta, docsUrl } from '../../src/core/index.js';
import { markdownSummary, plainText } from '../../src/report/markdown.js';
import { lintText } from '../helpers/memory.js';

const TEXT = `# Notes

### **Claim 3: Wind beats coal on cost**

Just words.

## Sun

**Claim 4:** Solar wins too, **surely**, says the _field_ guide.

## Risks

<!-- risk #r1 -->
A model may leak its training data.

Studies show that 40% of teams skip their audits.
`;

function summary(text: string): string {
  const { findings } = lintText(text);
  return markdownSummary([{ name: 'notes.md', findings, source: text }], { rules: allRuleMeta(), docsUrl, maxRows: 25 });
}

describe('-f markdown summary', () => {
  it('quotes the plain text of a label, without emphasis, heading or link markup', () => {
    const md = summary(TEXT);
    assert.ok(md.includes('| Claim 3: Wind beats coal on cost |'), md);
    assert.ok(md.includes('| Claim 4: Solar wins too, surely, says the field guide. |'), md);
    assert.doesNotMatch(md, /\\\*/);
    assert.equal(plainText('### **Claim 3:** a `snake_case` name_like_this, <!-- claim --> ~~gone~~ [x](y) ![i](j) [z](javascript:a(1))'), 'Claim 3: a snake_case name_like_this, gone x i z');
  });

  it('lists unmitigated risks apart from unsupported claims', () => {
    const md = summary(TEXT);
    const claims = md.slice(md.indexOf('### Unsupported claims'), md.indexOf('### Unmitigated risks'));
    assert.match(claims, /^### Unsupported claims \(2\)/);
    assert.doesNotMatch(claims, /training data/);
    assert.match(md.slice(md.indexOf('### Unmitigated risks')), /^### Unmitigated risks \(1\)\n\n\| Where \| Risk \| Finding \|\n[^\n]+\n\| \[notes\.md:14\]\(notes\.md#L14\) \| A model may leak its training data\. \|/);
  });

  it('never says every claim is backed while heuristic findings stand; says what they are instead', () => {
    const md = summary('# Notes\n\nStudies show that 40% of teams skip their audits.\n');
    assert.doesNotMatch(md, /Every claim and risk is backed/);
    assert.match(md, /No tagged claim or risk is unsupported\. 1 sentence may need a source \(`uncited-assertion`, a heuristic\)\./);
    const clean = summary('# Notes\n\nWe walked home.\n\n**Claim:** It rained [per the log](https://example.org/log).\n');
    assert.match(clean, /^## Warrant\n\nNo problems in 1 file\.\n$/);
  });
});
