import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extract } from '../../../server/src/engine/extract/extract';
import { frameOf, outcome } from './harness';

test('found in review: what a source said on a day, hedged participles, and verbs after "and" are read as they are', () => {
  // A verb of saying after a name is still one; only "claims", "notes", "reports" and "states" double as nouns.
  assert.notEqual(outcome('The Water Board said the Riverside dam would cost $2.4 billion.', '$2.4 billion', 'dam-cost'), 'modality');
  // The day the source spoke is not the figure's day.
  assert.notEqual(outcome('The board said on Monday that the spring storm flooded 1,200 homes in Lakeview.', '1,200 homes', 'homes-flooded'), 'aspect');
  // "were reported flooded" says what befell them: flooded.
  assert.notEqual(outcome('In Lakeview, 1,200 homes were reported flooded by the spring storm.', '1,200 homes', 'homes-flooded'), 'scope');
  // A verb after "and" is no second thing counted.
  assert.notEqual(outcome('In Lakeview, the spring storm flooded 1,200 homes and cost the board $5 million.', '1,200 homes', 'homes-flooded'), 'scope');
  // A fact dated within the quarter is of it.
  assert.notEqual(outcome("Riverside's water tariff on factories rose to 12 percent in the first quarter of 2024.", '12 percent', 'factory-rate'), 'time');
  // A period shared only where the first figure is followed straight by "and".
  assert.notEqual(outcome('The Riverside dam will cost $2.4 billion to build and $50 million a year to run.', '$2.4 billion', 'dam-cost'), 'aspect');
  assert.notEqual(frameOf('On a single day, the board paid 40 claims.').perPeriod, true);
  assert.equal(frameOf('Ann Lee gained 52% of the vote in Hillford.').aspect, 'level');
  assert.ok(extract('The storm reached 20 pumps, including about 10 that failed.').claims.some((c) => /10/.test(c.text) && c.quantity.nouns?.includes('pump')));
});
