import assert from 'node:assert/strict';
import { test } from 'node:test';
import { neighbour } from '../../../server/src/engine/match/rules/neighbour';
import { outcome } from './harness';

test('neighbour: has a name and a description', () => {
  assert.equal(neighbour.name, 'neighbour');
  assert.ok(neighbour.description.length > 20);
});

test('neighbour: a figure beside the one that agrees with the fact is something else', () => {
  // The next item of a list: the Riverside dam's cost is the $2.4 billion.
  assert.equal(outcome('The Riverside dam will cost $2.4 billion and the Lakeview dam $3.1 billion.', '$3.1 billion', 'dam-cost'), neighbour.name);
  assert.equal(outcome('The Riverside dam will cost $3.1 billion.', '$3.1 billion', 'dam-cost'), 'admitted');
});
