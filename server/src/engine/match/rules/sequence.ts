/**
 * sequence: which of a series. "The initial phase of reimbursements" is not "the second distribution", and findings
 * released in a "preliminary" report are not the "final report": where both the figure's clause and the fact name a
 * place in a series, and no place is shared, they are two things of one kind.
 */
import { SEQUENCE, SEQUENCE_TIMES } from '../../extract/grammar';
import { type Token, tokenize } from '../../text/tokens';
import type { Rule } from '../evidence';
import type { FactProfile } from '../profile';

/** How far from a figure a place in a series may stand and still be of its phrase ("The initial phase of reimbursements is set to distribute $800 million"). */
const REACH = 8;

/** Where a capital is a sentence's, not a name's: at the start, after a line break or a sentence's end. */
function opensSentence(tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1];
  return prev === undefined || prev.type === 'break' || (prev.type === 'sym' && /^[.!?"“:]$/.test(prev.text));
}

/** The places in a series tokens [a, b] name, and not of a time ("the second quarter"), a rank ("second largest") or a share ("a third of"). */
function placesIn(tokens: readonly Token[], a: number, b: number): Set<string> {
  const out = new Set<string>();
  for (let i = a; i <= b; i++) {
    const t = tokens[i];
    // Lower case, or capitalised only as a sentence's first word: "First Republic" is a name.
    const place = t.type === 'word' && (t.text === t.lower || opensSentence(tokens, i)) ? SEQUENCE.get(t.lower) : undefined;
    if (place === undefined) continue;
    const next = tokens[i + 1];
    // "a first." (a novelty): no thing follows; "second-largest" is a rank.
    if (next?.type !== 'word' || SEQUENCE_TIMES.has(next.lower) || next.lower.endsWith('est')) continue;
    if (next.lower === 'of' && ['a', 'one', 'two'].includes(tokens[i - 1]?.lower ?? '')) continue;
    out.add(place);
  }
  return out;
}

const ofFact = new WeakMap<FactProfile, ReadonlySet<string>>();

/**
 * The places the fact names: in its quote's phrase around its figure (not anywhere in the quote: "the state's final
 * report said" is no place of the figure), and in its keywords and aliases ("second distribution").
 */
function factPlaces(p: FactProfile): ReadonlySet<string> {
  let out = ofFact.get(p);
  if (!out) {
    const quote = p.fact.quote ?? '';
    const tokens = tokenize(quote);
    const at = p.fact.text ? quote.indexOf(p.fact.text) : -1;
    const figure = at < 0 ? -1 : tokens.findIndex((t) => t.start >= at);
    const places = figure < 0 ? new Set<string>() : placesIn(tokens, Math.max(0, figure - REACH), Math.min(tokens.length - 1, figure + REACH));
    for (const phrase of [...p.fact.keywords, ...p.fact.aliases]) {
      const words = phrase.toLowerCase().split(/\s+/);
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
  check({ x, claim, frame }, e) {
    const [a, b] = frame.clauseRange;
    const claimed = placesIn(x.tokens, Math.max(a, claim.firstToken - REACH), Math.min(b, claim.lastToken + REACH));
    if (!claimed.size) return undefined;
    const facts = factPlaces(e.profile);
    if (!facts.size || [...claimed].some((s) => facts.has(s))) return undefined;
    return `the figure's is the ${[...claimed].join(', ')} of a series; the fact's the ${[...facts].join(', ')}`;
  },
};
