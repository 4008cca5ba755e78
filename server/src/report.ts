/**
 * Findings as diagnostics: the one place that words messages and assigns severities, so the
 * CLI, its JSON and SARIF output and the language server all say the same thing.
 */
import type { CheckResult } from './engine/check';
import type { Fact, Source } from './engine/factbase/model';
import { lineIndex, type Range } from './engine/text/positions';
import { formatQuantity } from './engine/quantity';
import type { EvidenceSummary } from './engine/match/evidence';
import type { Finding, Verdict } from './engine/verdict';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** Which severity each verdict gets, and figures no fact covers (`unverified`); `off` hides it. */
export type SeverityMap = Record<Verdict | 'unverified', Severity | 'off'>;

export const DEFAULT_SEVERITIES: SeverityMap = { conflict: 'warning', outdated: 'information', consistent: 'off', unverified: 'off' };

/** A figure no fact backs or contradicts: nobody has checked it yet. Same place as a finding, without a fact. */
export interface UnverifiedDiagnostic {
  range: Range;
  severity: Severity;
  code: 'unverified';
  message: string;
  /** The figure as written in the draft. */
  claim: string;
}

/** How much of a text the fact bases cover: its figures, and how many are backed, contradicted, outdated or unverified. */
export interface Coverage {
  figures: number;
  backed: number;
  conflicts: number;
  outdated: number;
  unverified: number;
}

export function coverageOf(result: CheckResult): Coverage {
  const by = (v: Verdict) => result.findings.filter((f) => f.verdict === v).length;
  return {
    // A figure the writer switched off is not one to verify.
    figures: result.claims.length - result.suppressed.length,
    backed: by('consistent'),
    conflicts: by('conflict'),
    outdated: by('outdated'),
    unverified: result.claims.length - result.suppressed.length - result.findings.length,
  };
}

/** "42 figures: 30 backed, 2 conflicts, 10 unverified" (outdated ones named only when there are some). */
export function coverageLine(c: Coverage): string {
  const n = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`;
  return `${n(c.figures, 'figure')}: ${c.backed} backed, ${n(c.conflicts, 'conflict')}${c.outdated ? `, ${c.outdated} outdated` : ''}, ${c.unverified} unverified`;
}

/** The unverified figures of a check, as diagnostics of the given severity. */
export function unverifiedDiagnostics(text: string, result: CheckResult, severity: Severity): UnverifiedDiagnostic[] {
  const pos = lineIndex(text);
  const matched = new Set([...result.findings.map((f) => f.claim), ...result.suppressed]);
  return result.claims
    .filter((c) => !matched.has(c))
    .map((c) => ({
      range: { start: pos(c.start), end: pos(c.end) },
      severity,
      code: 'unverified' as const,
      message: `"${c.text}" is unverified: no fact in use covers it.`,
      claim: c.text,
    }));
}

/** A finding placed in a document, in the stable JSON shape the CLI prints. */
export interface Diagnostic {
  range: Range;
  severity: Severity;
  code: Verdict;
  message: string;
  /** The figure as written in the draft. */
  claim: string;
  /** The sourced figure, as the source words it. */
  expected: string;
  factId: string;
  quote: string;
  source: SourceInfo;
  /** For `outdated`: the older fact the claim agrees with. */
  olderFactId?: string;
  /** UTF-16 offsets of the text a fix replaces (the figure, with its qualifier when the fact has its own). */
  replace: { start: number; end: number; text: string };
  /** What tied the figure to the fact. */
  evidence?: EvidenceSummary;
}

export interface SourceInfo {
  id: string;
  title?: string;
  description?: string;
  publisher?: string;
  published?: string;
  url?: string;
  asOf: string;
  file?: string;
}

export function sourceInfo(fact: Fact): SourceInfo {
  const s: Source = fact.source;
  const out: SourceInfo = { id: s.id, asOf: fact.asOf };
  for (const k of ['title', 'description', 'publisher', 'published', 'url', 'file'] as const) if (s[k] !== undefined) out[k] = s[k];
  return out;
}

/** A description's first sentence, without its full stop: long descriptions make poor labels. */
function firstSentence(description: string): string {
  return description.replace(/\.\s.*$/s, '').replace(/\.$/, '');
}

/** "The Wall Street Journal, 2025-07-25" or the description when there is no title/publisher. */
export function citation(fact: Fact): string {
  const s = fact.source;
  const name = s.title ?? s.publisher ?? (s.description ? firstSentence(s.description) : s.id);
  const date = s.published ?? (s.dateNote ? 'undated' : undefined);
  return date ? `${name}, ${date}` : name;
}

export function messageFor(f: Finding): string {
  const claim = f.claim.text;
  const expected = f.fact.text || formatQuantity(f.fact.quantity);
  switch (f.verdict) {
    case 'conflict':
      return `"${claim}" conflicts with the source, which gives ${expected} (${f.fact.subject}).`;
    case 'outdated':
      return `"${claim}" matches an older figure (as of ${f.olderFact?.asOf}); a newer source gives ${expected} as of ${f.fact.asOf} (${f.fact.subject}).`;
    case 'consistent':
      return `"${claim}" is backed by the source: ${expected} (${f.fact.subject}).`;
  }
}

/**
 * What a "replace with the sourced value" fix writes: the draft's qualifier and figure give way
 * to the source's wording (which carries its own qualifier); a counted noun stays.
 */
function replacement(f: Finding): { start: number; end: number; text: string } {
  return { start: f.claim.qualifierStart ?? f.claim.start, end: f.claim.figureEnd, text: f.fact.text || formatQuantity(f.fact.quantity) };
}

export function toDiagnostics(text: string, result: CheckResult, severities: SeverityMap = DEFAULT_SEVERITIES): Diagnostic[] {
  const pos = lineIndex(text);
  const out: Diagnostic[] = [];
  for (const f of result.findings) {
    const severity = severities[f.verdict];
    if (severity === 'off') continue;
    const d: Diagnostic = {
      range: { start: pos(f.claim.start), end: pos(f.claim.end) },
      severity,
      code: f.verdict,
      message: messageFor(f),
      claim: f.claim.text,
      expected: f.fact.text || formatQuantity(f.fact.quantity),
      factId: f.fact.id,
      quote: f.fact.quote,
      source: sourceInfo(f.fact),
      replace: replacement(f),
    };
    if (f.why) d.evidence = f.why;
    if (f.olderFact) d.olderFactId = f.olderFact.id;
    out.push(d);
  }
  return out;
}

/** Markdown-significant characters escaped, so a quote or title renders as written. */
function escapeMarkdown(s: string): string {
  return s.replace(/([\\`*_{}[\]<>()#+!|~])/g, '\\$1');
}

/** Who said it and when: "*Title*, Publisher, 2025-07-25 ([link](url))", or the description for an untitled source. */
export function sourceLine(s: SourceInfo): string {
  const parts: string[] = [];
  if (s.title) parts.push(`*${escapeMarkdown(s.title)}*`);
  else if (s.description) parts.push(escapeMarkdown(firstSentence(s.description)));
  if (s.publisher) parts.push(escapeMarkdown(s.publisher));
  parts.push(s.published ?? 'undated');
  let line = parts.join(', ');
  if (s.url && /^https?:\/\//.test(s.url)) line += ` ([source](${s.url}))`;
  return line;
}

/** One line of why the figure was taken for this fact: "measure 'tariff' at the figure · holder United States · time 2025-02". */
export function evidenceLine(e: EvidenceSummary): string {
  const words = (list: string[]) => list.map((w) => `'${w}'`).join(', ');
  const parts: string[] = [];
  if (e.measure.length) parts.push(`measure ${words(e.measure)}${e.atFigure ? ' at the figure' : ''}`);
  if (e.holder) parts.push(`holder ${e.holder}`);
  if (e.target) parts.push(`on ${e.target}`);
  if (e.place) parts.push(`place ${e.place}`);
  if (e.name) parts.push(`names ${e.name}`);
  if (e.time) parts.push(`time ${e.time}${e.timeImplied ? " (the text's year)" : ''}`);
  if (e.event.length) parts.push(`event ${words(e.event)}`);
  if (e.restates) parts.push("restates the source's sentence");
  return parts.join(' · ');
}

/** The hover for a checked claim: verdict, sourced value, the quote as a blockquote, the source, and why. */
export function hoverMarkdown(d: Diagnostic, copy?: { uri: string; line?: number }): string {
  const claim = escapeMarkdown(d.claim);
  const expected = escapeMarkdown(d.expected);
  const head: Record<Verdict, string> = {
    conflict: `**Fact check: conflict.** The draft says ${claim}; the source gives **${expected}**.`,
    outdated: `**Fact check: outdated.** ${claim} matches an older figure; as of ${d.source.asOf} the source gives **${expected}**.`,
    consistent: `**Fact check: backed by the source** (${expected}).`,
  };
  const quote = d.quote
    .split(/\r?\n/)
    .map((l) => `> ${escapeMarkdown(l)}`)
    .join('\n');
  const why = d.evidence ? `\n\n*Matched on:* ${escapeMarkdown(evidenceLine(d.evidence))}` : '';
  // "#L12" opens the copy at the quote's line (VS Code and most editors read the fragment).
  const local = copy ? ` ([local copy](${copy.uri}${copy.line !== undefined ? `#L${copy.line + 1}` : ''}))` : '';
  return `${head[d.code]}\n\n${quote}\n\n— ${sourceLine(d.source)}${local} · fact \`${d.factId}\`${why}`;
}
