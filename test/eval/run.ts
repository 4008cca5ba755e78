/**
 * `npm run eval`: extraction value-F1 per kind, conflict precision/recall, false alarms on
 * consistent and unrelated figures, over the labelled corpus in test/corpus. Lists every failure.
 */
import * as path from 'node:path';
import { checkText, prepare } from '../../server/src/engine/check';
import type { Claim } from '../../server/src/engine/extract/extract';
import { bundledFactBasePath, loadFactBaseFile } from '../../server/src/factfiles';
import { formatOf } from '../../server/src/engine/text/markup';
import { DAYS_PER, formatQuantity, isoDay, QUANTITY_KINDS } from '../../server/src/engine/quantity';
import { type Label, loadCorpus } from './corpus';

const corpusDir = process.argv[2] ?? path.join(__dirname, '..', '..', '..', 'test', 'corpus');
/** The fact base the corpus is labelled against: the bundled one unless given. */
const factsFile = process.argv[3];

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Whether an extracted claim carries the labelled value. */
export function valueMatches(c: Claim, l: Label): boolean {
  const q = c.quantity;
  if (l.kind === 'date') {
    const m = /^(\d{4}|-)-(\d{2})?(?:-(\d{2}))?$/.exec(l.value) ?? /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(l.value);
    if (!m || !q.date) return false;
    const year = m[1] !== '-' ? Number(m[1]) : undefined;
    const month = m[2] ? Number(m[2]) : undefined;
    const day = m[3] ? Number(m[3]) : undefined;
    return q.date.year === year && q.date.month === month && q.date.day === day;
  }
  let lo: number;
  let hi: number;
  const range = /^(.+)\.\.(.+)$/.exec(l.value);
  const num = (s: string) => {
    const d = /^([\d.e+]+)([dwmy])$/.exec(s);
    if (d && l.kind === 'duration') return Number(d[1]) * DAYS_PER.get({ d: 'day', w: 'week', m: 'month', y: 'year' }[d[2] as 'd'])!;
    return Number(s);
  };
  if (range) [lo, hi] = [num(range[1]), num(range[2])];
  else lo = hi = num(l.value);
  return close(q.lo, lo) && close(q.hi, hi);
}

function main(): void {
  const loaded = loadFactBaseFile(factsFile ?? bundledFactBasePath());
  if (!loaded.base) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
  const index = prepare(loaded.base);
  const drafts = loadCorpus(corpusDir);
  const kinds = [...QUANTITY_KINDS];
  const ex: Record<string, { tp: number; fp: number; fn: number }> = {};
  for (const k of kinds) ex[k] = { tp: 0, fp: 0, fn: 0 };
  const failures: string[] = [];
  let conflictTP = 0,
    conflictFP = 0,
    conflictFN = 0;
  let outdatedTP = 0,
    outdatedFN = 0;
  let okLabels = 0,
    okFlagged = 0,
    okBacked = 0;
  let noneLabels = 0,
    noneFlagged = 0,
    noneMatched = 0;
  let labelsTotal = 0;
  for (const d of drafts) {
    const rel = path.relative(process.cwd(), d.file);
    // The corpus is drafts written now, as in the editor; the real articles of eval:real are old and undated.
    const result = checkText(d.text, index, { format: formatOf(d.file), today: isoDay(new Date()) });
    const findingOf = new Map(result.findings.map((f) => [f.claim, f]));
    const claims = result.claims;
    const used = new Set<Claim>();
    const where = (off: number) => {
      const before = d.text.slice(0, off);
      return `${rel}:${before.split('\n').length}`;
    };
    for (const l of d.labels) {
      labelsTotal++;
      const c = claims.find((c) => !used.has(c) && c.start < l.end && l.start < c.end && c.kind === l.kind);
      if (c) used.add(c);
      if (ex[l.kind]) {
        if (c && valueMatches(c, l)) ex[l.kind].tp++;
        else {
          ex[l.kind].fn++;
          failures.push(`${where(l.start)}: extraction: "${l.text}" (${l.kind} ${l.value}) ${c ? `read as ${formatQuantity(c.quantity)}` : 'not extracted'}`);
          if (c) ex[c.kind].fp++;
        }
      }
      const f = c ? findingOf.get(c) : undefined;
      const flagged = f && (f.verdict === 'conflict' || f.verdict === 'outdated');
      const got = f ? `${f.verdict} (${f.fact.id})` : 'no match';
      switch (l.verdict) {
        case 'conflict':
          if (f?.verdict === 'conflict') conflictTP++;
          else {
            conflictFN++;
            failures.push(`${where(l.start)}: missed conflict: "${l.text}" got ${got}`);
          }
          break;
        case 'outdated':
          if (f?.verdict === 'outdated') outdatedTP++;
          else {
            outdatedFN++;
            failures.push(`${where(l.start)}: missed outdated: "${l.text}" got ${got}`);
          }
          if (f?.verdict === 'conflict') conflictFP++;
          break;
        case 'ok':
          okLabels++;
          if (flagged) {
            okFlagged++;
            failures.push(`${where(l.start)}: false alarm on consistent "${l.text}": ${got}`);
          }
          if (f?.verdict === 'conflict') conflictFP++;
          if (f?.verdict === 'consistent') okBacked++;
          else if (!flagged) failures.push(`${where(l.start)}: (info) consistent "${l.text}" not matched to a fact`);
          break;
        case 'none':
          noneLabels++;
          if (flagged) {
            noneFlagged++;
            failures.push(`${where(l.start)}: false alarm on unrelated "${l.text}": ${got}`);
          }
          if (f) noneMatched++;
          if (f?.verdict === 'conflict') conflictFP++;
          break;
      }
    }
    for (const c of claims) {
      if (used.has(c)) continue;
      ex[c.kind].fp++;
      failures.push(`${where(c.start)}: extraction: unlabelled ${c.kind} "${c.text}"`);
      const f = findingOf.get(c);
      if (f?.verdict === 'conflict') {
        conflictFP++;
        failures.push(`${where(c.start)}: false alarm on unlabelled "${c.text}"`);
      }
    }
  }
  const pct = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');
  console.log(
    `Corpus: ${drafts.length} drafts, ${labelsTotal} labelled figures (${corpusDir}; facts: ${path.relative(process.cwd(), factsFile ?? bundledFactBasePath())})`,
  );
  console.log('\nExtraction (value-F1 per kind):');
  let tpAll = 0,
    fpAll = 0,
    fnAll = 0;
  for (const k of kinds) {
    const { tp, fp, fn } = ex[k];
    tpAll += tp;
    fpAll += fp;
    fnAll += fn;
    const p = tp / (tp + fp),
      r = tp / (tp + fn);
    console.log(`  ${k.padEnd(9)} P=${pct(p)} R=${pct(r)} F1=${pct((2 * p * r) / (p + r))}  (tp ${tp}, fp ${fp}, fn ${fn})`);
  }
  const P = tpAll / (tpAll + fpAll),
    R = tpAll / (tpAll + fnAll);
  console.log(`  ${'all'.padEnd(9)} P=${pct(P)} R=${pct(R)} F1=${pct((2 * P * R) / (P + R))}`);
  const cp = conflictTP / (conflictTP + conflictFP),
    cr = conflictTP / (conflictTP + conflictFN);
  console.log('\nVerdicts:');
  console.log(`  conflict precision ${pct(cp)}  recall ${pct(cr)}  (tp ${conflictTP}, fp ${conflictFP}, fn ${conflictFN})`);
  console.log(`  outdated recall ${pct(outdatedTP / (outdatedTP + outdatedFN))}  (${outdatedTP}/${outdatedTP + outdatedFN})`);
  console.log(`  false-alarm rate on consistent figures ${pct(okFlagged / okLabels)}  (${okFlagged}/${okLabels}); backed by a fact ${okBacked}/${okLabels}`);
  console.log(`  false alarms on unrelated figures ${noneFlagged}/${noneLabels}  (matched to a fact at all: ${noneMatched})`);
  const real = failures.filter((f) => !f.includes('(info)'));
  console.log(`\nFailures (${real.length}):`);
  for (const f of real) console.log('  ' + f);
  const info = failures.filter((f) => f.includes('(info)'));
  if (info.length) {
    console.log(`\nConsistent figures not matched to any fact (${info.length}; not errors, but not backed either):`);
    for (const f of info) console.log('  ' + f.replace(' (info)', ''));
  }
}

main();
