import assert from 'node:assert/strict';
import { LineIndex, parseConfigText, RULE_IDS } from '../../src/core/index.js';
import { configFrom, lintText, where } from '../helpers/memory.js';

const problems = (yaml: string) => {
  const index = new LineIndex(yaml);
  return parseConfigText(yaml, 'file:///ws/.warrant.yaml', RULE_IDS).problems.map((p) => {
    const pos = index.positionAt(p.range.start);
    return `${pos.line + 1}:${pos.character + 1} ${p.message}`;
  });
};

describe('configuration', () => {
  it('accepts severities with ESLint aliases and rule options', () => {
    const config = configFrom('rules:\n  unsupported-claim: error\n  orphan-node: 0\n  unmitigated-risk: warn\n  circular-support: [info, {}]\n');
    assert.equal(config.rules.get('unsupported-claim')!.severity, 'error');
    assert.equal(config.rules.get('orphan-node')!.severity, 'off');
    assert.equal(config.rules.get('unmitigated-risk')!.severity, 'warning');
    assert.equal(config.rules.get('circular-support')!.severity, 'info');
  });

  it('points at the line of invalid YAML', () => {
    const found = problems('rules:\n  unsupported-claim: error\n   bad: indent\n');
    assert.ok(found.length >= 1);
    assert.match(found[0]!, /^2:22 Invalid YAML: Nested mappings are not allowed/);
  });

  it('reports unknown keys, unknown rule ids (with a suggestion) and bad severities at their place', () => {
    assert.deepEqual(problems('rulez: {}\nrules:\n  unsuported-claim: error\n  duplicate-id: loud\n'), [
      '1:1 Unknown configuration key `rulez`: did you mean `rules`?',
      '3:3 Unknown rule id `unsuported-claim`: did you mean `unsupported-claim`?',
      '4:17 Invalid severity for `duplicate-id`: use off, hint, info, warning or error',
    ]);
  });

  it('lists the keys when an unknown key is nothing like them', () => {
    assert.deepEqual(problems('colours: red\n'), ['1:1 Unknown configuration key `colours`: expected one of root, extends, rules, vocabulary, attributes, bibliography, references, ignores, heuristics, maxFileSize, sources']);
  });

  it('rejects a vocabulary kind based on something that is not a base kind', () => {
    assert.deepEqual(problems('vocabulary:\n  premise:\n    labels: [Premise]\n    as: axiom\n'), ['4:9 `as` must be one of claim, evidence, defense, objection, risk']);
  });

  it('takes a front-matter warrant: layer over the file config, and reports its problems in the document', () => {
    const text = '---\nwarrant:\n  rules:\n    unsupported-claim: off\n    nonsense-rule: error\n---\n\n## Claim: bare\n';
    const { findings } = lintText(text);
    assert.deepEqual(where(findings), ['invalid-config@5:5']);
  });

  it('never executes anything: YAML tags and merge keys are data', () => {
    const yaml = 'rules: !!js/function "function(){ throw 1 }"\n';
    assert.deepEqual(problems(yaml), ['1:22 `rules` must map rule ids to a severity (off, hint, info, warning, error)']);
  });
});
