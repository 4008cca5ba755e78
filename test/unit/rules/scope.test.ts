import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scope } from '../../../server/src/engine/match/rules/scope';
import { outcome } from './harness';

test('scope: has a name and a description', () => {
  assert.equal(scope.name, 'scope');
  assert.ok(scope.description.length > 20);
});

test('scope: a loan is not a grant, whatever it is for', () => {
  // a loan
  assert.equal(outcome('Aquaterra received a $350 million loan for the Riverside filter plant.', '$350 million', 'aquaterra-grant'), scope.name);
  assert.equal(outcome('Aquaterra received a $350 million grant for the Riverside filter plant.', '$350 million', 'aquaterra-grant'), 'admitted');
});
