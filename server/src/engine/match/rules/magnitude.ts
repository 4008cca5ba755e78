/**
 * magnitude: sums and counts far apart in size are about different things ("200 people" is not a
 * population). How far apart depends on how surely the figure names the fact's measure: named at
 * the figure ("the dam will cost $30 billion"), even a figure a sixth of the fact's is a wrong
 * figure for it; with the measure only somewhere in the clause, "$34 billion" of one round of
 * tariffs is not the "$300 billion" of all of them. A slip of a decimal point or a scale word
 * keeps the digits ("$1.2 billion" for "$12 billion"), so such a figure still matches.
 */
import { numberWordValue } from '../../extract/extract';
import { oneSignificantDigit, slipped } from '../../quantity';
import { tokenize } from '../../text/tokens';
import type { Rule } from '../evidence';

/** How far apart, at most, a figure and a fact may be, by where the fact's measure words stand. */
export const FACTOR = { slot: 8, clause: 4 } as const;
/** Scale words, which a slip may swap whatever the digits: "million" for "billion". */
const SCALE_WORDS = /\b(?:thousand|million|billion|trillion|[mb]n|k)\b/i;

/** How far apart, at most, a rate and the fact's may be: a slip of a decimal point is ten times, a share against a rise a hundred. */
const PERCENT_FACTOR = 50;

export const magnitude: Rule = {
  name: 'magnitude',
  description: `Money, counts and lengths of time must be within ${FACTOR.slot} times the fact's figure when its measure is named at the figure, ${FACTOR.clause} times otherwise, or off by a power of ten with the same digits; rates within ${PERCENT_FACTOR} times, or a slip.`,
  check({ claim }, e) {
    // Rates are compared only when far apart beyond any slip: "spiked more than 10,000%" is no share of 90 percent.
    if (claim.kind === 'percent') {
      const a = Math.abs(claim.quantity.hi);
      const b = Math.abs(e.profile.fact.quantity.hi);
      if (claim.quantity.unit !== e.profile.fact.quantity.unit || a <= 0 || b <= 0) return undefined;
      const ratio = Math.max(a, b) / Math.min(a, b);
      // ".2 percent" for 20 percent keeps its digits: a slip, and still a wrong figure for the fact.
      return ratio >= PERCENT_FACTOR && !slipped(ratio) ? `${claim.text} is more than ${PERCENT_FACTOR} times off the fact's rate` : undefined;
    }
    // A length of time too: "17 months" a bankruptcy lasted is no slip for a 90-year sentence.
    if (claim.kind !== 'count' && claim.kind !== 'money' && claim.kind !== 'duration') return undefined;
    const a = claim.quantity.hi;
    const b = e.profile.fact.quantity.hi;
    if (a <= 0 || b <= 0) return a === b ? undefined : `${claim.text} is not of the fact's size`;
    const ratio = Math.max(a, b) / Math.min(a, b);
    const factor = e.measure === 'slot' ? FACTOR.slot : FACTOR.clause;
    // A count written with one digit, a hundred times off or more ("more than 1,000 tanks" for 10 a round), keeps no
    // digits to show a slip: it is another count. One zero too many or too few ("5 million jobs" for 500,000) may be a
    // slip; a sum may slip its scale word ("$3 billion" for $300 million).
    const oneDigit = oneSignificantDigit(claim.text);
    // A scale word ("2 million doses" for 2 billion, "two million") may slip at any size.
    const digitsOnly = claim.kind === 'count' && !SCALE_WORDS.test(claim.text) && /\d/.test(claim.text);
    if (ratio < factor || (slipped(ratio, oneDigit) && !(oneDigit && digitsOnly && ratio > 50))) return undefined;
    // A slipped unit of time keeps the number: "lasted 12 months" for 12 days is a wrong figure for the fact.
    const written = claim.kind === 'duration' ? leadingNumber(claim.text) : undefined;
    if (written !== undefined && written === leadingNumber(e.profile.fact.text ?? '')) return undefined;
    return `${claim.text} is more than ${factor} times off the fact's size (the measure is named ${e.measure === 'slot' ? 'at the figure' : 'only in its clause'})`;
  },
};

/** The number a figure is written with, in digits or in words ("12 months", "twelve days"), if it starts with one. */
function leadingNumber(text: string): number | undefined {
  const t = tokenize(text).find((k) => k.type === 'num' || k.type === 'word');
  return t?.type === 'num' ? t.value : t ? numberWordValue(t.lower) : undefined;
}
