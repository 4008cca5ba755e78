import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText } from '../../server/src/engine/check';
import { extract } from '../../server/src/engine/extract/extract';
import { lineIndex } from '../../server/src/engine/text/positions';
import { stem } from '../../server/src/engine/text/tokens';
import { waterIndex } from './rules/harness';

const one = (text: string, format: 'markdown' | 'plaintext' = 'plaintext') => {
  const claims = extract(text, { format }).claims;
  assert.equal(claims.length, 1, `expected one claim in ${JSON.stringify(text)}, got ${claims.map((c) => c.text).join(' | ')}`);
  return claims[0];
};

test('money in its usual spellings normalises to dollars', () => {
  for (const [text, value] of [
    ['China promised $200 billion.', 200e9],
    ['China promised $200bn.', 200e9],
    ['China promised US$170bn.', 170e9],
    ['China promised 200 billion dollars.', 200e9],
    ['China promised two hundred billion dollars.', 200e9],
    ['It costs $1.7 trillion.', 1.7e12],
    ['It costs $95 million.', 95e6],
  ] as const) {
    const c = one(text);
    assert.equal(c.kind, 'money', text);
    assert.equal(c.quantity.lo, value, text);
    assert.equal(c.quantity.unit, 'USD');
  }
});

test('percentages and ranges', () => {
  for (const [text, lo, hi] of [
    ['a 10 percent tariff', 10, 10],
    ['a 10% tariff', 10, 10],
    ['a ten percent tariff', 10, 10],
    ['levies of 30% to 50%', 30, 50],
    ['levies between 30 and 50 percent', 30, 50],
    ['levies of 30–50%', 30, 50],
    ['from 30 percent to 50 percent', 30, 50],
  ] as const) {
    const c = one(text);
    assert.equal(c.kind, 'percent', text);
    assert.deepEqual([c.quantity.lo, c.quantity.hi], [lo, hi], text);
  }
});

test('dates keep only the parts that were stated', () => {
  assert.deepEqual(one('On February 1, he acted.').quantity.date, { month: 2, day: 1 });
  assert.deepEqual(one('On Feb. 1 he acted.').quantity.date, { month: 2, day: 1 });
  assert.deepEqual(one('On 12 August he acted.').quantity.date, { day: 12, month: 8 });
  assert.deepEqual(one('It expires August 12, 2025.').quantity.date, { month: 8, day: 12, year: 2025 });
  assert.deepEqual(one('It expires 2025-08-12.').quantity.date, { year: 2025, month: 8, day: 12 });
  assert.deepEqual(one('Talks in May 2025 ended.').quantity.date, { month: 5, year: 2025 });
  assert.deepEqual(one('Talks in May ended.').quantity.date, { month: 5 });
  assert.equal(extract('May I ask a question? You may.').claims.length, 0, 'the verb "may" is not a month');
});

test('relative dates need a reference date', () => {
  assert.equal(extract('A meeting last month eased controls.').claims.length, 0);
  const c = extract('A meeting last month eased controls.', { referenceDate: '2025-07-25' }).claims[0];
  assert.deepEqual(c.quantity.date, { year: 2025, month: 6 });
});

test('counts keep their noun; durations convert to days', () => {
  const people = one('They have 1.4 billion people.');
  assert.equal(people.kind, 'count');
  assert.equal(people.quantity.lo, 1.4e9);
  assert.ok(people.quantity.nouns!.includes('peopl'));
  assert.equal(one('It could create half a million jobs.').quantity.lo, 5e5);
  assert.equal(one('It could create 500,000 jobs.').quantity.lo, 5e5);
  assert.equal(one('It could create five million jobs.').quantity.lo, 5e6);
  const pause = one('a 90-day pause');
  assert.equal(pause.kind, 'duration');
  assert.equal(pause.quantity.lo, 90);
  const ago = one('granted 20 years ago');
  assert.ok(ago.quantity.ago);
  assert.equal(Math.round(ago.quantity.lo / 365.25), 20);
  assert.equal(one('the 2020 deal').kind, 'year');
});

test('thousands grouped by spaces, as wire copy writes them, are one number; a day and then a count are two', () => {
  const counts = (text: string) => extract(text).claims.map((c) => [c.text, c.quantity.lo]);
  assert.deepEqual(counts('The fire left 2 719 structures exposed.'), [['2 719 structures', 2719]]);
  assert.deepEqual(counts('It left 1\u00a0000 people unaccounted for.'), [['1\u00a0000 people', 1000]]);
  assert.deepEqual(counts('It covers 12 345 678 acres.'), [['12 345 678 acres', 12345678]]);
  // "Feb. 3 150 cars": the day of a month, then a count.
  assert.deepEqual(
    counts('On Feb. 3 150 cars derailed.').map(([t]) => t),
    ['Feb. 3', '150 cars'],
  );
  // After a capitalised label, the number is the label's: "Ward 3", then 120 homes.
  assert.deepEqual(
    counts('In Ward 3 120 homes flooded.').map(([t]) => t),
    ['120 homes'],
  );
  // Not four digits: "In 2021 300 people left" is a year and a count.
  assert.deepEqual(
    counts('In 2021 300 people left.').map(([t]) => t),
    ['2021', '300 people'],
  );
});

test('qualifiers are read from the words before the figure', () => {
  for (const [text, q] of [
    ['about $5 billion', 'about'],
    ['roughly 10%', 'about'],
    ['some 500,000 jobs', 'about'],
    ['nearly 20%', 'nearly'],
    ['almost 20%', 'nearly'],
    ['more than $300 billion', 'more-than'],
    ['over $300 billion', 'more-than'],
    ['at least $170 billion', 'at-least'],
    ['up to 50%', 'at-most'],
    ['less than 5%', 'less-than'],
    ['under 5%', 'less-than'],
    ['an estimated $170 billion', 'about'],
    ['estimated to cost at least $170 billion', 'at-least'],
  ] as const) {
    assert.equal(one(text).quantity.qualifier, q, text);
  }
  const c = one('tariffs on more than $300 billion');
  assert.equal(c.text, '$300 billion');
  assert.equal('tariffs on more than $300 billion'.slice(c.qualifierStart), 'more than $300 billion');
});

test('Markdown code, front matter, comments, link URLs and footnote definitions (citations) are not prose', () => {
  const md = [
    '---',
    'cost: $9 billion',
    '---',
    'Real: $200 billion.',
    '```',
    '$300 billion in code',
    '```',
    '<!-- $400 billion -->',
    'See [the report](https://x.test/$500-billion) and `$600 billion`.',
    '',
    '    $700 billion indented',
    '',
    'Cited.[^src-2025-03-14]',
    '',
    '[^src]: Riverside Courier, *Budget*, 2025-03-14, page $800 billion.',
  ].join('\n');
  const claims = extract(md, { format: 'markdown' }).claims;
  assert.deepEqual(
    claims.map((c) => c.text),
    ['$200 billion'],
  );
});

test('positions are 0-based lines and UTF-16 columns, across CRLF and emoji', () => {
  const text = 'Intro 🎉 line\r\nThe café 👩‍👩‍👧 spent $200 billion.';
  const c = one(text);
  const pos = lineIndex(text);
  assert.deepEqual(pos(c.start), { line: 1, character: text.slice(text.indexOf('\n') + 1).indexOf('$') });
  assert.equal(text.slice(c.start, c.end), '$200 billion');
  const lf = extract(text.replace(/\r\n/g, '\n')).claims[0];
  assert.deepEqual(lineIndex(text.replace(/\r\n/g, '\n'))(lf.start), pos(c.start));
});

test('hyphenated units: a 10-percent tariff, a $200-billion pledge', () => {
  const claims = (text: string) => extract(text).claims.map((c) => `${c.kind}:${c.text}:${c.quantity.lo}`);
  assert.deepEqual(claims('a 10-percent tariff'), ['percent:10-percent:10']);
  assert.deepEqual(claims('the $200-billion pledge'), ['money:$200-billion:200000000000']);
  assert.deepEqual(claims('a $1.7-trillion plan'), ['money:$1.7-trillion:1700000000000']);
  // Ranges and compound durations keep their meaning.
  assert.deepEqual(claims('levies of 30-50%'), ['percent:30-50%:30']);
  assert.deepEqual(claims('a 90-day pause'), ['duration:90-day:90']);
});

test('numbers in words: "two hundred and fifty billion", "one point four billion", "the 12th of August"', () => {
  const claims = (text: string) => extract(text).claims.map((c) => `${c.kind}:${c.text}:${c.quantity.lo}`);
  assert.deepEqual(claims('two hundred and fifty billion dollars'), ['money:two hundred and fifty billion dollars:250000000000']);
  assert.deepEqual(claims('two hundred fifty billion dollars'), ['money:two hundred fifty billion dollars:250000000000']);
  assert.deepEqual(claims('one point four billion people'), ['count:one point four billion people:1400000000']);
  // Spelled decimals carry their rounding: "one point four billion" is 1.35-1.45 billion, like "1.4 billion".
  assert.equal(extract('one point four billion people').claims[0].quantity.precision, extract('1.4 billion people').claims[0].quantity.precision);
  const date = extract('The truce expires on the 12th of August.').claims[0];
  assert.equal(date.text, '12th of August');
  assert.deepEqual(date.quantity.date, { month: 8, day: 12 });
});

test('words named like object properties are ordinary words', () => {
  // Word tables once were object literals, so "Constructor 12" read as money and "a constructor ago" as a duration.
  const claims = (text: string) => extract(text).claims.map((c) => `${c.kind}:${c.text}`);
  assert.deepEqual(claims('Constructor 12 was a day.'), []);
  assert.deepEqual(claims('It happened a constructor ago.'), []);
  assert.deepEqual(claims('In Constructor 2025, toString fell 5 percent.'), ['year:2025', 'percent:5 percent']);
});

test('a date that closes a wire agency’s parenthesis after a city in capitals dates the text, not a claim', () => {
  const texts = (t: string) => extract(t).claims.map((c) => c.text);
  assert.deepEqual(texts('WASHINGTON (UrduPoint News / Sputnik - 25th April, 2020) The SBA will reopen on April 27.'), ['April 27']);
  // In a parenthesis of prose it is a claim, even after a name in capitals that does not open the line.
  assert.deepEqual(texts('The Talks (Geneva Round, 25th April, 2020) ended.'), ['25th April, 2020']);
  assert.deepEqual(texts('It was cleared by the FDA (Emergency Use Authorization, 25th April, 2020) at once.'), ['25th April, 2020']);
});

test("a vote's tally: two counts, for and against, when a vote or its verb or noun names it", () => {
  for (const text of [
    'The House passed it 228-206.',
    'It cleared the Senate by a vote of 69 to 30.',
    'It became law after its passage in the Senate by 69 to 30 last week.',
    'Approval came in the House by 69 to 30.',
  ]) {
    const claims = extract(text, { format: 'plaintext' }).claims.filter((c) => c.kind === 'count');
    assert.deepEqual(
      claims.map((c) => c.tally),
      ['for', 'against'],
      text,
    );
  }
  // No vote: a range of bare numbers is not a tally.
  assert.deepEqual(
    extract('The crew grew from 69 to 30 people.', { format: 'plaintext' }).claims.map((c) => c.tally),
    [undefined],
  );
});

test('a fiscal year is a year, glued or not: "FY24", "FY2024", "FY 2024"; a glued model number ("H20") is not', () => {
  for (const text of ['For FY24, the cap is lower.', 'For FY2024, the cap is lower.', 'For FY 2024, the cap is lower.']) {
    const c = one(text);
    assert.equal(c.kind, 'year', text);
    assert.equal(c.quantity.lo, 2024, text);
  }
  assert.equal(one('In FY99, the cap was lower.').quantity.lo, 1999);
  assert.deepEqual(
    extract('Nvidia sold the H20 chips.').claims.map((c) => c.kind),
    [],
  );
});

test('a tally written as one word ("the 86-to-11 vote") or after "passing it" is a vote\'s two counts', () => {
  const sides = (text: string) => extract(text).claims.map((c) => `${c.text}:${c.tally ?? '-'}`);
  assert.deepEqual(sides('The 86-to-11 vote was met with cheers.'), ['86:for', '11:against']);
  assert.deepEqual(sides('The council moved ahead on the bill, passing it 63 to 36.'), ['63:for', '36:against']);
  // No vote named: a plain pair of numbers is no tally.
  assert.deepEqual(sides('The council moved ahead on the bill, taking it 63 to 36.'), []);
});

test('a tally spaced after "a vote of", or in parentheses far from its verb, is a vote\'s two counts; a spaced difference is not', () => {
  const sides = (text: string) => extract(text).claims.map((c) => `${c.text}:${c.tally ?? '-'}`);
  assert.deepEqual(sides('The council approved the levy on May 6 by a vote of 227 - 205.'), ['May 6:-', '227:for', '205:against']);
  assert.deepEqual(
    sides('Passed the council as the act to provide for the repair of the mains and pumps under the plan of the water board for the year. on May 6 (5–4)'),
    ['May 6:-', '5:for', '4:against'],
  );
  assert.deepEqual(
    sides('The meter counted 227 - 205 readings.').filter((s) => s.endsWith(':for') || s.endsWith(':against')),
    [],
  );
});

test('"500,000-plus veterans" is a count of at least 500,000 veterans', () => {
  const c = one('We are proud that 500,000-plus veterans have applied.');
  assert.equal(c.kind, 'count');
  assert.equal(c.quantity.lo, 500000);
  assert.equal(c.quantity.qualifier, 'at-least');
  assert.deepEqual(c.quantity.nouns, ['veteran']);
});

test('a count whose noun the writer left out counts what the count just before it counts', () => {
  const counts = (text: string) => extract(text).claims.map((c) => `${c.text}:${c.quantity.nouns?.join(' ') ?? '-'}`);
  assert.deepEqual(counts('About 43 million borrowers will benefit, and 20 million will have their debt cleared.'), [
    '43 million borrowers:borrower',
    '20 million:borrower',
  ]);
  assert.deepEqual(counts('Six million people had applied and about 4 million were approved.'), ['Six million people:peopl', '4 million:peopl']);
  // Not across a sentence, not after a sum, not without a verb after it.
  assert.deepEqual(counts('About 43 million borrowers will benefit. 20 million will not.'), ['43 million borrowers:borrower']);
  assert.deepEqual(counts('It cost $5 million and 3 million were spent on roads.'), ['$5 million:-']);
  assert.deepEqual(counts('About 43 million borrowers, and 20 million in all.'), ['43 million borrowers:borrower']);
});

test('a decimal written without its leading zero (".02 percent", "$.5 billion") is that decimal; "2019.5" is not one', () => {
  for (const [text, lo, figure] of [
    ['output fell by .1 percent', 0.1, '.1 percent'],
    ['an estimated .02 percent of annual output', 0.02, '.02 percent'],
    ['a cost of $.5 billion', 0.5e9, '$.5 billion'],
    ['(.5%) of output', 0.5, '.5%'],
  ] as const) {
    const c = one(text);
    assert.equal(c.quantity.lo, lo, text);
    assert.equal(c.text, figure, text);
  }
  assert.equal(one('In 2019.5 percent of them left.').quantity.lo, 2019.5);
});

test('a count whose noun a light modifier opens ("55 new miles", "12 more states", "3 other plants")', () => {
  for (const [text, figure] of [
    ['It funds 55 new miles of barriers.', '55 new miles'],
    ['It adds 12 more states.', '12 more states'],
    ['It closed 3 other plants.', '3 other plants'],
  ] as const) {
    const c = one(text);
    assert.equal(c.kind, 'count', text);
    assert.equal(c.text, figure, text);
  }
  assert.equal(extract('It costs 2 more than that.').claims.length, 0);
});

test('a date alone on its line that is the day the text was written is the text’s date, not a claim', () => {
  const text = 'Board declares a water emergency\nFebruary 15, 2019\nThe board declared it on Friday.\n';
  const figures = (t: string) => checkText(t, waterIndex(), { referenceDate: '2019-02-15' }).claims.map((c) => c.text);
  assert.deepEqual(figures(text), []);
  // Another day on its own line heads a timeline's entry: a claim.
  assert.deepEqual(figures(text.replace('February 15', 'February 12')), ['February 12, 2019']);
});

test('with no date given, a full date alone under the headline is the page’s date, not a claim, unless other lines are dates too', () => {
  const page = 'Board declares a water emergency\n\nFebruary 15, 2019\nThe board declared it after the dam failed.\n';
  const figures = (t: string) => checkText(t, waterIndex()).claims.map((c) => c.text);
  assert.deepEqual(figures(page), []);
  // A press release's headline runs long, a clause or two with no full stop; the date under it is still the page's.
  const release = page.replace(
    'Board declares a water emergency',
    'Board declares a water emergency for the county; crews continue round-the-clock work to restore service to customers in the hardest-hit northern districts and the valley towns below the dam',
  );
  assert.deepEqual(figures(release), []);
  // A timeline's headings, two dates alone on their lines, stay claims.
  const timeline = 'Board declares a water emergency\n\nFebruary 12, 2019\nThe dam failed.\n\nFebruary 15, 2019\nThe board declared it.\n';
  assert.deepEqual(figures(timeline), ['February 12, 2019', 'February 15, 2019']);
  // Deep in the text, a date alone on its line is no dateline.
  assert.deepEqual(figures('Board declares a water emergency\n\nThe dam held for years.\n\nThen it failed.\n\nFebruary 15, 2019\nThe board declared it.\n'), [
    'February 15, 2019',
  ]);
});

test('reported by the new topics’ fact bases: "Sens." ends no sentence; "300 for the bill, 128 against" is a tally; "one year" a duration; basis points are hundredths of a point; "in 2019 dollars" is a year', () => {
  assert.equal(extract('Sens. Susan Collins (Maine) and Lisa Murkowski voted for it, 52-44.').sentences.length, 1);
  const tally = extract('The House passed the bill, 300 for the bill, 128 against.').claims;
  assert.deepEqual(
    tally.map((c) => [c.text, c.tally]),
    [
      ['300', 'for'],
      ['128', 'against'],
    ],
  );
  assert.ok(!extract('He was paid 300 for the job, 128 against my advice.').claims.some((c) => c.tally));
  const year = one('The Fed offered loans of up to one year.');
  assert.deepEqual([year.kind, year.quantity.lo], ['duration', 365.25]);
  assert.equal(extract('One of the banks failed.').claims.length, 0);
  const bp = one('The assessment is 12.5 basis points a year.');
  assert.deepEqual([bp.kind, bp.quantity.unit, bp.quantity.lo], ['percent', 'pp', 0.125]);
  for (const text of ['It cut output by $3 billion (in 2019 dollars).', 'All figures are in constant 2012 dollars.'])
    assert.ok(!extract(text).claims.some((c) => c.kind === 'money' && c.quantity.lo < 1e6), text);
});

test('reported by the held-out topics\' collectors: "10 calendar days" and "328 consecutive days" are durations; "45p" and "19 pence" are pence; "Hong Kong dollars" are HKD; "the number of drugs ... to 25" counts drugs', () => {
  for (const [text, days] of [
    ['Owners must report it within 10 calendar days.', 10],
    ['She spent 328 consecutive days on the station.', 328],
    ['The plant stayed shut for five business days.', 5],
  ] as const) {
    const d = one(text);
    assert.deepEqual([d.kind, d.quantity.lo], ['duration', days], text);
  }
  const rates = extract('The 45p top rate was scrapped and the basic rate cut to 19p.').claims;
  assert.deepEqual(
    rates.map((c) => [c.text, c.kind, c.quantity.unit, c.quantity.lo]),
    [
      ['45p', 'money', 'GBP', 0.45],
      ['19p', 'money', 'GBP', 0.19],
    ],
  );
  assert.deepEqual([one('A stamp costs 85 pence.').kind, one('A stamp costs 85 pence.').quantity.lo], ['money', 0.85]);
  // A clock time is no sum, nor a screen's resolution; a year before "calendar year" is a year.
  assert.equal(extract('The board meets at 4p.m. on Monday.').claims.filter((c) => c.kind === 'money').length, 0);
  assert.equal(extract('The TV has a 1080p screen.').claims.filter((c) => c.kind === 'money').length, 0);
  assert.deepEqual([one('The budget covers the 2024 calendar year.').kind, one('The budget covers the 2024 calendar year.').quantity.lo], ['year', 2024]);
  // A bare number "the number of" things rose to or stood at counts those things; "a number of" means several.
  assert.deepEqual(
    extract('This brings the total number of negotiated drugs to 25.').claims.map((c) => [c.text, c.kind, c.quantity.unit]),
    [['25', 'count', 'drug']],
  );
  assert.deepEqual(one('The number of deaths rose to 1,392.').quantity.nouns, ['death']);
  assert.equal(extract('A number of states rose to 12.').claims.length, 0);
  // Another country's dollar by its name is that currency.
  for (const [text, unit] of [
    ['Shares ended the day at 0.35 Hong Kong dollars.', 'HKD'],
    ['The fund paid 5 billion Australian dollars.', 'AUD'],
    ['The fund paid 5 billion dollars.', 'USD'],
  ] as const)
    assert.deepEqual([one(text).kind, one(text).quantity.unit], ['money', unit], text);
});

test('found in review: "SEC." ends a sentence; "took in 2000 dollars" is money', () => {
  assert.equal(extract('Regulators referred the case to the SEC. Regulators fined it $5 million.').sentences.length, 2);
  assert.equal(one('The town took in 2000 dollars in fees.').kind, 'money');
});

test('a part of things just counted ("11 of which", "44 of whom") counts what they are', () => {
  const counts = (text: string) => extract(text).claims.map((c) => `${c.text}:${(c.quantity.nouns ?? []).join('/')}`);
  assert.deepEqual(counts('The storm damaged about 50 pumps, 11 of which held treated water.'), ['50 pumps:pump', '11:pump']);
  assert.deepEqual(counts('The flood displaced 300 people, 44 of whom were over 70.'), ['300 people:peopl', '44:peopl']);
  // Past a year between them.
  assert.deepEqual(counts('The storm damaged 50 pumps in 2023, 11 of which held water.'), ['50 pumps:pump', '2023:', '11:pump']);
  // Not across a sentence, and not without a count just before.
  assert.deepEqual(counts('The storm damaged about 50 pumps. Of the mains, 11 of which broke, none was new.'), ['50 pumps:pump']);
  // "including 10 that": a part too; a bare number after "including" without one is not.
  assert.deepEqual(counts('The storm reached 20 pumps, including 10 that failed.'), ['20 pumps:pump', '10:pump']);
  assert.deepEqual(counts('The storm reached 20 pumps, including 10 in Lakeview.'), ['20 pumps:pump']);
});

test('"plane" is not "plan": a sentence about an aircraft is no intention', () => {
  assert.equal(stem('planes'), 'plane');
  assert.equal(stem('planned'), 'plan');
});

test('another country’s dollar is not the U.S. dollar: "A$12 billion", "C$5"; "$US8 billion" is', () => {
  const money = (t: string) => extract(t).claims.map((c) => [c.text, c.quantity.lo, c.quantity.unit]);
  assert.deepEqual(money('The exchange owed $US8 billion to customers.'), [['$US8 billion', 8e9, 'USD']]);
  assert.deepEqual(money('The exchange owed A$12 billion to customers.'), [['$12 billion', 12e9, 'AUD']]);
  assert.deepEqual(money('The exchange owed NZ$12 billion to customers.'), [['$12 billion', 12e9, 'NZD']]);
  assert.deepEqual(money('The exchange owed $12 billion to customers.'), [['$12 billion', 12e9, 'USD']]);
  assert.deepEqual(money('It cost USD$5 million.'), [['USD$5 million', 5e6, 'USD']]);
  // A range keeps its currency as written on both ends (found in review: it had been split in two).
  const range = (t: string) => extract(t).claims.map((c) => [c.text, c.quantity.lo, c.quantity.hi, c.quantity.unit]);
  assert.deepEqual(range('It needed between $US8 billion and $US10 billion.'), [['$US8 billion and $US10 billion', 8e9, 10e9, 'USD']]);
  assert.deepEqual(range('It cost A$10 billion to A$12 billion.'), [['$10 billion to A$12 billion', 10e9, 12e9, 'AUD']]);
});

test('a counted noun ends before a preposition: "95 mph during the storm" counts mph', () => {
  assert.deepEqual(
    extract('Gusts reached 95 mph during the storm and 80 mph amid the rain.').claims.map((c) => c.text),
    ['95 mph', '80 mph'],
  );
});

test('a range of counts whose noun follows only the second figure is one range: "20,000 to 40,000 barrels"', () => {
  const ranges = (t: string) => extract(t).claims.map((c) => [c.kind, c.quantity.lo, c.quantity.hi]);
  assert.deepEqual(ranges('Crews pumped 20,000 to 40,000 gallons a day.'), [['count', 20000, 40000]]);
  assert.deepEqual(ranges('Crews pumped between 12,000 and 19,000 gallons a day.'), [['count', 12000, 19000]]);
  assert.deepEqual(ranges('Crews pumped 35,000-60,000 gallons a day.'), [['count', 35000, 60000]]);
  assert.deepEqual(ranges('Some 300 to 400 residents left.'), [['count', 300, 400]]);
  // A change and the level it reached is no range; nor is a span of years.
  assert.deepEqual(ranges('Pumping rose from 20,000 to 40,000 gallons a day.'), [['count', 40000, 40000]]);
  assert.deepEqual(
    ranges('Children 5 to 11 years old were tested.').map(([k]) => k),
    ['duration'],
  );
});

test('no count is read from hours of the day ("between 7 and 9 p.m.") and a preposition that opens a noun phrase may be its adjective ("five outside directors")', () => {
  const texts = (t: string) => extract(t).claims.map((c) => c.text);
  assert.deepEqual(texts('Voting runs between 7 and 9 p.m. on Tuesday.'), []);
  assert.deepEqual(texts('Tours run 9 to 11 a.m. daily.'), []);
  assert.deepEqual(texts('The board named five outside directors and heard two inside sources.'), ['five outside directors', 'two inside sources']);
  assert.deepEqual(texts('Eight like-minded nations agreed.'), ['Eight like-minded nations']);
});

test('"up to a total of $1 billion" and "up to a maximum of 500 beds" are bounds, as "up to" is', () => {
  const q = (t: string) => extract(t).claims.map((c) => c.quantity.qualifier);
  assert.deepEqual(q('The company will pay up to a total of $1 billion.'), ['at-most']);
  assert.deepEqual(q('The hospital set aside up to a maximum of 500 beds.'), ['at-most']);
});

test('extract: a number a death toll rose to or stood at counts deaths', () => {
  const counts = (s: string) => extract(s).claims.map((c) => `${c.text}:${c.kind}:${(c.quantity.nouns ?? []).join(',')}`);
  assert.deepEqual(counts('The death toll in Lakeview rose to 44,218 on Friday.'), ['44,218:count:death']);
  assert.deepEqual(counts('The death toll stood at more than 53,000.'), ['53,000:count:death']);
  // A toll with no word of what it counts, a number too small to be a tally, and a year are left alone.
  assert.deepEqual(counts('The toll rose to 56.'), []);
  assert.deepEqual(counts('The death toll rose to 4.'), []);
  assert.deepEqual(counts('The death toll rose in 2020.'), ['2020:year:']);
});

test("extract: only a toll of lives counts, and only where the toll is the phrase's head", () => {
  const counts = (s: string) => extract(s).claims.map((c) => c.text);
  assert.deepEqual(counts('The bridge toll rose to 12.'), []);
  assert.deepEqual(counts('Annual toll revenue reached 800 million.'), []);
  assert.deepEqual(counts('The casualty toll has risen to 1,200.'), ['1,200']);
});

test('a name that goes on with a roman numeral ("Artemis II") is not a plural noun closing a count\'s phrase', () => {
  const count = (text: string) => extract(text).claims.map((c) => `${c.text}:${c.quantity.unit}`);
  assert.deepEqual(count('The agency named its five Artemis II astronauts.'), ['five Artemis II astronauts:astronaut']);
  // A plural name, or a plural noun, still closes it.
  assert.deepEqual(count('Five Americans died in the crash.'), ['Five Americans:american']);
  assert.deepEqual(count('It hired 40 engineers II and III.'), ['40 engineers:engineer']);
});

test('"By" and a date open a sentence unless a name stands between them, as in a byline', () => {
  const read = (text: string) => {
    const x = extract(text);
    return { claims: x.claims.map((c) => c.text), marks: x.timeMarks.map((c) => c.text) };
  };
  assert.deepEqual(read('By June 2023, 27 countries had signed the accords.'), { claims: ['June 2023', '27 countries'], marks: [] });
  assert.deepEqual(read('By Jake Beardslee · June 11, 2025'), { claims: [], marks: ['June 11, 2025'] });
  // A day of the week is no name.
  assert.deepEqual(read('By Monday, June 2, 2025, 27 countries had signed.').marks, []);
});

test('stems: British and American spellings, and a verb and its doubled forms, meet; a word of one syllable keeps its "ll"', () => {
  assert.equal(stem('cancelled'), stem('canceled'));
  assert.equal(stem('cancelled'), stem('cancel'));
  assert.equal(stem('annulled'), stem('annul'));
  assert.equal(stem('fulfil'), stem('fulfilled'));
  assert.equal(stem('installed'), stem('install'));
  assert.equal(stem('called'), 'call');
  assert.equal(stem('small'), 'small');
  assert.equal(stem('stalled'), 'stall');
  assert.equal(stem('shortfall'), stem('shortfalls'));
});

test('"pushed back by two years" is a delay, not "two years ago"; "going back two decades" is how long ago', () => {
  const ago = (text: string) => extract(text).claims.map((c) => `${c.text}:${c.quantity.ago ? 'ago' : 'length'}`);
  assert.deepEqual(ago('The opening was pushed back by two years.'), ['two years:length']);
  assert.deepEqual(ago('The records go back 20 years.'), ['20 years:ago']);
});

test('a tally with the vote\'s noun after its first side ("by 313 votes to 269", "330 votes in favour and 276 against") is two counts', () => {
  const sides = (text: string) => extract(text).claims.map((c) => `${c.text}:${c.tally ?? '-'}`);
  assert.deepEqual(sides('MPs approved the bill by 313 votes to 269.'), ['313 votes:for', '269:against']);
  assert.deepEqual(sides('The bill passed with 330 votes in favour and 276 against.'), ['330 votes:for', '276:against']);
  // "votes to spare" is no second side.
  assert.deepEqual(sides('The bill passed with 30 votes to spare.'), ['30 votes:-']);
});

test('a year between two capitalised words is a word of a name, not a year', () => {
  const kinds = (t: string) => extract(t).claims.map((c) => `${c.kind} ${c.text}`);
  // "the Reef 2050 Plan" names a plan; 2050 dates nothing.
  assert.deepEqual(kinds('The Reef 2050 Plan got $535.8 million.'), ['money $535.8 million']);
  assert.deepEqual(kinds('The Paris 2024 Olympics were held.'), []);
  // A month, a function word or a name-opening "the" before it, or a lower-case word after, leave it a year or a date.
  assert.deepEqual(kinds('In March 2024 Congress passed it.'), ['date March 2024']);
  assert.deepEqual(kinds('In 2016 Congress passed it.'), ['year 2016']);
  assert.deepEqual(kinds('Riverside 2024 was a good year.'), ['year 2024']);
});

test('found in review: a year after an opening preposition, a possessive or an initialism is a year', () => {
  const kinds = (t: string) => extract(t).claims.map((c) => `${c.kind} ${c.text}`);
  assert.deepEqual(kinds('Throughout 2024 Riverside raised tariffs.'), ['year 2024']);
  assert.deepEqual(kinds('Around 2025 Riverside raised tariffs.'), ['year 2025']);
  assert.deepEqual(kinds('FY 2024 Revenue rose.'), ['year 2024']);
  assert.deepEqual(kinds("Hydrocorp's 2024 Profit rose."), ['year 2024']);
});

test('a decimal comma ("181,1%", "1,5 million euros") is one figure, not a second one after the comma; a list is not', () => {
  // A collector's complaint: "181,1%" in a Greek headline was read as "1%".
  const read = (s: string) => extract(s).claims.map((c) => [c.text, c.quantity.lo]);
  assert.deepEqual(read('Debt reached 181,1% of GDP.'), [['181,1%', 181.1]]);
  assert.deepEqual(read('Sales of 1,5 million euros.'), [['1,5 million euros', 1.5e6]]);
  // Thousands groups stay thousands; a list of small numbers is no decimal; nor is a year glued to a count.
  assert.deepEqual(read('In all, 181,000 people left.'), [['181,000 people', 181000]]);
  assert.deepEqual(read('Votes went 1,2,3 ways.'), [['3 ways', 3]]);
  assert.deepEqual(read('In 2019,12 people died.'), [
    ['2019', 2019],
    ['12 people', 12],
  ]);
});

test('"rose 12 percent to 4,500" is a change and the level it reached, not a range from 12 to 4,500', () => {
  const read = (s: string) => extract(s).claims.map((c) => [c.text, c.quantity.lo, c.quantity.hi]);
  assert.deepEqual(read('Deaths rose 12 percent to 4,500.'), [['12 percent', 12, 12]]);
  assert.deepEqual(read('Unemployment fell 2 percent to 8 percent.'), [
    ['2 percent', 2, 2],
    ['8 percent', 8, 8],
  ]);
  // A range of the change, and a range with no verb of change, stay ranges.
  assert.deepEqual(read('Prices rose 2 to 3 percent.'), [['2 to 3 percent', 2, 3]]);
  assert.deepEqual(read('Rates will be 10 percent to 15 percent.'), [['10 percent to 15 percent', 10, 15]]);
});
