/**
 * What is worked out once per extraction and shared by all its claims: content-word stems,
 * clause and segment breaks, word counts, and the dates that stand near a figure. A sentence
 * with a hundred claims must not rescan itself a hundred times.
 */
import type { PartialDate } from '../quantity';
import { contentStemOf, gluedTerm, type Token, wordClass } from '../text/tokens';
import type { Claim, Extraction } from './extract';
import { CLAUSE_OPENERS, PREDICATE_LINKS } from './grammar';

/** Token-level data of one extraction, computed on first use and kept with it. */
export interface Analysis {
  /** Stem of each token that is a content word (not a stopword, two letters or more); undefined otherwise. */
  stemAt: Array<string | undefined>;
  /** Token indexes of the words, and of the content words (those with a stem). */
  wordPos: number[];
  contentPos: number[];
  /** Token indexes of words such as "initially" that mark a sentence as history. */
  historicalPos: number[];
  /** Ordered token indexes of segment breaks (a comma or clause symbol) and of clause breaks (a clause symbol, or a comma before "and", "while", ...). */
  breaks: number[];
  clauseBreaks: number[];
  /** Word tokens before each token index, so "how many words lie between" is one subtraction. */
  wordsBefore: number[];
  /** Date and year claims per sentence index. */
  timeClaimsBySentence: Array<Claim[] | undefined>;
  /** Per-knowledge data (names, subjects), owned by frame.ts. */
  named: unknown;
  /** For each token, whether a claim covers it; built on first use. */
  inClaim?: Uint8Array;
  /** The years the text sets, in order: [token, year] pairs (see `settingYear`); built on first use. */
  settings?: Array<[number, number]>;
}

/** Whether a claim covers token i. */
export function inAnyClaim(x: Extraction, i: number): boolean {
  const d = analysis(x);
  if (!d.inClaim) {
    const marks = new Uint8Array(x.tokens.length);
    for (const c of x.claims) marks.fill(1, c.firstToken, c.lastToken + 1);
    d.inClaim = marks;
  }
  return d.inClaim[i] === 1;
}

const HISTORICAL_MARKERS = new Set(['initially', 'originally', 'previously', 'formerly', 'earlier']);
const HISTORICAL = wordClass((lower) => HISTORICAL_MARKERS.has(lower));

/** Parentheses are not among them: "signed by President Joe Biden (D) on November 15" goes on past its aside. */
const CLAUSE_BREAK_SYMBOLS = new Set([';', ':', '—']);
/** Words that open a subordinate clause with or without a comma: "set to expire Aug. 12 unless the talks extend it". */
const SUBORDINATORS = new Set(['unless', 'because', 'although', 'whereas', 'though']);
const CLOSING_QUOTES = new Set(['"', '”', "'", '’']);
const TIME_CONJUNCTIONS = new Set(['before', 'after', 'until', 'since', 'when', 'once', 'while']);
const PRONOUNS = new Set(['it', 'they', 'he', 'she', 'we', 'i', 'you']);

export function analysis(x: Extraction): Analysis {
  let d = x.matchData as Analysis | undefined;
  if (d) return d;
  const tokens = x.tokens;
  const n = tokens.length;
  // Sized up front: grown by push, these arrays would allocate about twice their final size.
  const stemAt = new Array<string | undefined>(n);
  const wordPos: number[] = [];
  const contentPos: number[] = [];
  const historicalPos: number[] = [];
  const wordsBefore = new Array<number>(n + 1);
  const breaks: number[] = [];
  const clauseBreaks: number[] = [];
  let words = 0;
  wordsBefore[0] = 0;
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    let st: string | undefined;
    if (t.type === 'word') {
      words++;
      wordPos.push(i);
      if (t.lex!.classes & HISTORICAL) historicalPos.push(i);
      st = gluedTerm(tokens, i) ?? contentStemOf(t.lex!);
      if (st !== undefined) contentPos.push(i);
    } else if (t.type === 'sym') {
      if (t.text === ',' || CLAUSE_BREAK_SYMBOLS.has(t.text)) breaks.push(i);
      // 'by the FDIC,” while another': a quote mark closing after the comma stands between it and the next clause.
      const next = t.text === ',' && CLOSING_QUOTES.has(tokens[i + 1]?.text ?? '') ? tokens[i + 2] : tokens[i + 1];
      if (
        CLAUSE_BREAK_SYMBOLS.has(t.text) ||
        ((t.text === '–' || t.text === '-') && t.spaced) ||
        (t.text === ',' && next?.type === 'word' && CLAUSE_OPENERS.has(next.lower))
      )
        clauseBreaks.push(i);
    }
    // A subordinate clause opens at its conjunction: the break stands just before it. "before",
    // "after", "until" open one only before a pronoun ("before it expires"; "before April" does not).
    if (t.type === 'word' && i > 0 && clauseBreaks[clauseBreaks.length - 1] !== i - 1) {
      const next = tokens[i + 1];
      if (SUBORDINATORS.has(t.lower) || (TIME_CONJUNCTIONS.has(t.lower) && next?.type === 'word' && PRONOUNS.has(next.lower))) clauseBreaks.push(i - 1);
    }
    stemAt[i] = st;
    wordsBefore[i + 1] = words;
  }
  d = { stemAt, wordPos, contentPos, historicalPos, breaks, clauseBreaks, wordsBefore, timeClaimsBySentence: [], named: undefined };
  x.matchData = d;
  return d;
}

/** Where the first of the ordered token indexes `marks` at or after i stands (marks.length when none). */
export function firstAtOrAfter(marks: number[], i: number): number {
  let lo = 0;
  for (let hi = marks.length; lo < hi; ) {
    const mid = (lo + hi) >> 1;
    if (marks[mid] < i) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The last of the ordered token indexes `marks` at or before i; -1 when none. */
export function markAtOrBefore(marks: number[], i: number): number {
  const k = firstAtOrAfter(marks, i + 1);
  return k > 0 ? marks[k - 1] : -1;
}

/** The first of the ordered token indexes `marks` at or after i; `none` when none. */
export function markAtOrAfter(marks: number[], i: number, none: number): number {
  const k = firstAtOrAfter(marks, i);
  return k < marks.length ? marks[k] : none;
}

/** The sentence's token range. */
export function sentenceOf(x: Extraction, claim: Claim): [number, number] {
  return x.sentences[claim.sentence] ?? [claim.firstToken, claim.lastToken];
}

const INTRO_WORDS = new Set(['on', 'in', 'by', 'since', 'until', 'from', 'during', 'after', 'before', 'last', 'this', 'early', 'late', 'as', 'at']);

/**
 * The stretch of a sentence whose dates apply to a figure: its comma-delimited segment, plus
 * a short introductory phrase ("On February 1, ...", "In May, ...") that dates the whole sentence.
 */
/** Words that set one event against another in a sentence: each has its own time. */
const CONTRASTS = new Set(['but', 'whereas', 'although', 'though', 'yet']);

export function timeScopeOf(x: Extraction, claim: Claim): [number, number] {
  const d = analysis(x);
  const [sFirst, sLast] = sentenceOf(x, claim);
  const { breaks, wordsBefore } = d;
  const n = x.tokens.length;
  const prev = claim.firstToken > sFirst ? markAtOrBefore(breaks, claim.firstToken - 1) : -1;
  let a = prev >= sFirst ? prev + 1 : sFirst;
  const next = claim.lastToken < sLast ? markAtOrAfter(breaks, claim.lastToken + 1, n) : Infinity;
  let b = next <= sLast ? next - 1 : sLast;
  // A date that opens a line and is followed by a dash or colon ("April 2 – Trump levies 34% ...") dates what follows it.
  if (a === sFirst && next === claim.lastToken + 1 && next <= sLast && /^[:–—-]$/.test(x.tokens[next].text))
    b = Math.min(sLast, markAtOrAfter(d.clauseBreaks, next + 1, n) - 1);
  if (prev >= sFirst && prev > sFirst && /^[:–—-]$/.test(x.tokens[prev].text)) {
    const opener = (x.claimsBySentence[claim.sentence] ?? []).find((o) => o.firstToken === sFirst && o.lastToken === prev - 1 && o.kind === 'date');
    if (opener) a = sFirst;
  }
  // "21 days long, from 5 December 1995 to 6 January 1996": the span set off after a duration is when it ran.
  if (claim.kind === 'duration' && next <= claim.lastToken + 2 && x.tokens[next]?.text === ',') {
    const from = x.tokens[next + 1];
    const date = (x.claimsBySentence[claim.sentence] ?? []).find((o) => o.firstToken === next + 2 && (o.kind === 'date' || o.kind === 'year'));
    if (date && from?.type === 'word' && (from.lower === 'from' || from.lower === 'between'))
      b = Math.min(sLast, markAtOrAfter(breaks, date.lastToken + 1, n) - 1);
  }
  // "launched April 3 but quickly ran out of its $350 billion": a contrast starts another event, with its own time.
  for (let i = claim.firstToken - 1; i > a; i--)
    if (x.tokens[i].type === 'word' && CONTRASTS.has(x.tokens[i].lower)) {
      a = i + 1;
      break;
    }
  for (let i = claim.lastToken + 1; i < b; i++)
    if (x.tokens[i].type === 'word' && CONTRASTS.has(x.tokens[i].lower)) {
      b = i - 1;
      break;
    }
  const introEnd = Math.min(markAtOrAfter(breaks, sFirst, n), sLast);
  const first = x.tokens[sFirst];
  const introWords = wordsBefore[introEnd] - wordsBefore[sFirst];
  const hasIntro = introEnd < sLast && first.type === 'word' && INTRO_WORDS.has(first.lower) && introWords <= 5;
  if (hasIntro) {
    // An introductory date applies to every figure of the clause it opens ("On February 1, he
    // imposed ..."), not to later clauses with their own ("..., and by late July ..."); an
    // introductory figure is dated by that clause.
    const clauseEnd = Math.min(markAtOrAfter(d.clauseBreaks, introEnd, n) - 1, sLast);
    if (a > sFirst && claim.firstToken <= clauseEnd) a = sFirst;
    else if (a === sFirst) b = Math.max(b, clauseEnd);
  }
  return [a, b];
}

/** A date or year claim as a time that constrains `claim` (a date claim only cares about years). */
export function timeOf(o: Claim, claim: Claim): PartialDate | undefined {
  if (o.kind === 'year') return { year: o.quantity.lo };
  if (o.kind !== 'date' || !o.quantity.date) return undefined;
  const date = o.quantity.date;
  if (claim.kind !== 'date') return date.year !== undefined || date.month !== undefined ? date : undefined;
  return date.year !== undefined ? { year: date.year } : undefined;
}

/** Index of `claim` in its sentence's claims, which are in document order and do not overlap. */
function positionIn(others: Claim[], claim: Claim): number {
  let lo = 0;
  let hi = others.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (others[mid].firstToken < claim.firstToken) lo = mid + 1;
    else if (others[mid].firstToken > claim.firstToken) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** Prose averages under two tokens per word (punctuation, numbers); four leaves room for figures. */
export const MAX_TOKENS_PER_WORD = 4;

/**
 * Other dates and years near the claim, within `scope`: a figure "in 2019" is not about a 2025
 * fact. Walks outward from the claim and stops at the scope or the window (w words), so a
 * sentence packed with figures costs no more per claim than the window holds.
 */
export function timesNear(x: Extraction, claim: Claim, w: number, scope: [number, number]): Array<{ date: PartialDate; baseline: boolean; from: Claim }> {
  const d = analysis(x);
  const others = x.claimsBySentence[claim.sentence] ?? [];
  const out: Array<{ date: PartialDate; baseline: boolean; from: Claim }> = [];
  const words = d.wordsBefore;
  const reach = w * MAX_TOKENS_PER_WORD;
  const k = positionIn(others, claim);
  const take = (o: Claim) => {
    const t = timeOf(o, claim);
    if (t) out.push({ date: t, baseline: isBaseline(x, o), from: o });
  };
  for (let j = k - 1; j >= 0; j--) {
    const o = others[j];
    if (o.lastToken < scope[0] || claim.firstToken - o.lastToken > reach || words[claim.firstToken] - words[Math.min(o.lastToken + 1, claim.firstToken)] > w)
      break;
    take(o);
  }
  for (let j = k + 1; j < others.length; j++) {
    const o = others[j];
    if (o.firstToken > scope[1] || o.firstToken - claim.lastToken > reach || words[o.firstToken] - words[Math.min(claim.lastToken + 1, o.firstToken)] > w)
      break;
    // "hit 30% before jumping to 43% by early May": a time after the next figure of the same kind, told by a verb of its
    // own, is that figure's ("assets of $110 billion and deposits of $88 billion as of the end of 2022" share theirs).
    if (o.kind === claim.kind && claim.kind !== 'date' && claim.kind !== 'year' && ownVerbBetween(x, claim.lastToken, o.firstToken)) break;
    take(o);
  }
  return out;
}

/** Whether a verb ("jumping", "rose") or "before"/"after"/"then" stands between tokens a and b: a second predicate. */
function ownVerbBetween(x: Extraction, a: number, b: number): boolean {
  for (let i = a + 1; i < b; i++) {
    const t = x.tokens[i];
    if (t.type === 'word' && (PREDICATE_LINKS.has(t.lower) || (t.lower.length > 4 && /(?:ing|ed)$/.test(t.lower)))) return true;
  }
  return false;
}

/** Words after a year that make it a point of comparison: "above 2017 levels", "2017 figures". */
const BASELINE_AFTER = new Set(['level', 'levels', 'baseline', 'figures', 'prices', 'dollars']);
const BASELINE_BEFORE = new Set(['than', 'above', 'below', 'compared', 'relative', 'versus', 'vs']);

/**
 * Whether a year or date is a point of comparison ("above its 2017 levels", "more than it did in
 * 2017") rather than when the figure near it held.
 */
export function isBaseline(x: Extraction, o: Claim): boolean {
  const after = x.tokens[o.lastToken + 1];
  if (after?.type === 'word' && BASELINE_AFTER.has(after.lower)) return true;
  // "since August": when a running total started counting, not when it stood at the figure.
  if (isWord(x.tokens, o.firstToken - 1, 'since')) return true;
  // "from FY 2024 to FY 2025": the first is where a change starts.
  if (isWord(x.tokens, o.firstToken - 1, 'from') || (isWord(x.tokens, o.firstToken - 2, 'from') && x.tokens[o.firstToken - 1]?.type === 'word')) {
    for (let i = o.lastToken + 1; i <= o.lastToken + 3 && i < x.tokens.length; i++)
      if (isWord(x.tokens, i, 'to') || isWord(x.tokens, i, 'through')) return true;
  }
  for (let i = o.firstToken - 1, n = 0; i >= 0 && n < 5; i--) {
    const t = x.tokens[i];
    if (t.type === 'break' || (t.type === 'sym' && t.text !== '-')) break;
    if (t.type !== 'word') continue;
    n++;
    if (BASELINE_BEFORE.has(t.lower)) return true;
  }
  return false;
}

/** Dates and years anywhere in the claim's sentence but the claim itself. */
export function timesInSentence(x: Extraction, claim: Claim): PartialDate[] {
  const d = analysis(x);
  let timeClaims = d.timeClaimsBySentence[claim.sentence];
  if (!timeClaims)
    d.timeClaimsBySentence[claim.sentence] = timeClaims = (x.claimsBySentence[claim.sentence] ?? []).filter((o) => o.kind === 'year' || o.kind === 'date');
  const out: PartialDate[] = [];
  for (const o of timeClaims) {
    if (o === claim) continue;
    const t = timeOf(o, claim);
    if (t) out.push(t);
  }
  return out;
}

/** Whether a token is the word `w` (lower-cased). */
export function isWord(tokens: Token[], i: number, w: string): boolean {
  const t = tokens[i];
  return t !== undefined && t.type === 'word' && t.lower === w;
}

/** Words before a year that make it set the time of what follows: "In 2018, ...", "since 2019", "by the end of 2021". */
const TIME_SETTERS = new Set(['in', 'since', 'during', 'by', 'until', 'through', 'from', 'early', 'late', 'mid', 'of', 'throughout']);

/**
 * The year a claim sets for the text after it: a date that states its year, or a year that
 * stands for a time ("In 2018, ...", "since 2019", a "2018" heading) rather than naming a thing
 * ("the 2020 deal").
 */
export function settingYear(x: Extraction, c: Claim): number | undefined {
  if (c.kind === 'date') return c.quantity.date?.year;
  if (c.kind !== 'year') return undefined;
  let p = c.firstToken - 1;
  // A budget's year sets the time as a calendar year does: "For fiscal 2024, ...", "in fiscal year 2025".
  const fiscal = isWord(x.tokens, p, 'fiscal') || (isWord(x.tokens, p, 'year') && isWord(x.tokens, p - 1, 'fiscal'));
  if (fiscal) p -= isWord(x.tokens, p, 'year') ? 2 : 1;
  const prev = x.tokens[p];
  if (!prev || prev.type === 'break') return c.quantity.lo;
  return prev.type === 'word' && (TIME_SETTERS.has(prev.lower) || (fiscal && prev.lower === 'for')) ? c.quantity.lo : undefined;
}

/** The years the text sets, in token order, worked out once per extraction. */
function settings(x: Extraction): Array<[number, number]> {
  const d = analysis(x);
  if (!d.settings) {
    const out: Array<[number, number]> = [];
    for (const list of [x.timeMarks, x.claims]) {
      for (const c of list) {
        const y = settingYear(x, c);
        if (y !== undefined) out.push([c.firstToken, y]);
      }
    }
    d.settings = out.sort((p, q) => p[0] - q[0]);
  }
  return d.settings;
}

/** The year in force at a claim: the last one set before it in the text, else the one in force where the text starts. */
export function impliedYear(x: Extraction, claim: Claim): number | undefined {
  const list = settings(x);
  let lo = 0;
  for (let hi = list.length; lo < hi; ) {
    const mid = (lo + hi) >> 1;
    if (list[mid][0] < claim.firstToken) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? list[lo - 1][1] : x.contextYear;
}

/** Whether the year in force at a claim was set in its own paragraph (not carried from an earlier one). */
export function yearSetHere(x: Extraction, claim: Claim): boolean {
  const list = settings(x);
  return list.length > 0 && list[0][0] < claim.firstToken;
}

/**
 * The year the next paragraph starts in: a dateline's; a heading's ("2018", "## 2019: escalation");
 * or the year that opens this paragraph, as a timeline's entries do ("July 6, 2018: ...", "In 2018,
 * ..."). A year met later in running prose holds for its own paragraph only: articles look back,
 * then return to the present.
 */
export function lastYear(x: Extraction): number | undefined {
  let year = x.contextYear;
  for (const c of x.timeMarks) if (c.quantity.date?.year !== undefined) year = c.quantity.date.year;
  // Words are counted here rather than taken from `analysis`: most paragraphs set no year, and
  // those with no figure to match need no analysis at all.
  const wordsIn = (from: number, to: number, limit: number) => {
    let n = 0;
    for (let i = from; i < to && n <= limit; i++) if (x.tokens[i].type === 'word') n++;
    return n;
  };
  let heading: boolean | undefined;
  for (const c of x.claims) {
    const y = settingYear(x, c);
    if (y === undefined) continue;
    // A heading: one short line that does not end as a sentence does ("2018", "## 2019: escalation").
    if (heading === undefined) {
      const lastTok = x.tokens[x.tokens.length - 1];
      heading = x.sentences.length === 1 && wordsIn(0, x.tokens.length, 6) <= 6 && !(lastTok?.type === 'sym' && lastTok.text === '.');
    }
    // Opening the paragraph: nothing but a few words ("In", "On", a bullet) before it.
    // Not "Back in 2012, ...": a look back from the story's present, which the next paragraph returns to.
    const [a] = x.sentences[c.sentence] ?? [0];
    const lookBack = isWord(x.tokens, c.firstToken - 2, 'back');
    if (heading || (c.sentence === 0 && !lookBack && wordsIn(a, c.firstToken, 2) <= 2)) year = y;
  }
  return year;
}
