import assert from 'node:assert/strict';
import { test } from 'node:test';
import { excluded } from '../../../server/src/engine/match/rules/excluded';
import { outcome } from './harness';

test('excluded: has a name and a description', () => {
  assert.equal(excluded.name, 'excluded');
  assert.ok(excluded.description.length > 20);
});

test('excluded: a name after "non-" is not the fact\'s party: the figure is about everyone else', () => {
  // The relief package went to Hillford; one for the towns that are not Hillford is another.
  assert.equal(
    outcome('After the flood the board approved a $40 million relief package for non-Hillford towns.', '$40 million', 'hillford-relief-package'),
    excluded.name,
  );
  assert.equal(outcome('After the flood the board approved a $40 million relief package for Hillford.', '$40 million', 'hillford-relief-package'), 'admitted');
  // A fact that does not involve the excluded name is left to the other rules.
  assert.notEqual(outcome('Aquaterra received a $300 million grant for non-Hillford plants.', '$300 million', 'aquaterra-grant'), excluded.name);
});
