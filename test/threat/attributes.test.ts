import assert from 'node:assert/strict';
import { analyzeText, configFrom, lintText, slice, where } from '../helpers/memory.js';

const AI_RISK = configFrom('extends: warrant:ai-risk\n');

describe('attributes on nodes', () => {
  it('keeps key=value of comment tags and Pandoc spans, divs and headings on the node, with ranges', () => {
    const text = [
      '<!-- risk #finetune adversary=skilled note="my words" -->',
      'Someone with a small budget removes the safeguards.',
      '',
      'A [sentence here]{.risk #span harm=accidental} in prose.',
      '',
      '::: {.defense #div layer=product defends=#finetune}',
      'Rate limits slow this down.',
      ':::',
      '',
      '## Laws and liability {.defense #law layer=ecosystem}',
      '',
    ].join('\n');
    const model = analyzeText(text);
    const byId = new Map(model.nodes.map((n) => [n.id, n]));
    assert.deepEqual(byId.get('finetune')!.attributes, { adversary: 'skilled', note: 'my words' });
    assert.equal(slice(text, byId.get('finetune')!.attributeRanges['adversary']!.value), 'skilled');
    assert.equal(slice(text, byId.get('finetune')!.attributeRanges['note']!.value), 'my words');
    assert.deepEqual(byId.get('span')!.attributes, { harm: 'accidental' });
    assert.deepEqual(byId.get('div')!.attributes, { layer: 'product' });
    assert.deepEqual(byId.get('law')!.attributes, { layer: 'ecosystem' });
  });

  it('gives an attribute-only comment to the labelled block before it: paragraph, heading, list item, or the block it ends', () => {
    const text = [
      'Risk: Someone fine-tunes the safeguards away.',
      '<!-- #finetune adversary=skilled -->',
      '',
      '### Defense: Guard the attack surface <!-- layer=ecosystem defends=#finetune -->',
      '',
      '- Defense: Refusal training.',
      '  <!-- layer=model -->',
      '',
      'Risk: A state trains its own model.',
      '',
      '<!-- adversary=well-resourced -->',
      '',
    ].join('\n');
    const result = lintText(text, {}, AI_RISK);
    const [risk, surface, refusal, state] = result.model.nodes;
    assert.equal(risk!.id, 'finetune');
    assert.ok(risk!.explicitId);
    assert.deepEqual(risk!.attributes, { adversary: 'skilled' });
    assert.deepEqual(surface!.attributes, { layer: 'ecosystem' });
    assert.deepEqual(surface!.relations.map((r) => r.target.id), ['finetune']);
    assert.deepEqual(refusal!.attributes, { layer: 'model' });
    assert.equal(refusal!.block, 'listItem');
    assert.deepEqual(state!.attributes, { adversary: 'well-resourced' });
    assert.deepEqual(where(result.findings, 'invalid-tag'), []);
    // The comment stays invisible: it is not the node's text.
    assert.equal(risk!.text, 'Someone fine-tunes the safeguards away.');
  });

  it('gives an attribute comment on the line after a comment tag to that tag’s node', () => {
    const text = '<!-- risk #x -->\n<!-- adversary=skilled -->\nA crew retrains weights.\n';
    const result = lintText(text, {}, AI_RISK);
    assert.deepEqual(result.model.nodes[0]!.attributes, { adversary: 'skilled' });
    assert.deepEqual(where(result.findings, 'invalid-tag'), []);
  });

    it('leaves `<!-- #region -->` and other comments alone, and reports an attribute comment that follows no tagged block', () => {
    const text = ['<!-- #region intro -->', 'Just prose here.', '<!-- adversary=skilled -->', ''].join('\n');
    const result = lintText(text, {}, AI_RISK);
    assert.deepEqual(where(result.findings, 'invalid-tag'), ['invalid-tag@3:1']);
    assert.match(result.findings.find((f) => f.ruleId === 'invalid-tag')!.message, /follows no tagged block/);
  });

  it('reports a declared value outside its list at the value, with did you mean; keeps undeclared keys silently', () => {
    const text = '<!-- risk #x adversary=skiled reviewer=ann -->\nA risk.\n';
    const result = lintText(text, {}, AI_RISK);
    const bad = result.findings.filter((f) => f.ruleId === 'invalid-tag');
    assert.equal(bad.length, 1);
    assert.equal(bad[0]!.message, '`skiled` is not a value of `adversary`: did you mean `skilled`?');
    assert.equal(slice(text, bad[0]!.range), 'skiled');
    assert.deepEqual(result.model.nodes[0]!.attributes, { adversary: 'skiled', reviewer: 'ann' });
  });

  it('reports a declared attribute on a kind it is not declared for, at the key', () => {
    const text = '<!-- risk #x layer=model -->\nA risk.\n';
    const bad = lintText(text, {}, AI_RISK).findings.filter((f) => f.ruleId === 'invalid-tag');
    assert.equal(bad.length, 1);
    assert.match(bad[0]!.message, /^Attribute `layer` is declared for defense, not for risk/);
    assert.equal(slice(text, bad[0]!.range), 'layer');
  });

  it('declares attributes in .warrant.yaml without the preset, and checks nothing undeclared', () => {
    const config = configFrom('attributes:\n  confidence:\n    on: [claim]\n    values: [low, high]\n');
    const text = '<!-- claim #c confidence=hgh -->\nA claim [@x].\n\n<!-- risk #r confidence=anything reviewer=whoever -->\nA risk.\n';
    const bad = lintText(text, {}, config).findings.filter((f) => f.ruleId === 'invalid-tag');
    assert.deepEqual(bad.map((f) => f.message), ['`hgh` is not a value of `confidence`: did you mean `high`?', 'Attribute `confidence` is declared for claim, not for risk: move it to a claim or add risk to its `on` list']);
  });

  it('checks the built-in threat-model values without the preset too: a typo is not a silent new value (issue #22)', () => {
    // Without `extends: warrant:ai-risk`, `adversary=skiled` used to be kept as a value of its own:
    // alignment-only-defense skipped the risk and `matrix --by adversary` gave it a row.
    const text = [
      '<!-- risk #x adversary=skiled -->',
      'Someone fine-tunes the safeguards away.',
      '',
      '<!-- defense #d defends=#x layer=modle -->',
      'Refusal training.',
      '',
    ].join('\n');
    const bad = lintText(text).findings.filter((f) => f.ruleId === 'invalid-tag');
    assert.deepEqual(bad.map((f) => f.message), ['`skiled` is not a value of `adversary`: did you mean `skilled`?', '`modle` is not a value of `layer`: did you mean `model`?']);
    // Values only: nothing is inferred without the preset.
    assert.deepEqual(analyzeText(text).nodes[0]!.inferred, {});
    const own = configFrom('attributes:\n  adversary:\n    values: [insider, outsider]\n');
    assert.deepEqual(lintText('<!-- risk #y adversary=insider -->\nA risk.\n', {}, own).findings.filter((f) => f.ruleId === 'invalid-tag'), []);
  });
});

describe('inference (warrant:ai-risk)', () => {
  const nodes = (text: string) => analyzeText(text, {}, AI_RISK).nodes;

  it('infers layer, adversary and harm from cue words, recording the cue as written', () => {
    const [defense, risk, accident] = nodes(
      [
        '<!-- defense #rlhf -->',
        'RLHF teaches the model to decline such requests.',
        '',
        '<!-- risk #scam -->',
        'A scammer who can write code fine-tunes an open model.',
        '',
        '<!-- risk #slip -->',
        'An unsuspecting reader gets a slur back.',
        '',
      ].join('\n'),
    );
    assert.deepEqual(defense!.inferred, { layer: { value: 'model', cue: 'RLHF' } });
    assert.deepEqual(risk!.inferred['adversary'], { value: 'skilled', cue: 'scammer' });
    assert.deepEqual(risk!.inferred['harm'], { value: 'intentional', cue: 'scammer' });
    assert.deepEqual(accident!.inferred['adversary'], { value: 'none', cue: 'unsuspecting' });
    assert.deepEqual(accident!.inferred['harm'], { value: 'accidental', cue: 'unsuspecting' });
  });

  it('lets an explicit value win, and derives harm from an explicit adversary before any cue', () => {
    const [risk] = nodes('<!-- risk #r adversary=none -->\nA deliberate attacker with a government budget.\n');
    assert.deepEqual(risk!.attributes, { adversary: 'none' });
    assert.equal(risk!.inferred['adversary'], undefined);
    assert.deepEqual(risk!.inferred['harm'], { value: 'accidental', cue: 'adversary=none' });
  });

  it('infers nothing without a declaration', () => {
    const [defense] = analyzeText('<!-- defense #rlhf -->\nRLHF teaches the model to decline.\n').nodes;
    assert.deepEqual(defense!.inferred, {});
  });

  it('ignores cues with no letter, which would match anywhere', () => {
    const config = configFrom('attributes:\n  mood:\n    on: [claim]\n    values: [a, b]\n    cues:\n      a: ["*", "-"]\n      b: [sunny*]\n');
    const [c] = analyzeText('<!-- claim #c -->\nA sunnyside-up egg.\n', {}, config).nodes;
    assert.deepEqual(c!.inferred, { mood: { value: 'b', cue: 'sunnyside' } });
  });

  it('picks the value with most cues, then the earliest', () => {
    const [d] = nodes('<!-- defense #d -->\nMonitoring and rate limits back up refusal training.\n');
    assert.deepEqual(d!.inferred['layer'], { value: 'product', cue: 'Monitoring' });
  });
});

describe('a preset from front matter', () => {
  it('applies `warrant: { extends: warrant:ai-risk }` to that document, and reports a typo at its place', () => {
    const on = lintText('---\nwarrant:\n  extends: warrant:ai-risk\n---\n\n<!-- risk #drift -->\nAnswers drift.\n');
    assert.deepEqual(where(on.findings, 'unrated-risk'), ['unrated-risk@7:1']);
    assert.deepEqual(on.model.config.presets, ['warrant:ai-risk']);
    const typo = lintText('---\nwarrant:\n  extends: [warrant:ai-rsk]\n---\n\nText.\n');
    assert.deepEqual(typo.findings.filter((f) => f.ruleId === 'invalid-config').map((f) => `${f.position.start.line + 1}:${f.position.start.character + 1} ${f.message}`), [
      '3:13 Front matter `warrant:`: Unknown preset `warrant:ai-rsk`: did you mean `warrant:ai-risk`?',
    ]);
  });
});
