/**
 * `npm run eval:draft`: how much of a curated fact base `factcheck facts draft` proposes from the
 * fact base's own source documents. For each fact base with its sources on this machine (the
 * bundled one from `../shared/sources/`, each topic of `test/real/` from `.real/<topic>/sources/`),
 * it drafts candidates from the sources and reports:
 * - facts proposed unchanged: a candidate with the fact's value and its quote (whitespace and
 *   quote-mark style aside);
 * - facts whose value is proposed from a sentence containing the quote, or contained in it (the
 *   curator cut or joined the sentence);
 * - candidates matching no fact: what the curator threw away (or left out).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type DraftSource, draftFactBase } from '../../server/src/engine/curate/draft';
import type { Fact } from '../../server/src/engine/factbase/model';
import { quantityOfValue } from '../../server/src/engine/factbase/parse';
import type { FactJson } from '../../server/src/engine/factbase/schema';
import { bundledFactBasePath, loadFactBaseFile } from '../../server/src/factfiles';
import { normalise as plainQuote } from '../../server/src/lint';

const root = path.join(__dirname, '..', '..', '..');

/** As `facts lint` compares a quote with its source's copy, and without a list bullet or outer quote marks. */
function normalise(s: string): string {
  return plainQuote(s)
    .replace(/^[-•*]\s+/, '')
    .replace(/^["']|["']$/g, '');
}

function sourcesIn(dir: string): DraftSource[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => /\.(txt|md|markdown|html?)$/i.test(f))
    .sort()
    .map((f) => {
      const ext = path.extname(f).toLowerCase();
      return {
        name: f,
        text: fs.readFileSync(path.join(dir, f), 'utf8'),
        format: ext.startsWith('.htm') ? 'html' : ext.startsWith('.m') ? 'markdown' : 'plaintext',
      };
    });
}

/** The same figure: kind, amount or range, qualifier and unit; what a count counts is the curator's to word. */
function sameValue(c: FactJson, f: Fact): boolean {
  const q = quantityOfValue(c.value);
  const v = f.quantity;
  if (q.kind !== v.kind || q.qualifier !== v.qualifier) return false;
  if (q.kind === 'date') return q.date?.year === v.date?.year && q.date?.month === v.date?.month && q.date?.day === v.date?.day;
  const close = (a: number, b: number) => Math.abs(a - b) <= Math.abs(b) * 1e-9;
  return close(q.lo, v.lo) && close(q.hi, v.hi) && (q.kind === 'count' || q.unit === v.unit);
}

const sets: Array<[string, string, string]> = [['bundled (data/facts.json)', bundledFactBasePath(), path.join(root, '..', 'shared', 'sources')]];
for (const topic of fs.readdirSync(path.join(root, 'test', 'real')).sort()) {
  const facts = path.join(root, 'test', 'real', topic, 'facts.json');
  if (fs.existsSync(facts)) sets.push([topic, facts, path.join(root, '.real', topic, 'sources')]);
}

let allFacts = 0;
let allExact = 0;
let allNear = 0;
let allCandidates = 0;
let allUnused = 0;
console.log("fact base: facts proposed unchanged (value and quote) · value from the quote's sentence · candidates matching no fact");
for (const [name, file, dir] of sets) {
  const sources = sourcesIn(dir);
  if (!sources.length) {
    console.log(`  ${name}: no source documents in ${path.relative(process.cwd(), dir)} (collect them as test/real/README.md says)`);
    continue;
  }
  const { base } = loadFactBaseFile(file);
  if (!base) continue;
  const drafted = draftFactBase(sources).facts;
  const used = new Set<FactJson>();
  let exact = 0;
  let near = 0;
  for (const f of base.facts) {
    const quote = normalise(f.quote);
    const same = drafted.filter((c) => sameValue(c, f));
    const hit = same.find((c) => normalise(c.quote) === quote);
    const close = hit ?? same.find((c) => normalise(c.quote).includes(quote) || quote.includes(normalise(c.quote)));
    if (hit) exact++;
    if (close) {
      near++;
      used.add(close);
    }
  }
  const unused = drafted.filter((c) => !used.has(c)).length;
  allFacts += base.facts.length;
  allExact += exact;
  allNear += near;
  allCandidates += drafted.length;
  allUnused += unused;
  const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(0) : '-');
  console.log(
    `  ${name}: ${exact}/${base.facts.length} (${pct(exact, base.facts.length)}%) · ${near}/${base.facts.length} (${pct(near, base.facts.length)}%) · ${unused} of ${drafted.length} candidates (${sources.length} sources)`,
  );
}
const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(0) : '-');
console.log(
  `all: ${allExact}/${allFacts} facts proposed unchanged (${pct(allExact, allFacts)}%), ${allNear}/${allFacts} with the value from the quote's sentence (${pct(allNear, allFacts)}%); ${allUnused} of ${allCandidates} candidates match no fact`,
);
