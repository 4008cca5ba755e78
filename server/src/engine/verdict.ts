/**
 * Verdicts: a claim and the facts about the same thing in, a judgement out. A claim consistent
 * with any of those facts is not a conflict; one that agrees only with a fact superseded by a
 * newer one on the same topic is outdated. A conflict needs more than a shared measure word:
 * something that pins the figure to that fact (a holder, target, place, time or event), and no
 * other fact tied with it; otherwise nothing is said.
 */
import type { Claim } from './extract/extract';
import type { Fact } from './factbase/model';
import { discriminated, type Evidence, type EvidenceSummary, telling } from './match/evidence';
import type { Match } from './match/match';
import { parseIsoDate } from './match/profile';
import { DAYS_PER, datesAgree, type PartialDate, type Quantity, quantitiesAgree, sameFigure, statesFigure } from './quantity';

export type Verdict = 'consistent' | 'conflict' | 'outdated';

/** The judgement on one claim. */
export interface Finding {
  claim: Claim;
  verdict: Verdict;
  /** The fact the verdict refers to: the backing fact, the contradicting one, or the newer one. */
  fact: Fact;
  /** For `outdated`: the older fact the claim agrees with. */
  olderFact?: Fact;
  /** What tied the claim to the fact. */
  evidence: Evidence;
  /** The same, with names spelled out (set by the check). */
  why?: EvidenceSummary;
}

/** Facts whose scores are within this of the best count as "about the same thing" too. */
const SCORE_MARGIN = 4;
/** A fact the figure agrees with, scored within this of the best, stops a conflict: about one piece of evidence less. */
const RIVAL_MARGIN = 10;

export interface JudgeContext {
  /** Dates and years in the claim's sentence; one agreeing with an older fact makes the claim history, not outdated. */
  times: PartialDate[];
  /** The sentence marks itself as history ("initially"). */
  historical: boolean;
  /** The clause speaks of the present ("now", "are"). */
  present: boolean;
  /** The clause gives a running total as it stood when written ("has protected over 30 million jobs"). */
  running?: boolean;
  /** The facts of a topic that could be about the claim (its timeline). */
  topicFacts: (fact: Fact) => Fact[];
  /** A fact whose wording is not near the figure but whose figure it is exactly: then no conflict is reported. */
  agreesUnworded?: Fact;
  /** Facts of the whole base whose figure the claim's is, to its rounding (see `figureOfAnother` in check.ts). */
  sameFigureFacts?: (claim: Claim) => readonly Fact[];
  /**
   * When the text was written (its dateline, front matter, `--date`, or the day a draft is being written): a point of a
   * timeline after it is one its writer could not know. Unknown, no figure is outdated: an undated text may be an old
   * one, and its figure current as it was written (a wire story of July 10 giving that day's count).
   */
  writtenOn?: PartialDate;
}

/** Whether a fact as of `asOf` (ISO) may be later than the day `d`: later, or within the month or year `d` gives without its day. */
function laterThan(asOf: string, d: PartialDate): boolean {
  const a = parseIsoDate(asOf);
  if (a.year === undefined || d.year === undefined || a.year !== d.year) return (a.year ?? 0) > (d.year ?? Infinity);
  // Within the year or month the text gives, a point may be after the day it was written: not one it surely knew.
  if (d.month === undefined) return true;
  if (a.month === undefined || a.month !== d.month) return (a.month ?? 0) > d.month;
  return d.day === undefined || (a.day ?? 0) > d.day;
}

/**
 * The claim's figure in the fact's terms, where they differ in kind: a date's year for a year
 * fact; for a fact "20 years ago", how long before the fact's date a year is.
 */
export function inFactTerms(q: Quantity, fact: Fact): Quantity {
  const f = fact.quantity;
  if (q.kind === 'date' && f.kind === 'year' && q.date?.year !== undefined)
    return { kind: 'year', lo: q.date.year, hi: q.date.year, precision: 0.5, qualifier: q.qualifier, unit: 'year' };
  if (q.kind === 'year' && f.kind === 'duration' && f.ago) {
    const asOf = parseIsoDate(fact.asOf).year ?? q.lo;
    const days = (asOf - q.lo) * DAYS_PER.get('year')!;
    return { kind: 'duration', lo: days, hi: days, precision: DAYS_PER.get('year')!, qualifier: q.qualifier, unit: 'day', ago: true };
  }
  return q;
}

function newer(a: Fact, b: Fact): boolean {
  return a.asOf > b.asOf;
}

/**
 * Whether the sentence's own time picks the best fact's point on its timeline: "earlier this year" does
 * not, when the timeline has other points in that year.
 */
function datesOnTimeline(best: Match, ctx: JudgeContext): boolean {
  const { time, timeFrom } = best.evidence;
  if (timeFrom !== 'stated' || time === undefined) return false;
  if (time.month !== undefined) return true;
  return !ctx.topicFacts(best.fact).some((f) => f.id !== best.fact.id && parseIsoDate(f.asOf).year === time.year);
}

/** Whether the figure's clause restates the best fact's source sentence in words of that point of its timeline, and no other point's. */
function restatesOnePoint(best: Match, matches: Match[]): boolean {
  return !!best.evidence.restatesPoint && !matches.some((m) => m !== best && m.fact.topic === best.fact.topic && m.evidence.restates);
}

/** Whether the sentence dates the figure to the month the best fact held ("by August 2023" for a total as of August 10, 2023). */
function statedMonthOf(best: Match): boolean {
  const { time, timeFrom } = best.evidence;
  const asOf = parseIsoDate(best.fact.asOf);
  return timeFrom === 'stated' && time?.month !== undefined && asOf.month !== undefined && time.month === asOf.month && time.year === asOf.year;
}

/** A share tied to a fact by a single measure word away from the figure, and by one other thing at most. */
function thinShare(e: Evidence): boolean {
  return e.measure === 'clause' && e.measureWords.length === 1 && telling(e, true).length < 2;
}

export function judge(claim: Claim, matches: Match[], ctx: JudgeContext): Finding | undefined {
  if (matches.length === 0) return undefined;
  const best = matches[0];
  const bestScore = best.evidence.score;
  const group = new Map<string, Fact>();
  const evidenceOf = new Map<string, Evidence>();
  for (const m of matches) {
    if (m.evidence.score >= bestScore - SCORE_MARGIN || m.fact.topic === best.fact.topic) {
      group.set(m.fact.id, m.fact);
      evidenceOf.set(m.fact.id, m.evidence);
    }
  }
  // Bring in the rest of the best fact's timeline, so an old figure can be recognised as old.
  for (const f of ctx.topicFacts(best.fact)) if (!group.has(f.id) && f.quantity.kind === claim.kind) group.set(f.id, f);
  const facts = [...group.values()];
  const agreeing: Fact[] = [];
  const comparable: Fact[] = [];
  for (const f of facts) {
    const agrees = quantitiesAgree(inFactTerms(claim.quantity, f), f.quantity);
    if (agrees !== undefined) comparable.push(f);
    if (agrees === true) agreeing.push(f);
  }
  if (comparable.length === 0) return undefined;
  const evidence = (f: Fact) => evidenceOf.get(f.id) ?? best.evidence;
  // One measure over time (a tariff rate in February, then July): an undated figure may be another point in time,
  // so it is judged only if the sentence dates it or speaks of now.
  const onTimeline = best.evidence.profile.onTimeline;
  // Unless the clause restates that point's own source sentence, and no other point's ("the leaked review said costs had
  // ballooned to £116bn"; not "remained unaccounted for", which a count's every point says).
  const restatesPoint = onTimeline && restatesOnePoint(best, matches);
  if (onTimeline && best.evidence.timeFrom !== 'stated' && !ctx.present && !restatesPoint) return undefined;
  if (agreeing.length) {
    // Prefer the agreeing fact ranked best; then check whether its topic moved on since.
    // Of the agreeing facts of the best-ranked one's topic, the newest statement backs the figure.
    const first = matches.find((m) => agreeing.includes(m.fact))?.fact ?? agreeing[0];
    const backing = agreeing.filter((f) => f.topic === first.topic).reduce((a, b) => (newer(b, a) ? b : a), first);
    // Newest as the text was written: a text of June 28 is not outdated by a count of July 11.
    const known = (f: Fact) => ctx.writtenOn === undefined || !laterThan(f.asOf, ctx.writtenOn);
    const newestOfTopic = facts.filter((f) => f.topic === backing.topic && known(f)).reduce((a, b) => (newer(b, a) ? b : a), backing);
    const agreesWithNewest = agreeing.some((f) => f.topic === backing.topic && !newer(newestOfTopic, f));
    if (!agreesWithNewest) {
      // An older figure is outdated only when the draft says it holds now; undated, it may be history. And only in a text
      // known to be written after the newer figure: of eight outdated flags on real articles, all were a day's figure in
      // that day's undated story.
      const anchoredInPast = ctx.historical || ctx.times.some((t) => agreeing.some((f) => datesAgree(t, parseIsoDate(f.asOf)) === true));
      if (!anchoredInPast && ctx.present && ctx.writtenOn !== undefined && discriminated(evidence(backing)))
        return { claim, verdict: 'outdated', fact: newestOfTopic, olderFact: backing, evidence: evidence(backing) };
    }
    // Backing a figure is a claim too: a figure that merely shares a measure word and a value with a fact is not shown as
    // backed by it, nor one its bound merely allows ("22 million applied" by "up to 43 million").
    if (!statesFigure(inFactTerms(claim.quantity, backing), backing.quantity)) return undefined;
    // Another fact in the running states the very figure where this one's rounding or hedge merely allows it ("$3.5
    // million" against "about $4 million" in fines and costs, and the $3.5 million fine): which one it is, is open.
    const exact = ctx.agreesUnworded;
    if (exact && exact.topic !== backing.topic && !sameFigure(inFactTerms(claim.quantity, backing), backing.quantity)) return undefined;
    if (!agreeing.some((f) => f.topic === backing.topic && evidenceOf.has(f.id) && discriminated(evidence(f)))) return undefined;
    // Two facts of other topics give the figure ("43 million" borrowers eligible, and 43 million with loans), both about
    // as well tied to it: which one backs it is a guess, and a wrong source on the hover is worse than none.
    const backingScore = evidence(backing).score;
    const rival = (m: Match) =>
      m.fact.topic !== backing.topic && m.evidence.score >= backingScore - SCORE_MARGIN && statesFigure(inFactTerms(claim.quantity, m.fact), m.fact.quantity);
    if (matches.some(rival)) return undefined;
    return { claim, verdict: 'consistent', fact: backing, evidence: evidence(backing) };
  }
  // A conflict needs the figure pinned to the best fact, and no fact of another topic as likely. On a timeline, that
  // is its point in time: "earlier this year" is not one when the year has others, and "imposed earlier" is a past one
  // even in a sentence about the present.
  if (!discriminated(best.evidence, true)) return undefined;
  // "a 39 percent increase" is an increase of something: with only what happened in common ("increase"), not what
  // changed (claims, enrollment), the figure is not pinned to the fact's measure.
  if ((claim.kind === 'money' || claim.kind === 'percent' || claim.kind === 'count') && best.evidence.about === false) return undefined;
  // A share is a share of something, and that is said at the figure ("22.5% of exports", "a 25% tariff"). One word of the
  // fact's measure elsewhere in the clause ("exports to China fell as the ban took hold; sales to Taiwan rose 22.5%"),
  // with one other thing that fits, leaves open what the share is of: it may be any of the clause's things.
  if (claim.kind === 'percent' && thinShare(best.evidence)) return undefined;
  if (onTimeline && !datesOnTimeline(best, ctx) && !restatesPoint && (!ctx.present || ctx.historical)) return undefined;
  // A running total ("have filed more than 500,000 claims") grows: another figure for it may be another day's. Only a
  // figure the sentence dates to the fact's month contradicts it, whichever side gives the total as it then stood.
  if ((best.evidence.profile.running || ctx.running) && !statedMonthOf(best)) return undefined;
  // A figure that is exactly another fact's, though worded otherwise ("$66 billion for Amtrak", "$66 billion for rail"), is
  // more likely that one's than a slip.
  if (ctx.agreesUnworded) return undefined;
  // So is one that is exactly the figure of a fact of another topic anywhere in the base, though nothing near it names
  // that fact ("the $641 million settlement" against federal aid, when the settlement's own fact gives $641 million).
  if (ctx.sameFigureFacts?.(claim).some((f) => f.topic !== best.fact.topic)) return undefined;
  // A figure that another fact nearly as well tied to it does not contradict (it agrees, or says nothing either way) may
  // well be about that one, though it ranks lower; and a fact of another topic tied with the best leaves it open.
  if (matches.some((m) => m.evidence.score >= bestScore - RIVAL_MARGIN && quantitiesAgree(inFactTerms(claim.quantity, m.fact), m.fact.quantity) !== false))
    return undefined;
  if (matches.some((m) => m.fact.topic !== best.fact.topic && m.evidence.score === bestScore)) return undefined;
  // Cite the newest fact of the best topic, so the writer gets the current figure. (The best fact is among them: one
  // whose figure says nothing either way, "$1.3 billion" cut from $1.385 billion, stopped the conflict above.)
  const topicGroup = comparable.filter((f) => f.topic === best.fact.topic);
  const cited = topicGroup.reduce((a, b) => (newer(b, a) ? b : a));
  return { claim, verdict: 'conflict', fact: cited, evidence: evidence(cited) };
}
