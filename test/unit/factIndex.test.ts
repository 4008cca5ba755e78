import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extract } from '../../server/src/engine/extract/extract';
import { discriminated } from '../../server/src/engine/match/evidence';
import { matchClaim } from '../../server/src/engine/match/match';
import { indexOfFacts, outcomeIn } from './rules/harness';

/** Counts of people at one flood: the dead and the homeless. */
function floodIndex(deadQuote: string) {
  const fact = (id: string, topic: string, quote: string, amount: number, nouns: string[], keywords: string[]) => ({
    id,
    topic,
    subject: id,
    keywords,
    value: { kind: 'count', amount, nouns },
    text: String(amount),
    quote,
    source: 's',
    asOf: '2024-06-01',
  });
  return indexOfFacts([
    fact('dead', 'dead', deadQuote, 40, ['people', 'dead'], ['killed', 'dead']),
    fact('homeless', 'homeless', 'The flood left 90,000 people homeless.', 90000, ['people', 'residents', 'homeless'], ['homeless']),
  ]);
}

test("index: a word another topic counts under any of a fact's nouns does not tell that fact apart", () => {
  for (const deadQuote of ['The flood killed 40 people.', 'The flood killed 40.']) {
    const index = floodIndex(deadQuote);
    const homeless = index.profiles.find((p) => p.fact.id === 'homeless');
    assert.ok(homeless);
    // "homeless" is its own; "people", which the death toll counts too (its quote saying so or not), is not.
    assert.ok(homeless.distinctive.has('homeless'), deadQuote);
    // ("people" is read as the concept of population.)
    assert.ok(!homeless.distinctive.has('population'), deadQuote);
    // So "126,000 people" a set of clinics served is not pinned to the homeless by the word "people".
    const x = extract('Together, the clinics served nearly 126,000 people.');
    const m = matchClaim(index, x, x.claims[0]).matches.find((e) => e.fact.id === 'homeless');
    if (m) assert.equal(discriminated(m.evidence, true), false, deadQuote);
  }
});

test("index: a month or a day in a fact's quote says when, not what it measures", () => {
  const index = indexOfFacts([
    {
      id: 'outage-span',
      subject: 'How long the pumps were out',
      keywords: [],
      value: { kind: 'duration', amount: 10, unit: 'day' },
      text: '10 days',
      quote: 'The pumps were out for the last 10 days of December.',
      source: 's',
      asOf: '2024-01-05',
    },
  ]);
  assert.ok(!index.profiles[0].measure.has('december'));
  // "the three months ending in December" shares only the month with it: no finding.
  const x = extract('In the three months ending in December, the board lost $2 million.');
  const claim = x.claims.find((c) => c.kind === 'duration');
  assert.ok(claim);
  assert.deepEqual(
    matchClaim(index, x, claim).matches.map((m) => m.fact.id),
    [],
  );
});

test('a counted noun written with its period ("vehicles per day", as the README shows) is counted by its noun', () => {
  const index = indexOfFacts([
    {
      id: 'daily-cars',
      subject: 'Cars entering the old town each day',
      keywords: ['enter', 'old town'],
      value: { kind: 'count', amount: 49000, nouns: ['cars per day'] },
      text: '49,000 cars',
      quote: 'An average of 49,000 cars entered the old town per day.',
      source: 's',
      asOf: '2025-01',
    },
  ]);
  assert.notEqual(outcomeIn(index, 'About 45,000 cars a day entered the old town.', /cars/, 'daily-cars'), 'not considered');
});
