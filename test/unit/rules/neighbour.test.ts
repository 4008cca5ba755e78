import assert from 'node:assert/strict';
import { test } from 'node:test';
import { neighbour } from '../../../server/src/engine/match/rules/neighbour';
import { indexOfFacts, outcome, outcomeIn } from './harness';

test('neighbour: has a name and a description', () => {
  assert.equal(neighbour.name, 'neighbour');
  assert.ok(neighbour.description.length > 20);
});

test('neighbour: a figure beside the one that agrees with the fact is something else', () => {
  // The next item of a list: the Riverside dam's cost is the $2.4 billion.
  assert.equal(outcome('The Riverside dam will cost $2.4 billion and the Lakeview dam $3.1 billion.', '$3.1 billion', 'dam-cost'), neighbour.name);
  assert.equal(outcome('The Riverside dam will cost $3.1 billion.', '$3.1 billion', 'dam-cost'), 'admitted');
});

test("neighbour: beside one fact's figure, another fact tied only by that fact's words is not pinned", () => {
  // The clause is about the rebate cheques (their start date stands beside); "payment" and "began" do not make March 8 the bonus's.
  const draft = 'In 2024, rebate cheques began on March 4 with an official payment date of March 8.';
  assert.equal(outcome(draft, 'March 4', 'rebate-cheques-start'), 'admitted');
  assert.equal(outcome(draft, 'March 8', 'rebate-cheques-start'), neighbour.name);
  assert.equal(outcome(draft, 'March 8', 'bonus-payments-start'), neighbour.name);
  // Without the cheques' own date beside it, the same words leave the bonus's fact in the running.
  const alone = 'In 2024, rebate cheques began going out with an official payment date of March 8.';
  assert.equal(outcome(alone, 'March 8', 'bonus-payments-start'), 'admitted');
});

test("neighbour: an item of a list, past the list's commas, is beside the item that is the fact's", () => {
  // Each estimate stands in a clause of its own; the Riverside dam's is the $2.4 billion.
  const list = 'The Riverside dam will cost $3.1 billion by one estimate, $1.9 billion by another, and $2.4 billion by the board.';
  assert.equal(outcome(list, '$3.1 billion', 'dam-cost'), neighbour.name);
  assert.equal(outcome(list, '$1.9 billion', 'dam-cost'), neighbour.name);
  // A clause opener past the comma starts another clause: the levee's sum is not an item of the dam's list.
  assert.notEqual(outcome('The Riverside dam will cost $3.1 billion, while $2.4 billion went to the levee.', '$3.1 billion', 'dam-cost'), neighbour.name);
  // Far apart in a sentence, two figures are no list.
  assert.notEqual(
    outcome(
      'The Riverside dam will cost $3.1 billion, the board said on Tuesday after a long and heated meeting in which the mayor defended the $2.4 billion plan.',
      '$3.1 billion',
      'dam-cost',
    ),
    neighbour.name,
  );
});

test("neighbour: the fact's very day, anywhere in the sentence, is that date's; another day is not", () => {
  // "June" of a brief opening, and the fact's June 10 in the next clause.
  assert.equal(outcome('The Riverside dam briefly opened in May, but floods closed it until June 10, 2024.', 'May', 'dam-opening'), neighbour.name);
  assert.notEqual(outcome('The Riverside dam briefly opened in May, but floods closed it until June 12, 2024.', 'May', 'dam-opening'), neighbour.name);
});

test("neighbour: the fact's very figure of its measure, to the digit, anywhere in the sentence is the fact's", () => {
  const index = indexOfFacts([
    {
      id: 'pump-funds',
      subject: 'Water bill money for pumps',
      keywords: ['pumps', 'water bill'],
      value: { kind: 'money', amount: 150000000, unit: 'USD' },
      text: '$150 million',
      quote: 'The water bill gives $150 million for pumps.',
      source: 's',
      asOf: '2024-05-01',
    },
  ]);
  const later = (first: string) =>
    outcomeIn(
      index,
      `The water bill gives ${first} for pumps, and its later sections, which the board has not costed, add $250 million for pumps.`,
      '$250 million',
      'pump-funds',
    );
  assert.equal(later('$150 million'), neighbour.name);
  // Not another figure, nor one that only rounds to the fact's: it may be this sentence's slip.
  assert.notEqual(later('$145 million'), neighbour.name);
  assert.notEqual(later('$150.4 million'), neighbour.name);
});

test("neighbour: the fact's very figure elsewhere in the sentence is the fact's only where it is the fact's party's", () => {
  const index = indexOfFacts([
    {
      id: 'texas-pumps',
      subject: 'Pump spending in Texas',
      keywords: ['pumps'],
      entities: ['Texas'],
      value: { kind: 'money', amount: 150000000, unit: 'USD' },
      text: '$150 million',
      quote: 'Texas spent $150 million on pumps.',
      source: 's',
      asOf: '2024-05-01',
    },
  ]);
  const later = (first: string) =>
    outcomeIn(
      index,
      `${first} spent $150 million on pumps, and in a later year, which few remember, Texas spent $250 million on pumps.`,
      '$250 million',
      'texas-pumps',
    );
  assert.notEqual(later('Ohio'), neighbour.name);
  assert.equal(later('Texas'), neighbour.name);
});
