import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES, type Rule } from '../../src/core/index.js';
import { lintText, setup, ESSAY, ROOT, where, slice } from '../helpers/memory.js';
import { requirePath } from '../helpers/ci.js';

const SEED = join(import.meta.dirname, '..', '..', '..', 'shared', 'seed', 'model-alignment-essay.md');

describe('the seed essay (acceptance)', function () {
  before(function () {
    requirePath(this, SEED, 'the seed essay (../shared/seed beside the repository)');
  });

  it('finds the three Claim headings with slug ids, each cited by its section’s links, and no unsupported-claim', () => {
    const text = readFileSync(SEED, 'utf8');
    const { findings, model } = lintText(text);
    const claims = model.nodes.filter((n) => n.kind === 'claim');
    assert.equal(claims.length, 3);
    for (const [i, claim] of claims.entries()) {
      assert.match(claim.id!, new RegExp(`^claim-${i + 1}-model-alignment-`));
      const section = slice(text, claim.range);
      const sectionLinks = [...section.matchAll(/\]\((https?:[^)\s]+)\)/g)].map((m) => m[1]);
      assert.ok(sectionLinks.length > 0);
      // Every link written in the section is one of the claim's sources.
      assert.deepEqual(
        claim.sources.map((s) => slice(text, s.range).match(/\]\((https?:[^)\s]+)\)/)?.[1]),
        sectionLinks,
      );
    }
    assert.deepEqual(where(findings, 'unsupported-claim'), []);
  });

  it('fires unsupported-claim on exactly the Claim 2 heading once its links are removed, and a comment silences it', () => {
    const text = readFileSync(SEED, 'utf8');
    const lines = text.split('\n');
    const heading = lines.findIndex((l) => /^### \*\*Claim 2:/.test(l));
    const next = lines.findIndex((l, i) => i > heading && l.startsWith('### '));
    const stripped = lines.map((l, i) => (i > heading && i < next ? l.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') : l));
    const result = lintText(stripped.join('\n'));
    assert.deepEqual(where(result.findings, 'unsupported-claim'), [`unsupported-claim@${heading + 1}:5`]);
    stripped.splice(heading, 0, '<!-- warrant-disable-next-line unsupported-claim -->');
    assert.deepEqual(where(lintText(stripped.join('\n')).findings, 'unsupported-claim'), []);
  });
});

describe('the argument graph', () => {
  it('counts a defense in another file that defends a claim here', () => {
    const text = '<!-- claim #c -->\nA bare claim.\n';
    const other = '<!-- defense #d defends=essay.md#c -->\nA defense with [a source](https://example.org/d).\n';
    assert.deepEqual(where(lintText(text, { 'other.md': other }).findings), []);
  });

  it('infers edge direction from kinds for plain links', () => {
    const text = [
      '<!-- claim #c -->',
      'Claim text, backed by [the data](#e).',
      '',
      '<!-- evidence #e -->',
      'Data from [a survey](https://example.org/s).',
    ].join('\n');
    const { engine } = setup(text);
    engine.lint(ESSAY, text);
    const edges = engine.graph().allEdges().map((e) => `${engine.graph().node(e.from)!.id} ${e.type} ${engine.graph().node(e.to)!.id}`);
    assert.deepEqual(edges, ['e supports c']);
  });

  it('draws no support edge from a risk to the claim whose section holds it, nor for a link between them', () => {
    // A risk is something that can go wrong, not a reason to believe the claim: only evidence,
    // defenses and grounded claims back a claim (docs/rules/unsupported-claim.md).
    const text = [
      '### **Claim 1: Staged release lowers the damage of a bad launch.**',
      '',
      'The [rushed launch](#r) shows why.',
      '',
      '<!-- risk #r -->',
      'A team under deadline pressure skips the staged rollout.',
      '',
      '## Mitigations',
      '',
      '<!-- defense #d defends=#r -->',
      'A signed checklist blocks any release that skips a stage.',
    ].join('\n');
    const { engine } = setup(text);
    const { findings } = engine.lint(ESSAY, text);
    const g = engine.graph();
    const edges = g.allEdges().map((e) => `${g.node(e.from)!.kind} ${e.type} ${g.node(e.to)!.kind}`);
    assert.deepEqual(edges, ['defense defends risk']);
    assert.deepEqual(where(findings, 'unsupported-claim'), ['unsupported-claim@1:5']);
    // Evidence that a risk is real still supports the risk.
    const risky = '## Outages {.risk #o}\n\n<!-- evidence #e -->\nThree outages last year, per the [status page](https://example.org/status).\n';
    const second = setup(risky);
    second.engine.lint(ESSAY, risky);
    const g2 = second.engine.graph();
    assert.deepEqual(g2.allEdges().map((e) => `${g2.node(e.from)!.kind} ${e.type} ${g2.node(e.to)!.kind}`), ['evidence supports risk']);
  });

  it('reports dangling references in this file and across files', () => {
    const text = '<!-- defense #d defends=#nope -->\nSee [x](other.md#missing) and [y](gone.md#z).\n';
    const result = lintText(text, { 'other.md': '# Other\n' });
    assert.deepEqual(where(result.findings, 'dangling-reference'), ['dangling-reference@1:25', 'dangling-reference@2:5', 'dangling-reference@2:31']);
    assert.match(result.findings.find((f) => f.ruleId === 'dangling-reference' && f.position.start.line === 1 && f.position.start.character > 20)!.message, /does not exist/);
  });

  it('finds circular support and reports it once', () => {
    const text = '<!-- claim #a supports=#b -->\nA.\n\n<!-- claim #b supports=#a -->\nB.\n';
    const result = lintText(text);
    assert.deepEqual(where(result.findings, 'circular-support'), ['circular-support@2:1']);
    assert.equal(result.findings.find((f) => f.ruleId === 'circular-support')!.related.length, 1);
  });
});

describe('robustness of the engine', () => {
  it('turns a rule that throws into one internal-error finding; other rules still run', () => {
    const broken: Rule = { meta: { id: 'unsupported-claim', description: 'x', defaultSeverity: 'warning', tags: [] }, check: () => { throw new Error('boom'); } };
    const rules = RULES as Rule[];
    const index = rules.findIndex((r) => r.meta.id === 'unsupported-claim');
    const saved = rules[index]!;
    rules[index] = broken;
    try {
      const result = lintText('## Claim: bare\n\nA footnote call[^9].\n');
      assert.deepEqual(where(result.findings), ['internal-error@1:1', 'missing-footnote@3:16']);
      assert.match(result.findings[0]!.message, /Rule `unsupported-claim` failed on this document: Error: boom/);
    } finally {
      rules[index] = saved;
    }
  });

  it('skips binary and oversized files with a clear finding', () => {
    assert.deepEqual(where(lintText('abc\u0000def').findings), ['file-skipped@1:1']);
    const { engine } = setup('');
    const config = { ...engine.analyze(ESSAY, '').config, maxFileSize: 10 };
    const result = engine.lint(`${ROOT}big.md`, '## Claim: x\n'.repeat(5), config);
    assert.deepEqual(where(result.findings), ['file-skipped@1:1']);
    assert.match(result.findings[0]!.message, /over the .* limit: not linted/);
  });

  it('reports invalid front matter at its line and still lints the body', () => {
    const result = lintText('---\ntitle: [oops\n---\n\n## Claim: bare\n');
    assert.deepEqual(where(result.findings).sort(), ['invalid-front-matter@2:13', 'unsupported-claim@5:4'].sort());
  });
});

describe('positions', () => {
  it('never places an offset between \\r and \\n', async () => {
    const { LineIndex } = await import('../../src/core/index.js');
    const index = new LineIndex('ab\r\ncd');
    assert.deepEqual(index.positionAt(3), { line: 0, character: 2 });
    assert.equal(index.offsetAt(index.positionAt(3)), 2);
    assert.deepEqual(index.positionAt(4), { line: 1, character: 0 });
  });
});

describe('zero-annotation mode in the engine', () => {
  const stat = 'Nine in ten audited labs missed at least 40 percent of the reported failures in 2024.';
  it('reports an uncited statistic with its reason', () => {
    const result = lintText(`Intro line.\n\n${stat}\n`);
    assert.deepEqual(where(result.findings), ['uncited-assertion@3:1']);
    assert.match(result.findings[0]!.message, /gives a number \(“[^”]+”\).* with no source in its paragraph: add a link, footnote or citation$/i);
    assert.ok((result.findings[0]!.data as { reasons: string[] }).reasons.includes('statistic'));
  });
  it('is silenced by a citation, or by a link to a tagged defense, but not by a link to a plain heading', () => {
    assert.deepEqual(where(lintText(`${stat} [Source](https://example.org/a)\n`).findings), []);
    const defense = '\n\n<!-- defense #d defends=#x -->\nThe audit rules were tightened [here](https://example.org/r).\n\n<!-- claim #x -->\nA claim [with a source](https://example.org/x).\n';
    assert.deepEqual(where(lintText(`${stat} See [the reply](#d).${defense}`).findings), []);
    assert.deepEqual(where(lintText(`${stat} See [below](#notes).\n\n## Notes\n`).findings), ['uncited-assertion@1:1']);
  });
  it('never reports a sentence inside a tagged node (tags win)', () => {
    const result = lintText(`<!-- claim #c -->\n${stat}\n`);
    assert.deepEqual(where(result.findings), ['unsupported-claim@2:1']);
  });
});

describe('ids', () => {
  it('reports a node id that collides with a heading id or slug, at the later declaration', () => {
    const a = lintText('<!-- claim #pricing -->\nA claim [cited](https://example.org/a).\n\n## Other {#pricing}\n');
    assert.deepEqual(where(a.findings, 'duplicate-id'), ['duplicate-id@4:11']);
    const b = lintText('## Pricing\n\ntext\n\n<!-- claim #pricing -->\nA claim [cited](https://example.org/a).\n');
    assert.deepEqual(where(b.findings, 'duplicate-id'), ['duplicate-id@5:1']);
  });
  it('does not count a tagged heading and its own slug twice', () => {
    assert.deepEqual(where(lintText('## Claim: Costs fall\n\n[src](https://example.org/c)\n').findings, 'duplicate-id'), []);
  });
});

describe('escapes', () => {
  it('treats escaped footnote calls and citations as text', () => {
    assert.deepEqual(where(lintText('Written as \\[^1] and \\[@key] on purpose.\n').findings), []);
  });
});

describe('support has to reach the ground', () => {
  it('reports two uncited claims that only lean on each other', () => {
    const text = '<!-- claim #a -->\nA, because of [b](#b).\n\n<!-- claim #b -->\nB, because of [a](#a).\n';
    assert.deepEqual(where(lintText(text).findings, 'unsupported-claim', 'circular-support'), ['circular-support@2:1', 'unsupported-claim@2:1', 'unsupported-claim@5:1']);
  });
  it('accepts a claim supported by a cited claim, and says so in the cycle message when one is cited', () => {
    const text = '<!-- claim #a -->\nA, because of [b](#b).\n\n<!-- claim #b -->\nB, see [a](#a) and [data](https://example.org/b).\n';
    const result = lintText(text);
    assert.deepEqual(where(result.findings, 'unsupported-claim'), []);
    assert.match(result.findings.find((f) => f.ruleId === 'circular-support')!.message, /support should run one way: remove one of the links$/);
  });
});

describe('replies written next to what they answer', () => {
  it('lets a reply right after an objection answer it, in paragraphs and list items', () => {
    const paragraphs = '**Objection:** Audits cost too much.\n\n**Reply:** They cost less than one incident.\n';
    assert.deepEqual(where(lintText(paragraphs).findings, 'unanswered-objection', 'orphan-node'), []);
    const list = '- Risk: Weights leak.\n- Mitigation: Keep them on audited servers.\n';
    assert.deepEqual(where(lintText(list).findings, 'unmitigated-risk', 'orphan-node'), []);
  });
  it('does not reach over other text', () => {
    const text = '**Objection:** Audits cost too much.\n\nAn unrelated paragraph.\n\n**Reply:** They cost less than one incident.\n';
    assert.deepEqual(where(lintText(text).findings, 'unanswered-objection'), ['unanswered-objection@1:3']);
  });
});

describe('edges', () => {
  it('counts a defense once when it both follows an objection and names it', () => {
    const text = '<!-- objection #o -->\nAudits cost too much.\n\n<!-- defense #d defends=#o -->\nThey cost less than one incident ([data](https://example.org/d)).\n';
    const { engine } = setup(text);
    engine.lint(ESSAY, text);
    const edges = engine.graph().allEdges().map((e) => `${engine.graph().node(e.from)!.id} ${e.type} ${engine.graph().node(e.to)!.id} via ${e.via}`);
    assert.deepEqual(edges, ['d defends o via attribute']);
  });

  it('lets an explicit relation attribute replace the containment and adjacency relations of its type', () => {
    const text = [
      '## Toxicity {#toxicity .claim}',
      '',
      'Filters miss most toxic outputs ([eval](https://example.org/e)).',
      '',
      '::: {.objection #cost attacks=#other}',
      'Filtering costs more than it saves.',
      ':::',
      '',
      '::: {.evidence #data}',
      'Audit logs show the misses ([logs](https://example.org/l)).',
      ':::',
      '',
      '## Other {#other .claim}',
      '',
      'Another claim ([src](https://example.org/o)).',
      '',
      '**Objection:** Other claims are weak.',
      '',
      '<!-- defense #reply defends=#toxicity -->',
      'A reply written after the objection that answers the toxicity claim ([r](https://example.org/r)).',
    ].join('\n');
    const { engine } = setup(text);
    engine.lint(ESSAY, text);
    const g = engine.graph();
    const edges = g.allEdges().map((e) => `${g.node(e.from)!.id ?? g.node(e.from)!.kind} ${e.type} ${g.node(e.to)!.id ?? g.node(e.to)!.kind} via ${e.via}`).sort();
    assert.deepEqual(edges, [
      'cost attacks other via attribute',
      'data supports toxicity via containment',
      'objection attacks other via containment',
      'reply defends toxicity via attribute',
    ]);
    // a named target that does not exist: the section does not stand in for it
    const missing = '## Toxicity {#toxicity .claim}\n\nFilters miss toxic outputs ([eval](https://example.org/e)).\n\n<!-- defense #d defends=#gone -->\nA reply ([r](https://example.org/r)).\n';
    assert.deepEqual(where(lintText(missing).findings, 'dangling-reference', 'orphan-node'), ['dangling-reference@5:25', 'orphan-node@6:1']);
  });
});
