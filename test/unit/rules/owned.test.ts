import assert from 'node:assert/strict';
import { test } from 'node:test';
import { owned } from '../../../server/src/engine/match/rules/owned';
import { outcome } from './harness';

test('owned: has a name and a description', () => {
  assert.equal(owned.name, 'owned');
  assert.ok(owned.description.length > 20);
});

test("owned: a term only another topic has, in the subject a clause shares, makes the figure that topic's", () => {
  // What was signed in 2020 is the green storm bond (a term of the bond's fact), not the filter plant.
  assert.equal(outcome('The green storm bond was approved by the council and signed in 2020.', '2020', 'filter-plant-year'), owned.name);
  // Without the bond, the signing may be the plant's.
  assert.notEqual(outcome('The filter plant was approved by the council and signed in 2020.', '2020', 'filter-plant-year'), owned.name);
});
