import assert from 'node:assert/strict';
import { test } from 'node:test';
import { time } from '../../../server/src/engine/match/rules/time';
import { outcome } from './harness';

test('time: has a name and a description', () => {
  assert.equal(time.name, 'time');
  assert.ok(time.description.length > 20);
});

test("time: a time named by the figure must fit the fact's", () => {
  // a year before the fact
  assert.equal(outcome("Riverside's water tariff on factories rose to 14 percent in March 2023.", '14 percent', 'factory-rate'), time.name);
  assert.equal(outcome("Riverside's water tariff on factories rose to 14 percent in March 2024.", '14 percent', 'factory-rate'), 'admitted');
});
