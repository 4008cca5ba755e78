/**
 * kindred: "A magnitude 7.7 earthquake struck at 4:17 a.m., followed by a magnitude 6.4 quake a few minutes later and a
 * magnitude 7.6 earthquake at 1:24 p.m.": a sentence that gives several counts of the fact's measure, each with every word
 * that ties this one at its own figure, tells of several things of that kind. Which of them is the fact's, those words
 * cannot say; a count the fact's very figure agrees with is left to the neighbour rule.
 */
import { conceptOf } from '../../knowledge/terms';
import { quantitiesAgree } from '../../quantity';
import { stem } from '../../text/tokens';
import { otherSlot, type Rule } from '../evidence';

export const kindred: Rule = {
  name: 'kindred',
  description:
    'A count whose sentence gives other counts of what the fact counts, with other values and each with every word that ties this one at its own figure (its counted noun aside), is one of several things of that kind: not pinned to the fact unless its holder, place or time is.',
  check(view, e, { knowledge }) {
    const { x, claim } = view;
    if (claim.kind !== 'count' || claim.tally || !e.measureWords.length) return undefined;
    // Its own holder, place or time, found by the rules before, may still pin it.
    if (e.holder?.telling || e.place !== undefined || (e.time !== undefined && e.timeFrom === 'stated')) return undefined;
    const fact = e.profile.fact.quantity;
    // A count that agrees with the fact is the fact's, however many others stand beside it.
    if (quantitiesAgree(claim.quantity, fact) === true) return undefined;
    const terms = knowledge.terms;
    // Its own counted noun aside ("quake" against "earthquake"): the other words must all stand at the other count.
    const own = new Set((claim.quantity.nouns ?? []).map((n) => conceptOf(terms, n)));
    const needed = e.measureWords.filter((w) => !own.has(w));
    if (!needed.length) return undefined;
    const tied = (words: ReadonlySet<string>) => needed.every((w) => words.has(w));
    // The other counts count what the fact counts ("quake", "earthquake"), not what stands beside it ("370 households and 47
    // businesses opting out").
    const counted = new Set((fact.nouns ?? []).map((n) => conceptOf(terms, stem(n))));
    const countsOurs = (nouns: readonly string[] | undefined) => (nouns ?? []).some((n) => counted.has(conceptOf(terms, n)));
    if (!countsOurs(claim.quantity.nouns)) return undefined;
    const kin = (x.claimsBySentence[claim.sentence] ?? []).filter(
      (o) =>
        o !== claim &&
        o.kind === 'count' &&
        !o.tally &&
        countsOurs(o.quantity.nouns) &&
        (o.quantity.lo !== claim.quantity.lo || o.quantity.hi !== claim.quantity.hi) &&
        quantitiesAgree(o.quantity, fact) !== true &&
        tied(new Set([...otherSlot(view, o, knowledge).concepts, ...(o.quantity.nouns ?? []).map((n) => conceptOf(terms, n))])),
    );
    return kin.length ? `the sentence gives other counts of the same measure (${kin.map((o) => `"${o.text}"`).join(', ')}): one of several` : undefined;
  },
};
