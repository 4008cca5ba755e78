/**
 * The VS Code client: starts the language server, and adds what only an editor has: commands,
 * a status bar item and progress UI. All checking happens in the server.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind, WorkDoneProgress } from 'vscode-languageclient/node';
import { FactsView, openFact, showFactUses } from './factsView';
import {
  FACTS_CHANGED,
  FACTS_TREE,
  type FactsTreeBase,
  COVERAGE,
  type CoverageParams,
  CITE_ALL,
  type CiteAllResult,
  ADD_FACT,
  type AddFactResult,
  CHECK_WORKSPACE,
  type CheckWorkspaceResult,
  type FactSummary,
  LIST_FACTS,
  type ServerStatus,
  STATUS,
} from '../../server/src/protocol';

const SECTION = 'factcheck';
const FACTBASE_PATTERN = '**/.factcheck/*.json';

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel;
let status: vscode.StatusBarItem;
/** The last coverage the server reported for each open document, by URI. */
const coverage = new Map<string, CoverageParams>();
let factsView: FactsView | undefined;

/** What the extension exports, for its own tests and for other extensions. */
export interface FactCheckApi {
  /** The status bar item's text as shown now. */
  statusText(): string;
  /** Resolves when the server is running. */
  ready(): Promise<void>;
  /** What the running server reports about itself. */
  serverStatus(): Promise<ServerStatus | undefined>;
  /** The Facts view's fact bases, refreshed from the server. */
  factsTree(): Promise<readonly FactsTreeBase[]>;
}

function languages(): string[] {
  const v = vscode.workspace.getConfiguration(SECTION).get<string[]>('languages');
  return Array.isArray(v) && v.length ? v : ['markdown', 'plaintext'];
}

function createClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const selector = languages().flatMap((language) => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
  ]);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [...selector, { scheme: 'file', pattern: FACTBASE_PATTERN }],
    outputChannel: output,
    diagnosticCollectionName: SECTION,
  };
  const c = new LanguageClient(SECTION, 'Policy Fact Check', serverOptions, clientOptions);
  c.onNotification(FACTS_CHANGED, () => void factsView?.refresh());
  c.onNotification(COVERAGE, (p: CoverageParams) => {
    coverage.set(p.uri, p);
    if (vscode.window.activeTextEditor?.document.uri.toString() === p.uri) updateStatus();
  });
  return c;
}

async function checkWorkspace(): Promise<CheckWorkspaceResult | undefined> {
  if (!client) return undefined;
  const c = client;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Fact Check', cancellable: true },
    async (progress, cancel) => {
      const token = `factcheck-${Date.now()}-${Math.random().toString(36).slice(2)}`;
      let last = 0;
      const sub = c.onProgress(WorkDoneProgress.type, token, (v) => {
        if (v.kind === 'end') return;
        const pct = v.percentage ?? last;
        progress.report({ message: v.kind === 'begin' ? 'checking workspace…' : v.message, increment: pct - last });
        last = pct;
      });
      try {
        return await c.sendRequest<CheckWorkspaceResult>(CHECK_WORKSPACE, { workDoneToken: token }, cancel);
      } finally {
        sub.dispose();
      }
    },
  );
  const skipped = result.skipped.length ? `; ${result.skipped.length} skipped (see the output channel)` : '';
  for (const s of result.skipped) output.appendLine(`${vscode.Uri.parse(s.uri).fsPath}: ${s.reason}`);
  const n = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`;
  const msg = result.cancelled
    ? 'Fact Check: workspace check cancelled.'
    : `Fact Check: ${n(result.figures, 'figure')}: ${result.backed} backed, ${n(result.conflicts, 'conflict')}, ${result.outdated} outdated, ${result.unverified} unverified in ${n(result.files, 'file')}${skipped}.`;
  void vscode.window.showInformationMessage(msg, 'Open Problems').then((a) => a && vscode.commands.executeCommand('workbench.actions.view.problems'));
  return result;
}

async function showFacts(): Promise<void> {
  if (!client) return;
  const uri = vscode.window.activeTextEditor?.document.uri.toString();
  const facts = await client.sendRequest<FactSummary[]>(LIST_FACTS, { uri });
  const picked = await vscode.window.showQuickPick(
    facts.map((f) => ({ label: f.value, description: f.subject, detail: `“${f.quote}” — ${f.citation}`, fact: f })),
    { placeHolder: 'Search the facts in use (value, subject or quote)', matchOnDescription: true, matchOnDetail: true },
  );
  if (!picked) return;
  const f = picked.fact;
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(f.location.uri));
  const pos = new vscode.Position(f.location.line, 0);
  await vscode.window.showTextDocument(doc, { selection: new vscode.Range(pos, pos), preview: true });
  const actions = f.url ? ['Open Source'] : [];
  const choice = await vscode.window.showInformationMessage(`“${f.quote}” — ${f.citation} (as of ${f.asOf})`, ...actions);
  if (choice === 'Open Source' && f.url) await vscode.env.openExternal(vscode.Uri.parse(f.url));
}

/**
 * Fact Check: Add Fact from Selection (or Add as Fact on a figure of a source document): the server drafts the fact
 * and the edit; the edit is applied here, unsaved, and the fact base opens with its subject selected for review.
 */
async function addFact(uri?: string, start?: number, end?: number): Promise<string | undefined> {
  if (!client) return undefined;
  const editor = vscode.window.activeTextEditor;
  const doc = uri ? await vscode.workspace.openTextDocument(vscode.Uri.parse(uri)) : editor?.document;
  if (!doc) {
    void vscode.window.showWarningMessage('Fact Check: select a sentence with a figure first.');
    return undefined;
  }
  const from = start ?? doc.offsetAt(editor!.selection.start);
  const to = end ?? doc.offsetAt(editor!.selection.end);
  const result = await client.sendRequest<AddFactResult>(ADD_FACT, {
    uri: doc.uri.toString(),
    text: doc.getText(),
    languageId: doc.languageId,
    start: from,
    end: to,
  });
  if ('message' in result) {
    void vscode.window.showWarningMessage(`Fact Check: ${result.message}`);
    return undefined;
  }
  const target = vscode.Uri.parse(result.factsUri);
  const edit = new vscode.WorkspaceEdit();
  if (result.create) edit.createFile(target, { ignoreIfExists: true });
  for (const ins of result.insertions) edit.insert(target, new vscode.Position(ins.range.start.line, ins.range.start.character), ins.newText);
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showWarningMessage(`Fact Check: could not edit ${target.fsPath}.`);
    return undefined;
  }
  const factsDoc = await vscode.workspace.openTextDocument(target);
  const at = (p: { line: number; character: number }) => new vscode.Position(p.line, p.character);
  const selection = new vscode.Selection(at(result.select.start), at(result.select.end));
  const shown = await vscode.window.showTextDocument(factsDoc, { selection });
  shown.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  void vscode.window.setStatusBarMessage(`Fact Check: added ${result.factId}; review it and save to use it`, 8000);
  return result.factId;
}

/** Fact Check: Cite All Backed Figures: one edit for the whole document, so one undo takes it back. */
async function citeAll(): Promise<number> {
  const editor = vscode.window.activeTextEditor;
  if (!client || !editor) return 0;
  const uri = editor.document.uri;
  const version = editor.document.version;
  const result = await client.sendRequest<CiteAllResult>(CITE_ALL, { uri: uri.toString() });
  // Typed into meanwhile: the edits are for older text.
  if (editor.document.version !== version) {
    void vscode.window.showWarningMessage('Fact Check: the document changed while citing; run Cite All Backed Figures again.');
    return 0;
  }
  if (!result.edits.length) {
    void vscode.window.showInformationMessage('Fact Check: no backed figure to cite here.');
    return 0;
  }
  const edit = new vscode.WorkspaceEdit();
  const at = (p: { line: number; character: number }) => new vscode.Position(p.line, p.character);
  edit.set(
    uri,
    result.edits.map((e) => new vscode.TextEdit(new vscode.Range(at(e.range.start), at(e.range.end)), e.newText)),
  );
  await vscode.workspace.applyEdit(edit);
  return result.edits.length;
}

function updateStatus(): void {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !languages().includes(editor.document.languageId)) {
    status.hide();
    return;
  }
  const ours = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === SECTION);
  const conflicts = ours.filter((d) => d.code === 'conflict').length;
  const outdated = ours.filter((d) => d.code === 'outdated').length;
  const n = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`;
  const cov = coverage.get(editor.document.uri.toString());
  // "42 figures: 30 backed, 2 conflicts, 10 unverified": how much of the draft the facts cover.
  const line = cov ? `${n(cov.figures, 'figure')}: ${cov.backed} backed, ${n(conflicts, 'conflict')}, ${cov.unverified} unverified` : undefined;
  status.text = `${conflicts ? '$(warning)' : '$(check)'} ${line ?? (conflicts ? n(conflicts, 'fact conflict') : 'Facts')}`;
  status.tooltip = `Policy Fact Check: ${n(conflicts, 'conflict')}, ${outdated} outdated in this file${line ? `; ${line}` : ''}. Click to open Problems.`;
  status.show();
}

export async function activate(context: vscode.ExtensionContext): Promise<FactCheckApi> {
  output = vscode.window.createOutputChannel('Policy Fact Check', { log: true });
  status = vscode.window.createStatusBarItem('factcheck.status', vscode.StatusBarAlignment.Right, 100);
  status.name = 'Policy Fact Check';
  status.command = 'workbench.actions.view.problems';
  context.subscriptions.push(output, status);

  factsView = new FactsView(async () => (client?.isRunning() ? client.sendRequest<FactsTreeBase[]>(FACTS_TREE) : undefined));
  context.subscriptions.push(vscode.window.createTreeView('factcheck.facts', { treeDataProvider: factsView, showCollapseAll: true }));
  client = createClient(context);
  let starting = client.start();
  void starting.then(() => factsView?.refresh());

  const restart = async () => {
    if (client) await client.stop().catch(() => undefined);
    client = createClient(context);
    starting = client.start();
    await starting;
    await factsView?.refresh();
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('factcheck.checkWorkspace', checkWorkspace),
    vscode.commands.registerCommand('factcheck.showFacts', showFacts),
    vscode.commands.registerCommand('factcheck.restartServer', restart),
    vscode.commands.registerCommand('factcheck.addFactFromSelection', () => addFact()),
    vscode.commands.registerCommand('factcheck.citeAll', citeAll),
    vscode.commands.registerCommand('factcheck.openFact', openFact),
    vscode.commands.registerCommand('factcheck.showFactUses', showFactUses),
    vscode.commands.registerCommand('factcheck.refreshFacts', () => factsView?.refresh()),
    vscode.commands.registerCommand('factcheck.addFactAt', (uri: string, start: number, end: number) => addFact(uri, start, end)),
    vscode.languages.onDidChangeDiagnostics(updateStatus),
    vscode.window.onDidChangeActiveTextEditor(updateStatus),
    vscode.workspace.onDidChangeConfiguration((e) => {
      // The document selector is fixed when the client starts.
      if (e.affectsConfiguration(`${SECTION}.languages`)) void restart();
    }),
  );
  updateStatus();
  await starting.catch((e) => output.appendLine(`The server did not start: ${e}`));
  return {
    statusText: () => status.text,
    ready: () => starting,
    serverStatus: async () => (client?.isRunning() ? client.sendRequest<ServerStatus>(STATUS) : undefined),
    factsTree: async () => {
      await factsView?.refresh();
      return factsView?.snapshot() ?? [];
    },
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
