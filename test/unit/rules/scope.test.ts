import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scope } from '../../../server/src/engine/match/rules/scope';
import { frameOf, indexOfFacts, outcome, outcomeIn } from './harness';

test('scope: has a name and a description', () => {
  assert.equal(scope.name, 'scope');
  assert.ok(scope.description.length > 20);
});

test('scope: a loan is not a grant, whatever it is for', () => {
  // a loan
  assert.equal(outcome('Aquaterra received a $350 million loan for the Riverside filter plant.', '$350 million', 'aquaterra-grant'), scope.name);
  assert.equal(outcome('Aquaterra received a $350 million grant for the Riverside filter plant.', '$350 million', 'aquaterra-grant'), 'admitted');
});

test('scope: a word before the measure narrows it only when the fact base names some measure by it', () => {
  // "pipes" names another fact's measure: a pipes grant is narrower than the filter plant's grant.
  assert.equal(outcome('Aquaterra received a $350 million pipes grant for the Riverside filter plant.', '$350 million', 'aquaterra-grant'), scope.name);
  // "state" names nothing here: it only describes.
  assert.equal(outcome('Aquaterra received a $350 million state grant for the Riverside filter plant.', '$350 million', 'aquaterra-grant'), 'admitted');
});

test('scope: an average is another measure than the rate a fact gives', () => {
  assert.equal(outcome("Riverside's average water tariff on factories rose to 14 percent in March 2024.", '14 percent', 'factory-rate'), scope.name);
  assert.notEqual(outcome("Riverside's water tariff on factories rose to 14 percent in March 2024.", '14 percent', 'factory-rate'), scope.name);
});

test('scope: what a sum is for goes on past "and": a grant for the plant and pumps covers more than the plant', () => {
  assert.equal(outcome('Aquaterra received a $300 million grant for the filter plant and pumps.', '$300 million', 'aquaterra-grant'), scope.name);
  assert.equal(outcome('Aquaterra received a $300 million grant for the filter plant.', '$300 million', 'aquaterra-grant'), 'admitted');
});

test('scope: the noun a figure sizes is the fact whose figure sizes it in the source, not a sibling that names it as who acts', () => {
  // The source: "The $900 million flood plan sets aside $300 million for new levees."
  assert.equal(outcome('Critics call it a $1.5 billion flood plan.', '$1.5 billion', 'flood-plan-levees'), scope.name);
  assert.equal(outcome('Critics call it a $1.5 billion flood plan.', '$1.5 billion', 'flood-plan-total'), 'admitted');
  // What the plan sets aside is the levees' sum, though the plan acts.
  assert.equal(outcome('The flood plan sets aside $1.5 billion for new levees.', '$1.5 billion', 'flood-plan-levees'), 'admitted');
});

test('scope: what changes is the noun phrase before the change verb', () => {
  // The source: "Household water demand fell by 8 percent in 2024."
  assert.equal(outcome('Factory power bills fell by 5 percent in 2024.', '5 percent', 'household-demand-drop'), scope.name);
  assert.equal(outcome('The board expects factory power bills to decrease by 5 percent in 2024.', '5 percent', 'household-demand-drop'), scope.name);
  // A verb before "to cut" names no thing.
  assert.equal(outcome('Household water demand fell by 5 percent in 2024.', '5 percent', 'household-demand-drop'), 'admitted');
  assert.equal(outcome('The board agreed to cut by 5 percent in 2024.', '5 percent', 'household-demand-drop'), 'admitted');
  // Another modifier or another head is another thing: power demand is not water demand, pipe jobs no pipe spending.
  assert.equal(outcome('Household power demand fell by 5 percent in 2024.', '5 percent', 'household-demand-drop'), scope.name);
  assert.equal(outcome('Pipe jobs fell by 5 percent in 2024.', '5 percent', 'pipe-spending-drop'), scope.name);
  assert.equal(outcome('Pipe spending fell by 5 percent in 2024.', '5 percent', 'pipe-spending-drop'), 'admitted');
});

test('scope: a date whose own noun the fact never names is that thing’s date, and so is the end of its span', () => {
  const span = 'The council passed the Clean Pipes Act in the pay period spanning March 20, 2024 to April 2, 2024.';
  assert.equal(outcome(span, 'March 20, 2024', 'pipes-act-passed'), scope.name);
  assert.equal(outcome(span, 'April 2, 2024', 'pipes-act-passed'), scope.name);
  assert.equal(outcome('The council passed the Clean Pipes Act on March 20, 2024.', 'March 20, 2024', 'pipes-act-passed'), 'admitted');
});

test('scope: things counted that a passive says had another thing befall them are another count', () => {
  assert.equal(outcome('In Lakeview, 1,200 homes were flooded by the spring storm.', '1,200 homes', 'homes-flooded'), 'admitted');
  assert.equal(outcome('In Lakeview, 1,300 homes were at least evacuated before the spring storm.', '1,300 homes', 'homes-flooded'), scope.name);
  // "The 1,300 homes were later repaired": things counted before, to which more happened.
  assert.notEqual(outcome('After the spring storm in Lakeview, the 1,300 homes were repaired.', '1,300 homes', 'homes-flooded'), scope.name);
  // A bare "-ed" after them is as often what they did.
  assert.notEqual(outcome('After the spring storm in Lakeview, 1,300 homes lodged claims.', '1,300 homes', 'homes-flooded'), scope.name);
});

test('scope: a count of things joined to another with "and" ("1,200 homes and shops") counts more than the fact', () => {
  assert.equal(outcome('The spring storm flooded 1,200 homes and shops in Lakeview over three days.', '1,200 homes', 'homes-flooded'), scope.name);
  // Not a second count ("and dozens of shops", "and 40 shops"), nor a verb.
  assert.notEqual(outcome('The spring storm flooded 1,200 homes and dozens of shops in Lakeview over three days.', '1,200 homes', 'homes-flooded'), scope.name);
  assert.notEqual(outcome('The spring storm flooded 1,200 homes and 40 shops in Lakeview over three days.', '1,200 homes', 'homes-flooded'), scope.name);
});

test('scope: an adverb of degree the fact does not share narrows what a count counts', () => {
  // Before the verb, inside the count's phrase, and in a passive after it.
  assert.equal(outcome('The spring storm badly flooded 300 homes in Lakeview.', '300 homes', 'homes-flooded'), scope.name);
  assert.equal(
    outcome('In Lakeview, 300 partially flooded homes were rebuilt after the spring storm.', '300 partially flooded homes', 'homes-flooded'),
    scope.name,
  );
  assert.equal(outcome('In Lakeview, 300 homes were severely flooded by the spring storm.', '300 homes', 'homes-flooded'), scope.name);
  // Without it, the count is the fact's.
  assert.equal(outcome('The spring storm flooded 300 homes in Lakeview.', '300 homes', 'homes-flooded'), 'admitted');
  assert.equal(frameOf('The spring storm flooded 300 homes in Lakeview.').degree, undefined);
  assert.equal(frameOf('The storm severely flooded 300 homes.').degree, 'severely');
});

test('scope: a passive in a relative clause says what befell the things counted, as one right after them does', () => {
  // "97 victims who were recovered" are not the 98 dead; "1,200 homes that were flooded" are the flooded.
  assert.equal(frameOf('In Lakeview, 300 homes that were evacuated stood empty.').befell?.word, 'evacuated');
  assert.equal(outcome('In Lakeview, 300 homes that were evacuated after the spring storm stood empty.', '300 homes', 'homes-flooded'), scope.name);
  assert.notEqual(outcome('In Lakeview, 300 homes that were flooded by the spring storm stood empty.', '300 homes', 'homes-flooded'), scope.name);
});

test('scope: a word and its negation by "un-" or "non-" are two measures', () => {
  assert.equal(outcome('In Lakeview, the spring storm spared 300 unflooded homes.', '300 unflooded homes', 'homes-flooded'), scope.name);
  assert.notEqual(outcome('In Lakeview, the spring storm flooded 300 homes.', '300 homes', 'homes-flooded'), scope.name);
  // The other way round: a fact of those unaccounted for, a figure of those accounted for.
  const index = indexOfFacts([
    {
      id: 'unaccounted',
      subject: 'People unaccounted for after the flood',
      keywords: ['unaccounted'],
      value: { kind: 'count', amount: 40, nouns: ['people'] },
      text: '40 people',
      quote: 'After the flood, 40 people were unaccounted for.',
      source: 's',
      asOf: '2024-06-01',
    },
  ]);
  const rule = (draft: string) => outcomeIn(index, draft, /people/, 'unaccounted');
  assert.equal(rule('After the flood, 120 people were accounted for.'), scope.name);
  assert.notEqual(rule('After the flood, 120 people were unaccounted for.'), scope.name);
});

test('scope: a count of what a whole comprises is not a count of what befell the things', () => {
  const index = indexOfFacts([
    {
      id: 'cars-derailed',
      subject: 'Freight cars that left the tracks',
      keywords: ['derailed', 'cars'],
      value: { kind: 'count', amount: 38, nouns: ['cars'] },
      text: '38 cars',
      quote: 'In March 2024, 38 cars were derailed near Ashby.',
      source: 's',
      asOf: '2024-03-03',
    },
  ]);
  const rule = (draft: string) => outcomeIn(index, draft, /cars/, 'cars-derailed');
  // The train's cars, across the list the count closes.
  assert.equal(rule('In March 2024, a freight train comprising two engines and 150 cars derailed near Ashby.'), scope.name);
  assert.notEqual(rule('In March 2024, 150 cars were derailed near Ashby.'), scope.name);
  // Not across a verb: the train's make-up does not reach the cars a later clause counts.
  assert.notEqual(rule('In March 2024, a train comprising two engines derailed near Ashby, and 150 cars were derailed.'), scope.name);
});

test('scope: a unit of speed, however it is spelled, is the unit and not a thing measured: "mph" is "miles per hour"', () => {
  const index = indexOfFacts([
    {
      id: 'gust-peak',
      subject: 'Strongest gust measured at the reservoir during the storm',
      keywords: ['gust', 'gusts'],
      value: { kind: 'count', amount: 92, nouns: ['mph', 'miles per hour'] },
      text: '92 miles per hour',
      quote: 'The strongest gust at the reservoir reached 92 miles per hour.',
      source: 's',
      asOf: '2024-03',
    },
  ]);
  assert.equal(outcomeIn(index, 'The strongest gust at the reservoir reached 95 mph.', '95 mph', 'gust-peak'), 'admitted');
  assert.equal(outcomeIn(index, 'The strongest gust at the reservoir reached 150 kph.', '150 kph', 'gust-peak'), 'admitted');
});

test('scope: a limit is another measure than the figure a fact gives ("a maximum grant of $350 million")', () => {
  assert.equal(
    outcome('Under the Clean Pipes Act, Aquaterra faced a maximum grant of $350 million for the Riverside filter plant.', '$350 million', 'aquaterra-grant'),
    scope.name,
  );
  assert.equal(
    outcome('Under the Clean Pipes Act, Aquaterra received a grant of $350 million for the Riverside filter plant.', '$350 million', 'aquaterra-grant'),
    'admitted',
  );
});

test('scope: a preposition ("along", "through") in what a figure is for names no other thing; a noun there still does', () => {
  const index = indexOfFacts([
    {
      id: 'wall',
      subject: 'Funding demanded for the border wall',
      keywords: ['border wall'],
      value: { kind: 'money', amount: 5.7e9, unit: 'USD' },
      text: '$5.7 billion',
      quote: 'The mayor demanded $5.7 billion for a border wall.',
      source: 's',
      asOf: '2024-01-01',
    },
  ]);
  const wall = (draft: string) => outcomeIn(index, draft, '$9 billion', 'wall');
  assert.equal(wall('The mayor demanded $9 billion for a wall along the border.'), 'admitted');
  assert.equal(wall('The mayor demanded $9 billion for a wall through the border towns.'), 'admitted');
  assert.equal(wall('The mayor demanded $9 billion for a wall and housing along the border.'), scope.name);
  assert.equal(wall('The mayor demanded $9 billion for roads along the border.'), scope.name);
});

test('scope: a reflexive pronoun ("will itself cost") names no thing a figure is about', () => {
  assert.equal(outcome('The Riverside dam will itself cost $2.9 billion.', '$2.9 billion', 'dam-cost'), 'admitted');
});

test('scope: a date inside a noun phrase dates the noun after it, not the verb that governs the phrase', () => {
  const index = indexOfFacts(
    [
      {
        id: 'plan-announced',
        subject: 'Day the board announced the filter plan',
        keywords: ['announced', 'announcement'],
        value: { kind: 'date', year: 2024, month: 3, day: 4 },
        text: 'March 4, 2024',
        quote: 'The water board made the announcement on March 4, 2024.',
        source: 's',
        asOf: '2024-03-04',
      },
    ],
    [{ name: 'Water Board', kind: 'agency' }],
  );
  const announced = (draft: string, figure: string) => outcomeIn(index, draft, figure, 'plan-announced');
  // A headline: the May 2024 rates are what was announced, not the day it was.
  assert.equal(announced('Water Board Announces Riverside May 2024 Reimbursement Rates', 'May 2024'), scope.name);
  // After a preposition, capitalised as headlines write it, the date says when.
  assert.notEqual(announced('Water Board Announces In May 2024 Reimbursement Rates', 'May 2024'), scope.name);
});
