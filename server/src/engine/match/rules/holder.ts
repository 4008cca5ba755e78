/**
 * holder: whose figure it is. The clause's possessor ("China's tariffs"), subject ("Beijing
 * answered with a 15% duty"), agent ("imposed by Washington") or recipient ("$6.6 billion for
 * TSMC") must be a party of the fact, not what its measure falls on and not someone else. A
 * clause that names no one takes its sentence's subject, or the paragraph's last one ("The
 * company will also get ..."), which rules out only a party of the same kind.
 */
import type { Role } from '../../extract/frame';
import { identity, kindOf, LOCAL_KINDS, PARTY_KINDS, PLACE_KINDS, sameParty } from '../../knowledge/gazetteer';
import { sameFigure } from '../../quantity';
import type { Rule } from '../evidence';
import { GIVER_ROLES } from '../profile';

/** Strongest first: the order in which a clause's names decide whose figure it is. */
const ORDER: Role[] = ['possessor', 'recipient', 'subject', 'agent', 'referent', 'object', 'sentence', 'inherited'];
/** Roles that decide on their own; the rest rule out only a party of the same kind. */
const DECISIVE: ReadonlySet<Role> = new Set<Role>(['possessor', 'subject', 'agent', 'recipient', 'referent']);

/** How many parties a fact must list, its quote naming none, for one of them to hold only a part of its figure. */
const SEVERAL_PARTIES = 3;

/** Who gives what a recipient gets, in a giver's role (see `GIVER_ROLES`): a government, a body or a company. */
const GIVER_KINDS: ReadonlySet<string> = new Set(['country', 'region', 'org', 'company']);

export const holder: Rule = {
  name: 'holder',
  description:
    "The party the figure belongs to (possessor, subject, agent, recipient, or the paragraph's) is one of the fact's, not the side its measure falls on, and not one of several a sum goes to together; another actor of the kind that acts in the fact makes it that one's; the fact's recipient, given to by another than the giver the fact names, is another's gift; one of three or more parties a fact lists side by side, its quote naming none, holds what may be its part.",
  check({ claim, frame }, e, { knowledge }) {
    const g = knowledge.gazetteer;
    const p = e.profile;
    // Who holds it: the quote's holder when it names one ("Amtrak has been awarded ..."), else the curator's names.
    const sides = p.holders.size ? [...p.holders] : [...p.listed];
    const all = [...p.holders, ...p.listed, ...p.targets];
    if (frame.bothSides && all.length >= 2) e.holder = { entity: all.join(' and '), role: 'both-sides', telling: false };
    // A name few facts involve, anywhere in the clause, ties the figure to those facts ("the Phase One deal", "Musk").
    e.marker = frame.participants.find((q) => p.markers.has(q.entity))?.entity;
    if (e.marker !== undefined) e.markerKind = kindOf(g, e.marker);
    // Known parties first (a state, a company, a country), then names nobody listed ("BEAD", "IIJA"), each strongest role first.
    // A name nobody listed that holds the figure itself ("Wolfspeed's $750 million", "a loan to BlueOval SK") counts as a party.
    const isParty = (q: { entity: string; role: Role }) => {
      const kind = kindOf(g, q.entity);
      return PARTY_KINDS.has(kind) || (kind === 'name' && (q.role === 'possessor' || q.role === 'recipient'));
    };
    const rank = (q: { entity: string; role: Role }) => ORDER.indexOf(q.role) + (PARTY_KINDS.has(kindOf(g, q.entity)) ? 0 : ORDER.length);
    // Such a name, when the fact does not know it, outranks a known party in a weaker role, and stands where the fact's
    // own other holder should ("the Energy Department lends $9.6 billion to BlueOval SK" is not its loan to Ultium Cells,
    // though the lender is the same).
    const foreignName = frame.participants.find((q) => isParty(q) && !PARTY_KINDS.has(kindOf(g, q.entity)) && !all.some((s) => sameParty(g, q.entity, s)));
    const parties = frame.participants.filter((q) => ORDER.includes(q.role)).sort((a, b) => rank(a) - rank(b));
    // Who could hold the fact's figure, or tell it from another's: its parties and programmes, not a place or a bare name
    // it involves (the bombing at "Abbey Gate" is no one's to hold). A bare name the quote makes its holder ("Wolfspeed will
    // receive") is left out too: keeping it cost more right matches than it saved on the topics measured.
    const holds = all.filter((s) => kindOf(g, s) !== 'name' && !PLACE_KINDS.has(kindOf(g, s)));
    // Strongest first: the first party that is the fact's decides; a decisive one that is not rules it out.
    let weakForeign: string | undefined;
    for (const q of parties) {
      const side = sides.find((s) => sameParty(g, q.entity, s));
      if (side !== undefined) {
        if (
          foreignName &&
          (ORDER.indexOf(foreignName.role) < ORDER.indexOf(q.role) ||
            [...p.holders].some((h) => h !== side && !frame.participants.some((o) => identity(g, o.entity).includes(h))))
        )
          return `the figure is ${name(g, foreignName.entity)}'s; the fact is about ${all.map((s) => name(g, s)).join(', ')}`;
        // "Japan and Australia had come up with $120 billion in aid to Ukraine": the fact's recipient, another's gift, when the
        // fact names its own giver. A fact that names none may be anyone's, but then the recipient alone does not pin it.
        const giver =
          q.role === 'recipient'
            ? frame.participants.find((o) => GIVER_ROLES.has(o.role) && GIVER_KINDS.has(kindOf(g, o.entity)) && !all.some((s) => sameParty(g, o.entity, s)))
            : undefined;
        // Its very figure, though, is more likely the fact's, welcomed or passed on by another, than another's gift of the same sum.
        if (giver && [...p.givers].some((s) => s !== side) && !sameFigure(claim.quantity, p.fact.quantity))
          return `the figure is ${name(g, giver.entity)}'s, for ${name(g, side)}; the fact is about ${all.map((s) => name(g, s)).join(', ')}`;
        // "$1 billion to GM and Stellantis" together: a figure for one of them is its part, unless the clause sums it up.
        const partners = p.joint.has(side) ? [...p.joint].filter((s) => s !== side) : [];
        if (
          partners.length &&
          frame.increment !== 'total' &&
          !frame.bothSides &&
          !partners.some((s) => frame.participants.some((o) => sameParty(g, o.entity, s)))
        )
          return `the fact's figure is for ${[side, ...partners].map((s) => name(g, s)).join(' and ')} together; the figure names only ${name(g, side)}`;
        // It tells this fact from others only when few facts involve it and the clause itself names it as the holder.
        // A country, state or city the curator listed beside a named thing, for a fact whose quote names no holder, is where that
        // thing is (Kentucky for a bridge project's funds): it is the fact's, but does not pin the figure to it.
        const whereOnly =
          !p.holders.size &&
          (kindOf(g, side) === 'country' || LOCAL_KINDS.has(kindOf(g, side))) &&
          [...p.listed].some((l) => !PARTY_KINDS.has(kindOf(g, l)) && kindOf(g, l) !== 'programme');
        // One of several parties the curator listed side by side, for a fact whose quote names none ("the seven defendants
        // will pay $4.037 billion"): the figure may be that party's part of the whole. It fits, but pins nothing, as a name.
        const oneOfSeveral = !p.holders.size && [...p.listed].filter((l) => PARTY_KINDS.has(kindOf(g, l))).length >= SEVERAL_PARTIES;
        if (oneOfSeveral && e.marker !== undefined && sameParty(g, e.marker, side)) e.marker = undefined;
        // "Equifax fined £2.5 million by the FCA": the one fined is the fact's, but the one that acts is another of the kind
        // that acts in the fact (the ICO's fine): another's figure. Only the fact's own actors count, of the same kind (the
        // FCA acts for the United Kingdom, which a fact may name as well; a pledge to Lebanon has no Lebanese actor).
        const otherActor = frame.participants.find(
          (o) =>
            o !== q &&
            (o.role === 'agent' || o.role === 'subject') &&
            PARTY_KINDS.has(kindOf(g, o.entity)) &&
            !all.includes(o.entity) &&
            ![...p.givers].some((s) => sameParty(g, o.entity, s)) &&
            [...p.givers].some((s) => kindOf(g, s) === kindOf(g, o.entity) && !frame.participants.some((n) => identity(g, n.entity).includes(s))),
        );
        if (otherActor) return `the figure is ${name(g, otherActor.entity)}'s doing; the fact is about ${all.map((s) => name(g, s)).join(', ')}`;
        e.holder ??= {
          entity: q.entity,
          role: q.role,
          // The United States named for a fact of Biden's is his side, but tells nothing: most facts are the country's.
          telling:
            !whereOnly &&
            !giver &&
            !oneOfSeveral &&
            DECISIVE.has(q.role) &&
            (p.markers.has(q.entity) || (p.markers.has(side) && identity(g, q.entity).includes(side))),
          // Broad: the clause names a party the fact's holder only acts for ("the U.S." for Biden's figure), or the fact names no holder.
          // Or the clause gives it to the fact's recipient from another giver: the recipient is the fact's, the gift maybe not.
          // Or it is one of several the fact lists side by side.
          broad: whereOnly || !!giver || oneOfSeveral || (q.entity !== side && (!p.holders.size || !identity(g, q.entity).includes(side))),
        };
        return undefined;
      }
      const onTarget = [...p.targets].some((t) => sameParty(g, q.entity, t));
      if (onTarget && DECISIVE.has(q.role)) return `${name(g, q.entity)} is the side the fact's measure falls on, not the side that holds it`;
      if (onTarget) continue;
      const kind = kindOf(g, q.entity);
      // A party the fact names in another role is the fact's, just not pinned as its holder: the same one, or one
      // it acts for. A part of a listed party (the Senate of the United States) is not when the fact's holder is another.
      // A person speaks for their government as a whole (Bessent for the United States).
      const broad = !p.holders.size || kind === 'person';
      if (all.some((s) => s === q.entity || identity(g, s).includes(q.entity) || (broad && sameParty(g, q.entity, s)))) continue;
      // Only a known party rules a fact out, or a name nobody listed that holds the figure itself ("Wolfspeed's $750
      // million", "$6.6 billion for TSMC"); elsewhere such a name, or a programme ("IIJA"), may be anything.
      if (!isParty(q)) continue;
      if (DECISIVE.has(q.role) && holds.length) return `the figure is ${name(g, q.entity)}'s; the fact is about ${all.map((s) => name(g, s)).join(', ')}`;
      // A weaker role (a name after the verb, the sentence's or the paragraph's subject) rules out only a party of the same kind,
      // and the sentence's or paragraph's not when the clause itself names one of the fact's ("and was approved in the Senate").
      if (
        (q.role === 'sentence' || q.role === 'inherited') &&
        frame.participants.some((o) => o !== q && kindOf(g, o.entity) === kind && all.some((s) => sameParty(g, o.entity, s)))
      )
        continue;
      if (weakForeign === undefined && all.some((s) => kindOf(g, s) === kind)) weakForeign = q.entity;
    }
    if (weakForeign !== undefined) return `the figure is about ${name(g, weakForeign)}; the fact about ${all.map((s) => name(g, s)).join(', ')}`;
    return undefined;
  },
};

export function name(g: import('../../knowledge/gazetteer').Gazetteer, id: string): string {
  return g.entities.get(id)?.name ?? id.replace(/^name:/, '');
}
