/**
 * measure: the figure must stand by a word of the fact's measure. Best at the figure itself
 * ("$200 billion purchase commitment", "tariffs of 30%", "cost $170 billion"); else in its
 * clause. Words only of the fact's wider wording do not count.
 */
import { sameParty } from '../../knowledge/gazetteer';
import { classOf, conceptOf } from '../../knowledge/terms';
import { DISTINCT } from '../../extract/grammar';
import type { Token } from '../../text/tokens';
import type { Rule } from '../evidence';

/** The share of words two clauses must have in common to say the same thing. */
const RESTATES = 0.5;
/** Whether a word of the clause [a, b] sets what it tells apart from another of its kind: "second", "another", "separate". */
function setApart(tokens: Token[], a: number, b: number): boolean {
  for (let i = a; i <= b; i++) if (tokens[i].type === 'word' && DISTINCT.has(tokens[i].lower)) return true;
  return false;
}

/** How many words of its own point a clause must share with a timeline fact's quote to restate that point. */
const POINT_WORDS = 2;

export const measure: Rule = {
  name: 'measure',
  description:
    "A word of the fact's measure (its quote's words at the figure, keywords or aliases, in any form or synonym) stands at the figure or in its clause.",
  check(view, e, { knowledge }) {
    const { claim, frame } = view;
    if (!view.atFigure || !view.near) {
      const at = new Set(frame.slot.map((w) => w.concept));
      // A count's noun is its measure too ("1.4 billion people").
      if (claim.kind === 'count') for (const n of claim.quantity.nouns ?? []) at.add(conceptOf(knowledge.terms, n));
      view.atFigure = at;
      view.near = new Set([...at, ...frame.clause.map((w) => w.concept), ...frame.antecedent.map((w) => w.concept)]);
    }
    const atFigure = view.atFigure;
    const near = view.near;
    // A phrase ties the figure only when all its words are near: "fell short" is not any fall, "new spending" not any spending.
    const [ca, cb] = frame.clauseRange;
    const tokens = view.x.tokens;
    const written = (w: string) => {
      for (let i = ca; i <= cb; i++) if (tokens[i].type === 'word' && tokens[i].lower === w) return true;
      return false;
    };
    for (const g of e.profile.groups) {
      if (!g.every((c) => (c.startsWith('=') ? written(c.slice(1)) : near.has(c)))) continue;
      for (const c of g) if (!c.startsWith('=') && !e.measureWords.includes(c)) e.measureWords.push(c);
      if (g.some((c) => atFigure.has(c))) e.measure = 'slot';
      else e.measure ??= 'clause';
    }
    // A programme or product the fact names ("the BEAD programme", "Phase One") names its measure too.
    let namedOnly: boolean | undefined;
    if (!e.measure) {
      const named = frame.participants.find((q) => e.profile.keywordNames.has(q.entity));
      if (named) {
        e.measure = 'clause';
        e.measureWords.push(named.entity.replace(/^name:/, ''));
        // For a share or a count, away from the figure, it says which programme, not which of its figures ("the Child Tax
        // Credit is why child poverty fell to 5.2%" is no share of its payments). A sum beside a programme's name is its money.
        namedOnly = !named.near && (claim.kind === 'percent' || claim.kind === 'count');
      }
    }
    if (!e.measure) return "no word of the fact's measure stands near the figure";
    // "5 million borrowers": a counted noun says what is counted, not which of them, even where only this fact counts it
    // (the "25 counties" where deaths occurred are not the 254 under a warning, whatever the day).
    if (claim.kind === 'count' && !claim.tally && claim.quantity.nouns?.length) {
      const nouns = new Set(claim.quantity.nouns.map((n) => conceptOf(knowledge.terms, n)));
      // "China's 1.3 billion people", "Texas' 254 counties": all of one of the fact's parties' things, its possessive right
      // before the count, is one set. Another party's ("Ohio's 25 counties") is not the fact's at all.
      const before = tokens[claim.firstToken - 1];
      const possessive =
        (before?.type === 'word' && /['’]s$/.test(before.text)) ||
        (before?.type === 'sym' && /^['’]$/.test(before.text) && /s$/.test(tokens[claim.firstToken - 2]?.text ?? ''));
      const g = knowledge.gazetteer;
      const whole =
        possessive &&
        frame.participants.some(
          (q) => q.token >= claim.firstToken - 5 && q.token < claim.firstToken && [...e.profile.names].some((n) => sameParty(g, q.entity, n)),
        );
      e.nounOnly = !whole && e.measureWords.every((c) => nouns.has(c));
    }
    e.about = !namedOnly && e.measureWords.some((c) => classOf(knowledge.terms, c) !== 'event');
    // Most of the quote's own words around its figure, and most of the draft's: the draft restates the source.
    const q = e.profile.quoteWords;
    if (q.size >= 3) {
      let shared = 0;
      for (const c of near) if (q.has(c)) shared++;
      const union = q.size + near.size - shared;
      e.restates = shared >= 3 && shared / union >= RESTATES;
      // On a timeline, it restates this point only in words no other point's quote has ("leaked", "review"), two of them:
      // every point of a death toll says "people died", and one word more may be chance.
      // Not where the clause sets it apart ("a second leaked audit", "another review"): that is another point, in the same words.
      if (e.restates && e.profile.pointWords.size >= POINT_WORDS && !setApart(tokens, ca, cb)) {
        let own = 0;
        for (const c of near) if (e.profile.pointWords.has(c)) own++;
        e.restatesPoint = own >= POINT_WORDS;
      }
    }
    // A word no other fact has at all ("PNTR", "executive order") names this one anywhere in the clause.
    for (const c of e.measureWords) if (e.profile.unique.has(c) && !e.distinctive.includes(c)) e.distinctive.push(c);
    // A word only this fact uses counts as what sets it apart only where it names the measured thing itself ("the dam will
    // cost"), and only as part of a phrase found whole ("authorized" is not the curator's "newly authorized").
    for (const w of frame.slot)
      if (
        !(w.at === 'verb' && /(?:ed|ing)$/.test(w.concept)) &&
        e.profile.distinctive.has(w.concept) &&
        e.measureWords.includes(w.concept) &&
        // What happened ("passed the $500 million bill") is not what is measured: other bills pass too.
        classOf(knowledge.terms, w.concept) !== 'event' &&
        !e.distinctive.includes(w.concept)
      )
        e.distinctive.push(w.concept);
    // A thing made again and again ("package", "bill") that only this fact names says which fact a figure agrees with,
    // not that another figure of it is wrong (see `recurs` in the terms schema).
    // Nor does what happened ("began", "signed"): other things begin and are signed too. A term of art does
    // ("granted permanent normal trade relations").
    // Nor does what a count counts, alone ("eight Republicans who voted in favour" are not the 25 who flipped): many
    // groups of them may be counted, though the fact base counts one.
    const terms = knowledge.terms;
    const counted = claim.kind === 'count' && !claim.tally && e.measureWords.length === 1 ? conceptOf(terms, claim.quantity.unit) : undefined;
    e.distinctiveRecurs =
      e.distinctive.length > 0 &&
      e.distinctive.every((c) => terms.recurring.has(c) || c === counted || (classOf(terms, c) === 'event' && !terms.phrasal.has(c)));
    return undefined;
  },
};
