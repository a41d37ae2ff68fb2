import assert from 'node:assert/strict';
import { checkGenerated } from './generate-defaults.js';
import { updating } from '../helpers/snapshot.js';
import { configFrom, lintText } from '../helpers/memory.js';
import { defaultHeuristicOptions, heuristicOptionsFor, mergeHeuristicOptions, SHIPPED_MODEL } from '../../src/core/heuristics/index.js';

describe('heuristics: shipped defaults and user overrides', () => {
  it('embeds the current data/heuristics.yaml (UPDATE_HEURISTICS=1 rewrites it)', () => {
    const update = updating('UPDATE_HEURISTICS');
    const fresh = checkGenerated(update);
    assert.ok(fresh || update, `src/core/heuristics/defaults.generated.ts is stale or missing: run \`UPDATE_HEURISTICS=1 npx mocha test/heuristics/defaults.test.ts\` to rewrite it`);
  });

  it('loads every cue family the messages name, and the shipped model weighs each the way its reason says', () => {
    const o = defaultHeuristicOptions();
    const learned = SHIPPED_MODEL.needs.named;
    for (const id of Object.keys(o.cues)) {
      assert.equal(o.cues[id]!.weight, undefined, `${id}: shipped families carry no hand-set weight`);
      assert.ok(`cue:${id}` in learned, `${id} has a learned weight`);
    }
    for (const id of ['statistic', 'attribution', 'datedEvent', 'quotation', 'booster', 'causal', 'ownFinding', 'policyFact']) {
      assert.ok(o.cues[id]!.reason, `${id} names a reason`);
      assert.ok(learned[`cue:${id}`]! > 0, `${id} raises the score`);
    }
    for (const id of ['hedge', 'question', 'normative', 'opinion', 'selfReport']) {
      assert.equal(o.cues[id]!.reason, undefined, `${id} names no reason`);
      assert.ok(learned[`cue:${id}`]! < 0, `${id} lowers the score`);
    }
    assert.equal(o.citationScope, 'paragraph');
  });

  it('a weight configured for a shipped family replaces the learned one in the score', () => {
    const text = '# Notes\n\nAbout 64 percent of the 310 members paid on time, 12 percent paid late.\n';
    const messages = (yaml?: string): string[] =>
      lintText(text, {}, yaml === undefined ? undefined : configFrom(yaml)).findings.filter((f) => f.ruleId === 'uncited-assertion').map((f) => f.message);
    assert.deepEqual(messages(), ['Gives a number (“64 percent”) with no source in its paragraph: add a link, footnote or citation']);
    assert.deepEqual(messages('heuristics:\n  cues:\n    statistic:\n      weight: -30\n'), [], 'weight -30 silences the statistic');
    // A hedge the model weighs down, weighed up by configuration: the statistic is reported again.
    const hedged = '# Notes\n\nPerhaps about 64 percent of the 310 members might have paid on time.\n';
    const hedgedMessages = (yaml?: string): number =>
      lintText(hedged, {}, yaml === undefined ? undefined : configFrom(yaml)).findings.filter((f) => f.ruleId === 'uncited-assertion').length;
    assert.equal(hedgedMessages('heuristics:\n  cues:\n    hedge:\n      weight: -30\n'), 0);
    assert.equal(hedgedMessages('heuristics:\n  cues:\n    hedge:\n      weight: 30\n'), 1);
  });

  it('merges scalars, replaces lists and merges cue families key by key', () => {
    const base = defaultHeuristicOptions();
    const { options, problems } = mergeHeuristicOptions(base, {
      threshold: 0.6,
      citationScope: 'sentence',
      tables: false,
      skipSections: ['Sources'],
      cues: { hedge: { weight: -2 }, legalese: { weight: 1, reason: 'legal claim', terms: ['hereinafter'] } },
    });
    assert.deepEqual(problems, []);
    assert.equal(options.threshold, 0.6);
    assert.equal(options.citationScope, 'sentence');
    assert.equal(options.tables, false);
    assert.deepEqual(options.skipSections, ['Sources']);
    assert.equal(options.cues['hedge']!.weight, -2);
    assert.deepEqual(options.cues['hedge']!.terms, base.cues['hedge']!.terms, 'unmentioned keys keep their defaults');
    assert.deepEqual(options.cues['legalese']!.terms, ['hereinafter']);
    assert.equal(base.threshold, defaultHeuristicOptions().threshold, 'the base is not mutated');
  });

  it('reports unknown keys, wrong types and bad regular expressions with their path', () => {
    const { options, problems } = mergeHeuristicOptions(defaultHeuristicOptions(), {
      treshold: 2,
      threshold: 2,
      citationScope: 'document',
      tables: 'yes',
      abbreviations: 'Dr',
      cues: { statistic: { weight: 'high', patterns: ['(unclosed', '\\d+'], colour: 1 }, hedge: 3 },
    });
    const paths = problems.map((p) => p.path);
    assert.deepEqual(paths, [
      'heuristics.treshold',
      'heuristics.threshold',
      'heuristics.citationScope',
      'heuristics.tables',
      'heuristics.abbreviations',
      'heuristics.cues.statistic.weight',
      'heuristics.cues.statistic.patterns[0]',
      'heuristics.cues.statistic.colour',
      'heuristics.cues.hedge',
    ]);
    assert.match(problems[0]!.message, /Unknown key `treshold`/);
    assert.match(problems[1]!.message, /probability between 0 and 1/);
    assert.deepEqual(options.cues['statistic']!.patterns, ['\\d+'], 'the valid pattern is kept');
    assert.equal(options.citationScope, 'paragraph');
  });

  it('rejects a non-mapping and accepts an absent override', () => {
    assert.equal(mergeHeuristicOptions(defaultHeuristicOptions(), ['x']).problems[0]!.path, 'heuristics');
    assert.deepEqual(mergeHeuristicOptions(defaultHeuristicOptions(), undefined).problems, []);
  });
});

describe('heuristics: options per document', () => {
  it('applies config layers in order and reuses the result for equal layers', () => {
    const a = heuristicOptionsFor([{ threshold: 0.7 }, { citationScope: 'sentence' }]);
    const b = heuristicOptionsFor([{ threshold: 0.7 }, { citationScope: 'sentence' }]);
    assert.equal(a.options, b.options, 'same object: compiled matchers are shared');
    assert.equal(a.options.threshold, 0.7);
    assert.equal(a.options.citationScope, 'sentence');
    assert.equal(heuristicOptionsFor([]).options, defaultHeuristicOptions());
    assert.equal(heuristicOptionsFor([{ nope: 1 }]).problems[0]!.path, 'heuristics.nope');
  });
});
