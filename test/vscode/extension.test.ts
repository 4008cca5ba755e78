/**
 * The extension in a real VS Code extension host, asserted through the VS Code API. Opened on a
 * copy of test/fixtures/workspace. Every wait is on an event (onDidChangeDiagnostics).
 */
import * as assert from 'node:assert';
import { before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { FactCheckApi } from '../../client/src/extension';

const EXTENSION_ID = 'policy-fact-check.policy-fact-check';

function folder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the test run opens the fixture workspace');
  return f.uri;
}
const file = (...parts: string[]) => vscode.Uri.joinPath(folder(), ...parts);

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'factcheck');
}

/** Resolves with a document's fact-check diagnostics once `test` holds for them. */
function diagnostics(uri: vscode.Uri, test: (d: vscode.Diagnostic[]) => boolean, ms = 20_000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const done = () => {
      const d = ours(uri);
      if (!test(d)) return false;
      sub.dispose();
      clearTimeout(timer);
      resolve(d);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) done();
    });
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out waiting for diagnostics on ${uri.fsPath}; have ${JSON.stringify(ours(uri).map((d) => d.message))}`));
    }, ms);
    done();
  });
}

describe('Policy Fact Check in VS Code', () => {
  let api: FactCheckApi;
  before(async () => {
    const ext = vscode.extensions.getExtension<FactCheckApi>(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
    api = await ext.activate();
    await api.ready();
  });

  it('underlines the conflicting figure in an open draft', async () => {
    const uri = file('drafts', 'trade.md');
    const wait = diagnostics(uri, (d) => d.length > 0);
    await vscode.window.showTextDocument(uri);
    const [d, ...rest] = await wait;
    assert.strictEqual(rest.length, 0);
    assert.strictEqual(d.code, 'conflict');
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.deepStrictEqual([d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character], [2, 24, 2, 36]);
    assert.match(d.message, /gives \$200 billion/);
  });

  it('shows the conflict count in the status bar', async () => {
    const uri = file('drafts', 'trade.md');
    await vscode.window.showTextDocument(uri);
    await diagnostics(uri, (d) => d.length > 0);
    assert.strictEqual(api.statusText(), '$(warning) 1 fact conflict');
  });

  it('hovers with the sourced value and the quote', async () => {
    const uri = file('drafts', 'trade.md');
    await diagnostics(uri, (d) => d.length > 0);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(2, 30));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /\*\*\$200 billion\*\*/);
    assert.match(text, /> Trump has shown a keen interest/);
    const none = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(0, 3));
    assert.strictEqual(none.length, 0);
  });

  it('offers the quick fix, and applying it clears the conflict', async () => {
    const uri = file('drafts', 'trade.md');
    const [d] = await diagnostics(uri, (x) => x.length > 0);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range);
    const fix = actions.find((a) => a.title === 'Replace with "$200 billion"');
    assert.ok(fix?.edit, `quick fix offered; got ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(actions.some((a) => a.title === 'Ignore this claim'));
    const cleared = diagnostics(uri, (x) => x.length === 0);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await cleared;
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.match(doc.getText(), /short of the \$200 billion it promised/);
    // Put the draft back for the workspace check below, unsaved edits and all.
    const back = diagnostics(uri, (x) => x.length === 1);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await back;
  });

  it('"Check Workspace" fills diagnostics for drafts that were never opened', async () => {
    const dam = file('drafts', 'nested', 'dam.txt');
    const library = file('drafts', 'library.md');
    assert.strictEqual(ours(dam).length, 0, 'not checked before the command');
    const damDiags = diagnostics(dam, (d) => d.length === 1);
    const libraryDiags = diagnostics(library, (d) => d.length === 1);
    const result = await vscode.commands.executeCommand<{ files: number; conflicts: number }>('factcheck.checkWorkspace');
    assert.strictEqual(result.files, 4);
    assert.strictEqual(result.conflicts, 3);
    assert.match((await damDiags)[0].message, /at least \$170 billion/);
    assert.match((await libraryDiags)[0].message, /\$4\.2 million/);
    assert.ok(!vscode.workspace.textDocuments.some((t) => t.uri.toString() === dam.toString()), 'dam.txt was not opened');
  });

  it('restarts a killed server and re-checks open documents', async () => {
    const uri = file('drafts', 'trade.md');
    await vscode.window.showTextDocument(uri);
    await diagnostics(uri, (d) => d.length === 1);
    const before = await api.serverStatus();
    assert.ok(before, 'the server answers');
    let restarted = false;
    // The client clears a crashed server's diagnostics and the new server publishes them again.
    const recovered = new Promise<void>((resolve) => {
      const sub = vscode.languages.onDidChangeDiagnostics(async (e) => {
        if (!e.uris.some((u) => u.toString() === uri.toString()) || ours(uri).length !== 1) return;
        const now = await api.serverStatus().catch(() => undefined);
        if (now && now.pid !== before.pid) {
          restarted = true;
          sub.dispose();
          resolve();
        }
      });
    });
    process.kill(before.pid, 'SIGKILL');
    await Promise.race([recovered, new Promise((_, reject) => setTimeout(() => reject(new Error('the server was not restarted within 20 s')), 20_000))]);
    assert.ok(restarted);
  });

  it('"Add Fact from Selection" adds the selected figure to the folder fact base for review; saved, it changes a draft\'s diagnostics', async () => {
    const source = file('sources', 'parks.md');
    const draft = file('drafts', 'parks.md');
    const factsUri = file('.factcheck', 'facts.json');
    await vscode.workspace.fs.writeFile(
      source,
      Buffer.from('---\ntitle: Riverton parks plan\ndate: 2025-04-02\n---\n\nThe council set the parks budget at $1.8 million for 2025.\n'),
    );
    await vscode.workspace.fs.writeFile(
      draft,
      Buffer.from("Riverton's library budget is $5 million this year. The council set the parks budget at $2.5 million for 2025.\n"),
    );
    const checked = diagnostics(draft, (d) => d.length === 1);
    await vscode.window.showTextDocument(draft);
    assert.match((await checked)[0].message, /\$4\.2 million/, 'before: only the library figure has a fact');

    const editor = await vscode.window.showTextDocument(source);
    const text = editor.document.getText();
    const at = text.indexOf('The council');
    editor.selection = new vscode.Selection(editor.document.positionAt(at), editor.document.positionAt(text.indexOf('\n', at)));
    const id = await vscode.commands.executeCommand<string>('factcheck.addFactFromSelection');
    assert.ok(id, 'a fact was added');
    const active = vscode.window.activeTextEditor;
    assert.ok(active);
    assert.strictEqual(active.document.uri.fsPath, factsUri.fsPath, 'the fact base opens at the new fact');
    assert.ok(active.document.isDirty, 'the edit waits for the writer to save it');
    const fact = (JSON.parse(active.document.getText()) as { facts: { id: string; subject: string; text: string; quote: string }[] }).facts.find(
      (f) => f.id === id,
    );
    assert.ok(fact);
    assert.strictEqual(fact.text, '$1.8 million');
    assert.strictEqual(fact.quote, 'The council set the parks budget at $1.8 million for 2025.');
    assert.strictEqual(active.document.getText(active.selection), fact.subject, 'the subject is selected for review');

    const after = diagnostics(draft, (d) => d.length === 2);
    assert.ok(await active.document.save());
    const parks = (await after).find((d) => /parks|1\.8/.test(d.message));
    assert.ok(parks, 'the draft now has a finding on the parks figure');
    assert.match(parks.message, /gives \$1\.8 million/);
  });
});
