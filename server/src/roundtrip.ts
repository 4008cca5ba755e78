/**
 * `factcheck facts test`: every fact checked against its own quote. Checked as a draft, the quote
 * must confirm that fact and no other; with its figure changed to a wrong value, it must conflict
 * with that fact. A fact that fails tells its curator the quote does not say what the fact says
 * (or says it in a way the engine does not read, which a `frame` entry corrects).
 */
import { checkText } from './engine/check';
import { fateInWords, fatesOf } from './explain';
import type { Fact } from './engine/factbase/model';
import type { FactIndex } from './engine/match/factIndex';
import { dollarLetters, numberWordValue } from './engine/extract/extract';
import { MONTH_NAMES, MONTHS, quantitiesAgree, sameFigure } from './engine/quantity';

/**
 * Replaces the numbers in a figure (its digits, every one, so that a range "between $540m and $1bn" keeps its order; or
 * a number word) with `f` of their values, written as the figure writes numbers.
 */
function scaled(figure: string, f: (v: number) => number): string | undefined {
  if (/\d/.test(figure))
    // Thousands grouped by commas, or by spaces as wire copy does ("2 207"), which the wrong value keeps.
    return figure.replace(/\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?![\d,.])|\d[\d,]*(?:\.\d+)?/g, (raw) => {
      const space = /[ \u00a0\u202f\u2009]/.exec(raw)?.[0];
      if (space)
        return Math.round(f(Number(raw.replace(/\D/g, ''))))
          .toLocaleString('en-US')
          .replace(/,/g, space);
      const value = Number(raw.replace(/,/g, ''));
      let decimals = raw.includes('.') ? raw.split('.')[1].length : 0;
      // "$1bn" scaled down is "$0.4bn", not "$0bn".
      while (decimals < 3 && f(value) > 0 && Number(f(value).toFixed(decimals)) === 0) decimals++;
      let wrong = Number(f(value).toFixed(decimals));
      if (wrong === value) wrong = value + 1;
      return raw.includes(',') ? wrong.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }) : wrong.toFixed(decimals);
    });
  const word = /\b([a-z]+)\b/i.exec(figure);
  const value = word ? numberWordValue(word[1].toLowerCase()) : undefined;
  if (word && value !== undefined) return figure.slice(0, word.index) + String(Math.round(f(value))) + figure.slice(word.index + word[0].length);
  return undefined;
}

/** The most days each month has (February's in a leap year), for a date written without its year. */
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether a month (0-based) of a year, or of any year when none is written, has the day. */
function hasDay(year: number | undefined, month: number, day: number): boolean {
  return day <= (year === undefined ? DAYS_IN_MONTH[month] : new Date(Date.UTC(year, month + 1, 0)).getUTCDate());
}

/**
 * Wrong values for a figure, most natural first, written the way its text writes figures: a month
 * moved, a year moved, a number scaled or shifted. Callers keep the first that really contradicts
 * the fact (a shifted figure can still fall inside a sourced range). A moved month keeps a real day:
 * "Dec. 31" and "31 December 2023" are not moved to April, "Oct. 29, 2023" not to February.
 */
export function mutations(figure: string, kind: string): string[] {
  const out: string[] = [];
  if (kind === 'date') {
    // "this month" → "last month": a relative date moved.
    const rel = /\b(this|last|next)\b/i.exec(figure);
    if (rel) {
      const moved = figure.slice(0, rel.index) + (rel[1].toLowerCase() === 'last' ? 'next' : 'last') + figure.slice(rel.index + rel[0].length);
      out.push(moved, moved.replace(/\bweek\b/i, 'month'));
    }
    const m = /\b([A-Z][a-z]{2,8})\.?/.exec(figure);
    if (m && MONTHS.has(m[1].toLowerCase())) {
      const month = MONTHS.get(m[1].toLowerCase())!;
      // Earlier too: a deadline moved later ("by August" for "by April") still allows the fact's month.
      const day = Number(/^\s*(\d{1,2})\b/.exec(figure.slice(m.index + m[0].length))?.[1] ?? /\b(\d{1,2})\s*$/.exec(figure.slice(0, m.index))?.[1] ?? 0);
      const year = /\b(?:19|20)\d\d\b/.exec(figure)?.[0];
      for (const shift of [4, 6, 2, 10]) {
        const to = (month - 1 + shift) % 12;
        if (!hasDay(year === undefined ? undefined : Number(year), to, day)) continue;
        out.push(figure.slice(0, m.index) + MONTH_NAMES[to] + figure.slice(m.index + m[0].length));
      }
    }
    const iso = /(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(figure);
    if (iso) {
      const to = (Number(iso[2]) - 1 + 4) % 12;
      if (hasDay(Number(iso[1]), to, Number(iso[3] ?? 0))) out.push(figure.replace(`${iso[1]}-${iso[2]}`, `${iso[1]}-${String(to + 1).padStart(2, '0')}`));
    }
    return out;
  }
  if (kind === 'year') {
    for (const d of [-3, 4]) out.push(figure.replace(/\b(19|20)\d\d\b/, (y) => String(Number(y) + d)));
    return out;
  }
  // Bounded figures ("over $300 billion", "up to $4.7B") agree with much: the later factors leave their range.
  const fs: Array<(v: number) => number> =
    kind === 'percent'
      ? [(v) => (v <= 60 ? v + 15 : v * 1.6), (v) => v * 2.5, (v) => v * 0.4, (v) => v * 0.1]
      : [(v) => v * 1.6, (v) => v * 2.5, (v) => v * 0.4, (v) => v * 5, (v) => v * 0.1];
  for (const f of fs) {
    const m = scaled(figure, f);
    if (m !== undefined) out.push(m);
  }
  // "half a million jobs" → "three million jobs".
  if (/\bhalf an? /i.test(figure)) out.push(figure.replace(/\bhalf an? /i, 'three '));
  return out;
}

/** The outcome of one fact's round trip. */
export interface RoundTrip {
  fact: Fact;
  /** What checking the quote gave for the fact's figure. */
  confirmed: boolean;
  confirmedBy?: string;
  /** The quote with a wrong figure, and whether it was flagged against the fact. */
  changed?: string;
  caught?: boolean;
  caughtAs?: string;
  /** Why the round trip could not be made. */
  problem?: string;
  /** Why the quote gave no finding, when the engine knows: an undated figure of a measure its topic gives at other times. */
  hint?: string;
  /** What became of the fact when its quote was checked, and when the changed quote was, where either failed: the rule that ruled it out, the fact that ranked above it. */
  whyNotConfirmed?: string;
  whyNotCaught?: string;
}

/** Runs the round trip for every fact of the index. */
export function roundTrips(index: FactIndex): RoundTrip[] {
  return index.base.facts.map((fact) => roundTrip(index, fact));
}

function sameMeasure(a: Fact, b: Fact): boolean {
  return a.id === b.id || (a.topic === b.topic && quantitiesAgree(a.quantity, b.quantity) === true);
}

/** A "$" with no letters glued before it ("$4 billion", not "A$4 billion" or "US$4 billion"). */
const BARE_DOLLAR = /(^|[^A-Za-z])\$/;

/**
 * The quote as a draft would write its figure: a source in Australia writes "$443 million" for a fact in Australian
 * dollars, which a draft writes "A$443 million" (a bare "$" in a draft is a U.S. dollar). So the round trip tests the
 * fact, not the source's house style.
 */
function inFactCurrency(fact: Fact): { quote: string; text: string } {
  const letters = fact.quantity.kind === 'money' ? dollarLetters(fact.quantity.unit ?? '') : undefined;
  const at = fact.quote.indexOf(fact.text);
  // Every "$" of the figure with no letters glued before it: "about $4 billion", "$3 billion to $4 billion".
  if (!letters || at < 0 || !BARE_DOLLAR.test(fact.text) || (/^\$/.test(fact.text) && /[A-Za-z]$/.test(fact.quote.slice(0, at))))
    return { quote: fact.quote, text: fact.text };
  const text = fact.text.replace(new RegExp(BARE_DOLLAR.source, 'g'), `$1${letters}$$`);
  return { quote: fact.quote.slice(0, at) + text + fact.quote.slice(at + fact.text.length), text };
}

export function roundTrip(index: FactIndex, fact: Fact): RoundTrip {
  const { quote, text: factText } = inFactCurrency(fact);
  const at = quote.indexOf(factText);
  if (at < 0) return { fact, confirmed: false, problem: `the quote does not contain the fact's text "${fact.text}"` };
  const end = at + factText.length;
  // "this month", "last month" in a quote are read from the source's date.
  const referenceDate = fact.source.published ?? fact.asOf;
  const check = (text: string) => checkText(text, index, { format: 'plaintext', referenceDate });
  const findingAt = (checked: ReturnType<typeof check>, from: number, to: number) => checked.findings.find((f) => f.claim.start < to && from < f.claim.end);
  // The quote is checked once, for its finding and for how it reads its figure.
  const checked = check(quote);
  const own = findingAt(checked, at, end);
  const r: RoundTrip = {
    fact,
    confirmed: own?.verdict === 'consistent' && sameMeasure(own.fact, fact),
    confirmedBy: own ? `${own.verdict} ${own.fact.id}` : 'no finding',
  };
  // One measure over time is judged only where the sentence dates the figure or speaks of now ("When it says nothing").
  if (!own && index.profiles.find((p) => p.fact === fact)?.onTimeline)
    r.hint =
      'its topic gives this measure at other times; a figure of a timeline is judged only where its sentence dates it or speaks of now, so a quote that does neither may give no finding';
  const claim = checked.claims.find((c) => c.start < end && at < c.end);
  if (!claim) return { ...r, problem: `the figure "${fact.text}" is not read in the quote` };
  const why = (text: string, from: number, to: number) => fateInWords(fatesOf(text, from, to, [fact.id], index, 'plaintext', referenceDate)[0]);
  if (!r.confirmed) r.whyNotConfirmed = why(quote, at, end);
  // The figure as the quote writes it, from the claim's start: "$200 billion", "February 1".
  const figure = quote.slice(claim.start, claim.end);
  for (const wrong of mutations(figure, claim.kind)) {
    const text = quote.slice(0, claim.start) + wrong + quote.slice(claim.end);
    const checkedWrong = check(text);
    const c = checkedWrong.claims.find((k) => k.start < claim.start + wrong.length && claim.start < k.end);
    if (!c || quantitiesAgree(c.quantity, fact.quantity) !== false) continue;
    // A wrong value that is exactly another fact's figure tests something else: the engine takes it for that fact's.
    if (index.base.facts.some((f) => f !== fact && sameFigure(c.quantity, f.quantity))) continue;
    const f = findingAt(checkedWrong, claim.start, claim.start + wrong.length);
    r.changed = text;
    r.caught = (f?.verdict === 'conflict' || f?.verdict === 'outdated') && sameMeasure(f.fact, fact);
    r.caughtAs = f ? `${f.verdict} ${f.fact.id}` : 'no finding';
    if (!r.caught) r.whyNotCaught = why(text, claim.start, claim.start + wrong.length);
    return r;
  }
  return { ...r, problem: `no wrong value for "${figure}" could be written` };
}
