/**
 * tally: in "a 228-206 vote" the first count is the votes for, the second those against. A fact
 * read from a tally holds one side; a fact that gives a count of votes alone holds the votes for.
 */
import type { Rule } from '../evidence';

export const tally: Rule = {
  name: 'tally',
  description: "A side of a vote's tally (for, against) is only the same side of the fact's.",
  check({ x, claim }, e) {
    const side = e.profile.tally;
    // "a 50-50 vote with the Vice President casting the tiebreaking vote": a tie is broken by a vote it does not count.
    if (claim.tally === 'for' && e.profile.fact.quantity.lo !== claim.quantity.lo) {
      const against = (x.claimsBySentence[claim.sentence] ?? []).find((o) => o.tally === 'against' && o.firstToken > claim.lastToken);
      if (against && against.quantity.lo === claim.quantity.lo) return 'a tied vote is decided by a casting vote its tally does not count';
    }
    if (!claim.tally || claim.tally === side) return undefined;
    // A count of votes given alone is, as a rule, the votes for ("passed with 51 votes"): the votes against are not it.
    if (!side) return claim.tally === 'against' ? 'the figure counts the votes against; the fact gives a count of votes alone' : undefined;
    return `the figure counts the votes ${claim.tally}; the fact the votes ${side}`;
  },
};
