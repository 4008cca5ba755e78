import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { checkText, prepare } from '../../server/src/engine/check';
import { explainLine, fatesOf } from '../../server/src/explain';
import { extract } from '../../server/src/engine/extract/extract';
import { readFrame } from '../../server/src/engine/extract/frame';
import { newEvidence, summarize } from '../../server/src/engine/match/evidence';
import { matchClaim, orderTies } from '../../server/src/engine/match/match';
import { bundledFactBasePath, loadFactBaseFile } from '../../server/src/factfiles';
import { type Quantity, quantitiesAgree, sameFigure, statesFigure } from '../../server/src/engine/quantity';
import { frameOf, indexOfFacts, verdictsIn, waterIndex } from './rules/harness';

const q = (lo: number, hi = lo, qualifier: Quantity['qualifier'] = 'exact', precision = 0.5): Quantity => ({
  kind: 'money',
  lo,
  hi,
  precision,
  qualifier,
  unit: 'USD',
});

test('a figure cut off rather than rounded is neither the figure nor a wrong one', () => {
  // "$183 billion" for $183.6 billion; "$1.4 billion" for $1.48 billion.
  assert.equal(quantitiesAgree(q(183, 183, 'exact', 0.5), q(183.6, 183.6, 'exact', 0.05)), undefined);
  assert.equal(quantitiesAgree(q(1.4, 1.4, 'exact', 0.05), q(1.48, 1.48, 'exact', 0.005)), undefined);
  // Rounded is the figure; a figure below the fact's, or of the fact's own precision, is wrong.
  assert.equal(quantitiesAgree(q(184, 184, 'exact', 0.5), q(183.6, 183.6, 'exact', 0.05)), true);
  assert.equal(quantitiesAgree(q(182, 182, 'exact', 0.5), q(183.6, 183.6, 'exact', 0.05)), false);
  assert.equal(quantitiesAgree(q(200), q(201)), false, '$200bn is not $201bn');
});

test("a figure a fact's bound merely allows is not that figure", () => {
  // "22 million applied" agrees with "up to 43 million" but does not state it; "43 million" does.
  assert.equal(quantitiesAgree(q(22), q(43, 43, 'at-most')), true);
  assert.equal(statesFigure(q(22), q(43, 43, 'at-most')), false);
  assert.equal(statesFigure(q(43), q(43, 43, 'at-most')), true);
  // "more than $183 billion" allows $400 billion, but is about $183 billion; "$320 billion" is about "over $300 billion", "less than $12,000" not "up to $10,000".
  assert.equal(statesFigure(q(183, 183, 'more-than'), q(400)), false);
  assert.equal(statesFigure(q(320), q(300, 300, 'more-than')), true);
  assert.equal(statesFigure(q(12000), q(10000, 10000, 'at-most')), false);
  // "about 75%" allows 79% (no conflict), but a plain 79% is another reading; 76% is that one.
  assert.equal(quantitiesAgree(q(79), q(75, 75, 'about')), true);
  assert.equal(statesFigure(q(79), q(75, 75, 'about')), false);
  assert.equal(statesFigure(q(76), q(75, 75, 'about')), true);
  // Two hedged figures: "nearly 79%" is no conflict with "about 75%", nor the same reading; "nearly 76%" is.
  assert.equal(quantitiesAgree(q(79, 79, 'nearly'), q(75, 75, 'about')), true);
  assert.equal(statesFigure(q(79, 79, 'nearly'), q(75, 75, 'about')), false);
  assert.equal(statesFigure(q(76, 76, 'nearly'), q(75, 75, 'about')), true);
});

test('zero is zero: the "0" of a 96-0 vote agrees with a fact of 0, and is no other count', () => {
  const count = (lo: number): Quantity => ({ kind: 'count', lo, hi: lo, precision: 0.5, qualifier: 'exact', unit: 'vote', nouns: ['vote'] });
  assert.equal(quantitiesAgree(count(0), count(0)), true);
  assert.equal(quantitiesAgree(count(1), count(0)), false);
  assert.equal(quantitiesAgree(count(0), count(3)), false);
});

test('the same bound on both sides is the one figure; a bound is not a point, nor another bound', () => {
  // "up to $20,000 apiece" and "up to $20,000 in relief" state the one limit; "up to $20,000" is not "$20,000".
  assert.equal(sameFigure(q(20000, 20000, 'at-most'), q(20000, 20000, 'at-most')), true);
  assert.equal(sameFigure(q(20000, 20000, 'at-most'), q(20000)), false);
  assert.equal(sameFigure(q(20000, 20000, 'at-most'), q(20000, 20000, 'at-least')), false);
  assert.equal(sameFigure(q(20000, 20000, 'at-most'), q(10000, 10000, 'at-most')), false);
});

test('a floor cut down to a rounder figure is the same floor, a lower one no wrong figure; a ceiling is the cap itself', () => {
  const count = (lo: number, qualifier: Quantity['qualifier']): Quantity => ({ kind: 'count', lo, hi: lo, precision: 0.5, qualifier, unit: 'home' });
  // "more than 2,000 homes" for "more than 2,200 homes"; "at least 2,000" for "more than 2,207".
  assert.equal(quantitiesAgree(count(2000, 'more-than'), count(2200, 'more-than')), true);
  assert.equal(quantitiesAgree(count(2000, 'at-least'), count(2207, 'more-than')), true);
  assert.equal(quantitiesAgree(q(4e9, 4e9, 'more-than', 5e8), q(4.037e9, 4.037e9, 'more-than', 5e5)), true);
  // A lower floor still is true but not the fact's figure ("at least 57 people died", an early count, for at least 246):
  // nothing to say. A slipped decimal point is still wrong ("at least .2 percent" for at least 20 percent).
  assert.equal(quantitiesAgree(count(1000, 'more-than'), count(2200, 'more-than')), undefined);
  assert.equal(quantitiesAgree(count(57, 'at-least'), count(246, 'at-least')), undefined);
  assert.equal(quantitiesAgree(count(22, 'at-least'), count(220, 'at-least')), false);
  // Above the floor: another floor.
  assert.equal(quantitiesAgree(count(3000, 'more-than'), count(2200, 'more-than')), false);
  // A ceiling states the cap itself: "up to $6.9 billion" is not "up to $6.4 billion", nor "up to $7 billion".
  assert.equal(quantitiesAgree(q(6.9e9, 6.9e9, 'at-most', 5e7), q(6.4e9, 6.4e9, 'at-most', 5e7)), false);
  assert.equal(quantitiesAgree(q(7e9, 7e9, 'at-most', 5e8), q(6.4e9, 6.4e9, 'at-most', 5e7)), false);
});

test('"apiece" names no thing the figure is about', () => {
  assert.deepEqual(
    extract('A judge blocked the plan to give borrowers up to $20,000 apiece.').claims.map((c) => c.text),
    ['$20,000'],
  );
  const frame = frameOf('A judge blocked the plan to give borrowers up to $20,000 apiece.');
  assert.ok(!frame.slot.some((w) => w.concept.startsWith('apiec')), frame.slot.map((w) => w.concept).join(' '));
});

test('a date or year after "before", "by" or "after" is a bound the fact must lie within, never the fact itself', () => {
  const claimOf = (draft: string, figure: string) => {
    const c = extract(draft).claims.find((k) => k.text.endsWith(figure));
    assert.ok(c, `"${figure}" is a figure of "${draft}"`);
    return c.quantity;
  };
  const signed: Quantity = { kind: 'date', lo: 0, hi: 0, precision: 0, qualifier: 'exact', unit: 'date', date: { year: 2021, month: 3, day: 11 } };
  const before = claimOf('Biden needs to sign it before March 14.', 'March 14');
  assert.equal(before.qualifier, 'less-than');
  assert.equal(quantitiesAgree(before, signed), true, 'March 11 is before March 14');
  assert.equal(statesFigure(before, signed), false, 'but "before March 14" does not say March 11');
  assert.equal(quantitiesAgree(claimOf('It was signed before March 9.', 'March 9'), signed), false);
  assert.equal(quantitiesAgree(claimOf('It must be signed by March 11.', 'March 11'), signed), true);
  assert.equal(quantitiesAgree(claimOf('It was signed after March 11.', 'March 11'), signed), false);
  assert.equal(quantitiesAgree(claimOf('It must be signed on or before March 11.', 'March 11'), signed), true);
  assert.equal(claimOf('It must be signed not later than March 11.', 'March 11').qualifier, 'at-most');
  // "as early as" and "no earlier than" bound a date from below, over a part of its month ("late March"): a forecast that
  // the later day fits, not a wrong date.
  assert.equal(claimOf('It is expected to be signed as early as March 9.', 'March 9').qualifier, 'at-least');
  assert.equal(claimOf('It is expected to be signed as early as late March.', 'March').qualifier, 'at-least');
  assert.equal(claimOf('It will be signed no earlier than March 2.', 'March 2').qualifier, 'at-least');
  assert.equal(quantitiesAgree(claimOf('It is expected to be signed as early as March 9.', 'March 9'), signed), true);
  assert.equal(quantitiesAgree(claimOf('It is expected to be signed as early as March 12.', 'March 12'), signed), false);
  // A strict bound is not read over a part of the month: "before late March" is still about March (found in review).
  assert.equal(claimOf('It was signed before late March 2021.', 'March 2021').qualifier, 'exact');
  assert.equal(quantitiesAgree(claimOf('It was signed before late March 2021.', 'March 2021'), signed), true);
  // A plain date is still compared part by part.
  assert.equal(claimOf('It was signed on March 14.', 'March 14').qualifier, 'exact');
  assert.equal(quantitiesAgree(claimOf('It was signed on March 14.', 'March 14'), signed), false);
  const year: Quantity = { kind: 'year', lo: 2020, hi: 2020, precision: 0.5, qualifier: 'exact', unit: 'year' };
  assert.equal(quantitiesAgree(claimOf('The deal was struck before 2021.', '2021'), year), true);
  assert.equal(quantitiesAgree(claimOf('The deal was struck after 2020.', '2020'), year), false);
  assert.equal(statesFigure(claimOf('The deal was struck before 2021.', '2021'), year), false);
});

test("a figure past a one-sided bound's open end is neither that figure nor a wrong one, unless a slipped scale", () => {
  // "$900 billion" against "more than $284 billion": the bound allows it; nobody writes one for the other.
  assert.equal(quantitiesAgree(q(900), q(284, 284, 'more-than')), undefined);
  assert.equal(quantitiesAgree(q(50), q(284, 284, 'less-than')), undefined);
  // Ten times over reads as a slipped scale: wrong. Below the bound is wrong.
  assert.equal(quantitiesAgree(q(1700), q(167, 167, 'more-than')), false);
  assert.equal(quantitiesAgree(q(100), q(284, 284, 'more-than')), false);
});

test('interval comparison honours qualifiers and rounding', () => {
  assert.equal(quantitiesAgree(q(350), q(300, 300, 'more-than')), true, 'over $300bn vs $350bn');
  assert.equal(quantitiesAgree(q(30, 30, 'about'), q(300, 300, 'more-than')), false, 'about $30bn vs over $300bn');
  assert.equal(quantitiesAgree(q(17), q(170, 170, 'at-least')), false, '$17bn vs at least $170bn');
  assert.equal(quantitiesAgree(q(200), q(170, 170, 'at-least')), true);
  assert.equal(quantitiesAgree(q(15, 25), q(30, 50)), false, '15-25 vs 30-50');
  assert.equal(quantitiesAgree(q(40), q(30, 50)), true, 'a point inside a range');
  assert.equal(quantitiesAgree(q(1.4, 1.4, 'exact', 0.05), q(1.41, 1.41, 'exact', 0.005)), true, 'rounding');
  assert.equal(quantitiesAgree(q(1.5, 1.5, 'exact', 0.05), q(1.4, 1.4, 'exact', 0.05)), false);
  // "1 million" (half a unit of its one digit is half the figure) is not "about half a million"; "2 million" still covers 1.6 million.
  assert.equal(quantitiesAgree(q(1e6, 1e6, 'exact', 5e5), q(5e5, 5e5, 'about', 5e4)), false, '1 million vs about half a million');
  assert.equal(quantitiesAgree(q(2e6, 2e6, 'exact', 5e5), q(1.6e6, 1.6e6, 'exact', 5e4)), true, '2 million vs 1.6 million');
});

const index = prepare(loadFactBaseFile(bundledFactBasePath()).base!);
const verdicts = (text: string) => checkText(text, index, { format: 'markdown' }).findings.map((f) => `${f.claim.text}:${f.verdict}:${f.fact.id}`);
/** As written today, in an editor: a text without a date of its own is as of the day of the check. */
const verdictsToday = (text: string) =>
  checkText(text, index, { format: 'markdown', today: '2026-12-01' }).findings.map((f) => `${f.claim.text}:${f.verdict}:${f.fact.id}`);

test('a figure a newer fact replaced is outdated only in a text known to be written after it', () => {
  const text = 'The U.S. now charges a 10 percent tariff on all Chinese imports.';
  // Undated, the text may be a story of February 2025, when 10 percent was the rate: the older fact backs it.
  assert.deepEqual(verdicts(text), ['10 percent:consistent:feb-2025-tariff-rate']);
  // Written today, or on a day it is given (a dateline, front matter, --date), after the July point: outdated.
  assert.deepEqual(verdictsToday(text), ['10 percent:outdated:us-levies-range-july-2025']);
  assert.deepEqual(
    checkText(text, index, { referenceDate: '2025-09-01' }).findings.map((f) => `${f.verdict}:${f.fact.id}`),
    ['outdated:us-levies-range-july-2025'],
  );
  // A date of its own outranks the day of the check: a story of March 2025 is not outdated by the July point.
  assert.deepEqual(
    checkText(`March 1, 2025\n\n${text}\n`, index, { today: '2026-12-01' }).findings.map((f) => `${f.verdict}:${f.fact.id}`),
    ['consistent:feb-2025-tariff-rate'],
  );
});

test('conflicts cite the fact about the same thing', () => {
  // Both articles date the deal to 2020 (one topic, two facts): the newer statement backs the year.
  assert.deepEqual(verdicts('China fell short of the $250 billion it promised under the 2020 deal.'), [
    '$250 billion:conflict:phase-one-purchase-commitment',
    '2020:consistent:phase-one-deal-year-2',
  ]);
  assert.deepEqual(verdicts('The hydropower dam will cost $17 billion.'), ['$17 billion:conflict:hydropower-dam-cost']);
  // A 10x slip is still the dam; a sum 40 times smaller is something else that "cost" money.
  assert.deepEqual(verdicts("China's chipmakers said export restrictions cost them $4.5 billion."), []);
  assert.deepEqual(verdicts('U.S. levies on Chinese imports are 15% to 25%.'), ['15% to 25%:conflict:us-levies-range-july-2025']);
});

test('on a timeline, the month a sentence names picks the fact', () => {
  // The July fact's wording names 2025, but February 2025 is not late July 2025.
  assert.deepEqual(verdicts('In February 2025, U.S. levies on Chinese imports were 30% to 50%.'), ['30% to 50%:conflict:feb-2025-tariff-rate']);
  assert.deepEqual(verdicts('In 2025, U.S. levies on Chinese imports were 30% to 50%.'), ['30% to 50%:consistent:us-levies-range-july-2025']);
});

test('an older figure is outdated unless the sentence dates it', () => {
  assert.deepEqual(verdictsToday('The U.S. now charges a 10 percent tariff on all Chinese imports.'), ['10 percent:outdated:us-levies-range-july-2025']);
  assert.deepEqual(verdicts('On February 1, Trump imposed a 10 percent tariff on all Chinese imports.'), [
    'February 1:consistent:feb-2025-tariff-date',
    '10 percent:consistent:feb-2025-tariff-rate',
  ]);
});

test('figures about another country, company, year or event match nothing', () => {
  assert.deepEqual(verdicts('India has 1.4 billion people.'), []);
  assert.deepEqual(verdicts('Vietnam agreed to a 20% tariff on its exports.'), []);
  assert.deepEqual(verdicts("Japan's tariff on American rice is 778%."), []);
  assert.deepEqual(verdicts("AMD's chip ban was lifted in May."), []);
  assert.deepEqual(verdicts('Some 200 people protested in Beijing.'), []);
  assert.deepEqual(verdicts('A separate pledge of $50 billion covered energy purchases.'), []);
  assert.deepEqual(verdicts('On March 4, Trump raised the tariff on all Chinese imports to 20 percent.'), []);
  // A change in points is another event than a rate being set.
  assert.deepEqual(verdicts('Tariffs on Chinese imports rose 20 percentage points in March.'), []);
  // A gap between two amounts is not an amount.
  assert.deepEqual(verdicts('China fell roughly $100 billion short of the $200 billion it pledged.'), [
    '$200 billion:consistent:phase-one-purchase-commitment',
  ]);
  assert.deepEqual(verdicts('China missed its purchase commitment by about $100 billion.'), []);
  assert.deepEqual(verdicts('U.S. tariffs on Chinese imports rose by 10 percent.'), []);
});

test("one common keyword is not enough without the fact's entities in the paragraph", () => {
  for (const text of ['The new highway will cost $31 billion.', 'Officials met in June to discuss the budget.', 'The pause lasted 60 days.'])
    assert.deepEqual(verdicts(text), [], text);
  // Truces are agreed, extended and expire again and again: a date needs its year (or the fact's place, a name
  // only it involves, another of its figures) to be that truce's.
  assert.deepEqual(verdicts('The truce expires on Sept. 1.'), []);
  assert.deepEqual(verdicts('In 2025, the tariff truce was set to expire on Sept. 1.'), ['Sept. 1:conflict:tariff-truce-expiry']);
  assert.deepEqual(verdicts('China is building a giant dam in Tibet. It will cost $17 billion.'), ['$17 billion:conflict:hydropower-dam-cost']);
  assert.deepEqual(verdicts('Geneva hosted the talks. The pause lasted 60 days.'), ['60 days:conflict:geneva-pause-length']);
});

test("the other side's measure is not the fact's: China's tariffs are not U.S. levies on Chinese imports", () => {
  assert.deepEqual(verdicts("China's retaliatory tariffs peaked at 125 percent."), []);
  assert.deepEqual(verdicts('Chinese tariffs on American farm goods reached 125%.'), []);
  // The same measure held by the fact's side is still checked.
  assert.deepEqual(verdicts('U.S. tariffs on Chinese goods now stand at 145%.'), ['145%:conflict:us-levies-range-july-2025']);
  assert.deepEqual(verdicts("China's purchase commitment was $250 billion."), ['$250 billion:conflict:phase-one-purchase-commitment']);
  // The target named nearest does not make the figure the fact's: the buyer here is the EU.
  assert.deepEqual(verdicts('The EU will buy $750 billion of American energy.'), []);
  assert.deepEqual(verdicts('China promised to buy $250 billion of American goods.'), ['$250 billion:conflict:phase-one-purchase-commitment']);
});

test('list bullets and numbers are not part of the sentence, so its opening phrase still dates it', () => {
  // "In April" and "In 2018" open the sentence and date every figure in it, bullet or not.
  for (const marker of ['', '- ', '* ', '1. ', '> ']) {
    assert.deepEqual(verdicts(`${marker}In April, U.S. tariffs on Chinese imports briefly reached 145%.`), [], marker);
    assert.deepEqual(verdicts(`${marker}In 2018, Trump imposed tariffs on $50 billion of Chinese goods.`), [], marker);
  }
  assert.deepEqual(verdicts('- The U.S. imposed a 10 percent tariff on all Chinese imports on March 1.'), ['March 1:conflict:feb-2025-tariff-date']);
});

test("a sentence naming the event's venue is that event, even with two wrong figures", () => {
  // Without the venue, a sentence whose figures all disagree with one event is taken for another event (the March 4 case above).
  assert.ok(verdicts('The Geneva talks in April produced a 60-day pause on the steepest tariffs.').includes('April:conflict:geneva-talks-month'));
  assert.deepEqual(verdicts('Talks in April produced a 60-day pause on the steepest tariffs.'), []);
});

test('a tie across topics is ordered by fuse.js on the words nearest the figure, and never reported as a conflict', () => {
  // The date belongs to two events at once: which fact it is cannot be told, so nothing is said.
  assert.deepEqual(verdicts('The confirmation hearing and the review deadline both fell in March.'), []);
  // The order fuse.js gives tied facts follows the words nearest the figure.
  for (const [text, first] of [
    ['Bessent spoke at his confirmation hearing in March, and the review deadline came later.', 'bessent-confirmation-hearing'],
    ['The review deadline arrived in March, after the confirmation hearing.', 'phase-one-review-deadline'],
  ] as const) {
    const x = extract(text);
    const claim = x.claims.find((c) => c.kind === 'date')!;
    const frame = readFrame(x, claim, index.knowledge);
    const tied = ['bessent-confirmation-hearing', 'phase-one-review-deadline'].map((id) => newEvidence(index.profiles.find((p) => p.fact.id === id)!));
    assert.equal(orderTies(tied, x, claim, frame)[0].profile.fact.id, first, text);
  }
});

test('a date or a place-bound event needs a keyword that names it, not "met" or "talks"', () => {
  for (const text of ['Chinese and U.S. officials met for talks in March.', 'Trump met Chinese officials for talks in March.'])
    assert.deepEqual(verdicts(text), [], text);
  assert.deepEqual(verdicts('U.S. and Chinese negotiators met in London in May.'), ['May:conflict:london-meeting-month']);
  // The London meeting is bound to its place: without London, a meeting that eased export controls may be another.
  assert.deepEqual(verdicts('Officials eased export controls at a meeting in March.'), []);
  assert.deepEqual(verdicts('Officials eased export controls at a meeting in London in March.'), ['March:conflict:london-meeting-month']);
  assert.deepEqual(verdicts('Han Zheng met Musk in March.'), ['March:conflict:han-zheng-met-musk']);
});

test('suppression comments switch a claim off', () => {
  const r = checkText('China fell short of the $250 billion <!-- factcheck-ignore --> it promised.', index, { format: 'markdown' });
  assert.equal(r.findings.length, 0);
  assert.equal(r.suppressed.length, 1);
});

test('a running total is contradicted only by a figure dated to its month', () => {
  const index = waterIndex();
  const found = (draft: string) => checkText(draft, index).findings.map((f) => `${f.claim.text}:${f.verdict}`);
  // "has installed 12,000" as of May 2024: 9,000 installed, undated, may be another day's count.
  assert.deepEqual(found('The Water Board has installed 9,000 smart meters in Hillford.'), []);
  assert.deepEqual(found('In May 2024, the Water Board had installed 9,000 smart meters in Hillford.'), ['9,000 smart meters:conflict']);
});

test('a state given as of an hour ("As of 10 a.m.") is a state as it then stood', () => {
  assert.equal(frameOf('As of 10 a.m., the board had restored water to 92% of homes in Lakeview.').running, true);
  assert.equal(frameOf('As of 5:30 p.m., the board had restored water to 92% of homes in Lakeview.').running, true);
  assert.equal(frameOf('The board had restored water to 92% of homes in Lakeview.').running, false);
});

test('a perfect of another clause does not make a figure a running total', () => {
  // "has taken a new turn as reports indicate a $22 million ransom": the perfect is the first clause's.
  assert.equal(frameOf('The dispute has taken a new turn as reports indicate a $3 million payment to the board.').running, false);
  // "as part of" opens no clause: the perfect governs the figure.
  assert.equal(frameOf('The board has paid as part of the deal $3 million to Aquaterra.').running, true);
});

test("a draft's running total is not contradicted by a count of another day either", () => {
  const index = waterIndex();
  const found = (draft: string) => checkText(draft, index).findings.map((f) => `${f.claim.text}:${f.verdict}`);
  // "has ... and repaired 500 leaks": the count so far when written, which 2024's 800 need not be.
  assert.deepEqual(found('The board has inspected every pipe and valve on the old east side of Lakeview and repaired 500 leaks.'), []);
  assert.deepEqual(found('In 2024 the board repaired 500 leaks in Lakeview.'), ['500 leaks:conflict']);
});

test("a figure that is exactly another fact's, ruled out only for too little evidence, stops a conflict", () => {
  const index = waterIndex();
  const found = (draft: string) => checkText(draft, index).findings.map((f) => `${f.claim.text}:${f.verdict}:${f.fact.id}`);
  // February 20, 2024 is the day the board approved the filter plant: a deadline said to be that day is more likely
  // a muddle of the two than a wrong deadline.
  assert.deepEqual(found('The deadline for filter plant bids was February 20, 2024.'), []);
  assert.deepEqual(found('The deadline for filter plant bids was February 27, 2024.'), ['February 27, 2024:conflict:plant-bids-deadline']);
  // "The very figure": finer or coarser by at most 2%, never one a bound or a loose rounding merely allows.
  assert.equal(sameFigure(q(886.4, 886.4, 'exact', 0.05), q(886)), true);
  assert.equal(sameFigure(q(5.3, 5.3, 'exact', 0.05), q(5)), false);
  assert.equal(sameFigure(q(3.4, 3.4, 'exact', 0.05), q(3, 3, 'nearly')), false);
  assert.equal(sameFigure(q(40), q(40, 40, 'at-most')), false);
  const day = (year?: number): Quantity => ({ kind: 'date', lo: 0, hi: 0, precision: 0, qualifier: 'exact', unit: 'date', date: { year, month: 3, day: 3 } });
  assert.equal(sameFigure(day(2024), day(2024)), true);
  assert.equal(sameFigure(day(), day(2024)), true);
  assert.equal(sameFigure(day(2023), day(2024)), false, 'another year is another day');
});

test('a recurring thing and whom it is for back a figure but do not make another figure wrong', () => {
  const index = waterIndex();
  const found = (draft: string) => checkText(draft, index).findings.map((f) => `${f.claim.text}:${f.verdict}:${f.fact.id}`);
  // Hillford may get many packages: "a $25 million package" may be another one; "$40 million" is the one the source gives.
  assert.deepEqual(found('The board approved a $25 million package for Hillford.'), []);
  assert.deepEqual(found('The board approved a $40 million package for Hillford.'), ['$40 million:consistent:hillford-relief-package']);
  // Its own words beyond the recurring thing ("relief", "flood") do pin it.
  assert.deepEqual(found('After the flood the board approved a $25 million relief package for Hillford.'), ['$25 million:conflict:hillford-relief-package']);
});

test('a company takes charge after charge: another charge of the same company is not a wrong figure for one of them', () => {
  const index = indexOfFacts(
    [
      {
        id: 'aquaterra-q4-charge',
        subject: "Aquaterra's charge for the flood claims in the fourth quarter of 2023",
        keywords: ['charge', 'fourth quarter'],
        entities: ['Aquaterra'],
        value: { kind: 'money', amount: 1.7e9, unit: 'USD' },
        text: '$1.7 billion',
        quote: 'Aquaterra said it will take a $1.7 billion charge in the fourth quarter of 2023 for the flood claims.',
        source: 's',
        asOf: '2024-01-16',
      },
    ],
    [{ name: 'Aquaterra', kind: 'company' }],
  );
  const found = (draft: string) => checkText(draft, index).findings.map((f) => `${f.claim.text}:${f.verdict}`);
  assert.deepEqual(found('Aquaterra later booked a net charge of $2.5 billion.'), []);
  assert.deepEqual(found('Aquaterra later booked a charge of $1.7 billion.'), ['$1.7 billion:consistent']);
  // Its own quarter pins it.
  assert.deepEqual(found('Aquaterra later booked a $2.5 billion charge in the fourth quarter of 2023.'), ['$2.5 billion:conflict']);
});

test('one of many packages: the programme it comes under and whom it is for do not make another figure wrong', () => {
  const index = waterIndex();
  const found = (draft: string) => checkText(draft, index).findings.map((f) => `${f.claim.text}:${f.verdict}:${f.fact.id}`);
  // The fund pays out package after package to Lakeview: $2 million from it is another one, not a wrong figure for March's.
  assert.deepEqual(found('Lakeview will get $2 million from the Main Repair Fund.'), []);
  assert.deepEqual(found('The round includes $2 million in Main Repair Fund equipment for Lakeview.'), []);
  assert.deepEqual(found('The board approved $3 million from the Main Repair Fund for Lakeview.'), ['$3 million:consistent:repair-fund-package']);
  // Its own time pins it. (The quote's "repair package" names the fund, and is still a package.)
  assert.deepEqual(found('In March the board approved a $5 million package from the Main Repair Fund for Lakeview.'), [
    '$5 million:conflict:repair-fund-package',
  ]);
});

test('only a sum is one of many packages: a year of a law, a count of packages, are their own', () => {
  const instance = (id: string) => waterIndex().profiles.find((p) => p.fact.id === id)?.instance;
  assert.equal(instance('repair-fund-package'), true, '"a $3 million repair package"');
  assert.equal(instance('hillford-relief-package'), true, '"a $40 million relief package"');
  assert.equal(instance('pipes-act-year'), false, '"The 2024 Clean Pipes Act"');
  assert.equal(instance('dam-cost'), false, '"The Riverside dam will cost $2.4 billion"');
});

test('what happened, even if only one fact names it, does not pin a conflict', () => {
  const index = waterIndex();
  const found = (draft: string) => checkText(draft, index).findings.map((f) => `${f.claim.text}:${f.verdict}:${f.fact.id}`);
  // Only the mayor's fact says "elected", but many are elected: board members elected from 2023 are no wrong year for the mayor.
  assert.deepEqual(found('New board members are elected each year, starting in 2023.'), []);
  assert.deepEqual(found('The city elected its mayor in 2021.'), ['2021:conflict:mayor-elected-year']);
});

test("a running total is read past a comma: what the perfect's result adds up to", () => {
  const running = (draft: string, figure: string) => {
    const x = extract(draft);
    const claim = x.claims.find((c) => c.text === figure);
    assert.ok(claim);
    return readFrame(x, claim, waterIndex().knowledge).running;
  };
  assert.equal(running('The board has replaced pipes on every street of the old east side of Lakeview, saving 2,000 households.', '2,000 households'), true);
  assert.equal(running('The board replaced pipes on every street of the old east side of Lakeview, saving 2,000 households.', '2,000 households'), false);
  // A state given as of a day, which another day may have changed; "as of" with no day is not one.
  assert.equal(running('As of the evening of May 3, 2024, the filter plant was 85 percent finished.', '85 percent'), true);
  assert.equal(running('The filter plant was 85 percent finished on May 3, 2024.', '85 percent'), false);
  assert.equal(running('As of now, the filter plant is 85 percent finished.', '85 percent'), false);
  // After the figure too, and as of an hour of a weekday.
  assert.equal(running('The filter plant was 85 percent finished as of Wednesday morning, the board said.', '85 percent'), true);
});

test('a change shares only what happened with a fact: not pinned to what changed', () => {
  const index = waterIndex();
  const found = (draft: string) => checkText(draft, index).findings.map((f) => `${f.claim.text}:${f.verdict}:${f.fact.id}`);
  // Leaks rose 12 percent in 2024; complaints rising is another change, though the year and "rose" are shared.
  assert.deepEqual(found('Complaints to the board rose 20 percent in 2024.'), []);
  assert.deepEqual(found('Reported leaks rose 20 percent in 2024.'), ['20 percent:conflict:leaks-rise']);
});

test("an admitted fact whose figure is the claim's, though another ranks first, stops a conflict; small counts are exact", () => {
  const x = extract('The 2024 budget gives $12 million to pipes.');
  const claim = x.claims.find((c) => c.text === '$12 million')!;
  assert.equal(matchClaim(waterIndex(), x, claim).agreesUnworded?.id, 'budget-pumps');
  // 210 votes are not 206, though within 2%; 5.25 million people may be written 5.2 million.
  const count = (lo: number, precision = 0.5): Quantity => ({ kind: 'count', lo, hi: lo, precision, qualifier: 'exact', unit: 'vote' });
  assert.equal(sameFigure(count(210), count(206)), false);
  assert.equal(sameFigure(count(206), count(206)), true);
  assert.equal(sameFigure(count(5.2e6, 0.05e6), count(5.25e6)), true);
});

test('a vote in a second clause is its own chamber\'s, and a tally led by "by" is no change', () => {
  const index = waterIndex();
  const found = (draft: string) => checkText(draft, index).findings.map((f) => `${f.claim.text}:${f.verdict}:${f.fact.id}`);
  const draft = (votesFor: number) => `The meter bill passed the House 230-200, and was approved in the Senate by a vote of ${votesFor} to 38.`;
  assert.deepEqual(found(draft(61)), ['61:consistent:meter-bill-senate-for']);
  assert.deepEqual(found(draft(62)), ['62:conflict:meter-bill-senate-for']);
  // "38 senators voted" is a count of votes.
  const x = extract('In the Senate, 38 senators voted against the meter bill.');
  assert.deepEqual(x.claims[0].quantity.nouns, ['senator', 'vote']);
});

test('what a count counts does not pin a conflict: other groups of them may be counted', () => {
  const index = waterIndex();
  const found = (draft: string) => checkText(draft, index).findings.map((f) => `${f.claim.text}:${f.verdict}:${f.fact.id}`);
  // Only one fact counts engineers (3 voted for the plant); five who toured it are another group.
  assert.deepEqual(found('Five engineers who toured the filter plant praised it.'), []);
  // The vote's own sentence still pins them.
  assert.deepEqual(found('The board approved the filter plant 5-4, with 4 engineers voting in favour.').pop(), '4 engineers:conflict:plant-engineers-for');
});

test('a contrast starts another event with its own time: "opened on April 3 but ran through its budget"', () => {
  const timesOf = (draft: string, figure: string) => {
    const x = extract(draft);
    const claim = x.claims.find((c) => c.text === figure)!;
    return readFrame(x, claim, waterIndex().knowledge).times.map((t) => `${t.month}-${t.day}`);
  };
  assert.deepEqual(timesOf('The dam opened on April 3 but soon ran through its $2.4 billion budget.', '$2.4 billion'), []);
  assert.deepEqual(timesOf('The dam opened on April 3 and cost $2.4 billion.', '$2.4 billion'), ['4-3']);
});

test('a topic is a timeline when any two of its figures differ, though a floor first agrees with all of them', () => {
  // The Beirut fact base (written by a helper as a user would): injured at least 5,000, then 6,568, over 6,500, 7,000.
  const file = path.join(__dirname, '..', '..', '..', 'test', 'real', 'beirut-explosion', 'facts.json');
  const injured = prepare(loadFactBaseFile(file).base!).profiles.filter((p) => p.fact.topic === 'injured');
  assert.equal(injured.length, 4);
  assert.ok(injured.every((p) => p.onTimeline));
});

test('a figure is outdated only by a point its text could know: one after the day it was written is not yet', () => {
  const at = (date: string) =>
    checkText('The U.S. now charges a 10 percent tariff on all Chinese imports.', index, { format: 'markdown', referenceDate: date }).findings.map(
      (f) => `${f.claim.text}:${f.verdict}:${f.fact.id}`,
    );
  // Written in March 2025, the February rate was the newest: the July one was still to come.
  assert.deepEqual(at('2025-03-01'), ['10 percent:consistent:feb-2025-tariff-rate']);
  // Written after July 2025, it is outdated as before.
  assert.deepEqual(at('2025-09-01'), ['10 percent:outdated:us-levies-range-july-2025']);
  // A month without its day: the July point may be after the day it was written, so nothing is outdated (found in review).
  assert.deepEqual(at('2025-07'), ['10 percent:consistent:feb-2025-tariff-rate']);
  // A page's date under its headline dates it the same way.
  const page = 'Tariffs now\n\nMarch 1, 2025\nThe U.S. now charges a 10 percent tariff on all Chinese imports.\n';
  assert.deepEqual(
    checkText(page, index).findings.map((f) => `${f.claim.text}:${f.verdict}:${f.fact.id}`),
    ['10 percent:consistent:feb-2025-tariff-rate'],
  );
});

test('a line that says it dates the page dates it, even below the figure it dates; a time of day there is no figure', () => {
  const found = (page: string) => checkText(page, index).findings.map((f) => `${f.claim.text}:${f.verdict}:${f.fact.id}`);
  // The headline's figure comes before "Posted ...", several lines down: it is still of March 2025.
  const page = (posted: string) =>
    `The U.S. now charges a 10 percent tariff on all Chinese imports\n\nA summary of the week\n\nBy Staff\n${posted}\n\nMore news follows.\n`;
  assert.deepEqual(found(page('Posted Mar 1, 2025 6:42 AM CST')), ['10 percent:consistent:feb-2025-tariff-rate']);
  assert.deepEqual(found(page('Posted at 6:42 AM, Mar 01, 2025')), ['10 percent:consistent:feb-2025-tariff-rate']);
  // Without it, the text is read as written on the day of the check, when that is given (an editor's draft).
  assert.deepEqual(
    checkText(page('Staff report'), index, { today: '2026-12-01' }).findings.map((f) => `${f.claim.text}:${f.verdict}:${f.fact.id}`),
    ['10 percent:outdated:us-levies-range-july-2025'],
  );
  // "By" and an hour open a sentence, not a byline: its date is a claim.
  assert.deepEqual(
    extract('By 5:30 PM on Oct. 12, 2022, the utility finished restoring power.').claims.map((c) => c.text),
    ['Oct. 12, 2022'],
  );
  // "6:42 AM", "10 a.m." count nothing.
  assert.deepEqual(
    extract('Posted at 6:42 AM, Mar 01, 2025. At 10 a.m. it rained.').claims.map((c) => c.text),
    [],
  );
});

test('--explain reads a page the way the check does: its date under the headline is no figure and dates the text', () => {
  const page = 'Tariffs now\n\nMarch 1, 2025\nThe U.S. now charges a 10 percent tariff on all Chinese imports.\n';
  assert.deepEqual(explainLine(page, 3, index, 'plaintext'), ['line 3: no figure']);
  assert.ok(explainLine(page, 4, index, 'plaintext').some((l) => l.includes('verdict: consistent (feb-2025-tariff-rate)')));
});

test('a bounded figure that writes another fact\'s very number ("as many as 6,500") is more likely that one\'s than a slip', () => {
  const index = indexOfFacts(
    [
      {
        id: 'workers-total',
        subject: 'Workers the board plans to bring to Riverside',
        keywords: ['bring', 'funding'],
        value: { kind: 'count', amount: 9500, nouns: ['workers'], qualifier: 'about' },
        text: 'some 9,500 workers',
        quote: 'The board is planning to ask the council for funding to bring some 9,500 workers to Riverside.',
        source: 's',
        asOf: '2024-03',
      },
      {
        id: 'workers-by-september',
        subject: 'Workers to arrive in Riverside by the end of September',
        keywords: ['arrive', 'bring', 'end of September'],
        value: { kind: 'count', amount: 6500, nouns: ['workers'] },
        text: '6,500 workers',
        quote: 'An official said the funds would be used to bring 6,500 workers to Riverside by the end of September.',
        source: 's',
        asOf: '2024-03',
      },
    ],
    [{ name: 'Riverside', kind: 'city' }],
  );
  const found = (draft: string) => checkText(draft, index).findings.map((f) => `${f.claim.text}:${f.verdict}`);
  assert.deepEqual(found('The funding request plans for as many as 6,500 workers to arrive in Riverside.'), []);
  assert.deepEqual(found('The funding request plans for 6,500 workers to arrive in Riverside.'), []);
});

test('a figure one fact states exactly and another of another topic only allows ("about $4 million") is not backed by the second', () => {
  const fine = (id: string, topic: string, amount: number, qualifier: string, quote: string, keywords: string[]) => ({
    id,
    topic,
    subject: `Aquaterra ${id}`,
    keywords,
    entities: ['Aquaterra'],
    value: { kind: 'money', amount, unit: 'USD', qualifier },
    text: quote.match(/\$[\d.]+ million/)![0],
    quote,
    source: 's',
    asOf: '2024-03',
  });
  const index = indexOfFacts(
    [
      fine('plea-total', 'plea', 4e6, 'about', 'Aquaterra agreed to pay the maximum fines of about $4 million under its plea.', [
        'fines',
        'maximum fines',
        'plea',
      ]),
      fine('court-fine', 'sentence', 3.5e6, 'exact', 'A judge levied the maximum penalty allowed by law: $3.5 million in fines.', [
        'fine',
        'maximum fine',
        'penalty',
      ]),
    ],
    [{ name: 'Aquaterra', kind: 'company' }],
  );
  const found = (draft: string) => checkText(draft, index).findings.map((f) => `${f.claim.text}:${f.verdict}:${f.fact.id}`);
  assert.deepEqual(found('Under the plea, Aquaterra must pay the maximum $3.5 million fine.'), []);
  // The figure the first states is still its own.
  assert.deepEqual(found('Under the plea, Aquaterra must pay the maximum fines of $4 million.'), ['$4 million:consistent:plea-total']);
});

test('a share tied to a fact by one measure word away from the figure, and one thing more at most, is not pinned', () => {
  const share = (id: string, buyer: string, amount: number) => ({
    id,
    subject: `${buyer}'s share of Orchard County's apple exports in 2023`,
    text: `${amount}%`,
    value: { kind: 'percent', amount },
    asOf: '2023-12-31',
    source: 's',
    quote: `${buyer} bought ${amount}% of Orchard County's apple exports in 2023.`,
    entities: [buyer, 'Orchard County'],
  });
  const index = indexOfFacts(
    [
      share('canada-share', 'Canada', 40),
      share('mexico-share', 'Mexico', 25),
      {
        id: 'export-value',
        subject: "Orchard County's apple exports in 2023",
        text: '$90 million',
        value: { kind: 'money', amount: 90_000_000, unit: 'USD' },
        asOf: '2023-12-31',
        source: 's',
        quote: "Orchard County's apple exports were worth $90 million in 2023.",
        entities: ['Orchard County'],
      },
    ],
    [
      { name: 'Orchard County', kind: 'region' },
      { name: 'Canada', kind: 'country' },
      { name: 'Mexico', kind: 'country' },
    ],
  );
  const found = (draft: string) => checkText(draft, index).findings.map((f) => `${f.claim.text}:${f.verdict}:${f.fact.id}`);
  // What the 15% is of ("them": the buyers' orders) is not said at the figure; "exports" stands only in the clause.
  assert.deepEqual(found("Buyers in Canada who cut orders for Orchard County's exports said 15% of them would resume."), []);
  // The share of exports itself, said at the figure, is still checked.
  assert.deepEqual(found("Canada bought 45% of Orchard County's apple exports in 2023."), ['45%:conflict:canada-share']);
});

test('the noun a linking verb joins to the figure is read past a relative clause that describes it', () => {
  const slotOf = (draft: string, figure: string) => {
    const x = extract(draft);
    const claim = x.claims.find((c) => c.text === figure)!;
    return readFrame(x, claim, waterIndex().knowledge).slot.map((w) => `${w.concept}@${w.at}`);
  };
  assert.ok(slotOf('The meter fee that took effect on May 1 stood at 12%.', '12%').includes('fee@np'));
  // "that" after a verb opens no relative clause: nothing signed is the figure's noun.
  assert.ok(!slotOf('The deal signed that May 4 stood at 12%.', '12%').some((w) => w.startsWith('sign')));
  // A noun right before the linking verb is the noun, whatever ends it, and whatever verb comes before "that".
  assert.ok(slotOf('The board saw that funding stood at 12%.', '12%').includes('grant@np'));
  assert.ok(slotOf('Officials told the board that housing stood at 12%.', '12%').some((w) => w.startsWith('hous')));
});

test('a length a state has lasted so far ("has been closed for the past four days") is a running one', () => {
  assert.equal(frameOf('The Lakeview plant has been closed for the past four days.').running, true);
  assert.equal(frameOf('The Lakeview plant, which has been closed for the last four days, reopens today.').running, true);
  // A length that is over, or one with no perfect, is the whole of it.
  assert.equal(frameOf('The Lakeview plant was closed for four days.').running, false);
  assert.equal(frameOf('Crews worked for the past four days on the Lakeview plant.').running, false);
});

test("a figure that is, to three significant digits, another topic's fact's is that one's, not a slip; a rounder one may be a slip", () => {
  const fact = (id: string, amount: number, text: string, quote: string, keywords: string[]) => ({
    id,
    subject: id,
    text,
    value: { kind: 'money', amount, unit: 'USD' },
    asOf: '2024-05-01',
    source: 's',
    quote,
    entities: ['Lakeview'],
    keywords,
  });
  const index = indexOfFacts(
    [
      fact('state-aid', 120_000_000, '$120 million', 'The state granted Lakeview $120 million to replace its pipes.', ['granted', 'aid']),
      fact('settlement-total', 641_250_000, '$641.25 million', 'The pipe maker agreed to a $641.25 million settlement with Lakeview residents.', [
        'settlement',
      ]),
      fact('pump-budget', 30_000_000, '$30 million', 'Lakeview set aside $30 million for pumps.', ['pumps']),
    ],
    [{ name: 'Lakeview', kind: 'city' }],
  );
  const found = (draft: string) => checkText(draft, index).findings.map((f) => `${f.claim.text}:${f.verdict}:${f.fact.id}`);
  // $641 million is the settlement's $641.25 million, to its rounding: more likely meant than a slip for the aid.
  assert.deepEqual(found('The state granted Lakeview $641 million to replace its pipes.'), []);
  // $30 million is the pump budget's too, but a figure that round is too common to tell.
  assert.deepEqual(found('The state granted Lakeview $30 million to replace its pipes.'), ['$30 million:conflict:state-aid']);
  assert.deepEqual(found('The state granted Lakeview $150 million to replace its pipes.'), ['$150 million:conflict:state-aid']);
});

test('fateOf says what became of one fact for a figure: found, ruled out by a named rule, never a candidate, or no figure', () => {
  const water = waterIndex();
  const fate = (draft: string, figure: string, id: string) => {
    const at = draft.indexOf(figure);
    return fatesOf(draft, at, at + figure.length, [id], water, 'plaintext')[0];
  };
  assert.deepEqual(fate('The Riverside dam will cost $3 billion.', '$3 billion', 'dam-cost'), { fate: 'found', verdict: 'conflict dam-cost' });
  const possible = fate('The Riverside dam could cost $3 billion if the rains delay it.', '$3 billion', 'dam-cost');
  assert.equal(possible.fate, 'ruled out');
  assert.equal(possible.fate === 'ruled out' && possible.rule, 'modality');
  assert.deepEqual(fate('The harbour ferry carried 3,000 riders.', '3,000', 'dam-cost'), { fate: 'never a candidate' });
  assert.deepEqual(fate('The Riverside dam will cost $3 billion.', 'Riverside', 'dam-cost'), { fate: 'no figure' });
  // Two facts of one measure: the one ranked lower is outranked by the other; the other, tied by its measure alone, is not pinned.
  const dams = indexOfFacts([
    {
      id: 'dam',
      subject: 'Cost of the dam',
      keywords: ['dam'],
      value: { kind: 'money', amount: 2.4e9, unit: 'USD' },
      text: '$2.4 billion',
      quote: 'The dam will cost $2.4 billion.',
      source: 's',
      asOf: '2024-01-01',
    },
    {
      id: 'repairs',
      subject: 'Cost of the dam repairs',
      keywords: ['dam repairs'],
      value: { kind: 'money', amount: 2.6e9, unit: 'USD' },
      text: '$2.6 billion',
      quote: 'The dam repairs will cost $2.6 billion.',
      source: 's',
      asOf: '2024-01-01',
    },
  ]);
  const draft = 'The dam will cost $3 billion.';
  assert.deepEqual(fatesOf(draft, 18, 28, ['dam', 'repairs'], dams, 'plaintext'), [{ fate: 'not pinned' }, { fate: 'outranked', by: 'dam' }]);
});

test("on a timeline, an undated figure whose clause restates one point's source in that point's own words is that point's", () => {
  const plant = indexOfFacts([
    {
      id: 'plant-cost-2022',
      topic: 'plant-cost',
      subject: 'Cost of the filter plant, first estimate',
      keywords: ['filter plant', 'cost'],
      value: { kind: 'money', amount: 4e7, unit: 'USD' },
      text: '$40 million',
      quote: "An engineers' estimate put the cost of the filter plant at $40 million.",
      source: 's',
      asOf: '2022-05',
    },
    {
      id: 'plant-cost-2024',
      topic: 'plant-cost',
      subject: 'Cost of the filter plant, after the audit',
      keywords: ['filter plant', 'cost'],
      value: { kind: 'money', amount: 9.5e7, unit: 'USD' },
      text: '$95 million',
      quote: 'A leaked audit showed the cost of the filter plant had ballooned to $95 million.',
      source: 's',
      asOf: '2024-02',
    },
  ]);
  const found = (draft: string) => checkText(draft, plant).findings.map((f) => `${f.claim.text}:${f.verdict}:${f.fact.id}`);
  assert.deepEqual(found('The leaked audit showed that the filter plant cost had ballooned to $90 million.'), ['$90 million:conflict:plant-cost-2024']);
  assert.deepEqual(found('The leaked audit showed that the filter plant cost had ballooned to $95 million.'), ['$95 million:consistent:plant-cost-2024']);
  // Undated, and in words every point could have: which point it is stays open.
  assert.deepEqual(found('The cost of the filter plant came to $90 million.'), []);
  // Set apart from the point it restates: another audit, another point.
  assert.deepEqual(found('A second leaked audit showed that the filter plant cost had ballooned to $120 million.'), []);
});

test("a finding's evidence gives a month without its year as the month's name, not a bare number", () => {
  const x = extract("In March, Riverside's water tariff on factories rose to 12 percent.");
  const claim = x.claims.find((c) => c.text === '12 percent');
  assert.ok(claim);
  const water = waterIndex();
  const e = matchClaim(water, x, claim, true).considered?.find((c) => c.profile.fact.id === 'factory-rate');
  assert.ok(e?.time, 'the month agrees with the fact');
  assert.equal(summarize(e, water.knowledge.gazetteer).time, 'March');
});

test("verdict: a figure another fact's source sentence gives, to three digits, is that sentence's, not a slip for this fact", () => {
  const fact = (id: string, amount: number, text: string, quote: string, keywords: string[]) => ({
    id,
    subject: `Guild vote, ${id}`,
    keywords,
    entities: ['Riverside Guild'],
    value: { kind: 'percent', amount },
    text,
    quote,
    source: 's',
    asOf: '2024-03',
  });
  const facts = [
    fact('ratification-turnout', 38.15, '38.15%', 'The Riverside Guild ratification vote had a turnout of 38.15% of its members.', ['turnout', 'ratification']),
    fact('authorisation-share', 97.91, '97.91%', 'Riverside Guild members voted 97.91% in favor of a strike, with a turnout of 47.69%.', [
      'in favor',
      'strike',
    ]),
  ];
  const index = indexOfFacts(facts, [{ name: 'Riverside Guild', kind: 'org' }]);
  const verdicts = (draft: string) => verdictsIn(draft, index);
  // The turnout the authorisation's source gives is that vote's: no conflict with the ratification's.
  assert.deepEqual(verdicts('The Riverside Guild ratification vote had a turnout of 47.69% of its members.'), []);
  // Another turnout is still a slip for the ratification's.
  assert.deepEqual(verdicts('The Riverside Guild ratification vote had a turnout of 45.69% of its members.'), ['conflict 45.69% ratification-turnout']);
});

test('a measure over time: "still" after a past tense ("when the plant was still running") does not say the figure is current', () => {
  // Found on real prose: "When the fires were still blazing, the WWF estimated ... at 1.25 billion" was held against the
  // newest estimate, as if said of now.
  assert.deepEqual(verdictsIn("When the old plant was still running, Riverside's water tariff on factories was 13 percent."), []);
  assert.deepEqual(verdictsIn("Riverside's water tariff on factories is still 13 percent."), ['conflict 13 percent factory-rate-2025']);
  assert.equal(frameOf('The tariff was still 13 percent.').present, false);
});

test('a length in months is the same length in years: 60 months are five years, 18 months a year and a half', () => {
  const q = (s: string) => extract(s).claims[0].quantity;
  assert.equal(quantitiesAgree(q('He was jailed for 60 months.'), q('He was jailed for five years.')), true);
  assert.equal(sameFigure(q('He was jailed for 60 months.'), q('He was jailed for five years.')), true);
  assert.equal(sameFigure(q('The work took 18 months.'), q('The work took 1.5 years.')), true);
  assert.equal(quantitiesAgree(q('He was jailed for 48 months.'), q('He was jailed for five years.')), false);
  assert.equal(sameFigure(q('He was jailed for 61 months.'), q('He was jailed for five years.')), false);
});
