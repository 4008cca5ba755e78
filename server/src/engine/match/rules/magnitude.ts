/**
 * magnitude: sums and counts far apart in size are about different things ("200 people" is not
 * a population, "$450 million" not a $170 billion dam); a tenfold slip still matches.
 */
import type { Rule } from '../evidence';

const FACTOR = 20;

export const magnitude: Rule = {
  name: 'magnitude',
  description: `Money and counts must be within ${FACTOR} times the fact's figure.`,
  check({ claim }, e) {
    if (claim.kind !== 'count' && claim.kind !== 'money') return undefined;
    const a = claim.quantity.hi;
    const b = e.profile.fact.quantity.hi;
    const ok = a <= 0 || b <= 0 ? a === b : Math.max(a, b) / Math.min(a, b) < FACTOR;
    return ok ? undefined : `${claim.text} is more than ${FACTOR} times off the fact's size`;
  },
};
