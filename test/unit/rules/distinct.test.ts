import assert from 'node:assert/strict';
import { test } from 'node:test';
import { distinct } from '../../../server/src/engine/match/rules/distinct';
import { indexOfFacts, outcome, outcomeIn } from './harness';

test('distinct: has a name and a description', () => {
  assert.equal(distinct.name, 'distinct');
  assert.ok(distinct.description.length > 20);
});

test('distinct: a figure the writer sets apart is not the fact', () => {
  // another
  assert.equal(outcome('The Riverside dam will cost another $3 billion.', '$3 billion', 'dam-cost'), distinct.name);
  // separate
  assert.equal(outcome('Aquaterra received a separate $350 million grant for the Riverside filter plant.', '$350 million', 'aquaterra-grant'), distinct.name);
  assert.equal(outcome('Aquaterra received a $350 million grant for the Riverside filter plant.', '$350 million', 'aquaterra-grant'), 'admitted');
});

test('distinct: a fact whose keywords set it apart with the same word is one a writer sets apart so too ("a further £3.5bn" of "further equity")', () => {
  const equity = {
    id: 'further-equity',
    subject: 'Equity Hydrocorp said it would need by 2030',
    keywords: ['further equity', 'equity'],
    entities: ['Hydrocorp'],
    value: { kind: 'money', amount: 2.5e9, unit: 'USD' },
    text: '$2.5 billion',
    quote: 'Hydrocorp said $2.5 billion of equity will be needed by 2030.',
    source: 's',
    asOf: '2024-03',
  };
  const index = indexOfFacts([equity], [{ name: 'Hydrocorp', kind: 'company' }]);
  assert.equal(outcomeIn(index, 'Hydrocorp said a further $3.5 billion of equity will be needed by 2030.', '$3.5 billion', 'further-equity'), 'admitted');
  // Another word is still another figure: "another $3.5 billion" is not the further equity the fact gives.
  assert.equal(outcomeIn(index, 'Hydrocorp said another $3.5 billion of equity will be needed by 2030.', '$3.5 billion', 'further-equity'), distinct.name);
  // Without such a keyword, "further" sets it apart as before.
  const plain = indexOfFacts([{ ...equity, keywords: ['equity'] }], [{ name: 'Hydrocorp', kind: 'company' }]);
  assert.equal(outcomeIn(plain, 'Hydrocorp said a further $3.5 billion of equity will be needed by 2030.', '$3.5 billion', 'further-equity'), distinct.name);
});
