import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addFactToText, arrayEnd } from '../../server/src/addFact';
import { draftFromSelection } from '../../server/src/engine/curate/draft';
import { parseFactBase } from '../../server/src/engine/factbase/parse';
import type { FactJson, SourceJson } from '../../server/src/engine/factbase/schema';

const SOURCE: SourceJson = { id: 'courier', title: 'The Riverside Courier', url: 'https://courier.example/dam' };
const FACT: FactJson = {
  id: 'dam-cost',
  subject: 'dam cost: $2.4 billion',
  keywords: ['dam', 'cost'],
  entities: [],
  value: { kind: 'money', amount: 2.4e9, unit: 'USD' },
  text: '$2.4 billion',
  quote: 'The dam will cost $2.4 billion.',
  source: 'courier',
  asOf: '2024-05',
};

function applied(old: string, r: ReturnType<typeof addFactToText>): string {
  assert.ok(!('error' in r), JSON.stringify(r));
  let out = '';
  let last = 0;
  for (const i of r.insertions) {
    out += old.slice(last, i.at) + i.text;
    last = i.at;
  }
  return out + old.slice(last);
}

test('a new fact base file: the source and the fact, valid, with the subject selected', () => {
  const r = addFactToText(undefined, FACT, SOURCE);
  assert.ok(!('error' in r));
  const parsed = parseFactBase(r.text, 'facts.json');
  assert.deepEqual(parsed.problems, []);
  assert.equal(r.text.slice(r.select[0], r.select[1]), FACT.subject);
});

test('an existing file keeps its text; the fact goes last, indented like the file; a known source is reused', () => {
  const old = `{
    "version": 1,
    "sources": [
        { "id": "paper", "title": "Paper", "url": "https://courier.example/dam" }
    ],
    "facts": [
        {"id": "dam-cost", "subject": "Older", "value": {"kind": "money", "amount": 1, "unit": "USD"}, "text": "$1", "quote": "It costs $1.", "source": "paper", "asOf": "2020"}
    ]
}
`;
  const r = addFactToText(old, FACT, SOURCE);
  assert.ok(!('error' in r));
  const text = applied(old, r);
  assert.equal(text, r.text);
  // Everything before the insertion is as it was.
  assert.ok(text.startsWith(old.slice(0, old.indexOf('"asOf": "2020"}') + '"asOf": "2020"}'.length)));
  const parsed = parseFactBase(text, 'facts.json');
  assert.deepEqual(parsed.problems, []);
  const facts = parsed.base!.facts;
  assert.deepEqual(
    facts.map((f) => [f.id, f.source.id]),
    [
      ['dam-cost', 'paper'],
      ['dam-cost-2', 'paper'],
    ],
  );
  assert.equal(parsed.base!.sources.length, 1, 'the source with the same address is reused');
  assert.match(text, /\n {8}\{\n {12}"id": "dam-cost-2"/);
  assert.equal(text.slice(r.select[0], r.select[1]), FACT.subject);
});

test('empty lists, a new source, and a file that is not JSON', () => {
  const old = '{"version": 1, "sources": [], "facts": []}';
  const r = addFactToText(old, FACT, SOURCE);
  const parsed = parseFactBase(applied(old, r), 'facts.json');
  assert.deepEqual(parsed.problems, []);
  assert.equal(parsed.base!.sources[0].id, 'courier');
  assert.match((addFactToText('{"version": 1, "sources": [', FACT, SOURCE) as { error: string }).error, /^the fact base is not valid JSON/);
  assert.match((addFactToText('{"version": 1}', FACT, SOURCE) as { error: string }).error, /no "facts" and "sources"/);
});

test('arrayEnd finds the top-level list, not a nested one or one inside a string', () => {
  const text = '{"x": {"facts": [1]}, "note": "\\"facts\\": [", "facts": [ {"a": [2]} ]}';
  const r = arrayEnd(text, 'facts')!;
  assert.equal(text[r.open], '[');
  assert.equal(text.slice(r.open, r.close + 1), '[ {"a": [2]} ]');
});

test('a selection drafts the figure it covers; an empty one the figure at the cursor', () => {
  const doc = { name: 'dam.md', format: 'markdown' as const, text: '# Dam\n\nThe dam will cost $2.4 billion and open in 2027.\n' };
  const at = doc.text.indexOf('$2.4');
  const sel = draftFromSelection(doc, at, at + 12)!;
  assert.equal(sel.fact.text, '$2.4 billion');
  assert.equal(sel.fact.quote, 'The dam will cost $2.4 billion and open in 2027.');
  const year = doc.text.indexOf('2027') + 1;
  assert.equal(draftFromSelection(doc, year, year)!.fact.text, '2027');
  assert.equal(draftFromSelection(doc, 0, 5), undefined, 'the heading holds no figure');
  // Ids in use are not taken again.
  assert.notEqual(draftFromSelection(doc, at, at + 12, { facts: [sel.fact.id], sources: [] })!.fact.id, sel.fact.id);
});

test('a source is reused only for the same document (its copy or address), and another document with the same id is refused', () => {
  const old = JSON.stringify({ version: 1, sources: [{ id: 'report', title: 'Report', file: '../cbo/report.md' }], facts: [] }, null, 2);
  const gao: SourceJson = { id: 'report', title: 'Report', file: '../gao/report.md' };
  assert.match((addFactToText(old, { ...FACT, source: 'report' }, gao) as { error: string }).error, /another document/);
  const cbo: SourceJson = { id: 'report-2', title: 'Report', file: '../cbo/report.md' };
  const r = addFactToText(old, { ...FACT, source: 'report-2' }, cbo);
  assert.ok(!('error' in r));
  assert.equal(r.fact.source, 'report', 'the same copy: its source is reused');
});
