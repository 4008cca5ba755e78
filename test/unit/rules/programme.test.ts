import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildGazetteer, findMentions } from '../../../server/src/engine/knowledge/gazetteer';
import { programme } from '../../../server/src/engine/match/rules/programme';
import { tokenize } from '../../../server/src/engine/text/tokens';
import { indexOfFacts, outcome, outcomeIn } from './harness';

test('programme: has a name and a description', () => {
  assert.equal(programme.name, 'programme');
  assert.ok(programme.description.length > 20);
});

test('programme: a law the clause names that the fact does not involve makes the figure that law’s', () => {
  // The council passes many acts: the day it passed the Flood Relief Act is not the Clean Pipes Act's.
  assert.equal(outcome('In 2024 the council passed the Flood Relief Act on May 3.', 'May 3', 'pipes-act-passed'), programme.name);
  assert.notEqual(outcome('In 2024 the council passed the Clean Pipes Act on May 3.', 'May 3', 'pipes-act-passed'), programme.name);
  // Naming no law leaves the fact to the other rules.
  assert.notEqual(outcome('In 2024 the council passed the act on May 3.', 'May 3', 'pipes-act-passed'), programme.name);
});

test("programme: a law in the figure's own phrase is what the figure measures", () => {
  // The water bill's fact names no programme: only the reading at the figure rules it out.
  assert.equal(outcome('The council passed the $300 million Flood Relief Act as a water bill.', '$300 million', 'water-bill-size'), programme.name);
  assert.notEqual(outcome('The council passed a $300 million water bill.', '$300 million', 'water-bill-size'), programme.name);
  assert.equal(outcome('The $300 million Flood Relief Act will cost more than planned.', '$300 million', 'pipes-act-cost'), programme.name);
  assert.notEqual(outcome('The $300 million Clean Pipes Act will cost more than planned.', '$300 million', 'pipes-act-cost'), programme.name);
});

test('a name listed in two cases matches in either, capitalised or not', () => {
  // A lower-case alias once made the capitalised name match only as written in lower case.
  const g = buildGazetteer([{ name: 'Storm Fund', kind: 'programme', aliases: ['storm fund'] }]);
  for (const text of ['The Storm Fund paid out.', 'The storm fund paid out.']) {
    const tokens = tokenize(text);
    assert.deepEqual(
      findMentions(g, tokens, 0, tokens.length - 1, { sentenceFirst: 0 }).map((m) => m.entity),
      ['storm-fund'],
      text,
    );
  }
});

test('a name after "non-" names what something is not, so it is no mention', () => {
  // "Non-Pell recipients" once named the Pell Grant and tied their $10,000 to the Pell recipients' $20,000.
  const g = buildGazetteer([{ name: 'Storm Fund', kind: 'programme', aliases: ['Storm'] }]);
  const names = (text: string) => {
    const tokens = tokenize(text);
    return findMentions(g, tokens, 0, tokens.length - 1, { sentenceFirst: 0 }).map((m) => m.entity);
  };
  assert.deepEqual(names('Non-Storm Fund towns got $10 each.'), []);
  assert.deepEqual(names('The non-Storm towns got $10 each.'), []);
  assert.deepEqual(names('Storm Fund towns got $20 each.'), ['storm-fund']);
  // A spaced dash is punctuation, not the prefix.
  assert.deepEqual(names('All were non - Storm Fund towns got $20.'), ['storm-fund']);
});

test('programme: a clause that names another law, not the one the fact base is about, is that law’s', () => {
  const fact = (id: string, quote: string, value: object, text: string) => ({
    id,
    subject: id,
    keywords: ['signed'],
    entities: ['Harbor Act'],
    value,
    text,
    quote,
    source: 's',
    asOf: '2024-03-27',
  });
  // Every fact involves the Harbor Act: it is what the fact base is about, so it tells no fact apart.
  const index = indexOfFacts(
    [
      fact('harbor-signed', 'The Harbor Act was signed into law on March 27, 2024.', { kind: 'date', year: 2024, month: 3, day: 27 }, 'March 27, 2024'),
      fact('harbor-size', 'The Harbor Act, signed by the governor, costs $2 billion.', { kind: 'money', amount: 2e9, unit: 'USD' }, '$2 billion'),
    ],
    [{ name: 'Harbor Act', kind: 'programme' }],
  );
  const rule = (draft: string) => outcomeIn(index, draft, 'March 18, 2024', 'harbor-signed');
  // A law nobody listed, known as one by its name.
  assert.equal(rule('The earlier bill, the Dock Safety Act, was signed into law on March 18, 2024.'), programme.name);
  assert.notEqual(rule('The Harbor Act was signed into law on March 18, 2024.'), programme.name);
});
