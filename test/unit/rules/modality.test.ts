import assert from 'node:assert/strict';
import { test } from 'node:test';
import { modality } from '../../../server/src/engine/match/rules/modality';
import { outcome } from './harness';

test('modality: has a name and a description', () => {
  assert.equal(modality.name, 'modality');
  assert.ok(modality.description.length > 20);
});

test('modality: a possibility is not compared with a statement of fact', () => {
  // "if" makes it a possibility
  assert.equal(outcome('The Riverside dam could cost $3 billion if the rains delay it.', '$3 billion', 'dam-cost'), modality.name);
  assert.equal(outcome('The Riverside dam will cost $3 billion.', '$3 billion', 'dam-cost'), 'admitted');
});
