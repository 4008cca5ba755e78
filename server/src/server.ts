/**
 * The language server: a thin shell that wires LSP events to the engine. Runs over IPC for the
 * VS Code extension and over stdio (`factcheck lsp --stdio`) for any LSP editor. Everything it
 * says about a claim comes from report.ts, so the editor, the CLI and CI agree word for word.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  type CancellationToken,
  type CodeAction,
  CodeActionKind,
  createConnection,
  type Diagnostic as LspDiagnostic,
  DiagnosticSeverity,
  DiagnosticTag,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type InitializeResult,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  WorkDoneProgress,
  type WorkDoneProgressBegin,
  WorkDoneProgressCreateRequest,
  type WorkDoneProgressEnd,
  type WorkDoneProgressReport,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { type CheckCache, checkText, ignoreMarkerFor, newCheckCache, prepare } from './engine/check';
import { isoDay } from './engine/quantity';
import type { Fact, FactBase, FactBaseProblem } from './engine/factbase/model';
import { type LintProblem, lintFactBase, schemaProblem } from './lint';
import { bundledFactBasePath } from './factfiles';
import { parseFactBase } from './engine/factbase/parse';
import { draftFormatOf, draftFromSelection } from './engine/curate/draft';
import { extract } from './engine/extract/extract';
import { addFactToText } from './addFact';
import { citationChanges } from './citations';
import type { FactIndex } from './engine/match/factIndex';
import { type DocumentFormat, formatOf } from './engine/text/markup';
import { comparePositions, lineIndex } from './engine/text/positions';
import { factBaseFilesFor, FactBaseStore, isWorkspaceFactBase, settingsFactBasePath } from './factbases';
import { collectFiles, readDraft } from './files';
import {
  EXECUTE_CHECK_WORKSPACE,
  FACTS_CHANGED,
  FACTS_TREE,
  type FactsTreeBase,
  COVERAGE,
  type CoverageParams,
  CITE_ALL,
  type CiteAllParams,
  type CiteAllResult,
  ADD_FACT,
  type AddFactParams,
  type AddFactResult,
  CHECK_WORKSPACE,
  type CheckWorkspaceParams,
  type CheckWorkspaceResult,
  type FactSummary,
  LIST_FACTS,
  type ListFactsParams,
  type ServerStatus,
  STATUS,
} from './protocol';
import {
  type Coverage,
  citation,
  coverageOf,
  type Diagnostic,
  hoverMarkdown,
  type Severity,
  type SeverityMap,
  toDiagnostics,
  type UnverifiedDiagnostic,
  unverifiedDiagnostics,
} from './report';
import { normalizeSettings, type Settings } from './settings';

const SOURCE = 'factcheck';
/** Every verdict kept, so hovers can confirm backed claims even when they are not shown. */
const KEEP_ALL: SeverityMap = { conflict: 'warning', outdated: 'information', consistent: 'hint', unverified: 'hint' };
const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What travels in `Diagnostic.data`: the fact id. Fixes are computed on request, keeping each publication small. */
interface DiagnosticData {
  factId: string;
}

/** The last check of a document: its version (-1 for a file checked from disk) and findings. */
interface Checked {
  version: number;
  /** Figures no fact covers, whether shown or not (for hovers). */
  unverified?: UnverifiedDiagnostic[];
  /** How many figures are backed, contradicted, unverified. */
  coverage?: Coverage;
  /** Every finding, backed claims included (for hovers). */
  findings: Diagnostic[];
  published: LspDiagnostic[];
  /** The finding behind each published diagnostic, by index. */
  shown: Diagnostic[];
  /** The suppression marker for the document's format. */
  marker: string;
  /** Offsets to positions in the checked text. */
  positionAt: (offset: number) => LspDiagnostic['range']['start'];
}

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const store = new FactBaseStore();
const checked = new Map<string, Checked>();
const timers = new Map<string, NodeJS.Timeout>();
/** Per open document: results of unchanged sentences, reused by the next check. */
const caches = new Map<string, CheckCache>();
/** Files whose findings came from a workspace check; closing one re-checks it from disk instead of clearing it. */
const fromWorkspaceCheck = new Set<string>();
/** Files a fact base problem was published for, so fixing the file clears them. */
const problemFiles = new Set<string>();
const warnedMissing = new Set<string>();

let folders: string[] = [];
let canPullConfiguration = false;
let canWatchDynamically = false;
let canReportProgress = false;
/** Whether the client takes `client/registerCapability` for configuration changes (many non-VS Code clients do not). */
let canRegisterConfiguration = false;
/** Settings pushed by a client that cannot be asked (`workspace/configuration` unsupported). */
let pushedSettings: Settings = normalizeSettings(undefined);
const settingsCache = new Map<string, Promise<Settings>>();

const fsPathOf = (uri: string): string | undefined => {
  const u = URI.parse(uri);
  return u.scheme === 'file' ? u.fsPath : undefined;
};
const uriOf = (file: string): string => URI.file(file).toString();

function folderOf(file: string | undefined): string | undefined {
  if (!file) return folders[0];
  let best: string | undefined;
  for (const f of folders) if ((file === f || file.startsWith(f + path.sep)) && (!best || f.length > best.length)) best = f;
  return best;
}

function settingsFor(uri: string | undefined): Promise<Settings> {
  if (!canPullConfiguration) return Promise.resolve(pushedSettings);
  const key = uri ?? '';
  let s = settingsCache.get(key);
  if (!s) {
    // A client that can be asked but holds nothing for the section answers null (Neovim 0.8+, lspconfig): then the
    // settings it gave in initializationOptions stand, rather than the defaults.
    s = connection.workspace.getConfiguration({ scopeUri: uri, section: 'factcheck' }).then(
      (raw: unknown) => (raw === null || raw === undefined ? pushedSettings : normalizeSettings(raw)),
      () => pushedSettings,
    );
    settingsCache.set(key, s);
  }
  return s;
}

function factFilesFor(file: string | undefined, settings: Settings): string[] {
  const folder = folderOf(file);
  const files = factBaseFilesFor(file, folder, { includeBundled: settings.includeBundledFacts, extra: settings.factBases });
  for (const f of files) {
    if (store.has(f)) continue;
    const state = store.get(f); // first read: say what is wrong with it, once
    if (!state.exists && !warnedMissing.has(f)) {
      warnedMissing.add(f);
      connection.window.showWarningMessage(`Fact Check: the fact base ${f} named in settings does not exist.`);
    }
    if (state.problems.length || (state.base && f !== bundledFactBasePath())) publishProblems(f, state.problems, false, state.base);
  }
  return files;
}

function toLsp(index: FactIndex, d: Diagnostic, severity: Severity): LspDiagnostic {
  const data: DiagnosticData = { factId: d.factId };
  const related = [];
  const fact = factsById(index).get(d.factId);
  if (fact)
    related.push({
      location: { uri: uriOf(fact.file), range: { start: { line: fact.line, character: 0 }, end: { line: fact.line, character: 0 } } },
      message: `Fact ${d.factId}`,
    });
  if (d.source.file)
    related.push({
      location: { uri: uriOf(d.source.file), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
      message: `Source: ${d.source.title ?? d.source.description ?? d.source.id}`,
    });
  return {
    range: d.range,
    severity: LSP_SEVERITY[severity],
    code: d.code,
    source: SOURCE,
    message: d.message,
    relatedInformation: related.length ? related : undefined,
    data,
  };
}

const factMaps = new WeakMap<FactIndex, Map<string, Fact>>();
function factsById(index: FactIndex): Map<string, Fact> {
  let m = factMaps.get(index);
  if (!m) factMaps.set(index, (m = new Map(index.base.facts.map((f) => [f.id, f]))));
  return m;
}

/** A document's format: Markdown by its language in the editor, else by its file name. */
function documentFormat(uri: string, languageId: string | undefined): DocumentFormat {
  return formatOf(languageId === 'markdown' ? 'markdown' : (fsPathOf(uri) ?? languageId ?? ''));
}

/** Checks text and publishes the findings, unless a newer version has arrived meanwhile. */
async function check(uri: string, text: string, version: number, languageId: string | undefined): Promise<Checked | undefined> {
  const settings = await settingsFor(uri);
  if (version >= 0 && documents.get(uri)?.version !== version) return undefined; // superseded while waiting
  const file = fsPathOf(uri);
  const none = { findings: [], shown: [], marker: '', positionAt: () => ({ line: 0, character: 0 }) };
  if (!settings.enable) return publish(uri, { version, published: [], ...none });
  if (text.length > settings.maxFileSizeMB * 1048576) {
    const note: LspDiagnostic = {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Information,
      source: SOURCE,
      code: 'skipped',
      message: `Not fact-checked: the document is over the ${settings.maxFileSizeMB} MB limit (factcheck.maxFileSizeMB).`,
    };
    return publish(uri, { version, published: [note], ...none });
  }
  const index = store.indexFor(factFilesFor(file, settings));
  const format = documentFormat(uri, languageId);
  let cache: CheckCache | undefined;
  if (version >= 0) {
    cache = caches.get(uri);
    if (!cache) caches.set(uri, (cache = newCheckCache()));
  }
  // The editor's documents, and the workspace's, are drafts being written now: one that gives no date of its own is as of
  // today. (An old article opened to be checked is then read as if written today.)
  const result = checkText(text, index, { format, cache, today: isoDay(new Date()) });
  const findings = toDiagnostics(text, result, KEEP_ALL);
  const published: LspDiagnostic[] = [];
  const shown: Diagnostic[] = [];
  for (const d of findings) {
    const severity = settings.severity[d.code];
    if (severity === 'off') continue;
    published.push(toLsp(index, d, severity));
    shown.push(d);
  }
  const unverifiedSeverity = settings.severity.unverified;
  const unverified = unverifiedSeverity === 'off' ? [] : unverifiedDiagnostics(text, result, unverifiedSeverity);
  for (const d of unverified)
    published.push({
      range: d.range,
      severity: LSP_SEVERITY[d.severity],
      code: d.code,
      source: SOURCE,
      message: d.message,
      // "hint" shows faintly: as unnecessary text in VS Code, dimmed rather than underlined.
      ...(d.severity === 'hint' ? { tags: [DiagnosticTag.Unnecessary] } : {}),
    });
  const coverage = coverageOf(result);
  if (version >= 0) void connection.sendNotification(COVERAGE, { uri, ...coverage } satisfies CoverageParams);
  return publish(uri, { version, findings, published, shown, unverified, coverage, marker: ignoreMarkerFor(format), positionAt: lineIndex(text) });
}

/** A file's saved text for a check, or why it is not checked (binary, over the size limit, unreadable). */
function draftOnDisk(file: string, settings: Settings): { text: string } | { skip: string } {
  try {
    return readDraft(file, settings.maxFileSizeMB * 1048576);
  } catch (e) {
    return { skip: `cannot be read: ${(e as Error).message}` };
  }
}

/** Per checked draft: the facts its figures agree with, and those they contradict (for the facts view). */
const uses = new Map<string, { cited: Set<string>; conflicts: Set<string> }>();
let factsChangedTimer: NodeJS.Timeout | undefined;
/** Tells the client the facts view is stale, at most a few times a second. */
function factsChanged(): void {
  if (factsChangedTimer) return;
  factsChangedTimer = setTimeout(() => {
    factsChangedTimer = undefined;
    void connection.sendNotification(FACTS_CHANGED);
  }, 250);
}

function publish(uri: string, c: Checked): Checked {
  // Only open documents are kept: hovers and fixes need them; a file checked from disk is re-checked when opened.
  if (c.version >= 0) checked.set(uri, c);
  const cited = new Set(c.findings.filter((f) => f.code === 'consistent').map((f) => f.factId));
  const conflicts = new Set(c.findings.filter((f) => f.code !== 'consistent').map((f) => f.factId));
  const before = uses.get(uri);
  const same = (a: Set<string> | undefined, b: Set<string>) => a !== undefined && a.size === b.size && [...b].every((x) => a.has(x));
  if (!same(before?.cited, cited) || !same(before?.conflicts, conflicts)) {
    if (cited.size || conflicts.size) uses.set(uri, { cited, conflicts });
    else uses.delete(uri);
    factsChanged();
  }
  void connection.sendDiagnostics({ uri, version: c.version >= 0 ? c.version : undefined, diagnostics: c.published });
  return c;
}

function schedule(doc: TextDocument, delay?: number): void {
  clearTimeout(timers.get(doc.uri));
  const run = () => {
    timers.delete(doc.uri);
    const current = documents.get(doc.uri);
    if (!current) return;
    check(current.uri, current.getText(), current.version, current.languageId).catch((e) =>
      connection.console.error(`check failed for ${doc.uri}: ${(e as Error).stack ?? e}`),
    );
  };
  if (delay === 0) {
    run();
    return;
  }
  void settingsFor(doc.uri).then((s) => {
    clearTimeout(timers.get(doc.uri));
    timers.set(doc.uri, setTimeout(run, delay ?? s.debounceMs));
  });
}

function recheckOpenDocuments(): void {
  for (const doc of documents.all()) if (!isFactBaseDoc(doc.uri)) schedule(doc, 0);
}

function isFactBaseDoc(uri: string): boolean {
  const f = fsPathOf(uri);
  return f !== undefined && isWorkspaceFactBase(f);
}

/** Largest fact base linted in the editor; a bigger one is linted by `factcheck facts lint`. */
const MAX_LINT_FACTS = 5000;

/**
 * Publishes a fact base's problems, and when it has none, what `factcheck facts lint` warns of (a workspace fact base
 * only: the bundled one is tested in CI). `fromBuffer` marks the editor's unsaved text, which wins over the disk's
 * while the file is open; its text is then what the warnings point into.
 */
function publishProblems(file: string, problems: FactBaseProblem[], fromBuffer = false, base?: FactBase, text?: string): void {
  const uri = uriOf(file);
  if (!fromBuffer && documents.get(uri)) return;
  // Lint warnings only on a fact base open in the editor, and one small enough to round-trip as the user types: a
  // 100,000-fact base read for checking drafts once held up every draft's diagnostics for minutes while it was linted.
  const lintable = !problems.length && fromBuffer && base !== undefined && file !== bundledFactBasePath();
  const tooBig = lintable && base.facts.length > MAX_LINT_FACTS;
  const warnings = lintable && !tooBig ? lintWarnings(file, base, text) : [];
  if (problems.length || warnings.length || tooBig) problemFiles.add(file);
  else if (!problemFiles.delete(file)) return;
  const range = (line: number, column: number, length: number) => ({
    start: { line: line - 1, character: column - 1 },
    end: { line: line - 1, character: column - 1 + Math.max(1, length) },
  });
  const diagnostics: LspDiagnostic[] = problems.map((p) => ({
    range: range(p.line, p.column, p.length),
    severity: DiagnosticSeverity.Error,
    source: SOURCE,
    code: 'factbase',
    message: p.pointer ? `${p.message} (at ${p.pointer})` : p.message,
  }));
  for (const w of warnings)
    diagnostics.push({ range: range(w.line, w.column, w.length), severity: DiagnosticSeverity.Warning, source: SOURCE, code: w.code, message: w.message });
  if (tooBig)
    diagnostics.push({
      range: range(1, 1, 1),
      severity: DiagnosticSeverity.Information,
      source: SOURCE,
      code: 'lint-skipped',
      message: `${base.facts.length} facts: too many to lint while typing (more than ${MAX_LINT_FACTS}); run \`factcheck facts lint --facts ${path.basename(file)}\``,
    });
  void connection.sendDiagnostics({ uri, diagnostics });
}

/** The lint warnings on one fact base file (its own facts, checked against themselves), its text read from the editor or disk. */
function lintWarnings(file: string, base: FactBase, text: string | undefined): LintProblem[] {
  try {
    const read = (f: string) => {
      if (f === file && text !== undefined) return text;
      try {
        return fs.readFileSync(f, 'utf8');
      } catch {
        return undefined;
      }
    };
    const own = read(file);
    const schema = own === undefined ? undefined : schemaProblem(file, own);
    return [...lintFactBase({ index: prepare(base), read }).filter((w) => w.file === file), ...(schema ? [schema] : [])];
  } catch (e) {
    connection.console.error(`linting ${file} failed: ${(e as Error).stack ?? e}`);
    return [];
  }
}

/** Unsaved fact base text is linted once typing pauses: a round trip of every fact is too slow for each keystroke. */
const lintTimers = new Map<string, NodeJS.Timeout>();
function publishBufferProblems(file: string, text: string): void {
  const parsed = parseFactBase(text, file);
  clearTimeout(lintTimers.get(file));
  if (parsed.problems.length || !parsed.base) {
    publishProblems(file, parsed.problems, true);
    return;
  }
  const base = parsed.base;
  lintTimers.set(
    file,
    setTimeout(() => {
      lintTimers.delete(file);
      if (documents.get(uriOf(file))?.getText() === text) publishProblems(file, [], true, base, text);
    }, 400),
  );
}

function reloadFactBase(file: string): void {
  const state = store.reload(file);
  factsChanged();
  publishProblems(file, state.problems, false, state.base);
  if (state.problems.length)
    connection.console.warn(
      `${file}: ${state.problems.length} problem(s); ${state.base ? 'the last good version stays in use' : 'no facts from it are used'}.`,
    );
  else connection.console.info(`${file}: ${state.exists ? `loaded ${state.base?.facts.length ?? 0} facts` : 'removed'}.`);
  recheckOpenDocuments();
}

async function registerWatchers(): Promise<void> {
  if (!canWatchDynamically) return;
  const settings = await Promise.all((folders.length ? folders : [undefined]).map((f) => settingsFor(f && uriOf(f))));
  const extra = new Set<string>();
  settings.forEach((s, i) => {
    for (const p of s.factBases) {
      const file = settingsFactBasePath(p, folders[i]);
      if (file) extra.add(file);
    }
  });
  const watchers = [
    { globPattern: '**/.factcheck/*.json' },
    ...[...extra].map((f) => ({ globPattern: { baseUri: uriOf(path.dirname(f)), pattern: path.basename(f) } })),
  ];
  watcherRegistration?.then((d) => d.dispose());
  watcherRegistration = connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
}
let watcherRegistration: Promise<{ dispose(): void }> | undefined;

connection.onInitialize((params): InitializeResult => {
  const caps = params.capabilities;
  canPullConfiguration = !!caps.workspace?.configuration;
  canWatchDynamically = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  canReportProgress = !!caps.window?.workDoneProgress;
  canRegisterConfiguration = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
  const initial = params.workspaceFolders?.map((f) => fsPathOf(f.uri)) ?? [params.rootUri ? fsPathOf(params.rootUri) : (params.rootPath ?? undefined)];
  folders = initial.filter((f): f is string => !!f);
  const fromOptions = (params.initializationOptions as { settings?: unknown } | undefined)?.settings;
  if (fromOptions) pushedSettings = normalizeSettings(fromOptions);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.Refactor] },
      // The workspace check for any client, as a command; VS Code uses the custom request, with progress.
      executeCommandProvider: { commands: [EXECUTE_CHECK_WORKSPACE] },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'policy-fact-check', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (canPullConfiguration && canRegisterConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'factcheck' });
  void registerWatchers();
  connection.workspace.onDidChangeWorkspaceFolders((e) => {
    const removed = new Set(e.removed.map((f) => fsPathOf(f.uri)));
    folders = folders.filter((f) => !removed.has(f)).concat(e.added.map((f) => fsPathOf(f.uri)).filter((f): f is string => !!f));
    settingsCache.clear();
    void registerWatchers();
    recheckOpenDocuments();
  });
});

connection.onDidChangeConfiguration((change) => {
  settingsCache.clear();
  if (!canPullConfiguration) pushedSettings = normalizeSettings(change.settings);
  void registerWatchers();
  recheckOpenDocuments();
});

connection.onDidChangeWatchedFiles((params) => {
  for (const change of params.changes) {
    const file = fsPathOf(change.uri);
    if (!file) continue;
    if (store.has(file) || isWorkspaceFactBase(file)) {
      if (change.type === FileChangeType.Deleted) connection.console.info(`${file}: deleted.`);
      reloadFactBase(file);
    }
  }
});

/** Set between a document's open event and the content event that always follows it. */
let opening: string | undefined;
documents.onDidOpen((e) => {
  opening = e.document.uri;
});

documents.onDidChangeContent((e) => {
  const justOpened = opening === e.document.uri;
  opening = undefined;
  const file = fsPathOf(e.document.uri);
  // A fact base being edited: its unsaved text's problems.
  if (file && isWorkspaceFactBase(file)) publishBufferProblems(file, e.document.getText());
  else schedule(e.document, justOpened ? 0 : undefined);
});

documents.onDidSave((e) => {
  // Editors without file watching still pick up a saved fact base.
  const file = fsPathOf(e.document.uri);
  if (file && isWorkspaceFactBase(file) && !canWatchDynamically) reloadFactBase(file);
});

documents.onDidClose((e) => {
  settingsCache.delete(e.document.uri);
  clearTimeout(timers.get(e.document.uri));
  timers.delete(e.document.uri);
  checked.delete(e.document.uri);
  caches.delete(e.document.uri);
  if (isFactBaseDoc(e.document.uri)) {
    const file = fsPathOf(e.document.uri)!;
    clearTimeout(lintTimers.get(file));
    const state = store.has(file) ? store.get(file) : undefined;
    publishProblems(file, state?.problems ?? [], false, state?.base);
    return;
  }
  const file = fsPathOf(e.document.uri);
  if (file && fromWorkspaceCheck.has(e.document.uri)) {
    // Keep it in Problems as the workspace check left it, but as saved on disk now.
    void settingsFor(e.document.uri).then((settings) => {
      if (documents.get(e.document.uri)) return; // reopened meanwhile
      settingsCache.delete(e.document.uri);
      const draft = draftOnDisk(file, settings);
      if ('text' in draft) return check(e.document.uri, draft.text, -1, undefined);
      void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] }); // skipped, deleted or unreadable
    });
    return;
  }
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

function findingAt(uri: string, line: number, character: number): Diagnostic | undefined {
  const c = checked.get(uri);
  const doc = documents.get(uri);
  if (!c || (doc && c.version !== doc.version)) return undefined;
  const at = { line, character };
  return c.findings.find((d) => comparePositions(d.range.start, at) <= 0 && comparePositions(at, d.range.end) <= 0);
}

/** The 0-based line of a source's local copy where a quote starts, if the copy holds it. */
function quoteLine(file: string, quote: string): number | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  // Whitespace and quote-mark style aside: the quote's first words, found in the copy.
  const plain = (t: string) => t.replace(/[\u2018\u2019]/g, "'").replace(/[\u201C\u201D]/g, '"');
  const words = plain(quote).split(/\s+/).filter(Boolean).slice(0, 8);
  if (!words.length) return undefined;
  const pattern = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'));
  const m = pattern.exec(plain(text));
  return m ? text.slice(0, m.index).split('\n').length - 1 : undefined;
}

connection.onHover((params) => {
  const d = findingAt(params.textDocument.uri, params.position.line, params.position.character);
  if (!d) {
    // A figure shown as unverified: say that no fact covers it, and how to add one.
    const c = checked.get(params.textDocument.uri);
    const at = params.position;
    const u = c?.published.some((p) => p.code === 'unverified')
      ? c.unverified?.find((x) => comparePositions(x.range.start, at) <= 0 && comparePositions(at, x.range.end) <= 0)
      : undefined;
    if (!u) return null;
    const value = `**Fact check: unverified.** No fact in use covers ${u.claim.replace(/([\\`*_[\]])/g, '\\$1')}. To add one, select its sentence in the source and run *Fact Check: Add Fact from Selection* (or \`factcheck facts draft\`).`;
    return { contents: { kind: 'markdown', value }, range: u.range };
  }
  // The source line opens the local copy at the quote, when the source names one.
  const copy = d.source.file ? { uri: uriOf(d.source.file), line: quoteLine(d.source.file, d.quote) } : undefined;
  return { contents: { kind: 'markdown', value: hoverMarkdown(d, copy) }, range: d.range };
});

/** Whether a file lies in one of the settings' source folders. */
function inSourceFolder(file: string | undefined, settings: Settings): boolean {
  if (!file) return false;
  const folder = folderOf(file);
  return settings.sourceFolders.some((f) => {
    const abs = path.isAbsolute(f) ? f : folder ? path.join(folder, f) : undefined;
    return abs !== undefined && file.startsWith(abs + path.sep);
  });
}

connection.onCodeAction(async (params) => {
  const uri = params.textDocument.uri;
  const doc = documents.get(uri);
  const actions: CodeAction[] = [];
  // In a source document, each figure in the range can become a fact.
  if (doc && inSourceFolder(fsPathOf(uri), await settingsFor(uri))) {
    const text = doc.getText();
    const from = doc.offsetAt(params.range.start);
    const to = doc.offsetAt(params.range.end);
    for (const claim of extract(text, { format: formatOf(uri) }).claims)
      if (claim.start <= to && from <= claim.end)
        actions.push({
          title: `Add "${claim.text}" as a fact`,
          kind: CodeActionKind.Refactor,
          command: { title: 'Add as fact', command: 'factcheck.addFactAt', arguments: [uri, claim.start, claim.end] },
        });
  }
  const c = checked.get(uri);
  if (!c || c.version !== doc?.version) return actions;
  // A backed figure can cite its source.
  const settings = await settingsFor(uri);
  const markdown = documentFormat(uri, doc.languageId) === 'markdown';
  const text = doc.getText();
  for (const f of c.findings) {
    if (f.code !== 'consistent' || comparePositions(f.range.end, params.range.start) < 0 || comparePositions(f.range.start, params.range.end) > 0) continue;
    const changes = citationChanges(text, [{ start: f.replace.start, end: f.replace.end, source: f.source }], settings.citationStyle, markdown);
    if (!changes.length) continue;
    actions.push({
      title: `Add source citation (${f.source.publisher ?? f.source.title ?? f.source.id})`,
      kind: CodeActionKind.Refactor,
      edit: { changes: { [uri]: changes.map((ch) => ({ range: { start: doc.positionAt(ch.start), end: doc.positionAt(ch.end) }, newText: ch.text })) } },
    });
  }
  const overlaps = (r: LspDiagnostic['range']) => comparePositions(r.end, params.range.start) >= 0 && comparePositions(r.start, params.range.end) <= 0;
  c.published.forEach((d, i) => {
    const f = c.shown[i];
    if (!f || f.code === 'consistent' || !overlaps(d.range)) return;
    actions.push({
      title: `Replace with "${f.replace.text}"`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      isPreferred: true,
      edit: { changes: { [uri]: [{ range: { start: c.positionAt(f.replace.start), end: c.positionAt(f.replace.end) }, newText: f.replace.text }] } },
    });
    actions.push({
      title: 'Ignore this claim',
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      edit: { changes: { [uri]: [{ range: { start: f.range.end, end: f.range.end }, newText: ` ${c.marker}` }] } },
    });
  });
  return actions;
});

connection.onRequest(ADD_FACT, async (params: AddFactParams): Promise<AddFactResult> => {
  const docPath = fsPathOf(params.uri);
  const text = params.text ?? documents.get(params.uri)?.getText();
  if (text === undefined) return { message: 'the document is not open' };
  const folder = folderOf(docPath);
  if (!folder) return { message: 'the document is in no workspace folder, so there is no .factcheck/facts.json to add to' };
  const factsFile = path.join(folder, '.factcheck', 'facts.json');
  const factsUri = uriOf(factsFile);
  const open = documents.get(factsUri)?.getText();
  let existing = open;
  if (existing === undefined && fs.existsSync(factsFile)) existing = fs.readFileSync(factsFile, 'utf8');
  let taken: { facts: string[]; sources: string[] } = { facts: [], sources: [] };
  if (existing?.trim()) {
    const parsed = parseFactBase(existing, factsFile);
    if (parsed.problems.length) return { message: `${factsFile} has problems; fix them before adding facts (${parsed.problems[0].message})` };
    // Ids in use are taken: a new document's source gets its own id, and a known document's is found by its file or address.
    taken = { facts: parsed.base!.facts.map((f) => f.id), sources: parsed.base!.sources.map((s) => s.id) };
  }
  const name = path.basename(docPath ?? params.uri);
  const drafted = draftFromSelection(
    { name, text, format: draftFormatOf(params.uri, params.languageId), file: docPath ? path.relative(path.dirname(factsFile), docPath) : undefined },
    params.start,
    params.end,
    taken,
  );
  if (!drafted) return { message: 'the selection holds no figure to make a fact of' };
  // A local copy named in the source lets the loader check the quote; only one inside the workspace folder.
  if (docPath && path.relative(folder, docPath).startsWith('..')) delete drafted.source.file;
  const added = addFactToText(existing, drafted.fact, drafted.source);
  if ('error' in added) return { message: `${factsFile}: ${added.error}` };
  const oldAt = lineIndex(existing ?? '');
  const newAt = lineIndex(added.text);
  return {
    factsUri,
    create: existing === undefined,
    text: added.text,
    insertions: added.insertions.map((i) => ({ range: { start: oldAt(i.at), end: oldAt(i.at) }, newText: i.text })),
    select: { start: newAt(added.select[0]), end: newAt(added.select[1]) },
    factId: added.fact.id,
  };
});

connection.onRequest(CITE_ALL, async (params: CiteAllParams): Promise<CiteAllResult> => {
  const doc = documents.get(params.uri);
  if (!doc) return { edits: [], cited: 0, version: -1 };
  const c = checked.get(params.uri)?.version === doc.version ? checked.get(params.uri) : await check(doc.uri, doc.getText(), doc.version, doc.languageId);
  if (!c) return { edits: [], cited: 0, version: doc.version };
  const settings = await settingsFor(params.uri);
  const markdown = documentFormat(params.uri, doc.languageId) === 'markdown';
  const backed = c.findings.filter((f) => f.code === 'consistent').map((f) => ({ start: f.replace.start, end: f.replace.end, source: f.source }));
  const changes = citationChanges(doc.getText(), backed, settings.citationStyle, markdown);
  return {
    edits: changes.map((ch) => ({ range: { start: doc.positionAt(ch.start), end: doc.positionAt(ch.end) }, newText: ch.text })),
    cited: backed.length,
    version: doc.version,
  };
});

connection.onExecuteCommand(async (params, token) => {
  if (params.command === EXECUTE_CHECK_WORKSPACE) return checkWorkspace({}, token);
  return undefined;
});

connection.onRequest(CHECK_WORKSPACE, (params: CheckWorkspaceParams, token: CancellationToken) => checkWorkspace(params, token));

async function checkWorkspace(params: CheckWorkspaceParams, token: CancellationToken): Promise<CheckWorkspaceResult> {
  // Progress on the client's token when it sent one, else on one the server creates.
  let progress = params.workDoneToken;
  if (progress === undefined && canReportProgress) {
    progress = `factcheck-workspace-${Date.now()}`;
    await connection.sendRequest(WorkDoneProgressCreateRequest.type, { token: progress }).catch(() => (progress = undefined));
  }
  const report = (value: WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd) => {
    if (progress !== undefined) void connection.sendProgress(WorkDoneProgress.type, progress, value);
  };
  report({ kind: 'begin', title: 'Fact Check: checking workspace', cancellable: true, percentage: 0 });
  const result: CheckWorkspaceResult = { files: 0, conflicts: 0, outdated: 0, figures: 0, backed: 0, unverified: 0, skipped: [], cancelled: false };
  const work: { file: string; settings: Settings }[] = [];
  for (const folder of folders) {
    const settings = await settingsFor(uriOf(folder));
    if (!settings.enable) continue;
    for (const file of collectFiles([folder], settings.fileExtensions).files) work.push({ file, settings });
  }
  for (let i = 0; i < work.length; i++) {
    if (token.isCancellationRequested) {
      result.cancelled = true;
      break;
    }
    const { file, settings } = work[i];
    const uri = uriOf(file);
    const open = documents.get(uri);
    let c: Checked | undefined;
    if (open) {
      c = await check(uri, open.getText(), open.version, open.languageId);
    } else {
      const draft = draftOnDisk(file, settings);
      if ('skip' in draft) {
        result.skipped.push({ uri, reason: draft.skip });
        connection.console.info(`${file}: ${draft.skip}`);
        continue;
      }
      c = await check(uri, draft.text, -1, undefined);
    }
    result.files++;
    fromWorkspaceCheck.add(uri);
    for (const d of c?.published ?? []) {
      if (d.code === 'conflict') result.conflicts++;
      if (d.code === 'outdated') result.outdated++;
    }
    result.figures += c?.coverage?.figures ?? 0;
    result.backed += c?.coverage?.backed ?? 0;
    result.unverified += c?.coverage?.unverified ?? 0;
    if (i % 10 === 9 || i === work.length - 1) {
      report({ kind: 'report', message: `${i + 1}/${work.length} files`, percentage: Math.round(((i + 1) * 100) / work.length) });
      await new Promise((r) => setImmediate(r)); // lets a cancellation arrive
    }
  }
  report({ kind: 'end', message: result.cancelled ? 'cancelled' : `${result.files} files, ${result.conflicts} conflicts` });
  return result;
}

connection.onRequest(FACTS_TREE, async (): Promise<FactsTreeBase[]> => {
  const files = new Set<string>();
  for (const folder of folders.length ? folders : [undefined]) for (const f of factFilesFor(folder, await settingsFor(folder && uriOf(folder)))) files.add(f);
  const out: FactsTreeBase[] = [];
  for (const file of files) {
    const base = store.get(file).base;
    if (!base) continue;
    const sources = new Map<string, FactsTreeBase['sources'][number]>();
    for (const f of base.facts) {
      let s = sources.get(f.source.id);
      if (!s) sources.set(f.source.id, (s = { id: f.source.id, citation: citation(f), url: f.source.url, facts: [] }));
      const citedBy: string[] = [];
      const conflictsIn: string[] = [];
      for (const [uri, u] of uses) {
        if (u.cited.has(f.id)) citedBy.push(uri);
        if (u.conflicts.has(f.id)) conflictsIn.push(uri);
      }
      s.facts.push({ id: f.id, subject: f.subject, value: f.text, location: { uri: uriOf(f.file), line: f.line }, citedBy, conflictsIn });
    }
    out.push({ uri: uriOf(file), bundled: file === bundledFactBasePath(), sources: [...sources.values()] });
  }
  return out;
});

connection.onRequest(LIST_FACTS, async (params: ListFactsParams): Promise<FactSummary[]> => {
  const settings = await settingsFor(params.uri);
  const index = store.indexFor(factFilesFor(params.uri ? fsPathOf(params.uri) : folders[0], settings));
  return index.base.facts.map((f) => ({
    id: f.id,
    subject: f.subject,
    value: f.text,
    quote: f.quote,
    citation: citation(f),
    url: f.source.url,
    asOf: f.asOf,
    location: { uri: uriOf(f.file), line: f.line },
  }));
});

connection.onRequest(
  STATUS,
  (): ServerStatus => ({
    pid: process.pid,
    factBases: store.files().map((file) => {
      const state = store.get(file);
      return { file, facts: state.base?.facts.length ?? 0, problems: state.problems.length };
    }),
  }),
);

documents.listen(connection);
connection.listen();
