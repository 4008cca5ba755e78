import assert from 'node:assert/strict';
import { test } from 'node:test';
import { target } from '../../../server/src/engine/match/rules/target';
import { outcome } from './harness';

test('target: has a name and a description', () => {
  assert.equal(target.name, 'target');
  assert.ok(target.description.length > 20);
});

test("target: what the measure falls on must be the fact's", () => {
  // it falls on Lakeview
  assert.equal(outcome("Riverside's water tariff on Lakeview rose to 14 percent in March 2024.", '14 percent', 'factory-rate'), target.name);
  assert.equal(outcome("Riverside's water tariff on factories rose to 14 percent in March 2024.", '14 percent', 'factory-rate'), 'admitted');
});
