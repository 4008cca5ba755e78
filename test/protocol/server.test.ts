/**
 * Protocol tests: the built language server as a real process over stdio, spoken to in LSP.
 * Every wait is on an event (a diagnostics publication, a progress report), never a sleep.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CancellationTokenSource } from 'vscode-languageserver-protocol';
import type { CodeAction, Diagnostic, Hover, MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { scratchWorkspace } from '../workspace';
import { root, TestClient, uriOf } from './lsp';

const CONFLICT = 'China fell short of the $250 billion it promised under the 2020 deal.\n';

function applyEdits(text: string, edits: TextEdit[]): string {
  const offset = (p: { line: number; character: number }) => {
    const lines = text.split('\n');
    return lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  };
  const sorted = edits.slice().sort((a, b) => offset(b.range.start) - offset(a.range.start));
  for (const e of sorted) text = text.slice(0, offset(e.range.start)) + e.newText + text.slice(offset(e.range.end));
  return text;
}

describe('language server over stdio', () => {
  let ws: string;
  let client: TestClient;
  before(async () => {
    ws = scratchWorkspace();
    client = new TestClient();
    const init = await client.initialize([ws]);
    assert.equal(init.capabilities.hoverProvider, true);
    assert.ok(init.capabilities.codeActionProvider);
  });
  after(async () => {
    const code = await client.stop();
    assert.equal(code, 0, 'shutdown then exit ends the process with code 0');
    assert.doesNotMatch(client.stderr, /Error|at .*\.js:\d+/, 'nothing on stderr');
  });

  test('registers a watcher for workspace fact bases', async () => {
    await client.until(() => client.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles'), 'watcher registration');
    const reg = client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles')!;
    assert.deepEqual((reg.registerOptions as { watchers: { globPattern: unknown }[] }).watchers[0].globPattern, '**/.factcheck/*.json');
  });

  test('a conflict gets a diagnostic on the exact figure, with the fact id and a link to the fact', async () => {
    const uri = uriOf(path.join(ws, 'new.md'));
    const diags = client.diagnosticsFor(uri);
    await client.open(uri, 'Intro 🎉\n' + CONFLICT);
    const [d, ...rest] = await diags;
    assert.equal(rest.length, 0);
    assert.deepEqual(d.range, { start: { line: 1, character: 24 }, end: { line: 1, character: 36 } });
    assert.equal(d.code, 'conflict');
    assert.equal(d.severity, 2);
    assert.equal(d.source, 'factcheck');
    assert.equal((d.data as { factId: string }).factId, 'phase-one-purchase-commitment');
    assert.match(String(d.message), /gives \$200 billion/);
    const related = d.relatedInformation?.[0];
    assert.ok(related, 'relatedInformation points at the fact');
    assert.equal(related.location.uri, uriOf(path.join(root, 'data', 'facts.json')));
    const factLine = fs.readFileSync(path.join(root, 'data', 'facts.json'), 'utf8').split('\n')[related.location.range.start.line + 1];
    assert.match(factLine, /"id": "phase-one-purchase-commitment"/);
  });

  test('hover shows the verdict, the sourced value, the quote, the source and the evidence; none on an unmatched number', async () => {
    const uri = uriOf(path.join(ws, 'hover.md'));
    const diags = client.diagnosticsFor(uri);
    await client.open(uri, CONFLICT + 'We met 12 people on the trip.\n');
    await diags;
    const hover = (await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 30 } })) as Hover;
    const md = (hover.contents as MarkupContent).value;
    assert.equal((hover.contents as MarkupContent).kind, 'markdown');
    assert.match(md, /conflict/);
    assert.match(md, /\*\*\$200 billion\*\*/);
    assert.match(md, /^> Trump has shown a keen interest .* the 2020 agreement\.$/m);
    assert.match(md, /undated/);
    // One line of why: the measure words as the draft wrote them, and whose figure it is.
    assert.match(md, /^\*Matched on:\* measure 'promised'.* at the figure · holder China · time 2020$/m);
    assert.deepEqual(hover.range, { start: { line: 0, character: 24 }, end: { line: 0, character: 36 } });
    const none = await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 8 } });
    assert.equal(none, null);
  });

  test('hover on a backed claim confirms it, though no diagnostic is shown', async () => {
    const uri = uriOf(path.join(ws, 'backed.md'));
    const diags = client.diagnosticsFor(uri);
    await client.open(uri, 'China did not meet the $200 billion purchase commitment.\n');
    assert.deepEqual(await diags, []);
    const hover = (await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 25 } })) as Hover;
    assert.match((hover.contents as MarkupContent).value, /backed by the source/);
  });

  test('the quick fix replaces the figure; applying it with didChange clears the conflict', async () => {
    const uri = uriOf(path.join(ws, 'fix.md'));
    const text = CONFLICT;
    const diags = client.diagnosticsFor(uri);
    await client.open(uri, text);
    const [d] = await diags;
    const actions = (await client.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d] },
    })) as CodeAction[];
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Replace with "$200 billion"', 'Ignore this claim'],
    );
    const edits = actions[0].edit!.changes![uri];
    assert.deepEqual(edits, [{ range: d.range, newText: '$200 billion' }]);
    assert.equal(actions[0].isPreferred, true);
    const cleared = client.diagnosticsFor(uri, (_, p) => p.version === 2);
    await client.change(
      uri,
      2,
      edits.map((e) => ({ range: e.range, text: e.newText })),
    );
    assert.deepEqual(await cleared, []);
    assert.equal(applyEdits(text, edits), 'China fell short of the $200 billion it promised under the 2020 deal.\n');
  });

  test('"Ignore this claim" inserts the suppression comment, which the CLI honours too', async () => {
    const uri = uriOf(path.join(ws, 'ignore.md'));
    const diags = client.diagnosticsFor(uri);
    await client.open(uri, CONFLICT);
    const [d] = await diags;
    const actions = (await client.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d] },
    })) as CodeAction[];
    const edits = actions[1].edit!.changes![uri];
    const fixed = applyEdits(CONFLICT, edits);
    assert.equal(fixed, 'China fell short of the $250 billion <!-- factcheck-ignore --> it promised under the 2020 deal.\n');
    const cleared = client.diagnosticsFor(uri, (_, p) => p.version === 2);
    await client.change(uri, 2, [{ text: fixed }]);
    assert.deepEqual(await cleared, []);
    const file = path.join(ws, 'ignored.md');
    fs.writeFileSync(file, fixed);
    const cli = spawnSync(process.execPath, [path.join(root, 'server', 'bin', 'factcheck.js'), file], { encoding: 'utf8' });
    assert.equal(cli.status, 0, cli.stdout);
    assert.match(cli.stdout, /1 ignored/);
  });

  test('plain text gets the plain-text marker', async () => {
    const uri = uriOf(path.join(ws, 'plain.txt'));
    const diags = client.diagnosticsFor(uri);
    await client.open(uri, CONFLICT, 'plaintext');
    const [d] = await diags;
    const actions = (await client.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d] },
    })) as CodeAction[];
    assert.equal(actions[1].edit!.changes![uri][0].newText, ' [factcheck-ignore]');
  });

  test('the workspace check publishes the same findings as the CLI for every file, open or not, with progress', async () => {
    const token = 'ws-check-1';
    const result = (await client.conn.sendRequest('factcheck/checkWorkspace', { workDoneToken: token })) as {
      files: number;
      conflicts: number;
      cancelled: boolean;
    };
    const kinds = client.progress.filter((p) => p.token === token).map((p) => p.value.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds[kinds.length - 1], 'end');
    assert.ok(kinds.includes('report'));
    assert.equal(result.cancelled, false);

    const cli = spawnSync(process.execPath, [path.join(root, 'server', 'bin', 'factcheck.js'), '--format', 'json', '.'], { cwd: ws, encoding: 'utf8' });
    const report = JSON.parse(cli.stdout) as {
      files: { path: string; diagnostics: { range: Diagnostic['range']; code: string; factId: string; message: string }[] }[];
      summary: { conflicts: number };
    };
    assert.equal(result.files, report.files.length);
    assert.equal(result.conflicts, report.summary.conflicts);
    assert.ok(report.summary.conflicts >= 3, 'the fixture has conflicts in several files');
    for (const f of report.files) {
      const published = client.diagnostics.get(uriOf(path.join(ws, f.path)));
      assert.ok(published, `diagnostics published for ${f.path}`);
      const simplify = (d: { range: unknown; code?: unknown; message: unknown }) => ({ range: d.range, code: d.code, message: d.message });
      assert.deepEqual(published.diagnostics.map(simplify), f.diagnostics.map(simplify), f.path);
    }
  });

  test('a broken workspace fact base: errors on that file, the last good version stays in use, the server answers', async () => {
    const draftUri = uriOf(path.join(ws, 'drafts', 'library.md'));
    const factsFile = path.join(ws, '.factcheck', 'facts.json');
    const draftDiags = client.diagnosticsFor(draftUri, (d) => d.some((x) => x.code === 'conflict'));
    await client.open(draftUri, "Riverton's library budget is $5 million this year.\n");
    await draftDiags;

    const good = fs.readFileSync(factsFile, 'utf8');
    fs.writeFileSync(factsFile, good.replace('"amount": 4200000', '"amount": "lots"'));
    const problems = client.diagnosticsFor(uriOf(factsFile), (d) => d.length > 0);
    const recheck = client.diagnosticsFor(draftUri);
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(factsFile), type: 2 }] });
    const errs = await problems;
    assert.equal(errs.length, 1, JSON.stringify(errs));
    const amount = errs.find((e) => /\/value\/amount/.test(String(e.message)))!;
    assert.ok(amount, 'an error names the bad amount');
    assert.equal(good.split('\n')[amount.range.start.line].includes('"amount"'), true, 'on the amount line');
    assert.match(String(errs[0].message), /must be a number/);
    const still = await recheck;
    assert.equal(still.length, 1, 'the draft keeps its finding from the last good fact base');
    assert.match(String(still[0].message), /\$4\.2 million/);

    const hover = (await client.conn.sendRequest('textDocument/hover', { textDocument: { uri: draftUri }, position: still[0].range.start })) as Hover;
    assert.match((hover.contents as MarkupContent).value, /library budget at \$4\.2 million/);

    // Fixing the file clears its errors (what lint warns of may stay) and the new value is used.
    const cleared = client.diagnosticsFor(uriOf(factsFile), (d) => d.every((x) => x.severity !== 1));
    const updated = client.diagnosticsFor(draftUri, (d) => d.length === 0);
    fs.writeFileSync(factsFile, good.replace('"amount": 4200000', '"amount": 5000000').replace('"$4.2 million"', '"$5 million"'));
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(factsFile), type: 2 }] });
    await cleared;
    await updated;
  });

  test('what `facts lint` warns of shows on an open fact base once typing pauses, as warnings that keep it in use', async () => {
    const factsFile = path.join(ws, '.factcheck', 'facts.json');
    const factsUri = uriOf(factsFile);
    const good = fs.readFileSync(factsFile, 'utf8');
    const base = JSON.parse(good) as { facts: Array<{ keywords?: string[]; text: string }> };
    base.facts[0].keywords = [...(base.facts[0].keywords ?? []), 'of the'];
    const text = JSON.stringify(base, null, 2);
    const warned = client.diagnosticsFor(factsUri, (d) => d.some((x) => x.code === 'keyword-never-fires'));
    await client.open(factsUri, text, 'json');
    const diags = await warned;
    const w = diags.find((x) => x.code === 'keyword-never-fires')!;
    assert.equal(w.severity, 2);
    assert.match(String(w.message), /the keyword "of the" has only common words/);
    assert.equal(text.split('\n')[w.range.start.line].slice(w.range.start.character).startsWith('"of the"'), true, 'on the keyword');
    assert.ok(!diags.some((x) => x.severity === 1));
    await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri: factsUri } });
  });

  test('errors in an open, unsaved fact base show as you type', async () => {
    const factsUri = uriOf(path.join(ws, '.factcheck', 'facts.json'));
    const problems = client.diagnosticsFor(factsUri, (d) => d.some((e) => e.severity === 1));
    await client.open(factsUri, '{ "version": 1, "sources": [], "facts": [ { "id": 3 } ] }', 'json');
    const errs = await problems;
    assert.ok(
      errs.every((e) => e.range.start.line === 0 && e.severity === 1),
      JSON.stringify(errs),
    );
    assert.ok(errs.some((e) => /facts\/0\/id/.test(String(e.message))));
  });
});

test('a workspace fact base is linted only while open, and a very large one not as you type', async () => {
  // A fact base read to check drafts was once linted (every fact round-tripped) before any draft's diagnostics.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factcheck-lint-'));
  const facts = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      id: `grant-${i}`,
      subject: `Grant to works number ${i}`,
      keywords: ['grant'],
      value: { kind: 'money', amount: (1 + (i % 900)) * 1e6, unit: 'USD' },
      text: `$${1 + (i % 900)} million`,
      quote: `Works number ${i} received a $${1 + (i % 900)} million grant.`,
      source: 'minutes',
      asOf: '2025-01',
    }));
  const write = (n: number) => {
    const list = facts(n);
    list.push({ ...list[0], id: 'grant-0-again' }); // a duplicate: what lint warns of
    const text = JSON.stringify({ version: 1, sources: [{ id: 'minutes', title: 'Minutes' }], facts: list }, null, 2);
    fs.writeFileSync(path.join(dir, '.factcheck', 'facts.json'), text);
    return text;
  };
  fs.mkdirSync(path.join(dir, '.factcheck'));
  const small = write(3);
  const factsUri = uriOf(path.join(dir, '.factcheck', 'facts.json'));
  const client = new TestClient();
  await client.initialize([dir]);
  const draft = uriOf(path.join(dir, 'draft.md'));
  const diags = client.diagnosticsFor(draft);
  await client.open(draft, 'Works number 1 received a $2 million grant.\n');
  await diags;
  assert.ok(!(client.diagnostics.get(factsUri)?.diagnostics.length ?? 0), 'no lint warnings on a closed fact base');
  const warned = client.diagnosticsFor(factsUri, (d) => d.some((x) => x.code === 'duplicate'));
  await client.open(factsUri, small, 'json');
  await warned;
  await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri: factsUri } });
  // Past the limit, one note says how to lint it instead.
  const big = write(5001);
  const skipped = client.diagnosticsFor(factsUri, (d) => d.some((x) => x.code === 'lint-skipped'));
  await client.open(factsUri, big, 'json');
  const note = (await skipped).find((x) => x.code === 'lint-skipped')!;
  assert.equal(note.severity, 3);
  assert.match(String(note.message), /5002 facts: too many to lint while typing/);
  assert.equal(await client.stop(), 0);
});

test('`factcheck lsp --stdio` starts the same server', async () => {
  const client = new TestClient([path.join(root, 'server', 'bin', 'factcheck.js'), 'lsp', '--stdio']);
  const init = await client.initialize([]);
  assert.equal(init.serverInfo?.name, 'policy-fact-check');
  const uri = 'untitled:Untitled-1';
  const diags = client.diagnosticsFor(uri);
  await client.open(uri, CONFLICT);
  assert.equal((await diags)[0]?.code, 'conflict');
  assert.equal(await client.stop(), 0);
});

test('rapid edits publish only versions that are current, and the last one always', async () => {
  const client = new TestClient();
  client.settings = { debounceMs: 50 };
  await client.initialize([]);
  const uri = 'untitled:rapid';
  const first = client.diagnosticsFor(uri);
  await client.open(uri, CONFLICT);
  await first;
  const last = client.diagnosticsFor(uri, (_, p) => p.version === 101);
  for (let v = 2; v <= 101; v++) await client.change(uri, v, [{ text: v % 2 ? CONFLICT : 'Nothing to check.\n' }]);
  const final = await last;
  assert.equal(final.length, 1, 'version 101 has the conflict text');
  const published = client.publications.filter((p) => p.uri === uri).map((p) => p.version);
  assert.ok(published.length <= 3, `debounced: ${published.join(',')}`);
  assert.ok(
    published.every((v, i) => i === 0 || (v ?? 0) > (published[i - 1] ?? 0)),
    'versions only go forward',
  );
  assert.equal(await client.stop(), 0);
});

describe('faults', () => {
  test('closing a document mid-check leaves nothing behind', async () => {
    const client = new TestClient();
    client.settings = { debounceMs: 50 };
    await client.initialize([]);
    const a = 'untitled:closing';
    const first = client.diagnosticsFor(a, (d) => d.length === 1);
    await client.open(a, CONFLICT);
    await first;
    const cleared = client.diagnosticsFor(a, (d) => d.length === 0);
    await client.change(a, 2, [{ text: CONFLICT + CONFLICT }]); // a check is now pending
    await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri: a } });
    await cleared;
    const closedAt = client.publications.length;
    // A second document goes through the same debounce; once its check lands, the first one's would have too.
    const b = 'untitled:sentinel';
    const opened = client.diagnosticsFor(b);
    await client.open(b, CONFLICT);
    await opened;
    const sentinel = client.diagnosticsFor(b, (_, p) => p.version === 2);
    await client.change(b, 2, [{ text: CONFLICT + ' ' }]);
    await sentinel;
    assert.deepEqual(
      client.publications.slice(closedAt).filter((p) => p.uri === a),
      [],
      'no diagnostics for the closed document after it closed',
    );
    const hover = await client.conn.sendRequest('textDocument/hover', { textDocument: { uri: a }, position: { line: 0, character: 30 } });
    assert.equal(hover, null, 'nothing is kept for a closed document');
    assert.equal(await client.stop(), 0);
  });

  test('a watched fact base deleted, then renamed back: findings follow', async () => {
    const ws = scratchWorkspace();
    const client = new TestClient();
    await client.initialize([ws]);
    const facts = path.join(ws, '.factcheck', 'facts.json');
    const draft = uriOf(path.join(ws, 'drafts', 'library.md'));
    const first = client.diagnosticsFor(draft, (d) => d.length === 1);
    await client.open(draft, "Riverton's library budget is $5 million this year.\n");
    await first;

    const moved = path.join(ws, '.factcheck', 'facts.json.bak');
    fs.renameSync(facts, moved);
    const gone = client.diagnosticsFor(draft, (d) => d.length === 0);
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(facts), type: 3 }] });
    await gone;

    fs.renameSync(moved, facts);
    const back = client.diagnosticsFor(draft, (d) => d.length === 1);
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(facts), type: 1 }] });
    assert.match(String((await back)[0].message), /\$4\.2 million/);
    assert.equal(await client.stop(), 0);
  });

  test('workspace folders added and removed: the workspace check and fact bases follow', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'factcheck-empty-'));
    const ws = scratchWorkspace();
    const client = new TestClient();
    await client.initialize([empty]);
    const check = async () => (await client.conn.sendRequest('factcheck/checkWorkspace', {})) as { files: number; conflicts: number };
    assert.deepEqual(await check(), { files: 0, conflicts: 0, outdated: 0, figures: 0, backed: 0, unverified: 0, skipped: [], cancelled: false });

    await client.conn.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: uriOf(ws), name: 'ws' }], removed: [] } });
    const library = uriOf(path.join(ws, 'drafts', 'library.md'));
    const published = client.diagnosticsFor(library, (d) => d.length === 1);
    const added = await check();
    assert.equal(added.files, 4);
    assert.equal(added.conflicts, 3, 'the added folder brings its own fact base (the library budget)');
    await published;

    await client.conn.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: uriOf(ws), name: 'ws' }] } });
    assert.equal((await check()).files, 0);
    assert.equal(await client.stop(), 0);
  });

  test('a workspace check can be cancelled', async () => {
    const big = fs.mkdtempSync(path.join(os.tmpdir(), 'factcheck-many-'));
    for (let i = 0; i < 400; i++) fs.writeFileSync(path.join(big, `d${i}.md`), CONFLICT.repeat(20));
    const client = new TestClient();
    await client.initialize([big]);
    const token = 'cancel-me';
    const source = new CancellationTokenSource();
    const pending = client.conn.sendRequest('factcheck/checkWorkspace', { workDoneToken: token }, source.token);
    await client.until(() => client.progress.some((p) => p.token === token && p.value.kind === 'report'), 'a first progress report');
    source.cancel();
    const result = (await pending) as { files: number; cancelled: boolean };
    assert.equal(result.cancelled, true);
    assert.ok(result.files < 400, `stopped early (${result.files} files)`);
    assert.equal(client.progress.filter((p) => p.token === token).pop()?.value.message, 'cancelled');
    assert.equal(await client.stop(), 0);
  });

  test('binary files and files over the size limit are skipped with a reason', async () => {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'factcheck-skip-'));
    fs.writeFileSync(path.join(ws, 'binary.md'), Buffer.from([0x24, 0x32, 0x00, 0x01, 0x02]));
    fs.writeFileSync(path.join(ws, 'big.md'), CONFLICT.repeat(40_000));
    fs.writeFileSync(path.join(ws, 'ok.md'), CONFLICT);
    const client = new TestClient();
    client.settings = { maxFileSizeMB: 1 };
    await client.initialize([ws]);
    const result = (await client.conn.sendRequest('factcheck/checkWorkspace', {})) as { files: number; skipped: { uri: string; reason: string }[] };
    assert.equal(result.files, 1);
    const reasons = Object.fromEntries(result.skipped.map((s) => [path.basename(s.uri), s.reason]));
    assert.match(reasons['binary.md'], /binary/);
    assert.match(reasons['big.md'], /over the 1\.0 MB limit/);
    // An open document over the limit gets one information note instead of a check.
    const uri = uriOf(path.join(ws, 'big.md'));
    const note = client.diagnosticsFor(uri);
    await client.open(uri, CONFLICT.repeat(40_000));
    const [d, ...rest] = await note;
    assert.equal(rest.length, 0);
    assert.equal(d.severity, 3);
    assert.match(String(d.message), /over the 1 MB limit/);
    assert.equal(await client.stop(), 0);
  });
});

test('the guard the server runs under catches network use and code loaded from a workspace', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factcheck-guard-'));
  fs.writeFileSync(path.join(dir, 'evil.js'), 'module.exports = 1;');
  const guard = path.join(__dirname, 'guard.js');
  const run = (code: string) => spawnSync(process.execPath, ['--require', guard, '-e', code], { encoding: 'utf8' });
  assert.match(run("require('https').get('https://example.org')").stderr, /GUARD VIOLATION: network: https\.get/);
  assert.match(run("fetch('http://example.org')").stderr, /GUARD VIOLATION: network: fetch/);
  assert.match(run(`require(${JSON.stringify(path.join(dir, 'evil.js'))})`).stderr, /GUARD VIOLATION: code loaded from outside the project/);
  assert.equal(run("require('path'); require('vscode-uri')").stderr, '');
});

test('settings: severity per verdict, extra fact bases from settings, enable', async () => {
  const ws = scratchWorkspace();
  fs.mkdirSync(path.join(ws, 'extra'));
  const extra = JSON.parse(fs.readFileSync(path.join(ws, '.factcheck', 'facts.json'), 'utf8'));
  extra.facts[0] = {
    ...extra.facts[0],
    id: 'riverton-pool-budget',
    subject: "Riverton's pool budget",
    aliases: [],
    keywords: ['pool'],
    value: { kind: 'money', amount: 900000, unit: 'USD' },
    text: '$900,000',
    quote: 'The pool gets $900,000.',
  };
  fs.writeFileSync(path.join(ws, 'extra', 'pool.json'), JSON.stringify(extra, null, 2));
  const client = new TestClient();
  client.settings = { severity: { conflict: 'error', outdated: 'off' }, factBases: ['extra/pool.json'] };
  await client.initialize([ws]);
  await client.until(
    () => client.registrations.some((r) => JSON.stringify(r.registerOptions ?? '').includes('pool.json')),
    'a watcher on the settings fact base',
  );

  const uri = uriOf(path.join(ws, 'notes.md'));
  const diags = client.diagnosticsFor(uri, (d) => d.length > 0);
  await client.open(
    uri,
    'The pool budget is $2 million.\nOn February 1, Trump imposed a 10 percent tariff on all Chinese imports; today the U.S. levies a 10 percent tariff on Chinese imports.\n',
  );
  const found = await diags;
  assert.deepEqual(
    found.map((d) => [d.code, d.severity, (d.data as { factId: string }).factId]),
    [['conflict', 1, 'riverton-pool-budget']],
  );

  client.settings = { enable: false };
  const off = client.diagnosticsFor(uri, (d) => d.length === 0);
  await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  await off;
  assert.equal(await client.stop(), 0);
});

test('closing a file that the workspace check covered puts back its findings from disk', async () => {
  const ws = scratchWorkspace();
  const client = new TestClient();
  await client.initialize([ws]);
  await client.conn.sendRequest('factcheck/checkWorkspace', {});
  const uri = uriOf(path.join(ws, 'drafts', 'library.md'));
  assert.equal(client.diagnostics.get(uri)?.diagnostics.length, 1);
  const opened = client.diagnosticsFor(uri, (_, p) => p.version === 1);
  await client.open(uri, 'Nothing to check here.\n'); // unsaved text that differs from disk
  assert.deepEqual(await opened, []);
  const restored = client.diagnosticsFor(uri, (d) => d.length === 1);
  await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  assert.match(String((await restored)[0].message), /\$4\.2 million/);
  assert.equal(await client.stop(), 0);
});

test('factcheck/listFacts lists the facts in use with quote, citation and where each is defined', async () => {
  const ws = scratchWorkspace();
  const client = new TestClient();
  await client.initialize([ws]);
  const facts = (await client.conn.sendRequest('factcheck/listFacts', { uri: uriOf(path.join(ws, 'drafts', 'library.md')) })) as {
    id: string;
    value: string;
    quote: string;
    citation: string;
    location: { uri: string; line: number };
  }[];
  const library = facts.find((f) => f.id === 'riverton-library-budget');
  assert.ok(library, 'the workspace fact is listed');
  assert.equal(library.value, '$4.2 million');
  assert.equal(library.citation, 'Riverton City Budget 2025, 2025-03-14');
  const factsFile = path.join(ws, '.factcheck', 'facts.json');
  assert.equal(library.location.uri, uriOf(factsFile));
  assert.match(fs.readFileSync(factsFile, 'utf8').split('\n')[library.location.line + 1], /"id": "riverton-library-budget"/);
  assert.ok(
    facts.some((f) => f.id === 'phase-one-purchase-commitment' && /Trump has shown/.test(f.quote)),
    'the bundled facts are listed too',
  );
  assert.equal(await client.stop(), 0);
});

test('factcheck/addFact drafts a fact from a selection as an edit to the folder fact base, which then backs a draft; a source folder offers "Add as fact"', async () => {
  const ws = scratchWorkspace();
  const client = new TestClient();
  await client.initialize([ws]);
  const factsFile = path.join(ws, '.factcheck', 'facts.json');
  const before = fs.readFileSync(factsFile, 'utf8');
  const sourceText = '---\ntitle: Riverton parks plan\ndate: 2025-04-02\n---\n\nThe council set the parks budget at $1.8 million for 2025.\n';
  const sourceUri = uriOf(path.join(ws, 'sources', 'parks.md'));
  const at = sourceText.indexOf('The council');
  const result = (await client.conn.sendRequest('factcheck/addFact', {
    uri: sourceUri,
    text: sourceText,
    languageId: 'markdown',
    start: at,
    end: sourceText.indexOf('\n', at),
  })) as {
    factsUri: string;
    create: boolean;
    text: string;
    insertions: TextEdit[];
    select: { start: { line: number; character: number }; end: { line: number; character: number } };
    factId: string;
  };
  assert.equal(result.factsUri, uriOf(factsFile));
  assert.equal(result.create, false);
  // The server wrote nothing: the edit is the client's to apply.
  assert.equal(fs.readFileSync(factsFile, 'utf8'), before);
  const edited = applyEdits(before, result.insertions);
  assert.equal(edited, result.text);
  const base = JSON.parse(edited) as {
    sources: { id: string; title?: string; file?: string }[];
    facts: { id: string; text: string; source: string; value: unknown }[];
  };
  const fact = base.facts.find((f) => f.id === result.factId)!;
  assert.equal(fact.text, '$1.8 million');
  assert.deepEqual(fact.value, { kind: 'money', amount: 1.8e6, unit: 'USD' });
  const source = base.sources.find((s) => s.id === fact.source)!;
  assert.equal(source.title, 'Riverton parks plan');
  assert.equal(source.file, path.join('..', 'sources', 'parks.md'));
  const lines = edited.split('\n');
  assert.match(lines[result.select.start.line].slice(result.select.start.character), /^\$1\.8 million|^[a-z]/, 'the subject is selected');
  assert.equal(lines[result.select.start.line].slice(0, result.select.start.character).trim(), '"subject": "');

  // Saved, it backs a draft and contradicts a wrong one.
  fs.mkdirSync(path.join(ws, 'sources'), { recursive: true });
  fs.writeFileSync(path.join(ws, 'sources', 'parks.md'), sourceText);
  fs.writeFileSync(factsFile, edited);
  await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(factsFile), type: 2 }] });
  const draftUri = uriOf(path.join(ws, 'drafts', 'parks.md'));
  const diags = client.diagnosticsFor(draftUri, (d) => d.length > 0);
  await client.open(draftUri, 'The council set the parks budget at $2.5 million for 2025.\n');
  const [d] = await diags;
  assert.equal(d.code, 'conflict');
  assert.match(String(d.message), /\$1\.8 million/);
  // The hover's source line opens the local copy at the quote's line.
  const hover = (await client.conn.sendRequest('textDocument/hover', { textDocument: { uri: draftUri }, position: d.range.start })) as Hover;
  assert.ok((hover.contents as MarkupContent).value.includes(`([local copy](${sourceUri}#L6))`), (hover.contents as MarkupContent).value);

  // In a source folder, each figure offers "Add as fact".
  await client.open(sourceUri, sourceText);
  const line = sourceText.split('\n').findIndex((l) => l.includes('$1.8'));
  const actions = (await client.conn.sendRequest('textDocument/codeAction', {
    textDocument: { uri: sourceUri },
    range: { start: { line, character: 0 }, end: { line, character: 60 } },
    context: { diagnostics: [] },
  })) as CodeAction[];
  const add = actions.filter((a) => a.command?.command === 'factcheck.addFactAt');
  assert.deepEqual(
    add.map((a) => a.title),
    ['Add "$1.8 million" as a fact', 'Add "2025" as a fact'],
  );
  // Not in a draft outside the source folders.
  const none = (await client.conn.sendRequest('textDocument/codeAction', {
    textDocument: { uri: draftUri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 60 } },
    context: { diagnostics: [] },
  })) as CodeAction[];
  assert.ok(!none.some((a) => a.command?.command === 'factcheck.addFactAt'));
  // A selection without a figure says so.
  const empty = (await client.conn.sendRequest('factcheck/addFact', { uri: sourceUri, text: 'No figures here.', start: 0, end: 5 })) as { message: string };
  assert.match(empty.message, /no figure/);
  assert.equal(await client.stop(), 0);
});

test('unverified figures: off by default; as hints, faint, with a hover that says no fact covers them; coverage after each check and in the workspace check', async () => {
  const ws = scratchWorkspace();
  const client = new TestClient();
  const coverage: Array<{ uri: string; figures: number; backed: number; conflicts: number; unverified: number }> = [];
  client.conn.onNotification('factcheck/coverage', (p: (typeof coverage)[number]) => void coverage.push(p));
  await client.initialize([ws]);
  const uri = uriOf(path.join(ws, 'notes.md'));
  const text = `${CONFLICT}We met 12 people on the trip.\n`;
  const first = client.diagnosticsFor(uri, (d) => d.length > 0);
  await client.open(uri, text);
  assert.deepEqual(
    (await first).map((d) => d.code),
    ['conflict'],
    'unverified figures are off by default',
  );
  const cov = coverage.filter((c) => c.uri === uri).pop()!;
  assert.deepEqual([cov.figures, cov.backed, cov.conflicts, cov.unverified], [3, 1, 1, 1]);

  client.settings = { severity: { unverified: 'hint' } };
  const hinted = client.diagnosticsFor(uri, (d) => d.some((x) => x.code === 'unverified'));
  await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  const u = (await hinted).find((d) => d.code === 'unverified')!;
  assert.equal(u.severity, 4);
  assert.deepEqual(u.tags, [1], 'shown faintly');
  assert.equal(text.split('\n')[u.range.start.line].slice(u.range.start.character, u.range.end.character), '12 people');
  const hover = (await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: u.range.start })) as Hover;
  assert.match((hover.contents as MarkupContent).value, /unverified.*No fact in use covers 12 people.*Add Fact from Selection/s);

  const result = (await client.conn.sendRequest('factcheck/checkWorkspace', {})) as { figures: number; backed: number; conflicts: number; unverified: number };
  const cli = spawnSync(process.execPath, [path.join(root, 'server', 'bin', 'factcheck.js'), '--format', 'json', '--unverified', '.'], {
    cwd: ws,
    encoding: 'utf8',
  });
  const summary = (JSON.parse(cli.stdout) as { summary: { claims: number; backed: number; conflicts: number; unverified: number } }).summary;
  assert.deepEqual(
    [result.figures, result.backed, result.conflicts, result.unverified],
    [summary.claims, summary.backed, summary.conflicts, summary.unverified],
  );
  assert.equal(await client.stop(), 0);
});

test('factcheck/factsTree: fact bases, their sources and facts, with the drafts that back or contradict each; factsChanged when that changes', async () => {
  const ws = scratchWorkspace();
  const client = new TestClient();
  let onChanged: () => void = () => {};
  client.conn.onNotification('factcheck/factsChanged', () => onChanged());
  await client.initialize([ws]);
  type Tree = {
    uri: string;
    bundled: boolean;
    sources: {
      id: string;
      citation: string;
      facts: { id: string; value: string; citedBy: string[]; conflictsIn: string[]; location: { uri: string; line: number } }[];
    }[];
  }[];
  const tree = async () => (await client.conn.sendRequest('factcheck/factsTree', {})) as Tree;
  const before = await tree();
  const workspaceBase = before.find((b) => !b.bundled)!;
  assert.equal(workspaceBase.uri, uriOf(path.join(ws, '.factcheck', 'facts.json')));
  assert.ok(before.some((b) => b.bundled && b.sources.some((s) => s.facts.some((f) => f.id === 'phase-one-purchase-commitment'))));
  const library = workspaceBase.sources[0].facts[0];
  assert.deepEqual(
    [workspaceBase.sources[0].citation, library.id, library.value, library.citedBy, library.conflictsIn],
    ['Riverton City Budget 2025, 2025-03-14', 'riverton-library-budget', '$4.2 million', [], []],
  );
  const draft = uriOf(path.join(ws, 'drafts', 'library.md'));
  const diags = client.diagnosticsFor(draft, (d) => d.length > 0);
  const changed = new Promise<void>((resolve) => (onChanged = resolve));
  await client.open(draft, "Riverton's library budget is $5 million this year.\n");
  await diags;
  await changed;
  const after = (await tree()).find((b) => !b.bundled)!.sources[0].facts[0];
  assert.deepEqual(after.conflictsIn, [draft]);
  assert.equal(await client.stop(), 0);
});

test('a client that can be asked for settings but holds none (answers null) keeps its initializationOptions settings', async () => {
  const ws = scratchWorkspace();
  const client = new TestClient();
  client.settings = null as unknown as Record<string, unknown>;
  await client.initialize([ws], { settings: { severity: { conflict: 'error' } } });
  const uri = uriOf(path.join(ws, 'drafts', 'library.md'));
  const first = client.diagnosticsFor(uri, (d) => d.length > 0);
  await client.open(uri, "Riverton's library budget is $5 million this year.\n");
  assert.equal((await first)[0].severity, 1, 'the initializationOptions severity applies, not the default warning');
  assert.equal(await client.stop(), 0);
});

test('any client: the workspace check as workspace/executeCommand; no dynamic registration when the client says it cannot; settings in one shape three ways', async () => {
  const ws = scratchWorkspace();
  // A client like Neovim 0.7: no workspace/configuration, no dynamic registration of configuration changes; settings
  // given once in initializationOptions, in the same shape as VS Code's section (here with the "factcheck" wrapper).
  const client = new TestClient();
  const init = await client.initialize(
    [ws],
    { settings: { factcheck: { severity: { conflict: 'error' } } } },
    {
      configuration: false,
      didChangeConfiguration: { dynamicRegistration: false },
    },
  );
  assert.deepEqual(init.capabilities.executeCommandProvider?.commands, ['factcheck.server.checkWorkspace']);
  const uri = uriOf(path.join(ws, 'drafts', 'library.md'));
  const first = client.diagnosticsFor(uri, (d) => d.length > 0);
  await client.open(uri, "Riverton's library budget is $5 million this year.\n");
  assert.equal((await first)[0].severity, 1, 'the initializationOptions severity applies');
  // Pushed settings, without the wrapper this time: the same keys.
  const pushed = client.diagnosticsFor(uri, (d) => d.length > 0 && d[0].severity === 3);
  await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: { severity: { conflict: 'information' } } });
  await pushed;
  const result = (await client.conn.sendRequest('workspace/executeCommand', { command: 'factcheck.server.checkWorkspace', arguments: [] })) as {
    files: number;
    conflicts: number;
  };
  assert.equal(result.files, 4);
  assert.equal(result.conflicts, 3);
  assert.equal(await client.stop(), 0);

  // A client that can be asked for settings but takes no dynamic registration gets none; one that takes it does.
  for (const dynamicRegistration of [false, true]) {
    const c = new TestClient();
    await c.initialize([ws], undefined, { didChangeConfiguration: { dynamicRegistration } });
    await c.until(() => c.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles'), 'the watcher registration');
    if (dynamicRegistration)
      await c.until(() => c.registrations.some((r) => r.method === 'workspace/didChangeConfiguration'), 'the configuration registration');
    assert.equal(
      c.registrations.some((r) => r.method === 'workspace/didChangeConfiguration'),
      dynamicRegistration,
      `configuration registered only when the client can take it (dynamicRegistration ${dynamicRegistration})`,
    );
    assert.equal(await c.stop(), 0);
  }
});
