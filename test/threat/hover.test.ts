import assert from 'node:assert/strict';
import { getHover } from '../../src/service/hover.js';
import { configFrom } from '../helpers/memory.js';
import { cursor, workspace } from '../service/helpers.js';

const AI_RISK = configFrom('extends: warrant:ai-risk\n');

const ESSAY = [
  '<!-- risk #finetune severity=serious -->',
  'Fine-tuning an open model removes its safeguards for a few hundred dollars.',
  '',
  '<!-- defense #rlhf defends=#finetune -->',
  'RLHF makes the model decline such requests.',
  '',
  '<!-- defense #surface defends=#finetune layer=ecosystem -->',
  'Harden the attack surface the attacker needs.',
  '',
].join('\n');

function hoverAt(text: string, marker: string): string {
  const at = text.indexOf(marker);
  const { text: clean, position } = cursor(text.slice(0, at) + '|' + text.slice(at));
  const fx = workspace({ 'essay.md': clean }, {}, AI_RISK);
  const hover = getHover(fx.doc('essay.md'), position, fx.ctx);
  assert.ok(hover, `no hover at ${marker}`);
  return (hover.contents as { value: string }).value;
}

describe('hover: threat model', () => {
  it('shows a risk’s adversary, harm, severity and domain, each inferred or written, and its defenses by layer', () => {
    const value = hoverAt(ESSAY, 'Fine-tuning an open');
    assert.match(value, /\*Threat model\*/);
    assert.match(value, /- adversary: \*\*skilled\*\* \(inferred from "Fine-tuning"\)/);
    assert.match(value, /- harm: \*\*intentional\*\* \(inferred from "adversary=skilled"\)/);
    assert.match(value, /- severity: \*\*serious\*\*\n/);
    assert.match(value, /- domain: not rated/);
    assert.match(value, /\*Defenses by layer\*/);
    assert.match(value, /- model: \[RLHF makes the model decline such requests\.\]\(file:\/\/\/ws\/essay\.md#L5,1\) \(inferred from "RLHF"\)/);
    assert.match(value, /- product: —/);
    assert.match(value, /- ecosystem: \[Harden the attack surface the attacker needs\.\]\(file:\/\/\/ws\/essay\.md#L8,1\)\n|- ecosystem: \[Harden the attack surface the attacker needs\.\]\(file:\/\/\/ws\/essay\.md#L8,1\)$/);
    assert.doesNotMatch(value, /unrated:/);
  });

  it('shows a defense’s layer, marked when inferred', () => {
    assert.match(hoverAt(ESSAY, 'RLHF makes'), /\*Layer:\* \*\*model\*\* \(inferred from "RLHF"\)/);
    assert.match(hoverAt(ESSAY, 'Harden the'), /\*Layer:\* \*\*ecosystem\*\*(?! \()/);
  });

  it('shows other attributes as they are written', () => {
    const value = hoverAt('<!-- claim #c reviewer=ann -->\nA claim [@k].\n', 'A claim');
    assert.match(value, /\*Attributes:\* reviewer: \*\*ann\*\*/);
  });
});
