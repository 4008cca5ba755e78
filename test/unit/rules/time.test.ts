import assert from 'node:assert/strict';
import { test } from 'node:test';
import { event } from '../../../server/src/engine/match/rules/event';
import { quarterFits, time } from '../../../server/src/engine/match/rules/time';
import { extract } from '../../../server/src/engine/extract/extract';
import { quartersIn, readFrame } from '../../../server/src/engine/extract/frame';
import { fatesOf } from '../../../server/src/explain';
import { considered, frameOf, indexOfFacts, outcome, outcomeIn, verdictsIn, waterIndex } from './harness';

test('time: has a name and a description', () => {
  assert.equal(time.name, 'time');
  assert.ok(time.description.length > 20);
});

test("time: a time named by the figure must fit the fact's", () => {
  // a year before the fact
  assert.equal(outcome("Riverside's water tariff on factories rose to 14 percent in March 2023.", '14 percent', 'factory-rate'), time.name);
  assert.equal(outcome("Riverside's water tariff on factories rose to 14 percent in March 2024.", '14 percent', 'factory-rate'), 'admitted');
});

test('time: a date still to come when the text was written is not a date that had passed by then', () => {
  // Written in September 2024, after the dam's June opening: an opening still to come is another one.
  const written = 'date 2024-09-02\n\nThe Riverside dam is set to open on October 1.';
  assert.equal(outcome(written, 'October 1', 'dam-opening'), time.name);
  // Said as past, or with no date of writing, the date is the fact's to judge.
  assert.notEqual(outcome('date 2024-09-02\n\nThe Riverside dam opened on October 1.', 'October 1', 'dam-opening'), time.name);
  assert.notEqual(outcome('The Riverside dam is set to open on October 1.', 'October 1', 'dam-opening'), time.name);
});

test('time: the day a span ends does not date a sum', () => {
  // The water bill's money (March 2024) is available through June 30: that is when it ends, not when it was set.
  assert.equal(outcome('The council passed a $500 million water bill available through June 30, 2024.', '$500 million', 'water-bill-size'), 'admitted');
  assert.equal(outcome('On June 30, 2024, the council passed a $500 million water bill.', '$500 million', 'water-bill-size'), time.name);
});

test('time: a text tells only of votes cast and events done by the day it was written', () => {
  const vote = (published: string) => `Published ${published}.\n\nEarlier, the Senate approved the meter bill by a vote of 62 to 38.`;
  // The fact's vote is of May 2024.
  assert.equal(outcome(vote('March 1, 2024'), '62', 'meter-bill-senate-for'), time.name);
  assert.equal(outcome(vote('June 1, 2024'), '62', 'meter-bill-senate-for'), 'admitted');
  const signed = (published: string) => `Published ${published}.\n\nThe board signed the Hydrocorp loan on November 18, 2024.`;
  // The fact's signing is of November 15, 2024.
  assert.equal(outcome(signed('March 1, 2024'), 'November 18, 2024', 'hydrocorp-loan-signing'), event.name);
  assert.equal(outcome(signed('December 1, 2024'), 'November 18, 2024', 'hydrocorp-loan-signing'), 'admitted');
});

test('time: a count of what is still to come, in a text written before the fact, is a forecast of it, not its outcome', () => {
  // The fact counts the meters installed by May 2024.
  const forecast = (published: string) => `Published ${published}.\n\nSome 12,000 smart meters will be installed in Hillford.`;
  assert.equal(outcome(forecast('March 1, 2024'), '12,000 smart meters', 'meters-installed'), time.name);
  // Written after it, or said as done, or with no date of writing, the count is the fact's to judge.
  assert.equal(outcome(forecast('June 1, 2024'), '12,000 smart meters', 'meters-installed'), 'admitted');
  assert.equal(
    outcome('Published March 1, 2024.\n\nThe board has installed 12,000 smart meters in Hillford.', '12,000 smart meters', 'meters-installed'),
    'admitted',
  );
  assert.equal(outcome('Some 12,000 smart meters will be installed in Hillford.', '12,000 smart meters', 'meters-installed'), 'admitted');
  // A verb before the count ("has installed ... and will add more"), or a conjunction or a relative pronoun after it: another clause's future.
  assert.equal(
    outcome(
      'Published March 1, 2024.\n\nThe board has installed 12,000 smart meters in Hillford and will add more.',
      '12,000 smart meters',
      'meters-installed',
    ),
    'admitted',
  );
  assert.equal(
    outcome(
      'Published March 1, 2024.\n\nSome 12,000 smart meters that the board installed will cut leaks in Hillford.',
      '12,000 smart meters',
      'meters-installed',
    ),
    'admitted',
  );
});

test('time: the span set off after a duration ("9 days long, from 5 June 1998 to 14 June 1998") dates it', () => {
  assert.equal(outcome('The longest outage was 9 days long, from 5 June 1998 to 14 June 1998.', '9 days', 'outage-length'), time.name);
  assert.equal(outcome('The longest outage was 9 days long.', '9 days', 'outage-length'), 'admitted');
});

test('time: a count of those who voted, like a tally, is of a vote cast by the day the text was written', () => {
  // The Senate's vote on the meter bill was in May 2024: a text of March cannot tell of it.
  assert.equal(outcome('date 2024-03-01\n50 senators voted for the meter bill.', '50 senators', 'meter-bill-senate-for'), time.name);
  assert.equal(outcome('date 2024-06-01\n50 senators voted for the meter bill.', '50 senators', 'meter-bill-senate-for'), 'admitted');
});

test('time: the month or year a span runs to is a point of comparison for a sum or a rate, not when it was set', () => {
  const f = frameOf("Riverside's water tariff on factories stays at 12 percent through May 2026.");
  assert.deepEqual(f.times, []);
  assert.deepEqual(f.baselineTimes, [{ year: 2026, month: 5 }]);
  // A date a figure is given at is its time.
  assert.deepEqual(frameOf("Riverside's water tariff on factories was 12 percent in May 2026.").times, [{ year: 2026, month: 5 }]);
});

test('time: the quarters a clause names are read with their year, in the ways writers put them', () => {
  const quarters = (text: string) => {
    const x = extract(text);
    return quartersIn(x.tokens, 0, x.tokens.length - 1);
  };
  assert.deepEqual(quarters('GDP fell in the fourth quarter of 2018.'), [{ quarter: 4, year: 2018 }]);
  assert.deepEqual(quarters('The charge cut first-quarter 2023 earnings.'), [{ quarter: 1, year: 2023 }]);
  assert.deepEqual(quarters("Profit rose in 2018's fourth quarter and in Q1 2019."), [
    { quarter: 4, year: 2018 },
    { quarter: 1, year: 2019 },
  ]);
  assert.deepEqual(quarters('Second-quarter earnings fell.'), [{ quarter: 2 }]);
  // A fiscal year's quarters are not the calendar's; "eight quarters" counts them.
  assert.deepEqual(quarters('Revenue fell in the first quarter of fiscal 2024, over eight quarters.'), []);
});

test('time: a figure of one quarter is not the fact of another, nor a fact whose quote names none', () => {
  assert.match(quarterFits([{ quarter: 1, year: 2019 }], [{ quarter: 4, year: 2018 }], false) ?? '', /Q1 2019.*Q4 2018/);
  assert.equal(quarterFits([{ quarter: 1, year: 2019 }], [{ quarter: 1 }], false), undefined);
  assert.notEqual(quarterFits([{ quarter: 1, year: 2019 }], [{ quarter: 1, year: 2020 }], false), undefined);
  // A clause that names no quarter says nothing of one.
  assert.equal(quarterFits([], [{ quarter: 4 }], false), undefined);
  // The dam's cost names no quarter: a quarter's spending on it is a part, not the cost.
  assert.equal(outcome('Building the Riverside dam cost $2.4 billion in the first quarter of 2024.', '$2.4 billion', 'dam-cost'), time.name);
  assert.notEqual(outcome('Building the Riverside dam cost $2.4 billion in all.', '$2.4 billion', 'dam-cost'), time.name);
  // A date in a quarter's clause still dates its own event.
  assert.equal(quarterFits([{ quarter: 1 }], [], true), undefined);
});

test('time: "last year" and "this year" date a figure from the day the text was written', () => {
  assert.deepEqual(frameOf('date 2024-04-18\n\nThe board posted a loss of $79 million last year.').times, [{ year: 2023 }]);
  assert.deepEqual(frameOf('date 2024-04-18\n\nThe board expects a loss of $79 million this year.').times, [{ year: 2024 }]);
  assert.deepEqual(frameOf('date 2024-04-18\n\nThe loss of $79 million was a year earlier.').times, [{ year: 2023 }]);
  // With no day of writing, nothing to count from.
  assert.deepEqual(frameOf('The board posted a loss of $79 million last year.').times, []);
  // The fact of March 2024 is not last year's figure.
  assert.equal(outcome("date 2025-02-01\n\nRiverside's water tariff on factories was 12 percent last year.", '12 percent', 'factory-rate'), 'admitted');
  assert.equal(outcome("date 2026-02-01\n\nRiverside's water tariff on factories was 12 percent last year.", '12 percent', 'factory-rate'), time.name);
});

test("time: a time after the next figure of the kind, told by its own verb, is that figure's", () => {
  const draft = "Riverside's water tariff on factories stood at 13 percent before rising to 16 percent by January 2025.";
  // January 2025 dates the 16 percent, not the 13.
  assert.equal(considered(draft, '13 percent').get('factory-rate-2025')?.time, undefined);
  assert.notEqual(outcome(draft, '13 percent', 'factory-rate'), time.name);
  // A list shares its time: "13 percent for factories and 9 percent for homes in January 2025".
  assert.deepEqual(
    considered("Riverside's water tariff on factories was 13 percent and its tariff on homes 9 percent in January 2025.", '13 percent').get('factory-rate-2025')
      ?.time,
    { year: 2025, month: 1 },
  );
});

test('time: a time in a relative clause about a noun before the figure dates that noun', () => {
  const framed = (draft: string) => {
    const x = extract(draft);
    const claim = x.claims.find((c) => c.text === '$3 billion');
    assert.ok(claim);
    return readFrame(x, claim, waterIndex().knowledge);
  };
  const relative = framed('The storms which struck Lakeview in February 2024 cost the board $3 billion.');
  assert.deepEqual(relative.times, []);
  assert.deepEqual(
    relative.relativeTimes.map((r) => r.of),
    ['storm'],
  );
  assert.equal(framed('The storms struck Lakeview in February 2024 and cost the board $3 billion.').times.length, 1);
  // "the attack that took place on ...": "that" after a noun; not "said that", which opens what was said.
  assert.equal(framed('The storm that struck Lakeview on August 26, 2024 left the board with $3 billion in damage.').relativeTimes.length, 1);
  assert.equal(framed('The board said on August 26, 2024 that the storm cost $3 billion.').relativeTimes.length, 0);
});

test("time: a relative clause's time dates the figure only where its noun is the fact's measure", () => {
  const index = indexOfFacts([
    {
      id: 'storm-damage',
      subject: 'Damage the storms did in Lakeview',
      keywords: ['damage'],
      entities: ['Lakeview'],
      value: { kind: 'money', amount: 3200000000, unit: 'USD' },
      text: '$3.2 billion',
      quote: 'The storms did $3.2 billion in damage in Lakeview.',
      source: 's',
      asOf: '2024-03-17',
    },
  ]);
  const damage = (draft: string) => outcomeIn(index, draft, '$3 billion', 'storm-damage');
  assert.notEqual(damage('The storms which struck Lakeview in February 2024 inflicted $3 billion in damage.'), time.name);
  assert.equal(damage('The damage which the storms did in Lakeview in February 2024 came to $3 billion.'), time.name);
});

test('time: a count on a timeline dated before a point of it is an earlier count, not that point', () => {
  const toll = (id: string, amount: number, asOf: string) => ({
    id,
    subject: `Flood deaths in Lakeview as of ${asOf}`,
    topic: 'flood-deaths',
    keywords: ['death toll', 'killed', 'flood'],
    entities: ['Lakeview'],
    value: { kind: 'count', amount, nouns: ['deaths', 'people'] },
    text: String(amount),
    quote: `The flood killed ${amount} people in Lakeview.`,
    source: 's',
    asOf,
  });
  const index = indexOfFacts([toll('deaths-aug-21', 114, '2024-08-21'), toll('deaths-sep-15', 97, '2024-09-15')]);
  const found = (draft: string) => outcomeIn(index, draft, /people/, 'deaths-aug-21');
  assert.equal(found('On August 12, 2024, the flood had killed 89 people in Lakeview.'), time.name);
  assert.notEqual(found('On August 21, 2024, the flood had killed 89 people in Lakeview.'), time.name);
  assert.notEqual(found('On August 25, 2024, the flood had killed 89 people in Lakeview.'), time.name);
});

test('time: a relative clause ends where a second verb takes up the main clause; "expect that" opens no relative clause', () => {
  const timesOf = (draft: string, figure: string) => {
    const x = extract(draft);
    const claim = x.claims.find((c) => c.text === figure);
    assert.ok(claim, `"${figure}" in "${draft}"`);
    return readFrame(x, claim, waterIndex().knowledge);
  };
  const main = timesOf('The firm that built the dam reported in May 2024 a loss of $40 million.', '$40 million');
  assert.equal(main.times.length, 1);
  assert.equal(main.relativeTimes.length, 0);
  assert.equal(timesOf('Officials expect that in May 2024 the levy will rise to $40 million.', '$40 million').relativeTimes.length, 0);
});

test("time: a day the quote itself gives a count on a timeline is that point's day, whatever its as-of date", () => {
  const toll = (id: string, amount: number, asOf: string, quote: string) => ({
    id,
    subject: `Flood deaths in Lakeview as of ${asOf}`,
    topic: 'flood-deaths',
    keywords: ['death toll', 'killed', 'flood'],
    entities: ['Lakeview'],
    value: { kind: 'count', amount, nouns: ['deaths', 'people'] },
    text: String(amount),
    quote,
    source: 's',
    asOf,
  });
  const index = indexOfFacts([
    toll('deaths-aug-27', 170, '2024-08-27', 'The flood killed 170 people in Lakeview on August 26, 2024.'),
    toll('deaths-sep-15', 190, '2024-09-15', 'The flood killed 190 people in Lakeview.'),
  ]);
  assert.notEqual(outcomeIn(index, 'On August 26, 2024, the flood killed 170 people in Lakeview.', /people/, 'deaths-aug-27'), time.name);
});

test("time: the year a text was written in, or an earlier paragraph's, is no time of a past clause's own on a timeline", () => {
  // The tariff rose to 12 percent in March 2024 and stood at 15 percent in January 2025 (a timeline).
  const water = waterIndex();
  const fate = (draft: string) => {
    const at = draft.indexOf('12 percent');
    return fatesOf(draft, at, at + '12 percent'.length, ['factory-rate'], water, 'plaintext')[0];
  };
  const ruledOut = { fate: 'ruled out', rule: time.name };
  const past = "Riverside's water tariff on factories rose to 12 percent.";
  // Written in 2025, a clause in the past may tell of 2024; one in the present perfect tells of the time up to now.
  assert.notEqual(fate(`date 2025-06-02\n\n${past}`).fate, 'ruled out');
  assert.deepEqual(pick(fate(`date 2025-06-02\n\nRiverside's water tariff on factories has risen to 12 percent.`)), ruledOut);
  // A year an earlier paragraph opened with holds for the paragraphs after it, but only as loosely.
  assert.notEqual(fate(`In 2025, the board met twelve times.\n\n${past}`).fate, 'ruled out');
  // Set in the figure's own paragraph, it is the clause's time.
  assert.deepEqual(pick(fate(`In 2025, the board met twelve times. ${past}`)), ruledOut);
});

/** A fate without its reason's wording. */
function pick(f: { fate: string; rule?: string }): { fate: string; rule?: string } {
  return f.fate === 'ruled out' ? { fate: f.fate, rule: f.rule } : { fate: f.fate };
}

test('time: a budget year opening a clause ("For fiscal 2024,", "in fiscal year 2023") sets the time as a calendar year does', () => {
  const yearAt = (draft: string) => {
    const x = extract(draft);
    const claim = x.claims.find((c) => c.text === '$3 billion');
    assert.ok(claim);
    return readFrame(x, claim, waterIndex().knowledge).impliedYear;
  };
  assert.equal(yearAt('For fiscal 2024, the board asked for more. The dam will cost $3 billion.'), 2024);
  assert.equal(yearAt('The board met in fiscal year 2023 and again later. The dam will cost $3 billion.'), 2023);
  // A budget's year that names a thing sets no time.
  assert.equal(yearAt('The fiscal 2024 budget was late. The dam will cost $3 billion.'), undefined);
});

test('time: "Back in 2019, ..." looks back from the story\'s present: the next paragraph is not set in 2019', () => {
  const verdicts = (d: string) => verdictsIn(d);
  const next = '\n\nIn Lakeview the board repaired 900 leaks.';
  // The leak count is of 2024: a paragraph that opens a year sets it for the paragraphs after, as a timeline's entries do.
  assert.deepEqual(verdicts(`In 2019, the board had other plans.${next}`), []);
  assert.deepEqual(verdicts(`Back in 2019, the board had other plans.${next}`), ['conflict 900 leaks leaks-repaired']);
});
