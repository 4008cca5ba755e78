/**
 * A small fact base on a topic of its own (a city's water works, in our own words) and a way to
 * see what each rule said about each fact for one figure of a draft: the rule tests run the real
 * extraction, frames and rules, and look at the verdict of one rule.
 */
import assert from 'node:assert/strict';
import { checkText } from '../../../server/src/engine/check';
import { extract } from '../../../server/src/engine/extract/extract';
import { type Frame, readFrame } from '../../../server/src/engine/extract/frame';
import { parseFactBase } from '../../../server/src/engine/factbase/parse';
import { buildIndex, type FactIndex } from '../../../server/src/engine/match/factIndex';
import type { Evidence } from '../../../server/src/engine/match/evidence';
import { matchClaim } from '../../../server/src/engine/match/match';

const fact = (f: Record<string, unknown>) => ({ source: 'board-minutes', asOf: '2024-03', ...f });

/** The water works fact base. Every quote is a sentence stating its fact's figure. */
export const FACTS = {
  version: 1,
  entities: [
    { name: 'Riverside', kind: 'city' },
    { name: 'Lakeview', kind: 'city' },
    { name: 'Hillford', kind: 'city' },
    { name: 'Aquaterra', kind: 'company' },
    { name: 'Hydrocorp', kind: 'company' },
    { name: 'Ann Lee', kind: 'person', of: 'Hydrocorp' },
    { name: 'Water Board', kind: 'agency', aliases: ['the board'] },
    { name: 'Clean Pipes Act', kind: 'programme' },
    { name: 'Flood Relief Act', kind: 'programme' },
    { name: 'Homestead 7', kind: 'name' },
    { name: 'Main Repair Fund', kind: 'programme', aliases: ['repair package'] },
  ],
  terms: [{ id: 'storm-bond', words: ['green storm bond', 'green storm bonds', 'GSB'] }],
  sources: [{ id: 'board-minutes', title: 'Minutes of the water board', publisher: 'Riverside Water Board' }],
  facts: [
    fact({
      id: 'dam-cost',
      subject: 'Cost of the Riverside dam',
      keywords: ['dam'],
      value: { kind: 'money', amount: 2.4e9, unit: 'USD' },
      text: '$2.4 billion',
      quote: 'The Riverside dam will cost $2.4 billion, the water board said.',
    }),
    fact({
      id: 'factory-rate',
      topic: 'factory-water-rate',
      subject: "Riverside's water tariff on factories",
      keywords: ['water tariff'],
      entities: ['Riverside'],
      value: { kind: 'percent', amount: 12 },
      text: '12 percent',
      quote: "Riverside's water tariff on factories rose to 12 percent in March 2024.",
    }),
    fact({
      id: 'factory-rate-2025',
      topic: 'factory-water-rate',
      subject: "Riverside's water tariff on factories, 2025",
      keywords: ['water tariff'],
      entities: ['Riverside'],
      value: { kind: 'percent', amount: 15 },
      text: '15 percent',
      quote: "Riverside's water tariff on factories stood at 15 percent in January 2025.",
      asOf: '2025-01',
    }),
    fact({
      id: 'council-vote-for',
      subject: 'Council votes for the dam',
      keywords: ['vote'],
      value: { kind: 'count', amount: 7, nouns: ['votes'] },
      text: '7',
      quote: 'The Riverside council approved the dam in a 7-2 vote.',
      asOf: '2024-02',
    }),
    fact({
      id: 'council-vote-against',
      subject: 'Council votes against the dam',
      keywords: ['vote'],
      value: { kind: 'count', amount: 2, nouns: ['votes'] },
      text: '2',
      quote: 'The Riverside council approved the dam in a 7-2 vote.',
      asOf: '2024-02',
    }),
    fact({
      id: 'council-engineers-against',
      subject: 'Engineers on the council who voted against the dam',
      keywords: ['engineers', 'voted against'],
      value: { kind: 'count', amount: 2, nouns: ['engineers'] },
      text: '2 engineers',
      quote: 'Both of the no votes came from the 2 engineers on the council.',
      asOf: '2024-02',
    }),
    fact({
      id: 'council-homes-helped',
      subject: 'Homes the dam will serve',
      keywords: ['homes', 'serve'],
      value: { kind: 'count', amount: 5000, nouns: ['homes'] },
      text: '5,000 homes',
      quote: 'The dam will serve 5,000 homes.',
      asOf: '2024-02',
    }),
    fact({
      id: 'homes-flooded',
      subject: 'Homes the spring storm flooded in Lakeview',
      keywords: ['homes', 'flooded', 'storm'],
      entities: ['Lakeview'],
      value: { kind: 'count', amount: 1200, nouns: ['homes'] },
      text: '1,200',
      quote: 'The spring storm flooded 1,200 homes in Lakeview over three days.',
    }),
    fact({
      id: 'plant-vote-for',
      subject: 'Board votes for the filter plant',
      keywords: ['vote', 'filter plant'],
      value: { kind: 'count', amount: 5, nouns: ['votes'] },
      text: '5',
      quote: 'The board approved the filter plant 5-4, with 3 engineers voting in favour.',
    }),
    fact({
      id: 'plant-vote-against',
      subject: 'Board votes against the filter plant',
      keywords: ['vote', 'filter plant'],
      value: { kind: 'count', amount: 4, nouns: ['votes'] },
      text: '4',
      quote: 'The board approved the filter plant 5-4, with 3 engineers voting in favour.',
    }),
    fact({
      id: 'plant-engineers-for',
      subject: 'Engineers on the board who voted for the filter plant',
      keywords: ['engineers', 'voting in favour'],
      value: { kind: 'count', amount: 3, nouns: ['engineers'] },
      text: '3 engineers',
      quote: 'The board approved the filter plant 5-4, with 3 engineers voting in favour.',
    }),
    fact({
      id: 'levy-house-for',
      subject: 'Votes on the water levy: house for',
      keywords: ['levy', 'vote'],
      value: { kind: 'count', amount: 300, nouns: ['votes'] },
      text: '300',
      quote: 'The levy passed the House 300-100 and the Senate 60-40.',
    }),
    fact({
      id: 'levy-senate-for',
      subject: 'Votes on the water levy: senate for',
      keywords: ['levy', 'vote'],
      value: { kind: 'count', amount: 60, nouns: ['votes'] },
      text: '60',
      quote: 'The levy passed the House 300-100 and the Senate 60-40.',
    }),
    fact({
      id: 'levy-senate-against',
      subject: 'Votes on the water levy: senate against',
      keywords: ['levy', 'vote'],
      value: { kind: 'count', amount: 40, nouns: ['votes'] },
      text: '40',
      quote: 'The levy passed the House 300-100 and the Senate 60-40.',
    }),
    fact({
      id: 'dam-opening',
      subject: 'Date the Riverside dam opened',
      keywords: ['dam'],
      frame: { event: ['open'] },
      value: { kind: 'date', year: 2024, month: 6, day: 10 },
      text: 'June 10, 2024',
      quote: 'The Riverside dam opened on June 10, 2024.',
      asOf: '2024-06',
    }),
    fact({
      id: 'rebate-cheques-start',
      subject: 'Date the water rebate cheques began going out',
      keywords: ['rebate cheques', 'payments', 'began'],
      value: { kind: 'date', year: 2024, month: 3, day: 4 },
      text: 'March 4, 2024',
      quote: 'Water rebate cheques began going out in batches on March 4, 2024.',
      asOf: '2024-03',
    }),
    fact({
      id: 'bonus-payments-start',
      subject: 'Date the first monthly bonus payments to plant staff began',
      keywords: ['bonus', 'monthly payments', 'payments', 'began'],
      value: { kind: 'date', year: 2024, month: 7, day: 15 },
      text: 'July 15, 2024',
      quote: 'The first monthly bonus payments to plant staff began on July 15, 2024.',
      asOf: '2024-07',
    }),
    fact({
      id: 'ministers-meeting',
      subject: 'Month water ministers met in Lakeview',
      keywords: ['ministers', 'meeting'],
      entities: ['Lakeview'],
      frame: { place: ['Lakeview'] },
      value: { kind: 'date', year: 2024, month: 5 },
      text: 'May',
      quote: 'Water ministers met in Lakeview in May 2024 and pledged $50 million to clean the river.',
      asOf: '2024-05',
    }),
    fact({
      id: 'river-pledge',
      subject: 'What water ministers pledged to clean the river',
      keywords: ['pledge'],
      value: { kind: 'money', amount: 50e6, unit: 'USD' },
      text: '$50 million',
      quote: 'Water ministers met in Lakeview in May 2024 and pledged $50 million to clean the river.',
      asOf: '2024-05',
    }),
    fact({
      id: 'plant-approval',
      subject: 'Date the Water Board approved the filter plant',
      value: { kind: 'date', year: 2024, month: 2, day: 20 },
      text: 'February 20, 2024',
      quote: 'The Water Board approved the filter plant on February 20, 2024.',
      asOf: '2024-02',
    }),
    fact({
      id: 'pipes-grants-combined',
      subject: 'Grants to Aquaterra and Hydrocorp for new pipes, together',
      keywords: ['grants', 'pipes'],
      entities: ['Aquaterra', 'Hydrocorp', 'Water Board'],
      value: { kind: 'money', amount: 90e6, unit: 'USD' },
      text: '$90 million',
      quote: 'The Water Board is giving $90 million to Aquaterra and Hydrocorp for new pipes.',
    }),
    fact({
      id: 'northgate-grant',
      subject: 'Grant to the Northgate Pumping Station in Hillford',
      keywords: ['grant', 'pumping station'],
      entities: ['Hillford'],
      frame: { place: ['Hillford'] },
      value: { kind: 'money', amount: 20e6, unit: 'USD' },
      text: '$20 million',
      quote: 'The Northgate Pumping Station in Hillford received a $20 million grant.',
    }),
    fact({
      id: 'board-loan',
      subject: 'Loan from the Water Board to Aquaterra',
      keywords: ['loan', 'lent'],
      entities: ['Water Board', 'Aquaterra'],
      value: { kind: 'money', amount: 40e6, unit: 'USD' },
      text: '$40 million',
      quote: 'The Water Board lent $40 million to Aquaterra for the filter plant.',
    }),
    fact({
      id: 'rebate-budget',
      subject: 'Budget for the new rain-barrel rebates',
      keywords: ['new rebates'],
      value: { kind: 'money', amount: 4e6, unit: 'USD' },
      text: '$4 million',
      quote: 'The board set aside $4 million for the programme.',
    }),
    fact({
      id: 'operator-income',
      subject: "Income of the filter plant's operators",
      keywords: ['operators'],
      value: { kind: 'money', amount: 60e3, unit: 'USD' },
      text: '$60,000',
      quote: 'Filter plant operators have an income of $60,000.',
    }),
    fact({
      id: 'budget-pipes',
      subject: "The 2024 budget's money for pipes",
      keywords: ['budget', 'pipes'],
      value: { kind: 'money', amount: 30e6, unit: 'USD' },
      text: '$30 million',
      quote: 'The 2024 budget gives $30 million to pipes and $12 million to pumps.',
    }),
    fact({
      id: 'budget-pumps',
      subject: "The 2024 budget's money for pumps",
      keywords: ['budget', 'pumps'],
      value: { kind: 'money', amount: 12e6, unit: 'USD' },
      text: '$12 million',
      quote: 'The 2024 budget gives $30 million to pipes and $12 million to pumps.',
    }),
    fact({
      id: 'storm-bond-year',
      subject: 'Year of the first green storm bond',
      keywords: ['green storm bond'],
      value: { kind: 'year', amount: 2019 },
      text: '2019',
      quote: 'The board sold its first green storm bond in 2019.',
    }),
    fact({
      id: 'filter-plant-year',
      subject: 'Year the filter plant was signed off',
      keywords: ['filter plant', 'signed'],
      value: { kind: 'year', amount: 2023 },
      text: '2023',
      quote: 'The board signed off the filter plant in 2023.',
    }),
    fact({
      id: 'flood-plan-total',
      subject: 'Size of the flood plan',
      keywords: ['flood plan'],
      value: { kind: 'money', amount: 900e6, unit: 'USD' },
      text: '$900 million',
      quote: 'The $900 million flood plan sets aside $300 million for new levees.',
    }),
    fact({
      id: 'flood-plan-levees',
      subject: 'What the flood plan sets aside for new levees',
      keywords: ['levees'],
      value: { kind: 'money', amount: 300e6, unit: 'USD' },
      text: '$300 million',
      quote: 'The $900 million flood plan sets aside $300 million for new levees.',
    }),
    fact({
      id: 'household-demand-drop',
      subject: 'Fall in household water demand in 2024',
      keywords: ['household water demand', 'fall'],
      value: { kind: 'percent', amount: 8 },
      text: '8 percent',
      quote: 'Household water demand fell by 8 percent in 2024.',
    }),
    fact({
      id: 'pipe-contract',
      subject: "Hydrocorp's pipe contract",
      keywords: ['pipe contract'],
      entities: ['Hydrocorp'],
      value: { kind: 'money', amount: 800e6, unit: 'USD' },
      text: '$800 million',
      quote: 'Hydrocorp won an $800 million pipe contract.',
    }),
    fact({
      id: 'pipe-spending-drop',
      subject: 'Fall in pipe spending in 2024',
      keywords: ['pipe spending', 'fall'],
      value: { kind: 'percent', amount: 8 },
      text: '8 percent',
      quote: 'Pipe spending fell by 8 percent in 2024.',
    }),
    fact({
      id: 'meter-year',
      subject: 'Year Hydrocorp fitted its first smart water meter',
      keywords: ['smart water meter'],
      entities: ['Hydrocorp'],
      value: { kind: 'year', amount: 2021 },
      text: '2021',
      quote: 'Hydrocorp fitted its first smart water meter in 2021.',
    }),
    fact({
      id: 'leaks-repaired',
      subject: 'Leaks the board repaired in Lakeview in 2024',
      keywords: ['leaks', 'repaired'],
      entities: ['Lakeview'],
      value: { kind: 'count', amount: 800, nouns: ['leaks'] },
      text: '800 leaks',
      quote: 'In 2024 the board repaired 800 leaks in Lakeview.',
      asOf: '2024-12',
    }),
    fact({
      id: 'plant-bids-deadline',
      subject: 'Deadline for bids to build the filter plant',
      keywords: ['filter plant', 'bids', 'deadline'],
      frame: { event: ['deadline'] },
      value: { kind: 'date', year: 2024, month: 1, day: 15 },
      text: 'January 15, 2024',
      quote: 'Bids to build the filter plant were due by the deadline of January 15, 2024.',
      asOf: '2024-01',
    }),
    fact({
      id: 'hillford-relief-package',
      subject: 'Relief package the board approved for Hillford after the flood',
      keywords: ['relief package', 'package'],
      entities: ['Hillford'],
      value: { kind: 'money', amount: 40e6, unit: 'USD' },
      text: '$40 million',
      quote: 'After the flood the board approved a $40 million relief package for Hillford.',
      asOf: '2024-04',
    }),
    fact({
      id: 'repair-fund-package',
      subject: 'Package the board approved from the Main Repair Fund for Lakeview in March',
      keywords: ['Main Repair Fund', 'package'],
      entities: ['Main Repair Fund', 'Lakeview'],
      value: { kind: 'money', amount: 3e6, unit: 'USD' },
      text: '$3 million',
      quote: 'In March the board approved a $3 million repair package from the Main Repair Fund for Lakeview.',
      asOf: '2024-03',
    }),
    fact({
      id: 'pipes-act-year',
      subject: 'Year of the Clean Pipes Act',
      keywords: ['Clean Pipes Act'],
      entities: ['Clean Pipes Act'],
      value: { kind: 'year', amount: 2024 },
      text: '2024',
      quote: 'The 2024 Clean Pipes Act sets new rules for lead pipes.',
      asOf: '2024-03',
    }),
    fact({
      id: 'pipes-act-passed',
      subject: 'Date the council passed the Clean Pipes Act',
      keywords: ['passed', 'council'],
      entities: ['Clean Pipes Act'],
      frame: { event: ['pass'] },
      value: { kind: 'date', year: 2024, month: 3, day: 12 },
      text: 'March 12, 2024',
      quote: 'The council passed the Clean Pipes Act on March 12, 2024.',
      asOf: '2024-03',
    }),
    fact({
      id: 'pipes-act-cost',
      subject: 'Cost of the Clean Pipes Act',
      keywords: ['cost'],
      entities: ['Clean Pipes Act'],
      value: { kind: 'money', amount: 120e6, unit: 'USD' },
      text: '$120 million',
      quote: 'The Clean Pipes Act will cost $120 million over five years.',
    }),
    fact({
      id: 'hydrocorp-loan',
      subject: 'Loan the board approved for Hydrocorp',
      keywords: ['loan'],
      entities: ['Hydrocorp', 'Water Board'],
      value: { kind: 'money', amount: 30e6, unit: 'USD' },
      text: '$30 million',
      quote: 'The board approved a $30 million loan to Hydrocorp, to be signed on November 15, 2024.',
    }),
    fact({
      id: 'hydrocorp-loan-signing',
      subject: 'Date the Hydrocorp loan is to be signed',
      keywords: ['loan', 'signed'],
      entities: ['Hydrocorp', 'Water Board'],
      frame: { event: ['sign'] },
      value: { kind: 'date', year: 2024, month: 11, day: 15 },
      text: 'November 15, 2024',
      quote: 'The board approved a $30 million loan to Hydrocorp, to be signed on November 15, 2024.',
      asOf: '2024-11',
    }),
    fact({
      id: 'water-bill-size',
      subject: 'Size of the water bill the council passed',
      keywords: ['water bill', 'bill'],
      value: { kind: 'money', amount: 500e6, unit: 'USD' },
      text: '$500 million',
      quote: 'The council passed a $500 million water bill.',
    }),
    fact({
      id: 'mayor-elected-year',
      subject: 'Year the city elected its mayor',
      keywords: ['elected', 'mayor'],
      value: { kind: 'year', amount: 2019 },
      text: '2019',
      quote: 'The city elected its mayor in 2019.',
      asOf: '2019',
    }),
    fact({
      id: 'pump-grant',
      subject: 'Pump grant to Aquaterra',
      keywords: ['pump grant', 'grant'],
      entities: ['Aquaterra'],
      value: { kind: 'money', amount: 12e6, unit: 'USD' },
      text: '$12 million',
      quote: 'Approved in May 2024, the $12 million pump grant to Aquaterra can be spent after August 1, 2024.',
      asOf: '2024-05',
    }),
    fact({
      id: 'pump-grant-spending-date',
      subject: 'Date from which the pump grant to Aquaterra can be spent',
      keywords: ['pump grant', 'spent'],
      entities: ['Aquaterra'],
      value: { kind: 'date', year: 2024, month: 8, day: 1 },
      text: 'August 1, 2024',
      quote: 'Approved in May 2024, the $12 million pump grant to Aquaterra can be spent after August 1, 2024.',
      asOf: '2024-05',
    }),
    fact({
      id: 'leak-report-date',
      subject: 'Day the board released its report on the leaks',
      keywords: ['leak report'],
      entities: ['Water Board'],
      frame: { event: ['released', 'report'] },
      value: { kind: 'date', year: 2024, month: 5, day: 2 },
      text: 'May 2, 2024',
      quote: 'On May 2, 2024, the board released a report on the leaks.',
    }),
    fact({
      id: 'water-emergency-date',
      subject: 'Day the board declared a water emergency',
      keywords: ['water emergency'],
      entities: ['Water Board'],
      value: { kind: 'date', year: 2024, month: 4, day: 3 },
      text: 'April 3, 2024',
      quote: 'On April 3, 2024, the board declared a water emergency.',
    }),
    fact({
      id: 'pipe-miles-money',
      subject: 'Money for new pipes',
      keywords: ['pipes'],
      value: { kind: 'money', amount: 40e6, unit: 'USD' },
      text: '$40 million',
      quote: 'The board will spend $40 million on 12 new miles of pipes.',
    }),
    fact({
      id: 'repair-fund-through',
      subject: 'Last day of the Main Repair Fund',
      keywords: ['pipe repairs'],
      entities: ['Main Repair Fund'],
      value: { kind: 'date', year: 2024, month: 6, day: 30 },
      text: 'June 30, 2024',
      quote: 'The Main Repair Fund will pay for pipe repairs through June 30, 2024.',
      asOf: '2024-03',
    }),
    fact({
      id: 'outage-length',
      subject: 'Length of the great outage',
      keywords: ['outage', 'longest'],
      value: { kind: 'duration', amount: 12, unit: 'day' },
      text: '12 days',
      quote: 'The great outage lasted 12 days, the longest in the water works’ history.',
      asOf: '2024-05',
    }),
    fact({
      id: 'aquaterra-stations',
      subject: "Aquaterra's pumping stations to close",
      keywords: ['pumping stations'],
      entities: ['Aquaterra'],
      value: { kind: 'count', amount: 40, nouns: ['stations'] },
      text: '40',
      quote: 'The 40 pumping stations of Aquaterra will close in June.',
    }),
    fact({
      id: 'meters-installed',
      subject: 'Smart water meters installed so far',
      keywords: ['meters', 'installed'],
      value: { kind: 'count', amount: 12000, nouns: ['meters'] },
      text: '12,000',
      quote: 'The board has installed 12,000 smart meters in Hillford.',
      frame: { place: ['Hillford'] },
      asOf: '2024-05',
    }),
    fact({
      id: 'leaks-rise',
      subject: 'Rise in reported leaks in 2024',
      keywords: ['leaks'],
      value: { kind: 'percent', amount: 12 },
      text: '12 percent',
      quote: 'Reported leaks rose 12 percent in 2024.',
      asOf: '2024-12',
    }),
    fact({
      id: 'aquaterra-grant',
      subject: 'Grant to Aquaterra for the Riverside filter plant',
      keywords: ['grant'],
      value: { kind: 'money', amount: 300e6, unit: 'USD' },
      text: '$300 million',
      quote: 'Aquaterra received a $300 million grant for the Riverside filter plant.',
    }),
    fact({
      id: 'meter-bill-senate-for',
      subject: 'Votes for the meter bill in the Senate',
      keywords: ['meter bill', 'vote'],
      value: { kind: 'count', amount: 61, nouns: ['votes'] },
      text: '61',
      quote: 'The Senate approved the meter bill by 61 to 38.',
      asOf: '2024-05',
    }),
  ],
};

let index: FactIndex | undefined;

export function waterIndex(): FactIndex {
  if (!index) {
    const { base, problems } = parseFactBase(JSON.stringify(FACTS), 'water.json');
    assert.deepEqual(problems, []);
    index = buildIndex(base!);
  }
  return index;
}

/** The index of a small fact base a test writes: its facts (their source `s`) and entities; it must load without problems. */
export function indexOfFacts(facts: object[], entities: object[] = [], terms: object[] = []): FactIndex {
  const { base, problems } = parseFactBase(JSON.stringify({ version: 1, entities, terms, sources: [{ id: 's', title: 'Report' }], facts }), 'test.json');
  assert.deepEqual(problems, []);
  return buildIndex(base!);
}

/**
 * A date fact for `indexOfFacts`: the day `iso` ("2024-06-10", also its `asOf`), which its quote writes as `text`; `fields`
 * (subject, keywords, entities, frame) over it. The subject defaults to the id.
 */
export function datedFact(id: string, iso: string, text: string, quote: string, fields: Record<string, unknown> = {}): object {
  const [year, month, day] = iso.split('-').map(Number);
  return { id, subject: id, keywords: [], value: { kind: 'date', year, month, day }, text, quote, source: 's', asOf: iso, ...fields };
}

/**
 * What matching against `index` found for the figure of `draft` whose text is `figure` (or, given a pattern, the first
 * whose text it matches): each fact considered, by id, with its evidence.
 */
export function consideredIn(index: FactIndex, draft: string, figure: string | RegExp): Map<string, Evidence> {
  const x = extract(draft);
  const claim = x.claims.find((c) => (typeof figure === 'string' ? c.text === figure : figure.test(c.text)));
  assert.ok(claim, `"${figure}" is a figure of "${draft}"; found ${x.claims.map((c) => `"${c.text}"`).join(', ')}`);
  const out = new Map<string, Evidence>();
  for (const e of matchClaim(index, x, claim, true).considered ?? []) out.set(e.profile.fact.id, e);
  return out;
}

/** The rule that ruled `factId` out for the figure, matched against `index`; "admitted"; or "not considered". */
export function outcomeIn(index: FactIndex, draft: string, figure: string | RegExp, factId: string): string {
  const e = consideredIn(index, draft, figure).get(factId);
  if (!e) return 'not considered';
  return e.rejected?.rule ?? 'admitted';
}

/** What matching found for the figure `figure` of `draft` against the water works: each fact considered, by id, with its evidence. */
export function considered(draft: string, figure: string): Map<string, Evidence> {
  return consideredIn(waterIndex(), draft, figure);
}

/** The rule that ruled `factId` out for the figure, against the water works, or "admitted". */
export function outcome(draft: string, figure: string, factId: string): string {
  return outcomeIn(waterIndex(), draft, figure, factId);
}

/** The frame of the first figure of `draft`, read with the water works' knowledge. */
export function frameOf(draft: string): Frame {
  const x = extract(draft);
  assert.ok(x.claims.length, `"${draft}" has a figure`);
  return readFrame(x, x.claims[0], waterIndex().knowledge);
}

/** Each finding of a check of `draft` against `index` (the water works unless given), as "verdict figure fact". */
export function verdictsIn(draft: string, index: FactIndex = waterIndex()): string[] {
  return checkText(draft, index).findings.map((f) => `${f.verdict} ${f.claim.text} ${f.fact?.id}`);
}
