/**
 * Hostile fact bases: each must give precise problems (file, line, column, message), never a
 * crash or a hang, and the CLI must exit 2 naming the file and position.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { MAX_PROBLEMS } from '../../server/src/engine/factbase/parse';
import { loadFactBaseFile } from '../../server/src/factfiles';

const root = path.join(__dirname, '..', '..', '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factcheck-hostile-'));
const MB = 1024 * 1024;

function fact(over: Record<string, unknown> = {}, value: Record<string, unknown> = { kind: 'money', amount: 5e6, unit: 'USD' }) {
  return {
    id: 'a',
    subject: 'The budget',
    keywords: ['budget'],
    value,
    text: '$5 million',
    quote: 'The budget is $5 million.',
    source: 's',
    asOf: '2025',
    ...over,
  };
}
/** 1-based line of the first occurrence of `needle`. */
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
const base = (facts: unknown[], sources: unknown[] = [{ id: 's', title: 'T' }]) => JSON.stringify({ version: 1, sources, facts }, null, 2);

/** Each case: file content, a message the curator must see, and the 1-based line it must be on. */
const CASES: Array<{ name: string; content: string | Buffer; message: RegExp; line?: number }> = [
  { name: 'malformed JSON', content: '{\n  "version": 1,\n  "facts": [\n}', message: /invalid JSON/, line: 4 },
  { name: 'empty file', content: '', message: /invalid JSON/ },
  {
    name: 'wrong type',
    content: base([fact({ keywords: 'budget' })]),
    message: /field "keywords": must be an array/,
    line: lineOf(base([fact({ keywords: 'budget' })]), '"keywords": "budget"'),
  },
  { name: 'duplicate ids', content: base([fact(), fact()]), message: /duplicate fact id "a"/ },
  { name: 'unknown source id', content: base([fact({ source: 'nope' })]), message: /unknown source "nope"/ },
  { name: 'empty value', content: base([fact({ text: '' })]), message: /text/ },
  { name: 'absurd amount', content: base([fact({}, { kind: 'money', amount: 1e300, unit: 'USD' })]), message: /out of range/ },
  { name: 'negative amount', content: base([fact({}, { kind: 'money', amount: -5, unit: 'USD' })]), message: /-5 is out of range|must be >= 0/ },
  {
    name: 'negative range',
    content: base([fact({ text: '50% to 30%' }, { kind: 'percent', min: 50, max: 30, unit: '%' })]),
    message: /min 50 must be below max 30/,
  },
  {
    name: 'source file outside the folder',
    content: base([fact()], [{ id: 's', title: 'T', file: '../../etc/passwd' }]),
    message: /points outside the fact base's folder/,
  },
  { name: 'absolute source file', content: base([fact()], [{ id: 's', title: 'T', file: '/etc/passwd' }]), message: /points outside the fact base's folder/ },
  {
    name: 'non-UTF-8 bytes',
    content: Buffer.concat([Buffer.from('{\n  "version": 1,\n  "x": "caf'), Buffer.from([0xe9]), Buffer.from('"\n}')]),
    message: /not valid UTF-8/,
    line: 3,
  },
  { name: 'deep nesting', content: '['.repeat(MB), message: /nested more than/ },
  { name: '50 MB of garbage', content: 'x'.repeat(50 * MB), message: /invalid JSON/ },
  { name: '50 MB string', content: `{"version":1,"sources":[],"facts":[],\n"x":"${'a'.repeat(50 * MB)}"}`, message: /unknown property "x"/, line: 2 },
];

for (const c of CASES) {
  test(`hostile fact base: ${c.name}`, () => {
    const file = path.join(dir, `${c.name.replace(/\W+/g, '-')}.json`);
    fs.writeFileSync(file, c.content);
    const { base: loaded, problems } = loadFactBaseFile(file);
    assert.equal(loaded, undefined, 'nothing from a broken file is used');
    assert.ok(problems.length > 0);
    const p = problems.find((x) => c.message.test(x.message));
    assert.ok(p, `a problem says ${c.message}; got ${problems.map((x) => x.message).join(' | ')}`);
    assert.equal(p.file, file);
    assert.ok(p.line >= 1 && p.column >= 1);
    if (c.line) assert.equal(p.line, c.line, p.message);
  });
}

test('a file with 100,000 broken facts stops at the problem limit, quickly', () => {
  const file = path.join(dir, 'many.json');
  fs.writeFileSync(file, `{"version":1,"sources":[],"facts":[${'{"id":3},'.repeat(100_000)}{}]}`);
  const { problems } = loadFactBaseFile(file);
  assert.equal(problems.length, MAX_PROBLEMS + 1);
  assert.match(problems[MAX_PROBLEMS].message, /stopped after/);
});

test('the CLI exits 2 on every hostile fact base, naming file, line and column', () => {
  const draft = path.join(dir, 'draft.md');
  fs.writeFileSync(draft, 'The budget is $6 million.\n');
  for (const c of CASES.slice(0, 12)) {
    const file = path.join(dir, `${c.name.replace(/\W+/g, '-')}.json`);
    const r = spawnSync(process.execPath, [path.join(root, 'server', 'bin', 'factcheck.js'), '--facts', file, draft], { encoding: 'utf8' });
    assert.equal(r.status, 2, `${c.name}: ${r.stdout}`);
    assert.match(r.stderr, new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: error: `), c.name);
  }
});

test('a workspace fact base (.factcheck/facts.json) may name a source copy in its workspace folder, not beyond it', () => {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'factcheck-ws-'));
  fs.mkdirSync(path.join(ws, '.factcheck'));
  const file = path.join(ws, '.factcheck', 'facts.json');
  fs.writeFileSync(file, base([fact()], [{ id: 's', title: 'T', file: '../sources/plan.md' }]));
  const inside = loadFactBaseFile(file);
  assert.deepEqual(inside.problems, []);
  assert.equal(inside.base!.sources[0].file, path.join(ws, 'sources', 'plan.md'));
  fs.writeFileSync(file, base([fact()], [{ id: 's', title: 'T', file: '../../elsewhere/plan.md' }]));
  assert.match(loadFactBaseFile(file).problems[0].message, /points outside its workspace folder/);
});
