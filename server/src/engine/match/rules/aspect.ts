/**
 * aspect: a change ("rose by 10 percent", "a 20-point increase"), an earlier level ("down from
 * 145%", "had been 20%") or a gap ("$100 billion short of") is not the level a fact states; and
 * a total is not the part added on top of something ("$500 billion in total" against "an
 * additional $200 billion").
 */
import type { Claim, Extraction } from '../../extract/extract';
import { type Knowledge, sentenceTokenConcepts } from '../../extract/frame';
import type { Rule } from '../evidence';

/** Words at a figure that make it what is left of something, not the thing: "$138.4 billion in funding remaining". */
const REMAINDER = new Set(['remain', 'left', 'leftov', 'unspent', 'unus', 'unclaim', 'untap']);

/**
 * Verbs that make the figure after them a part of what comes before: "the bill also includes $100 billion for
 * hospitals", "It earmarks $75 billion for hospitals". Not "provides" or "allocates": "the package provides $900
 * billion in aid" gives its whole size as often as a part.
 */
const INCLUDES = /^(?:include[sd]?|including|contain(?:s|ed|ing)?|earmark(?:s|ed|ing)?)$/;
/** Words that may stand between such a verb and the figure. */
const BETWEEN = new Set(['a', 'an', 'the', 'also', 'some', 'another', 'nearly', 'about', 'roughly', 'around', 'over', 'more', 'than', 'up', 'to']);

/** The thing made again and again ("bill", "package") that a figure is said to be included in, as its concept. */
function includedIn(x: Extraction, k: Knowledge, claim: Claim): string | undefined {
  let first = claim.firstToken;
  // "includes $25 billion for testing and $75 billion for hospitals": back along the list to its first item.
  const items = x.claimsBySentence[claim.sentence] ?? [];
  for (let at = items.indexOf(claim); at > 0; at--) {
    const prev = items[at - 1];
    if (prev.kind !== claim.kind || first - prev.lastToken > LIST_ITEM) break;
    let joined = false;
    let verb = false;
    for (let t = prev.lastToken + 1; t < first; t++) {
      if (x.tokens[t].lower === 'and' || x.tokens[t].text === ',') joined = true;
      if (INCLUDES.test(x.tokens[t].lower)) verb = true;
    }
    // Not past the verb itself: "The package, at $900 billion, includes $600 billion" starts its list at the $600 billion.
    if (!joined || verb) break;
    first = prev.firstToken;
  }
  let i = first - 1;
  while (i >= 0 && x.tokens[i].type === 'word' && BETWEEN.has(x.tokens[i].lower)) i--;
  const verb = x.tokens[i];
  if (verb?.type !== 'word' || !INCLUDES.test(verb.lower)) return undefined;
  const concepts = sentenceTokenConcepts(x, k, claim.sentence);
  for (let j = i - 1; j >= 0 && j >= i - 4; j--) {
    const c = concepts[j];
    if (c !== undefined && k.terms.recurring.has(c)) return c;
    // "It also includes ...": what "it" is, any of those things.
    if (PRONOUNS.has(x.tokens[j].lower)) return ANY_WHOLE;
  }
  // "It puts more money into the program, ..., and earmarks $75 billion for hospitals": the sentence's subject, far back.
  const opener = x.sentences[claim.sentence]?.[0];
  return opener !== undefined && PRONOUNS.has(x.tokens[opener].lower) ? ANY_WHOLE : undefined;
}

const PRONOUNS = new Set(['it', 'they']);

/** How many tokens an item of a list of figures may hold: "$25 billion for coronavirus testing and". */
const LIST_ITEM = 8;
/** The whole a figure is included in, when a pronoun names it. */
const ANY_WHOLE = '*';

const WORDS = { level: 'a level', change: 'a change', prior: 'an earlier level', gap: 'a gap between two figures' };

export const aspect: Rule = {
  name: 'aspect',
  description:
    'A level, a change, an earlier level or a gap is compared only with the same; a rate per period only with a rate; a total never with an additional amount; one day\'s figure never with a total over a span, nor a figure of some hours (or of a few days after "within") with any but another of the kind; a span things happen within (in his first 100 days) is not how long something took.',
  check({ x, claim, frame }, e, { knowledge }) {
    const p = e.profile;
    // "increase purchases by $200 billion" states the additional amount.
    const changeAsAddition = frame.aspect === 'change' && p.increment === 'additional' && frame.rising;
    if (frame.aspect !== p.aspect && !changeAsAddition) return `the figure is ${WORDS[frame.aspect]}; the fact states ${WORDS[p.aspect]}`;
    if (frame.partitive && !p.partitive) return 'the figure is a part of something named before ("of those ..."); the fact states the whole';
    // "$138.4 billion in funding remaining" is what is left of a sum, not the sum; and the other way round.
    const left = frame.slot.some((w) => REMAINDER.has(w.concept));
    if (left !== p.slot.some((w) => REMAINDER.has(w.concept)))
      return left ? 'the figure is what is left of a sum; the fact gives the sum' : 'the fact gives what is left of a sum; the figure the sum';
    // "The bill also includes $100 billion for hospitals" is a part of the bill, not the bill's size a fact gives.
    const whole = includedIn(x, knowledge, claim);
    const gives = (c: string) => (whole === ANY_WHOLE ? knowledge.terms.recurring.has(c) : c === whole);
    if (whole !== undefined && p.slot.some((w) => w.at === 'noun' && gives(w.concept)))
      return `the figure is a part of ${whole === ANY_WHOLE ? 'what it is included in' : `the ${whole}`}; the fact gives the whole`;
    // "On Saturday, 1,208 flights were canceled" is one day's part of the 7,000 cancelled "over a five-day period".
    if (frame.oneDay && !frame.overSpan && p.overSpan && !p.oneDay) return `the figure is one day's; the fact's is a total over ${p.overSpan}`;
    if (frame.overSpan && !frame.oneDay && p.oneDay && !p.overSpan) return `the figure is a total over ${frame.overSpan}; the fact's is one day's`;
    // "10,900 people were evacuated within 12 hours" is a part of the 124,334 evacuated in all, and of the day's 21,600.
    // "promised 100 million shots in his first 100 days" is the span of a goal, not the 58 days it took.
    if (claim.kind === 'duration' && frame.within && !p.within) return 'the figure is a span things happen within; the fact is how long something took';
    if (frame.window && !p.window) return `the figure counts what happened ${frame.window}; the fact's does not`;
    if (frame.perPeriod && p.perPeriod && frame.period && p.period && frame.period !== p.period)
      return `the figure is a rate per ${frame.period}; the fact's per ${p.period}`;
    // "Income below $125,000 a year" and "income below $125,000" are one figure: income is yearly by nature.
    const period = frame.period ?? p.period;
    const byNature = (c: string) => knowledge.terms.per.get(c) === period;
    if (frame.perPeriod !== p.perPeriod && !(period !== undefined && (e.measureWords.some(byNature) || [...p.measure].some(byNature))))
      return frame.perPeriod ? 'the figure is a rate per period; the fact an amount' : "the fact's figure is a rate per period; the draft's an amount";
    // "a new round of tariffs on an additional $200bn" is one more part, not the whole a fact states (writers leave out
    // "additional" when they mean it, so only that direction is sure).
    if (frame.increment === 'additional' && !p.increment) return 'the figure is an amount added on top of another; the fact states a whole';
    if (frame.increment && p.increment && frame.increment !== p.increment)
      return `the figure is ${frame.increment === 'total' ? 'a total' : 'an additional amount'}; the fact's is ${p.increment === 'total' ? 'a total' : 'an additional amount'}`;
    return undefined;
  },
};
