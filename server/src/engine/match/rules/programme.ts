/**
 * programme: a law or programme named with a figure says which one the figure belongs to. Two readings:
 *
 * - In the figure's own phrase ("the just-passed $2.2 trillion Relief Act"), the programme is what the figure
 *   measures: a fact that does not involve it at all is not about that figure, whatever else it names (the size of
 *   a programme the act set up is another figure).
 * - In the figure's clause or list item ("passed the Clean Pipes Act on May 3"), it says whose event or sum it is:
 *   a fact that involves specific programmes, none of them this one or one some fact names with it (a law and a
 *   fund it set up are parts of one another), is ruled out. A fact that involves no specific programme is left to
 *   the other rules: a tariff fact need not name the deal its rate came under.
 *
 * Only specific programmes count in either reading: one most facts involve (the law a fact base is about) says
 * nothing.
 */
import { kindOf, sameParty } from '../../knowledge/gazetteer';
import type { Rule } from '../evidence';
import { name } from './holder';

/** A programme more than this share of the facts involve is what the whole fact base is about. */
const GENERAL = 0.25;

export const programme: Rule = {
  name: 'programme',
  description:
    "A specific law or programme in the figure's own phrase is one the fact involves; one named in its clause or list item is one of the fact's, or named with one of them by some fact, when the fact involves any.",
  check({ frame }, e, { knowledge, factsWith, namedWith, profiles }) {
    const g = knowledge.gazetteer;
    const specific = (n: string) => kindOf(g, n) === 'programme' && (factsWith.get(n) ?? 0) <= profiles.length * GENERAL;
    // A specific programme in the figure's own phrase is what it measures: not a fact that does not involve it.
    const atFigure = frame.participants.filter((q) => q.near && specific(q.entity));
    if (atFigure.length && !atFigure.some((q) => [...e.profile.names].some((n) => sameParty(g, q.entity, n))))
      return `the figure is ${name(g, atFigure[0].entity)}'s, which the fact does not involve`;
    const [a, b] = frame.stretch;
    const named = frame.participants.filter((q) => q.token >= a && q.token <= b && specific(q.entity));
    if (!named.length) return undefined;
    const related = (q: string, n: string) => sameParty(g, q, n) || (namedWith.get(n)?.has(q) ?? false);
    const own = [...e.profile.names].filter(specific);
    if (!own.length) {
      // "The second bill, the Families First Act, was signed into law on March 18" against the day the law the fact base is
      // about was signed: a clause that names another law, and not the fact's, is that law's, unless some fact names the two
      // together (a fund the law set up).
      const general = [...e.profile.names].filter((n) => kindOf(g, n) === 'programme' && !specific(n));
      const clauseNames = (n: string) => frame.participants.some((q) => sameParty(g, q.entity, n));
      if (general.length && !general.some(clauseNames) && !named.some((q) => general.some((n) => related(q.entity, n))))
        return `the figure's phrase names ${name(g, named[0].entity)}; the fact is about ${general.map((n) => name(g, n)).join(', ')}`;
      return undefined;
    }
    if (named.some((q) => own.some((n) => related(q.entity, n)))) return undefined;
    return `the figure's phrase names ${name(g, named[0].entity)}; the fact is about ${own.map((n) => name(g, n)).join(', ')}`;
  },
};
