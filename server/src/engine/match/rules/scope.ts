/**
 * scope: two figures that measure different things. Compared place by place in the phrase at the
 * figure: what it is for ("$66 billion for rail"), the noun it qualifies ("a 10% tariff"), the
 * noun phrase that links to it ("the new highway will cost"). When the draft names a thing there
 * that the fact never mentions, and the fact's word in that place is missing from the draft's
 * phrase, they are two measures ("highway" is not "dam"). A word that narrows the fact's own
 * measure word ("reciprocal tariff", "farm goods", "fentanyl-related rate"), one the fact base names
 * some measure by, makes a narrower measure; and one model or product ("MI308") is not another ("H20").
 */
import type { FrameWord, SlotPlace } from '../../extract/frame';
import { ALL_PREPOSITIONS, CALENDAR_WORDS, CONTENT_PREPOSITIONS, DETERMINERS } from '../../extract/grammar';
import { classOf, conceptOf, phraseStems, type Terms } from '../../knowledge/terms';
import { stem, WEEKDAYS } from '../../text/tokens';
import type { Rule } from '../evidence';
import type { FactProfile } from '../profile';

/** Prepositions the content words keep, as stems (the concepts words are compared by). */
const PREPOSITION_STEMS: ReadonlySet<string> = new Set([...CONTENT_PREPOSITIONS].map(stem));

/** A word that names a thing, as far as word forms tell: not a verb form, an adverb, a preposition or a day. */
function isThing(terms: Terms, concept: string): boolean {
  const cls = classOf(terms, concept);
  if (cls === 'goods' || cls === 'event' || cls === 'unit') return false;
  if (cls === 'measure') return true;
  return !/(?:ed|ing|ly)$/.test(concept) && !CALENDAR_WORDS.has(concept) && !PREPOSITION_STEMS.has(concept);
}

const PLACES: SlotPlace[] = ['purpose', 'noun', 'np'];

/** The word a stem negates with "un-" or "non-" ("uninsur" → "insur"), of four letters or more so "union" and "unit" are no negations. */
function negatedBase(concept: string): string | undefined {
  return /^(?:un|non-?)([a-z]{4,})$/.exec(concept)?.[1];
}

function at2(list: readonly FrameWord[], place: SlotPlace): string[] {
  return list.filter((w) => w.at === place).map((w) => w.concept);
}

export const scope: Rule = {
  name: 'scope',
  description:
    "The words at the figure name the fact's measure, not another thing, nor a narrower kind of it, nor another model, nor an average or a limit of it; things counted had the fact's thing befall them (cancelled, not delayed), to the fact's degree (damaged, not severely damaged); a date inside a noun phrase (\"ACP May 2024 Reimbursement Rates\") dates the noun after it, which must be the fact's.",
  check({ x, claim, frame }, e, { knowledge, vocabulary }) {
    const p = e.profile;
    const terms = knowledge.terms;
    // A model or product ("MI308", "H20") names one thing: another one is another thing's figure.
    const models = (list: Iterable<string>) => [...list].filter((c) => /\d/.test(c) && /[a-z]/.test(c));
    const factModels = models([...p.measure, ...p.context]);
    const words = [...frame.slot, ...frame.clause];
    const claimModels = models(words.map((w) => w.concept));
    if (factModels.length && claimModels.length && !claimModels.some((c) => factModels.includes(c)))
      return `the figure is about ${claimModels.join(', ')}; the fact about ${factModels.join(', ')}`;
    const known = (c: string) => p.measure.has(c) || p.context.has(c) || p.targetWords.has(c);
    // "21,000 flights were at least delayed" against "5,000 flights canceled"; "2,719 structures exposed" against structures
    // damaged or destroyed: the things counted are the same, what befell them is not.
    // "177 passengers and crew" counts more than the 171 passengers a fact gives.
    const also = frame.alsoCounts;
    if (also && !known(also.concept) && !(p.fact.quantity.nouns ?? []).some((n) => conceptOf(terms, stem(n)) === also.concept))
      return `the figure counts ${claim.quantity.unit} and "${also.concept}"; the fact only ${claim.quantity.unit}`;
    const befell = frame.befell;
    if (
      befell &&
      p.befell.length &&
      !p.befell.some((b) => b.concept === befell.concept) &&
      !known(befell.concept) &&
      !known(conceptOf(terms, stem(befell.word)))
    )
      return `the figure counts things ${befell.word}; the fact counts things ${[...new Set(p.befell.map((b) => b.word))].join(' or ')}`;
    // "uninsured flood losses" against insured losses, "120 people accounted for" against those unaccounted for: a word and
    // its negation by "un-" or "non-" are two measures.
    const atFigure = new Set(frame.slot.map((w) => w.concept));
    const inClause = new Set([...atFigure, ...frame.clause.map((w) => w.concept)]);
    for (const c of atFigure) {
      const base = negatedBase(c);
      // The fact's words as written, for a phrase the terms name as one concept ("insured losses").
      if (base && !known(c) && (p.measure.has(base) || [...p.fact.keywords, ...p.fact.aliases].some((k) => phraseStems(k).includes(base))))
        return `"${c}" is the negation of the fact's "${base}"`;
    }
    for (const c of p.measure) {
      const base = negatedBase(c);
      if (base && atFigure.has(base) && !inClause.has(c)) return `"${base}" is what the fact's "${c}" negates`;
    }
    // "The blast severely damaged three hospitals" against "damaged six hospitals": only some of the things it befell.
    const degree = frame.degree;
    if (degree && !new RegExp(`\\b${degree}\\b`, 'i').test(p.fact.quote ?? '') && !p.fact.keywords.some((w) => w.toLowerCase().includes(degree)))
      return `"${degree}" narrows what the figure counts; the fact counts all of them`;
    // "Average U.S. tariffs stand at 124.1 percent": an average is another measure than any one rate the fact gives; so is
    // a limit ("punishable by a maximum prison sentence of 20 years") than the one sentence a fact gives.
    const statistic = words.find((w) => classOf(terms, w.concept) === 'statistic' && !known(w.concept));
    if (statistic) return `the figure is a summary or a limit ("${x.tokens[statistic.token].text}"); the fact is not`;
    const claimSlot = new Set(frame.slot.map((w) => w.concept));
    // Only words before the measure's noun modify it: "90-day pause" is not narrowed by what follows.
    const nouns = frame.slot.filter((w) => w.at === 'noun');
    const head = nouns.find((w) => p.measure.has(w.concept));
    if (head) {
      const before = head.token > claim.lastToken ? (t: number) => t > claim.lastToken && t < head.token : (t: number) => t < head.token;
      // Only a word some fact's measure is named by narrows it: the fact base tells "reciprocal" tariffs apart; "federal"
      // loans, where every loan is federal, it does not.
      const narrower = nouns.find((w) => before(w.token) && !known(w.concept) && isThing(terms, w.concept) && vocabulary.has(w.concept));
      if (narrower) return `"${narrower.concept}" narrows the measure to something the fact does not state`;
    }
    // "$110 billion into roads, bridges and other major projects" against bridges alone: the figure covers more.
    const named =
      claim.kind === 'date' || claim.kind === 'year'
        ? []
        : [...at2(frame.slot, 'purpose'), ...frame.targetWords.map((w) => w.concept)].filter((c) => isThing(terms, c));
    const covered = named.filter(known);
    const uncovered = named.filter((c) => !known(c));
    if (covered.length && uncovered.length)
      return `the figure covers ${uncovered.map((c) => `"${c}"`).join(', ')} as well; the fact only ${covered.map((c) => `"${c}"`).join(', ')}`;
    const at = (list: readonly FrameWord[] | ReadonlyArray<{ concept: string; at?: SlotPlace }>, place: SlotPlace) =>
      list.filter((w) => (w.at ?? 'noun') === place && isThing(terms, w.concept)).map((w) => w.concept);
    // "a $350 million loan" is not "a $350 million grant", whatever it is for: two measures the terms name, at the figure.
    const measureNouns = (list: ReadonlyArray<{ concept: string; at?: SlotPlace }>) =>
      list.filter((w) => (w.at ?? 'noun') === 'noun' && classOf(terms, w.concept) === 'measure').map((w) => w.concept);
    const claimMeasures = measureNouns(frame.slot).filter((c) => !known(c));
    const factMeasures = measureNouns(p.slot).filter((c) => !claimSlot.has(c));
    if (claimMeasures.length && factMeasures.length)
      return `the figure is a ${claimMeasures.map((c) => `"${c}"`).join(', ')}; the fact a ${factMeasures.map((c) => `"${c}"`).join(', ')}`;
    // "a $2 trillion law": the noun a figure qualifies is what it measures. Where the source's sentence gives that noun to
    // another of its figures of the same kind ("The $1.2 trillion bill allocated $550 billion in new spending"), that
    // figure's fact is the one, not this fact, which only names the noun as who acts. (A rate does not size a sum's noun.)
    const own = (list: ReadonlyArray<{ concept: string; at?: SlotPlace }>, c: string) => list.some((w) => w.at === 'noun' && w.concept === c);
    const sizes = (s: FactProfile, c: string) => s.fact.quantity.kind === p.fact.quantity.kind && own(s.slot, c);
    const qualified = nouns.find((w) => !own(p.slot, w.concept) && p.siblings.some((s) => sizes(s, w.concept)));
    if (qualified) return `the figure is the "${qualified.concept}" itself, which the source's sentence sizes by another figure`;
    // "$66 billion for rail" settles what it is for, whatever the sentence calls the law that provides it.
    const claimPurpose = at(frame.slot, 'purpose');
    if (claimPurpose.some((c) => at(p.slot, 'purpose').includes(c))) return undefined;
    // "the pay period spanning Dec. 23": a date whose own noun the fact never names is that thing's date.
    if (claim.kind === 'date') {
      // The noun phrase that leads to it: what follows a date may be its clause's verb ("last month led both sides").
      const own = at(frame.slot, 'np').filter((c) => !known(c));
      if (own.length && !frame.slot.some((w) => known(w.concept)))
        return `the date is that of ${own.map((c) => `"${c}"`).join(', ')}, which the fact does not name`;
      // "FCC Announces ACP May 2024 Reimbursement Rate Estimates": a date before a noun of its own dates that thing, whatever
      // verb governs the phrase; one the fact never names is another thing's date.
      // Only where the date stands inside a noun phrase: after a determiner or a name ("the May 2024 estimates", "ACP May
      // 2024 ..."), not after a preposition or a weekday, which say when ("an outage in July caused chaos", "on Friday, May 7
      // due to").
      const before = x.tokens[claim.firstToken - 1];
      const inPhrase =
        before?.type === 'word' &&
        (DETERMINERS.has(before.lower) || (/^\p{Lu}/u.test(before.text) && !WEEKDAYS.has(before.lower) && !ALL_PREPOSITIONS.has(before.lower)));
      const qualified = !inPhrase
        ? []
        : frame.slot.filter((w) => w.at === 'noun' && w.token === claim.lastToken + 1 && isThing(terms, w.concept) && !/ed$/.test(x.tokens[w.token].lower));
      if (qualified.length && !qualified.some((w) => known(w.concept)) && !frame.slot.some((w) => w.at === 'noun' && known(w.concept)))
        return `the date is that of "${qualified[0].concept}", which the fact does not name`;
    }
    for (const place of PLACES) {
      const claimAt = at(frame.slot, place);
      const factAt = at(p.slot, place);
      const foreign = claimAt.filter((c) => !known(c));
      const missing = factAt.filter((c) => !claimSlot.has(c));
      if (foreign.length && missing.length)
        return `the figure is about ${foreign.map((c) => `"${c}"`).join(', ')}; the fact's about ${missing.map((c) => `"${c}"`).join(', ')}`;
    }
    return undefined;
  },
};
