import assert from 'node:assert/strict';
import { test } from 'node:test';
import { measure } from '../../../server/src/engine/match/rules/measure';
import { outcome } from './harness';

test('measure: has a name and a description', () => {
  assert.equal(measure.name, 'measure');
  assert.ok(measure.description.length > 20);
});

test("measure: A fact's measure word must stand near the figure", () => {
  // a library opening is not the dam's
  assert.equal(outcome('The Riverside library opened on June 12, 2024.', 'June 12, 2024', 'dam-opening'), measure.name);
  assert.equal(outcome('The Riverside dam opened on June 12, 2024.', 'June 12, 2024', 'dam-opening'), 'admitted');
  // A date fact with no keywords: what its quote's clause names is what the date is of.
  assert.equal(outcome('The Water Board approved the filter plant on February 22, 2024.', 'February 22, 2024', 'plant-approval'), 'admitted');
  assert.equal(outcome('The Water Board approved the dam on February 22, 2024.', 'February 22, 2024', 'plant-approval'), measure.name);
});

test("measure: a curator's phrase ties the figure only with its light words too", () => {
  // "new rebates": rebates not said to be new are not the phrase.
  assert.equal(outcome('The rebates are worth $5 million.', '$5 million', 'rebate-budget'), measure.name);
  assert.equal(outcome('The new rebates are worth $5 million.', '$5 million', 'rebate-budget'), 'admitted');
});

test("measure: a label's capitals do not hide its words in a name nobody listed", () => {
  // "Storm Drains and Pipes: $95 million" names pipes, in a label's Title Case.
  assert.equal(outcome('- Storm Drains and Pipes: $95 million', '$95 million', 'pipes-grants-combined'), 'admitted');
});
