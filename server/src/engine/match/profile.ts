/**
 * A fact's frame: what its figure measures, who holds it, what it falls on, where and when,
 * read from the fact's own quote by the same reading that reads drafts, with the curator's
 * fields (keywords, entities, aliases, `frame`) added and correcting it.
 */
import { extract } from '../extract/extract';
import { CALENDAR_WORDS, DISTINCT, LIGHT, PLACE_NOUNS, QUARTER_WORDS, REPORTING } from '../extract/grammar';
import type { Claim, Extraction } from '../extract/extract';
import {
  type Aspect,
  type Befell,
  befellOf,
  type Knowledge,
  type Modality,
  periodOfNoun,
  type Quarter,
  type Role,
  readFrame,
  sentenceMentions,
  sentenceTokenConcepts,
  type SlotPlace,
} from '../extract/frame';
import type { Fact } from '../factbase/model';
import { findMentions, kindOf, PARTY_KINDS, PLACE_KINDS, resolveName, slug } from '../knowledge/gazetteer';
import { areOpposite, classOf, conceptOf, conceptsOfTokens, END_EVENT, REPORTING_EVENTS } from '../knowledge/terms';
import { type PartialDate, type Quantity, quantitiesAgree } from '../quantity';
import { isIrregularPast, isStopword, stem, type Token, tokenize } from '../text/tokens';

/** A fact prepared for matching. */
export interface FactProfile {
  fact: Fact;
  /** Position in `FactIndex.profiles`. */
  id: number;
  /** The quote states a part of something named before ("$80 billion of those purchases"). */
  partitive: boolean;
  /** The quote holds its figure to some places only ("in these areas"). */
  someplaces: boolean;
  /** The quote names places of a kind ("in Lee, Collier and Charlotte counties"). */
  placeNouns: boolean;
  /** The quote's figure is one side of a vote's tally ("a 228-206 vote": 228 for). */
  tally?: 'for' | 'against';
  /** Concepts naming the measure: the quote's words at the figure, keywords, aliases, the curated measure. */
  measure: ReadonlySet<string>;
  /**
   * The same, as the phrases they come in: a phrase ("fell short", "trade agreement") ties a figure only when all its
   * words stand near it. A light word a curator wrote into a phrase ("new spending", "total cost") is kept as
   * `=word`: the very word must stand in the figure's clause, as it carries the phrase's meaning.
   */
  groups: ReadonlyArray<readonly string[]>;
  /** Concepts of the rest of the quote's clause and of the subject: they tie a figure to the fact only weakly. */
  context: ReadonlySet<string>;
  /** The concepts of the quote's own clause around its figure, for telling when a draft restates the quote. */
  quoteWords: ReadonlySet<string>;
  /** Event concepts (what happened): for dates, the quote's event nearest its date, or the curated ones. */
  events: ReadonlySet<string>;
  /** The events were given by the curator (`frame.event`), not read from the quote. */
  eventsCurated: boolean;
  /** The quote's words at its figure and where they stand ("dam" before "estimated to cost"), for telling two measures apart ("highway" is not "dam"). */
  slot: ReadonlyArray<{ concept: string; at: SlotPlace }>;
  /** Names the curator's keywords and aliases hold ("BEAD", "H20"): named near a figure, they name this measure. */
  keywordNames: ReadonlySet<string>;
  /** Measure concepts no fact of the same kind on another topic has. Filled by the index. */
  distinctive: ReadonlySet<string>;
  /** Measure concepts no other fact has at all ("PNTR", "executive order", "dam"): one names this fact wherever it stands. Filled by the index. */
  unique: ReadonlySet<string>;
  /** Who holds, pays, imposes or receives it. */
  holders: ReadonlySet<string>;
  /** The holders the quote names as whose the figure is or who acts (subject, agent, possessor), not to whom it goes. */
  givers: ReadonlySet<string>;
  /** Parties of one kind the quote's sum goes to or belongs to together ("$1 billion to GM and Stellantis"): a figure for one is its part. */
  joint: ReadonlySet<string>;
  /** What or whom it falls on. */
  targets: ReadonlySet<string>;
  /** Entities the curator listed whose role the quote does not show. */
  listed: ReadonlySet<string>;
  /** Every name the fact involves: its quote's, its curator's, its wording's. */
  names: ReadonlySet<string>;
  /** The names few other facts involve ("Musk", "Stockholm"): naming one pins a figure to this fact's event. Set by the index. */
  markers: ReadonlySet<string>;
  /** Where: places that tell one event from another (the Geneva talks, the London meeting). */
  places: ReadonlySet<string>;
  /** Words of what the measure falls on: "all Chinese imports" → import. */
  targetWords: ReadonlySet<string>;
  /** Points in time the fact is anchored to: asOf, its own date or year, dates its quote and words name. */
  times: PartialDate[];
  /** How many of `times` come from the fact's own dating (asOf, its date or year) rather than its wording. */
  datedTimes: number;
  /** The quarters of a year its quote names for the figure ("in the fourth quarter of 2018"). */
  quarters: readonly Quarter[];
  /**
   * For a count, what befell the things counted, as its quote and keywords say: the participle after them ("5,000 flights
   * canceled") and the participles among its keywords ("damaged", "destroyed"). Empty when neither gives one.
   */
  befell: readonly Befell[];
  /** The quote puts the figure on one day ("on July 19"). */
  oneDay: boolean;
  /** The span the quote gives the figure as a total over ("over a five-day period"). */
  overSpan?: string;
  /** The span of hours the quote gives the figure as happening within ("in 24 hours"). */
  window?: string;
  /** For a length of time, the quote's is a span things happen within ("in the first 100 days"). */
  within?: boolean;
  /** Its topic has other facts: the same measure at other times. Set by the index. */
  onTimeline: boolean;
  /** On a timeline, the words of its quote's clause and its measure that no other point's has: what a restatement of this point says. Set by the index. */
  pointWords: ReadonlySet<string>;
  modality: Modality;
  aspect: Aspect;
  increment?: 'additional' | 'total';
  /** The quote sets the figure apart ("a separate ..."). */
  distinct: boolean;
  /** The words by which the curator's keywords set the figure apart ("further equity"): a draft may use them too. */
  distinctWords: ReadonlySet<string>;
  /**
   * The quote's figure is of one of things made again and again ("a $1 billion package"): whom it is for, or the
   * programme it comes under, is shared by all of them, so only its time, event or words of its own pin a figure to it.
   */
  instance: boolean;
  /** The figure is a rate per period ("$40 billion a year"). */
  perPeriod: boolean;
  /** The quote gives a running total as it stood at `asOf` ("have filed more than 500,000 claims"). */
  running: boolean;
  /** That period: "year", "month", "week", "day", "quarter". */
  period?: string;
  /** Other facts quoted from the same sentence of the same source. Set by the index. */
  siblings: readonly FactProfile[];
  /**
   * The tally of the vote the fact is about, as its quote gives it: the fact's own pair when its figure is one side
   * ("passed 300-100"), else the quote's only tally. Undefined when the quote gives none, or several and the fact is
   * neither ("The House voted 300-100 and the Senate 60-40; 27 engineers ...").
   */
  vote?: { for: Quantity; against: Quantity };
  /**
   * Every figure the quote gives, the fact's own among them, when it gives more than one: a draft's figure that agrees
   * with one of them agrees with the source.
   */
  quoteFigures: readonly Quantity[];
}

/**
 * The one empty set every profile shares for what it has none of: a fact base of 100,000 facts
 * would otherwise hold over a million empty sets (about 200 MB).
 */
export const NONE: ReadonlySet<string> = new Set();
const NO_SIBLINGS: readonly FactProfile[] = [];
const NO_FIGURES: readonly Quantity[] = [];

function compact(s: Set<string>): ReadonlySet<string> {
  return s.size ? s : NONE;
}

/** Parses YYYY, YYYY-MM or YYYY-MM-DD. */
export function parseIsoDate(s: string): PartialDate {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(s);
  if (!m) return {};
  const d: PartialDate = { year: Number(m[1]) };
  if (m[2]) d.month = Number(m[2]);
  if (m[3]) d.day = Number(m[3]);
  return d;
}

/** The claim in the quote that states the fact's figure: where its `text` stands, else one of its kind that agrees with it. */
export function quotedClaim(fact: Fact, claims: Claim[]): Claim | undefined {
  const at = fact.quote.indexOf(fact.text);
  if (at >= 0) {
    const c = claims.find((c) => c.start < at + fact.text.length && at < c.end && c.kind === fact.quantity.kind);
    if (c) return c;
  }
  return claims.find((c) => c.kind === fact.quantity.kind && quantitiesAgree(c.quantity, fact.quantity) === true);
}

/** See `FactProfile.vote`: a tally's two sides are consecutive claims of one sentence. */
function voteOf(claims: Claim[], own: Claim | undefined): FactProfile['vote'] {
  const pairs: Array<{ for: Quantity; against: Quantity; sides: Claim[] }> = [];
  for (let i = 0; i + 1 < claims.length; i++) {
    const [a, b] = [claims[i], claims[i + 1]];
    if (a.tally === 'for' && b.tally === 'against' && a.sentence === b.sentence) pairs.push({ for: a.quantity, against: b.quantity, sides: [a, b] });
  }
  const mine = own ? pairs.find((p) => p.sides.includes(own)) : undefined;
  const pair = mine ?? (pairs.length === 1 ? pairs[0] : undefined);
  return pair ? { for: pair.for, against: pair.against } : undefined;
}

/** The words of a fact's keywords and curated measure that set a figure apart ("further", "second"). */
function distinctWords(fact: Fact, curated: Fact['frame']): ReadonlySet<string> {
  const words = new Set<string>();
  for (const phrase of [...fact.keywords, ...(curated?.measure ?? [])]) for (const t of tokenize(phrase)) if (DISTINCT.has(t.lower)) words.add(t.lower);
  return words.size ? words : NO_WORDS;
}

function conceptsOfPhrase(k: Knowledge, phrase: string): string[] {
  return conceptsOfTokens(k.terms, tokenize(phrase));
}

/** Concepts of a curator's phrase without its names: "Chinese imports" names China and says imports. */
export function wordsOutsideNames(k: Knowledge, phrase: string): string[] {
  const tokens = tokenize(phrase);
  const inName = new Set<number>();
  for (const m of findMentions(k.gazetteer, tokens, 0, tokens.length - 1, { sentenceFirst: 0 })) for (let i = m.first; i <= m.last; i++) inName.add(i);
  return conceptsOfTokens(k.terms, tokens, (i) => !inName.has(i));
}

/** Whether a goods word ("goods", "imports", "products") follows token `last` within two words. */
function goodsAfter(k: Knowledge, tokens: Token[], last: number): boolean {
  for (let i = last + 1; i <= last + 2 && i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type !== 'word') return false;
    const c = conceptOf(k.terms, stem(t.lower));
    if (classOf(k.terms, c) === 'goods' || c === 'import' || c === 'export') return true;
  }
  return false;
}

/** The lower-cased words of a phrase. */
function phraseWords(phrase: string): string[] {
  return tokenize(phrase)
    .filter((t) => t.type === 'word')
    .map((t) => t.lower);
}

const NO_BEFELL: readonly Befell[] = [];

function entityOf(k: Knowledge, name: string): string {
  return resolveName(k.gazetteer, name) ?? slug(name);
}

/** The roles of one who gives or holds what a recipient gets: a clause's subject, agent or possessor. */
export const GIVER_ROLES: ReadonlySet<Role> = new Set<Role>(['subject', 'agent', 'possessor']);

/** How many words after a figure its noun may stand ("a $6 billion military aid package"). */
const HEAD_REACH = 3;

/**
 * Whether the quote's figure is of a thing made again and again: its noun at the figure recurs ("a $1 billion package"),
 * even when a name the fact base gives covers that noun ("a $6 billion aid package", where "aid package" names a law).
 */
function instanceOf(tokens: Token[], claim: Claim, slot: ReadonlyArray<{ concept: string; at: SlotPlace }>, k: Knowledge): boolean {
  if (slot.some((w) => w.at === 'noun' && k.terms.recurring.has(w.concept))) return true;
  for (let i = claim.lastToken + 1, words = 0; i < tokens.length && words < HEAD_REACH; i++) {
    const t = tokens[i];
    // The noun phrase ends at a function word: "11 amendments to the bill" are amendments, not a bill.
    if (t.type !== 'word' || isStopword(t.lower)) return false;
    words++;
    if (k.terms.recurring.has(conceptOf(k.terms, stem(t.lower)))) return true;
  }
  return false;
}

/**
 * Whether a person's mention stands by a verb of saying: "McKenzie said", "Mr Gove has said", "said Gen. Frank McKenzie",
 * "according to Austin". Such a person is the quote's source.
 */
/** Pronouns after a verb of saying that make the speaker the one who acts: "Biden said he would send". */
const ACTS_AFTER = new Set(['he', 'she', 'they', 'we', 'i']);

function saysIt(tokens: Token[], m: { first: number; last: number }): boolean {
  const word = (i: number) => (tokens[i]?.type === 'word' ? tokens[i].lower : undefined);
  for (let i = m.last + 1, n = 0; i < tokens.length && n < 3; i++, n++) {
    const w = word(i);
    if (w === undefined) break;
    // "Biden said he would send $2 billion": the speaker goes on to act, and is a party.
    if (REPORTING.has(w)) return !ACTS_AFTER.has(word(i + 1) === 'that' ? (word(i + 2) ?? '') : (word(i + 1) ?? ''));
    if (w !== 'has' && w !== 'had' && w !== 'have' && !/^\p{Lu}/u.test(tokens[i].text)) break;
  }
  // Before the name, over its title: "said Gen. Frank McKenzie", "according to Austin".
  for (let i = m.first - 1, n = 0; i >= 0 && n < 3; i--, n++) {
    const w = word(i);
    if (w === undefined && tokens[i]?.text !== '.') break;
    if (w !== undefined && REPORTING.has(w)) return true;
    if (w === 'to' && word(i - 1) === 'according') return true;
    if (w !== undefined && !/^\p{Lu}/u.test(tokens[i].text)) break;
  }
  return false;
}

/**
 * What a word that reports an event (at token `from`) reports as done: the next content word of its sentence, when that is
 * an event told in the past ("announced that it had annulled"); not one further on ("announced a fine on a deal signed in
 * 2019"), nor one still to come ("announced it would begin building"), which the date is not the day of.
 */
function reportedEvent(x: Extraction, k: Knowledge, sentence: number, from: number): string | undefined {
  const concepts = sentenceTokenConcepts(x, k, sentence);
  const [, end] = x.sentences[sentence] ?? [0, -1];
  for (let i = from + 1; i <= end; i++) {
    const w = x.tokens[i];
    if (aheadWord(w)) return undefined;
    const c = concepts[i];
    if (c === undefined) continue;
    const past = /ed$/.test(w.lower) || isIrregularPast(w.lower);
    return past && classOf(k.terms, c) === 'event' && !REPORTING_EVENTS.has(c) ? c : undefined;
  }
  return undefined;
}

/**
 * Whether what the word at token `from` reports is still to come ("announced it would approve"): a word that puts a verb
 * ahead comes before the next event its sentence names.
 */
function aheadAfter(x: Extraction, k: Knowledge, sentence: number, from: number): boolean {
  const concepts = sentenceTokenConcepts(x, k, sentence);
  const [, end] = x.sentences[sentence] ?? [0, -1];
  for (let i = from + 1; i <= end; i++) {
    const w = x.tokens[i];
    if (aheadWord(w)) return true;
    const c = concepts[i];
    if (c !== undefined && classOf(k.terms, c) === 'event') return false;
  }
  return false;
}

/** Words before a verb that put it still to come: "would begin", "will open", "to start", "plans to". */
const AHEAD_WORDS: ReadonlySet<string> = new Set(['would', 'will', 'shall', 'to', 'may', 'might', 'could']);

/** Whether the token puts a verb after it still to come; the month "May" ("announced on 3 May that it had annulled") does not. */
function aheadWord(w: Token): boolean {
  return w.type === 'word' && AHEAD_WORDS.has(w.lower) && w.text !== 'May';
}

/** No words: the shared empty set of a profile that has none of a kind. */
const NO_WORDS: ReadonlySet<string> = new Set();

export function buildProfile(fact: Fact, id: number, k: Knowledge): FactProfile {
  const x = extract(fact.quote);
  const claim = quotedClaim(fact, x.claims);
  const frame = claim ? readFrame(x, claim, k, false) : undefined;
  const measure = new Set<string>();
  const context = new Set<string>();
  const events = new Set<string>();
  const slot: Array<{ concept: string; at: SlotPlace }> = [];
  const curated = fact.frame;
  const groups: string[][] = [];
  // A quarter is when a sum or a rate was counted; a count of quarters ("over eight quarters") counts them.
  const sumOrRate = fact.quantity.kind === 'money' || fact.quantity.kind === 'percent';
  if (frame) {
    for (const w of frame.slot) {
      // "the last 10 days of December": the month says when, not what is measured.
      if (CALENDAR_WORDS.has(w.concept)) continue;
      // A quarter stays where it stands, to tell one quarter's sum from a whole's, but names no measure.
      if (sumOrRate && QUARTER_WORDS.has(w.concept)) {
        context.add(w.concept);
        slot.push({ concept: w.concept, at: w.at ?? 'noun' });
        continue;
      }
      measure.add(w.concept);
      groups.push([w.concept]);
      slot.push({ concept: w.concept, at: w.at ?? 'noun' });
    }
    for (const w of frame.clause) context.add(w.concept);
  }
  // A date's quote has no noun at its figure ("approved the filter plant on February 20"): with no keywords either, the
  // things its clause names are what the date is of.
  if (frame && !frame.slot.length && !fact.keywords.length && !fact.aliases.length && !curated?.measure)
    for (const w of frame.clause)
      if (classOf(k.terms, w.concept) !== 'event' && !/(?:ed|ing|ly)$/.test(w.concept) && !measure.has(w.concept)) {
        measure.add(w.concept);
        groups.push([w.concept]);
      }
  for (const phrase of [...fact.keywords, ...fact.aliases, ...(curated?.measure ?? [])]) {
    // "first quarter", "Q1": when the sum was counted, which a sum of another kind in that quarter shares.
    const all = [...new Set(wordsOutsideNames(k, phrase))];
    const concepts = all.filter((c) => !(sumOrRate && QUARTER_WORDS.has(c)));
    for (const c of all) if (!concepts.includes(c)) context.add(c);
    if (!concepts.length) continue;
    const light = phraseWords(phrase).filter((w) => LIGHT.has(w));
    groups.push(light.length ? [...concepts, ...light.map((w) => `=${w}`)] : concepts);
    for (const c of concepts) measure.add(c);
  }
  for (const c of conceptsOfPhrase(k, fact.subject)) context.add(c);
  // Words, or the id of a term ("take-office", a fact base's own or a built-in one): the id is that concept, not its words.
  if (curated?.event) for (const c of curated.event) for (const e of k.terms.classes.has(c) ? [c] : conceptsOfPhrase(k, c)) events.add(e);
  // "through Feb. 8": the day something lasts until is an end (see `Frame.until`).
  else if (frame?.until) events.add(END_EVENT);
  else if (frame && claim) {
    // The event a dated fact records is the one nearest its date in the quote ("imposed" in "On
    // February 1, he imposed ..."), with its other half when the quote names a reversal ("the lifting of a ban").
    const distance = (t: number) => (t < claim.firstToken ? claim.firstToken - t : t - claim.lastToken);
    const found = [...frame.slot, ...frame.clause].filter((w) => classOf(k.terms, w.concept) === 'event').sort((a, b) => distance(a.token) - distance(b.token));
    if (found.length) {
      events.add(found[0].concept);
      for (const w of found) if (areOpposite(k.terms, found[0].concept, w.concept)) events.add(w.concept);
      // "announced that it had annulled the fine": the date is the announcement's and the annulment's, which a draft may name
      // alone. What was announced may stand past the date's clause, in the rest of its sentence.
      if (REPORTING_EVENTS.has(found[0].concept)) {
        const reported = reportedEvent(x, k, claim.sentence, found[0].token);
        if (reported) events.add(reported);
        // "announced its decision on May 15", for a fact the curator words as an approval: what was announced is the event
        // the fact's own words name. Not where an event still to come follows ("announced it would approve"), which the
        // date is not the day of.
        else if (!aheadAfter(x, k, claim.sentence, found[0].token))
          for (const c of measure) if (classOf(k.terms, c) === 'event' && !REPORTING_EVENTS.has(c)) events.add(c);
      }
    }
  }
  if (!events.size) for (const c of [...measure, ...context]) if (classOf(k.terms, c) === 'event') events.add(c);
  // Keyword measure words are measure words even if the quote uses them only in passing.
  for (const c of measure) context.delete(c);

  const befell: Befell[] = [];
  if (fact.quantity.kind === 'count') {
    if (frame?.befell) befell.push(frame.befell);
    // Lower-case participles only: not "Fed" or "United", nor "hundred" or "speed".
    for (const phrase of [...fact.keywords, ...(curated?.measure ?? [])])
      for (const t of tokenize(phrase))
        if (t.type === 'word' && /^[a-z]{3,}[^e]ed$/.test(t.text) && t.text !== 'hundred' && !isStopword(t.lower)) befell.push(befellOf(t.lower, k.terms));
  }
  const holders = new Set<string>();
  const givers = new Set<string>();
  const targets = new Set<string>();
  const places = new Set<string>();
  const listed = new Set<string>();
  const targetWords = new Set<string>();
  const joint = new Set<string>();
  /** People the quote has saying it ("McKenzie said ...", "said Gen. Frank McKenzie"): its source, not its parties. */
  const speakers = new Set<string>();
  const g = k.gazetteer;
  const curatedNames = new Set(fact.entities.map((n) => entityOf(k, n)));
  const names = new Set<string>(curatedNames);
  if (frame && claim) {
    for (const p of frame.participants) {
      if (p.role === 'target') targets.add(p.entity);
      // A place counts as the event's only at the figure ("the Geneva talks") or when the curator lists it.
      else if (p.role === 'place') {
        if (p.near || curatedNames.has(p.entity)) places.add(p.entity);
      } else if (p.role === 'mention') listed.add(p.entity);
      else {
        holders.add(p.entity);
        if (GIVER_ROLES.has(p.role)) givers.add(p.entity);
      }
    }
    for (const w of frame.targetWords) targetWords.add(w.concept);
    // A sum split among several parties of one kind, each named as whose or to whom it goes: not a joint action ("the U.S. and China agreed").
    if (claim.kind === 'money' || claim.kind === 'count')
      for (const role of ['recipient', 'possessor'] as const) {
        const of = frame.participants.filter((q) => q.role === role && PARTY_KINDS.has(kindOf(g, q.entity)));
        for (const q of of) if (of.some((o) => o.entity !== q.entity && kindOf(g, o.entity) === kindOf(g, q.entity))) joint.add(q.entity);
      }
    for (const m of sentenceMentions(x, k, claim.sentence)) names.add(m.entity);
    // Anywhere in the quote, which the reading may split at a semicolon or a dash.
    for (let i = 0; i < x.sentences.length; i++)
      for (const m of sentenceMentions(x, k, i)) if (m.kind === 'person' && !m.possessive && saysIt(x.tokens, m)) speakers.add(m.entity);
  }
  // The curator's own wording says who holds and who bears it too: "tariffs on Chinese imports", "Trump's tariffs".
  const keywordNames = new Set<string>();
  for (const phrase of [fact.subject, ...fact.aliases, ...fact.keywords]) {
    const tokens = tokenize(phrase);
    for (const m of findMentions(g, tokens, 0, tokens.length - 1, { sentenceFirst: 0 })) {
      names.add(m.entity);
      // A programme or product among the keywords, not a party.
      if (phrase !== fact.subject && (m.kind === 'programme' || m.kind === 'name')) keywordNames.add(m.entity);
      if (holders.has(m.entity) || targets.has(m.entity) || places.has(m.entity)) continue;
      if (goodsAfter(k, tokens, m.last)) targets.add(m.entity);
      else if (m.possessive) holders.add(m.entity);
    }
  }
  for (const name of fact.entities) {
    const e = entityOf(k, name);
    if (holders.has(e) || targets.has(e) || places.has(e)) continue;
    if (PLACE_KINDS.has(kindOf(g, e))) places.add(e);
    else listed.add(e);
  }
  if (curated?.holder) {
    holders.clear();
    for (const n of curated.holder) holders.add(entityOf(k, n));
  }
  if (curated?.target) {
    targets.clear();
    for (const n of curated.target) targets.add(entityOf(k, n));
  }
  if (curated?.place) {
    places.clear();
    for (const n of curated.place) places.add(entityOf(k, n));
  }
  for (const e of [...holders, ...targets, ...speakers]) listed.delete(e);
  // A name on both sides in the quote is a holder ("China's tariffs on Chinese ..." never happens; "U.S." twice does).
  for (const e of holders) targets.delete(e);

  const times: PartialDate[] = [parseIsoDate(fact.asOf)];
  if (fact.quantity.date) times.push(fact.quantity.date);
  if (fact.quantity.kind === 'year') times.push({ year: fact.quantity.lo });
  const datedTimes = times.length;
  if (frame) times.push(...frame.times);
  for (const phrase of [fact.subject, ...fact.aliases, ...fact.keywords]) {
    for (const m of phrase.matchAll(/\b(19\d\d|20\d\d)\b/g)) times.push({ year: Number(m[1]) });
  }
  // A rate per period, as the quote gives it or, failing that, as the curator's counted noun does ("barrels per day").
  const period = frame?.perPeriod ? frame.period : (fact.quantity.nouns ?? []).map(periodOfNoun).find((p) => p !== undefined);
  return {
    fact,
    id,
    vote: voteOf(x.claims, claim),
    // Only a quote of several figures can have siblings or a vote to weigh them against (see the sibling rule).
    quoteFigures: x.claims.length > 1 ? x.claims.map((c) => c.quantity) : NO_FIGURES,
    partitive: frame?.partitive ?? false,
    someplaces: frame?.someplaces ?? false,
    placeNouns: x.tokens.some((t) => t.type === 'word' && PLACE_NOUNS.has(t.lower)),
    tally: claim?.tally,
    measure: compact(measure),
    groups,
    context: compact(context),
    eventsCurated: !!curated?.event,
    quoteWords: compact(new Set(frame ? [...frame.slot, ...frame.clause].map((w) => w.concept) : [])),
    events: compact(events),
    slot,
    distinctive: NONE,
    unique: NONE,
    holders: compact(holders),
    givers: compact(givers),
    targets: compact(targets),
    joint: compact(joint),
    listed: compact(listed),
    places: compact(places),
    targetWords: compact(targetWords),
    names: compact(names),
    keywordNames: compact(keywordNames),
    markers: NONE,
    times,
    datedTimes,
    quarters: frame?.quarters ?? [],
    befell: befell.length ? befell : NO_BEFELL,
    oneDay: frame?.oneDay ?? false,
    overSpan: frame?.overSpan,
    window: frame?.window,
    within: frame?.within,
    onTimeline: false,
    pointWords: NO_WORDS,
    modality: curated?.modality ?? frame?.modality ?? 'fact',
    aspect: curated?.aspect === 'change' || curated?.aspect === 'prior' || curated?.aspect === 'level' ? curated.aspect : (frame?.aspect ?? 'level'),
    increment: curated?.aspect === 'additional' || curated?.aspect === 'total' ? curated.aspect : frame?.increment,
    distinct: frame?.distinct !== undefined,
    distinctWords: distinctWords(fact, curated),
    // A sum only: a year or date of a thing is its own, and a count of packages is not one of them.
    instance: claim !== undefined && fact.quantity.kind === 'money' && instanceOf(x.tokens, claim, slot, k),
    perPeriod: period !== undefined,
    running: frame?.running ?? false,
    period,
    siblings: NO_SIBLINGS,
  };
}
