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
import type { CodeAction, Diagnostic, Hover, MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { root, TestClient, uriOf } from './lsp';

const CONFLICT = 'China fell short of the $250 billion it promised under the 2020 deal.\n';
const fixture = path.join(root, 'test', 'fixtures', 'workspace');

/** A scratch workspace copied from the fixture, so tests may write to it. */
function scratchWorkspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factcheck-lsp-'));
  fs.cpSync(fixture, dir, { recursive: true });
  return dir;
}

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

  test('hover shows the verdict, the sourced value, the quote and the source; none on an unmatched number', async () => {
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
    const actions = (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
    assert.deepEqual(actions.map((a) => a.title), ['Replace with "$200 billion"', 'Ignore this claim']);
    const edits = actions[0].edit!.changes![uri];
    assert.deepEqual(edits, [{ range: d.range, newText: '$200 billion' }]);
    assert.equal(actions[0].isPreferred, true);
    const cleared = client.diagnosticsFor(uri, (_, p) => p.version === 2);
    await client.change(uri, 2, edits.map((e) => ({ range: e.range, text: e.newText })));
    assert.deepEqual(await cleared, []);
    assert.equal(applyEdits(text, edits), 'China fell short of the $200 billion it promised under the 2020 deal.\n');
  });

  test('"Ignore this claim" inserts the suppression comment, which the CLI honours too', async () => {
    const uri = uriOf(path.join(ws, 'ignore.md'));
    const diags = client.diagnosticsFor(uri);
    await client.open(uri, CONFLICT);
    const [d] = await diags;
    const actions = (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
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
    const actions = (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
    assert.equal(actions[1].edit!.changes![uri][0].newText, ' [factcheck-ignore]');
  });

  test('the workspace check publishes the same findings as the CLI for every file, open or not, with progress', async () => {
    const token = 'ws-check-1';
    const result = (await client.conn.sendRequest('factcheck/checkWorkspace', { workDoneToken: token })) as { files: number; conflicts: number; cancelled: boolean };
    const kinds = client.progress.filter((p) => p.token === token).map((p) => p.value.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds[kinds.length - 1], 'end');
    assert.ok(kinds.includes('report'));
    assert.equal(result.cancelled, false);

    const cli = spawnSync(process.execPath, [path.join(root, 'server', 'bin', 'factcheck.js'), '--format', 'json', '.'], { cwd: ws, encoding: 'utf8' });
    const report = JSON.parse(cli.stdout) as { files: { path: string; diagnostics: { range: Diagnostic['range']; code: string; factId: string; message: string }[] }[]; summary: { conflicts: number } };
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

    // Fixing the file clears its errors and the new value is used.
    const cleared = client.diagnosticsFor(uriOf(factsFile), (d) => d.length === 0);
    const updated = client.diagnosticsFor(draftUri, (d) => d.length === 0);
    fs.writeFileSync(factsFile, good.replace('"amount": 4200000', '"amount": 5000000').replace('"$4.2 million"', '"$5 million"'));
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(factsFile), type: 2 }] });
    await cleared;
    await updated;
  });

  test('errors in an open, unsaved fact base show as you type', async () => {
    const factsUri = uriOf(path.join(ws, '.factcheck', 'facts.json'));
    const problems = client.diagnosticsFor(factsUri, (d) => d.length > 0);
    await client.open(factsUri, '{ "version": 1, "sources": [], "facts": [ { "id": 3 } ] }', 'json');
    const errs = await problems;
    assert.ok(errs.every((e) => e.range.start.line === 0 && e.severity === 1), JSON.stringify(errs));
    assert.ok(errs.some((e) => /facts\/0\/id/.test(String(e.message))));
  });
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
  assert.ok(published.every((v, i) => i === 0 || (v ?? 0) > (published[i - 1] ?? 0)), 'versions only go forward');
  assert.equal(await client.stop(), 0);
});
