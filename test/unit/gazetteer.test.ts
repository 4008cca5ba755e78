import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildGazetteer, findMentions } from '../../server/src/engine/knowledge/gazetteer';
import { tokenize } from '../../server/src/engine/text/tokens';

const names = (g: ReturnType<typeof buildGazetteer>, text: string) => {
  const tokens = tokenize(text);
  return findMentions(g, tokens, 0, tokens.length - 1, { sentenceFirst: 0 }).map((m) => m.entity);
};

test("a built-in short form that spells a fact base's new name is that name's, unless the fact base names the built-in one", () => {
  // The built-in list has "FRA" for the Federal Railroad Administration.
  assert.deepEqual(names(buildGazetteer(), 'The FRA would cap spending.'), ['federal-railroad-administration']);
  // A fact base about the Fiscal Responsibility Act means that law by it.
  assert.deepEqual(names(buildGazetteer([], ['Fiscal Responsibility Act']), 'The FRA would cap spending.'), ['fiscal-responsibility-act']);
  // One that names both keeps the built-in reading; a name whose initials no one uses gets none.
  assert.deepEqual(names(buildGazetteer([], ['Fiscal Responsibility Act', 'Federal Railroad Administration']), 'The FRA would cap spending.'), [
    'federal-railroad-administration',
  ]);
  assert.deepEqual(names(buildGazetteer([], ['Storm Water Act']), 'The SWA would cap spending.'), []);
  // Two-letter forms are too common to hand over: "DC" stays the District of Columbia beside a fact base's "Dade County".
  assert.deepEqual(names(buildGazetteer([], ['Dade County']), 'The DC council met.'), names(buildGazetteer(), 'The DC council met.'));
});

test('a capital after a colon opens a clause: "Nearly" there is no name', () => {
  const g = buildGazetteer();
  assert.deepEqual(names(g, 'Standard deduction: Nearly doubled to $24,000 for couples.'), []);
  // A name after a colon is still a name.
  assert.deepEqual(names(g, 'Standard deduction: Riverside Holdings doubled it.'), ['name:riverside holdings']);
  // Mid-sentence, an unknown capitalised word is a name.
  assert.deepEqual(names(g, 'The deduction was doubled by Nearly Corp.'), ['name:nearly corp.']);
});

test('"US House", "US Senate" and "US Congress" name the chambers, as "U.S. House" does', () => {
  const g = buildGazetteer();
  assert.deepEqual(names(g, 'The US House passed it, and the US Senate and the US Congress agreed.'), ['house-of-representatives', 'senate', 'congress']);
});

test('a name nobody listed that ends in "Act" or "Law" is a law, and a capitalised "First" inside a name is part of it', () => {
  const g = buildGazetteer();
  const tokens = tokenize('The bill, the Families First Coronavirus Response Act, was signed.');
  const found = findMentions(g, tokens, 0, tokens.length - 1, { sentenceFirst: 0 });
  assert.deepEqual(
    found.map((m) => `${m.entity}:${m.kind}`),
    ['name:families first coronavirus response act:programme'],
  );
  // A name the fact base lists without a kind is a law when it ends so.
  const withFacts = buildGazetteer([], ['Storm Water Act', 'Storm Water Board']);
  assert.equal(withFacts.entities.get('storm-water-act')?.kind, 'programme');
  assert.equal(withFacts.entities.get('storm-water-board')?.kind, 'name');
});

test('"the Port of Geneva" is the name "Geneva Port" is, a city opening an organisation\'s name; "of" and a country is not', () => {
  const g = buildGazetteer();
  assert.deepEqual(names(g, 'Cargo piled up at the Port of Geneva last week.'), ['name:geneva port']);
  assert.deepEqual(names(g, 'Cargo piled up at Geneva Port last week.'), ['name:geneva port']);
  assert.deepEqual(names(g, 'Students left the University of Geneva early.'), names(g, 'Students left Geneva University early.'));
  // A word that names no organisation, or a country after "of", leaves the names as they were.
  assert.deepEqual(names(g, 'The Lake of Geneva froze.'), ['name:lake', 'geneva']);
  assert.ok(names(g, 'The Bank of China cut its rate.').includes('china'));
});

test('a preposition inside a name is part of it ("Beyond Meat"), and "the Port of Geneva\'s" is possessive as "Geneva Port\'s" is', () => {
  const g = buildGazetteer();
  assert.deepEqual(names(g, 'Shares of Beyond Meat fell.'), ['name:beyond meat']);
  const tokens = tokenize("Cargo at the Port of Geneva's docks piled up.");
  assert.deepEqual(
    findMentions(g, tokens, 0, tokens.length - 1, { sentenceFirst: 0 }).map((m) => [m.entity, m.possessive]),
    [['name:geneva port', true]],
  );
});

test('a named day or season ("Christmas", "Black Friday", "Lunar New Year") is a time, no name of a party', () => {
  assert.deepEqual(names(buildGazetteer(), 'Traffic fell in the run-up to Christmas.'), []);
  assert.deepEqual(names(buildGazetteer(), 'Sales rose on Black Friday and over Lunar New Year.'), []);
  // A name nobody listed still is one, and so is one a holiday opens.
  assert.equal(names(buildGazetteer(), 'Traffic fell in the run-up to Christmas at Gatun Locks.').length, 1);
  assert.equal(names(buildGazetteer(), 'Ships called at Christmas Island.').length, 1);
});
