import assert from 'node:assert/strict';
import { analyzeText, configFrom, lintText, slice, where } from '../helpers/memory.js';

const summary = (text: string, config?: ReturnType<typeof configFrom>) =>
  analyzeText(text, {}, config).nodes.map((n) => ({ kind: n.kind, id: n.id, syntax: n.syntax, block: n.block, selection: slice(text, n.selectionRange), text: n.text }));

describe('labels in prose', () => {
  it('tags a bold numbered heading in the seed style, with its GitHub slug as id', () => {
    const text = '# Title\n\n### **Claim 1: Audits catch few failures.**\n\nBody.\n';
    const [node] = summary(text);
    assert.deepEqual(node, {
      kind: 'claim',
      id: 'claim-1-audits-catch-few-failures',
      syntax: 'label',
      block: 'heading',
      selection: '**Claim 1: Audits catch few failures.**',
      text: 'Audits catch few failures.',
    });
  });

  it('covers the heading section down to the next heading of the same level', () => {
    const text = '## Claim: A\n\npara one\n\n### Sub\n\npara two\n\n## Next\n\nafter\n';
    const model = analyzeText(text);
    assert.equal(slice(text, model.nodes[0]!.range), '## Claim: A\n\npara one\n\n### Sub\n\npara two');
  });

  it('tags paragraphs, list items and block quotes; aliases are case-insensitive', () => {
    const text = ['**Objection:** Labs will not comply.', '', '- Reply: They will, under audit.', '', '> defence: the quote is a defence.', '', 'Thesis: one sentence. Two sentences.'].join('\n');
    assert.deepEqual(
      summary(text).map((n) => [n.kind, n.block, n.selection]),
      [
        ['objection', 'paragraph', 'Objection:** Labs will not comply.'],
        ['defense', 'listItem', 'Reply: They will, under audit.'],
        ['defense', 'blockquote', 'defence: the quote is a defence.'],
        ['claim', 'paragraph', 'Thesis: one sentence.'],
      ],
    );
  });

  it('does not tag a label that is not at the start, nor one inside code', () => {
    const text = 'The claim: nothing here.\n\n```\nClaim: in code\n```\n\n`Claim: inline`\n';
    assert.deepEqual(summary(text), []);
  });

  it('uses configured labels and kinds', () => {
    const config = configFrom('vocabulary:\n  assumption:\n    labels: [Assumption]\n    as: claim\n  claim:\n    labels: [Contention]\n');
    const text = 'Assumption: compute keeps growing.\n\nContention: this matters.\n\nClaim: no longer a label.\n';
    assert.deepEqual(summary(text, config).map((n) => n.kind), ['assumption', 'claim']);
  });
});

describe('comment tags', () => {
  it('tags the next block from its own line, with id and relations', () => {
    const text = '<!-- defense #audits defends=#toxicity,other.md#x adversary=skilled -->\nAudits find the gaps early.\n';
    const model = analyzeText(text);
    const [node] = model.nodes;
    assert.equal(node!.kind, 'defense');
    assert.equal(node!.id, 'audits');
    assert.equal(node!.explicitId, true);
    assert.equal(slice(text, node!.range), 'Audits find the gaps early.');
    assert.deepEqual(node!.attributes, { adversary: 'skilled' });
    assert.deepEqual(
      node!.relations.map((r) => [r.type, r.target.file ?? '', r.target.id, slice(text, r.range)]),
      [
        ['defends', '', 'toxicity', '#toxicity'],
        ['defends', 'other.md', 'x', 'other.md#x'],
      ],
    );
  });

  it('tags the sentence it ends, not the whole paragraph', () => {
    const text = 'First sentence stays plain. Filters fail often. <!-- claim #fail --> Last one.\n';
    const [node] = analyzeText(text).nodes;
    assert.equal(node!.block, 'sentence');
    assert.equal(slice(text, node!.range), 'Filters fail often.');
  });

  it('tags a heading section when placed above a heading, keeping the slug unless an id is given', () => {
    const text = '<!-- risk -->\n## Model theft\n\ntext\n';
    const [node] = analyzeText(text).nodes;
    assert.deepEqual([node!.kind, node!.id, node!.block], ['risk', 'model-theft', 'heading']);
  });

  it('ignores other tools\u2019 comments and reports a tag-like comment with an unknown kind', () => {
    const text = '<!-- prettier-ignore -->\nPlain.\n\n<!-- claimm #typo -->\nText.\n';
    const model = analyzeText(text);
    assert.equal(model.nodes.length, 0);
    assert.deepEqual(model.problems.map((p) => [p.ruleId, slice(text, p.range)]), [['invalid-tag', 'claimm']]);
  });
});

describe('Pandoc attributes', () => {
  it('tags spans, fenced divs and headings', () => {
    const text = [
      '## Weights leak {#leak .risk}',
      '',
      'Some text with [a tagged sentence]{.claim #c1} inside.',
      '',
      '::: {.objection #o1 attacks=#c1}',
      'Leaks are rare. More text.',
      ':::',
      '',
    ].join('\n');
    const model = analyzeText(text);
    assert.deepEqual(
      model.nodes.map((n) => [n.kind, n.id, n.block, slice(text, n.selectionRange)]),
      [
        ['risk', 'leak', 'heading', 'Weights leak'],
        ['claim', 'c1', 'span', 'a tagged sentence'],
        ['objection', 'o1', 'div', 'Leaks are rare.'],
      ],
    );
    assert.equal(model.nodes[2]!.text, 'Leaks are rare. More text.');
    assert.deepEqual(model.nodes[2]!.relations.map((r) => [r.type, r.target.id]), [['attacks', 'c1']]);
  });

  it('nests divs and reports an unclosed one', () => {
    const text = '::: {.claim #outer}\nOuter.\n\n::: evidence\nInner data.\n:::\n:::\n\n::: {.risk}\nNever closed.\n';
    const model = analyzeText(text);
    const inner = model.nodes.find((n) => n.kind === 'evidence')!;
    const outer = model.nodes.find((n) => n.kind === 'claim')!;
    assert.equal(model.nodes[inner.parent!], outer);
    assert.deepEqual(model.problems.map((p) => p.ruleId), ['invalid-tag']);
  });

  it('gives a span the footnote or citation written right after it', () => {
    const text = [
      '---',
      'references:',
      '  - id: a',
      '  - id: b',
      '---',
      '[Training costs fall every year]{.claim #cost}[^n]. [Prices halve]{.evidence #e} [@a; @b].',
      '',
      '[Margins grow]{.claim #m}, [as they did before]{.claim #late} and later [@a].',
      '',
      '[^n]: Epoch, *Trends in training cost*, 2024.',
    ].join('\n');
    const { model, findings } = lintText(text);
    assert.deepEqual(
      model.nodes.map((n) => [n.id, n.sources.map((s) => s.key)]),
      [
        ['cost', ['n']],
        ['e', ['a', 'b']],
        ['m', []],
        ['late', []],
      ],
    );
    assert.deepEqual(where(findings, 'unsupported-claim', 'unsourced-evidence'), ['unsupported-claim@8:2', 'unsupported-claim@8:29']);
  });

  it('ignores attribute syntax inside code', () => {
    assert.deepEqual(analyzeText('`[x]{.claim}`\n\n```\n::: {.claim}\n:::\n```\n').nodes, []);
  });
});

describe('tag precedence', () => {
  it('merges a label and a Pandoc attribute on the same heading into one node with the explicit id', () => {
    const text = '## Claim: Open weights spread {#spread .claim}\n\ntext\n';
    const model = analyzeText(text);
    assert.equal(model.nodes.length, 1);
    assert.equal(model.nodes[0]!.id, 'spread');
    assert.equal(model.nodes[0]!.syntax, 'pandoc');
  });
});

describe('labels next to Pandoc fences', () => {
  it('keeps fence lines out of a labelled paragraph written without blank lines', () => {
    const text = '::: {.note}\nClaim: The cost is small.\n:::\n';
    const [node] = analyzeText(text).nodes;
    assert.equal(slice(text, node!.selectionRange), 'Claim: The cost is small.');
    assert.equal(node!.text, 'The cost is small.');
  });
});

describe('comment tags followed by text on the same line', () => {
  it('reports the tag instead of tagging the next block', () => {
    const text = '<!-- claim #x --> Some sentence.\n\nNext paragraph.\n';
    const model = analyzeText(text);
    assert.deepEqual(model.nodes, []);
    assert.deepEqual(model.problems.map((p) => [p.ruleId, slice(text, p.range)]), [['invalid-tag', '<!-- claim #x -->']]);
  });
});
