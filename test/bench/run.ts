/**
 * `npm run bench`: medians of several runs, with ratios against baselines measured in the
 * same run. Figures only; nothing here asserts a time.
 *   1. checking a 1 MB draft with the bundled facts (baseline: tokenizing the same text);
 *   2. per-claim matching with 1,000 / 10,000 / 100,000 synthetic facts
 *      (baseline: a fuse.js scan over all facts, the approach the index avoids).
 * The server's figures come from test/bench/server.ts, run after this in a process of its own.
 */
import Fuse from 'fuse.js';
import * as path from 'node:path';
import { checkText, newCheckCache, prepare } from '../../server/src/engine/check';
import { extract } from '../../server/src/engine/extract/extract';
import type { Fact, FactBase } from '../../server/src/engine/factbase/model';
import { bundledFactBasePath, loadFactBaseFile } from '../../server/src/factfiles';
import { buildIndex } from '../../server/src/engine/match/factIndex';
import { matchClaim } from '../../server/src/engine/match/match';
import type { Quantity } from '../../server/src/engine/quantity';
import { tokenize } from '../../server/src/engine/text/tokens';
import { loadCorpus } from '../eval/corpus';
import { corpusText, MB, median, repeatTo, sourceArticles } from './inputs';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
/**
 * Untimed runs before the timed ones. A 1 MB check runs its code through V8's tiers over the
 * first few runs (the first timed run after a single warm-up was often 1.5-2x the rest), so
 * the medians are of steady-state runs; the first check in a fresh process is printed apart.
 */
const WARMUP = 3;

function time(fn: () => void, runs = RUNS, warmup = WARMUP): number {
  for (let i = 0; i < warmup; i++) fn();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    fn();
    xs.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(xs);
}

/** Deterministic pseudo-random numbers, so every run benchmarks the same facts. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * What the server does per keystroke: re-check a document after a one-character edit, with the
 * cache from the previous check. Each run edits a different block, so each run pays for one
 * changed block plus masking and splitting the whole document.
 */
function editedRecheck(text: string, index: ReturnType<typeof prepare>): number {
  const cache = newCheckCache();
  checkText(text, index, { format: 'markdown', cache });
  let current = text;
  let n = 0;
  return time(() => {
    const at = Math.floor((((n++ * 7919) % 97) / 97) * current.length);
    const space = current.indexOf(' ', at);
    // Doubles a space, or undoes an earlier doubling: the sentence's text changes either way.
    if (space > 0)
      current = current[space + 1] === ' ' ? current.slice(0, space) + current.slice(space + 1) : current.slice(0, space) + ' ' + current.slice(space);
    checkText(current, index, { format: 'markdown', cache });
  });
}

/**
 * Hostile drafts of 1 MB each (and one 10 MB single line): every one must check in near-linear
 * time, so each is reported against the 1 MB draft figure measured in this run.
 */
function hostileDrafts(index: ReturnType<typeof prepare>, draftMs: number): void {
  const MB = 1024 * 1024;
  const fill = (unit: string, n = MB) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
  const rand = rng(7);
  const cases: Array<[string, () => string]> = [
    ['runs of "$"', () => fill('$')],
    ['digits', () => fill('1234567890')],
    ['"1," repeated', () => fill('1,')],
    ['"%1%" (a claim every 2 chars)', () => fill('%1%')],
    ['repeated ranges', () => fill('30% to 50% ')],
    ['repeated months and dates', () => fill('May June Aug. 12 February 1, 2025 ')],
    ['deep brackets', () => fill('(') + fill(')', 0) + fill('[[[[]]')],
    ['random bytes', () => Buffer.from(Array.from({ length: MB }, () => Math.floor(rand() * 256))).toString('latin1')],
    ['zero-width characters', () => fill('1\u200b0 perc\u200dent of \ufeff$2\u200b00 billion ')],
    ['unclosed backticks, comments, tags', () => fill('`` ` ``` <!-- <a ](')],
    ['claims in dense prose', () => fill('China promised $200 billion in 2020 and 10 percent on February 1. ')],
    ['10 MB single line (per MB)', () => fill('China fell short of the $250 billion it promised under the 2020 deal, and the levies ', 10 * MB)],
  ];
  console.log(`\nHostile drafts, 1 MB each (ratio to the 1 MB draft's ${draftMs.toFixed(0)} ms):`);
  let worst = 0;
  for (const [name, make] of cases) {
    const text = make();
    const ms = time(() => checkText(text, index, { format: 'markdown' }), Math.min(RUNS, 3), 1) / (text.length / MB);
    worst = Math.max(worst, ms / draftMs);
    console.log(`  ${name.padEnd(36)} ${ms.toFixed(0).padStart(6)} ms  (${(ms / draftMs).toFixed(2)}x)`);
  }
  console.log(`  worst case: ${worst.toFixed(2)}x the 1 MB draft`);
}

function syntheticFacts(n: number, real: Fact[]): Fact[] {
  const rand = rng(42);
  const syll = ['ka', 'lo', 'mi', 'ren', 'tos', 'vel', 'qua', 'dor', 'pim', 'sul', 'zen', 'bar', 'cot', 'fyn', 'gad', 'hul'];
  const word = () => Array.from({ length: 3 }, () => syll[Math.floor(rand() * syll.length)]).join('');
  const vocab = Array.from({ length: Math.max(2000, n / 5) }, word);
  const pick = () => vocab[Math.floor(rand() * vocab.length)];
  const kinds: Array<Quantity['kind']> = ['money', 'percent', 'count', 'date', 'duration'];
  const out: Fact[] = [];
  for (let i = 0; i < n; i++) {
    const kind = kinds[i % kinds.length];
    const amount = Math.round(rand() * 1000);
    const q: Quantity = {
      kind,
      lo: amount,
      hi: amount,
      precision: 0.5,
      qualifier: 'exact',
      unit: kind === 'money' ? 'USD' : kind === 'percent' ? '%' : kind === 'duration' ? 'day' : pick(),
    };
    if (kind === 'count') q.nouns = [q.unit];
    if (kind === 'date') q.date = { year: 2000 + (i % 25), month: 1 + (i % 12) };
    const kw = [pick(), pick(), pick()];
    out.push({
      ...real[0],
      id: `synthetic-${i}`,
      topic: `synthetic-${i}`,
      subject: `${kw.join(' ')} ${pick()}`,
      aliases: [],
      keywords: kw,
      entities: [],
      quantity: q,
      text: String(amount),
      quote: `${kw.join(' ')}.`,
    });
  }
  return out;
}

function main(): void {
  const loaded = loadFactBaseFile(bundledFactBasePath());
  if (!loaded.base) throw new Error('bundled fact base does not load');
  const bundled = loaded.base;
  const corpus = loadCorpus(path.join(__dirname, '..', '..', '..', 'test', 'corpus'));
  const draft = repeatTo(corpusText(), MB);
  const index = prepare(bundled);

  console.log(`Runs per figure: ${RUNS} after ${WARMUP} untimed (median reported)\n`);
  // Before anything else runs: what the first check in a fresh process costs, compilation included.
  const t0 = process.hrtime.bigint();
  checkText(draft, index, { format: 'markdown' });
  const cold = Number(process.hrtime.bigint() - t0) / 1e6;
  const tok = time(() => tokenize(draft));
  const full = time(() => checkText(draft, index, { format: 'markdown' }));
  const claims = extract(draft, { format: 'markdown' }).claims.length;
  console.log('1 MB draft (the eval corpus repeated: a figure every ~70 characters), bundled fact base:');
  console.log(`  tokenize only (baseline)   ${tok.toFixed(1)} ms`);
  console.log(`  full check                 ${full.toFixed(1)} ms  (${(full / tok).toFixed(1)}x baseline; ${claims} claims; target < 100 ms)`);
  console.log(`  first check in a fresh process (one run, code not yet optimised): ${cold.toFixed(1)} ms`);
  // News prose at its natural density: the two source articles, when the machine has them.
  const articles = sourceArticles();
  if (articles !== undefined) {
    const prose = repeatTo(articles, MB);
    const proseTok = time(() => tokenize(prose));
    const proseFull = time(() => checkText(prose, index, { format: 'plaintext' }));
    const proseClaims = extract(prose).claims.length;
    console.log(
      `  the source articles repeated to 1 MB (news prose): full check ${proseFull.toFixed(1)} ms  (${(proseFull / proseTok).toFixed(1)}x tokenizing it; ${proseClaims} claims)`,
    );
  }
  for (const size of [1024 * 1024, 150 * 1024]) {
    const text = draft.slice(0, size);
    const edit = editedRecheck(text, index);
    console.log(
      `  ${size === 1024 * 1024 ? '1 MB  ' : '150 KB'} re-check after a one-character edit (block cache): ${edit.toFixed(1)} ms  (${(edit / tok).toFixed(2)}x baseline)`,
    );
  }

  hostileDrafts(index, full);

  // Matching at scale: the corpus's real claims against bundled + synthetic facts.
  const extractions = corpus.map((d) => extract(d.text, { format: 'markdown' }));
  const pairs = extractions.flatMap((x) => x.claims.map((c) => ({ x, c })));
  console.log(`\nPer-claim matching (${pairs.length} real claims from the corpus):`);
  const rows: Array<[number, number]> = [];
  // The first index measured would otherwise also pay for compiling the matcher's code.
  time(() => {
    for (const p of pairs) matchClaim(index, p.x, p.c);
  });
  for (const n of [1000, 10000, 100000]) {
    const base: FactBase = { ...bundled, facts: [...bundled.facts, ...syntheticFacts(n, bundled.facts)] };
    const t0 = process.hrtime.bigint();
    const idx = buildIndex(base);
    const buildMs = Number(process.hrtime.bigint() - t0) / 1e6;
    const ms = time(() => {
      for (const p of pairs) matchClaim(idx, p.x, p.c);
    });
    const perClaim = (ms / pairs.length) * 1000;
    rows.push([n, perClaim]);
    console.log(
      `  ${String(n).padStart(6)} facts: ${perClaim.toFixed(1)} µs/claim (${(perClaim / rows[0][1]).toFixed(2)}x the 1,000-fact figure; index built in ${buildMs.toFixed(0)} ms; target < 100 µs)`,
    );
  }
  // Baseline: what ranking every fact with fuse.js would cost.
  for (const n of [100, 1000]) {
    const facts = [...bundled.facts, ...syntheticFacts(n - bundled.facts.length, bundled.facts)];
    const fuse = new Fuse(
      facts.map((f) => ({ subject: f.subject, aliases: f.aliases, keywords: f.keywords })),
      { useTokenSearch: true, ignoreLocation: true, threshold: 0.4, keys: ['keywords', 'aliases', 'subject'] },
    );
    const sample = pairs.slice(0, 40);
    const ms = time(
      () => {
        for (const p of sample)
          fuse.search(
            p.x.tokens
              .slice(Math.max(0, p.c.firstToken - 16), p.c.lastToken + 16)
              .filter((t) => t.type === 'word')
              .map((t) => t.lower)
              .join(' '),
          );
      },
      3,
      1,
    );
    console.log(`  baseline, fuse.js over all ${n} facts: ${((ms / sample.length) * 1000).toFixed(0)} µs/claim`);
  }
  const mem = process.memoryUsage();
  console.log(`\nProcess memory after the runs: RSS ${(mem.rss / 1048576).toFixed(0)} MB, heap ${(mem.heapUsed / 1048576).toFixed(0)} MB`);
}

main();
