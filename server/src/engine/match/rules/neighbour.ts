/**
 * neighbour: in "$895 billion and $711 billion" or "to 25 per cent from 10 per cent", when another
 * figure of the same kind in the clause agrees with the fact, that figure is the fact's, and this
 * one is something else beside it: the next item of a list (across the list's commas too), or the level
 * before or after a change.
 */
import type { Claim, Extraction } from '../../extract/extract';
import { CLAUSE_OPENERS, REPORTING } from '../../extract/grammar';
import { sameParty } from '../../knowledge/gazetteer';
import { conceptOf } from '../../knowledge/terms';
import { quantitiesAgree } from '../../quantity';
import { otherSlot, type Rule } from '../evidence';

/** How many tokens may stand between two figures of one list: "1,283 acres upcountry, 3,240 acres in south Maui, and". */
const LIST_GAP = 6;

/**
 * The other figures of a list the claim stands in, past the clause's commas: of its kind and unit, each a few words after
 * the one before, past a comma or "and".
 */
function listMates(x: Extraction, claim: Claim): Claim[] {
  const items = (x.claimsBySentence[claim.sentence] ?? []).filter((o) => o.kind === claim.kind && o.quantity.unit === claim.quantity.unit);
  const k = items.indexOf(claim);
  const linked = (a: Claim, b: Claim) => {
    const gap = x.tokens.slice(a.lastToken + 1, b.firstToken);
    // A clause opener or a verb of saying past the comma starts another clause: "$3.1 billion, while $2.4 billion went".
    return (
      gap.length <= LIST_GAP &&
      gap.some((t) => t.text === ',' || t.lower === 'and') &&
      !gap.some((t) => t.type === 'word' && ((CLAUSE_OPENERS.has(t.lower) && t.lower !== 'and') || REPORTING.has(t.lower)))
    );
  };
  const mates: Claim[] = [];
  for (let i = k; i >= 0 && i + 1 < items.length && linked(items[i], items[i + 1]); i++) mates.push(items[i + 1]);
  for (let i = k; i > 0 && linked(items[i - 1], items[i]); i--) mates.push(items[i - 1]);
  return mates;
}

export const neighbour: Rule = {
  name: 'neighbour',
  description:
    "Another figure of the same kind in the clause, or in a list with it across the list's commas, or a date with the fact's very day or a figure of the fact's very measure and number anywhere in the sentence, agrees with the fact: that one is the fact's, not this one.",
  check(view, e, { knowledge }) {
    const { x, claim, frame } = view;
    const fact = e.profile.fact.quantity;
    if (fact.kind !== claim.kind) return undefined;
    const [ca, cb] = frame.clauseRange;
    const mates = listMates(x, claim);
    // A day the fact gives, written elsewhere in the sentence ("briefly reopened in June, but ... another shutdown until July
    // 1"), is that date's: a day is too exact to be a coincidence.
    const sameDay = (o: Claim) => {
      const d = o.quantity.date;
      const f = fact.date;
      return (
        claim.kind === 'date' &&
        o.quantity.qualifier === 'exact' &&
        d?.day !== undefined &&
        d.day === f?.day &&
        d.month === f.month &&
        (d.year === undefined || f.year === undefined || d.year === f.year)
      );
    };
    // So is the fact's very figure, to the digit, of its very measure, anywhere in the sentence: "The water bill gives
    // $150 million for pumps, and its later sections, which the board has not costed, add $250 million for pumps and
    // pipes" tells of two sums; the fact's is the first.
    const p = e.profile;
    const slotOf = (o: Claim) => otherSlot(view, o, knowledge);
    // Whose it is, too: "Ohio spent $150 million on pumps, ... Texas spent $250 million" gives Ohio's sum, not Texas's.
    const g = knowledge.gazetteer;
    const ours = (o: Claim) => slotOf(o).parties.every((q) => [...p.names].some((n) => sameParty(g, q, n)));
    // (Not a date or a year: "the 2018 agreement ... never existed: the deal dates from 2020" sets the right year beside the wrong one.)
    const sameFigureElsewhere = (o: Claim) =>
      (claim.kind === 'money' || claim.kind === 'percent' || claim.kind === 'count') &&
      o.quantity.lo === fact.lo &&
      o.quantity.hi === fact.hi &&
      o.quantity.unit === fact.unit &&
      (o.kind === 'count'
        ? (o.quantity.nouns ?? []).some((n) => p.measure.has(conceptOf(knowledge.terms, n)))
        : [...slotOf(o).concepts].some((c) => p.measure.has(c))) &&
      ours(o);
    for (const other of x.claimsBySentence[claim.sentence] ?? []) {
      if (
        other === claim ||
        other.kind !== claim.kind ||
        ((other.lastToken < ca || other.firstToken > cb) && !mates.includes(other) && !sameDay(other) && !sameFigureElsewhere(other))
      )
        continue;
      // The two sides of a tally are two facts, each with its own side (see the tally rule).
      if (other.tally && claim.tally) continue;
      if (quantitiesAgree(claim.quantity, fact) !== true && quantitiesAgree(other.quantity, fact) === true)
        return `"${other.text}" beside it is the fact's figure`;
    }
    return undefined;
  },
};
