import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText } from '../../../server/src/engine/check';
import { sibling } from '../../../server/src/engine/match/rules/sibling';
import { considered, indexOfFacts, outcome, outcomeIn, waterIndex } from './harness';

test('sibling: has a name and a description', () => {
  assert.equal(sibling.name, 'sibling');
  assert.ok(sibling.description.length > 20);
});

test("sibling: another figure of the source's sentence that disagrees makes another event", () => {
  // 3 against is not the 2 of that vote
  assert.equal(outcome('The council approved the dam in a 6-3 vote.', '6', 'council-vote-for'), sibling.name);
  assert.equal(outcome('The council approved the dam in a 6-2 vote.', '6', 'council-vote-for'), 'admitted');
});

test('sibling: a sum beside the figure is a parallel item, not another figure of its event', () => {
  // "$20 million to parks" is no restatement of the source's "$12 million to pumps": it says nothing of which budget.
  assert.equal(outcome('The 2024 budget gives $30 million to pipes and $20 million to parks.', '$30 million', 'budget-pipes'), 'admitted');
});

test("sibling: the paragraph's last tally names the vote a count belongs to", () => {
  // "6-3" is not the source's 5-4 vote, so the engineers counted after it are that other vote's.
  assert.equal(outcome('The board vote on the plant was 6-3. Notably, 2 engineers voted in favour.', '2 engineers', 'plant-engineers-for'), sibling.name);
  assert.equal(outcome('The board vote on the plant was 5-4. Notably, 2 engineers voted in favour.', '2 engineers', 'plant-engineers-for'), 'admitted');
  // A tally in the count's own sentence is judged there, not here; a tally of another vote earlier does not count once a later one is given.
  assert.equal(
    outcome('The board vote on the plant was 6-3. The appeal vote was 5-4. Notably, 2 engineers voted in favour.', '2 engineers', 'plant-engineers-for'),
    'admitted',
  );
});

test("sibling: a tally is compared with the fact's own vote, not another vote its source's sentence gives", () => {
  // The source gives the House's 300-100 and the Senate's 60-40: 100 against is the House's, so this is the House vote.
  assert.equal(outcome('The levy passed the House 300-100.', '300', 'levy-house-for'), 'admitted');
  assert.equal(outcome('The levy passed the House 300-12.', '300', 'levy-house-for'), sibling.name);
});

test("sibling: a date of another event than the source's date does not make another event", () => {
  // The source dates the signing (November 15); "approved in March" dates the approval, another event of the same loan.
  assert.notEqual(outcome('In March 2024 the board approved a $45 million loan to Hydrocorp.', '$45 million', 'hydrocorp-loan'), sibling.name);
  // A date of the signing itself that disagrees does.
  assert.equal(outcome('The $45 million loan to Hydrocorp was signed on March 3, 2024.', '$45 million', 'hydrocorp-loan'), sibling.name);
});

test("sibling: a figure the source's own sentence gives is no other event's", () => {
  // "May 2024" is in the source's sentence too, beside the spending date; only another date would be another grant.
  assert.notEqual(outcome('In May 2024, the $15 million pump grant to Aquaterra was the largest.', '$15 million', 'pump-grant'), sibling.name);
});

test("sibling: the other side of the figure's tally, the very count of the fact's vote, names that vote", () => {
  const found = (draft: string) => checkText(draft, waterIndex()).findings.map((f) => `${f.claim.text}:${f.verdict}:${f.fact.id}`);
  // The meter bill passed the Senate 61 to 38: "65-38" keeps its 38 against, so its 65 is a wrong count of that vote.
  assert.equal(considered('The bill passed 65-38.', '65').get('meter-bill-senate-for')?.tallyPinned, true);
  assert.deepEqual(found('The bill passed 65-38.'), ['65:conflict:meter-bill-senate-for']);
  assert.deepEqual(found('Senators approved it 65 to 38.'), ['65:conflict:meter-bill-senate-for']);
  // Another count against names no vote; nor does one beside words of another measure ("the pipes bill").
  assert.deepEqual(found('The bill passed 65-40.'), []);
  assert.equal(considered('The pipes bill passed 65-38.', '65').get('meter-bill-senate-for')?.tallyPinned, undefined);
  assert.deepEqual(found('The pipes bill passed 65-38.'), []);
});

test('sibling: a count whose quote gives no tally is of the vote its source reported that day, and a tally in its sentence names the vote', () => {
  // The source reports the council's 7-2 vote, and, in another sentence, the 2 engineers who voted against.
  assert.equal(
    outcome('The Riverside council approved the dam 6-3, with 4 engineers voting against it.', '4 engineers', 'council-engineers-against'),
    sibling.name,
  );
  assert.equal(
    outcome('The Riverside council approved the dam 7-2, with 4 engineers voting against it.', '4 engineers', 'council-engineers-against'),
    'admitted',
  );
  // A count of something else from that day's source is no side of the vote.
  assert.equal(outcome('The Riverside council approved the dam 6-3, and it will serve 6,000 homes.', '6,000 homes', 'council-homes-helped'), 'admitted');
  // A tally in a relative clause recalls an earlier vote.
  assert.equal(
    outcome(
      'The dam, which the Riverside council approved 6-3 last year, stalled after 4 engineers voted against it.',
      '4 engineers',
      'council-engineers-against',
    ),
    'admitted',
  );
});

test('sibling: a count beside a sum that contradicts the count the source’s sum is for makes it another sum', () => {
  // The source: "$40 million on 12 new miles of pipes". Three miles for $10 million are a part of it, or another stretch.
  assert.equal(outcome('It covers 3 miles of river pipes ($10 million) and 9 miles of street pipes.', '$10 million', 'pipe-miles-money'), sibling.name);
  assert.equal(outcome('The board will spend $45 million on 12 miles of pipes.', '$45 million', 'pipe-miles-money'), 'admitted');
});

test("sibling: a figure that is the source sentence's other figure, with other words at it, is that one, not a wrong one of the fact's", () => {
  const index = indexOfFacts([
    {
      id: 'engineer-prison',
      subject: "The engineer's prison term",
      keywords: ['prison', 'sentenced'],
      value: { kind: 'duration', amount: 40, unit: 'month' },
      text: '40 months',
      quote: 'The engineer, who was sentenced, received 40 months in prison and two years of supervised release.',
      source: 's',
      asOf: '2024-05-01',
    },
  ]);
  const draft = 'The engineer, the first to be sentenced, got four years in prison, followed by two years of supervised release.';
  assert.equal(outcomeIn(index, draft, 'four years', 'engineer-prison'), 'admitted');
  assert.equal(outcomeIn(index, draft, 'two years', 'engineer-prison'), sibling.name);
  // With the fact's own measure at it, or none of the other figure's words, it is a wrong one (found in review).
  assert.equal(outcomeIn(index, 'The engineer, the first to be sentenced, got two years of prison.', 'two years', 'engineer-prison'), 'admitted');
  assert.equal(outcomeIn(index, 'The engineer, the first to be sentenced, got two years in prison.', 'two years', 'engineer-prison'), 'admitted');
  // The old value of a change the quote gives ("raised from $2 to $3") is the old one, and wrong.
  const fare = indexOfFacts([
    {
      id: 'bus-fare',
      subject: 'Bus fare in Riverside',
      keywords: ['fare'],
      entities: ['Riverside'],
      value: { kind: 'money', amount: 3, unit: 'USD' },
      text: '$3',
      quote: 'Riverside raised its bus fare from $2 to $3 in 2024.',
      source: 's',
      asOf: '2024-05-01',
    },
  ]);
  assert.equal(outcomeIn(fare, 'Riverside charges riders $2 under its fare rules.', '$2', 'bus-fare'), 'admitted');
});
