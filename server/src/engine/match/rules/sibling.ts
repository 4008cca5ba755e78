/**
 * sibling: facts quoted from one source sentence describe one event. When the draft's sentence
 * gives another figure of that event that disagrees with the source ("on March 4 ... a 20
 * percent tariff"), the sentence is about a different event, so its date is not checked against
 * this one, unless it names the event's place ("the Geneva talks in April produced a 60-day pause").
 * The paragraph's last tally before a count does the same for the vote's other counts.
 */
import { timeScopeOf } from '../../extract/analysis';
import type { Claim, Extraction } from '../../extract/extract';
import { type Frame, type Knowledge, sentenceTokenConcepts } from '../../extract/frame';
import { classOf } from '../../knowledge/terms';
import { datesAgree, monthOf, type Quantity, quantitiesAgree, sameFigure } from '../../quantity';
import { stem } from '../../text/tokens';
import { FACTOR } from './magnitude';
import type { Rule } from '../evidence';
import type { FactProfile } from '../profile';

/** Units as the fact base and a draft write them: a count's noun in any form ("votes", "vote"). */
function sameUnit(a: string, b: string): boolean {
  return a === b || stem(a) === stem(b);
}

/** Whether two sums are so far apart in size that they are not two statements of one figure (as magnitude judges a clause). */
function farApart(a: number, b: number): boolean {
  return a > 0 && b > 0 && Math.max(a, b) / Math.min(a, b) >= FACTOR.clause;
}

/** The event word of a date's sentence nearest it, as its concept: what the date is the date of. */
function nearestEvent(x: Extraction, k: Knowledge, date: Claim): string | undefined {
  const concepts = sentenceTokenConcepts(x, k, date.sentence);
  const [sa, sb] = x.sentences[date.sentence] ?? [date.firstToken, date.lastToken];
  let best: string | undefined;
  let bestDistance = Infinity;
  for (let i = sa; i <= sb; i++) {
    const c = concepts[i];
    if (c === undefined || classOf(k.terms, c) !== 'event') continue;
    const d = i < date.firstToken ? date.firstToken - i : i - date.lastToken;
    if (d > 0 && d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** Whether the words at the figure hold one some fact's measure is named by that this fact neither measures nor mentions. */
function foreignWords(frame: Frame, p: FactProfile, vocabulary: ReadonlySet<string>): boolean {
  return frame.slot.some((w) => vocabulary.has(w.concept) && !p.measure.has(w.concept) && !p.context.has(w.concept));
}

/** Whether a figure stands in a relative clause ("which the Senate passed 84-14"): "which" or "who" since the comma before it. */
function inRelativeClause(x: Extraction, c: Claim): boolean {
  for (let i = c.firstToken - 1; i >= 0; i--) {
    const t = x.tokens[i];
    if (t.type === 'break' || (t.type === 'sym' && (t.text === ',' || t.text === '.' || t.text === ';'))) return false;
    if (t.type === 'word' && (t.lower === 'which' || t.lower === 'who')) return true;
  }
  return false;
}

/** The side of the fact's own vote that a side of a draft's tally contradicts, if it does. */
function otherVote(p: FactProfile, tally: Claim): Quantity | undefined {
  const side = tally.tally ? p.vote?.[tally.tally] : undefined;
  return side && quantitiesAgree(tally.quantity, side) === false ? side : undefined;
}

export const sibling: Rule = {
  name: 'sibling',
  description:
    "Another figure in the clause that contradicts a figure the same source sentence gives (a count of the same noun, or a figure of another kind) makes it another event; the other side of a tally that is the very count of the fact's vote names that vote.",
  check({ x, claim, frame }, e, { knowledge, vocabulary }) {
    const p = e.profile;
    if (!p.siblings.length && !p.vote && p.quoteFigures.length < 2) return undefined;
    if (frame.participants.some((q) => p.places.has(q.entity))) return undefined;
    // The figure is the very figure another part of the source's sentence gives, in its unit, and not the fact's; and the
    // words at it are the source's words for that other one, not the fact's measure: "two years of supervised release"
    // beside the "40 months in prison" of the same sentence is that one, not a wrong prison term. ("$2" for a fare the
    // source raised from $2 to $3, or "three years in prison" for a term raised from three years to five, is the old one,
    // and wrong.)
    const other =
      e.measure !== 'slot' &&
      frame.slot.some((w) => p.quoteWords.has(w.concept) && !p.measure.has(w.concept)) &&
      p.quoteFigures.find(
        (f) =>
          f.kind === claim.kind &&
          sameUnit(f.unit, claim.quantity.unit) &&
          sameFigure(claim.quantity, f) &&
          quantitiesAgree(claim.quantity, p.fact.quantity) === false,
      );
    if (other) return `the figure is another one the source's sentence gives, not the fact's ${p.fact.text}`;
    const [a, b] = timeScopeOf(x, claim);
    for (const other of x.claimsBySentence[claim.sentence] ?? []) {
      if (other === claim || other.lastToken < a || other.firstToken > b) continue;
      // Sums beside the figure ("$886 billion in 2024 and $895 billion in 2025") are parallel items, not other figures of
      // its event: nothing says which of the source's sums each would be. (A count's noun does say: Republicans to Republicans.)
      if (other.kind === 'money' && claim.kind === 'money') continue;
      // "228-206": each side of a tally is compared with the same side of the fact's own vote (a quote may give two).
      const side = otherVote(p, other);
      if (side) return `"${other.text}" in the same sentence contradicts "${side.lo}" of the same vote, so this is another vote`;
      // And the other side of the figure's own tally, the very count of the fact's vote, names that vote ("passed 69-30"),
      // unless the words at the figure name another measure than the fact's ("the meter bill passed 65-40" is no levy's
      // vote that happened to have 40 against).
      if (claim.tally && other.tally && other.tally !== claim.tally) {
        const own = p.vote?.[other.tally];
        if (own && sameFigure(other.quantity, own) && !foreignWords(frame, p, vocabulary)) e.tallyPinned = true;
      }
      // A figure the source's sentence itself gives ("passed by Congress in April", beside the cancellation's Nov. 15).
      if (p.quoteFigures.some((f) => f.kind === other.kind && quantitiesAgree(other.quantity, f) === true)) continue;
      // A count of what the source's sum is for, otherwise: "11 miles of fencing ($345 million)" is not the "$1.375 billion
      // for 55 new miles" but a part of it, or another stretch.
      if (claim.kind === 'money' && other.kind === 'count' && !other.tally) {
        const counted = p.quoteFigures.find((f) => f.kind === 'count' && sameUnit(f.unit, other.quantity.unit) && quantitiesAgree(other.quantity, f) === false);
        if (counted) return `"${other.text}" beside it contradicts the ${counted.lo} ${counted.unit} the source's sum is for, so this is another sum`;
      }
      let otherEvent: string | undefined | null = null;
      for (const sib of p.siblings) {
        const sq = sib.fact.quantity;
        if (other.tally && sib.tally) continue;
        // A change in points ("rose 20 percentage points in March") reports another event than a rate being set.
        if (sq.kind === 'percent' && sq.unit === '%' && other.kind === 'percent' && other.quantity.unit === 'pp')
          return `"${other.text}" is a change, another event than the fact's`;
        if (sq.kind !== other.kind || (sq.kind !== 'date' && sq.kind !== 'year' && !sameUnit(sq.unit, other.quantity.unit))) continue;
        // A date of another event than the source's date: "approved in April" is not "can be cancelled after Nov. 15".
        if (sq.kind === 'date' && sib.events.size) {
          if (otherEvent === null) otherEvent = nearestEvent(x, knowledge, other);
          if (otherEvent !== undefined && !sib.events.has(otherEvent)) continue;
        }
        // A level is dated to the month (see the time rule): "took effect Feb. 4" is the rate imposed on February 1.
        if (
          sq.kind === 'date' &&
          p.fact.quantity.kind !== 'date' &&
          other.quantity.date &&
          sq.date &&
          datesAgree(monthOf(other.quantity.date), monthOf(sq.date)) === true
        )
          continue;
        // A date's sentence giving "$10,000 in relief" is no statement of the source's "less than $125,000": sums far apart
        // in size are of other things. (A count's noun already says which of the source's figures it is.)
        if (sq.kind === 'money' && farApart(other.quantity.hi, sq.hi)) continue;
        if (quantitiesAgree(other.quantity, sq) === false)
          return `"${other.text}" in the same sentence contradicts "${sib.fact.text}" of the same event, so this is another event`;
      }
    }
    // A vote's tally names the vote: "The final vote was 6-3. ... 2 engineers voted in favour" is not the 5-4 vote's
    // count. A count outside a tally is of the vote whose tally its sentence gives ("approved 227-205, with 13
    // Republicans opposing", past a comma), else the paragraph's last before it.
    if (claim.kind === 'count' && !claim.tally && p.vote) {
      // Not a tally in a relative clause of its own ("The measure, which the Senate passed 84-14 in June, stalled after 25
      // Republicans reversed their votes"): that one recalls an earlier vote.
      let tally = (x.claimsBySentence[claim.sentence] ?? []).filter((o) => o.tally && !inRelativeClause(x, o));
      for (let s = claim.sentence - 1; s >= 0 && !tally.length; s--) tally = (x.claimsBySentence[s] ?? []).filter((o) => o.tally);
      for (const other of tally) {
        const side = otherVote(p, other);
        if (side) return `the tally "${other.text}" before it contradicts "${side.lo}" of the same vote, so this is another vote`;
      }
    }
    return undefined;
  },
};
