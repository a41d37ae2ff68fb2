/**
 * One block per cue family, on sentences written for these tests (never from the corpus).
 */
import assert from 'node:assert/strict';
import { compileCues, familiesHit } from '../../src/core/heuristics/cues.js';
import { defaultHeuristicOptions } from '../../src/core/heuristics/index.js';
import { one } from './helpers.js';

const fired = (sentence: string): string[] => familiesHit(compileCues(defaultHeuristicOptions()), sentence);

function flags(sentence: string, reason: string): void {
  const s = one(sentence);
  assert.ok(s.claim, `claim: ${sentence}`);
  assert.ok(s.needsCitation, `needsCitation: ${sentence} (score ${s.score}, ${s.reasons.join(',')})`);
  assert.ok(s.reasons.includes(reason), `reason ${reason} in ${s.reasons.join(',')}: ${sentence}`);
}

function quiet(sentence: string, family: string): void {
  assert.ok(fired(sentence).includes(family), `${family} fires on: ${sentence}`);
  assert.equal(one(sentence).needsCitation, false, `no citation needed: ${sentence}`);
}

describe('heuristics: imperatives are instructions, not claims', () => {
  it('lowers a sentence that opens with a bare verb', () => {
    quiet('Ensure that every ferry schedule lists all 14 stops.', 'imperative');
    quiet('Add the 2024 tide tables to the harbour guide.', 'imperative');
    assert.ok(!fired('Use of the old pier fell by half in 2021.').includes('imperative'), 'a noun "Use of" is not an order');
  });
});

describe('heuristics: cue families that raise the score', () => {
  it('statistic: percentages, magnitudes, rates and bare counts', () => {
    flags('Roughly 38% of the county’s orchards switched to drip irrigation.', 'statistic');
    flags('The ferry network carries 2.4 million passengers per year.', 'statistic');
    flags('Median rents in the valley towns have doubled over the decade.', 'statistic');
    flags('The archive holds 412 letters written by the lighthouse keepers.', 'statistic');
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
    flags('Recent studies show that commuters overestimate travel times by a wide margin.', 'researchFinding');
    flags('A survey of beekeepers found that winter losses are rising.', 'researchFinding');
  });

  it('attribution: what named or vague others say', () => {
    flags('According to the harbour authority, the breakwater will not survive another storm season.', 'attribution');
    flags('Many experts warned that the dam inspection regime was inadequate.', 'attribution');
  });

  it('dated or historical event: years, months, narrative past', () => {
    flags('The canal was reopened to barge traffic in 1987 after a long closure.', 'datedEvent');
    flags('In March 2019, the cooperative released its first seed catalogue.', 'datedEvent');
  });

  it('quotation: a quoted span of several words', () => {
    flags('The mayor called the plan “a betrayal of every family on the east side of town”.', 'quotation');
    assert.ok(!fired('Some call this a "shortcut" and move on.').includes('quotation'), 'scare quotes are not quotations');
  });

  it('superlative or booster: largest, unprecedented, never', () => {
    assert.ok(fired('This is the largest wetland restoration ever attempted.').includes('booster'));
    flags('The brewery is the oldest in Flanders and has never changed its recipe since 1742.', 'booster');
  });

  it('causal generalisation: leads to, because, due to', () => {
    assert.ok(fired('Cheaper solar panels have led to a collapse in coal demand.').includes('causal'));
    flags('Cheaper solar panels led to a 30% collapse in regional coal demand.', 'causal');
  });

  it('specific fact: named organisations, laws and courts', () => {
    flags('The new statute criminalizes the resale of forged museum tickets in Manitoba and Saskatchewan.', 'specificFact');
    flags('Last spring the Ostrava Water Board was fined by the Regional Court for the spill.', 'specificFact');
  });
});

describe('heuristics: cue families that lower the score', () => {
  it('hedges', () => quiet('It may perhaps be that the river shifted its course somewhat.', 'hedge'));
  it('questions are never claims', () => {
    const s = one('Did 40% of the villagers really leave in 1950?');
    assert.equal(s.claim, false);
    assert.equal(s.needsCitation, false);
  });
  it('normative should/must', () => quiet('Every school district should publish its budget in 2026.', 'normative'));
  it('first-person opinion frames', () => quiet('I think the library redesign was a mistake from the start.', 'opinion'));
  it('self-reports of the authors’ own work', () => quiet('We trained 12 small classifiers on our own labelled data.', 'selfReport'));
  it('signposting', () => {
    quiet('In this essay I describe three ways to repair a bicycle chain.', 'signpost');
    assert.equal(one('In this essay I describe three ways to repair a bicycle chain.').claim, false);
  });
  it('hypothetical examples', () => quiet('Imagine a town of 5,000 people where every house has a heat pump.', 'hypothetical'));
  it('plain argument steps score low', () => {
    assert.equal(one('That is why the second option is the better one for small towns.').needsCitation, false);
  });
});
