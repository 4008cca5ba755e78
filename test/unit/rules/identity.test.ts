import assert from 'node:assert/strict';
import { test } from 'node:test';
import { identity } from '../../../server/src/engine/match/rules/identity';
import { datedFact, indexOfFacts, outcome, outcomeIn } from './harness';

test('identity: has a name and a description', () => {
  assert.equal(identity.name, 'identity');
  assert.ok(identity.description.length > 20);
});

test('identity: a date in another year is another event', () => {
  // the dam opened in 2024
  assert.equal(outcome('The Riverside dam opened on June 12, 2023.', 'June 12, 2023', 'dam-opening'), identity.name);
  assert.equal(outcome('The Riverside dam opened on June 12, 2024.', 'June 12, 2024', 'dam-opening'), 'admitted');
});

test('identity: "new" marks a moved date only where it qualifies a time ("the new date"), not a thing ("the new dam")', () => {
  assert.equal(outcome('The new opening date of the Riverside dam was June 12, 2024.', 'June 12, 2024', 'dam-opening'), identity.name);
  assert.equal(outcome('The new Riverside dam opened on June 12, 2024.', 'June 12, 2024', 'dam-opening'), 'admitted');
});

test('identity: a moved date is also "a new, later date, June 12"; "a new June 12 opening date" is the date as now set', () => {
  assert.equal(outcome('The board set a new, later date, June 12, 2024, for the Riverside dam opening.', 'June 12, 2024', 'dam-opening'), identity.name);
  assert.equal(outcome('The Riverside dam got a new June 12, 2024 opening date.', 'June 12, 2024', 'dam-opening'), 'admitted');
});

test('identity: an event named by a term of art, in its year, is that very event', () => {
  // "royal assent" is a phrase no everyday verb stands for: a bill gets it once. "approved", its everyday kin, does not pin it.
  const index = indexOfFacts(
    [datedFact('meter-act-assent', '2024-04-25', '25 April 2024', 'The Meter Act received royal assent on 25 April 2024.', { keywords: ['royal assent'] })],
    [],
    [{ id: 'assent', class: 'event', words: ['royal assent', 'received royal assent'] }],
  );
  assert.equal(outcomeIn(index, 'In 2024 the act finally received royal assent on 23 April 2024.', '23 April 2024', 'meter-act-assent'), 'admitted');
  const plain = indexOfFacts([
    datedFact('meter-act-approved', '2024-04-25', '25 April 2024', 'The Meter Act was approved on 25 April 2024.', { keywords: ['approved'] }),
  ]);
  assert.equal(outcomeIn(plain, 'In 2024 it was finally approved on 23 April 2024.', '23 April 2024', 'meter-act-approved'), identity.name);
});
