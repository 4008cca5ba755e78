import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTerms, conceptsOfTokens } from '../../server/src/engine/knowledge/terms';
import { tokenize } from '../../server/src/engine/text/tokens';

const concepts = (phrase: string, extra: Parameters<typeof buildTerms>[0] = []) => conceptsOfTokens(buildTerms(extra), tokenize(phrase));

test('terms: a phrase of one word and small words is read only with them ("run out", "in force", "sit down")', () => {
  // Built-in: "run out" ends something; "run" alone does not.
  assert.equal(concepts('the money will run out')[1], 'expire');
  assert.notEqual(concepts('the line will run north')[1], 'expire');
  assert.deepEqual(concepts('the rules in force'), ['rule', 'take-effect']);
  assert.notEqual(concepts('the police force')[1], 'take-effect');
  // An irregular past form meets its phrase: "ran out", "sat down".
  assert.equal(concepts('funds ran out')[1], 'expire');
  assert.equal(concepts('sat down with')[0], 'talks');
  assert.notEqual(concepts('sat on the board')[0], 'talks');
  // Words joined by a hyphen or a slash are a phrase too: "km/h" is a speed, "write-down" a charge.
  assert.equal(concepts('200 km/h winds')[0], concepts('200 mph winds')[0]);
  assert.equal(concepts('a write-down')[0], 'charge');
  // A fact base's own phrase works the same way: "blew out" is not every "blew".
  const blowout = [{ id: 'blowout', class: 'event' as const, words: ['blowout', 'blew out'] }];
  assert.equal(concepts('the well blew out', blowout)[1], 'blowout');
  assert.notEqual(concepts('the wind blew hard', blowout)[1], 'blowout');
});

test('terms: a quake or a ship that struck, or a strike, is a strike, "struck down" an annulment, and "struck a deal" keeps its deal', () => {
  // No signing: "struck a hospital" would be one too. The deal stays the measure's word.
  assert.deepEqual(concepts('they struck a deal'), ['strike', concepts('deal')[0]]);
  assert.equal(concepts('a missile struck a hospital')[1], 'strike');
  assert.equal(concepts('the quake struck')[1], 'strike');
  assert.equal(concepts('the writers strike lasted')[1], 'strike');
  assert.equal(concepts('the court struck down the law')[1], 'annul');
  assert.equal(concepts('hit with tariffs')[0], 'impose');
  assert.equal(concepts('provinces hit by the quake')[1], 'strike');
});

test('terms: those who abstained and the abstentions are one measure of a vote', () => {
  // Found on real prose: a fact that counted "11 abstained" and a draft's "11 abstentions" were two measures, so the draft
  // was held against another vote's "six abstentions".
  assert.deepEqual(concepts('11 abstained'), ['abstention']);
  assert.deepEqual(concepts('11 abstentions'), ['abstention']);
  assert.deepEqual(concepts('they abstain'), ['abstention']);
});
