/**
 * The Facts view in the Explorer: fact bases → sources → facts, each fact with its value, how many
 * checked drafts a figure of theirs backs, and its conflicts. The server computes it
 * (`factcheck/factsTree`); the view asks again when the server says fact bases or findings changed.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FactsTreeBase, FactsTreeFact } from '../../server/src/protocol';

type Node = { kind: 'base'; base: FactsTreeBase } | { kind: 'source'; source: FactsTreeBase['sources'][number] } | { kind: 'fact'; fact: FactsTreeFact };

export class FactsView implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private bases: FactsTreeBase[] = [];

  constructor(private readonly load: () => Promise<FactsTreeBase[] | undefined>) {}

  /** Asks the server again and redraws. */
  async refresh(): Promise<void> {
    this.bases = (await this.load().catch(() => undefined)) ?? [];
    this.changed.fire(undefined);
  }

  /** The fact bases as last loaded (for tests and commands). */
  snapshot(): readonly FactsTreeBase[] {
    return this.bases;
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.bases.map((base) => ({ kind: 'base', base }));
    if (node.kind === 'base') return node.base.sources.map((source) => ({ kind: 'source', source }));
    if (node.kind === 'source') return node.source.facts.map((fact) => ({ kind: 'fact', fact }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'base') {
      const file = vscode.Uri.parse(node.base.uri).fsPath;
      const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(node.base.uri));
      const label = node.base.bundled ? 'Bundled facts' : folder ? `${folder.name}: ${path.relative(folder.uri.fsPath, file)}` : file;
      const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
      item.resourceUri = vscode.Uri.parse(node.base.uri);
      item.description = `${node.base.sources.reduce((n, s) => n + s.facts.length, 0)} facts`;
      item.contextValue = 'factBase';
      return item;
    }
    if (node.kind === 'source') {
      const item = new vscode.TreeItem(node.source.citation, vscode.TreeItemCollapsibleState.Collapsed);
      item.iconPath = new vscode.ThemeIcon('book');
      item.description = `${node.source.facts.length} facts`;
      item.tooltip = node.source.url ?? node.source.citation;
      item.contextValue = 'source';
      return item;
    }
    const f = node.fact;
    const item = new vscode.TreeItem(f.value, vscode.TreeItemCollapsibleState.None);
    const cited = f.citedBy.length ? `${f.citedBy.length} draft${f.citedBy.length === 1 ? '' : 's'}` : '';
    const conflicts = f.conflictsIn.length ? `${f.conflictsIn.length} conflict${f.conflictsIn.length === 1 ? '' : 's'}` : '';
    item.description = [f.subject, cited, conflicts].filter(Boolean).join(' · ');
    item.tooltip = new vscode.MarkdownString(
      `**${f.value}**: ${f.subject}\n\n\`${f.id}\` · backed in ${f.citedBy.length} draft(s) · conflicts in ${f.conflictsIn.length}`,
    );
    item.iconPath = new vscode.ThemeIcon(f.conflictsIn.length ? 'warning' : f.citedBy.length ? 'pass' : 'circle-outline');
    item.contextValue = 'fact';
    item.id = `${f.location.uri}#${f.id}`;
    item.command = { title: 'Open Fact', command: 'factcheck.openFact', arguments: [f] };
    return item;
  }
}

/** Opens a fact at its entry in its fact base. */
export async function openFact(f: FactsTreeFact): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(f.location.uri));
  const at = new vscode.Position(f.location.line, 0);
  await vscode.window.showTextDocument(doc, { selection: new vscode.Range(at, at), preview: true });
}

/** "Show Drafts Using This Fact": the drafts that back or contradict it, to pick one and open it. */
export async function showFactUses(node: { fact: FactsTreeFact } | FactsTreeFact): Promise<void> {
  const f = 'fact' in node ? node.fact : node;
  const items = [
    ...f.conflictsIn.map((uri) => ({ label: `$(warning) ${vscode.workspace.asRelativePath(vscode.Uri.parse(uri))}`, description: 'contradicts it', uri })),
    ...f.citedBy.map((uri) => ({ label: `$(pass) ${vscode.workspace.asRelativePath(vscode.Uri.parse(uri))}`, description: 'backed by it', uri })),
  ];
  if (!items.length) {
    void vscode.window.showInformationMessage(`Fact Check: no checked draft uses ${f.id} yet (open drafts, or run Check Workspace).`);
    return;
  }
  const picked = await vscode.window.showQuickPick(items, { placeHolder: `Drafts using ${f.id}: ${f.value}` });
  if (picked) await vscode.window.showTextDocument(vscode.Uri.parse(picked.uri));
}
