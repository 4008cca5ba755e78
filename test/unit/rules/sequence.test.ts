import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sequence } from '../../../server/src/engine/match/rules/sequence';
import { indexOfFacts, outcomeIn } from './harness';

test('sequence: has a name and a description', () => {
  assert.equal(sequence.name, 'sequence');
  assert.ok(sequence.description.length > 20);
});

const index = indexOfFacts([
  {
    id: 'second-payout',
    subject: "The fund's second payout to savers",
    keywords: ['second payout', 'payout', 'pay out'],
    value: { kind: 'money', amount: 5e9, unit: 'USD' },
    text: '$5 billion',
    quote: 'The fund will pay out $5 billion to savers on May 30.',
    source: 's',
    asOf: '2025-05-15',
  },
  {
    id: 'final-report',
    subject: 'Day the final report on the outage came out',
    keywords: ['final report', 'report', 'released'],
    value: { kind: 'date', year: 2024, month: 11, day: 16 },
    text: 'November 16, 2024',
    quote: 'The regulators released their final report on the outage on November 16, 2024.',
    source: 's',
    asOf: '2024-11-16',
  },
]);

/** The rule that ruled `id` out for the figure, "admitted", or "not considered". */
const outcome = (draft: string, figure: string, id: string) => outcomeIn(index, draft, figure, id);

test('sequence: the initial phase is not the second payout', () => {
  assert.equal(outcome('The initial phase of the payout will pay out $2 billion to savers.', '$2 billion', 'second-payout'), sequence.name);
  assert.notEqual(outcome('The second payout will pay out $2 billion to savers.', '$2 billion', 'second-payout'), sequence.name);
  // No place named: nothing to tell.
  assert.notEqual(outcome('The payout will pay out $2 billion to savers.', '$2 billion', 'second-payout'), sequence.name);
});

test('sequence: findings of a preliminary report are not the final report', () => {
  assert.equal(outcome('The report elaborates the preliminary findings released in September 2024.', 'September 2024', 'final-report'), sequence.name);
  assert.notEqual(outcome('The final report was released in September 2024.', 'September 2024', 'final-report'), sequence.name);
});

test('sequence: a share ("a third of"), a run ("second straight") or a rank ("second-largest") is no place in a series', () => {
  assert.notEqual(outcome('The fund will pay out $2 billion to savers, a third of them in Ohio.', '$2 billion', 'second-payout'), sequence.name);
  assert.notEqual(outcome('For the initial straight month, the fund will pay out $2 billion to savers.', '$2 billion', 'second-payout'), sequence.name);
  assert.notEqual(outcome('The fund, the second-largest, will pay out $2 billion to savers.', '$2 billion', 'second-payout'), sequence.name);
  // A sentence's first word is read though capitalised; a name's is not.
  assert.equal(outcome('Initial payouts will pay out $2 billion to savers.', '$2 billion', 'second-payout'), sequence.name);
});
