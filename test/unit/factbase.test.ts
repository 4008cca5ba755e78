import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFactBase, parseFactBaseBytes } from '../../server/src/engine/factbase/parse';
import { bundledFactBasePath, loadFactBaseFile } from '../../server/src/factfiles';

const good = () => ({
  version: 1,
  sources: [{ id: 's1', description: 'A test source' }],
  facts: [
    {
      id: 'f1',
      subject: 'Widget exports',
      keywords: ['widget'],
      value: { kind: 'money', amount: 5e9 },
      text: '$5 billion',
      quote: 'Widget exports were $5 billion.',
      source: 's1',
      asOf: '2025-01',
    },
  ],
});

test('the bundled fact base loads without problems and covers both sources', () => {
  const r = loadFactBaseFile(bundledFactBasePath());
  assert.deepEqual(r.problems, []);
  assert.ok(r.base!.facts.length >= 20);
  assert.deepEqual(new Set(r.base!.facts.map((f) => f.source.id)).size, 2);
});

test('malformed JSON is reported with line and column', () => {
  const r = parseFactBase('{\n  "version": 1,\n  "sources": [\n  ,]\n}', 'bad.json');
  assert.equal(r.base, undefined);
  assert.ok(r.problems.length > 0);
  assert.equal(r.problems[0].file, 'bad.json');
  assert.equal(r.problems[0].line, 4);
  assert.match(r.problems[0].message, /invalid JSON/);
});

test('schema errors name the fact, the field and the line', () => {
  const j = good();
  delete (j.facts[0] as Partial<(typeof j.facts)[0]>).quote;
  (j.facts[0].value as Record<string, unknown>).kind = 'moneys';
  const text = JSON.stringify(j, null, 2);
  const r = parseFactBase(text, 'f.json');
  const msgs = r.problems.map((p) => p.message);
  assert.ok(
    msgs.some((m) => /fact "f1" \(facts\[0\]\): missing required property "quote"/.test(m)),
    msgs.join('\n'),
  );
  const kind = r.problems.find((p) => p.pointer === '/facts/0/value/kind');
  assert.ok(kind, 'error points at the kind');
  assert.equal(kind!.line, text.slice(0, text.indexOf('"moneys"')).split('\n').length);
});

test('semantic checks: duplicate ids, unknown sources, inverted ranges, text that contradicts the value', () => {
  const j = good();
  j.facts.push({ ...j.facts[0] });
  j.facts.push({ ...j.facts[0], id: 'f2', source: 'nope' });
  j.facts.push({ ...j.facts[0], id: 'f3', value: { kind: 'percent', min: 50, max: 30 } as never, text: '30% to 50%' });
  j.facts.push({ ...j.facts[0], id: 'f4', text: '$8 billion' });
  const msgs = parseFactBase(JSON.stringify(j, null, 2), 'f.json').problems.map((p) => p.message);
  assert.ok(
    msgs.some((m) => /duplicate fact id "f1"/.test(m)),
    msgs.join('\n'),
  );
  assert.ok(msgs.some((m) => /unknown source "nope"/.test(m)));
  assert.ok(msgs.some((m) => /min 50 must be below max 30/.test(m)));
  assert.ok(msgs.some((m) => /text "\$8 billion" does not state the value/.test(m)));
});

test('non-UTF-8 bytes are reported at their line', () => {
  const bytes = Buffer.concat([Buffer.from('{\n"version": 1,\n"x": "caf'), Buffer.from([0xe9]), Buffer.from('"}')]);
  const r = parseFactBaseBytes(bytes, 'latin1.json');
  assert.equal(r.problems.length, 1);
  assert.equal(r.problems[0].line, 3);
  assert.match(r.problems[0].message, /not valid UTF-8/);
});

test('a missing file is a problem, not a crash', () => {
  const r = loadFactBaseFile('/nonexistent/facts.json');
  assert.match(r.problems[0].message, /no such file/);
});

test('a byte-order mark is accepted, from disk bytes and from an editor buffer alike, without shifting positions', () => {
  const text = '\ufeff' + JSON.stringify(good(), null, 2);
  assert.deepEqual(parseFactBase(text, 'f.json').problems, []);
  assert.deepEqual(parseFactBaseBytes(new TextEncoder().encode(text), 'f.json').problems, []);
  const broken = parseFactBase('\ufeff{\n  "version": 1,\n  "x": 2\n}', 'f.json').problems;
  assert.ok(
    broken.some((p) => p.line === 3 && p.column === 3),
    JSON.stringify(broken),
  );
});

test('a zero is stated by "0%", and a time of day ("2 a.m.") ends no sentence of a quote', () => {
  const withFact = (fact: Record<string, unknown>) => {
    const base = good();
    Object.assign(base.facts[0], fact);
    return parseFactBase(JSON.stringify(base), 'f.json').problems.map((p) => p.message);
  };
  assert.deepEqual(withFact({ value: { kind: 'percent', amount: 0 }, text: '0%', quote: 'Widget tariffs fell to 0% in May.' }), []);
  assert.deepEqual(withFact({ quote: 'Just before 2 a.m. Saturday, widget exports reached $5 billion.' }), []);
  // Titles the engine reads as ending no sentence end none in a quote either ("Gov.", "Sen.", "Gen.").
  assert.deepEqual(withFact({ quote: 'Gov. Ann Lee said widget exports reached $5 billion.' }), []);
  assert.deepEqual(withFact({ quote: 'Widget exports reached $5 billion, Sen. Ann Lee said.' }), []);
  // Two sentences are still two.
  assert.equal(withFact({ quote: 'Widget exports grew. They reached $5 billion.' }).length, 1);
});
