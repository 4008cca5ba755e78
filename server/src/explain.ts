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
import { blocksOf, contextAfter, extractIn, findingFor, openingContext } from './engine/check';

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

/** The explanation for every figure on a 1-based line of a document. */
export function explainLine(text: string, line: number, index: FactIndex, format: DocumentFormat, referenceDate?: string): string[] {
  const masked = maskNonProse(text, format);
  const pos = lineIndex(text);
  // The block (paragraph) holding the line, extracted as the check extracts it.
  const ref = referenceDate ?? masked.frontMatterDate;
  // The year earlier paragraphs set, and when a dateline says the text was written, carry into this one, as in a check.
  let context = openingContext(masked, ref);
  let block: [number, number] = [0, 0];
  for (const [a, b] of blocksOf(masked.text)) {
    if (pos(b).line >= line - 1 && pos(a).line <= line - 1) {
      block = [a, b];
      break;
    }
    context = contextAfter(extractIn(text.slice(a, b), masked.text.slice(a, b), ref, context), index.knowledge);
  }
  const [start, end] = block;
  const x = extractIn(text.slice(start, end), masked.text.slice(start, end), ref, context);
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
    const finding = findingFor(index, claim, result, x.writtenOn);
    if (finding) out.push(`  verdict: ${finding.verdict} (${finding.fact.id})`);
    else if (result.agreesUnworded && matches.length) out.push(`  verdict: none (the figure is exactly that of ${result.agreesUnworded.id}, worded otherwise)`);
    else out.push(matches.length ? '  verdict: none (the evidence does not pin the figure to one fact)' : '  verdict: none (no fact admitted)');
  }
  return out;
}
