import assert from 'node:assert/strict';
import { test } from 'node:test';
import { holder } from '../../../server/src/engine/match/rules/holder';
import { outcome } from './harness';

test('holder: has a name and a description', () => {
  assert.equal(holder.name, 'holder');
  assert.ok(holder.description.length > 20);
});

test("holder: another city's tariff is not Riverside's", () => {
  // Lakeview holds it
  assert.equal(outcome("Lakeview's water tariff on factories rose to 14 percent in March 2024.", '14 percent', 'factory-rate'), holder.name);
  assert.equal(outcome("Riverside's water tariff on factories rose to 14 percent in March 2024.", '14 percent', 'factory-rate'), 'admitted');
});
