/**
 * neighbour: in "$895 billion and $711 billion" or "to 25 per cent from 10 per cent", when another
 * figure of the same kind in the clause agrees with the fact, that figure is the fact's, and this
 * one is something else beside it: the next item of a list, or the level before or after a change.
 */
import { quantitiesAgree } from '../../quantity';
import type { Rule } from '../evidence';

export const neighbour: Rule = {
  name: 'neighbour',
  description: "Another figure of the same kind in the clause agrees with the fact: that one is the fact's, not this one.",
  check({ x, claim, frame }, e) {
    const fact = e.profile.fact.quantity;
    if (fact.kind !== claim.kind) return undefined;
    const [ca, cb] = frame.clauseRange;
    for (const other of x.claimsBySentence[claim.sentence] ?? []) {
      if (other === claim || other.kind !== claim.kind || other.lastToken < ca || other.firstToken > cb) continue;
      // The two sides of a tally are two facts, each with its own side (see the tally rule).
      if (other.tally && claim.tally) continue;
      if (quantitiesAgree(claim.quantity, fact) !== true && quantitiesAgree(other.quantity, fact) === true)
        return `"${other.text}" beside it is the fact's figure`;
    }
    return undefined;
  },
};
