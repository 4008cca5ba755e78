import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tally } from '../../../server/src/engine/match/rules/tally';
import { outcome } from './harness';

test('tally: has a name and a description', () => {
  assert.equal(tally.name, 'tally');
  assert.ok(tally.description.length > 20);
});

test("tally: each side of a vote's tally matches only the same side", () => {
  // 7 is the votes against here
  assert.equal(outcome('The council backed the dam in a 5-7 vote.', '7', 'council-vote-for'), tally.name);
  assert.equal(outcome('The council backed the dam in a 7-2 vote.', '7', 'council-vote-for'), 'admitted');
});

test('tally: a tied vote says nothing of the votes for, which a casting vote decides', () => {
  assert.equal(outcome('The council split on the dam in a 6-6 vote, the mayor casting the deciding vote.', '6', 'council-vote-for'), tally.name);
  assert.equal(outcome('The council backed the dam in a 6-2 vote.', '6', 'council-vote-for'), 'admitted');
});
