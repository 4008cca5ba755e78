/**
 * The server's settings (`factcheck.*`), normalised: whatever a settings file holds, the server
 * gets a complete, well-typed object, and a wrong value falls back to its default rather than
 * breaking checks (as vscode-eslint treats its settings).
 */
import { CITATION_STYLES, type CitationStyle } from './citations';
import { DEFAULT_EXTENSIONS, DEFAULT_MAX_BYTES } from './files';
import { DEFAULT_SEVERITIES, type Severity, type SeverityMap } from './report';

export interface Settings {
  /** Check documents at all (per resource). */
  enable: boolean;
  /** Fact base files to add, absolute or relative to the workspace folder. */
  factBases: string[];
  /** Use the fact base shipped with the extension. */
  includeBundledFacts: boolean;
  severity: SeverityMap;
  /** Quiet time after the last keystroke before a document is re-checked. */
  debounceMs: number;
  /** Documents larger than this are not checked. */
  maxFileSizeMB: number;
  /** File extensions the workspace check visits. */
  fileExtensions: string[];
  /** How "Add source citation" cites: a Markdown footnote, an inline link, or "(Publisher, date)". */
  citationStyle: CitationStyle;
  /** Folders of source documents (relative to the workspace folder, or absolute): their figures offer "Add as fact". */
  sourceFolders: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  enable: true,
  factBases: [],
  includeBundledFacts: true,
  severity: DEFAULT_SEVERITIES,
  debounceMs: 300,
  maxFileSizeMB: DEFAULT_MAX_BYTES / 1048576,
  fileExtensions: DEFAULT_EXTENSIONS,
  sourceFolders: ['sources'],
  citationStyle: 'footnote',
};

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function strings(v: unknown, fallback: string[]): string[] {
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && s.trim() !== '') : fallback;
}

function number(v: unknown, fallback: number, min: number, max: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : fallback;
}

/** Builds settings from what the client sent (the `factcheck` section, or nothing). */
export function normalizeSettings(raw: unknown): Settings {
  // The same shape whichever way settings come (pulled, pushed, initializationOptions): the keys without the
  // prefix, with or without a "factcheck" object around them.
  const outer = isRecord(raw) ? raw : {};
  const r = isRecord(outer.factcheck) ? outer.factcheck : outer;
  const sev = isRecord(r.severity) ? r.severity : {};
  const severity = { ...DEFAULT_SEVERITIES };
  for (const k of Object.keys(severity) as (keyof SeverityMap)[]) {
    const v = sev[k];
    if (typeof v === 'string' && SEVERITIES.has(v)) severity[k] = v as Severity | 'off';
  }
  return {
    enable: typeof r.enable === 'boolean' ? r.enable : DEFAULT_SETTINGS.enable,
    factBases: strings(r.factBases, []),
    includeBundledFacts: typeof r.includeBundledFacts === 'boolean' ? r.includeBundledFacts : DEFAULT_SETTINGS.includeBundledFacts,
    severity,
    debounceMs: number(r.debounceMs, DEFAULT_SETTINGS.debounceMs, 0, 10_000),
    maxFileSizeMB: number(r.maxFileSizeMB, DEFAULT_SETTINGS.maxFileSizeMB, 0.001, 1024),
    fileExtensions: strings(r.fileExtensions, DEFAULT_SETTINGS.fileExtensions),
    sourceFolders: strings(r.sourceFolders, DEFAULT_SETTINGS.sourceFolders),
    citationStyle: CITATION_STYLES.includes(r.citationStyle as CitationStyle) ? (r.citationStyle as CitationStyle) : DEFAULT_SETTINGS.citationStyle,
  };
}
