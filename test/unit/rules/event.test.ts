import assert from 'node:assert/strict';
import { test } from 'node:test';
import { event } from '../../../server/src/engine/match/rules/event';
import { outcome } from './harness';

test('event: has a name and a description', () => {
  assert.equal(event.name, 'event');
  assert.ok(event.description.length > 20);
});

test('event: a date belongs to the event of its own clause', () => {
  // closing is not opening
  assert.equal(outcome('The Riverside dam closed on June 12, 2024.', 'June 12, 2024', 'dam-opening'), event.name);
  assert.equal(outcome('The Riverside dam opened on June 12, 2024.', 'June 12, 2024', 'dam-opening'), 'admitted');
});
