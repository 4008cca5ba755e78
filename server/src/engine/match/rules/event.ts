/**
 * event: a date belongs to the event its own clause describes. "March 4 – further duties take
 * effect", "returned to the White House in January", "halted sales in April" are not the day a
 * tariff was imposed or a ban lifted: the clause must name the fact's event (in any form or
 * synonym), and not its opposite. A year is checked only where it names the thing directly
 * ("the 2020 deal") and the sentence or paragraph names one of the fact's parties.
 */
import { areOpposite, BEGIN_EVENT, classOf, conceptOf, END_EVENT, REPORTING_EVENTS, type Terms } from '../../knowledge/terms';
import type { Claim, Extraction } from '../../extract/extract';
import { asOfAt, type Knowledge, sentenceTokenConcepts, UNTIL } from '../../extract/frame';
import { isCaptionDate, showsInCaption } from '../../extract/caption';
import { AFTER_A_LENGTH, ALL_PREPOSITIONS, CLOCK_WORDS, DETERMINERS, FINITE_AUXILIARIES, TIME_ADVERBS, thatAfterSaying } from '../../extract/grammar';
import type { Token } from '../../text/tokens';
import { sameParty } from '../../knowledge/gazetteer';
import { isCapitalised, isIrregularPast, isStopword, stem } from '../../text/tokens';
import { name } from './holder';
import type { ClaimView, Rule } from '../evidence';
import { afterWriting } from './time';

/** Prepositions that tie a date to the noun before it: "the call on June 5th", "the meeting in May". */
const DATING = new Set(['on', 'in', 'during', 'of']);

/** Verbs that only place an event in time: "held in April", "scheduled for May". */
const SCHEDULING = new Set([
  'held',
  'hold',
  'holds',
  'scheduled',
  'slated',
  'planned',
  'set',
  'due',
  'expected',
  'taking',
  'took',
  'place',
  'occurred',
  'happened',
  'convened',
]);

/** "falls on August 12", "came on May 12": a verb that only places the date. */
function placesDate(x: Extraction, token: number, dateToken: number): boolean {
  const w = x.tokens[token];
  return (
    w.type === 'word' &&
    /^(?:fall|falls|fell|falling|come|comes|came|land|lands|landed)$/.test(w.lower) &&
    token + 2 === dateToken &&
    x.tokens[token + 1]?.lower === 'on'
  );
}

/** Words that deny what follows them ("not", "never", "hasn't"), and those that may stand between ("has not yet passed"). */
const NEGATIONS = /^(?:not|never|no|(?:has|have|had|did|does|do|was|were|is|are|could|would|will)n[’']t|won[’']t|can[’']t|cannot)$/;
const BETWEEN = new Set(['yet', 'been', 'be', 'ever', 'even', 'still', 'has', 'have', 'had', 'did', 'does', 'do']);

/** Whether the word at `token` is denied: "has not (yet) passed", "never signed", "didn't sign". */
function negated(x: Extraction, token: number): boolean {
  for (let i = token - 1, seen = 0; i >= 0 && seen < 3; i--) {
    const t = x.tokens[i];
    if (t.type !== 'word') return false;
    if (NEGATIONS.test(t.lower)) return true;
    if (!BETWEEN.has(t.lower)) return false;
    seen++;
  }
  return false;
}

/**
 * The word that opens a span before its first date, and those that join its last date. ("from June 30 to August 8" may be
 * a span or a change of a date, moved from the one to the other.)
 */
const SPAN_OPEN = new Set(['between']);
const SPAN_JOIN = new Set(['and', '-', '–', '—']);

/** Whether a date is the first or the last of two that bound a span: "between April and September of 2023". Undefined otherwise. */
function spanBound(x: Extraction, claim: Claim): 'start' | 'end' | undefined {
  const dated = (c: Claim | undefined) => c !== undefined && (c.kind === 'date' || c.kind === 'year');
  const others = x.claimsBySentence[claim.sentence] ?? [];
  const opener = x.tokens[claim.firstToken - 1]?.lower;
  if (opener !== undefined && SPAN_OPEN.has(opener) && SPAN_JOIN.has(x.tokens[claim.lastToken + 1]?.lower ?? '')) {
    if (dated(others.find((o) => o.firstToken === claim.lastToken + 2))) return 'start';
  }
  if (SPAN_JOIN.has(x.tokens[claim.firstToken - 1]?.lower ?? '')) {
    const first = others.find((o) => o.lastToken === claim.firstToken - 2);
    if (dated(first) && SPAN_OPEN.has(x.tokens[first!.firstToken - 1]?.lower ?? '')) return 'end';
  }
  return undefined;
}

/** Prepositions whose object takes part in a clause's event rather than being one: "with the studios", "at their desks". */
const PARTAKING = new Set(['with', 'against', 'at', 'to', 'for', 'from', 'by', 'among', 'between', 'toward', 'towards', 'into', 'onto']);

/** Words that make what follows them a time: "weeks before the vote by the council", "in time for the festival". */
const TIME_OPENERS = new Set(['before', 'after', 'ahead', 'until', 'since', 'during', 'time']);

/**
 * Whether the noun at `token` is the object of such a preposition (right after it or past a determiner or possessive) that
 * the clause's verb takes: "ruled against the agency", "sat down with the studios", "releasing treated water into the
 * ocean". Not one an event's noun takes ("talks with the mayors on June 12": the talks' date), nor one inside a time
 * ("weeks before the vote by the council on June 12", "after the storm on June 12").
 */
function governed(x: Extraction, token: number, terms: Terms): boolean {
  for (let i = token - 1; i >= 1 && i >= token - 2; i--) {
    const t = x.tokens[i];
    if (t.type !== 'word') return false;
    if (PARTAKING.has(t.lower)) {
      const before = x.tokens[i - 1];
      // A verb's form ("opened by", "ruled against") takes it; an event's noun ("talks with") does.
      const verb = /(?:ed|ing)$/.test(before.lower) || isIrregularPast(before.lower);
      if (before.type === 'word' && !verb && classOf(terms, conceptOf(terms, stem(before.lower))) === 'event') return false;
      for (let k = i - 1; k >= 0 && k >= i - 3; k--) if (x.tokens[k].type === 'word' && TIME_OPENERS.has(x.tokens[k].lower)) return false;
      return true;
    }
    if (!DETERMINERS.has(t.lower)) return false;
  }
  return false;
}

/**
 * Whether the word at `token` is a name's, inside a sentence of prose: one with two lower-case content words at least (in a
 * title-case headline every word is capitalised).
 */
function nameWordInProse(x: Extraction, token: number, sentence: number): boolean {
  if (!isCapitalised(x.tokens[token].text)) return false;
  const [a, b] = x.sentences[sentence] ?? [token, token];
  let lower = 0;
  for (let i = a; i <= b && lower < 2; i++) {
    const t = x.tokens[i];
    if (t.type === 'word' && !isCapitalised(t.text) && !isStopword(t.lower)) lower++;
  }
  return lower >= 2;
}

/**
 * Whether the word at `token` stands in what a verb of saying or finding after the date reports: "On May 8, the company
 * confirmed that its systems were compromised by an attack" dates the confirming, not the attack.
 */
function toldAfter(x: Extraction, dateEnd: number, token: number): boolean {
  for (let i = dateEnd + 1; i < token - 1; i++) {
    const that = thatAfterSaying(x.tokens, i);
    if (that !== undefined && that < token) return true;
  }
  return false;
}

/** The fact's event word among the few words right after a date that dates a name ("the March 26 Key Bridge collapse"). */
function namedEvent({ x, claim }: ClaimView, events: ReadonlySet<string>, knowledge: Knowledge): string | undefined {
  const [, last] = x.sentences[claim.sentence] ?? [0, -1];
  const concepts = sentenceTokenConcepts(x, knowledge, claim.sentence);
  for (let i = claim.lastToken + 1; i <= Math.min(last, claim.lastToken + 6); i++) {
    const t = x.tokens[i];
    if (t.type !== 'word') {
      if (t.text === ',' && i === claim.lastToken + 1) continue;
      break;
    }
    const c = concepts[i];
    if (c !== undefined && events.has(c)) return c;
  }
  return undefined;
}

/** Whether token `i` names a thing whose own date the clause tells of ("announced the date of the election on May 22"). */
function otherDated(frame: { otherDated?: [number, number] }, i: number): boolean {
  return frame.otherDated !== undefined && i >= frame.otherDated[0] && i <= frame.otherDated[1];
}

/** Words that open a noun phrase and nothing else: an article or a possessive ("the", "their"), not "that" or "all". */
const NOUN_OPENERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'your', 'this', 'these', 'those']);

/**
 * Whether the word at `i` is a participle that only describes the noun after it, after an article or a possessive (and a
 * number): "to bring the 12 trapped boys out" tells no trapping then, whatever date the clause gives. Not after "that",
 * "each" or a bare number, which may be the verb's subject ("12 approved the tax on March 9").
 */
function describesNoun(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  if (t?.type !== 'word' || t.text !== t.lower || !t.lower.endsWith('ed')) return false;
  const opens = (k: number) => tokens[k]?.type === 'word' && NOUN_OPENERS.has(tokens[k].lower);
  if (!before || !(opens(i - 1) || (before.type === 'num' && opens(i - 2)))) return false;
  return (
    after?.type === 'word' &&
    after.text === after.lower &&
    !isStopword(after.lower) &&
    !ALL_PREPOSITIONS.has(after.lower) &&
    !FINITE_AUXILIARIES.has(after.lower) &&
    !/(?:ed|ing|ly)$/.test(after.lower)
  );
}

export const event: Rule = {
  name: 'event',
  description:
    "A date's clause names the fact's event and not its opposite, and the date is no figure's \"as of\" nor another noun's, nor another name's thing's (\"the 2003 Northeast Blackout\"); a year qualifies the fact's measure directly, with one of its parties named nearby.",
  check(view, e, { knowledge, paragraphNames }) {
    const { x, claim, frame } = view;
    const p = e.profile;
    // "the Hillsborough Stadium disaster in 1989", "the 2003 Northeast Blackout": the date is the named thing's, whatever
    // else the sentence goes on to name.
    const dated = frame.dateOf;
    const g = knowledge.gazetteer;
    if (dated && ![...p.names].some((n) => sameParty(g, dated, n))) return `the date is that of ${name(g, dated)}, which the fact does not involve`;
    // The fact's own named event: "the Aug. 26, 2021, Abbey Gate bombing", the name written with the fact's event word.
    if (dated && claim.kind === 'date') {
      const own = namedEvent(view, p.events, knowledge);
      if (own) {
        if (!e.events.includes(own)) e.events.push(own);
        return undefined;
      }
    }
    if (claim.kind === 'year') {
      // "the 2020 deal", or "finalized the agreement in 2020": the year qualifies the measure, or dates the fact's event.
      if (!view.slotEvents) {
        const set = new Set<string>();
        for (const w of frame.slot) if (classOf(knowledge.terms, w.concept) === 'event') set.add(w.concept);
        for (const w of frame.clause) if (classOf(knowledge.terms, w.concept) === 'event') set.add(w.concept);
        view.slotEvents = set;
      }
      let dated = false;
      for (const c of view.slotEvents)
        if (p.events.has(c)) {
          dated = true;
          if (!e.events.includes(c)) e.events.push(c);
        }
      if (e.measure !== 'slot' && !dated) return "the year neither qualifies the fact's measure nor dates its event";
      const parties = [...p.holders, ...p.listed, ...p.targets];
      if (parties.length && !e.holder && !e.target && !parties.some((q) => paragraphNames(q))) return "the paragraph names none of the fact's parties";
      return undefined;
    }
    if (claim.kind !== 'date') return undefined;
    // "The death toll stood at 89 as of August 12": the day a figure stood at, not the day anything happened.
    if (asOfAt(x.tokens, claim.firstToken - 2)) return 'the date is one a figure stood at ("as of"), not an event';
    // A caption's date is when the picture was taken, of what its main verb tells or what it was taken during: not of
    // an event it names as the scene ("Rescue teams work at the site of the collapse ..., on June 29, 2021. EFE/...").
    if (isCaptionDate(x, claim)) {
      const told = [...frame.slot, ...frame.clause].some((w) => p.events.has(w.concept) && showsInCaption(x, claim, w.token));
      if (!told) return "the date is a caption's, when the picture was taken: the fact's event is only the scene";
    }
    // "lost coverage between April and September": the dates bound a span in which things happened. Only a beginning is
    // dated by a span's first day, and only an end by its last.
    const bound = spanBound(x, claim);
    if (bound === 'start' && !p.events.has(BEGIN_EVENT)) return 'the date opens a span ("between ... and"), not an event';
    if (bound === 'end' && !p.events.has(END_EVENT)) return 'the date closes a span ("between ... and"), not an event';
    // "the February 2021 cold weather event": a date between a determiner and its noun dates that noun; a noun the fact
    // neither measures nor names as its event is another thing's date.
    // So does one right after a preposition with its noun right after it: "final report on February 2021 event".
    const det = x.tokens[claim.firstToken - 1];
    const after = x.tokens[claim.lastToken + 1];
    const attributive =
      DETERMINERS.has(det?.lower ?? '') ||
      // Not a verb after it ("The Geneva talks in April produced a pause"), nor a function word ("in March amid protests").
      (DATING.has(det?.lower ?? '') &&
        after?.type === 'word' &&
        !/(?:ed|ing)$/.test(after.lower) &&
        !FINITE_AUXILIARIES.has(after.lower) &&
        !isStopword(after.lower) &&
        !ALL_PREPOSITIONS.has(after.lower));
    if (det?.type === 'word' && attributive) {
      const own = frame.slot.filter((w) => w.token > claim.lastToken && w.at === 'noun');
      if (own.length && !own.some((w) => p.measure.has(w.concept) || p.events.has(w.concept)))
        return `the date is that of the ${own.map((w) => x.tokens[w.token].text).join(' ')}, which the fact does not date`;
    }
    if (!p.events.size) {
      // A fact whose wording names no known event: its measure must stand at the date, or twice in the clause.
      return e.measure === 'slot' || e.measureWords.length >= 2 ? undefined : "the date's clause shares one word with the fact";
    }
    // "the phone call on June 5th": what a preposition ties the date to is what it dates.
    const prep = x.tokens[claim.firstToken - 1];
    if (prep?.type === 'word' && DATING.has(prep.lower)) {
      // Past a verb that only schedules it: "the meeting, held in April", "talks scheduled for May"; past an adverb of time
      // ("approved back in June") or a clock time ("at 4:09 AM UTC on July 19"), which date nothing of their own. What stands
      // before "ago" or "later" is how long ago or later ("a month ago on Aug. 8"), no thing.
      let at = claim.firstToken - 2;
      let ago = false;
      const passed = (t: Token) => SCHEDULING.has(t.lower) || TIME_ADVERBS.has(t.lower) || CLOCK_WORDS.has(t.lower);
      while (at >= 0 && (x.tokens[at].type !== 'word' ? x.tokens[at].text === ',' : passed(x.tokens[at]))) {
        if (AFTER_A_LENGTH.has(x.tokens[at].lower)) ago = true;
        at--;
      }
      const w = ago ? undefined : [...frame.slot, ...frame.clause].find((v) => v.token === at);
      const c = w?.concept;
      // What a preposition such as "with" governs has no date of its own ("sat down with the studios on June 7", "ruled
      // against the agency on May 9"), nor has a name ("arrested by the Royal Bahamas Police Force on December 12"): the verb's.
      if (
        c !== undefined &&
        !governed(x, at, knowledge.terms) &&
        !nameWordInProse(x, at, claim.sentence) &&
        classOf(knowledge.terms, c) !== 'event' &&
        !p.measure.has(c) &&
        !p.context.has(c) &&
        !p.events.has(c)
      )
        return `the date is that of "${x.tokens[w!.token].text}", which the fact does not mention`;
    }
    // The date's own event is the event word nearest it ("expires on Aug 12", "met in March").
    const distance = (token: number) => (token < claim.firstToken ? claim.firstToken - token : token - claim.lastToken);
    // Words that only report or place an event ("announced", "falls on") do not say which event it is.
    const events = (view.events ??= [...frame.slot, ...frame.clause, ...frame.antecedent]
      .filter(
        (w) =>
          classOf(knowledge.terms, w.concept) === 'event' &&
          !REPORTING_EVENTS.has(w.concept) &&
          !placesDate(x, w.token, claim.firstToken) &&
          !toldAfter(x, claim.lastToken, w.token) &&
          !describesNoun(x.tokens, w.token) &&
          !otherDated(frame, w.token),
      )
      .sort((a, b) => distance(a.token) - distance(b.token)));
    // "through Feb. 15": the day something lasts until is the end of it, whatever else the clause did. Ends are
    // moved again and again (a stopgap, a pause, a truce extended), so an end alone does not pin the date to this one.
    if (frame.until) {
      // What lasts must be named by a word of the fact's own ("the pause", "funding"), not only by the end itself.
      const what = e.measureWords.find((c) => !UNTIL.has(c) && classOf(knowledge.terms, c) !== 'event');
      if (p.events.has(END_EVENT)) return what === undefined ? 'the date is one something lasts until, and nothing near it says what lasts' : undefined;
      return `the date is one something lasts until; the fact's event is ${[...p.events].map((f) => `"${f}"`).join(', ')}`;
    }
    // A fact whose event is itself one that reports ("declared a national emergency" on February 15): the clause's.
    // Not a participle past a comma after the date: "the crash in March 2024, revealing the causes" tells what the
    // meeting found, on another day. ("On November 6, 2023, Biden announced" is the date's own clause.)
    const pastComma = (token: number) =>
      token > claim.lastToken && x.tokens[token].lower.endsWith('ing') && x.tokens.slice(claim.lastToken + 1, token).some((t) => t.text === ',');
    const reporting = [...frame.slot, ...frame.clause].find((w) => REPORTING_EVENTS.has(w.concept) && p.events.has(w.concept) && !pastComma(w.token));
    if (reporting && (!events.length || distance(reporting.token) <= distance(events[0].token)) && !negated(x, reporting.token)) {
      if (!e.events.includes(reporting.concept)) e.events.push(reporting.concept);
      return undefined;
    }
    // The curator named the event in words the terms do not know as events ("released", "report"): the clause naming
    // one is enough, unless another event stands nearer the date. Not for a date still ahead ("will be released May 1"):
    // such words name no event the terms know, and a plan may move.
    if (p.eventsCurated && !frame.ahead) {
      const words = [...frame.slot, ...frame.clause, ...frame.antecedent];
      const named = words
        .filter(
          (w) => p.events.has(w.concept) && classOf(knowledge.terms, w.concept) !== 'event' && !describesNoun(x.tokens, w.token) && !otherDated(frame, w.token),
        )
        .sort((a, b) => distance(a.token) - distance(b.token));
      // Any other event nearer the date, reporting ones too ("the agreement was revealed on March 19"), is the date's.
      const nearer = (w: (typeof words)[number]) =>
        classOf(knowledge.terms, w.concept) === 'event' && !p.events.has(w.concept) && distance(w.token) < distance(named[0].token);
      if (named.length && !words.some(nearer) && !negated(x, named[0].token)) {
        for (const w of named) if (!e.events.includes(w.concept)) e.events.push(w.concept);
        return undefined;
      }
    }
    if (!events.length) return `the date's clause names none of the fact's events (${[...p.events].join(', ')})`;
    const own = events[0].concept;
    // "The council has not passed a budget since March": the clause says the event did not happen then.
    // ("did not pass it until March 12" says it passed then.)
    const before = x.tokens[claim.firstToken - 1];
    const untilDate = before?.type === 'word' && /^(?:until|till|before)$/.test(before.lower);
    if (!untilDate && negated(x, events[0].token)) return `the clause says "${x.tokens[events[0].token].text}" did not happen then`;
    // "an expiration date of April 1, 2022": a date its own noun phrase labels with an event is that event's date.
    const label = x.tokens[claim.firstToken - 1];
    const labelled =
      (label?.lower === 'of' || label?.text === ':') && x.tokens[claim.firstToken - 2]?.lower === 'date'
        ? events.find((w) => w.token === claim.firstToken - 3)
        : undefined;
    if (labelled && !p.events.has(labelled.concept))
      return `the date is the "${x.tokens[labelled.token].text} date"; the fact's event is ${[...p.events].map((f) => `"${f}"`).join(', ')}`;
    // The curator named the event: it is enough that the clause names it ("a deadline for the review ... by April").
    // Not where the nearer event shares the date's side of a comma and the fact's stand beyond one: "with the emergency
    // ending in May 2023, states resumed reviews" dates the ending.
    const comma = (token: number) => {
      const [a, b] = token < claim.firstToken ? [token, claim.firstToken] : [claim.lastToken, token];
      // The date's own comma is none ("on Friday, May 7").
      for (let i = a + 1; i < b; i++) if (x.tokens[i].text === ',' && i !== claim.firstToken - 1) return true;
      return false;
    };
    const across = !comma(events[0].token) && events.every((w) => !p.events.has(w.concept) || comma(w.token));
    if (p.eventsCurated && !p.events.has(own) && !across && events.some((w) => p.events.has(w.concept))) {
      for (const w of events) if (p.events.has(w.concept) && !e.events.includes(w.concept)) e.events.push(w.concept);
      return undefined;
    }
    if (!p.events.has(own)) {
      const opposite = [...p.events].find((f) => areOpposite(knowledge.terms, own, f));
      return opposite
        ? `the date belongs to "${own}", the opposite of the fact's "${opposite}"`
        : `the date belongs to "${own}"; the fact's event is ${[...p.events].map((f) => `"${f}"`).join(', ')}`;
    }
    const named = new Set(events.map((w) => w.concept));
    // "lifting a ban" is neither a ban nor a lifting alone: when the fact's events hold both sides of a pair, the clause must too.
    for (const f of p.events)
      for (const g of p.events)
        if (f < g && areOpposite(knowledge.terms, f, g) && !(named.has(f) && named.has(g)))
          return `the fact's event is "${f}" and "${g}" together; the date's clause names only "${named.has(f) ? f : g}"`;
    // "Congress passed it on April 23", in a text of April 24, 2020: not the December passage.
    const done = x.tokens[events[0].token];
    if (done.type === 'word' && /ed$/.test(done.lower) && !frame.ahead) {
      const notYet = afterWriting(x.writtenOn, p);
      if (notYet) return notYet;
    }
    for (const c of named) if (p.events.has(c)) e.events.push(c);
    return undefined;
  },
};
