import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { prepare } from '../../server/src/engine/check';
import { parseFactBase } from '../../server/src/engine/factbase/parse';
import { bundledFactBasePath, loadFactBaseFile } from '../../server/src/factfiles';
import { mutations, roundTrips } from '../../server/src/roundtrip';

const root = path.join(__dirname, '..', '..', '..');
const passes = (r: ReturnType<typeof roundTrips>[number]) => !r.problem && r.confirmed && r.caught;

test('every bundled fact passes its round trip: its quote confirms it, and changed, conflicts with it', () => {
  const results = roundTrips(prepare(loadFactBaseFile(bundledFactBasePath()).base!));
  assert.ok(results.length >= 24);
  assert.deepEqual(
    results.filter((r) => !passes(r)).map((r) => `${r.fact.id}: ${r.problem ?? `${r.confirmedBy} / ${r.caughtAs}`}`),
    [],
  );
});

test('the second topic round-trips as recorded: the facts that fail are exactly the ones known to', () => {
  const file = path.join(root, 'test', 'real', 'infrastructure', 'facts.json');
  const results = roundTrips(prepare(loadFactBaseFile(file).base!));
  const known: string[] = JSON.parse(fs.readFileSync(path.join(root, 'test', 'real', 'infrastructure', 'roundtrip-known.json'), 'utf8')).failing;
  const failing = results.filter((r) => !passes(r)).map((r) => r.fact.id);
  assert.deepEqual(
    failing.filter((id) => !known.includes(id)),
    [],
    'facts that now fail their round trip',
  );
  assert.deepEqual(
    known.filter((id) => !failing.includes(id)),
    [],
    'facts that now pass: remove them from roundtrip-known.json',
  );
  assert.ok(results.length - failing.length >= 25, 'most facts pass');
});

/** A fact base of one fact about the Glenmoor dam's cost (its fields overridden by `fact`), and any more given. */
const base = (fact: Record<string, unknown>, ...more: Record<string, unknown>[]) => {
  const dam = {
    id: 'f',
    subject: 'Cost of the Glenmoor dam',
    keywords: ['dam', 'cost'],
    entities: ['Glenmoor'],
    value: { kind: 'money', amount: 4e9, unit: 'USD' },
    text: '$4 billion',
    source: 's',
    asOf: '2025-03-01',
  };
  return JSON.stringify({
    version: 1,
    sources: [{ id: 's', title: 'A source', published: '2025-03-01' }],
    facts: [fact, ...more].map((f) => ({ ...dam, ...f })),
  });
};

test('a round trip reports a quote that does not state the figure, and one that is about something else', () => {
  const missing = parseFactBase(base({ quote: 'The Glenmoor dam will cost a great deal.' }), 'x.json').base!;
  assert.match(roundTrips(prepare(missing))[0].problem ?? '', /does not contain the fact's text/);
  // The quote states $4 billion, but of a bridge: it does not confirm a fact about the dam's cost.
  const other = parseFactBase(base({ quote: 'Glenmoor officials said the new bridge was finished for $4 billion in 2019.' }), 'x.json').base!;
  const r = roundTrips(prepare(other))[0];
  assert.equal(passes(r), false);
  // Its own quote round-trips.
  const good = parseFactBase(base({ quote: 'The Glenmoor dam will cost $4 billion, officials said.' }), 'x.json').base!;
  assert.ok(passes(roundTrips(prepare(good))[0]), JSON.stringify(roundTrips(prepare(good))[0]));
});

test('a round trip that fails says why: the rule that ruled the fact out, or that it was never considered', () => {
  // Collectors of real fact bases could not tell why a fact failed without writing drafts to --explain.
  // A curator who calls a figure the source floats ("would ... if") a statement of fact.
  const floated = parseFactBase(base({ quote: 'The Glenmoor dam would cost $4 billion if it were built.', frame: { modality: 'fact' } }), 'x.json').base!;
  const r = roundTrips(prepare(floated))[0];
  assert.equal(r.confirmed, false);
  assert.match(r.whyNotConfirmed ?? '', /^the modality rule ruled it out: "if" makes it a possibility/);
  const bridge = parseFactBase(base({ quote: 'Glenmoor officials said the new bridge was finished for $4 billion in 2019.' }), 'x.json').base!;
  assert.match(roundTrips(prepare(bridge))[0].whyNotConfirmed ?? '', /never considered/);
  // A fact that passes has nothing to explain.
  const good = roundTrips(prepare(parseFactBase(base({ quote: 'The Glenmoor dam will cost $4 billion, officials said.' }), 'x.json').base!))[0];
  assert.deepEqual([good.whyNotConfirmed, good.whyNotCaught], [undefined, undefined]);
});

test('wrong values are written the way the text writes figures', () => {
  assert.deepEqual(mutations('February 1', 'date').slice(0, 1), ['June 1']);
  assert.deepEqual(mutations('2020', 'year'), ['2017', '2024']);
  assert.equal(mutations('$200 billion', 'money')[0], '$320 billion');
  assert.equal(mutations('10 percent', 'percent')[0], '25 percent');
  assert.equal(mutations('half a million jobs', 'count').at(-1), 'three million jobs');
  // Thousands grouped by a space stay grouped by it.
  assert.equal(mutations('2 207 structures', 'count')[0], '3 531 structures');
  assert.deepEqual(mutations('this month', 'date').slice(0, 2), ['last month', 'last month']);
  // A moved month keeps a real day: "Dec. 31" is not moved to April, June or February, which have no 31st.
  assert.deepEqual(mutations('Dec. 31', 'date'), ['October 31']);
  assert.deepEqual(mutations('Aug. 9', 'date'), ['December 9', 'February 9', 'October 9', 'June 9']);
  // The day before the month, and the year's own February: 2023 has no February 29, 2024 has.
  assert.deepEqual(mutations('31 December 2023', 'date'), ['31 October 2023']);
  assert.ok(!mutations('Oct. 29, 2023', 'date').some((m) => m.startsWith('February')));
  assert.ok(mutations('Oct. 29, 2024', 'date').includes('February 29, 2024'));
  // An ISO date moves by four months too, and keeps a real day.
  assert.deepEqual(mutations('2023-01-31', 'date'), ['2023-05-31']);
  assert.deepEqual(mutations('2023-10-31', 'date'), []);
  // A range moves as a whole and keeps its order; a small figure scaled down keeps a digit that is not zero.
  assert.equal(mutations('between $540m and $1bn', 'money')[0], 'between $864m and $2bn');
  assert.equal(mutations('3-10%', 'percent')[0], '18-25%');
  assert.equal(mutations('$1bn', 'money')[2], '$0.4bn');
});

test('a round trip says why an undated quote of a timeline gives no finding, and says nothing of the sort when one is dated', () => {
  const timeline = (quote: string) =>
    base(
      { id: 'early', topic: 'dam-cost', subject: 'Cost of the Glenmoor dam, first estimate', quote, asOf: '2024-01-10' },
      {
        id: 'late',
        topic: 'dam-cost',
        subject: 'Cost of the Glenmoor dam, later estimate',
        value: { kind: 'money', amount: 6e9, unit: 'USD' },
        text: '$6 billion',
        quote: 'In March 2025, the Glenmoor dam was estimated to cost $6 billion.',
      },
    );
  const undated = roundTrips(prepare(parseFactBase(timeline('The Glenmoor dam was estimated to cost $4 billion.'), 'x.json').base!))[0];
  assert.equal(undated.confirmed, false);
  assert.match(undated.hint ?? '', /other times/);
  const dated = roundTrips(prepare(parseFactBase(timeline('In January 2024, the Glenmoor dam was estimated to cost $4 billion.'), 'x.json').base!))[0];
  assert.equal(dated.confirmed, true, dated.confirmedBy);
  assert.equal(dated.hint, undefined);
});

test('a quote\'s bare "$" is the fact\'s own dollar: an Australian source\'s "$4 billion" round-trips as A$', () => {
  // A source in Australia writes "$" for Australian dollars; a draft would write "A$4 billion", as the round trip does.
  const aud = parseFactBase(
    base({ value: { kind: 'money', amount: 4e9, unit: 'AUD' }, quote: 'The Glenmoor dam will cost $4 billion, officials said.' }),
    'x.json',
  ).base!;
  const r = roundTrips(prepare(aud))[0];
  assert.ok(passes(r), JSON.stringify(r));
  assert.match(r.changed ?? '', /A\$\d/);
  // A quote that writes the other dollar explicitly stays as it is, and a U.S. fact's "$" is a U.S. dollar.
  const usd = parseFactBase(base({ quote: 'The Glenmoor dam will cost $4 billion, officials said.' }), 'x.json').base!;
  assert.doesNotMatch(roundTrips(prepare(usd))[0].changed ?? '', /A\$/);
});

test('found in review: every bare "$" of an AUD fact\'s figure is its own dollar, hedged or a range', () => {
  for (const [text, value] of [
    ['about $4 billion', { kind: 'money', amount: 4e9, unit: 'AUD', qualifier: 'about' }],
    ['$3 billion to $4 billion', { kind: 'money', min: 3e9, max: 4e9, unit: 'AUD' }],
  ] as const) {
    const b = parseFactBase(base({ text, value, quote: `The Glenmoor dam will cost ${text}, officials said.` }), 'x.json').base!;
    const r = roundTrips(prepare(b))[0];
    assert.ok(passes(r), JSON.stringify(r));
  }
});
