/**
 * owned: a term only one topic's facts have ("permanent normal trade relations", a model like
 * "H20") names that topic at the figure, before it in its clause, or in the subject the clause
 * shares ("PNTR was passed by Congress and signed into law in 2000"): the figure is that topic's, not another
 * fact's that shares a common word with it ("signed"). Terms are those the terms data names
 * mostly by phrases, or with a digit; everyday words ("cost", "pause") never own a figure.
 */
import type { Rule } from '../evidence';

export const owned: Rule = {
  name: 'owned',
  description:
    "A term only another topic's facts have, at the figure, before it in its clause (its own item of a list), or in the subject its clause shares, makes the figure that topic's.",
  check({ x, claim, frame }, e, { owned }) {
    if (!owned.size) return undefined;
    const p = e.profile;
    // What the figure is said of stands at it or before it, in its own item of a list ("EV chargers get $7.5 billion,
    // electric school buses $5 billion"), or in the subject its clause shares; after it, a term may begin another clause.
    const [a] = frame.stretch;
    const before = frame.clause.filter((w) => w.token >= a && w.token < claim.firstToken);
    for (const w of [...frame.slot, ...before, ...frame.antecedent]) {
      const topic = owned.get(w.concept);
      if (topic !== undefined && topic !== p.fact.topic && !p.context.has(w.concept))
        return `"${x.tokens[w.token].text}" names another topic's facts (${topic})`;
    }
    return undefined;
  },
};
