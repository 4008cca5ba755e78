import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';

const root = path.join(__dirname, '..', '..', '..');
const bin = path.join(root, 'server', 'bin', 'factcheck.js');
const run = (args: string[], cwd = root) => spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });

function workspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factcheck-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const CONFLICT = 'China fell short of the $250 billion it promised under the 2020 deal.\n';

test('text output: compiler-style lines, the quote, a summary; exit 1 on conflicts', () => {
  const dir = workspace({ 'draft.md': CONFLICT });
  const r = run(['draft.md'], dir);
  assert.equal(r.status, 1, r.stderr);
  assert.match(
    r.stdout,
    /^draft\.md:1:25: warning: "\$250 billion" conflicts with the source, which gives \$200 billion .*\[phase-one-purchase-commitment\]$/m,
  );
  assert.match(r.stdout, /> Trump has shown a keen interest/);
  assert.match(r.stdout, /1 conflict, 0 outdated in 1 file/);
});

test('exit 0 when nothing conflicts; folders are walked, dot-folders and other extensions skipped', () => {
  const dir = workspace({
    'a/ok.md': 'China did not meet the $200 billion purchase commitment.\n',
    '.hidden/bad.md': CONFLICT,
    'a/notes.rst': CONFLICT,
    'node_modules/x.md': CONFLICT,
  });
  const r = run(['.'], dir);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /0 conflicts, 0 outdated in 1 file/);
});

test('--date says when the drafts were written: outdated figures only in a draft known to be written after the newer fact', () => {
  const dir = workspace({ 'draft.md': 'The U.S. now charges a 10 percent tariff on all Chinese imports.\n' });
  // Undated, the draft may be a story of February 2025, when the rate was 10 percent.
  assert.match(run(['draft.md'], dir).stdout, /0 conflicts, 0 outdated in 1 file/);
  const today = run(['--strict', '--date', 'today', 'draft.md'], dir);
  assert.equal(today.status, 1, today.stderr);
  assert.match(today.stdout, /^draft\.md:1:24: information: "10 percent" matches an older figure/m);
  assert.match(run(['--date', '2025-03-01', 'draft.md'], dir).stdout, /0 conflicts, 0 outdated in 1 file/);
  // "today" says the drafts are current; a draft's own date still says when it was written (found in review).
  fs.writeFileSync(path.join(dir, 'dated.md'), 'March 1, 2025\n\nThe U.S. now charges a 10 percent tariff on all Chinese imports.\n');
  assert.match(run(['--date', 'today', 'dated.md'], dir).stdout, /0 conflicts, 0 outdated in 1 file \(1 claim/);
  // --explain reads the draft as the check does.
  assert.match(run(['--explain', 'draft.md:1'], dir).stdout, /verdict: consistent/);
  assert.match(run(['--date', 'today', '--explain', 'draft.md:1'], dir).stdout, /verdict: outdated/);
  assert.match(run(['--date', 'yesterday', 'draft.md'], dir).stderr, /--date needs YYYY-MM-DD or today, got "yesterday"/);
});

test('json output has LSP ranges and the documented fields', () => {
  const dir = workspace({ 'draft.md': 'Intro 🎉\n' + CONFLICT });
  const r = run(['--format', 'json', 'draft.md'], dir);
  assert.equal(r.status, 1);
  const j = JSON.parse(r.stdout);
  const d = j.files[0].diagnostics[0];
  assert.deepEqual(d.range, { start: { line: 1, character: 24 }, end: { line: 1, character: 36 } });
  assert.equal(d.severity, 'warning');
  assert.equal(d.code, 'conflict');
  assert.equal(d.claim, '$250 billion');
  assert.equal(d.expected, '$200 billion');
  assert.equal(d.factId, 'phase-one-purchase-commitment');
  assert.ok(d.quote.includes('$200 billion purchase commitment'));
  assert.equal(d.source.id, 'trump-xi-deal-early-2025');
  assert.equal(j.summary.conflicts, 1);
});

test('sarif output is SARIF 2.1.0 with 1-based regions', () => {
  const dir = workspace({ 'draft.md': CONFLICT });
  const r = run(['--format', 'sarif', 'draft.md'], dir);
  const s = JSON.parse(r.stdout);
  assert.equal(s.version, '2.1.0');
  const res = s.runs[0].results[0];
  assert.equal(res.ruleId, 'conflict');
  assert.equal(res.level, 'warning');
  assert.deepEqual(res.locations[0].physicalLocation.region, { startLine: 1, startColumn: 25, endLine: 1, endColumn: 37 });
  assert.equal(res.locations[0].physicalLocation.artifactLocation.uri, 'draft.md');
  assert.ok(s.runs[0].tool.driver.rules.some((x: { id: string }) => x.id === 'conflict'));
});

test('exit 2: bad usage, missing input, broken fact base (all problems listed)', () => {
  assert.equal(run(['--format', 'xml', 'x.md']).status, 2);
  assert.equal(run([]).status, 2);
  const missing = run(['no-such-file.md']);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /no-such-file\.md: error: no such file/);
  const dir = workspace({ 'draft.md': CONFLICT, '.factcheck/facts.json': '{\n  "version": 1,\n  "sources": [],\n  "facts": [ { "id": "x" } ]\n}\n' });
  const broken = run(['draft.md'], dir);
  assert.equal(broken.status, 2);
  assert.match(broken.stderr, /\.factcheck\/facts\.json:4:\d+: error: fact "x" \(facts\[0\]\): missing required property "subject"/);
  assert.match(broken.stderr, /nothing was checked/);
});

test('a workspace fact base adds facts; --no-default-facts drops the bundled one', () => {
  const facts = {
    version: 1,
    sources: [{ id: 's', description: 'Team notes' }],
    facts: [
      {
        id: 'widget-exports',
        subject: 'Widget exports',
        keywords: ['widget exports'],
        value: { kind: 'money', amount: 5e9 },
        text: '$5 billion',
        quote: 'Widget exports were $5 billion.',
        source: 's',
        asOf: '2025',
      },
    ],
  };
  const dir = workspace({ 'd.txt': 'Widget exports reached $7 billion. ' + CONFLICT, '.factcheck/facts.json': JSON.stringify(facts) });
  const both = JSON.parse(run(['--format', 'json', 'd.txt'], dir).stdout);
  assert.deepEqual(both.files[0].diagnostics.map((d: { factId: string }) => d.factId).sort(), ['phase-one-purchase-commitment', 'widget-exports']);
  const own = JSON.parse(run(['--format', 'json', '--no-default-facts', 'd.txt'], dir).stdout);
  assert.deepEqual(
    own.files[0].diagnostics.map((d: { factId: string }) => d.factId),
    ['widget-exports'],
  );
});

test('binary files are skipped with a notice', () => {
  const dir = workspace({ 'bin.txt': 'abc\u0000def $250 billion' });
  const r = run(['bin.txt'], dir);
  assert.equal(r.status, 0);
  assert.match(r.stderr, /bin\.txt: info: skipped: looks like a binary file/);
});

test('a reader that stops early (| head) ends the CLI quietly with its exit code', async () => {
  // Enough conflicts that the output outgrows the pipe, so writing after the reader left fails with EPIPE.
  const dir = workspace({ 'draft.md': CONFLICT.repeat(2000) });
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [bin, 'draft.md'], { cwd: dir });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.equal(stderr, '', 'no stack trace');
  assert.equal(code, 1, 'the conflicts still fail the check');
});

test('--explain FILE:LINE lists every candidate fact for the figures on the line, with the rule that admitted or ruled out each', () => {
  const dir = workspace({ 'draft.md': 'Intro.\n\nChina fell short of the $250 billion it promised.\n' });
  const r = run(['--explain', 'draft.md:3'], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /"\$250 billion" \(money: \$250 billion\)/);
  assert.match(r.stdout, /frame: at the figure \[.*\]/);
  assert.match(r.stdout, /✓ phase-one-purchase-commitment \(score \d+\): measure .*'promised'.* · holder China/);
  assert.match(r.stdout, /verdict: conflict \(phase-one-purchase-commitment\)/);
  // China's own tariffs are not U.S. levies on Chinese imports: the holder rule says so.
  fs.writeFileSync(path.join(dir, 'draft.md'), "China's retaliatory tariffs reached 125 percent.\n");
  const other = run(['--explain', 'draft.md:1'], dir);
  assert.match(other.stdout, /✗ us-levies-range-july-2025: ruled out by holder: China is the side the fact's measure falls on/);
  assert.match(other.stdout, /verdict: none \(no fact admitted\)/);
  fs.writeFileSync(path.join(dir, 'draft.md'), 'No figures here.\n');
  assert.match(run(['--explain', 'draft.md:1'], dir).stdout, /line 1: no figure/);
  assert.equal(run(['--explain', 'draft.md'], dir).status, 2);
});

test('facts test: exit 0 when every fact round-trips; 1 with each failing fact and why', () => {
  const ok = run(['facts', 'test']);
  assert.equal(ok.status, 0, ok.stdout + ok.stderr);
  assert.match(ok.stdout, /^(\d+) of \1 facts pass the round trip \(data\/facts\.json\)$/m);
  const dir = workspace({
    'facts.json': JSON.stringify({
      version: 1,
      sources: [{ id: 's', title: 'T' }],
      facts: [
        {
          id: 'dam',
          subject: 'Cost of the Glenmoor dam',
          keywords: ['dam'],
          value: { kind: 'money', amount: 4e9 },
          text: '$4 billion',
          quote: 'The Glenmoor dam will cost a lot.',
          source: 's',
          asOf: '2025-01-01',
        },
        {
          id: 'floated',
          subject: 'Cost of the Glenmoor dam',
          keywords: ['dam'],
          frame: { modality: 'fact' },
          value: { kind: 'money', amount: 4e9 },
          text: '$4 billion',
          quote: 'The Glenmoor dam would cost $4 billion if it were built.',
          source: 's',
          asOf: '2025-01-01',
        },
      ],
    }),
  });
  const bad = run(['facts', 'test', '--facts', 'facts.json'], dir);
  assert.equal(bad.status, 1);
  // As for a check, --no-default-facts is taken (only the files given are tested), and alone leaves nothing to test.
  assert.equal(run(['facts', 'test', '--no-default-facts', '--facts', 'facts.json'], dir).stdout, bad.stdout);
  const none = run(['facts', 'test', '--no-default-facts'], dir);
  assert.equal(none.status, 2);
  assert.match(none.stderr, /leaves nothing to test/);
  assert.match(bad.stdout, /^facts\.json:\d+: dam:\n {4}the quote does not contain the fact's text "\$4 billion"\nfacts\.json/m);
  assert.doesNotMatch(bad.stdout, /undefined/);
  // Why a fact fails, as --explain would say it: here the rule that ruled it out.
  assert.match(
    bad.stdout,
    /^facts\.json:\d+: floated:\n {4}its quote as a draft gives no finding for "\$4 billion"; expected consistent floated\n {6}why: the modality rule ruled it out: "if" makes it a possibility/m,
  );
  assert.match(bad.stdout, /0 of 2 facts pass the round trip/);
  assert.equal(run(['facts', 'test', '--bogus'], dir).status, 2);
  // No file is written by either command.
  assert.deepEqual(fs.readdirSync(dir), ['facts.json']);
});

test('--unverified lists figures no fact covers, as hints with their own code, and the coverage; JSON and SARIF keep their shape', () => {
  const dir = workspace({ 'draft.md': `${CONFLICT}We met 12 people on the trip.\n` });
  const text = run(['--unverified', 'draft.md'], dir);
  assert.equal(text.status, 1);
  assert.match(text.stdout, /^draft\.md:2:8: hint: "12 people" is unverified: no fact in use covers it\. \[unverified\]$/m);
  assert.match(text.stdout, /^3 figures: 1 backed, 1 conflict, 1 unverified in 1 file$/m);
  // Without the flag, neither the entries nor the coverage line.
  const plain = run(['draft.md'], dir);
  assert.doesNotMatch(plain.stdout, /unverified/);
  const j = JSON.parse(run(['--unverified', '--format', 'json', 'draft.md'], dir).stdout);
  const entries = j.files[0].diagnostics;
  assert.deepEqual(
    entries.map((d: { code: string }) => d.code),
    ['conflict', 'unverified'],
  );
  const u = entries[1];
  assert.deepEqual(Object.keys(u).sort(), ['claim', 'code', 'message', 'range', 'severity']);
  assert.deepEqual(u.range, { start: { line: 1, character: 7 }, end: { line: 1, character: 16 } });
  assert.equal(entries[0].factId, 'phase-one-purchase-commitment', 'a finding keeps its documented fields');
  assert.deepEqual([j.summary.claims, j.summary.backed, j.summary.conflicts, j.summary.unverified], [3, 1, 1, 1]);
  const sarif = JSON.parse(run(['--unverified', '--format', 'sarif', 'draft.md'], dir).stdout);
  const results = sarif.runs[0].results as { ruleId: string; ruleIndex: number; level: string }[];
  const rules = sarif.runs[0].tool.driver.rules as { id: string }[];
  const ur = results.find((r) => r.ruleId === 'unverified')!;
  assert.equal(rules[ur.ruleIndex].id, 'unverified');
  assert.equal(ur.level, 'note');
});

test('"-" reads the draft from standard input: --stdin-filename names it and finds its workspace fact base; JSON is compact unless --pretty', () => {
  const dir = workspace({
    '.factcheck/facts.json': fs.readFileSync(path.join(root, 'test', 'fixtures', 'workspace', '.factcheck', 'facts.json'), 'utf8'),
  });
  const input = "Riverton's library budget is $5 million this year.\n";
  const piped = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: dir, input, encoding: 'utf8' });
  const named = piped(['-', '--stdin-filename', 'drafts/library.md']);
  assert.equal(named.status, 1, named.stderr);
  assert.match(named.stdout, /^drafts\/library\.md:1:30: warning: "\$5 million" conflicts with the source, which gives \$4\.2 million/m);
  const json = piped(['--format', 'json', '-']);
  assert.equal(json.stdout.trimEnd().split('\n').length, 1, 'one line of JSON');
  assert.equal(JSON.parse(json.stdout).files[0].path, '<stdin>');
  const pretty = piped(['--format', 'json', '--pretty', '-']);
  assert.ok(pretty.stdout.split('\n').length > 10);
  assert.deepEqual(JSON.parse(pretty.stdout), JSON.parse(json.stdout));
});

test('--unverified: a figure the writer switched off is neither unverified nor counted', () => {
  const dir = workspace({ 'd.md': 'We met 12 people. <!-- factcheck-ignore -->\nWe met 14 people.\n' });
  const r = run(['--unverified', 'd.md'], dir);
  assert.match(r.stdout, /^1 figure: 0 backed, 0 conflicts, 1 unverified in 1 file$/m);
  assert.doesNotMatch(r.stdout, /"12 people"/);
});

test('the packed package (npm pack) holds a CLI that runs without out/ or node_modules, with its code cache, its language server and its own data', async () => {
  const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
  assert.equal(pack.status, 0, pack.stderr);
  const files = (JSON.parse(pack.stdout) as { files: { path: string }[] }[])[0].files.map((f) => f.path);
  for (const f of ['server/bin/factcheck.js', 'dist/cli.js', 'dist/cli.cache', 'dist/cli.cache.key', 'dist/server.js', 'data/facts.json'])
    assert.ok(files.includes(f), `${f} is packed`);
  assert.ok(!files.some((f) => f.startsWith('out/') || f.startsWith('node_modules/')), 'nothing from out/ or node_modules/');
  // Installed as packed, in a project's node_modules: only those files. The project has a data/ of its own, broken.
  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'factcheck-packed-'));
  const dir = path.join(project, 'node_modules', 'policy-fact-check');
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.copyFileSync(path.join(root, f), path.join(dir, f));
  }
  fs.mkdirSync(path.join(project, 'data'));
  fs.writeFileSync(path.join(project, 'data', 'facts.json'), '{ "not": "a fact base" }');
  fs.writeFileSync(path.join(project, 'draft.md'), CONFLICT);
  const bin = path.join(dir, 'server', 'bin', 'factcheck.js');
  const env = { ...process.env, FACTCHECK_DEBUG_CODE_CACHE: '1' };
  const r = spawnSync(process.execPath, [bin, 'draft.md'], { cwd: project, encoding: 'utf8', env });
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /\[phase-one-purchase-commitment\]/);
  assert.match(r.stderr, /^code cache: accepted$/m, 'the build made the cache for this bundle and this Node.js');
  // A cache for another bundle (another build id) is not used.
  fs.writeFileSync(path.join(dir, 'dist', 'cli.cache.key'), `0123456789abcdef ${process.version}\n`);
  const stale = spawnSync(process.execPath, [bin, 'draft.md'], { cwd: project, encoding: 'utf8', env });
  assert.equal(stale.status, 1, stale.stderr);
  assert.match(stale.stderr, /^code cache: none$/m);
  // `factcheck lsp --stdio` loads dist/server.js beside the CLI bundle and answers initialize.
  const lsp = spawn(process.execPath, [bin, 'lsp', '--stdio'], { cwd: project, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  const answered = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer to initialize: ${out}`)), 20_000);
    lsp.stdout.on('data', (d) => {
      out += d;
      if (out.includes('"serverInfo"')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  const send = (msg: object) => {
    const body = JSON.stringify({ jsonrpc: '2.0', ...msg });
    lsp.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  };
  send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
  try {
    await answered;
    assert.match(out, /"name":"policy-fact-check"/);
  } finally {
    lsp.kill();
  }
});

test('"--" ends the options: what follows is a path even when it starts with "-"', () => {
  const dir = workspace({ '-notes.md': CONFLICT });
  const r = run(['--', '-notes.md'], dir);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /^-notes\.md:1:\d+: warning: "\$250 billion"/m);
  // Without it, the name reads as an option.
  const bad = run(['-notes.md'], dir);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /unknown option -notes\.md/);
});
