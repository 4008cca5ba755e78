import assert from 'node:assert/strict';
import { test } from 'node:test';
import { distinct } from '../../../server/src/engine/match/rules/distinct';
import { outcome } from './harness';

test('distinct: has a name and a description', () => {
  assert.equal(distinct.name, 'distinct');
  assert.ok(distinct.description.length > 20);
});

test('distinct: a figure the writer sets apart is not the fact', () => {
  // another
  assert.equal(outcome('The Riverside dam will cost another $3 billion.', '$3 billion', 'dam-cost'), distinct.name);
  // separate
  assert.equal(outcome('Aquaterra received a separate $350 million grant for the Riverside filter plant.', '$350 million', 'aquaterra-grant'), distinct.name);
  assert.equal(outcome('Aquaterra received a $350 million grant for the Riverside filter plant.', '$350 million', 'aquaterra-grant'), 'admitted');
});
