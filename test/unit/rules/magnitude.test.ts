import assert from 'node:assert/strict';
import { test } from 'node:test';
import { magnitude } from '../../../server/src/engine/match/rules/magnitude';
import { oneSignificantDigit, slipped } from '../../../server/src/engine/quantity';
import { considered, indexOfFacts, outcome, outcomeIn } from './harness';

test('magnitude: has a name and a description', () => {
  assert.equal(magnitude.name, 'magnitude');
  assert.ok(magnitude.description.length > 20);
});

test("magnitude: a figure far from the fact's size is about something else", () => {
  // 375 times the fact
  assert.equal(outcome('The Riverside dam will cost $900 billion.', '$900 billion', 'dam-cost'), magnitude.name);
  assert.equal(outcome('The Riverside dam will cost $24 billion.', '$24 billion', 'dam-cost'), 'admitted');
  assert.equal(outcome('The Riverside dam will cost $3 billion.', '$3 billion', 'dam-cost'), 'admitted');
  // 12.5 times the fact, and not a slipped decimal: a part or a whole of something else, even named at the figure.
  assert.equal(outcome('The Riverside dam will cost $30 billion.', '$30 billion', 'dam-cost'), magnitude.name);
});

test('magnitude: a rate far off the fact’s ("rose 1,300 percent" against 12 percent) is another measure; a slipped decimal point is not', () => {
  assert.equal(outcome("Riverside's water tariff on factories rose to 1,300 percent in March 2024.", '1,300 percent', 'factory-rate'), magnitude.name);
  assert.equal(outcome("Riverside's water tariff on factories rose to .12 percent in March 2024.", '.12 percent', 'factory-rate'), 'admitted');
  assert.equal(outcome("Riverside's water tariff on factories rose to 14 percent in March 2024.", '14 percent', 'factory-rate'), 'admitted');
});

test('magnitude: a round figure of one digit slips only by an exact power of ten ("nearly 30,000" is no slip of 298)', () => {
  assert.equal(oneSignificantDigit('nearly 30,000 customers'), true);
  assert.equal(oneSignificantDigit('$1.2 billion'), false);
  assert.equal(oneSignificantDigit('298'), false);
  assert.equal(slipped(30000 / 298), true);
  assert.equal(slipped(30000 / 298, true), false);
  assert.equal(slipped(100, true), true);
  // The dam serves 5,000 homes: a count of one digit an exact hundred times off keeps no digits to show a slip, and is
  // another count; ten times off may be one zero too many.
  assert.equal(outcome('The dam will serve 500,000 homes.', '500,000 homes', 'council-homes-helped'), magnitude.name);
  assert.equal(outcome('The dam will serve 50,000 homes.', '50,000 homes', 'council-homes-helped'), 'admitted');
});

test('a number inside a listed name ("Homestead 7 homes") is part of the name, not a figure; one beside it still is', () => {
  const draft = 'The spring storm flooded 1,200 homes in Lakeview, though its Homestead 7 homes were spared.';
  assert.equal(considered(draft, '7 homes').size, 0);
  assert.ok(considered(draft, '1,200 homes').size > 0);
});

test('magnitude: a length of time far from the fact\'s is about something else ("the outage lasted 12 days" is not 17 months)', () => {
  assert.equal(outcome('The great outage lasted 17 months.', '17 months', 'outage-length'), magnitude.name);
  assert.equal(outcome('The great outage lasted 15 days.', '15 days', 'outage-length'), 'admitted');
  assert.equal(outcome('The great outage lasted two weeks.', 'two weeks', 'outage-length'), 'admitted');
});

test('magnitude: a slipped unit of time keeps its number, and is a wrong figure for the fact ("lasted 12 months" for 12 days)', () => {
  assert.equal(outcome('The great outage lasted 12 months.', '12 months', 'outage-length'), 'admitted');
  assert.equal(outcome('The great outage lasted twelve weeks.', 'twelve weeks', 'outage-length'), 'admitted');
});

test('magnitude: a count of one digit a hundred times off is another count; ten times off may be a slip', () => {
  const index = indexOfFacts([
    {
      id: 'tanks-per-round',
      subject: 'Tanks emptied in each round of releases at Millbrook',
      keywords: ['tanks', 'round'],
      entities: ['Millbrook'],
      value: { kind: 'count', amount: 10, nouns: ['tanks'] },
      text: '10 tanks',
      quote: 'Each round empties 10 tanks at Millbrook.',
      source: 's',
      asOf: '2024-05-01',
    },
  ]);
  const tanks = (draft: string) => outcomeIn(index, draft, /tanks/, 'tanks-per-round');
  assert.equal(tanks('Millbrook stores its water in 1,000 tanks, and each round empties some of them.'), magnitude.name);
  assert.notEqual(tanks('Each round empties 100 tanks at Millbrook.'), magnitude.name);
});

test('magnitude: a scale word may slip at any size, in digits or in words', () => {
  const index = indexOfFacts([
    {
      id: 'doses',
      subject: 'Doses the program bought',
      keywords: ['doses', 'program'],
      value: { kind: 'count', amount: 2000000000, nouns: ['doses'] },
      text: '2 billion doses',
      quote: 'The program bought 2 billion doses.',
      source: 's',
      asOf: '2024-05-01',
    },
  ]);
  assert.notEqual(outcomeIn(index, 'The program bought 2 million doses.', /doses/, 'doses'), magnitude.name);
  assert.notEqual(outcomeIn(index, 'The program bought two million doses.', /doses/, 'doses'), magnitude.name);
});
