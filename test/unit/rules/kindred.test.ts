import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kindred } from '../../../server/src/engine/match/rules/kindred';
import { indexOfFacts, outcomeIn } from './harness';

const index = () =>
  indexOfFacts(
    [
      {
        id: 'main-tremor',
        subject: 'Magnitude of the main tremor that struck Norland',
        keywords: ['magnitude'],
        entities: ['Norland'],
        value: { kind: 'count', amount: 6.3, nouns: ['magnitude', 'tremor', 'earthquake'] },
        text: '6.3',
        quote: 'A magnitude 6.3 tremor struck Norland at dawn.',
        source: 's',
        asOf: '2024-05-01',
      },
      {
        id: 'households-out',
        subject: 'Households that opted out of the settlement',
        keywords: ['opted out', 'households'],
        value: { kind: 'count', amount: 400, nouns: ['households'] },
        text: '400 households',
        quote: 'Only 400 households opted out of the settlement.',
        source: 's',
        asOf: '2024-05-01',
      },
    ],
    [{ name: 'Norland', kind: 'country' }],
  );

test('kindred: has a name and a description', () => {
  assert.equal(kindred.name, 'kindred');
  assert.ok(kindred.description.length > 20);
});

test('kindred: one of several counts of what the fact counts, each as well tied, is not pinned to it', () => {
  const draft = 'A magnitude 6.1 tremor struck Norland at dawn, followed by a magnitude 4.9 tremor an hour later and a magnitude 5.8 tremor at noon.';
  assert.equal(outcomeIn(index(), draft, /4\.9/, 'main-tremor'), kindred.name);
  assert.equal(outcomeIn(index(), draft, /5\.8/, 'main-tremor'), kindred.name);
  // The one that agrees with the fact is the fact's, whatever stands beside it.
  const agreeing = 'A magnitude 6.3 tremor struck Norland at dawn, followed by a magnitude 4.9 tremor an hour later and a magnitude 5.8 tremor at noon.';
  assert.equal(outcomeIn(index(), agreeing, /6\.3/, 'main-tremor'), 'admitted');
  // Alone in its sentence, a magnitude is the fact's.
  assert.notEqual(outcomeIn(index(), 'A magnitude 5.8 tremor struck Norland at noon.', /5\.8/, 'main-tremor'), kindred.name);
});

test('kindred: counts of other things beside it ("and 47 businesses") leave it the fact\'s', () => {
  const draft = 'The settlement had 55,000 claims filed, with just 370 households and 47 businesses opting out.';
  assert.equal(outcomeIn(index(), draft, /370/, 'households-out'), 'admitted');
});
