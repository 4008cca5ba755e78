/**
 * Quantities as the engine understands them: what kinds there are, how qualifiers and
 * rounding turn a stated figure into the interval of values it is consistent with, and how
 * partial dates compare. Pure data and arithmetic; no text scanning here.
 */

import { MONTHS, table } from './text/tokens';

export const QUANTITY_KINDS = ['money', 'percent', 'count', 'duration', 'date', 'year'] as const;

export type QuantityKind = (typeof QUANTITY_KINDS)[number];

/**
 * How a figure is hedged. `exact` is a plain figure (still subject to the rounding its
 * digits imply); the others widen or bound the interval.
 */
export const QUALIFIERS = ['exact', 'about', 'nearly', 'more-than', 'at-least', 'less-than', 'at-most'] as const;

export type Qualifier = (typeof QUALIFIERS)[number];

/** A date with only the parts that were stated. Month is 1-12. */
export interface PartialDate {
  year?: number;
  month?: number;
  day?: number;
}

/**
 * A normalised quantity. Numeric kinds use `lo`/`hi` (equal for a point figure) in base units:
 * US dollars (or the named currency) for money, percent for percent, days for durations,
 * items for counts, the year for years. `precision` is half a unit of the last stated digit,
 * the rounding the figure implies.
 */
export interface Quantity {
  kind: QuantityKind;
  lo: number;
  hi: number;
  precision: number;
  qualifier: Qualifier;
  /** Money: ISO currency code. Percent: "%" or "pp". Duration: "day". Count: head noun stem. */
  unit: string;
  /** Count: stems of the words after the number (the noun phrase). */
  nouns?: string[];
  /** Duration: stated as "... ago" (a point in the past) rather than a length. */
  ago?: boolean;
  /** Date: the stated parts. */
  date?: PartialDate;
}

/** Relative widening for "about", "roughly", "estimated" and the like. */
export const ABOUT_TOLERANCE = 0.1;
/** Open-ended bounds ("more than X") are closed at this factor: nobody writes "over $300 billion" for $3 trillion. */
export const OPEN_BOUND_FACTOR = 3;

/**
 * Rounding is capped at this share of the figure. Half a unit of a lone leading digit is half
 * the figure: "1 million" would cover 0.5 to 1.5 million, and nobody rounds half a million
 * jobs to "1 million".
 */
export const MAX_ROUNDING = 0.25;

/** The lower end of the closed interval of true values a stated quantity is consistent with. */
function lowerBound(q: Quantity): number {
  const p = rounding(q);
  switch (q.qualifier) {
    case 'exact':
      return q.lo - p;
    // Hedged figures widen by the larger of the hedge and the rounding, not both.
    case 'about':
    case 'nearly':
      return q.lo - Math.max(p, Math.abs(q.lo) * ABOUT_TOLERANCE);
    case 'more-than':
    case 'at-least':
      return q.hi - p;
    case 'less-than':
    case 'at-most':
      return q.lo / OPEN_BOUND_FACTOR - p;
  }
}

/** The upper end of that interval. */
function upperBound(q: Quantity): number {
  const p = rounding(q);
  switch (q.qualifier) {
    case 'exact':
    case 'nearly':
      return q.hi + p;
    case 'about':
      return q.hi + Math.max(p, Math.abs(q.hi) * ABOUT_TOLERANCE);
    case 'more-than':
    case 'at-least':
      return q.hi * OPEN_BOUND_FACTOR + p;
    case 'less-than':
    case 'at-most':
      return q.lo + p;
  }
}

function rounding(q: Quantity): number {
  return Math.min(q.precision, Math.max(Math.abs(q.lo), Math.abs(q.hi)) * MAX_ROUNDING);
}

/** Strict overlap of the two intervals: two rounded figures that only touch ($200bn and $201bn) are different figures. */
function overlaps(a: Quantity, b: Quantity): boolean {
  return lowerBound(a) < upperBound(b) && lowerBound(b) < upperBound(a);
}

/** Compares only the date parts both sides state. Undefined when they share no part. */
export function datesAgree(a: PartialDate, b: PartialDate): boolean | undefined {
  let shared = 0;
  for (const part of ['year', 'month', 'day'] as const) {
    const x = a[part];
    const y = b[part];
    if (x === undefined || y === undefined) continue;
    shared++;
    if (x !== y) return false;
  }
  // A day without a month on one side says nothing comparable.
  if (shared === 1 && a.day !== undefined && b.day !== undefined && (a.month === undefined || b.month === undefined)) return undefined;
  return shared > 0 ? true : undefined;
}

/** Whether the fact's date lies on the bound's side: "before March 14" allows March 11. */
function dateWithinBound(bound: PartialDate, qualifier: Qualifier, fact: PartialDate): boolean | undefined {
  const order = dateOrder(fact, bound);
  return order === undefined ? undefined : withinBound(order, qualifier);
}

/** -1, 0 or 1 as `a` is before, at or after `b`, on the parts both state; a year one side lacks is taken to be the same. */
function dateOrder(a: PartialDate, b: PartialDate): number | undefined {
  let order = 0;
  let shared = 0;
  for (const part of ['year', 'month', 'day'] as const) {
    const u = a[part];
    const v = b[part];
    if (u === undefined || v === undefined) {
      // A year one side lacks is taken to be the same; a missing month leaves the day meaningless.
      if (part === 'year') continue;
      break;
    }
    shared++;
    if (u !== v) {
      order = u < v ? -1 : 1;
      break;
    }
  }
  return shared ? order : undefined;
}

/** Whether a value ordered `order` (-1, 0, 1) against a bound is on its side. */
function withinBound(order: number, qualifier: Qualifier): boolean {
  switch (qualifier) {
    case 'less-than':
      return order < 0;
    case 'at-most':
      return order <= 0;
    case 'more-than':
      return order > 0;
    default:
      return order >= 0;
  }
}

/** A date without its day. */
export function monthOf(t: PartialDate): PartialDate {
  return t.day === undefined ? t : { year: t.year, month: t.month };
}

/** -1, 0 or 1 as `a` is before, at or after `b`, compared as far as both go. */
export function compareDates(a: PartialDate, b: PartialDate): number {
  for (const part of ['year', 'month', 'day'] as const) {
    const u = a[part];
    const v = b[part];
    if (u === undefined || v === undefined) return 0;
    if (u !== v) return u < v ? -1 : 1;
  }
  return 0;
}

/**
 * Whether a claimed quantity is consistent with a sourced one. Both sides' qualifiers and
 * rounding count. Two ranges must agree end by end ("15% to 25%" is not "30% to 50%", and
 * neither is "30% to 60%"); a point must fall in a range; otherwise the intervals must overlap.
 */
export function quantitiesAgree(claim: Quantity, fact: Quantity): boolean | undefined {
  if (claim.kind === 'date' || fact.kind === 'date') {
    if (!claim.date || !fact.date) return undefined;
    if (BOUNDS.has(claim.qualifier)) return dateWithinBound(claim.date, claim.qualifier, fact.date);
    return datesAgree(claim.date, fact.date);
  }
  // A year as a bound ("before 2020", "by 2030") allows any year on its side.
  if (claim.kind === 'year' && BOUNDS.has(claim.qualifier) && fact.lo === fact.hi) return withinBound(Math.sign(fact.lo - claim.lo), claim.qualifier);
  // The very same figure agrees, zero too ("96-0": a zero has no rounding to overlap by).
  if (claim.qualifier === 'exact' && fact.qualifier === 'exact' && claim.lo === fact.lo && claim.hi === fact.hi) return true;
  const claimRange = claim.lo !== claim.hi;
  const factRange = fact.lo !== fact.hi;
  if (claimRange && factRange && claim.qualifier === 'exact' && fact.qualifier === 'exact') {
    const tolLo = Math.max(claim.precision, fact.precision);
    return Math.abs(claim.lo - fact.lo) <= tolLo * 2 && Math.abs(claim.hi - fact.hi) <= tolLo * 2;
  }
  // "more than 2,000 structures" for "more than 2,200": a floor cut down to a rounder figure is the same floor, loosely put.
  // A lower floor still ("at least 57 people died" for at least 246) is true, an early tally or a cautious one: it is no
  // wrong figure, nor the fact's.
  // (A slipped decimal point or scale word, "at least .2 percent" for at least 20, is still wrong.)
  if (LOWER_BOUNDS.has(claim.qualifier) && LOWER_BOUNDS.has(fact.qualifier) && claim.hi < fact.lo && !(claim.hi > 0 && slipped(fact.lo / claim.hi)))
    return roundedDown(claim, fact) ? true : undefined;
  // The same bound on both sides ("up to $6.9 billion" against "up to $6.4 billion") states the bound
  // itself: the stated figures are compared, each to its rounding.
  if (claim.qualifier === fact.qualifier && BOUNDS.has(claim.qualifier)) return overlaps({ ...claim, qualifier: 'exact' }, { ...fact, qualifier: 'exact' });
  if (overlaps(claim, fact)) return true;
  // Far past a fact's open end ("$900 million" against "more than $284 million"): the bound allows it, so it is no wrong
  // value of that figure; nobody writes the one for the other, so neither is it that figure. Nothing to say.
  if (beyondOpenEnd(claim, fact)) return undefined;
  // Cut off, not rounded: not the figure, and not a wrong one either. Nothing to say.
  return truncates(claim, fact) ? undefined : false;
}

/**
 * A point figure past the open end of a fact's one-sided bound (above "more than X", below "less than X"), but not so
 * far that it reads as a slipped decimal or scale ("$1.7 trillion" for "more than $167 billion" is still wrong).
 */
function beyondOpenEnd(claim: Quantity, fact: Quantity): boolean {
  if (BOUNDS.has(claim.qualifier) || claim.lo <= 0 || fact.lo <= 0) return false;
  if (LOWER_BOUNDS.has(fact.qualifier)) return claim.lo > fact.hi && claim.lo < fact.hi * SLIPPED_SCALE;
  if (fact.qualifier === 'less-than' || fact.qualifier === 'at-most') return claim.hi < fact.lo && claim.hi * SLIPPED_SCALE > fact.lo;
  return false;
}

/** A figure this many times another reads as a slipped decimal or scale word, not as another figure. */
const SLIPPED_SCALE = 8;

/** A slip moves a figure by a power of ten up to this (a scale word: thousand, million, billion). */
const MAX_SLIP = 1000;

/**
 * Whether `ratio` (at least 1) is a power of ten, as when a decimal point or scale word slipped, within rounding. A
 * figure written with one significant digit ("nearly 30,000") keeps no digits to slip: only an exact power counts, or
 * any round figure would be a slip of whatever lies near a power of ten of it (298).
 */
export function slipped(ratio: number, oneDigit = false): boolean {
  const within = oneDigit ? 0.001 : 0.02;
  for (let p = 10; p <= MAX_SLIP; p *= 10) if (Math.abs(ratio / p - 1) < within) return true;
  return false;
}

/** How many digits of a figure as written are significant: "$641 million" three, "$2 billion", "2,000" and "0.2%" one. */
export function significantDigits(text: string): number {
  return (text.match(/\d[\d,]*(?:\.\d+)?/)?.[0] ?? '').replace(/[,.]/g, '').replace(/^0+/, '').replace(/0+$/, '').length;
}

/** Whether a figure as written has one significant digit: "30,000", "$3 billion", "0.2%", not "$1.2 billion" or "298". */
export function oneSignificantDigit(text: string): boolean {
  return significantDigits(text) === 1;
}

/** The step a figure is rounded to: a count's by its trailing zeros ("2,000": a thousand), any other's by its precision. */
function roundingUnit(q: Quantity): number {
  if (q.kind !== 'count') return 2 * q.precision;
  let unit = 1;
  while (q.lo >= unit * 10 && q.lo % (unit * 10) === 0) unit *= 10;
  return unit;
}

/** Whether a single figure is another cut down to its own, rounder step: 2,000 for 2,200, but not 2,000 for 1,900 or 3,000. */
function roundedDown(claim: Quantity, fact: Quantity): boolean {
  if (claim.lo !== claim.hi || fact.lo !== fact.hi || !(claim.lo > 0) || claim.lo >= fact.lo) return false;
  const unit = roundingUnit(claim);
  return unit > roundingUnit(fact) && Math.floor(fact.lo / unit + 1e-9) * unit === claim.lo;
}

/** A plain figure that cuts a finer one off rather than rounding it: "$183 billion" for $183.6 billion. */
function truncates(claim: Quantity, fact: Quantity): boolean {
  if (claim.qualifier !== 'exact' || fact.qualifier !== 'exact' || claim.lo !== claim.hi || fact.lo !== fact.hi) return false;
  const unit = 2 * claim.precision;
  if (!(unit > 2 * fact.precision) || fact.lo <= 0) return false;
  return Math.round(claim.lo / unit) === Math.floor(fact.lo / unit + 1e-9);
}

/**
 * Whether a figure states the fact's figure, not merely one its bound allows: "22 million applied" agrees with "up to
 * 43 million" but is not that figure, and "more than $183 billion" is not $400 billion. Bounds are compared as stated.
 */
export function statesFigure(claim: Quantity, fact: Quantity): boolean {
  if (quantitiesAgree(claim, fact) !== true) return false;
  // "before March 14" allows the fact's date; it does not state it. "by April" names April when that is the fact's date (a deadline).
  if (claim.kind === 'date' || claim.kind === 'year') {
    if (!BOUNDS.has(claim.qualifier)) return true;
    const order = claim.kind === 'date' ? (claim.date && fact.date ? dateOrder(fact.date, claim.date) : undefined) : Math.sign(fact.lo - claim.lo);
    return claim.qualifier === 'at-most' && order === 0;
  }
  const a = { ...claim, qualifier: 'exact' as const };
  const b = { ...fact, qualifier: 'exact' as const };
  const near = (share: number) => overlaps(a, b) || Math.abs(a.hi - b.hi) <= Math.abs(b.hi) * share;
  if (BOUNDS.has(claim.qualifier) || BOUNDS.has(fact.qualifier)) return near(NEAR_BOUND);
  // "about 75%" allows 79%, but a plain 79% is another reading, not that one.
  // Nor is "nearly 79%": two hedged figures state one reading only when they are about as near.
  if (HEDGES.has(fact.qualifier)) return near(NEAR_HEDGE);
  return true;
}

/**
 * Whether a figure is the very figure a fact states, not merely one its rounding allows: the same day of the same month,
 * or the same point value to the finer of the two precisions or within 2% ("$886.4 billion" is "$886 billion"; "$5 billion" is
 * not "$5.3 billion", though it covers it).
 */
export function sameFigure(q: Quantity, f: Quantity): boolean {
  if (q.kind !== f.kind) return false;
  if (q.kind === 'date')
    return (
      !BOUNDS.has(q.qualifier) &&
      q.date?.day !== undefined &&
      q.date.day === f.date?.day &&
      q.date.month === f.date?.month &&
      (q.date.year === undefined || f.date?.year === undefined || q.date.year === f.date.year)
    );
  // A point, not a bound: "up to $3.33 billion" fits many figures. The same bound on both sides ("up to $20,000" and
  // "up to $20,000") states the one limit.
  if (q.lo !== q.hi || f.lo !== f.hi) return false;
  if (BOUNDS.has(q.qualifier) || BOUNDS.has(f.qualifier)) return q.qualifier === f.qualifier && q.lo === f.lo;
  // A year or a length is one figure only when equal: 2% of 2020 is forty years.
  if (q.kind !== 'money' && q.kind !== 'percent' && q.kind !== 'count') return q.lo === f.lo;
  // A small count is counted, not rounded: 210 votes are not 206.
  if (q.kind === 'count' && Math.max(q.lo, f.lo) < SMALL_COUNT) return q.lo === f.lo;
  return Math.abs(q.lo - f.lo) <= Math.max(Math.min(q.precision, f.precision), Math.abs(f.lo) * SAME_FIGURE);
}

/** Counts below this are exact: votes, seats, people in a room. */
const SMALL_COUNT = 1000;

/** Two point figures this close (as a share) are one figure written more or less finely. */
const SAME_FIGURE = 0.02;

/** A figure within this share of a bound ("$320 billion" of "over $300 billion") states about that bound. */
const NEAR_BOUND = 0.1;
/** A plain figure within this share of a hedged one ("about 75%") states it. */
const NEAR_HEDGE = 0.04;
/** Qualifiers that widen a figure rather than bound it. */
const HEDGES: ReadonlySet<Qualifier> = new Set<Qualifier>(['about', 'nearly']);

/** Qualifiers that state a bound: two figures with the same one are compared bound to bound. */
const BOUNDS: ReadonlySet<Qualifier> = new Set<Qualifier>(['more-than', 'at-least', 'less-than', 'at-most']);
/** The bounds that give a floor: "more than", "at least". */
const LOWER_BOUNDS: ReadonlySet<Qualifier> = new Set<Qualifier>(['more-than', 'at-least']);

/** Days in a unit of duration; months and years by their average length, a month a twelfth of a year (60 months are five years). */
export const DAYS_PER = table({ day: 1, week: 7, month: 365.25 / 12, year: 365.25, decade: 3652.5 });

const SCALE_WORDS = table({
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mn: 1e6,
  mln: 1e6,
  m: 1e6,
  billion: 1e9,
  bn: 1e9,
  bln: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
  trn: 1e12,
  t: 1e12,
});

/** `lower` without one trailing period ("bn." → "bn"); no regex, as this runs on every word. */
export function withoutPeriod(lower: string): string {
  return lower.charCodeAt(lower.length - 1) === 46 ? lower.slice(0, -1) : lower;
}

/** Multiplier for a scale word ("billion", "bn", "m"), or undefined. Single letters only count glued to a number. */
export function scaleOf(lower: string, glued: boolean): number | undefined {
  const v = SCALE_WORDS.get(withoutPeriod(lower));
  if (v === undefined) return undefined;
  if (lower.length <= 1 && !glued) return undefined;
  return v;
}

/** Month names and their numbers, with the tokenizer (which must know a month before a number). */
export { MONTHS };

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The day of `d` on the local calendar, as YYYY-MM-DD (an ISO string's date is UTC's, a day ahead in an American evening). */
export function isoDay(d: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/** Human rendering of a partial date, e.g. "Aug. 12, 2025" → "August 12, 2025"; "May 2025". */
export function formatDate(d: PartialDate): string {
  const m = d.month ? MONTH_NAMES[d.month - 1] : undefined;
  if (m && d.day && d.year) return `${m} ${d.day}, ${d.year}`;
  if (m && d.day) return `${m} ${d.day}`;
  if (m && d.year) return `${m} ${d.year}`;
  if (m) return m;
  return d.year !== undefined ? String(d.year) : '';
}

/** Short human rendering of a quantity's value, for messages when no sourced text is given. */
export function formatQuantity(q: Quantity): string {
  if (q.kind === 'date' && q.date) return formatDate(q.date);
  const fmt = (v: number) => {
    if (q.kind === 'money') {
      const sym = q.unit === 'USD' ? '$' : q.unit + ' ';
      for (const [s, name] of [
        [1e12, 'trillion'],
        [1e9, 'billion'],
        [1e6, 'million'],
      ] as const) {
        if (Math.abs(v) >= s) return `${sym}${+(v / s).toFixed(3)} ${name}`;
      }
      return `${sym}${v.toLocaleString('en-US')}`;
    }
    if (q.kind === 'percent') return `${+v.toFixed(3)}%`;
    if (q.kind === 'duration') {
      if (v >= 365 && Math.abs(v / 365.25 - Math.round(v / 365.25)) < 0.05) return `${Math.round(v / 365.25)} years`;
      return `${+v.toFixed(1)} days`;
    }
    if (q.kind === 'count') return `${v.toLocaleString('en-US')} ${q.unit}`;
    return String(v);
  };
  const core = q.lo === q.hi ? fmt(q.lo) : `${fmt(q.lo)} to ${fmt(q.hi)}`;
  const prefix: Record<Qualifier, string> = {
    exact: '',
    about: 'about ',
    nearly: 'nearly ',
    'more-than': 'more than ',
    'at-least': 'at least ',
    'less-than': 'less than ',
    'at-most': 'at most ',
  };
  return prefix[q.qualifier] + core + (q.ago ? ' ago' : '');
}
