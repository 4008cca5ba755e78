import assert from 'node:assert/strict';
import { test } from 'node:test';
import { measure } from '../../../server/src/engine/match/rules/measure';
import { extract } from '../../../server/src/engine/extract/extract';
import { discriminated } from '../../../server/src/engine/match/evidence';
import { matchClaim } from '../../../server/src/engine/match/match';
import { readFrame } from '../../../server/src/engine/extract/frame';
import { conceptOf } from '../../../server/src/engine/knowledge/terms';
import { stem } from '../../../server/src/engine/text/tokens';
import { frameOf, indexOfFacts, outcome, outcomeIn, verdictsIn, waterIndex } from './harness';

test('measure: has a name and a description', () => {
  assert.equal(measure.name, 'measure');
  assert.ok(measure.description.length > 20);
});

test("measure: A fact's measure word must stand near the figure", () => {
  // a library opening is not the dam's
  assert.equal(outcome('The Riverside library opened on June 12, 2024.', 'June 12, 2024', 'dam-opening'), measure.name);
  assert.equal(outcome('The Riverside dam opened on June 12, 2024.', 'June 12, 2024', 'dam-opening'), 'admitted');
  // A date fact with no keywords: what its quote's clause names is what the date is of.
  assert.equal(outcome('The Water Board approved the filter plant on February 22, 2024.', 'February 22, 2024', 'plant-approval'), 'admitted');
  assert.equal(outcome('The Water Board approved the dam on February 22, 2024.', 'February 22, 2024', 'plant-approval'), measure.name);
});

test("measure: a curator's phrase ties the figure only with its light words too", () => {
  // "new rebates": rebates not said to be new are not the phrase.
  assert.equal(outcome('The rebates are worth $5 million.', '$5 million', 'rebate-budget'), measure.name);
  assert.equal(outcome('The new rebates are worth $5 million.', '$5 million', 'rebate-budget'), 'admitted');
});

test("measure: a label's capitals do not hide its words in a name nobody listed", () => {
  // "Storm Drains and Pipes: $95 million" names pipes, in a label's Title Case.
  assert.equal(outcome('- Storm Drains and Pipes: $95 million', '$95 million', 'pipes-grants-combined'), 'admitted');
});

test('measure: a counted noun only this fact counts still says what is counted, not which of them', () => {
  // The fact base counts one set of counties; "25 counties" where deaths occurred, in the same days, is another set.
  const index = indexOfFacts([
    {
      id: 'counties-warned',
      subject: 'Counties under a storm warning',
      keywords: ['storm warning'],
      value: { kind: 'count', amount: 254, nouns: ['counties'] },
      text: '254 counties',
      quote: 'On February 14, 2024, all 254 counties of Texas were under a storm warning.',
      entities: ['Texas'],
      source: 's',
      asOf: '2024-02-14',
    },
  ]);
  const pinned = (draft: string) => {
    const x = extract(draft);
    const claim = x.claims.find((c) => /counties/.test(c.text));
    assert.ok(claim, draft);
    const m = matchClaim(index, x, claim).matches.find((e) => e.fact.id === 'counties-warned');
    return m ? [m.evidence.nounOnly, discriminated(m.evidence, true)] : 'not matched';
  };
  assert.deepEqual(pinned('The deaths occurred in at least 25 counties on February 14, 2024.'), [true, false]);
  // So does the possessive of one of the fact's parties right before the count: all its counties; another's does not.
  assert.deepEqual(pinned("On February 14, 2024, Texas' 25 counties saw deaths."), [false, true]);
  assert.equal(pinned("On February 14, 2024, Ohio's 25 counties saw deaths."), 'not matched');
  // The fact's own words beside the noun do say which.
  assert.deepEqual(pinned('On February 14, 2024, 25 counties were under a storm warning.'), [false, true]);
});

test('measure: "between", which only frames a range, names no measure', () => {
  const index = indexOfFacts([
    {
      id: 'funds-available',
      subject: 'Funds the board expects to have for lenders',
      keywords: ['available'],
      entities: [],
      value: { kind: 'money', min: 14e6, max: 16e6, unit: 'USD' },
      text: 'between $14 million and $16 million',
      quote: 'The board estimates it will have between $14 million and $16 million available to repay lenders.',
      source: 's',
      asOf: '2024-10-07',
    },
  ]);
  const rule = (draft: string, figure: string) => outcomeIn(index, draft, figure, 'funds-available');
  // The sum owed shares only "between" with the fact, from the range beside it: no word of the fact at all.
  assert.equal(rule('Sales will yield between $10 million and $12 million, enough to cover the $9 million owed.', '$9 million'), 'not considered');
  assert.equal(rule('The board will have $9 million available to repay lenders.', '$9 million'), 'admitted');
});

test('measure: a quarter says when a sum was counted, not what it measures', () => {
  const index = indexOfFacts([
    {
      id: 'repairs-q1',
      subject: "The utility's repair spending in the first quarter",
      keywords: ['spent', 'repairs', 'first quarter', 'Q1'],
      value: { kind: 'money', amount: 872e6, unit: 'USD' },
      text: '$872 million',
      quote: 'The utility spent $872 million during the first quarter on repairs.',
      source: 's',
      asOf: '2024-04-16',
    },
  ]);
  const rule = (draft: string, figure: string) => outcomeIn(index, draft, figure, 'repairs-q1');
  // A net loss in the same quarter shares only the quarter.
  assert.equal(rule('The company reported a $1.22 billion loss for the first quarter.', '$1.22 billion'), 'not considered');
  // The quarter, written another way, still fits the fact's sum.
  assert.equal(rule('The repairs cost the utility $900 million in Q1.', '$900 million'), 'admitted');
});

test('measure: a preposition names no measure ("toward", "during", "against" are no words of what a figure is)', () => {
  const words = (draft: string) => [...frameOf(draft).slot, ...frameOf(draft).clause].map((w) => w.concept);
  for (const p of ['toward', 'towards', 'during', 'against', 'within', 'amid', 'despite', 'across', 'among'])
    assert.ok(!words(`About 2 percent will go ${p} repairs of the Riverside dam.`).some((c) => c.startsWith(p.slice(0, 4))), p);
  assert.ok(words('About 2 percent will go toward repairs of the Riverside dam.').includes('repair'));
});

test('measure: "following" is a preposition: a noun before it is not what the figure after it measures', () => {
  const x = extract('The board imposed a $2 million fine following a three-year review of the dam.');
  const claim = x.claims.find((c) => c.kind === 'duration');
  assert.ok(claim);
  const k = waterIndex().knowledge;
  const slot = readFrame(x, claim, k).slot.map((w) => w.concept);
  assert.ok(!slot.includes(conceptOf(k.terms, stem('fine'))), `slot ${slot.join(', ')}`);
  assert.ok(slot.includes(conceptOf(k.terms, stem('review'))), `slot ${slot.join(', ')}`);
});

test("measure: a noun right before a company's or a person's name says what the name is, not what the figure measures", () => {
  const k = waterIndex().knowledge;
  const slotOf = (text: string) => {
    const x = extract(text);
    return readFrame(x, x.claims[0], k).slot.map((w) => w.concept);
  };
  const company = conceptOf(k.terms, stem('company'));
  assert.ok(!slotOf('The fine can reach 5 percent of the turnover of parent company Hydrocorp.').includes(company));
  // Not a noun before something else, nor before a name that opens a clause of its own.
  assert.ok(slotOf('The fine can reach 5 percent of the turnover of the company.').includes(company));
  assert.ok(slotOf('The fine can reach 5 percent of the turnover of the company Hydrocorp bought.').includes(company));
});

test('measure: a phrase of the terms written with capitals ("the Green Storm Bond") is what the term names, not a name nobody listed', () => {
  const k = waterIndex().knowledge;
  const x = extract('Riverside sold its Green Storm Bond for $40 million.');
  const frame = readFrame(x, x.claims[0], k);
  assert.deepEqual(
    frame.participants.map((q) => q.entity).filter((e) => e.startsWith('name:')),
    [],
  );
  assert.ok([...frame.slot, ...frame.clause].some((w) => w.concept === 'storm-bond'));
});

test('measure: a colon and a "what" right after a figure that ends its clause gloss it, wherever the figure stands', () => {
  const verdicts = (d: string) => verdictsIn(d);
  assert.deepEqual(verdicts('At the hearing the water board said $2.9 billion: what the Riverside dam will cost.'), ['conflict $2.9 billion dam-cost']);
  assert.deepEqual(verdicts('The water board put it at $2.9 billion: what the Riverside dam will cost.'), ['conflict $2.9 billion dam-cost']);
  // A dash after a figure inside its clause is no gloss: what follows is an aside ("$2.9 billion - a record - ...").
  assert.deepEqual(verdicts('The water board put it at $2.9 billion - what the Riverside dam will cost.'), []);
  // Nor is any clause after a colon: it may go on to another thing (found in review).
  assert.deepEqual(verdicts('Hydrocorp paid $2.9 billion: the Riverside dam opened a year later.'), []);
  assert.deepEqual(verdicts('Hydrocorp paid $2.9 billion: half of it for the Riverside dam.'), []);
});
