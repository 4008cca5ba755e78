/**
 * `factcheck --explain FILE:LINE`: every candidate fact for the figures on a line, and the rule
 * that admitted or ruled out each; and the one-line evidence shown with every finding.
 */
import { readFrame } from './engine/extract/frame';
import type { Frame } from './engine/extract/frame';
import type { Knowledge } from './engine/extract/frame';
import { discriminated, summarize } from './engine/match/evidence';
import { evidenceLine } from './report';

import type { FactIndex } from './engine/match/factIndex';
import { matchClaim } from './engine/match/match';
import { formatDate, formatQuantity } from './engine/quantity';
import { maskNonProse, type DocumentFormat } from './engine/text/markup';
import { lineIndex } from './engine/text/positions';
import { parseIsoDate } from './engine/match/profile';
import { blocksOf, contextAfter, extractIn, findingFor, openingContext } from './engine/check';
import type { Extraction } from './engine/extract/extract';

function entityName(k: Knowledge, id: string): string {
  return k.gazetteer.entities.get(id)?.name ?? id.replace(/^name:/, '');
}

function frameLine(f: Frame, k: Knowledge): string {
  const words = (list: Frame['slot']) => (list.length ? list.map((w) => w.concept).join(', ') : '-');
  const parts = [`at the figure [${words(f.slot)}]`, `clause [${words(f.clause)}]`];
  const parties = f.participants.map((p) => `${entityName(k, p.entity)} (${p.role})`);
  if (f.bothSides) parties.push('both sides');
  parts.push(`names: ${parties.join(', ') || '-'}`);
  if (f.targetWords.length) parts.push(`falls on [${words(f.targetWords)}]`);
  if (f.times.length) parts.push(`times ${f.times.map(formatDate).join(', ')}`);
  if (f.impliedYear !== undefined && !f.times.length) parts.push(`set in ${f.impliedYear}`);
  if (f.modality !== 'fact') parts.push(f.modality);
  if (f.aspect !== 'level') parts.push(f.aspect);
  if (f.increment) parts.push(f.increment);
  if (f.distinct) parts.push('set apart');
  return parts.join(' · ');
}

/** The first block (paragraph) `holds` accepts, extracted as a check extracts it, in the context the blocks before it set. */
function blockWhere(
  text: string,
  holds: (start: number, end: number) => boolean,
  index: FactIndex,
  format: DocumentFormat,
  referenceDate?: string,
): { start: number; x: Extraction } {
  const masked = maskNonProse(text, format);
  const ref = referenceDate ?? masked.frontMatterDate;
  // The year earlier paragraphs set, and when a dateline says the text was written, carry into this one, as in a check.
  let context = openingContext(masked, ref);
  let block: [number, number] = [0, 0];
  for (const [a, b] of blocksOf(masked.text)) {
    if (holds(a, b)) {
      block = [a, b];
      break;
    }
    context = contextAfter(extractIn(text.slice(a, b), masked.text.slice(a, b), ref, context), index.knowledge);
  }
  const [start, end] = block;
  return { start, x: extractIn(text.slice(start, end), masked.text.slice(start, end), ref, context) };
}

/** One fact's fate in words, for a writer asking why a check said nothing or named another fact; undefined when it was found. */
export function fateInWords(f: FactFate): string | undefined {
  switch (f.fate) {
    case 'no figure':
      return 'no figure is read there';
    case 'never a candidate':
      return 'no word of its measure, keywords or names is near the figure, so it was never considered';
    case 'ruled out':
      return `the ${f.rule} rule ruled it out: ${f.reason}`;
    case 'outranked':
      return `${f.by} ranked above it`;
    case 'not pinned':
      return 'it ranked first, but nothing near the figure tells it from the other facts of its kind (a holder, target, place, time, event, or a word of its measure only it has)';
    case 'found':
      return undefined;
  }
}

/** What became of one fact for the figure at [start, end) of a document. */
export type FactFate =
  | { fate: 'no figure' }
  | { fate: 'never a candidate' }
  | { fate: 'ruled out'; rule: string; reason: string }
  | { fate: 'outranked'; by: string }
  | { fate: 'not pinned' }
  | { fate: 'found'; verdict: string };

/**
 * What became of each of the facts `ids` for the figure at [start, end), as the check saw it: never a candidate (no
 * word of it near the figure, or the number is part of a listed name), ruled out by a rule (which, and why), admitted
 * but outranked by another fact, the best but not pinned, or found with a verdict.
 */
export function fatesOf(
  text: string,
  start: number,
  end: number,
  ids: readonly string[],
  index: FactIndex,
  format: DocumentFormat,
  referenceDate?: string,
): FactFate[] {
  const { start: from, x } = blockWhere(text, (a, b) => a <= start && start < b, index, format, referenceDate);
  const claim = x.claims.find((c) => c.start + from < end && start < c.end + from);
  if (!claim) return ids.map(() => ({ fate: 'no figure' }));
  // The check's own first look: a claim it does not match at all has no frame.
  if (!matchClaim(index, x, claim).frame) return ids.map(() => ({ fate: 'never a candidate' }));
  const result = matchClaim(index, x, claim, true);
  const best = result.matches[0]?.fact.id;
  const finding = findingFor(index, claim, result, x.writtenOn);
  return ids.map((id): FactFate => {
    const e = result.considered?.find((c) => c.profile.fact.id === id);
    if (!e) return { fate: 'never a candidate' };
    if (e.rejected) return { fate: 'ruled out', ...e.rejected };
    if (best !== undefined && best !== id) return { fate: 'outranked', by: best };
    return finding ? { fate: 'found', verdict: `${finding.verdict} ${finding.fact.id}` } : { fate: 'not pinned' };
  });
}

/** The explanation for every figure on a 1-based line of a document. */
export function explainLine(text: string, line: number, index: FactIndex, format: DocumentFormat, referenceDate?: string, today?: string): string[] {
  const pos = lineIndex(text);
  const { start, x } = blockWhere(text, (a, b) => pos(b).line >= line - 1 && pos(a).line <= line - 1, index, format, referenceDate);
  const k = index.knowledge;
  const out: string[] = [];
  const claims = x.claims.filter((c) => pos(start + c.start).line === line - 1);
  if (!claims.length) return [`line ${line}: no figure`];
  for (const claim of claims) {
    const result = matchClaim(index, x, claim, true);
    const { matches, considered, frame } = result;
    const f = frame ?? readFrame(x, claim, k);
    out.push(`"${claim.text}" (${claim.kind}: ${formatQuantity(claim.quantity)})`);
    out.push(`  frame: ${frameLine(f, k)}`);
    if (!considered?.length) out.push('  no fact of this kind shares a word with its clause');
    for (const e of (considered ?? []).sort((a, b) => Number(!!a.rejected) - Number(!!b.rejected) || b.score - a.score)) {
      const id = e.profile.fact.id;
      if (e.rejected) out.push(`  ✗ ${id}: ruled out by ${e.rejected.rule}: ${e.rejected.reason}`);
      else
        out.push(`  ✓ ${id} (score ${e.score}${discriminated(e) ? '' : ', measure only'}): ${evidenceLine(summarize(e, k.gazetteer, { x, claim, frame: f }))}`);
    }
    const finding = findingFor(index, claim, result, x.writtenOn, today === undefined ? undefined : parseIsoDate(today));
    if (finding) out.push(`  verdict: ${finding.verdict} (${finding.fact.id})`);
    else if (result.agreesUnworded && matches.length) out.push(`  verdict: none (the figure is exactly that of ${result.agreesUnworded.id}, worded otherwise)`);
    else out.push(matches.length ? '  verdict: none (the evidence does not pin the figure to one fact)' : '  verdict: none (no fact admitted)');
  }
  return out;
}
