import assert from 'node:assert/strict';
import { test } from 'node:test';
import { several } from '../../../server/src/engine/match/rules/several';
import { outcome } from './harness';

test('several: has a name and a description', () => {
  assert.equal(several.name, 'several');
  assert.ok(several.description.length > 20);
});

test('several: a sum told of a few of the things the fact measures together is not the sum of one of them', () => {
  // The fact: "The Riverside dam will cost $2.4 billion". Three dams together are not it.
  assert.equal(outcome('The last three Riverside dams cost $2.4 billion.', '$2.4 billion', 'dam-cost'), several.name);
  assert.equal(outcome('The Riverside dam will cost $2.8 billion.', '$2.8 billion', 'dam-cost'), 'admitted');
  // A count of people, not of the thing measured, says nothing of how many dams.
  assert.notEqual(outcome('The Riverside dam will cost 300 workers $2.4 billion.', '$2.4 billion', 'dam-cost'), several.name);
});
