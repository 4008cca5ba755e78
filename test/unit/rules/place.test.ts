import assert from 'node:assert/strict';
import { test } from 'node:test';
import { place } from '../../../server/src/engine/match/rules/place';
import { outcome } from './harness';

test('place: has a name and a description', () => {
  assert.equal(place.name, 'place');
  assert.ok(place.description.length > 20);
});

test('place: an event bound to a place needs that place named', () => {
  // another city
  assert.equal(outcome('Water ministers met in Hillford in May to discuss the river.', 'May', 'ministers-meeting'), place.name);
  // no place named
  assert.equal(outcome('Water ministers met in May to discuss the river.', 'May', 'ministers-meeting'), place.name);
  assert.equal(outcome('Water ministers met in Lakeview in May to discuss the river.', 'May', 'ministers-meeting'), 'admitted');
});
