import assert from 'node:assert/strict';
import { test } from 'node:test';
import { target } from '../../../server/src/engine/match/rules/target';
import { frameOf, outcome } from './harness';

test('target: has a name and a description', () => {
  assert.equal(target.name, 'target');
  assert.ok(target.description.length > 20);
});

test("target: what the measure falls on must be the fact's", () => {
  // it falls on Lakeview
  assert.equal(outcome("Riverside's water tariff on Lakeview rose to 14 percent in March 2024.", '14 percent', 'factory-rate'), target.name);
  assert.equal(outcome("Riverside's water tariff on factories rose to 14 percent in March 2024.", '14 percent', 'factory-rate'), 'admitted');
});

test('target: the party a sum comes from, after the sum and its noun ("a $40 million loan from Hydrocorp"), gives it; goods from a place are what a levy falls on', () => {
  const roles = (text: string) => frameOf(text).participants.map((q) => `${q.entity}:${q.role}`);
  assert.ok(
    roles('Riverside got a $40 million loan from Hydrocorp.').includes('hydrocorp:agent'),
    roles('Riverside got a $40 million loan from Hydrocorp.').join(' '),
  );
  assert.ok(roles('Riverside got $40 million from Hydrocorp.').includes('hydrocorp:agent'));
  assert.ok(roles('Riverside put a levy on $40 million of pipes from Hydrocorp.').includes('hydrocorp:target'));
  // Goods bought from a party came from it; the sum did not.
  assert.ok(roles('Riverside bought $40 million in goods from Hydrocorp.').includes('hydrocorp:target'));
  // The head noun right before "from" decides: a takeover offer comes from the bidder; pipe fittings are goods.
  assert.ok(roles('Riverside accepted the $40 million takeover offer from Hydrocorp.').includes('hydrocorp:agent'));
  assert.ok(roles('Riverside imported $40 million pipe fittings from Hydrocorp.').includes('hydrocorp:target'));
});

test('target: a participle between a preposition and a name leaves the name the preposition\'s ("on qualifying Lakeview lands")', () => {
  const roles = (text: string) => frameOf(text).participants.map((q) => `${q.entity}:${q.role}`);
  assert.ok(roles('Households on qualifying Hydrocorp sites may receive a rebate of up to $75.').includes('hydrocorp:target'));
  // A participle opening the clause is no such word: "Affected Hydrocorp" is the subject.
  assert.ok(!roles('Affected Hydrocorp customers may receive a rebate of up to $75.').includes('hydrocorp:target'));
  // Nor a gerund taking the name as its object (found in review).
  assert.ok(roles('By selling Hydrocorp shares, Riverside raised $40 million.').includes('hydrocorp:subject'));
  assert.ok(roles('On lobbying Hydrocorp, Riverside spent $40 million.').includes('hydrocorp:subject'));
});
