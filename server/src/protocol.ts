/**
 * The server's requests beyond LSP, shared by the server and the VS Code client (and usable
 * from any editor). Plain method names and types, so the client bundle stays free of server code.
 */

/** `factcheck/checkWorkspace`: checks every matching file in every workspace folder, open or not. */
export const CHECK_WORKSPACE = 'factcheck/checkWorkspace';

/** The same check as `workspace/executeCommand`, for clients that run commands but send no custom requests. */
export const EXECUTE_CHECK_WORKSPACE = 'factcheck.server.checkWorkspace';

export interface CheckWorkspaceParams {
  /** A work-done progress token (LSP `WorkDoneProgressParams`); progress is reported on it. */
  workDoneToken?: string | number;
}

export interface CheckWorkspaceResult {
  files: number;
  conflicts: number;
  outdated: number;
  /** Coverage: every figure checked, those a fact backs, and those no fact covers. */
  figures: number;
  backed: number;
  unverified: number;
  /** Files not checked, with the reason (binary, over the size limit, unreadable). */
  skipped: { uri: string; reason: string }[];
  cancelled: boolean;
}

/** `factcheck/listFacts`: the facts that apply to a document (or to the first workspace folder). */
export const LIST_FACTS = 'factcheck/listFacts';

export interface ListFactsParams {
  uri?: string;
}

export interface FactSummary {
  id: string;
  subject: string;
  /** The sourced figure as the source words it. */
  value: string;
  quote: string;
  /** Rendered source line: title or description, publisher, date. */
  citation: string;
  url?: string;
  asOf: string;
  /** Where the fact is defined, for "go to fact". */
  location: { uri: string; line: number };
}

/** `factcheck/status`: what the server has loaded, for status displays and the extension's tests. */
export const STATUS = 'factcheck/status';

export interface ServerStatus {
  pid: number;
  /** Fact base files read so far, with their fact counts and problem counts. */
  factBases: { file: string; facts: number; problems: number }[];
}

/**
 * `factcheck/addFact`: drafts a fact from a figure a writer selected in any document, and the edit that adds it to
 * the `.factcheck/facts.json` of the document's workspace folder (created if missing). The client applies the
 * edit, so the writer sees it and saves it, or not.
 */
export const ADD_FACT = 'factcheck/addFact';

export interface AddFactParams {
  uri: string;
  /** The document's text, for documents the server does not have open (any language). */
  text?: string;
  languageId?: string;
  /** UTF-16 offsets of the selection in that text; an empty selection takes the figure or sentence at it. */
  start: number;
  end: number;
}

export type AddFactResult =
  | {
      /** The fact base file the fact goes into. */
      factsUri: string;
      /** Whether the edit creates that file. */
      create: boolean;
      /** The file's whole new text, and the range to select in it (the subject, reviewed first). */
      text: string;
      /** LSP ranges, in the old text, of the insertions (for the edit) and, in the new text, the selection. */
      insertions: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[];
      select: { start: { line: number; character: number }; end: { line: number; character: number } };
      factId: string;
    }
  | { message: string };

/**
 * `factcheck/citeAll`: the edits that cite the source of every backed figure of an open document, in the
 * workspace's citation style; applied as one edit, they undo as one. Footnote style cites each source once per
 * sentence and defines each footnote once.
 */
export const CITE_ALL = 'factcheck/citeAll';

export interface CiteAllParams {
  uri: string;
}

export interface CiteAllResult {
  edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[];
  /** Backed figures cited. */
  cited: number;
  /** The document version the edits are for: a client applies them only to that version. */
  version: number;
}

/** `factcheck/coverage` (server to client, after each check of an open document): how many of its figures facts cover. */
export const COVERAGE = 'factcheck/coverage';

export interface CoverageParams {
  uri: string;
  figures: number;
  backed: number;
  conflicts: number;
  outdated: number;
  unverified: number;
}

/**
 * `factcheck/factsTree`: every fact base in use in every workspace folder, its sources and their facts, each fact
 * with how many checked drafts back it with a figure, how many contradict it, and which drafts those are. Drafts
 * count once checked: opened, or covered by the workspace check.
 */
export const FACTS_TREE = 'factcheck/factsTree';

export interface FactsTreeFact {
  id: string;
  subject: string;
  /** The sourced figure as the source words it. */
  value: string;
  location: { uri: string; line: number };
  /** Drafts with a figure this fact backs, and drafts with one it contradicts (or finds outdated). */
  citedBy: string[];
  conflictsIn: string[];
}

export interface FactsTreeBase {
  uri: string;
  /** The bundled fact base, as opposed to a workspace's. */
  bundled: boolean;
  sources: { id: string; citation: string; url?: string; facts: FactsTreeFact[] }[];
}

/** `factcheck/factsChanged` (server to client): fact bases or findings changed; a facts view refreshes. */
export const FACTS_CHANGED = 'factcheck/factsChanged';
