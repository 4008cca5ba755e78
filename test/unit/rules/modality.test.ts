import assert from 'node:assert/strict';
import { test } from 'node:test';
import { modality } from '../../../server/src/engine/match/rules/modality';
import { frameOf, outcome } from './harness';

test('modality: has a name and a description', () => {
  assert.equal(modality.name, 'modality');
  assert.ok(modality.description.length > 20);
});

test('modality: a possibility is not compared with a statement of fact', () => {
  // "if" makes it a possibility
  assert.equal(outcome('The Riverside dam could cost $3 billion if the rains delay it.', '$3 billion', 'dam-cost'), modality.name);
  assert.equal(outcome('The Riverside dam will cost $3 billion.', '$3 billion', 'dam-cost'), 'admitted');
});

test("modality: a condition inside a relative clause is not the figure's", () => {
  // The comma after the condition is followed by the sentence's own verb: the "if" belonged to "which ...".
  assert.equal(outcome('The Riverside dam, which may flood fields if the rains come early, will cost $3 billion.', '$3 billion', 'dam-cost'), 'admitted');
  assert.equal(outcome('If the rains come early, the Riverside dam will cost $3 billion.', '$3 billion', 'dam-cost'), modality.name);
});

test('modality: the sentence resumes after a relative clause with a verb of its own, not only an auxiliary', () => {
  assert.equal(outcome('The Riverside dam, which may flood fields if the rains come early, costs $3 billion.', '$3 billion', 'dam-cost'), 'admitted');
});

test('modality: a condition that opens the figure’s clause makes its future a possibility, past a relative clause inside it', () => {
  const meters = (draft: string) => outcome(draft, '14,000 smart meters', 'meters-installed');
  assert.equal(meters('Officials said that if everyone who is eligible claims the rebate, 14,000 smart meters will be installed in Hillford.'), modality.name);
  // No condition, or one inside a relative clause of its own: the figure is the fact's to judge.
  assert.equal(meters('The board said 14,000 smart meters will be installed in Hillford.'), 'admitted');
  assert.equal(meters('The plan, which critics said could be cut if costs rose, has installed 14,000 smart meters in Hillford.'), 'admitted');
});

test('modality: "would" after a verb that reports a finding is the future of what was found, not a possibility', () => {
  // The source: "The Riverside dam will cost $2.4 billion, the water board said."
  assert.equal(outcome('A study released on Monday, finding the Riverside dam would cost $3 billion, drew protests.', '$3 billion', 'dam-cost'), 'admitted');
  assert.equal(outcome('An engineer estimated that the Riverside dam would cost $3 billion.', '$3 billion', 'dam-cost'), 'admitted');
  // Unreported, or under a condition, it is still a possibility.
  assert.equal(outcome('The Riverside dam would cost $3 billion.', '$3 billion', 'dam-cost'), modality.name);
  assert.equal(outcome('The study found the Riverside dam would cost $3 billion if built this year.', '$3 billion', 'dam-cost'), modality.name);
  // "projects" there is a noun, not a verb that reports a finding.
  assert.equal(outcome('The new projects would cost $3 billion, the Riverside dam among them.', '$3 billion', 'dam-cost'), modality.name);
});

test('modality: what a bill or a law "would" do states its terms, not a possibility', () => {
  // The source: "The Clean Pipes Act will cost $120 million over five years."
  assert.equal(outcome('The Clean Pipes Act would cost $150 million over five years.', '$150 million', 'pipes-act-cost'), 'admitted');
  assert.equal(outcome('The Clean Pipes Act bill would cost $150 million over five years.', '$150 million', 'pipes-act-cost'), 'admitted');
  // What something else would do is still a possibility.
  assert.equal(outcome('The Clean Pipes Act repairs would cost $150 million over five years.', '$150 million', 'pipes-act-cost'), modality.name);
});

test('modality: a clause opened by "after" (or "because", "when") with a verb in the past states what happened, whatever the main clause threatened', () => {
  assert.equal(frameOf('The utility threatened to close, even after the board provided $30 million in loans.').modality, 'fact');
  assert.equal(frameOf('The utility threatened to close the plant and provide $30 million in loans.').modality, 'intent');
});

test('modality: what one expects to do is a plan; what a thing is expected to cost is an estimate', () => {
  assert.equal(outcome('The water board expects to build the Riverside dam for $3 billion.', '$3 billion', 'dam-cost'), modality.name);
  assert.equal(frameOf('The water board expects to build the Riverside dam for $3 billion.').modality, 'intent');
  assert.equal(frameOf('The Riverside dam is expected to cost $3 billion.').modality, 'fact');
});

test('modality: after a determiner, "claims" is a noun, so the plan before it still governs the figure', () => {
  assert.equal(frameOf('The water board is considering to cut the Hydrocorp claims for damages to $5 million.').modality, 'intent');
  assert.equal(frameOf('The water board is considering to cut the claims for damages to $5 million.').modality, 'intent');
  // A verb of saying starts what is said: the plan before it is not the figure's.
  assert.equal(frameOf('The water board is considering a new dam, and Hydrocorp claims its cost reached $5 million.').modality, 'fact');
});

test("modality: a sentence that opens on a condition makes what only may follow it a possibility, not a deal's terms or a past", () => {
  assert.equal(frameOf('If the pumps fail, the plant may stay shut until the next tide, which will not come for 14 days.').modality, 'hypothetical');
  assert.equal(frameOf('If the pumps fail, the plant could stay shut until the tide, which will not come for 14 days.').modality, 'hypothetical');
  // A deal's or a bill's terms, once passed: "will", or a condition on its approval.
  assert.equal(frameOf('If the levy passes, the board will hire staff, fix roads, and pay $15 million for pumps.').modality, 'fact');
  assert.equal(frameOf('If approved, the plan could hire staff, fix roads, and pay $15 million for pumps.').modality, 'fact');
  // What did happen, after the modal.
  assert.equal(frameOf('If the pumps fail, the board could close the plant, which reopened 14 days ago.').modality, 'fact');
});

test('modality: a word of intention that is part of a name ("Plan" in a law\'s name) is no intention; in a headline set in title case it is the verb', () => {
  assert.equal(frameOf('The Riverside Flood Plan Act of 2021 is a $3 billion package for the dam and its levees.').modality, 'fact');
  assert.equal(frameOf('The Riverside flood plan is to spend $3 billion on the dam and its levees.').modality, 'intent');
  assert.equal(frameOf('Governor Plans $3 Billion Dam for Riverside').modality, 'intent');
  // A headline lowers its small words, prepositions of four letters too; a bracket before a sentence does not make it one.
  assert.equal(frameOf('Governor Plans $3 Billion Dam from Riverside over Border with Hillford').modality, 'intent');
  assert.equal(frameOf('(Plans call for $3 billion for the Riverside dam and its levees.)').modality, 'intent');
});

test('modality: "would" after "announced" reports what was announced, as after "said"; unannounced it is a possibility', () => {
  assert.equal(frameOf('The governor announced that the state would be providing $3 million for the Riverside dam.').modality, 'fact');
  assert.equal(frameOf('The governor hinted that the state would be providing $3 million for the Riverside dam.').modality, 'hypothetical');
  // Only an announcement that governs the "would": not one in an aside, or in a clause of its own.
  assert.equal(frameOf('The company, which announced layoffs last year, would need $3 million to repair the Riverside dam.').modality, 'hypothetical');
  assert.equal(frameOf('The company announced layoffs and would need $3 million to repair the Riverside dam.').modality, 'hypothetical');
  assert.equal(frameOf('The state would be providing $3 million for the Riverside dam.').modality, 'hypothetical');
});

test('modality: "would" tells a document\'s terms after "that" about it, after an aside about it, or under it', () => {
  const modalityOf = (draft: string) => frameOf(draft).modality;
  assert.equal(modalityOf('The council passed legislation that would cost $150 million over five years.'), 'fact');
  assert.equal(modalityOf('The Clean Pipes Act, which the council favours, would cost $150 million over five years.'), 'fact');
  assert.equal(modalityOf('Under the new agreement, the county would pay $150 million over five years.'), 'fact');
  // Not about a document: still a possibility.
  assert.equal(modalityOf('The council backed repairs that would cost $150 million over five years.'), 'hypothetical');
  assert.equal(modalityOf('The repairs, which the council favours, would cost $150 million over five years.'), 'hypothetical');
  assert.equal(modalityOf('Under the new rules, the county would pay $150 million over five years.'), 'hypothetical');
  // The document must head what the aside or "Under" is about.
  assert.equal(modalityOf('Opponents of the bill, led by the mayor, would cut $150 million over five years.'), 'hypothetical');
  assert.equal(modalityOf('Under pressure from the bill, the county would pay $150 million over five years.'), 'hypothetical');
  // A sentence that opens on a quotation mark is still opened by what follows it.
  assert.equal(modalityOf('"Under the new agreement, the county would pay $150 million over five years."'), 'fact');
});

test('modality: "could not" tells what was not possible, a past fact; "could" alone a possibility', () => {
  assert.equal(outcome('Hydrocorp admitted it could not pay for the Riverside dam, which cost $3 billion.', '$3 billion', 'dam-cost'), 'admitted');
  assert.equal(outcome('Hydrocorp admitted it could not meet the $3 billion cost of the Riverside dam.', '$3 billion', 'dam-cost'), 'admitted');
  assert.equal(outcome('Hydrocorp admitted it could meet the $3 billion cost of the Riverside dam.', '$3 billion', 'dam-cost'), modality.name);
  // Under a condition, or before a limit, it is still a possibility: "without the loan", "could not cost more than".
  assert.equal(outcome('Without the loan, Hydrocorp could not meet the $3 billion cost of the Riverside dam.', '$3 billion', 'dam-cost'), modality.name);
  assert.equal(outcome('The Riverside dam could not cost more than $3 billion, the board said.', '$3 billion', 'dam-cost'), modality.name);
});
