/**
 * several: a sum told of a few of a thing together ("the last three government shutdowns cost taxpayers nearly $4
 * billion") is not the sum the fact gives for one of them, when the fact's quote counts none of that thing.
 */
import { timeScopeOf } from '../../extract/analysis';
import { conceptOf } from '../../knowledge/terms';
import type { Rule } from '../evidence';

/** How many instances make "a few": more would be a count of people or items ("800,000 workers"), not of events. */
const MAX_INSTANCES = 12;

export const several: Rule = {
  name: 'several',
  description: 'A sum told of a few of the things the fact measures together ("three shutdowns cost $4 billion") is not the sum of one of them.',
  check({ x, claim }, e, { knowledge }) {
    if (claim.kind !== 'money') return undefined;
    const p = e.profile;
    const [a] = timeScopeOf(x, claim);
    for (const other of x.claimsBySentence[claim.sentence] ?? []) {
      if (other.kind !== 'count' || other.tally || other.lastToken >= claim.firstToken || other.firstToken < a) continue;
      if (other.quantity.lo < 2 || other.quantity.hi > MAX_INSTANCES) continue;
      const nouns = (other.quantity.nouns ?? []).map((n) => conceptOf(knowledge.terms, n));
      const head = nouns[nouns.length - 1];
      if (head === undefined || !p.measure.has(head)) continue;
      // The source's own sentence counting them ("two bills worth $5 billion") is about as many.
      if (p.quoteFigures.some((f) => f.kind === 'count')) continue;
      return `the figure is of ${other.text} together; the fact of one`;
    }
    return undefined;
  },
};
