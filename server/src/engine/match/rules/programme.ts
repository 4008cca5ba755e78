/**
 * programme: a law or programme the figure's own phrase or list item names says which one the
 * figure belongs to. "since March, when it signed the $2.2 trillion CARES Act into law" is not the
 * date a later relief law passed; "the House passed the Paycheck Protection Program Flexibility Act on
 * May 28" is not the day an earlier act was enacted.
 *
 * Only specific programmes count: one most facts involve (the law a fact base is about) says
 * nothing, and a fact that involves no specific programme is left to the other rules (a tariff
 * fact need not name the deal its rate came under). Programmes some fact names together (a law and
 * a fund it set up) are parts of one another, so naming either is naming the fact's.
 */
import { kindOf, sameParty } from '../../knowledge/gazetteer';
import type { Rule } from '../evidence';
import { name } from './holder';

/** A programme more than this share of the facts involve is what the whole fact base is about. */
const GENERAL = 0.25;

export const programme: Rule = {
  name: 'programme',
  description:
    "A specific law or programme named in the figure's own phrase or list item is one the fact involves, or one some fact names with it, when the fact involves any.",
  check({ frame }, e, { knowledge, factsWith, namedWith, profiles }) {
    const g = knowledge.gazetteer;
    const specific = (n: string) => kindOf(g, n) === 'programme' && (factsWith.get(n) ?? 0) <= profiles.length * GENERAL;
    // A specific programme in the figure's own phrase is what it measures ("the just-passed $2.2 trillion CARES Act"): not
    // a fact that does not involve it (the size of a programme it set up, the loans made under one).
    const atFigure = frame.participants.filter((q) => q.near && specific(q.entity));
    if (atFigure.length && !atFigure.some((q) => [...e.profile.names].some((n) => sameParty(g, q.entity, n))))
      return `the figure is ${name(g, atFigure[0].entity)}'s, which the fact does not involve`;
    const [a, b] = frame.stretch;
    const named = frame.participants.filter((q) => q.token >= a && q.token <= b && specific(q.entity));
    if (!named.length) return undefined;
    const own = [...e.profile.names].filter(specific);
    if (!own.length) return undefined;
    const related = (q: string, n: string) => sameParty(g, q, n) || (namedWith.get(n)?.has(q) ?? false);
    if (named.some((q) => own.some((n) => related(q.entity, n)))) return undefined;
    return `the figure's phrase names ${name(g, named[0].entity)}; the fact is about ${own.map((n) => name(g, n)).join(', ')}`;
  },
};
