import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';

const root = path.join(__dirname, '..', '..', '..');
const bin = path.join(root, 'server', 'bin', 'factcheck.js');
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });

function workspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factcheck-curate-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** Every file under dir, with its text: what a command may have written. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = fs.readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

const ARTICLE = `---
title: Riverside approves its dam
date: 2024-05-02
publisher: The Riverside Courier
url: https://courier.example/dam
---

The Riverside council approved the dam in a 7-2 vote on May 1, 2024.
The dam will cost $2.4 billion, the water board said.
It could cost $3 billion if the rains delay it.
`;

const PAGE = `<!doctype html><html><head><title>Lakeview levy | Lakeview Post</title>
<meta property="og:site_name" content="Lakeview Post">
<meta property="article:published_time" content="2024-06-10T08:00:00Z">
<link rel="canonical" href="https://post.example/levy">
<script>var x = "$9 billion";</script></head>
<body><article><h1>Lakeview levy</h1><p>The levy rose to 14&nbsp;percent in March 2024,
up from 11 percent.</p></article></body></html>`;

test('facts draft: a candidate for every figure, with its sentence, value, qualifier and the source found in the document', () => {
  const dir = workspace({ 'dam.md': ARTICLE, 'levy.html': PAGE });
  const r = run(['facts', 'draft', 'dam.md', 'levy.html'], dir);
  assert.equal(r.status, 0, r.stderr);
  const base = JSON.parse(r.stdout);
  assert.equal(base.version, 1);
  assert.deepEqual(base.sources[0], {
    id: 'riverside-approves-its-dam',
    title: 'Riverside approves its dam',
    publisher: 'The Riverside Courier',
    published: '2024-05-02',
    url: 'https://courier.example/dam',
  });
  assert.equal(base.sources[1].publisher, 'Lakeview Post');
  assert.equal(base.sources[1].published, '2024-06-10');
  assert.equal(base.sources[1].url, 'https://post.example/levy');
  const byText = new Map(base.facts.map((f: { text: string }) => [f.text, f]));
  const cost = byText.get('$2.4 billion') as Record<string, unknown>;
  assert.deepEqual(cost.value, { kind: 'money', amount: 2.4e9, unit: 'USD' });
  assert.equal(cost.quote, 'The dam will cost $2.4 billion, the water board said.');
  assert.equal(cost.asOf, '2024-05-02');
  // A possibility is a fact about a possibility, marked so in its frame.
  assert.deepEqual((byText.get('$3 billion') as { frame: unknown }).frame, { modality: 'hypothetical' });
  // The vote's two sides and its date.
  assert.deepEqual((byText.get('May 1, 2024') as { value: unknown }).value, { kind: 'date', year: 2024, month: 5, day: 1 });
  assert.ok(byText.has('7') && byText.has('2'));
  // From the page: its prose, not its script; the hard-wrapped sentence read whole.
  assert.equal((byText.get('14 percent') as { quote: string }).quote, 'The levy rose to 14 percent in March 2024, up from 11 percent.');
  assert.ok(!base.facts.some((f: { text: string }) => f.text === '$9 billion'));
  assert.match(r.stderr, /candidate facts from 2 sources/);
  // Drafted as it is, the file loads as a fact base.
  fs.writeFileSync(path.join(dir, 'drafted.json'), r.stdout);
  const test = run(['facts', 'test', '--facts', 'drafted.json'], dir);
  assert.notEqual(test.status, 2, test.stderr);
});

test('facts draft writes only where --out says, never over a file unless --force', () => {
  const dir = workspace({ 'dam.md': ARTICLE, 'facts.json': '{"keep": true}\n' });
  const before = snapshot(dir);
  const refused = run(['facts', 'draft', 'dam.md', '--out', 'facts.json'], dir);
  assert.equal(refused.status, 2);
  assert.match(refused.stderr, /facts\.json exists; nothing written/);
  assert.deepEqual(snapshot(dir), before);
  const written = run(['facts', 'draft', 'dam.md', '--out', '.factcheck/facts.json'], dir);
  assert.equal(written.status, 0, written.stderr);
  assert.equal(written.stdout, '');
  assert.equal(JSON.parse(fs.readFileSync(path.join(dir, '.factcheck/facts.json'), 'utf8')).facts.length > 0, true);
  const forced = run(['facts', 'draft', 'dam.md', '--out', 'facts.json', '--force'], dir);
  assert.equal(forced.status, 0);
  assert.ok(JSON.parse(fs.readFileSync(path.join(dir, 'facts.json'), 'utf8')).facts);
});

test('facts draft on hostile input: a missing file, no sources, an unknown option; nothing written', () => {
  const dir = workspace({ 'dam.md': ARTICLE });
  const before = snapshot(dir);
  const missing = run(['facts', 'draft', 'dam.md', 'nope.md', '--out', 'x.json'], dir);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /^nope\.md: error: cannot be read: no such file$/m);
  assert.equal(run(['facts', 'draft'], dir).status, 2);
  const bad = run(['facts', 'draft', '--bogus', 'dam.md'], dir);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /unknown option --bogus/);
  // Binary junk and an empty file are sources with nothing to draft, not crashes.
  fs.writeFileSync(path.join(dir, 'junk.txt'), Buffer.from([0, 255, 1, 2, 0xc3, 0x28]));
  fs.writeFileSync(path.join(dir, 'empty.md'), '');
  const junk = run(['facts', 'draft', 'junk.txt', 'empty.md'], dir);
  assert.equal(junk.status, 0, junk.stderr);
  assert.equal(JSON.parse(junk.stdout).facts.length, 0);
  delete (before as Record<string, string>)['junk.txt'];
  const after = snapshot(dir);
  delete after['junk.txt'];
  delete after['empty.md'];
  assert.deepEqual(after, before);
});

const FACTS = (extra: Record<string, unknown>[] = [], schema = './factbase.schema.json') =>
  JSON.stringify(
    {
      $schema: schema,
      version: 1,
      sources: [{ id: 'minutes', title: 'Minutes of the water board', file: 'minutes.txt' }],
      facts: [
        {
          id: 'dam-cost',
          subject: 'Cost of the Riverside dam',
          keywords: ['dam', 'the'],
          value: { kind: 'money', amount: 2.4e9, unit: 'USD' },
          text: 'up to $2.4 billion',
          quote: 'The Riverside dam will cost up to $2.4 billion, the water board said.',
          source: 'minutes',
          asOf: '2024-05',
        },
        ...extra,
      ],
    },
    null,
    2,
  );

test('facts lint: a qualifier the value lacks, a word that never fires, a quote missing from the source copy, a $schema that does not resolve', () => {
  const dir = workspace({
    'facts.json': FACTS([
      {
        id: 'dam-cost-again',
        subject: 'Cost of the Riverside dam',
        keywords: ['dam'],
        value: { kind: 'money', amount: 2.9e9, unit: 'USD' },
        text: '$2.9 billion',
        quote: 'The Riverside dam will cost $2.9 billion, the mayor said.',
        source: 'minutes',
        asOf: '2024-05',
      },
    ]),
    'minutes.txt': 'The Riverside dam will cost up to $2.4 billion, the water board said.\n',
  });
  const r = run(['facts', 'lint', 'facts.json'], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^facts\.json:\d+:\d+: warning: dam-cost: the text "up to \$2\.4 billion" reads as at-most, the value as exact.*\[text-qualifier\]$/m);
  assert.match(r.stdout, /^facts\.json:\d+:\d+: warning: dam-cost: the keyword "the" has only common words.*\[keyword-never-fires\]$/m);
  assert.match(r.stdout, /^facts\.json:\d+:\d+: warning: dam-cost-again: the quote does not appear in minutes\.txt.*\[quote-not-in-source\]$/m);
  assert.match(r.stdout, /^facts\.json:2:3: warning: "\$schema" points to \.\/factbase\.schema\.json, which does not exist here.*\[schema\]$/m);
  assert.doesNotMatch(r.stdout, /dam-cost: the quote does not appear/);
  // The line of each warning is where its words are.
  const lines = fs.readFileSync(path.join(dir, 'facts.json'), 'utf8').split('\n');
  const q = /^facts\.json:(\d+):(\d+): warning: dam-cost: the text/m.exec(r.stdout)!;
  assert.equal(lines[Number(q[1]) - 1].slice(Number(q[2]) - 1).startsWith('"up to $2.4 billion"'), true);
  // --strict makes warnings fail; --format json is machine-readable.
  assert.equal(run(['facts', 'lint', 'facts.json', '--strict'], dir).status, 1);
  const j = JSON.parse(run(['facts', 'lint', 'facts.json', '--format', 'json'], dir).stdout);
  assert.ok(j.some((p: { code: string; severity: string }) => p.code === 'schema' && p.severity === 'warning'));
  // With the schema written next to it, the $schema warning goes.
  assert.equal(run(['facts', 'schema', '--out', 'factbase.schema.json'], dir).status, 0);
  assert.doesNotMatch(run(['facts', 'lint', 'facts.json'], dir).stdout, /\[schema\]/);
});

test('facts lint: contradicting sources and duplicates, each fact named', () => {
  const fact = (id: string, amount: number, quote: string, source = 'minutes') => ({
    id,
    subject: 'Cost of the Riverside dam',
    value: { kind: 'money', amount, unit: 'USD' },
    text: `$${amount / 1e9} billion`,
    quote,
    source,
    asOf: '2024-05',
  });
  const base = {
    version: 1,
    sources: [
      { id: 'minutes', title: 'Minutes' },
      { id: 'courier', title: 'Courier' },
    ],
    facts: [
      fact('a', 2.4e9, 'The Riverside dam will cost $2.4 billion.'),
      fact('b', 2.4e9, 'The Riverside dam will cost $2.4 billion.'),
      fact('c', 2.9e9, 'The Riverside dam will cost $2.9 billion.', 'courier'),
      // One sentence's same figure for two places: two facts, not one twice.
      { ...fact('d', 1e9, 'The Riverside and Lakeview dams will each cost $1 billion.'), entities: ['Riverside'] },
      { ...fact('e', 1e9, 'The Riverside and Lakeview dams will each cost $1 billion.'), entities: ['Lakeview'] },
      // The same curated frame, written in another order, is the same fact twice.
      { ...fact('f', 3e9, 'The Riverside dam will cost $3 billion.'), frame: { measure: ['cost', 'price'], holder: ['Riverside'] } },
      { ...fact('g', 3e9, 'The Riverside dam will cost $3 billion.'), frame: { holder: ['Riverside'], measure: ['price', 'cost'] } },
    ],
  };
  const dir = workspace({ 'facts.json': JSON.stringify(base, null, 2) });
  const r = run(['facts', 'lint', 'facts.json'], dir);
  assert.match(r.stdout, /warning: b repeats a: the same figure from the same sentence of the same source \[duplicate\]/);
  assert.match(
    r.stdout,
    /warning: a gives \$2\.4 billion and c gives \$2\.9 billion for the same measure, holder and time \(Minutes; Courier\).*\[contradiction\]/,
  );
  assert.match(r.stdout, /warning: c gives \$2\.9 billion and a gives \$2\.4 billion/);
  assert.doesNotMatch(r.stdout, /e repeats d/);
  assert.match(r.stdout, /warning: g repeats f: the same figure from the same sentence of the same source \[duplicate\]/);
});

test('facts lint: a broken fact base is an error with its position, exit 2', () => {
  const dir = workspace({ 'facts.json': '{"version": 1, "sources": [], "facts": [{"id": "x"}]}' });
  const r = run(['facts', 'lint', 'facts.json'], dir);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /facts\.json:1:\d+: error: /);
});

test('facts lint: --no-default-facts, as facts test takes it: the files given, and an error with none', () => {
  const dir = workspace({ 'facts.json': '{"version": 1, "sources": [], "facts": []}' });
  const r = run(['facts', 'lint', '--no-default-facts', '--facts', 'facts.json'], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /0 warnings in 0 facts \(facts\.json\)/);
  const none = run(['facts', 'lint', '--no-default-facts'], dir);
  assert.equal(none.status, 2);
  assert.match(none.stderr, /--no-default-facts leaves nothing to lint/);
});

const CSV = `id,subject,kind,value,unit,qualifier,nouns,date,text,quote,keywords,entities,asOf,source,source_title,source_url
dam-cost,Cost of the Riverside dam,money,2400000000,,up to,,,up to $2.4 billion,"The dam will cost up to $2.4 billion, the board said.",dam;cost,Riverside,2024-05,minutes,Minutes of the water board,https://board.example/minutes
,Votes for the dam,count,7,,,votes,,7,"The council approved the dam in a 7-2 vote.",vote,,2024-05,minutes,,
dam-vote-date,Date of the dam vote,date,,,,,2024-05-01,"May 1, 2024","The council voted on May 1, 2024.",,,2024-05-01,minutes,,
`;

test('facts import: one fact per row, sources gathered from their rows', () => {
  const dir = workspace({ 'facts.csv': CSV });
  const r = run(['facts', 'import', 'facts.csv'], dir);
  assert.equal(r.status, 0, r.stderr);
  const base = JSON.parse(r.stdout);
  assert.deepEqual(base.sources, [{ id: 'minutes', title: 'Minutes of the water board', url: 'https://board.example/minutes' }]);
  assert.deepEqual(base.facts[0].value, { kind: 'money', amount: 2.4e9, unit: 'USD', qualifier: 'at-most' });
  assert.deepEqual(base.facts[0].keywords, ['dam', 'cost']);
  assert.equal(base.facts[1].id, 'votes-for-the-dam');
  assert.deepEqual(base.facts[1].value, { kind: 'count', amount: 7, nouns: ['votes'] });
  assert.deepEqual(base.facts[2].value, { kind: 'date', year: 2024, month: 5, day: 1 });
  // The result is a fact base the checker loads, and its facts pass their own round trip.
  fs.writeFileSync(path.join(dir, 'facts.json'), r.stdout);
  const t = run(['facts', 'test', '--facts', 'facts.json'], dir);
  assert.notEqual(t.status, 2, t.stderr);
});

test('facts import: bad rows are reported with their row and column, and nothing is written', () => {
  const bad = `${CSV.trim()}
x,Bad kind,money-ish,5,,,,,5,"Five.",,,2024,minutes,,
y,Bad number,money,five,,,,,five,"Five.",,,2024,minutes,,
z,Bad date,date,,,,,May 2024,May 2024,"In May 2024.",,,2024,minutes,,
w,Bad asOf,money,5,,,,,$5,"It costs $5.",,,last year,minutes,,
`;
  const dir = workspace({ 'facts.csv': bad });
  const r = run(['facts', 'import', 'facts.csv', '--out', 'facts.json'], dir);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^facts\.csv:5:3: error: kind "money-ish" is not one of/m);
  assert.match(r.stderr, /^facts\.csv:6:4: error: "five" is not a number$/m);
  assert.match(r.stderr, /^facts\.csv:7:8: error: a date is YYYY-MM-DD/m);
  assert.match(r.stderr, /nothing written/);
  assert.equal(fs.existsSync(path.join(dir, 'facts.json')), false);
  const header = run(['facts', 'import', 'h.csv'], workspace({ 'h.csv': 'subject,kind,colour\n' }));
  assert.equal(header.status, 2);
  assert.match(header.stderr, /h\.csv:1:3: error: unknown column "colour"/);
  assert.match(header.stderr, /the column "text" is missing/);
  const open = run(['facts', 'import', 'q.csv'], workspace({ 'q.csv': 'subject,kind\n"never closed,money\n' }));
  assert.equal(open.status, 2);
  assert.match(open.stderr, /never closes/);
});

test('facts import: a schema problem goes back to its row and column (asOf)', () => {
  const dir = workspace({
    'facts.csv': `subject,kind,value,text,quote,asOf,source,source_title
Cost of the dam,money,5,$5,"It costs $5.",last year,minutes,Minutes
`,
  });
  const r = run(['facts', 'import', 'facts.csv'], dir);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^facts\.csv:2:6: error: .*/m);
});

test('facts: an unknown command names itself and shows the usage', () => {
  const r = run(['facts', 'frobnicate'], root);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /unknown command frobnicate/);
  assert.match(r.stderr, /factcheck facts draft SOURCE/);
});

test('facts import: rows without ids get unique ones from their subject; blank trailing rows are no rows', () => {
  const csv = `subject,kind,value,text,quote,asOf,source,source_title
Program cost,money,5,$5,"It costs $5.",2024,s,S
Program cost,money,6,$6,"It costs $6.",2024,s,S
Program cost,money,7,$7,"It costs $7.",2024,s,S
,,,,,,,
,,,,,,,
`;
  const r = run(['facts', 'import', 'a.csv'], workspace({ 'a.csv': csv }));
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(
    JSON.parse(r.stdout).facts.map((f: { id: string }) => f.id),
    ['program-cost', 'program-cost-2', 'program-cost-3'],
  );
});

test('facts draft from HTML: table cells stay apart, and unclosed elements end the page without a rescan', () => {
  const dir = workspace({
    't.html': '<table><tr><td>2023</td><td>$45 million</td></tr></table><p>The levy is 14 percent.</p><svg <svg <svg',
    'list.md': '1. The program cost taxpayers about $5 billion in the first year of the plan\n2. It served 3 million people.\n',
  });
  const html = JSON.parse(run(['facts', 'draft', 't.html'], dir).stdout);
  assert.ok(html.facts.some((f: { text: string; quote: string }) => f.text === '$45 million' && !/2023\$/.test(f.quote)));
  const md = JSON.parse(run(['facts', 'draft', 'list.md'], dir).stdout);
  const five = md.facts.find((f: { text: string }) => f.text === 'about $5 billion');
  assert.ok(five, JSON.stringify(md.facts.map((f: { text: string }) => f.text)));
  assert.doesNotMatch(five.quote, /2\.$/, 'the next list item is not joined to it');
});
