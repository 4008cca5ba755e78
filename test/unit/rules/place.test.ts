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

test('place: a named thing of the fact that stands in one place places the figure', () => {
  assert.equal(outcome('The Northgate Pumping Station was awarded a $25 million grant.', '$25 million', 'northgate-grant'), 'admitted');
  // A grant with nothing of the fact's named and no place is not placed.
  assert.equal(outcome('The station was awarded a $25 million grant.', '$25 million', 'northgate-grant'), place.name);
});

test('place: a figure placed in one city is not a fact given for no place', () => {
  assert.equal(outcome('The income of filter plant operators in Lakeview is $62,000.', '$62,000', 'operator-income'), place.name);
  assert.equal(outcome('The income of filter plant operators is $62,000.', '$62,000', 'operator-income'), 'admitted');
});
