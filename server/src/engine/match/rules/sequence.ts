/**
 * sequence: which of a series. "The initial phase of reimbursements" is not "the second distribution", and findings
 * released in a "preliminary" report are not the "final report": where both the figure's clause and the fact name a
 * place in a series, and no place is shared, they are two things of one kind.
 */
import { SEQUENCE, SEQUENCE_TIMES } from '../../extract/grammar';
import { type Token, tokenize } from '../../text/tokens';
import type { Rule } from '../evidence';
import type { FactProfile } from '../profile';

/** Determiners before "first" when it is a place in a series ("the first payment"), not an adverb ("as first reported"). */
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'this', 'that']);

/** The places in a series tokens [a, b] name: lower-case words only ("First Republic" is a name) and not of a time. */
function placesIn(tokens: readonly Token[], a: number, b: number): Set<string> {
  const out = new Set<string>();
  for (let i = a; i <= b; i++) {
    const t = tokens[i];
    const place = t.type === 'word' && t.text === t.lower ? SEQUENCE.get(t.lower) : undefined;
    if (place === undefined) continue;
    const next = tokens[i + 1];
    // "a first." (a novelty) or "first reported": no thing follows.
    if (next?.type !== 'word' || SEQUENCE_TIMES.has(next.lower)) continue;
    if (t.lower === 'first' && !DETERMINERS.has(tokens[i - 1]?.lower ?? '')) continue;
    out.add(place);
  }
  return out;
}

const ofFact = new WeakMap<FactProfile, ReadonlySet<string>>();

/** The places the fact's quote names, and its keywords and aliases ("second distribution"), which are its words as written. */
function factPlaces(p: FactProfile): ReadonlySet<string> {
  let out = ofFact.get(p);
  if (!out) {
    const tokens = tokenize(p.fact.quote ?? '');
    const places = placesIn(tokens, 0, tokens.length - 1);
    for (const phrase of [...p.fact.keywords, ...p.fact.aliases]) {
      const words = phrase.split(/\s+/);
      words.forEach((w, k) => {
        const place = SEQUENCE.get(w);
        if (place !== undefined && !SEQUENCE_TIMES.has(words[k + 1] ?? '')) places.add(place);
      });
    }
    out = places;
    ofFact.set(p, out);
  }
  return out;
}

export const sequence: Rule = {
  name: 'sequence',
  description:
    'Where the figure\'s clause and the fact each name a place in a series ("initial", "second", "final"), they share one: the initial phase is not the second distribution.',
  check({ x, frame }, e) {
    const [a, b] = frame.clauseRange;
    const claimed = placesIn(x.tokens, a, b);
    if (!claimed.size) return undefined;
    const facts = factPlaces(e.profile);
    if (!facts.size || [...claimed].some((s) => facts.has(s))) return undefined;
    return `the figure's is the ${[...claimed].join(', ')} of a series; the fact's the ${[...facts].join(', ')}`;
  },
};
