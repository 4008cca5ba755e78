/**
 * time: a date or year named next to the figure must fit one of the fact's times (its as-of
 * date, its own date, the dates its wording names). On a timeline the month decides: "in
 * February 2025, levies were 30% to 50%" is not the July figure. Only a date fact is held to its day.
 */
import { compareDates, datesAgree, formatDate, monthOf, type PartialDate } from '../../quantity';
import type { Quarter } from '../../extract/frame';
import type { FactProfile } from '../profile';
import type { Rule } from '../evidence';

/**
 * Whether the claim's times allow the fact: a reason when they contradict it and none agrees
 * (a figure "over 2020 and 2021" fits a 2020 fact), else the first that agrees. Points of
 * comparison ("above 2017 levels") may agree, never contradict.
 */
export function timeFits(
  p: FactProfile,
  times: readonly PartialDate[],
  baselines: readonly PartialDate[] = [],
  /** Those of `times` that date an event the figure came of, not the figure itself (see `factTimeAgrees`). */
  events?: ReadonlySet<PartialDate>,
): { reason?: string; agreed?: PartialDate } {
  let agreed: PartialDate | undefined;
  let against: PartialDate | undefined;
  for (const t of [...times, ...baselines]) {
    const count = p.onTimeline && t.month !== undefined ? p.datedTimes : p.times.length;
    let agrees = false;
    let contradicts = false;
    for (let k = 0; k < count && !agrees; k++) {
      const v = factTimeAgrees(p, t, p.times[k], events?.has(t));
      if (v === true) agrees = true;
      else if (v === false) contradicts = true;
    }
    if (agrees) agreed ??= t;
    else if (contradicts && times.includes(t)) against ??= t;
  }
  if (against && !agreed) return { reason: `the figure is dated ${formatDate(against)}; the fact holds ${p.fact.asOf}` };
  return { agreed };
}

/**
 * Whether a time of the draft agrees with one of the fact's. A level or an amount is dated to the month: a 10% tariff
 * imposed on February 1 is the 10% tariff that took effect on February 4; only a date fact is held to its day, and a
 * count on a timeline is not met by a day before its point's.
 */
function factTimeAgrees(p: FactProfile, t: PartialDate, f: PartialDate, event = false): boolean | undefined {
  // A count on a timeline (a death toll day by day) grows within a month: a day before the point's is an earlier count.
  // Not the day of the event it counts the toll of ("the attack that took place on 26 August, resulting in 13 deaths").
  // A day the quote itself gives the count ("reached 170 on August 26") is its day, whatever the as-of date.
  if (!event && p.onTimeline && p.fact.quantity.kind === 'count' && t.day !== undefined && f.day !== undefined && compareDates(t, f) < 0)
    return p.times.some((g) => g.day !== undefined && datesAgree(t, g) === true);
  return p.fact.quantity.kind === 'date' ? datesAgree(t, f) : datesAgree(monthOf(t), monthOf(f));
}

/**
 * A figure of the first quarter of 2019 is not the fact of the fourth quarter of 2018: when both name quarters and none
 * agree (the same quarter, and the same year where both give one), a reason. Nor is a sum, a count or a rate of one
 * quarter ("the GDP lost in the first quarter of 2019") a fact whose quote names none (the shutdown's whole cost); a
 * date in a quarter's clause ("the crash of Feb. 3 cut first-quarter earnings") still dates its event.
 */
export function quarterFits(claimed: readonly Quarter[], stated: readonly Quarter[], dated: boolean, times: readonly PartialDate[] = []): string | undefined {
  if (!claimed.length) return undefined;
  if (!stated.length) {
    // A fact whose own words date it within the quarter ("12 percent in March 2024" for "the first quarter of 2024") is of
    // it; its as-of date, the day its source wrote, says nothing of the period.
    const within = (c: Quarter) =>
      times.some((t) => t.month !== undefined && Math.ceil(t.month / 3) === c.quarter && (c.year === undefined || t.year === undefined || t.year === c.year));
    return dated || claimed.some(within) ? undefined : `the figure is of ${formatQuarter(claimed[0])}; the fact names no quarter`;
  }
  const agree = (c: Quarter, f: Quarter) => c.quarter === f.quarter && (c.year === undefined || f.year === undefined || c.year === f.year);
  if (claimed.some((c) => stated.some((f) => agree(c, f)))) return undefined;
  return `the figure is of ${formatQuarter(claimed[0])}; the fact of ${formatQuarter(stated[0])}`;
}

function formatQuarter(q: Quarter): string {
  return `Q${q.quarter}${q.year === undefined ? '' : ` ${q.year}`}`;
}

/** The first of `times` that one of the fact's own times agrees with. */
function replacedAgreeing(p: FactProfile, times: readonly PartialDate[]): PartialDate | undefined {
  return times.find((t) => p.times.some((f) => factTimeAgrees(p, t, f) === true));
}

/**
 * A date still to come when the text was written is not one that had passed by then: the deadline moved on ("set to
 * expire on November 10", written in October, is not the August 12 expiry stated in July). A reason, or undefined.
 */
function movedOn(written: PartialDate | undefined, stated: PartialDate | undefined, fact: PartialDate | undefined): string | undefined {
  if (!written || !stated || !fact || fact.year === undefined || stated.month === undefined) return undefined;
  const when = { ...stated, year: stated.year ?? written.year };
  if (compareDates(fact, written) < 0 && compareDates(when, written) > 0)
    return `written on ${formatDate(written)}, the text speaks of ${formatDate(when)} to come; the fact's ${formatDate(fact)} had passed`;
  return undefined;
}

/**
 * A text reports only events that had happened when it was written: a vote on August 2 is not what a text of July 29
 * says was cast "previously". A reason when the fact's own time (its as-of date, its date) falls after the writing, or
 * undefined. Only for events: a bill's sums exist before the day the fact dates them.
 */
export function afterWriting(written: PartialDate | undefined, p: FactProfile): string | undefined {
  if (!written) return undefined;
  const own = p.times.slice(0, p.datedTimes).filter((t) => t.year !== undefined);
  if (!own.length || !own.every((t) => compareDates(t, written) > 0)) return undefined;
  return `written on ${formatDate(written)}, the text cannot report the fact of ${formatDate(own[0])}`;
}

export const time: Rule = {
  name: 'time',
  description:
    "A quarter of a year named in the figure's clause is one its fact names, when it names any; a time named next to the figure (or, failing one, the year its text has set) agrees with one of the fact's times and contradicts none it could mean, a time in a relative clause about another noun than the fact's measure never contradicts, and a count on a timeline dated a day before a point is not that point; a date still to come when the text was written is not one that had passed, and a count of what is still to come is not the count of what happened after it.",
  check({ x, claim, frame }, e) {
    const quarter = quarterFits(frame.quarters, e.profile.quarters, claim.kind === 'date' || claim.kind === 'year', e.profile.times.slice(1));
    if (quarter) return quarter;
    // A relative clause's time dates its noun: the figure's own when that noun is the fact's measure, else it may only agree.
    const ofMeasure: PartialDate[] = [];
    const ofOther: PartialDate[] = [];
    for (const r of frame.relativeTimes) (e.profile.measure.has(r.of) ? ofMeasure : ofOther).push(r.date);
    const own = ofMeasure.length ? [...frame.times, ...ofMeasure] : frame.times;
    const other = ofOther.length ? [...frame.baselineTimes, ...ofOther] : frame.baselineTimes;
    const { reason, agreed } = timeFits(e.profile, own, other, ofMeasure.length ? new Set(ofMeasure) : undefined);
    if (reason) return reason;
    const moved = frame.ahead ? movedOn(x.writtenOn, claim.quantity.date, e.profile.fact.quantity.date) : undefined;
    if (moved) return moved;
    // "39 million families will begin receiving payments", written in May, forecasts; the 35 million reached in July is what
    // happened. A count of what is still to come is not the count of the outcome the text came before.
    const forecast = claim.kind === 'count' && frame.ahead && e.profile.modality === 'fact' ? afterWriting(x.writtenOn, e.profile) : undefined;
    if (forecast) return `${forecast}: the figure is a forecast`;
    // A vote's tally is an event's figure: a text tells only of votes cast by when it was written.
    // So is a count of those who voted ("Six Republicans voted to advance the bill").
    const voted = claim.tally !== undefined || (claim.kind === 'count' && (claim.quantity.nouns ?? []).includes('vote'));
    const notYet = voted && !frame.ahead && frame.modality === 'fact' ? afterWriting(x.writtenOn, e.profile) : undefined;
    if (notYet) return notYet;
    // "amended the Feb. 4 tariffs, boosting them to 20%": the fact of that date is what the figure replaced.
    const replaced = agreed ? undefined : replacedAgreeing(e.profile, frame.replacedTimes);
    if (replaced) return `the figure replaced what held on ${formatDate(replaced)}, the fact's time`;
    if (agreed && !e.time) {
      e.time = agreed;
      // "This week" says when the text was written, as a dateline would: it fits every fact of that month, and tells none apart.
      e.timeFrom = frame.nowTimes.includes(agreed) ? 'implied' : own.includes(agreed) ? 'stated' : 'baseline';
    }
    // With no time of its own nearby, a figure holds in the year its text has set ("2018", "In 2019, ...", a dateline).
    // A clause that speaks of now ("now", "currently", "are") is not held to an earlier paragraph's year; on a timeline,
    // its own paragraph's holds ("The 2020 deal took effect on February 14, 2020. Tariffs remain at 19.3 percent.").
    if (
      !frame.times.length &&
      !frame.baselineTimes.length &&
      !frame.relativeTimes.length &&
      frame.impliedYear !== undefined &&
      (!frame.present || (frame.impliedHere && e.profile.onTimeline)) &&
      claim.kind !== 'year' &&
      claim.kind !== 'date'
    ) {
      const implied = { year: frame.impliedYear };
      const fit = timeFits(e.profile, [implied]);
      // A fact still holds after its date unless a newer one of its topic replaced it (a timeline, judged point by
      // point); what a text set earlier says may be an earlier state of it.
      const earliest = Math.min(...e.profile.times.map((t) => t.year ?? Infinity));
      // On a timeline only a year set in the figure's own paragraph, or a clause in the present perfect ("has risen"), which
      // speaks of the time up to the writing, places the figure at a point: a year the text was written in or an earlier
      // paragraph set may be long after the point a clause tells of ("Greening approved the scheme at £37.2bn", in a
      // newsletter of 2025).
      if (fit.reason && ((e.profile.onTimeline && (frame.impliedHere || frame.toNow)) || frame.impliedYear < earliest))
        return `the text around the figure is set in ${frame.impliedYear}; the fact holds ${e.profile.fact.asOf}`;
      if (fit.agreed && !e.time) {
        e.time = implied;
        e.timeFrom = 'implied';
      }
    }
    return undefined;
  },
};
