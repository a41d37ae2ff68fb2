/**
 * One block per cue family, on sentences written for these tests (never from the corpus): the
 * family fires where it should, and the shipped model moves the score the way its reason says —
 * compared with the same sentence without the cue, so retraining cannot make these vacuous.
 */
import assert from 'node:assert/strict';
import { compileCues, familiesHit } from '../../src/core/heuristics/cues.js';
import { defaultHeuristicOptions, extractSentences } from '../../src/core/heuristics/index.js';
import { parseMarkdown } from '../../src/core/parse/markdown.js';
import { one } from './helpers.js';

/** Why the rules, not the model, decided a sentence (undefined: the model scores it). */
const fixedBy = (sentence: string): string | undefined => {
  const { root } = parseMarkdown(sentence);
  const records = extractSentences({ text: sentence, root, citations: [], exclude: [], options: defaultHeuristicOptions() }, 0);
  assert.equal(records.length, 1, sentence);
  return records[0]!.fixed;
};

const fired = (sentence: string): string[] => familiesHit(compileCues(defaultHeuristicOptions()), sentence);

/** The sentence is a claim, `reason` is among its reasons, and it scores above `plain`. */
function flags(sentence: string, reason: string, plain: string): void {
  const s = one(sentence);
  assert.ok(s.claim, `claim: ${sentence}`);
  assert.ok(s.reasons.includes(reason), `reason ${reason} in ${s.reasons.join(',')}: ${sentence}`);
  assert.ok(s.score > one(plain).score, `${reason} raises the score: ${s.score} for ${sentence} vs ${one(plain).score} for ${plain}`);
}

/** The family fires, nothing is flagged, and the score is below the same sentence without it. */
function quiet(sentence: string, family: string, plain?: string): void {
  assert.ok(fired(sentence).includes(family), `${family} fires on: ${sentence}`);
  assert.equal(one(sentence).needsCitation, false, `no citation needed: ${sentence}`);
  if (plain) assert.ok(one(sentence).score < one(plain).score, `${family} lowers the score: ${sentence} vs ${plain}`);
}

describe('heuristics: imperatives are instructions, not claims', () => {
  it('lowers a sentence that opens with a bare verb', () => {
    quiet('Ensure that every ferry schedule lists all 14 stops.', 'imperative');
    quiet('Add the 2024 tide tables to the harbour guide.', 'imperative');
    assert.ok(!fired('Use of the old pier fell by half in 2021.').includes('imperative'), 'a noun "Use of" is not an order');
  });
});

describe('heuristics: only instructions and signposts are excluded by rule', () => {
  it('scores a recommendation with a number in it and a hypothetical (evidence for the model, not a verdict)', () => {
    assert.equal(fixedBy('Every harbour board should publish its 2024 accident count.'), undefined);
    assert.equal(fixedBy('The pilots’ union should get 12 more seats on the board.'), undefined);
    assert.equal(fixedBy('Suppose a ferry line carried 3 million riders without a single delay.'), undefined);
    assert.equal(fixedBy('In a world where ferries are free, traffic on the bridge falls.'), undefined);
    assert.ok(one('Every harbour board should publish its 2024 accident count.').score > 0, 'scored by the model');
  });

  it('still excludes instructions and signposts', () => {
    assert.equal(fixedBy('Ensure that every ferry schedule lists all 14 stops.'), 'instruction');
    assert.equal(fixedBy('In this essay I describe three ways to repair a bicycle chain.'), 'instruction');
  });
});

describe('heuristics: cue families that raise the score', () => {
  it('statistic: percentages, magnitudes, rates and bare counts', () => {
    flags('Roughly 38% of the county’s orchards switched to drip irrigation.', 'statistic', 'Some of the county’s orchards switched to drip irrigation.');
    flags('The ferry network carries 2.4 million passengers per year.', 'statistic', 'The ferry network carries passengers across the bay.');
    flags('The archive holds 412 letters written by the lighthouse keepers.', 'statistic', 'The archive holds letters written by the lighthouse keepers.');
    assert.ok(one('Roughly 38% of the county’s orchards switched to drip irrigation in 2021.').needsCitation, 'a dated percentage needs a source');
  });

  it('statistic: versions and model names are not numbers', () => {
    assert.ok(!fired('We compared Falcon 7 against Orca-13B on the same prompts.').includes('statistic'));
    assert.ok(!fired('The team still runs Version 3 of the tool.').includes('statistic'));
  });

  it('statistic: "one of" and enumerators like "(2)" are not counts', () => {
    assert.ok(!fired('One of the ferries runs late on Sundays.').includes('statistic'));
    assert.ok(!fired('The plan needs (1) a budget and (2) a site.').includes('statistic'));
    assert.ok(fired('Hundreds of ferries run late on Sundays.').includes('statistic'));
    assert.ok(fired('The ferry was late (12 minutes) on Sunday.').includes('statistic'));
  });

  it('booster: ranking claims such as "one of the main causes"', () => {
    assert.ok(fired('Silt is one of the main causes of the harbour closures.').includes('booster'));
  });

  it('research finding: studies, surveys, experiments', () => {
    assert.ok(fired('Recent studies show that commuters overestimate travel times by a wide margin.').includes('researchFinding'));
    assert.ok(fired('A survey of beekeepers found that winter losses are rising.').includes('researchFinding'));
    flags('We found that winter losses of hives doubled after the wet spring.', 'researchFinding', 'Winter losses of hives grew after the wet spring.');
  });

  it('attribution: what named or vague others say', () => {
    flags('According to the harbour authority, the breakwater was damaged by the storm.', 'attribution', 'The breakwater was damaged by the storm.');
    flags('Many experts warned that the dam inspection regime was inadequate.', 'attribution', 'The dam inspection regime was inadequate.');
  });

  it('dated or historical event: years, months, narrative past', () => {
    flags('The canal was reopened to barge traffic in 1987 after a long closure.', 'datedEvent', 'The canal is open to barge traffic after a long closure.');
    flags('In March 2019, the cooperative released its first seed catalogue.', 'datedEvent', 'The cooperative has a seed catalogue.');
  });

  it('quotation: a quoted span of several words', () => {
    flags('The mayor called the plan “a betrayal of every family on the east side of town”.', 'quotation', 'The mayor disliked the plan for the east side of town.');
    assert.ok(!fired('Some call this a "shortcut" and move on.').includes('quotation'), 'scare quotes are not quotations');
  });

  it('superlative or booster: largest, unprecedented, never', () => {
    assert.ok(fired('This is the largest wetland restoration ever attempted.').includes('booster'));
    flags('The brewery is the oldest in the region and has never changed its recipe.', 'booster', 'The brewery is in the region and has a recipe.');
  });

  it('causal generalisation: leads to, because, due to', () => {
    assert.ok(fired('Cheaper solar panels have led to a collapse in coal demand.').includes('causal'));
    flags('Cheaper solar panels led to a collapse in regional coal demand.', 'causal', 'Solar panels got cheaper and regional coal demand collapsed.');
  });

  it('specific fact: named organisations, laws and courts', () => {
    flags('The new statute criminalizes the resale of forged museum tickets in Manitoba and Saskatchewan.', 'specificFact', 'Reselling forged museum tickets is a bad idea.');
    flags('Last spring the Ostrava Water Board was fined by the Regional Court for the spill.', 'specificFact', 'Last spring someone was blamed for the spill.');
  });
});

describe('heuristics: cue families that lower the score', () => {
  it('hedges', () => quiet('It may perhaps be that the river shifted its course somewhat.', 'hedge', 'It is known that the river shifted its course somewhat.'));
  it('questions are never claims', () => {
    const s = one('Did 40% of the villagers really leave in 1950?');
    assert.equal(s.claim, false);
    assert.equal(s.needsCitation, false);
  });
  it('normative should/must: scored, and the cue lowers the score', () => {
    assert.ok(fired('Every school district should publish its budget in 2026.').includes('normative'));
    assert.ok(one('Every school district should publish its budget in 2026.').score < one('Every school district published its budget in 2026.').score);
  });
  it('first-person opinion frames', () => quiet('I think the library redesign was a mistake from the start.', 'opinion', 'The library redesign was a mistake from the start.'));
  it('self-reports of the authors’ own work', () => quiet('We trained small classifiers on our own labelled data.', 'selfReport', 'Small classifiers were trained on labelled data.'));
  it('signposting', () => {
    quiet('In this essay I describe three ways to repair a bicycle chain.', 'signpost');
    assert.equal(one('In this essay I describe three ways to repair a bicycle chain.').claim, false);
  });
  it('hypothetical examples: scored, and the cue lowers the score', () => {
    assert.ok(fired('Imagine a town of 5,000 people where every house has a heat pump.').includes('hypothetical'));
    assert.ok(one('Imagine a town of 5,000 people where every house has a heat pump.').score < one('A town of 5,000 people has a heat pump in every house.').score);
  });
  it('plain argument steps score low', () => {
    assert.equal(one('That is why the second option is the better one for small towns.').needsCitation, false);
  });
});
