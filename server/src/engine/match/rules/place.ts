/**
 * place: where an event happened tells it from others (the Geneva talks, the London meeting),
 * and a place that is one of several the fact covers makes the figure a part of it ("the Ohio
 * plant" against an investment across four states).
 */
import { kindOf, LOCAL_KINDS, PARTY_KINDS, PLACE_KINDS, sameParty } from '../../knowledge/gazetteer';
import type { Token } from '../../text/tokens';
import type { Rule } from '../evidence';
import { name } from './holder';

/** Prepositions that only place what follows them: a name after one is a place. */
const ONLY_PLACING = new Set(['near', 'outside', 'around']);

/** Kinds of name that are a territory or a site: a figure placed in one is that territory's or site's. */
const GEOGRAPHIC_KINDS: ReadonlySet<string> = new Set(['country', 'state', 'region', 'city', 'place']);

/** How many facts a fact base needs before a place a quarter of them share counts as common. */
const COMMON_PLACE_MIN_FACTS = 12;

/** Whether the name opening at token `first` is followed by "alone" ("in Lee County alone"). */
function standsAlone(tokens: readonly Token[], first: number): boolean {
  if (first < 0) return false;
  for (let i = first + 1; i < tokens.length && i <= first + 5; i++) {
    const t = tokens[i];
    if (t.type === 'word' && t.lower === 'alone') return true;
    if (t.type !== 'word' || !/^\p{Lu}/u.test(t.text)) return false;
  }
  return false;
}

export const place: Rule = {
  name: 'place',
  description:
    "A figure the clause holds to some places only ('in these areas') is not a fact's for all of them. A fact bound to a place is matched only where the sentence or paragraph names that place, and not by one part of several, nor where the figure's own phrase places it elsewhere (a name nobody listed counts); a figure placed in a state or city is not a fact for no place, and one placed in another country, state, region, city or site than the fact's is that one's; nor is a fact its curator set in a state or city, its quote naming no holder, matched in a paragraph that names another state or city and not its own.",
  check(view, e, { knowledge, paragraphNames, paragraphListed, factsWith, profiles }) {
    const { frame } = view;
    const g = knowledge.gazetteer;
    const places = e.profile.places;
    // "In these areas Conservative vote share dropped to 13%": a figure for some places only, not the whole the fact gives.
    // Not against a fact set in places of its own ("in Lee, Collier and Charlotte counties"): "these" may point back to them.
    if (frame.someplaces && !e.profile.someplaces && !places.size && !e.profile.placeNouns)
      return 'the clause holds the figure to some places only ("in these areas"); the fact is for all of them';
    // "claimed 36 lives in Lee County alone": one place's part of a figure the fact gives for a wider one, or for none.
    const alone = frame.participants.find((q) => q.role === 'place' && q.near && standsAlone(view.x.tokens, q.token));
    if (alone && ![...places].some((pl) => sameParty(g, alone.entity, pl)))
      return `the figure is ${name(g, alone.entity)}'s alone, a part of what the fact gives`;
    if (!places.size) {
      // "200,000 veterans in Arizona": one state's part of a figure the fact gives for no place in particular.
      const local = frame.participants.find((q) => q.role === 'place' && q.near && LOCAL_KINDS.has(kindOf(g, q.entity)));
      const kind = local && kindOf(g, local.entity);
      if (local && ![...e.profile.names].some((n) => kindOf(g, n) === kind))
        return `the figure is ${name(g, local.entity)}'s; the fact is for no place in particular`;
      // "In Syria, the quake crushed regions packed with 4 million people displaced": a country, state, region, city or site
      // the clause places the figure in, of the kind of one the fact names (Turkey, Euston) but not it, makes it that place's.
      // Not where the clause names one of the fact's too ("across Turkiye and Syria").
      const names = [...e.profile.names];
      const ours = frame.participants.some((q) => names.some((n) => sameParty(g, n, q.entity)));
      const elsewhere =
        !ours &&
        frame.participants.find(
          (q) =>
            q.role === 'place' &&
            GEOGRAPHIC_KINDS.has(kindOf(g, q.entity)) &&
            names.some((n) => kindOf(g, n) === kindOf(g, q.entity)) &&
            !names.some((n) => sameParty(g, n, q.entity)),
        );
      if (elsewhere)
        return `the figure is placed in ${name(g, elsewhere.entity)}; the fact is about ${names
          .filter((n) => kindOf(g, n) === kindOf(g, elsewhere.entity))
          .map((n) => name(g, n))
          .join(', ')}`;
      // "Helene ... damaged over 200,000 homes" in a paragraph about Georgia, for a fact its curator set in North Carolina:
      // a state or city the fact names that neither the sentence nor its paragraph names, where the paragraph names another
      // of its kind, places the figure in that one.
      // Not a capital, which stands for its country ("Kyiv", "Washington" in a dateline).
      const seat = (n: string) => {
        const kind = kindOf(g, n);
        const of = g.entities.get(n)?.of;
        return kind === 'state' || (kind === 'city' && (of === undefined || kindOf(g, of) !== 'country'));
      };
      const set = names.filter(seat);
      if (!e.profile.holders.size && set.length && !set.some(paragraphNames)) {
        const there = [...paragraphListed()].find((m) => seat(m) && set.some((n) => kindOf(g, n) === kindOf(g, m)) && !set.some((n) => sameParty(g, n, m)));
        if (there) return `the paragraph is about ${name(g, there)}; the fact about ${set.map((n) => name(g, n)).join(', ')}`;
      }
      return undefined;
    }
    const named = frame.participants.filter((q) => q.role === 'place');
    // A place a quarter or more of the facts involve (the town a whole fact base is about) tells no event from another;
    // in a fact base too small to tell, it does.
    const common = (pl: string) => profiles.length >= COMMON_PLACE_MIN_FACTS && (factsWith.get(pl) ?? 0) * 4 >= profiles.length;
    // Nor, outside the figure's own phrase, does it tell which count of its things a count named only by its noun is: "Two
    // children were still with extended family", in a text about Beirut, are no more its children killed than any others.
    const pinsNothing = (pls: string[]) => e.nounOnly === true && pls.some(common);
    const matched = named.filter((q) => [...places].some((pl) => sameParty(g, q.entity, pl)));
    if (matched.length) {
      e.place = matched[0].entity;
      // In the figure's own phrase ("2,170 acres in Lahaina"), though, it says which count.
      e.placeShared = !matched[0].near && pinsNothing([...places].filter((pl) => sameParty(g, matched[0].entity, pl)));
      if (places.size >= 2 && new Set(matched.map((q) => q.entity)).size < places.size)
        return `${name(g, matched[0].entity)} is one of the ${places.size} places the fact covers`;
      return undefined;
    }
    // A name nobody listed, after a word that only places ("near Charlotte", "around Raleigh"), is another place too; after
    // "in" it may be anything ("in GasBuddy data").
    const other = named.find(
      (q) =>
        PLACE_KINDS.has(kindOf(g, q.entity)) ||
        [...places].some((pl) => kindOf(g, pl) === kindOf(g, q.entity)) ||
        (kindOf(g, q.entity) === 'name' && q.near && ONLY_PLACING.has(view.x.tokens[q.token - 1]?.lower ?? '') && !e.profile.names.has(q.entity)),
    );
    if (other) return `the figure is about ${name(g, other.entity)}; the fact about ${[...places].map((pl) => name(g, pl)).join(', ')}`;
    // A named thing of the fact's that stands in one place ("the Lansing plant", "the Brent Spence Bridge") places it.
    if (frame.participants.some((q) => e.profile.holders.has(q.entity) && !PARTY_KINDS.has(kindOf(g, q.entity)))) return undefined;
    // An event bound to a place (the Geneva talks, the London meeting) must be placed: by the sentence or its paragraph.
    const inParagraph = [...places].find((pl) => paragraphNames(pl));
    // A phrase only this fact has ("export controls") names the event as well as its place would; one word ("pause") does not.
    if (
      !inParagraph &&
      e.profile.groups.some(
        (g) => g.length > 1 && g.every((c) => e.distinctive.includes(c) || e.measureWords.includes(c)) && g.some((c) => e.profile.distinctive.has(c)),
      )
    )
      return undefined;
    if (!inParagraph && [...places].every(common)) return undefined;
    if (!inParagraph)
      return `the fact is about what happened in ${[...places].map((pl) => name(g, pl)).join(', ')}; neither the sentence nor its paragraph names it`;
    e.place = inParagraph;
    e.placeShared = pinsNothing([inParagraph]);
    return undefined;
  },
};
