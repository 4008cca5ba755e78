import assert from 'node:assert/strict';
import { test } from 'node:test';
import { magnitude } from '../../../server/src/engine/match/rules/magnitude';
import { outcome } from './harness';

test('magnitude: has a name and a description', () => {
  assert.equal(magnitude.name, 'magnitude');
  assert.ok(magnitude.description.length > 20);
});

test("magnitude: a figure far from the fact's size is about something else", () => {
  // 375 times the fact
  assert.equal(outcome('The Riverside dam will cost $900 billion.', '$900 billion', 'dam-cost'), magnitude.name);
  assert.equal(outcome('The Riverside dam will cost $24 billion.', '$24 billion', 'dam-cost'), 'admitted');
  assert.equal(outcome('The Riverside dam will cost $3 billion.', '$3 billion', 'dam-cost'), 'admitted');
  // 12.5 times the fact, and not a slipped decimal: a part or a whole of something else, even named at the figure.
  assert.equal(outcome('The Riverside dam will cost $30 billion.', '$30 billion', 'dam-cost'), magnitude.name);
});

test('magnitude: a rate far off the fact’s ("rose 1,300 percent" against 12 percent) is another measure; a slipped decimal point is not', () => {
  assert.equal(outcome("Riverside's water tariff on factories rose to 1,300 percent in March 2024.", '1,300 percent', 'factory-rate'), magnitude.name);
  assert.equal(outcome("Riverside's water tariff on factories rose to .12 percent in March 2024.", '.12 percent', 'factory-rate'), 'admitted');
  assert.equal(outcome("Riverside's water tariff on factories rose to 14 percent in March 2024.", '14 percent', 'factory-rate'), 'admitted');
});
