/**
 * A figure's frame, read from its clause: what it measures (the words it qualifies or that
 * govern it), who holds it, what it falls on, where and when, and how it is put (as a fact, an
 * intention or a possibility; as a level, a change, an earlier level or a gap).
 *
 * The same reading serves drafts and fact bases: a fact's frame is read from its own quote.
 * It is written by hand over tokens rather than with a tagger (see the README for the
 * measurement): positions and a few English function words carry most of it, fast enough
 * to run on every candidate figure of a megabyte draft.
 */
import type { EntityKind } from '../factbase/schema';
import {
  findMentions,
  type Gazetteer,
  excludedNames,
  kindOf,
  knownNames,
  type Mention,
  opensSentence,
  PARTY_KINDS,
  PLACE_KINDS,
  titleEndingAt,
} from '../knowledge/gazetteer';
import { classOf, conceptOf, conceptsOf, isTermPhrase, particleConcept, type Terms } from '../knowledge/terms';
import type { PartialDate } from '../quantity';
import { isIrregularPast, isStopword, stem, type Token, tokenize, WEEKDAYS, withoutPossessive } from '../text/tokens';
import {
  analysis,
  impliedYear,
  yearSetHere,
  inAnyClaim,
  isWord,
  markAtOrAfter,
  markAtOrBefore,
  sentenceOf,
  timeScopeOf,
  timesInSentence,
  timesNear,
} from './analysis';
import type { Claim, Extraction } from './extract';
import {
  incrementOf,
  DEGREE,
  SUBORDINATORS,
  AS_NOT_CLAUSE,
  CLOCK,
  COMPOSITION,
  PRIOR_AFTER_PREPOSITIONS,
  PRIOR_OF,
  ALL_PREPOSITIONS,
  PREPOSITIONAL_PARTICIPLES,
  DATE_TELLING,
  PLACE_NOUNS,
  PLACE_OPENERS,
  SOME_OF,
  BACK_NOUN_KINDS,
  BACK_PRONOUNS,
  BOTH_SIDES,
  CHANGE_NOUNS,
  CHANGE_VERBS,
  MOVE_VERBS,
  COMPARISON,
  DETERMINERS,
  DISTINCT,
  DOCUMENTS,
  EXCESS_AFTER,
  ANNOUNCING,
  FINDING,
  IRREGULAR_PAST,
  FINITE_AUXILIARIES,
  GAP_AFTER,
  HYPOTHETICAL,
  INTENT,
  LIGHT,
  PARTICIPLES,
  LINKERS,
  PLACE_PREPOSITIONS,
  PRIOR_BEFORE,
  PRIOR_PAIRS,
  RECIPIENT_PREPOSITIONS,
  RELATIVES,
  REPORTED_FUTURE,
  REPORTING,
  RUNNING,
  SCHEDULED,
  thatAfterSaying,
  TARGET_PREPOSITIONS,
  TOTAL,
} from './grammar';

/** The knowledge a frame is read with: names and terms. */
export interface Knowledge {
  gazetteer: Gazetteer;
  terms: Terms;
}

/** How a name stands to a figure. */
export type Role =
  /** "China's $200 billion", "U.S. tariffs of 145%": holds the measure. */
  | 'possessor'
  /** The clause's subject: "Beijing answered with a 15% duty". */
  | 'subject'
  /** After "by": "imposed by Washington". */
  | 'agent'
  /** A name after the verb: "awarded Intel $8.5 billion". */
  | 'object'
  /** After "for" or "to": "$6.6 billion for TSMC". */
  | 'recipient'
  /** What the measure falls on: "on Chinese goods", "American imports". */
  | 'target'
  /** Where: "talks in Geneva", "the London meeting". */
  | 'place'
  /** The subject of the sentence's main clause, when the figure's own clause names no one. */
  | 'sentence'
  /** Named before, and pointed back at by the clause ("its MI308 chips", "it says it will impose"). */
  | 'referent'
  /** Named in an earlier sentence of the paragraph, when this clause points back ("it", "the company"). */
  | 'inherited'
  /** Named in the clause in no role that bears on the figure ("of Asia-Pacific leaders", "at Trump's inauguration"). */
  | 'mention';

/** A name as it stands to the figure. */
export interface Participant {
  entity: string;
  role: Role;
  /** First token of the mention (-1 for one named outside the clause). */
  token: number;
  /** Named in the figure's own phrase ("levies on Chinese imports are 10%"), not only elsewhere in its clause. */
  near?: boolean;
}

/** A content word near the figure, as its concept. */
export interface FrameWord {
  concept: string;
  token: number;
  /** For a slot word: the noun the figure qualifies ("$200 billion purchase commitment"), a purpose ("for broadband"), the noun phrase that links to it ("tariffs of 30%", "the dam will cost"), or the verb that governs it. */
  at?: SlotPlace;
}

export type Modality = 'fact' | 'intent' | 'hypothetical';
/** level: an amount; change: the size of a rise or fall; prior: an earlier level; gap: the difference between two amounts. */
export type Aspect = 'level' | 'change' | 'prior' | 'gap';

export interface Frame {
  /** Words the figure measures or that govern it: "$200 billion purchase commitment", "tariffs of 30%", "cost $31 billion". */
  slot: FrameWord[];
  /** The clause's other content words. */
  clause: FrameWord[];
  /** When the clause points back with a pronoun ("before it expires"), the content words of the sentence before it. */
  antecedent: FrameWord[];
  /** Words of the phrases the measure falls on: "on American coal" → coal. */
  targetWords: FrameWord[];
  participants: Participant[];
  /** Names the clause says its things are not ("non-Chinese imports", "non-Pell recipients"). */
  excluded: string[];
  /** "the two sides", "both countries": the parties the paragraph named. */
  bothSides: boolean;
  /** Dates and years that apply to the figure (not the figure itself). */
  times: PartialDate[];
  /** Those of them that are only points of comparison ("above its 2017 levels"): they may agree with a fact, never rule one out. */
  baselineTimes: PartialDate[];
  /** Times in a relative clause about a noun before the figure, with that noun's concept ("the attack that took place on ..."). */
  relativeTimes: Array<{ date: PartialDate; of: string }>;
  /** Dates that name what a change replaced: "amended the Feb. 4 tariffs, boosting them to 20%". The figure is not of that time. */
  replacedTimes: PartialDate[];
  /** Those of its times that only say when the text was written ("this week", "this month"). */
  nowTimes: PartialDate[];
  /** Dates and years anywhere in the sentence. */
  sentenceTimes: PartialDate[];
  /** The quarters of a year the clause names ("the fourth quarter of 2018", "first-quarter earnings", "Q1 2019"). */
  quarters: Quarter[];
  /** For a count, what befell the things counted, right after them: "21,000 flights were delayed" → delayed. */
  befell?: Befell;
  /** For a count, an adverb of degree on what befell its things: "severely damaged three hospitals" → severely. */
  degree?: string;
  /** For a count, a second thing it counts, joined to its noun by "and": "177 passengers and crew" → crew. */
  alsoCounts?: FrameWord;
  /** The clause puts the figure on one day: "On Saturday", "on July 22", "on the same day that". */
  oneDay: boolean;
  /** The span the figure is a total over, as its clause words it: "over a five-day period", "over 12 days". */
  overSpan?: string;
  /** For a date or year, the name of the thing it closes: "the Hillsborough Stadium disaster in 1989" → Hillsborough Stadium. */
  dateOf?: string;
  /** For a date, the tokens of a thing whose own date the clause tells of: "announced the date of the election on May 22". */
  otherDated?: [number, number];
  /** For a length of time, a span things happen within: "in his first 100 days", "within the next 90 days", "for the first 100 days". */
  within?: boolean;
  /** A span of hours the figure is what happened within, as its clause words it: "within 12 hours", "between 3:00am and 3:00pm". */
  window?: string;
  /** The sentence marks itself as history ("initially"). */
  historical: boolean;
  /** The year the text has set by the figure ("In 2018, ...", a dateline, an earlier paragraph's), when one has. */
  impliedYear?: number;
  /** That year was set in the figure's own paragraph ("The February 14, 2020 implementation ... Tariffs remain at 19.3 percent"). */
  impliedHere: boolean;
  /** Said of the present: "now", "currently", "are 30%", "remains". */
  present: boolean;
  /** Said of the time up to now, in the present perfect: "has secured", "have spent". */
  toNow: boolean;
  /** Said of what is still to come: "will", "set to expire", "due to restart". */
  ahead: boolean;
  /** A rate per period ("$40 billion a year", "annually"), not an amount. */
  perPeriod: boolean;
  /**
   * A running total, as it stood when written: "have filed 500,000 claims", "to date", "so far"; or a state the sentence
   * gives as of a day ("As of Aug. 14, the fire was 85% contained"), which another day may have changed.
   */
  running: boolean;
  /** A date something lasts until ("funding through Feb. 8", "until March 1"): its event is an end, whatever the clause did. */
  until?: boolean;
  /** For a rate, its period: "year", "month", "week", "day", "quarter". */
  period?: string;
  /** A part of something named before: "$80 billion of those purchases". */
  partitive: boolean;
  /** The clause holds the figure to some places only: "In these areas, the vote share dropped to 13%", "in many counties". */
  someplaces: boolean;
  /** The clause speaks of a rise before the figure ("increase purchases by $200 billion"): a change upward, an addition. */
  rising: boolean;
  modality: Modality;
  /** The word that made the figure an intention or a possibility. */
  modalToken?: number;
  aspect: Aspect;
  /** Marked as on top of another figure ("an additional $200 billion") or as a sum ("in total purchases"). */
  increment?: 'additional' | 'total';
  /** The word by which the writer sets the figure apart ("a separate pledge", "another $50 billion"), lower-case. */
  distinct: string | undefined;
  /** Token range of the clause the frame was read from. */
  clauseRange: [number, number];
  /** When the clause lists figures of the figure's kind, the token range of this figure's own item; else the clause's. */
  stretch: [number, number];
}

/** How far (in words) from the figure its clause is read, by kind. Years are read only where they name the thing directly ("the 2020 deal"). */
const WINDOW: Record<string, number> = { year: 10, date: 14, default: 16 };

const LIGHT_STEMS = new Set([...LIGHT].map(stem));
/** Words before a date something lasts until: "through Feb. 8" (see `Frame.until`). */
export const UNTIL: ReadonlySet<string> = new Set(['through', 'thru', 'until', 'till']);
/** What "over" opens when it spreads a figure across a span: "over eight quarters", "over a decade", "over several years". */
const SPAN_OPENERS = new Set(['a', 'an', 'several', 'many', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twelve', 'twenty']);
const SPAN_THE = new Set(['next', 'past', 'coming', 'last', 'life', 'course', 'period']);
/** The periods such a span counts, right after its number or one word later ("eight quarterly periods"). */
const SPAN_PERIODS = new Set([
  'year',
  'years',
  'month',
  'months',
  'quarter',
  'quarters',
  'week',
  'weeks',
  'day',
  'days',
  'decade',
  'decades',
  'periods',
  'period',
]);
const PERIODS = new Set(['year', 'month', 'week', 'day', 'quarter']);
/** The words before a period that opens a sentence as a rate's: "On any given day", "In a typical year". */
const RATE_DETERMINERS = new Set(['a', 'an', 'any', 'each', 'every']);
const RATE_ADJECTIVES = new Set(['given', 'typical', 'average', 'normal', 'ordinary']);
/** After "of", words that make a figure a part of something named before: "of those purchases", "of the total". */
const PARTITIVE = new Set(['those', 'these', 'that', 'this']);
const FUTURE = new Set(['will', 'would', 'could', 'might', "'ll", 'shall', "won't", "wouldn't", "couldn't", 'won’t', 'wouldn’t', 'couldn’t']);
/**
 * The words of another date's thing that a date's clause names before it, as what was told: "announced the date of the
 * 2024 general election on May 22, 2024" names the election's date, and May 22 is the day it was announced. [from, to] of
 * "the 2024 general election", or undefined. Only after a verb that tells a date ("announced", "revealed"): "set the date
 * for the opening on June 11" may well be the opening's day. Not "the date of the election is July 4" either.
 */
function dateToldBefore(tokens: Token[], ca: number, claim: Claim): [number, number] | undefined {
  const on = claim.firstToken - 1;
  if (wordAt(tokens, on) !== 'on') return undefined;
  for (let i = on - 1; i > ca && i >= on - 10; i--) {
    if (tokens[i].type !== 'word' && tokens[i].type !== 'num') return undefined;
    const w = wordAt(tokens, i);
    if ((w === 'date' || w === 'dates') && (wordAt(tokens, i + 1) === 'of' || wordAt(tokens, i + 1) === 'for')) {
      const verb = wordAt(tokens, DETERMINERS.has(wordAt(tokens, i - 1) ?? '') ? i - 2 : i - 1);
      return i + 2 < on && DATE_TELLING.has(verb ?? '') ? [i + 2, on - 1] : undefined;
    }
  }
  return undefined;
}

/**
 * Where the main clause starts, when the sentence opens with a participle phrase that holds the figure ("Facing 11 felonies
 * for wire fraud, Schmidt pleaded guilty", "Charged with ..."): the token after the phrase's comma. A participle that
 * works as a preposition ("Including $5 billion for rail, the bill ...", "According to ...") opens no such phrase.
 */
function subjectAfterOpeningParticiple(tokens: Token[], ca: number, claim: Claim): number | undefined {
  const first = tokens[ca];
  if (first?.type !== 'word' || !/^[A-Z][a-z]+(?:ing|ed)$/.test(first.text) || (ca > 0 && tokens[ca - 1].type === 'word')) return undefined;
  if (ALL_PREPOSITIONS.has(first.lower) || PREPOSITIONAL_PARTICIPLES.has(first.lower)) return undefined;
  // A verb in the past or a finite auxiliary before the comma makes the opening word a gerund subject ("Funding for the
  // plant reached $300 million, filings show"), not a participle phrase.
  const finite = (t: Token) =>
    t.type === 'word' && t.text === t.lower && (FINITE_AUXILIARIES.has(t.lower) || t.lower.endsWith('ed') || isIrregularPast(t.lower));
  for (let i = ca + 1; i < claim.firstToken; i++) if (tokens[i].text === ',' || finite(tokens[i])) return undefined;
  for (let i = claim.lastToken + 1; i < tokens.length && i < claim.lastToken + 40; i++) {
    if (tokens[i].type === 'word' && !finite(tokens[i])) continue;
    return tokens[i].text === ',' ? i + 1 : undefined;
  }
  return undefined;
}

/** Words that open an introductory clause: "When Washington and Beijing signed ..., China promised ...". */
const SUBORDINATE_OPENERS = new Set([
  'when',
  'after',
  'before',
  'since',
  'as',
  'while',
  'if',
  'although',
  'though',
  'because',
  'once',
  'until',
  'whereas',
  'unless',
]);
/** After a capital, words that show it is the subject acting ("Beijing also slaps", "Washington imposed"). */
const SUBJECT_NEXT = new Set([
  'will',
  'would',
  'could',
  'can',
  'may',
  'might',
  'has',
  'had',
  'have',
  'is',
  'was',
  'also',
  'then',
  'again',
  'now',
  'quickly',
  'swiftly',
  'later',
  'soon',
  'responded',
  'retaliated',
]);
/** A day of the week, or the weekend. */
const WEEK_DAYS: ReadonlySet<string> = new Set([...WEEKDAYS, 'weekend']);
const QUOTE_MARKS = new Set(['"', '“', '”', "'", '‘', '’']);
/** Words that make a figure a rate, and the period each names. */
const PER_PERIOD = new Map([
  ['annually', 'year'],
  ['yearly', 'year'],
  ['annual', 'year'],
  ['monthly', 'month'],
  ['weekly', 'week'],
  ['daily', 'day'],
]);
/** Words that put a clause in the present: a timeline's current figure. */
const PRESENT = new Set(['now', 'currently', 'today', 'presently', 'is', 'are', 'remain', 'remains', 'stand', 'stands', 'still']);
/** Verbs that put what follows in the past: "were still blazing". */
const PAST_AUXILIARIES = new Set(['was', 'were', 'had', 'did']);
/** Words of a stated range or level between a noun and its figure: "in the range of", "at a level of". */
const RANGE_WORDS = new Set(['range', 'level', 'region', 'order', 'tune']);
/** Between a verb and what it is said of: "the highway will cost", "a dam estimated to cost". */
const AUXILIARIES = new Set([
  'will',
  'would',
  'could',
  'can',
  'may',
  'might',
  'shall',
  'should',
  'must',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  'has',
  'have',
  'had',
  'do',
  'does',
  'did',
  'to',
  'not',
  'also',
  'already',
  'still',
  'now',
  'estimated',
  'expected',
  'set',
  'projected',
  'due',
]);
/** Kinds a place preposition makes a place: "in Ohio", "in China", "in Lordstown". */
const LOCATION_KINDS = new Set(['city', 'place', 'country', 'state', 'region', 'name']);
const INTENT_STEMS = new Set([...INTENT].map(stem));

/** Per-extraction data that depends on the knowledge: names per sentence, and the sentence subjects. */
interface Named {
  knowledge: Knowledge;
  mentions: Array<Mention[] | undefined>;
  capitalised?: Set<string>;
  /** The subject of each sentence, for later sentences that name no one; null when it has none. */
  subjects: Array<string | null | undefined>;
  /** Names nobody listed, asked about (see `paragraphNames`). */
  unlisted?: Map<string, boolean>;
  /** Every listed name of the extraction (see `paragraphNames`). */
  listed?: Set<string>;
  /** Per sentence, the mention covering each token. */
  mentionAt: Array<Map<number, Mention> | undefined>;
  /** Per token, the concept of its content word (phrases read within the sentence); filled per sentence on first use. */
  concepts: Array<string | undefined>;
  /** Sentences whose concepts are filled. */
  conceptsDone: Uint8Array;
  /** Per token, its clause word (see `readFrame`), shared by the frames of its sentence. */
  words: Array<FrameWord | undefined>;
  /** See `frameStamps`. */
  stamps?: { marks: Int32Array; current: number };
}

function named(x: Extraction, k: Knowledge): Named {
  const d = analysis(x);
  let n = d.named as Named | undefined;
  if (!n || n.knowledge !== k)
    d.named = n = {
      knowledge: k,
      mentions: [],
      subjects: [],
      mentionAt: [],
      concepts: new Array(x.tokens.length),
      words: [],
      conceptsDone: new Uint8Array(x.sentences.length),
    };
  return n;
}

/** Words written with a capital somewhere other than a sentence's start: a capital at the start alone does not make a name. */
function capitalisedElsewhere(x: Extraction, n: Named): Set<string> {
  if (!n.capitalised) {
    const set = new Set<string>();
    for (const [a, b] of x.sentences) {
      for (let i = a + 1; i <= b; i++) {
        const t = x.tokens[i];
        const prev = x.tokens[i - 1];
        if (t.type !== 'word' || prev.type === 'break' || (prev.type === 'sym' && /^[.!?:"“(]$/.test(prev.text)) || opensSentence(x.tokens, a, i)) continue;
        const c = t.text.charCodeAt(0);
        if ((c >= 65 && c <= 90) || (c > 127 && /^\p{Lu}/u.test(t.text))) set.add(withoutPossessive(t.lower));
      }
    }
    n.capitalised = set;
  }
  return n.capitalised;
}

/** Tokens [from, to] cut to the claim's window: so many words either side of the figure, by its kind. */
function inWindow(x: Extraction, claim: Claim, from: number, to: number): [number, number] {
  const d = analysis(x);
  const w = WINDOW[claim.kind] ?? WINDOW.default;
  const wb = d.wordsBefore[claim.firstToken];
  const wa = d.wordsBefore[claim.lastToken + 1];
  return [wb - w > d.wordsBefore[from] ? d.wordPos[wb - w] : from, wa + w - 1 < d.wordsBefore[to + 1] ? d.wordPos[wa + w - 1] : to];
}

/**
 * The concepts a frame of the claim can hold, worked out without reading it: those of the words
 * within the frame's window, and of the sentence before them when the window points back ("it",
 * "they"). Every word the frame lists is among them, so a fact none of whose measure phrases is
 * wholly here cannot pass the measure rule.
 */
export function conceptsNear(x: Extraction, claim: Claim, k: Knowledge): string[] {
  const concepts = sentenceTokenConcepts(x, k, claim.sentence);
  const [sa, sb] = x.sentences[claim.sentence] ?? [claim.firstToken, claim.lastToken];
  let [lo, hi] = inWindow(x, claim, sa, sb);
  if (lo > sa && pointsBack(x.tokens, lo, claim.firstToken, true)) lo = sa;
  const out: string[] = [];
  for (let i = lo; i <= hi; i++) {
    const c = concepts[i];
    if (c !== undefined) out.push(c);
  }
  // A timeline's date heading takes the words of the entry below it (see `readFrame`).
  const entry = claim.kind === 'date' ? entryBelow(x, claim) : undefined;
  if (entry !== undefined) {
    const below = sentenceTokenConcepts(x, k, entry);
    const [ea, eb] = x.sentences[entry];
    for (let i = ea; i <= eb; i++) if (below[i] !== undefined) out.push(below[i]!);
  }
  return out;
}

/**
 * The sentence a date heads when it stands alone on its line, as a timeline writes "Oct. 26" over its entry: the next
 * sentence, if the date's own sentence holds nothing else but punctuation. Else undefined.
 */
function entryBelow(x: Extraction, claim: Claim): number | undefined {
  const [a, b] = x.sentences[claim.sentence] ?? [claim.firstToken, claim.lastToken];
  for (let i = a; i <= b; i++) if ((i < claim.firstToken || i > claim.lastToken) && x.tokens[i].type === 'word') return undefined;
  const next = claim.sentence + 1;
  // Only on a line of its own: a line break between the date and the entry.
  if (next >= x.sentences.length || !x.tokens.slice(b + 1, x.sentences[next][0] + 1).some((t) => t.type === 'break')) return undefined;
  return next;
}

/** Whether another figure of the claim's kind stands between it and token `to`, after it in its sentence. */
function sumBetween(x: Extraction, claim: Claim, to: number): boolean {
  return (x.claimsBySentence[claim.sentence] ?? []).some((o) => o !== claim && o.kind === claim.kind && o.firstToken > claim.lastToken && o.lastToken < to);
}

/** The names of a sentence by token. */
interface MentionAt {
  get(i: number): Mention | undefined;
  has(i: number): boolean;
}

function sentenceMentionAt(x: Extraction, k: Knowledge, sentence: number): Map<number, Mention> {
  const n = named(x, k);
  let m = n.mentionAt[sentence];
  if (!m) {
    m = n.mentionAt[sentence] = new Map();
    for (const mention of sentenceMentions(x, k, sentence)) for (let i = mention.first; i <= mention.last; i++) m.set(i, mention);
  }
  return m;
}

/** Whether the words of a name stand in the tokens in order, the first capitalised. */
function namesWords(tokens: Token[], words: string[]): boolean {
  for (let i = 0; i + words.length <= tokens.length; i++) {
    if (withoutPossessive(tokens[i].lower) !== words[0] || !/^\p{Lu}/u.test(tokens[i].text)) continue;
    let k = 1;
    while (k < words.length && withoutPossessive(tokens[i + k].lower) === words[k]) k++;
    if (k === words.length) return true;
  }
  return false;
}

/**
 * Whether the extraction (one paragraph) names an entity. Listed names are found by a quick pass
 * over the paragraph (or, when it names none, are those it carries on from an earlier one); a name
 * nobody listed ("name:zhu min") by its words, capitalised, in order.
 */
export function paragraphNames(x: Extraction, k: Knowledge, entity: string): boolean {
  const n = named(x, k);
  if (entity.startsWith('name:')) {
    n.unlisted ??= new Map();
    let found = n.unlisted.get(entity);
    if (found === undefined) n.unlisted.set(entity, (found = namesWords(x.tokens, entity.slice(5).split(' '))));
    return found;
  }
  const listed = listedNames(x, k);
  return listed.size ? listed.has(entity) : (x.carriedNames?.has(entity) ?? false);
}

/** The listed names (entity ids) of the extraction, found by a quick pass over it. */
export function listedNames(x: Extraction, k: Knowledge): ReadonlySet<string> {
  const n = named(x, k);
  if (!n.listed) {
    const listed = new Set<string>();
    for (const [a, b] of x.sentences) knownNames(k.gazetteer, x.tokens, a, b, listed);
    n.listed = listed;
  }
  return n.listed;
}

/**
 * The names the paragraph after this one goes on about, if it names none: those of this paragraph's last sentence that
 * names any listed name, else those this one carried on. Read from the last sentence back, so a check pays for a
 * sentence or two per paragraph, not for every name in it.
 */
export function namesCarried(x: Extraction, k: Knowledge): ReadonlySet<string> | undefined {
  for (let s = x.sentences.length - 1; s >= 0; s--) {
    const [a, b] = x.sentences[s];
    const found = new Set<string>();
    knownNames(k.gazetteer, x.tokens, a, b, found);
    if (found.size) return found;
  }
  return x.carriedNames;
}

/** The names in a sentence, found once however many figures it holds. */
export function sentenceMentions(x: Extraction, k: Knowledge, sentence: number): Mention[] {
  const n = named(x, k);
  let m = n.mentions[sentence];
  if (!m) {
    const [a, b] = x.sentences[sentence] ?? [0, -1];
    m = n.mentions[sentence] = findMentions(k.gazetteer, x.tokens, a, b, {
      sentenceFirst: a,
      capitalisedElsewhere: (w) => capitalisedElsewhere(x, n).has(w),
    }).filter(
      // A phrase of the terms written with capitals ("got its Royal Assent") is what the term names, not a name.
      (mention) => mention.known || !isTermPhrase(k.terms, x.tokens, mention.first, mention.last),
    );
  }
  return m;
}

/**
 * Whether the "that" at token `at` follows a verb of saying or finding, right before it or past whom it was said to ("told
 * MPs that", "told the committee that"): it opens what was said.
 */
function toldBefore(tokens: Token[], at: number, from: number): boolean {
  for (let i = at - 1; i >= from && i >= at - 5; i--) if (thatAfterSaying(tokens, i) === at) return true;
  return false;
}

/** Whether the "by" at token `by` follows a passive verb ("was watched by", "been seen by"), not a change's verb. */
function passiveBefore(tokens: Token[], by: number): boolean {
  const v = wordAt(tokens, by - 1);
  if (v === undefined || CHANGE_VERBS.has(v) || !(/(?:ed|en)$/.test(v) || isIrregularPast(v))) return false;
  const aux = wordAt(tokens, by - 2);
  return aux !== undefined && /^(?:was|were|been|is|are|be|being|got|get|gets)$/.test(aux);
}

/** Whether token i is a verb of saying in the past ("said", "insisted"), not a noun of its form ("the states", "according"). */
function saidInPast(tokens: Token[], i: number): boolean {
  const w = wordAt(tokens, i);
  if (w === undefined || !REPORTING.has(w) || !(/ed$/.test(w) || w === 'said' || w === 'told' || w === 'wrote')) return false;
  const before = wordAt(tokens, i - 1);
  return before === undefined || !(DETERMINERS.has(before) || ALL_PREPOSITIONS.has(before));
}

/** Token i, or the one before the day of the week that token i ends ("Friday," in "until Friday, Dec. 20"). */
function pastWeekday(tokens: Token[], i: number): number {
  if (tokens[i]?.text === ',' && WEEK_DAYS.has(wordAt(tokens, i - 1) ?? '')) return i - 2;
  return WEEK_DAYS.has(wordAt(tokens, i) ?? '') ? i - 1 : i;
}

/** The word before token i, lower-cased, skipping nothing; undefined when it is not a word. */
function wordAt(tokens: Token[], i: number): string | undefined {
  const t = tokens[i];
  return t && t.type === 'word' ? t.lower : undefined;
}

/**
 * The clause a figure stands in: between the clause breaks around it. A date or figure that
 * opens a line and is followed by a dash or colon ("March 4 – further duties take effect")
 * takes the clause after it, which says what happened then.
 */
function clauseOf(x: Extraction, claim: Claim): [number, number] {
  const d = analysis(x);
  const [sFirst, sLast] = sentenceOf(x, claim);
  const [around, clauseEnd] = clauseAround(x, claim.firstToken, claim.lastToken, sFirst, sLast);
  const from = pastAside(x.tokens, around, claim.firstToken);
  // "discovered in late July that the breach occurred on May 13": what "that" opens after a date is what was found or said,
  // another clause with events of its own.
  // ("It was not until June 10 that the dam opened" is a cleft: what follows "that" is the date's own event.)
  // "in July 2005, the month before Hurricane Katrina hit": the event an appositive counts from is not the date's own either.
  const after = claim.lastToken + 1;
  const to =
    claim.kind === 'date' &&
    clauseEnd > claim.lastToken &&
    ((x.tokens[after].lower === 'that' && !cleftBefore(x.tokens, from, claim.firstToken)) ||
      // Not a date that opens its clause ("On June 10, a day after the vote, the dam opened"): its clause follows the appositive.
      (d.wordsBefore[claim.firstToken] - d.wordsBefore[from] >= 3 && offsetAppositive(x.tokens, after)))
      ? claim.lastToken
      : clauseEnd;
  // Past the emphasis that closes a timeline's date: "**1 July 2016** – the committee decides".
  let end = to;
  while (end > claim.lastToken && (x.tokens[end].text === '*' || x.tokens[end].text === '_')) end--;
  if (end === claim.lastToken && to < sLast) {
    const k = to + 1;
    const sym = x.tokens[k].text;
    const opens = d.wordsBefore[claim.firstToken] === d.wordsBefore[from];
    // Wherever the figure stands, a colon and a "what" after it gloss it: "the number that stuck was $4.1 billion: what each
    // launch would cost". Not any clause after a colon ("Hydrocorp paid $2.9 billion: the dam opened a year later").
    const gloss = sym === ':' && GLOSS_OPENERS.has(wordAt(x.tokens, k + 1) ?? '');
    if (gloss || (opens && (sym === ':' || sym === '–' || sym === '—' || sym === '-')))
      return [from, Math.min(sLast, markAtOrAfter(d.clauseBreaks, k + 1, x.tokens.length) - 1)];
  }
  return [from, to];
}

/**
 * Past an aside that opens the clause and only says the news is not new ("As previously announced, April 2024 is the last
 * month"): its verb is not what the figure's clause tells. `from` when there is none.
 */
function pastAside(tokens: Token[], from: number, figure: number): number {
  if (wordAt(tokens, from) !== 'as') return from;
  for (let i = from + 1; i < figure && i <= from + 4; i++) {
    if (tokens[i].text === ',') return ASIDE_VERBS.has(wordAt(tokens, i - 1) ?? '') ? i + 1 : from;
    if (tokens[i].type !== 'word') return from;
  }
  return from;
}

/** Prepositions of place or target a participle may stand after, before a name it describes: "on qualifying Tribal lands". */
const PARTICIPLE_PREPOSITIONS = new Set(['on', 'in', 'at', 'across', 'throughout', 'into', 'onto']);

/** Verbs that close an opening aside after "as": "As previously announced,", "As reported earlier,", "As expected,". */
const ASIDE_VERBS = new Set([
  'announced',
  'reported',
  'noted',
  'expected',
  'stated',
  'mentioned',
  'said',
  'planned',
  'predicted',
  'forecast',
  'feared',
  'required',
  'earlier',
  'before',
]);

/**
 * Whether the tokens at `i` open an appositive that counts the date from another event: ", the month before Hurricane
 * Katrina hit", ", a day after the vote".
 */
function offsetAppositive(tokens: Token[], i: number): boolean {
  if (tokens[i]?.text !== ',') return false;
  const det = wordAt(tokens, i + 1);
  return (
    (det === 'the' || det === 'a' || det === 'one') && OFFSET_UNITS.has(wordAt(tokens, i + 2) ?? '') && /^(?:before|after)$/.test(wordAt(tokens, i + 3) ?? '')
  );
}

/** Units an appositive counts a date from another event by: "the month before", "a day after". */
const OFFSET_UNITS = new Set(['day', 'night', 'week', 'month', 'year', 'morning', 'evening', 'weekend']);

/** Words that open a gloss of the figure before a colon: what it is ("what each launch would cost", "how much ..."). */
const GLOSS_OPENERS = new Set(['what', 'how']);

/** Whether "it was" or "it is" opens the stretch before a figure: a cleft ("It was on June 10 that ..."). */
function cleftBefore(tokens: Token[], from: number, to: number): boolean {
  for (let i = from; i + 1 < to; i++) if (wordAt(tokens, i) === 'it' && /^(?:was|is|wasn['’]t|isn['’]t)$/.test(wordAt(tokens, i + 1) ?? '')) return true;
  return false;
}

/** The clause around tokens [first, last]: between the clause breaks on either side, within the sentence. */
function clauseAround(x: Extraction, first: number, last: number, sFirst: number, sLast: number, overParentheses = false): [number, number] {
  const d = analysis(x);
  const paren = (i: number) => overParentheses && (x.tokens[i].text === '(' || x.tokens[i].text === ')');
  let before = first > sFirst ? markAtOrBefore(d.clauseBreaks, first - 1) : -1;
  while (before >= sFirst && paren(before)) before = markAtOrBefore(d.clauseBreaks, before - 1);
  let after = last < sLast ? markAtOrAfter(d.clauseBreaks, last + 1, x.tokens.length) : Infinity;
  while (after <= sLast && paren(after)) after = markAtOrAfter(d.clauseBreaks, after + 1, x.tokens.length);
  return [before >= sFirst ? before + 1 : sFirst, after <= sLast ? after - 1 : sLast];
}

const LIST_BREAKS = new Set([',', ';', 'and', 'while', 'but', 'plus']);
/** After a part of things counted, the pronoun of the relative clause that is the part's own: "10 that derailed", "44 of whom". */
const RELATIVE_AFTER_PART = new Set(['that', 'which', 'who', 'whom']);

/** Whether a claim has a token in [a, b]: a window's edge may cut a figure ("billion dedicated to ..."). */
function overlaps(o: Claim, a: number, b: number): boolean {
  return o.lastToken >= a && o.firstToken <= b;
}

/** The stretch of [ca, cb] that is this figure's when the clause lists several figures of its kind; [ca, cb] otherwise. */

function listSegment(x: Extraction, claim: Claim, ca: number, cb: number): [number, number] {
  const same = (x.claimsBySentence[claim.sentence] ?? []).filter((o) => o !== claim && o.kind === claim.kind && overlaps(o, ca, cb));
  if (!same.length) return [ca, cb];
  const isBreak = (i: number) => LIST_BREAKS.has(x.tokens[i].type === 'word' ? x.tokens[i].lower : x.tokens[i].text);
  let a = ca;
  let b = cb;
  const prev = same.filter((o) => o.lastToken < claim.firstToken).pop();
  if (prev) {
    a = prev.lastToken + 1;
    for (let i = claim.firstToken - 1; i > prev.lastToken; i--)
      if (isBreak(i)) {
        a = i + 1;
        break;
      }
  }
  const next = same.find((o) => o.firstToken > claim.lastToken);
  if (next) {
    b = next.firstToken - 1;
    for (let i = next.firstToken - 1; i > claim.lastToken; i--)
      if (isBreak(i)) {
        b = i - 1;
        break;
      }
  }
  return [a, b];
}

/** Whether the figure stands alone in parentheses: "Texas ($3.3 billion)". Returns the "(" token, or -1. */
function parenthesised(x: Extraction, claim: Claim): number {
  let open = claim.firstToken - 1;
  if (claim.qualifierStart !== undefined) while (open >= 0 && x.tokens[open].start >= claim.qualifierStart) open--;
  return x.tokens[open]?.text === '(' && x.tokens[claim.lastToken + 1]?.text === ')' ? open : -1;
}

/** Reads the frame of `claim`. `inherit` lets a clause that points back ("it", "the company") take the party named before (drafts do; a fact's single quote does not). */
export function readFrame(x: Extraction, claim: Claim, k: Knowledge, inherit = true): Frame {
  const d = analysis(x);
  const tokens = x.tokens;
  let [ca, cb] = clauseOf(x, claim);
  // "Texas ($3.3 billion), California ($1.9 billion)": a figure in parentheses belongs to the phrase before them.
  const open = parenthesised(x, claim);
  if (open > 0) {
    const [sFirst, sLast] = sentenceOf(x, claim);
    const [oa, ob] = clauseAround(x, open - 1, open - 1, sFirst, sLast, true);
    ca = oa;
    cb = Math.max(ob, claim.lastToken + 1);
  }
  // A list of figures of one kind ("$110 billion into roads, $66 billion toward rail and $39 billion into transit"):
  // each figure's words are its own stretch of it, split at the last comma or "and" between two figures.
  const [segA, segB] = listSegment(x, claim, ca, cb);
  // The window: w words either side, within the clause.
  [ca, cb] = inWindow(x, claim, ca, cb);
  // In a list, the stretches of the other figures are theirs, words and names; what precedes or follows the whole list is shared.
  const same = (x.claimsBySentence[claim.sentence] ?? []).filter((o) => o.kind === claim.kind && overlaps(o, ca, cb));
  const listFrom = same.length > 1 ? same[0].firstToken : Infinity;
  const listTo = same.length > 1 ? same[same.length - 1].lastToken : -Infinity;
  // "20 cars were carrying hazardous materials, including 10 that derailed": a relative clause after the last, a part of
  // what came before, is that part's.
  const last = same.length > 1 ? same[same.length - 1] : undefined;
  const partAfter =
    last !== undefined &&
    last !== claim &&
    (RELATIVE_AFTER_PART.has(wordAt(tokens, last.lastToken + 1) ?? '') ||
      (wordAt(tokens, last.lastToken + 1) === 'of' && RELATIVE_AFTER_PART.has(wordAt(tokens, last.lastToken + 2) ?? '')));
  const ownStretch = (i: number) => i < listFrom || (i > listTo && !partAfter) || (i >= segA && i <= segB);
  const allMentions = sentenceMentions(x, k, claim.sentence);
  // "California ($1.86 billion), Missouri ($1.74 billion)": a name with a figure of its own in parentheses is that figure's.
  const ownsAnother = (m: Mention) => m.last + 1 !== open && tokens[m.last + 1]?.text === '(' && inAnyClaim(x, m.last + 2);
  // A name in a count's own phrase, between its number and its noun ("17 former SVB branches"), is one of its names;
  // one that is what it counts ("165 Democrats") is not.
  const inFigure = (m: Mention) =>
    m.first <= claim.lastToken &&
    m.last >= claim.firstToken &&
    !(claim.kind === 'count' && tokens[m.first].start >= claim.figureEnd && m.last < claim.lastToken);
  const foreign = (m: Mention | undefined) => m !== undefined && (inFigure(m) || ownsAnother(m));
  const mentions = allMentions.filter((m) => !foreign(m));
  // The sentence's map of names by token, built once; a name inside the figure is not one of its names.
  const atToken = sentenceMentionAt(x, k, claim.sentence);
  const mentionAt: MentionAt = {
    get: (i) => {
      const m = atToken.get(i);
      return foreign(m) ? undefined : m;
    },
    has: (i) => {
      const m = atToken.get(i);
      return m !== undefined && !foreign(m);
    },
  };

  const frame: Frame = {
    slot: [],
    clause: [],
    antecedent: [],
    targetWords: [],
    participants: [],
    excluded: [],
    bothSides: false,
    times: [],
    baselineTimes: [],
    relativeTimes: [],
    replacedTimes: [],
    nowTimes: [],
    sentenceTimes: [],
    quarters: [],
    // The optional fields too, so every frame has one shape (see `newEvidence`).
    befell: undefined,
    degree: undefined,
    alsoCounts: undefined,
    overSpan: undefined,
    window: undefined,
    within: undefined,
    dateOf: undefined,
    otherDated: undefined,
    impliedYear: undefined,
    until: undefined,
    period: undefined,
    modalToken: undefined,
    increment: undefined,
    oneDay: false,
    historical: false,
    modality: 'fact',
    aspect: 'level',
    distinct: undefined,
    present: false,
    toNow: false,
    ahead: false,
    perPeriod: false,
    running: false,
    partitive: false,
    someplaces: false,
    rising: false,
    impliedHere: false,
    clauseRange: [ca, cb],
    stretch: same.length > 1 ? [segA, segB] : [ca, cb],
  };
  // "seven justices agreed that asylum seekers sent to Rwanda risked ...": past a verb of finding and its "that" after the
  // figure, another clause tells what was found; its names hold nothing of the figure's.
  let toldFrom = Infinity;
  for (let i = claim.lastToken + 1; i < cb && toldFrom === Infinity; i++) {
    const that = thatAfterSaying(tokens, i);
    if (that !== undefined && that < cb) toldFrom = that;
  }
  const roleOf = new Map<Mention, Role>();
  /** Names found in the figure's own phrase, rather than elsewhere in its clause. */
  const near = new Set<Mention>();
  const setRole = (m: Mention | undefined, role: Role) => {
    if (!m || roleOf.has(m)) return;
    // A programme ("Phase One") names which deal, not whose figure; nor does a name in what was found after it.
    if (m.kind === 'programme' || m.first > toldFrom) role = 'mention';
    // "Chinese imports" is what a measure falls on; "the Geneva pause" is where, not whose.
    if (role === 'possessor' && goodsFollows(tokens, k, m)) role = 'target';
    else if (role === 'possessor' && PLACE_KINDS.has(m.kind) && !m.possessive) role = 'place';
    roleOf.set(m, role);
    near.add(m);
  };
  const slot: Slot = { tokens: [], at: new Map(), target: [] };
  const put = (i: number, at: SlotPlace) => {
    const t = tokens[i];
    // Markers say how the figure is put, not what it measures.
    if (t.type === 'word' && (incrementOf(t.lower) || DISTINCT.has(t.lower))) return;
    slot.tokens.push(i);
    slot.at.set(i, at);
  };

  // "funding for seven weeks through Feb. 8": the day it lasts until; not the end of a span "from Dec. 22 through Jan. 25".
  // So is the end of a month: "to run through (the) end of July".
  // Past the day of the week: "has until Friday, Dec. 20, to approve the bill".
  let untilAt = pastWeekday(tokens, claim.firstToken - 1);
  if (wordAt(tokens, untilAt) === 'of' && /^(?:end|close)$/.test(wordAt(tokens, untilAt - 1) ?? '')) untilAt -= wordAt(tokens, untilAt - 2) === 'the' ? 3 : 2;
  if (claim.kind === 'date' && UNTIL.has(wordAt(tokens, untilAt) ?? '')) {
    const from = (x.claimsBySentence[claim.sentence] ?? []).some(
      (o) =>
        o.kind === 'date' &&
        o.lastToken < claim.firstToken &&
        o.lastToken >= claim.firstToken - 6 &&
        wordAt(tokens, pastWeekday(tokens, o.firstToken - 1)) === 'from',
    );
    // "did not pass it until May 3" says when it passed.
    let denied = false;
    for (let i = ca; i < claim.firstToken && !denied; i++) denied = tokens[i].type === 'word' && /^(?:not|never|no|cannot|\w+n[’']t)$/.test(tokens[i].lower);
    if (!from && !denied) frame.until = true;
  }

  // --- Right of the figure: the noun it qualifies, then phrases after it.
  let r = claim.lastToken + 1;
  // A count's noun is what it counts: "1.4 billion people".
  const nounTokens: number[] = [];
  if (claim.kind === 'count')
    for (let i = claim.firstToken; i <= claim.lastToken; i++) if (tokens[i].start >= claim.figureEnd && tokens[i].type === 'word') nounTokens.push(i);
  for (let n = 0; n < nounTokens.length; n++) {
    // "Seventeen former SVB branches": a name inside the count's phrase is whose they are, as before the figure.
    const m = mentionAt.get(nounTokens[n]);
    if (m) {
      setRole(m, m.kind === 'name' ? 'mention' : LOCATION_KINDS.has(m.kind) && m.kind !== 'country' ? 'place' : 'possessor');
      while (n + 1 < nounTokens.length && nounTokens[n + 1] <= m.last) n++;
      continue;
    }
    // "3,000 additional troops": a count of more, on top of those before; "Snyder and eight other officials", of those
    // besides the one named.
    const w = tokens[nounTokens[n]].lower;
    const increment = w === 'other' ? 'additional' : incrementOf(w);
    if (increment) frame.increment = increment;
    put(nounTokens[n], 'noun');
  }
  // "Nine former officials, including the governor": a count of all of them, the one named among them.
  if (claim.kind === 'count' && !frame.increment && (wordAt(tokens, r) === 'including' || (tokens[r]?.text === ',' && wordAt(tokens, r + 1) === 'including')))
    frame.increment = 'total';
  // A tally ("228-206") is a phrase of its own: what follows it ("earlier this month") is not what it counts.
  const rightEnd = claim.tally ? r - 1 : Math.min(cb, segB);
  let rightWords = 0;
  while (r <= rightEnd && rightWords < 4) {
    const t = tokens[r];
    const m = mentionAt.get(r);
    if (m) {
      // "a 10% U.S. tariff" is the U.S.'s; "the $20 billion Ohio plant" is in Ohio.
      setRole(m, m.kind === 'name' ? 'mention' : LOCATION_KINDS.has(m.kind) && m.kind !== 'country' ? 'place' : 'possessor');
      r = m.last + 1;
      continue;
    }
    // "a 10-percent tariff", 'the 10 per cent "reciprocal" tariff': hyphens and quote marks stay inside the phrase.
    if (t.type === 'sym' && ((t.text === '-' && !t.spaced) || QUOTE_MARKS.has(t.text))) {
      r++;
      continue;
    }
    if (t.type !== 'word' || d.stemAt[r] === undefined || (t.lower === 'worth' && isWord(tokens, r + 1, 'of'))) break;
    frame.increment = incrementOf(t.lower) ?? frame.increment;
    put(r, 'noun');
    rightWords++;
    r++;
  }
  // "$200 billion of American goods", "$500 billion in total purchases", "$80 billion worth of farm goods".
  if (rightWords === 0 && r <= rightEnd && (claim.kind === 'money' || claim.kind === 'percent')) {
    let p = r;
    if (isWord(tokens, p, 'worth') && isWord(tokens, p + 1, 'of')) p += 2;
    else if (isWord(tokens, p, 'of') || isWord(tokens, p, 'in') || isWord(tokens, p, 'worth')) p += 1;
    // "$80 billion of those purchases": a part of something already named.
    if (isWord(tokens, r, 'of') && PARTITIVE.has(wordAt(tokens, r + 1) ?? '')) frame.partitive = true;
    if (p > r)
      r = phraseAfter(
        tokens,
        d.stemAt,
        mentionAt,
        p,
        rightEnd,
        (i) => put(i, 'noun'),
        (m) => setRole(m, goodsFollows(tokens, k, m) ? 'target' : 'possessor'),
        frame,
      );
  }
  // Prepositional phrases after: "on Chinese imports", "for broadband", "to Samsung", "in Ohio". A date or a year
  // has none of its own: what follows it ("next week to work on an extension") is the clause's.
  const hopsAllowed = claim.kind === 'date' || claim.kind === 'year' ? 0 : 3;
  for (let hops = 0; hops < hopsAllowed && r <= rightEnd; hops++) {
    const prep = wordAt(tokens, r);
    if (prep === undefined || !ALL_PREPOSITIONS.has(prep)) break;
    const compared = COMPARISON.has(prep);
    const into = (i: number) => {
      // What a measure falls on is named after "on" or "against" ("on crude oil"); not "on Monday" or "on implementing".
      if (prep === 'on' || prep === 'against') {
        if (!inAnyClaim(x, i) && !tokens[i].lower.endsWith('ing') && !WEEK_DAYS.has(tokens[i].lower)) slot.target.push(i);
      } else if (prep === 'for' || prep === 'of') put(i, 'purpose');
    };
    // "$1.99 billion from Hawaiian Electric", "$872.5 million from landowner Kamehameha Schools", "a $3.4 billion award from
    // the FRA": a party a sum comes from, right after it and its noun, gives it; it is not what a levy falls on ("tariffs on
    // goods from China", "tariffs on $40 million from Hydrocorp"). A fund or programme it comes from keeps the role it had.
    // After the sum's noun, only a noun of money given ("award", "loan", "grant"): "$40 million in pipes from Lakeview" are
    // goods that came from there.
    // The head noun decides, the last before "from": "a $44 billion takeover offer" is an offer, whatever took it over.
    const given = () => {
      for (let i = r - 1; i > claim.lastToken; i--) {
        const s = d.stemAt[i];
        if (s !== undefined) return classOf(k.terms, conceptOf(k.terms, s)) === 'measure';
      }
      return true;
    };
    const fromSum =
      prep === 'from' &&
      hops === 0 &&
      claim.kind === 'money' &&
      ![1, 2, 3].some((k) => TARGET_PREPOSITIONS.has(wordAt(tokens, claim.firstToken - k) ?? '')) &&
      given();
    const role: Role | undefined = TARGET_PREPOSITIONS.has(prep)
      ? 'target'
      : RECIPIENT_PREPOSITIONS.has(prep)
        ? 'recipient'
        : PLACE_PREPOSITIONS.has(prep)
          ? 'place'
          : prep === 'by'
            ? 'agent'
            : undefined;
    r = phraseAfter(
      tokens,
      d.stemAt,
      mentionAt,
      r + 1,
      rightEnd,
      compared ? () => undefined : into,
      (m) => {
        if (compared) return;
        if (role === 'place' && !LOCATION_KINDS.has(m.kind)) setRole(m, 'mention');
        // "the 40 former branches of Signature Bank": what a count's things are of, right after them, holds them.
        else if (prep === 'of' && hops === 0 && claim.kind === 'count' && PARTY_KINDS.has(m.kind)) setRole(m, 'possessor');
        else if (fromSum && PARTY_KINDS.has(m.kind)) setRole(m, 'agent');
        else setRole(m, role ?? 'mention');
      },
      frame,
      prep === 'for',
    );
  }

  // --- Left of the figure: markers, a possessor, then what links a noun or a verb to it.
  let leftEnd = Math.max(ca, segA);
  let l = timePhraseStart(x, claim) - 1;
  // "the pay period spanning Dec. 23 to Jan. 5": the end of a span of dates is of what its start is of (one item, not a list).
  if (claim.kind === 'date' && /^(?:to|through|until|till|-|–|—)$/.test(tokens[l]?.lower ?? '')) {
    const start = (x.claimsBySentence[claim.sentence] ?? []).find((o) => o.kind === 'date' && o.lastToken === l - 1);
    if (start && start.firstToken - 1 >= ca) {
      l = timePhraseStart(x, start) - 1;
      leftEnd = ca;
    }
  }
  if (claim.qualifierStart !== undefined) while (l >= leftEnd && tokens[l].start >= claim.qualifierStart) l--;
  if (open > 0) {
    // "Texas ($3.3 billion)": the name or noun before the parentheses is whose figure, or what. Past a closing quote
    // mark, the quoted label is ('Students "defrauded by their schools" (85,000)').
    let b = open - 1;
    while (b > ca && tokens[b].type === 'sym' && QUOTE_MARKS.has(tokens[b].text)) b--;
    const m = mentionAt.get(b);
    if (m) setRole(m, 'possessor');
    else if (d.stemAt[b] !== undefined) {
      put(b, 'noun');
      // Back to the opening quote mark, five words at most, within the figure's own item of a list.
      if (b < open - 1) {
        let words = 0;
        for (let i = b - 1; i >= Math.max(ca, segA) && words < 5 && tokens[i].type !== 'break' && !QUOTE_MARKS.has(tokens[i].text); i--)
          if (d.stemAt[i] !== undefined && !mentionAt.has(i)) {
            put(i, 'noun');
            words++;
          }
      }
    }
  } else if (tokens[l]?.text === ':' && l - 1 >= 0) {
    // "Rail: $66 billion", "Texas: $3.3 billion": a short label before a colon names what the figure is.
    const [lineFirst] = sentenceOf(x, claim);
    const words = d.wordsBefore[l] - d.wordsBefore[lineFirst];
    if (words > 0 && words <= 6) {
      for (let i = l - 1; i >= lineFirst; i--) {
        const m = mentionAt.get(i);
        // In a label, capitals are the label's style ("Roads and Bridges: $110 billion"): a name nobody listed is a word.
        if (m && !m.known) {
          for (let k = m.last; k >= m.first; k--) if (d.stemAt[k] !== undefined) put(k, 'noun');
          i = m.first;
        } else if (m) {
          setRole(m, 'possessor');
          i = m.first;
        } else if (d.stemAt[i] !== undefined) put(i, 'noun');
      }
    }
  }
  /** Whether a determiner opens the figure's phrase: a word before it is not inside that phrase. */
  let determined = false;
  for (; l >= leftEnd; l--) {
    const t = tokens[l];
    const m = mentionAt.get(l);
    if (m) {
      setRole(m, 'possessor');
      l = m.first;
      continue;
    }
    if (t.type !== 'word') break;
    // "found that £4.7bn had been spent": "that" opens what was found, not the figure's phrase; the finder holds nothing.
    // So past whom it was told: "told MPs that 890 postmasters had been convicted".
    if (t.lower === 'that' && toldBefore(tokens, l, leftEnd)) break;
    if (DETERMINERS.has(t.lower)) {
      determined = true;
      continue;
    }
    const increment = incrementOf(t.lower);
    if (increment) frame.increment = increment;
    else if (!DISTINCT.has(t.lower) && t.lower !== 'new') break;
  }
  if (l >= leftEnd && tokens[l].type === 'word') {
    if (LINKERS.has(tokens[l].lower) || (tokens[l].lower === 'by' && !CHANGE_VERBS.has(wordAt(tokens, l - 1) ?? ''))) {
      // "tariffs on Chinese goods to 30%": the noun before the linker, past a target phrase inside
      // it; and past a chain of linking words ("stands at", "is put at", "were in the range of").
      let j = l - 1;
      while (
        j >= leftEnd &&
        tokens[j].type === 'word' &&
        (LINKERS.has(tokens[j].lower) ||
          AUXILIARIES.has(tokens[j].lower) ||
          RANGE_WORDS.has(tokens[j].lower) ||
          DETERMINERS.has(tokens[j].lower) ||
          tokens[j].lower === 'in' ||
          tokens[j].lower === 'put')
      )
        j--;
      phraseBefore(tokens, d.stemAt, mentionAt, pastRelative(tokens, d.stemAt, j, leftEnd), leftEnd, (i) => put(i, 'np'), slot.target, setRole);
    } else if (d.stemAt[l] !== undefined && !mentionAt.has(l) && !(determined && mentionAt.get(l - 1)?.possessive)) {
      // A verb right before the figure ("cost $31 billion", "pledged $200 billion"), and what it is said of ("the new
      // highway will cost"). Not a noun a name owns before the figure's own determiner: in "sent to Trump's desk a $484 billion package" the desk
      // is Trump's, the package not; "the Treasury's stated June 5 deadline" is one phrase.
      put(l, 'verb');
      let j = l - 1;
      while (j >= leftEnd && tokens[j].type === 'word' && AUXILIARIES.has(tokens[j].lower)) j--;
      // "the Senate passed the $1.9 trillion bill", "Trump signed the $484 billion bill": who passes or signs a document
      // does not hold its sums; they are named, not the figure's possessor.
      const actsOn = k.terms.documentActs.has(conceptOf(k.terms, d.stemAt[l]!));
      const roleOf = actsOn ? (m: Mention | undefined, role: Role) => setRole(m, role === 'possessor' ? 'mention' : role) : setRole;
      if (j < l - 1 || (j >= leftEnd && d.stemAt[j] !== undefined))
        phraseBefore(tokens, d.stemAt, mentionAt, j, leftEnd, (i) => put(i, 'np'), slot.target, roleOf, 2, true);
    } else if (tokens[l].lower === 'by' && l - 1 >= leftEnd && CHANGE_VERBS.has(tokens[l - 1].lower)) {
      // "defense funding would fall by 1 percent", "requires discretionary spending to decrease by one percent": what
      // changes is the noun phrase before the change verb.
      let j = l - 2;
      while (j >= leftEnd && tokens[j].type === 'word' && (AUXILIARIES.has(tokens[j].lower) || tokens[j].lower === 'to')) j--;
      // ("Spending", "funding" are nouns here; "agreed to cut by" has no noun before its verb.)
      if (j >= leftEnd && d.stemAt[j] !== undefined && !tokens[j].lower.endsWith('ed'))
        phraseBefore(tokens, d.stemAt, mentionAt, j, leftEnd, (i) => put(i, 'np'), slot.target, setRole);
    }
  }

  // --- The clause: names in their roles, and every other content word.
  let reportedFrom = ca;
  // After a determiner, "claims", "notes" and "reports" are nouns ("cut the claims to $600 million", "the Ever Given
  // claims"), not verbs of saying.
  const asNoun = (i: number) => {
    if (!NOUN_OR_SAYING.has(tokens[i].lower)) return false;
    let j = i - 1;
    while (j > ca && !DETERMINERS.has(wordAt(tokens, j) ?? '') && (mentionAt.has(j) || /^[A-Z]/.test(tokens[j].text))) j--;
    return DETERMINERS.has(wordAt(tokens, j) ?? '');
  };
  // So does one who found or showed that something is so ("The National Audit Office found that £4.7bn had been spent"),
  // and what was said starts past whom it was told ("told MPs that ...").
  for (let i = ca; i < claim.firstToken; i++) {
    if (tokens[i].type !== 'word' || mentionAt.has(i) || asNoun(i)) continue;
    const that = thatAfterSaying(tokens, i);
    if (that !== undefined && that < claim.firstToken) reportedFrom = that + 1;
    else if (REPORTING.has(tokens[i].lower)) reportedFrom = i + 1;
  }
  let subjectFound = false;
  // "When Washington and Beijing signed ..., China promised to buy ...": the subject is the main clause's, after the comma.
  let mainFrom = reportedFrom;
  if (SUBORDINATE_OPENERS.has(wordAt(tokens, ca) ?? '')) {
    for (let i = ca + 1; i < claim.firstToken; i++)
      if (tokens[i].text === ',') {
        mainFrom = Math.max(mainFrom, i + 1);
        break;
      }
  }
  // The word that governs a name, past its determiner: "of the Tibetan Plateau".
  const pastDeterminers = (i: number) => {
    while (i >= ca && tokens[i].type === 'word' && DETERMINERS.has(tokens[i].lower)) i--;
    return i;
  };
  // And past a participle that only describes a name that describes a thing, after a preposition of place or target: "on
  // qualifying Tribal lands", "in affected Ohio counties". Not a gerund taking the name as its object ("By selling
  // Hydrocorp shares", "On lobbying Hydrocorp, ...").
  const pastParticiple = (i: number, m: Mention) => {
    const w = i >= ca && tokens[i].type === 'word' && tokens[i].text === tokens[i].lower ? tokens[i].lower : undefined;
    const next = tokens[m.last + 1];
    const describes = next?.type === 'word' && next.text === next.lower;
    const prep = wordAt(tokens, pastDeterminers(i - 1)) ?? '';
    return w !== undefined && describes && /(?:ing|ed)$/.test(w) && PARTICIPLE_PREPOSITIONS.has(prep) ? pastDeterminers(i - 1) : i;
  };
  const afterParticiple = mentionAt.has(ca) ? undefined : subjectAfterOpeningParticiple(tokens, ca, claim);
  for (const m of mentions) {
    if (m.last < ca || m.first > cb || !ownStretch(m.first)) continue;
    const pi = pastParticiple(pastDeterminers(m.first - 1), m);
    const prev = wordAt(tokens, pi);
    const next = wordAt(tokens, m.last + 1);
    // A speaker is neither who holds the figure nor what it falls on.
    if ((next !== undefined && REPORTING.has(next)) || inAccordingTo(tokens, m.first, ca)) continue;
    if (roleOf.has(m)) continue;
    // "He secured 134 votes while Dullas Alahapperuma got 82": a name past "while" or "whereas" after the figure is of the
    // contrasting clause: not one of the figure's names at all.
    if (m.first > claim.lastToken && contrastBetween(tokens, claim.lastToken, m.first)) continue;
    if (m.first > toldFrom) {
      roleOf.set(m, 'mention');
      continue;
    }
    if (prev !== undefined && COMPARISON.has(prev)) continue;
    // A name after a title after a preposition ("part of the programme in President Joe Biden's plan") is no subject:
    // "by" makes it the one who acts ("signed into law by President Biden"); any other preposition, one only mentioned.
    const title = pi >= ca ? titleEndingAt(k.gazetteer, tokens, pi, ca) : -1;
    const governor = title >= 0 ? wordAt(tokens, pastDeterminers(title - 1)) : undefined;
    if (governor !== undefined && ALL_PREPOSITIONS.has(governor)) {
      roleOf.set(m, governor === 'by' ? 'agent' : 'mention');
      continue;
    }
    // "to General Motors and Stellantis": a name joined to the one before shares its role.
    const joined = (prev === 'and' || prev === 'or') && pi - 1 >= ca ? mentions.find((o) => o.last === pi - 1) : undefined;
    const joinedRole = joined && roleOf.get(joined);
    if (joinedRole && joined.kind === m.kind) {
      roleOf.set(m, joinedRole);
      continue;
    }
    // "Beijing retaliated", "Washington slaps levies": a capital that is the clause's subject acts for its country.
    const nextTok = tokens[m.last + 1];
    const verbNext = nextTok?.type === 'word' && (SUBJECT_NEXT.has(nextTok.lower) || nextTok.lower.endsWith('ed') || m.possessive);
    const actsAsSubject =
      m.kind === 'city' &&
      verbNext &&
      !subjectFound &&
      m.first >= mainFrom &&
      m.last < claim.firstToken &&
      (prev === undefined || !ALL_PREPOSITIONS.has(prev)) &&
      k.gazetteer.entities.get(m.entity)?.of !== undefined;
    if (actsAsSubject) {
      roleOf.set(m, 'subject');
      subjectFound = true;
    } else if (PLACE_KINDS.has(m.kind) && (prev === undefined || !TARGET_PREPOSITIONS.has(prev))) roleOf.set(m, 'place');
    else if (m.kind === 'programme') roleOf.set(m, 'mention');
    // "California's Golden Gate Bridge District": a possessive that qualifies another name is where that one is.
    else if (m.possessive && [mentionAt.get(m.last + 1), mentionAt.get(m.last + 2)].some((n) => n !== undefined && n.last - n.first >= 1))
      roleOf.set(m, 'mention');
    else if (prev !== undefined && TARGET_PREPOSITIONS.has(prev)) roleOf.set(m, 'target');
    else if (goodsFollows(tokens, k, m)) roleOf.set(m, 'target');
    // "was approved in the Senate by a vote of 69 to 30": a vote held in a body is that body's.
    else if (prev === 'in' && m.kind === 'agency' && claim.tally && m.last < claim.firstToken) roleOf.set(m, 'agent');
    else if (prev !== undefined && PLACE_PREPOSITIONS.has(prev)) roleOf.set(m, LOCATION_KINDS.has(m.kind) ? 'place' : 'mention');
    // "signed the $484 billion bill, providing $310 billion to the SBA's program": the recipient of the nearer sum.
    else if (prev !== undefined && RECIPIENT_PREPOSITIONS.has(prev))
      roleOf.set(m, m.first > claim.lastToken && sumBetween(x, claim, m.first) ? 'mention' : 'recipient');
    else if (prev === 'by') roleOf.set(m, 'agent');
    else if (prev !== undefined && ALL_PREPOSITIONS.has(prev)) roleOf.set(m, 'mention');
    else if (!subjectFound && m.first >= mainFrom && m.last < claim.firstToken) {
      // The subject of a verb whose object a relative clause holding the figure is about: named, not the holder.
      if (relativeBetween(tokens, m.last + 1, claim.firstToken)) roleOf.set(m, 'mention');
      else roleOf.set(m, 'subject');
      subjectFound = true;
    } else if (!subjectFound && afterParticiple !== undefined && afterParticiple === pastDeterminers(m.first - 1) + 1) {
      // "Facing 11 felonies ..., Schmidt pleaded guilty": the name after a participle phrase that opens the sentence and
      // holds the figure is who the participle is of.
      roleOf.set(m, 'subject');
      subjectFound = true;
    } else roleOf.set(m, 'object');
  }
  frame.excluded = excludedNames(k.gazetteer, tokens, ca, cb);
  if (claim.kind === 'date' || claim.kind === 'year') frame.dateOf = nameDated(tokens, claim, [...roleOf.keys()]);
  for (const [m, role] of roleOf)
    frame.participants.push(near.has(m) ? { entity: m.entity, role, token: m.first, near: true } : { entity: m.entity, role, token: m.first });
  for (let i = ca; i <= cb; i++) {
    if (isWord(tokens, i, 'both') || isWord(tokens, i, 'two')) {
      const next = wordAt(tokens, i + 1);
      if (next !== undefined && BOTH_SIDES.has(next)) frame.bothSides = true;
    }
  }
  if (!frame.participants.some((p) => PARTY_ROLES.has(p.role)) && !frame.bothSides) {
    const before = allMentions.filter((m) => m.last < ca);
    const antecedent = before[before.length - 1];
    const relative = RELATIVES.has(wordAt(tokens, ca) ?? '');
    // What a relative pronoun is about stands right before it, past commas and closing brackets.
    let about = ca - 1;
    while (about > 0 && tokens[about].type === 'sym' && /^[,)\]”"’]$/.test(tokens[about].text)) about--;
    const pointer = backPointer(tokens, ca, cb);
    if (relative && antecedent && antecedent.last === about) {
      // "China, which pledged $200 billion", "the Economic Aid Act (EAA), which made": about the name right before it.
      frame.participants.push({ entity: antecedent.entity, role: 'subject', token: antecedent.first });
    } else if (
      (relative && tokens[about]?.type === 'word' && !DETERMINERS.has(tokens[about].lower)) ||
      (antecedent && relativeBetween(tokens, antecedent.last + 1, claim.firstToken))
    ) {
      // "The CBO estimated the effects of the shutdown that started on December 22 and ended on January 25": the
      // figure's clause is about a noun no name stands for, and the sentence's subject did something else.
    } else if (pointer !== undefined) {
      // "AMD said sales of its MI308 chips resumed", "The company will also get ...": the party named before. A noun says
      // of what kind ("the agency", after "Microsoft might close"): a name of another kind is not it. A name nobody listed
      // may be of any kind.
      const kinds = pointer === 'pronoun' ? undefined : pointer;
      // A place is no party, "the city" included: it is mostly where ("in certain areas of the city"), not whose.
      const fits = (kind: EntityKind) => !PLACE_KINDS.has(kind) && (!kinds || kind === 'name' || kinds.has(kind));
      const m = before.filter((b) => fits(b.kind)).pop();
      if (m) frame.participants.push({ entity: m.entity, role: 'referent', token: m.first });
      else if (inherit) {
        for (let prev = claim.sentence - 1; prev >= 0; prev--) {
          const named = sentenceMentions(x, k, prev);
          const ps = sentenceSubject(x, k, prev, named);
          if (ps && !fits(kindOf(k.gazetteer, ps))) break;
          if (ps) {
            frame.participants.push({ entity: ps, role: 'inherited', token: -1 });
            // The pronoun brings the sentence it points to: the other names there are named here too ("Some recall it as ...").
            for (const m of named)
              if (m.entity !== ps && !frame.participants.some((q) => q.entity === m.entity))
                frame.participants.push({ entity: m.entity, role: 'mention', token: -1 });
            break;
          }
          if (named.length) break;
        }
      }
    } else {
      const s = sentenceSubject(x, k, claim.sentence, allMentions);
      if (s && allMentions.some((m) => m.entity === s && (m.last < ca || m.first > cb))) frame.participants.push({ entity: s, role: 'sentence', token: -1 });
    }
  }

  // --- Words, as concepts.
  const figureFirst = timePhraseStart(x, claim);
  const inClaim = (i: number) => i >= figureFirst && i <= claim.lastToken && !nounTokens.includes(i);
  const tokenConcepts = sentenceTokenConcepts(x, k, claim.sentence);
  const conceptAtToken = (i: number) =>
    tokenConcepts[i] ?? (nounTokens.includes(i) && d.stemAt[i] !== undefined ? conceptOf(k.terms, d.stemAt[i]!) : undefined);
  // Each token's word is listed once: a stamp per token, not a Set per frame.
  const stamps = frameStamps(x, k);
  const stamp = ++stamps.current;
  // A name's words are not measure words, unless nobody listed the name and the terms know the word ("PNTR").
  const nameWord = (i: number) => {
    const m = mentionAt.get(i);
    return m !== undefined && (m.known || !k.terms.byStem.has(d.stemAt[i] ?? ''));
  };
  const shared = named(x, k).words;
  const add = (list: FrameWord[], i: number, at?: SlotPlace) => {
    const c = conceptAtToken(i);
    if (c === undefined || stamps.marks[i] === stamp || nameWord(i)) return;
    stamps.marks[i] = stamp;
    if (at) list.push({ concept: c, token: i, at });
    // A clause word is the same for every figure of its sentence: one object per token, shared (never changed).
    else if (c === tokenConcepts[i]) list.push((shared[i] ??= { concept: c, token: i }));
    else list.push({ concept: c, token: i });
  };
  for (const i of slot.tokens) if (!inClaim(i)) add(frame.slot, i, slot.at.get(i));
  for (const i of slot.target) add(frame.targetWords, i);
  if (claim.kind === 'date') frame.otherDated = dateToldBefore(tokens, ca, claim);
  for (let i = ca; i <= cb; i++) if (!inClaim(i) && ownStretch(i)) add(frame.clause, i);
  // "extend the tariff truce before it expires on August 21": "it" brings the earlier clause's words.
  const [sFirst] = sentenceOf(x, claim);
  if (ca > sFirst && (pointsBack(tokens, ca, Math.min(cb, claim.firstToken), true) || sharesSubject(tokens, ca))) {
    for (let i = sFirst; i < ca; i++) {
      const c = tokenConcepts[i];
      if (c !== undefined && !mentionAt.has(i)) frame.antecedent.push({ concept: c, token: i });
    }
  }

  // "Oct. 26" on a line of its own, over " House passes budget resolution by vote of 216 to 212.": a timeline's date heads
  // the entry below it, whose words and subject are its clause's.
  const entry = claim.kind === 'date' ? entryBelow(x, claim) : undefined;
  if (entry !== undefined) {
    const entryConcepts = sentenceTokenConcepts(x, k, entry);
    const [ea, eb] = x.sentences[entry];
    const entryNames = sentenceMentionAt(x, k, entry);
    for (let i = ea; i <= eb; i++) {
      const c = entryConcepts[i];
      if (c !== undefined && !entryNames.has(i)) frame.clause.push({ concept: c, token: i });
    }
    const subject = sentenceSubject(x, k, entry, sentenceMentions(x, k, entry));
    if (subject && !frame.participants.some((q) => q.entity === subject)) frame.participants.push({ entity: subject, role: 'sentence', token: -1 });
  }

  for (const w of frame.clause) if (w.token < claim.firstToken && w.concept === 'raise') frame.rising = true;
  // --- How the figure is put.
  readModality(tokens, d.stemAt, claim, ca, reportedFrom, frame, ...sentenceOf(x, claim));
  readAspect(x, claim, ca, cb, frame);
  frame.running = runningTotal(x.tokens, ca, cb, claim) || datedAsOf(x, claim);
  if (claim.kind === 'count' && countedWillAct(tokens, claim, ca, cb)) frame.ahead = true;

  // --- When.
  const scope = timeScopeOf(x, claim);
  const changedFrom = changedThing(x, claim, ca);
  for (const t of timesNear(x, claim, WINDOW[claim.kind] ?? WINDOW.default, scope)) {
    // "$5 million, available through March 31": the day a span ends does not date a sum or a count.
    const spanEnd = claim.kind !== 'date' && claim.kind !== 'year' && UNTIL.has(wordAt(tokens, t.from.firstToken - 1) ?? '');
    if (spanEnd && t.date.day !== undefined) continue;
    if (t.from.current) frame.nowTimes.push(t.date);
    // "25% in base wage increases through April 2028": for a sum, a count or a rate, a month or year a span runs to may agree
    // with the fact, as a point of comparison may; it does not contradict one dated when the figure was set.
    // A time in a relative clause about a noun before the figure dates that noun's event; the time rule decides whether
    // that noun is the fact's measure ("the tariff that took effect on Feb. 4 stood at 25%") or not ("the attack that
    // took place on 26 August, resulting in the deaths of 13").
    const antecedent = t.baseline || spanEnd ? -1 : relativeBefore(tokens, ca, t.from, claim);
    if (antecedent >= 0) {
      frame.relativeTimes.push({ date: t.date, of: conceptOf(k.terms, stem(tokens[antecedent].lower)) });
      continue;
    }
    (t.baseline || spanEnd
      ? frame.baselineTimes
      : changedFrom !== undefined && t.from.lastToken < changedFrom && attributive(x, t.from)
        ? frame.replacedTimes
        : frame.times
    ).push(t.date);
  }
  // "a net loss of $79 million last year", in a text written in 2024: the figure is of 2023.
  if (!frame.times.length && x.writtenOn?.year !== undefined && claim.kind !== 'date' && claim.kind !== 'year') {
    const shift = relativeYearIn(tokens, ca, cb);
    if (shift !== undefined) frame.times.push({ year: x.writtenOn.year + shift });
  }
  frame.sentenceTimes = timesInSentence(x, claim);
  frame.quarters = quartersIn(tokens, ca, cb);
  if (claim.kind === 'count') {
    frame.befell = befellCounted(tokens, claim, k.terms);
    frame.degree = degreeOf(tokens, claim);
    frame.alsoCounts = alsoCounted(tokens, claim, k.terms);
  }
  frame.oneDay = oneDayIn(x, claim.sentence, ca, cb);
  frame.overSpan = spanOver(x, claim, ca, cb);
  // Of a count or a sum: a date or a share "within 24 hours" of something is no part of a total.
  frame.window = claim.kind === 'count' || claim.kind === 'money' ? windowIn(x, claim, ca, cb) : undefined;
  frame.impliedYear = impliedYear(x, claim);
  frame.impliedHere = yearSetHere(x, claim);
  for (const i of d.historicalPos) if (i >= ca && i <= cb && (i < claim.firstToken || i > claim.lastToken)) frame.historical = true;
  return frame;
}

const CHANGE_STEMS = new Set([...CHANGE_VERBS].map(stem));

/** A participle as written and its concept, with a British doubled consonant undone ("cancelled" is "canceled"). */
export interface Befell {
  word: string;
  concept: string;
}

export function befellOf(word: string, terms: Terms): Befell {
  return { word, concept: conceptOf(terms, stem(word.replace(/([lp])\1ed$/, '$1ed'))) };
}

/** Words that are themselves a number of things: "nine departments and dozens of agencies" is two counts. */
const ROUGH_NUMBERS = new Set(['dozens', 'scores', 'hundreds', 'thousands', 'millions', 'billions', 'tens', 'several', 'many', 'more']);

/**
 * A second noun a count's own joins with "and" ("177 passengers and crew", "300 students and staff"), not one with a
 * number of its own ("177 passengers and 6 crew") nor a verb ("500 people and injured"): the figure counts both.
 */
function alsoCounted(tokens: Token[], claim: Claim, terms: Terms): FrameWord | undefined {
  const i = claim.lastToken + 1;
  const w = wordAt(tokens, i + 1);
  if (wordAt(tokens, i) !== 'and' || w === undefined || isStopword(w) || /(?:ed|ing|ly)$/.test(w) || ROUGH_NUMBERS.has(w)) return undefined;
  // The phrase ends there ("177 passengers and crew –", "homes and shops in Lakeview"); a determiner after it makes the
  // word a verb ("homes and cost the board $5 million").
  const after = tokens[i + 2];
  if (after && (after.type === 'num' || (after.type === 'word' && !ALL_PREPOSITIONS.has(after.lower)))) return undefined;
  return { concept: conceptOf(terms, stem(w)), token: i + 1, at: 'noun' };
}

/** The auxiliaries of a passive, between things counted and what befell them: "flights were at least delayed". */
const PASSIVE = new Set(['were', 'was', 'are', 'is', 'been', 'being']);
/** Also between them: "flights had all been delayed", "victims who were recovered". */
const BETWEEN_PASSIVE = new Set(['had', 'have', 'has', 'at', 'least', 'all', 'also', 'who', 'that', 'which']);
/** Participles that hedge what befell the things counted rather than say it: "were reported injured", "confirmed killed". */
const HEDGES = new Set(['reported', 'confirmed', 'believed', 'feared', 'estimated', 'thought', 'known', 'said', 'presumed', 'listed']);
/** Before a count, words that make its things ones already known. */
const KNOWN_SET = new Set(['the', 'all', 'these', 'those', 'its', 'their', 'our']);

/**
 * What befell a count's things, as a passive right after them says it ("21,000 flights globally were at least delayed"),
 * as a concept. Adverbs may stand between. Only a passive: a bare "-ed" after the things ("eight Republicans voted",
 * "46,000 workers equated to") is as often what they did.
 */
function befellCounted(tokens: Token[], claim: Claim, terms: Terms): Befell | undefined {
  // "A train comprising three locomotives and 150 freight cars": what the whole is made of, not what befell the cars.
  // One concept for all such verbs: "comprising 150 cars" and a quote's "consisting of 149 cars" say the same.
  if (compositionBefore(tokens, claim)) return { word: 'comprising', concept: 'compris' };
  // "The 68 bridges have been grouped", "all six victims were recovered": things counted before, to which more happened.
  if (KNOWN_SET.has(wordAt(tokens, claim.firstToken - 1) ?? '')) return undefined;
  let passive = false;
  for (let i = claim.lastToken + 1, n = 0; i < tokens.length && n < 6; i++, n++) {
    const t = tokens[i];
    if (t.type !== 'word') return undefined;
    if (PASSIVE.has(t.lower)) passive = true;
    else if (passive && HEDGES.has(t.lower)) continue;
    else if (!BETWEEN_PASSIVE.has(t.lower) && !(t.lower.endsWith('ly') && t.lower.length > 4))
      return passive && t.lower.endsWith('ed') && !isStopword(t.lower) ? befellOf(t.lower, terms) : undefined;
  }
  return undefined;
}

/**
 * A verb of what a whole is made of before a count, across the list the count may close ("comprising three locomotives
 * and 150 freight cars"), within its clause: the word, or undefined.
 */
function compositionBefore(tokens: Token[], claim: Claim): string | undefined {
  for (let i = claim.firstToken - 1, n = 0; i >= 0 && n < 8; i--, n++) {
    const t = tokens[i];
    if (t.type === 'break' || (t.type === 'sym' && t.text !== ',')) return undefined;
    if (t.type === 'word' && COMPOSITION.has(t.lower)) return t.lower;
    // Not across a verb: "a train comprising 20 cars derailed, forcing 2,500 residents".
    if (t.type === 'word' && (t.lower.endsWith('ed') || FINITE_AUXILIARIES.has(t.lower))) return undefined;
  }
  return undefined;
}

/**
 * An adverb of degree on what befell a count's things: before the verb that takes them ("severely damaged three
 * hospitals"), inside their phrase ("20 critically injured people") or in the passive after them ("were badly damaged").
 */
function degreeOf(tokens: Token[], claim: Claim): string | undefined {
  const before = wordAt(tokens, claim.firstToken - 1);
  const adverb = wordAt(tokens, claim.firstToken - 2);
  if (before !== undefined && before.endsWith('ed') && adverb !== undefined && DEGREE.has(adverb)) return adverb;
  for (let i = claim.firstToken; i <= claim.lastToken; i++) if (DEGREE.has(wordAt(tokens, i) ?? '')) return tokens[i].lower;
  let passive = false;
  for (let i = claim.lastToken + 1, n = 0; i < tokens.length && n < 6; i++, n++) {
    const w = wordAt(tokens, i);
    if (w === undefined) return undefined;
    if (PASSIVE.has(w) || BETWEEN_PASSIVE.has(w)) passive ||= PASSIVE.has(w);
    else if (passive && DEGREE.has(w) && wordAt(tokens, i + 1)?.endsWith('ed')) return w;
    else return undefined;
  }
  return undefined;
}

/** Verbs of saying that are also plural nouns: after a determiner, "the claims", "its reports". */
const NOUN_OR_SAYING = new Set(['claims', 'notes', 'reports', 'states']);

/**
 * The year tokens [a, b] name relative to when the text was written: "last year", "a year earlier", "a year ago", "the
 * previous year" (-1), "this year" (0). Undefined when they name none, or both.
 */
function relativeYearIn(tokens: Token[], a: number, b: number): number | undefined {
  const word = (i: number) => (i >= a && i <= b ? wordAt(tokens, i) : undefined);
  let found: number | undefined;
  for (let i = a; i <= b; i++) {
    if (word(i) !== 'year') continue;
    const before = word(i - 1);
    const after = word(i + 1);
    const shift =
      before === 'last' || before === 'previous' || before === 'prior' || (before === 'a' && (after === 'earlier' || after === 'ago' || after === 'before'))
        ? -1
        : before === 'this'
          ? 0
          : undefined;
    if (shift === undefined) continue;
    if (found !== undefined && found !== shift) return undefined;
    found = shift;
  }
  return found;
}

/** Prepositions that make a duration in a figure's clause the span it is a total over: "over a five-day period". */
const SPAN_PREPOSITIONS = new Set(['over', 'during', 'across', 'within', 'in']);
/** Between such a preposition and its duration: "over the last six weeks", "in the first 100 days". */
const SPAN_DETERMINERS = new Set(['a', 'an', 'the', 'last', 'past', 'first', 'next']);

/** "over a five-day period", "over 12 days": a duration after a span preposition in the clause, as written. */
function spanOver(x: Extraction, claim: Claim, ca: number, cb: number): string | undefined {
  for (const o of x.claimsBySentence[claim.sentence] ?? []) {
    if (o === claim || o.kind !== 'duration' || o.firstToken < ca || o.lastToken > cb) continue;
    if (spanOpener(x.tokens, o.firstToken, ca) >= 0) return o.text;
  }
  return undefined;
}

/** The span preposition before the figure at token `first`, past determiners ("over the last six weeks"), as a token index; -1 if none. */
function spanOpener(tokens: Token[], first: number, ca: number): number {
  let k = first - 1;
  while (k > ca && SPAN_DETERMINERS.has(wordAt(tokens, k) ?? '')) k--;
  return SPAN_PREPOSITIONS.has(wordAt(tokens, k) ?? '') ? k : -1;
}

/** Prepositions that tie a date to the noun before it: "the disaster in 1989", "the talks of May 10", "the vote on June 2". */
const DATE_OF = new Set(['in', 'of', 'on']);

/**
 * The name whose thing a date closes or opens: "the Hillsborough Stadium disaster in 1989", "the Geneva talks of May 10",
 * "the 2003 Northeast Blackout" name what happened then. Before the date, only a name with a word or two after it (a
 * noun, or its own verb: "Michigan agreed in August"), right before the date's preposition: in "signed by President
 * Trump on January 15" the date is the signing's. After
 * it, only a name that ends the phrase the date opens: "the August 4 Beirut Port explosion" is the explosion's. A
 * person's name says whose ("the Biden administration in 2022"), not what happened.
 */
function nameDated(tokens: Token[], claim: Claim, mentions: readonly Mention[]): string | undefined {
  const thing = (m: Mention | undefined) => (m && m.kind !== 'person' ? m.entity : undefined);
  if (DETERMINERS.has(wordAt(tokens, claim.firstToken - 1) ?? '')) {
    // Past the comma that closes a date written in full: "the Aug. 26, 2021, Abbey Gate bombing".
    const at = tokens[claim.lastToken + 1]?.text === ',' ? claim.lastToken + 2 : claim.lastToken + 1;
    const opened = mentions.find((m) => m.first === at);
    const after = opened && tokens[opened.last + 1];
    const modifies = after?.type === 'word' && !/^\p{Lu}/u.test(after.text) && !isStopword(after.lower) && !ALL_PREPOSITIONS.has(after.lower);
    if (opened && !modifies) return thing(opened);
  }
  if (!DATE_OF.has(wordAt(tokens, claim.firstToken - 1) ?? '')) return undefined;
  let j = claim.firstToken - 2;
  let nouns = 0;
  // A noun or two ("the Hillsborough Stadium disaster in 1989"), or the name's own verb ("the state of Michigan agreed in
  // August" is Michigan's doing): either way the date is the name's. Measured, reading only nouns here cost a false alarm.
  const noun = (t: Token) => t.type === 'word' && !/^\p{Lu}/u.test(t.text) && !isStopword(t.lower) && !ALL_PREPOSITIONS.has(t.lower);
  while (nouns < 2 && j >= 0 && noun(tokens[j])) {
    j--;
    nouns++;
  }
  if (!nouns) return undefined;
  return thing(mentions.find((m) => m.last === j));
}

/** Units of a span shorter than a day. */
const HOURS = new Set(['hour', 'hours', 'hrs', 'minute', 'minutes']);
/** Units of a span of days, and the numbers written as words that start one ("within a day", "within two weeks"). */
const DAYS = new Set(['day', 'days', 'week', 'weeks']);
const WEEKS = new Set(['week', 'weeks']);
const FEW = new Set(['a', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten']);
/** The most days, or weeks, that are still "a few" after "within". */
const MAX_DAYS = 10;
const MAX_WEEKS = 2;

/**
 * A span of hours in the clause that what the figure counts happened within: "within 12 hours", "in the past 24 hours",
 * "between 3:00am and 3:00pm"; or a few days after "within" ("within one day of ignition"). Such a count is a part of any total, however it is worded. The words as written, or undefined.
 */
function windowIn(x: Extraction, claim: Claim, ca: number, cb: number): string | undefined {
  const tokens = x.tokens;
  const [sa] = x.sentences[claim.sentence];
  const word = (i: number) => (i >= sa && i <= cb ? wordAt(tokens, i) : undefined);
  const text = (a: number, b: number) => tokens.slice(a, b + 1).reduce((s, t, k) => s + (k && t.spaced ? ' ' : '') + t.text, '');
  // The end of a time of day starting at i ("3", "3:00", then "am" or "p.m."), or -1.
  const clockEnd = (i: number) => {
    if (tokens[i]?.type !== 'num') return -1;
    let j = i;
    if (tokens[j + 1]?.text === ':' && tokens[j + 2]?.type === 'num') j += 2;
    return CLOCK.has(word(j + 1) ?? '') ? j + 1 : j > i ? j : -1;
  };
  for (let i = ca; i <= cb; i++) {
    if (i >= claim.firstToken && i <= claim.lastToken) continue;
    const number = tokens[i].type === 'num' || FEW.has(word(i) ?? '');
    if (!number) continue;
    // A few days or weeks, not a deadline's span ("within 90 days", "within 52 weeks").
    const few = tokens[i].type !== 'num' || (tokens[i].value ?? Infinity) <= (WEEKS.has(word(i + 1) ?? '') ? MAX_WEEKS : MAX_DAYS);
    if (HOURS.has(word(i + 1) ?? '') && tokens[i].type === 'num') {
      const k = spanOpener(tokens, i, ca);
      if (k >= 0) return text(k, i + 1);
    }
    // "Within one day of ignition, the fire torched 90,000 acres": days only after "within" itself ("over six days" may
    // be all of it).
    if (few && DAYS.has(word(i + 1) ?? '')) {
      const k = spanOpener(tokens, i, ca);
      if (k >= 0 && word(k) === 'within') return text(k, i + 1);
    }
  }
  // "between 3:00am and 3:00pm": its "and" may have split the clause, so it is looked for from the sentence's start, and
  // counts when it reaches into the clause.
  for (let i = sa; i <= cb; i++) {
    if (word(i) !== 'between') continue;
    // The first end may go without its mark when the second has one: "between 7 and 9 p.m.".
    const first = clockEnd(i + 1) >= 0 ? clockEnd(i + 1) : tokens[i + 1]?.type === 'num' ? i + 1 : -1;
    if (first < 0 || word(first + 1) !== 'and') continue;
    const second = clockEnd(first + 2);
    // Both ends a time of day, one with its mark at least: "between 7 and 9 p.m.", not "between 7 and 9 percent".
    if (second >= ca - 1 && (CLOCK.has(word(first) ?? '') || CLOCK.has(word(second) ?? ''))) return text(i, second);
  }
  return undefined;
}

/**
 * Whether tokens [a, b] put what they say on one day: "on" before a weekday or a date with its day ("On Saturday", "on
 * July 22"), or "the same day", "that day", "a single day".
 */
function oneDayIn(x: Extraction, sentence: number, a: number, b: number): boolean {
  const word = (i: number) => (i >= a && i <= b ? wordAt(x.tokens, i) : undefined);
  for (let i = a; i <= b; i++) {
    const w = word(i);
    if (w === 'day' && ['same', 'that', 'single', 'one'].includes(word(i - 1) ?? '')) return true;
    // "The board said on Monday that ...": the day the source spoke, not the figure's.
    if (w !== 'on' || REPORTING.has(wordAt(x.tokens, i - 1) ?? '')) continue;
    const next = word(i + 1) ?? '';
    if (WEEKDAYS.has(next)) return true;
    const date = (x.claimsBySentence[sentence] ?? []).find((c) => c.firstToken === i + 1 && c.kind === 'date');
    if (date?.quantity.date?.day !== undefined) return true;
  }
  return false;
}

/** A quarter of a year: 1 to 4, and its year when the text gives one. */
export interface Quarter {
  quarter: number;
  year?: number;
}

const QUARTER_ORDINALS = new Map([
  ['first', 1],
  ['second', 2],
  ['third', 3],
  ['fourth', 4],
]);

/**
 * The quarters named in tokens [a, b]: "the fourth quarter of 2018", "first-quarter 2023 earnings", "2018's fourth
 * quarter", "Q1 2019". A year is read only right beside the quarter; a fiscal year's quarters are not the calendar's, so
 * "the last quarter of fiscal year 2018" names none.
 */
export function quartersIn(tokens: Token[], a: number, b: number): Quarter[] {
  const word = (i: number) => (i >= a && i <= b ? wordAt(tokens, i) : undefined);
  const yearAt = (i: number) => {
    const t = i >= a && i <= b ? tokens[i] : undefined;
    return t?.type === 'num' && /^(19|20)\d\d$/.test(t.text) ? Number(t.text) : undefined;
  };
  const found: Quarter[] = [];
  for (let i = a; i <= b; i++) {
    let quarter: number | undefined;
    let end = i;
    const ordinal = QUARTER_ORDINALS.get(word(i) ?? '');
    if (ordinal !== undefined) {
      const q = tokens[i + 1]?.text === '-' ? i + 2 : i + 1;
      if (word(q) === 'quarter' || word(q) === 'quarters') [quarter, end] = [ordinal, q];
    } else if (tokens[i].text === 'Q' && tokens[i + 1]?.type === 'num' && /^[1-4]$/.test(tokens[i + 1].text)) {
      [quarter, end] = [Number(tokens[i + 1].text), i + 1];
    }
    if (quarter === undefined) continue;
    const after = word(end + 1) === 'of' ? end + 2 : end + 1;
    const prior = word(i - 1) === 's' && tokens[i - 2]?.text === "'" ? i - 3 : i - 1;
    i = end;
    if (word(after) === 'fiscal' || word(prior) === 'fiscal' || word(prior - 1) === 'fiscal') continue;
    const year = yearAt(after) ?? yearAt(prior);
    found.push(year === undefined ? { quarter } : { quarter, year });
  }
  return found;
}

/** Periods a date labels by their last or first day: "the week ending April 4", "the quarter ended June 30". */
const LABELLED_PERIODS = new Set(['week', 'weeks', 'period', 'month', 'quarter', 'year', 'fortnight']);

/** Words that, with "of", name a part of a time: "the end of July", "the beginning of 2021". */
const TIME_PARTS = new Set(['end', 'beginning', 'start', 'middle', 'close', 'turn', 'rest', 'remainder', 'half', 'part']);

/** Where a date's or year's time phrase starts: "the end of July" is a time, and "end" no event. */
function timePhraseStart(x: Extraction, claim: Claim): number {
  const tokens = x.tokens;
  const first = claim.firstToken;
  // "the week ending April 4, 2020" names a week: "ending" is no event of it.
  if (claim.kind === 'date' && /^(?:ending|ended|beginning)$/.test(wordAt(tokens, first - 1) ?? '') && LABELLED_PERIODS.has(wordAt(tokens, first - 2) ?? ''))
    return isWord(tokens, first - 3, 'the') ? first - 3 : first - 2;
  if ((claim.kind !== 'date' && claim.kind !== 'year') || !isWord(tokens, first - 1, 'of')) return first;
  const part = tokens[first - 2];
  if (part?.type !== 'word' || !TIME_PARTS.has(part.lower)) return first;
  return isWord(tokens, first - 3, 'the') ? first - 3 : first - 2;
}

/**
 * For a figure a change reached ("boosting them to 20%", "raised tariffs on China to 145%"), the
 * token of the change verb; undefined otherwise.
 */
function changedThing(x: Extraction, claim: Claim, ca: number): number | undefined {
  const tokens = x.tokens;
  let i = claim.firstToken - 1;
  if (claim.qualifierStart !== undefined) while (i >= ca && tokens[i].start >= claim.qualifierStart) i--;
  if (!isWord(tokens, i, 'to')) return undefined;
  for (let j = i - 1, words = 0; j >= ca && words < 6; j--) {
    if (tokens[j].type !== 'word') continue;
    words++;
    if (CHANGE_STEMS.has(stem(tokens[j].lower))) return j;
  }
  return undefined;
}

/** A date used as a modifier of a noun: "the Feb. 4 blanket tariffs", "its 2018 levies". */
function attributive(x: Extraction, c: Claim): boolean {
  const before = x.tokens[c.firstToken - 1];
  const after = x.tokens[c.lastToken + 1];
  return before?.type === 'word' && DETERMINERS.has(before.lower) && after?.type === 'word' && analysis(x).stemAt[c.lastToken + 1] !== undefined;
}

/** Where in the figure's phrase a slot word stands. */
export type SlotPlace = 'noun' | 'purpose' | 'np' | 'verb';

interface Slot {
  tokens: number[];
  at: Map<number, SlotPlace>;
  /** Tokens of phrases the measure falls on. */
  target: number[];
}

/** Roles that say who the figure belongs to. */
const PARTY_ROLES: ReadonlySet<Role> = new Set<Role>(['possessor', 'subject', 'agent', 'object', 'recipient', 'referent', 'sentence', 'inherited']);

/**
 * Whether a clause is a verb phrase joined to the one before, sharing its subject: "PNTR was passed by Congress
 * and signed into law in 2000" (what was signed is PNTR). A capitalised word after "and" starts a name ("United").
 */
function sharesSubject(tokens: Token[], ca: number): boolean {
  let i = ca;
  if (tokens[i]?.text === ',') i++;
  const joiner = wordAt(tokens, i);
  if (joiner !== 'and' && joiner !== 'or' && joiner !== 'but') return false;
  const t = tokens[i + 1];
  if (t?.type !== 'word' || t.text !== t.lower) return false;
  return t.lower.endsWith('ed') || AUXILIARIES.has(t.lower);
}

/**
 * The first word in [ca, cb] that points back at a party named before: a pronoun ("it", "its"), which may stand for any
 * kind, or "the <noun>" ("the company"), given as the kinds of party it may stand for; undefined when none does.
 */
function backPointer(tokens: Token[], ca: number, cb: number, pronounsOnly = false): 'pronoun' | ReadonlySet<string> | undefined {
  for (let i = ca; i <= cb; i++) {
    const t = tokens[i];
    if (t.type !== 'word') continue;
    if (BACK_PRONOUNS.has(t.lower)) return 'pronoun';
    if (pronounsOnly || t.lower !== 'the') continue;
    const kinds = BACK_NOUN_KINDS.get(wordAt(tokens, i + 1) ?? '');
    if (kinds) return kinds;
  }
  return undefined;
}

/** Whether the clause points back at a party named before: "it", "its", "the company". */
function pointsBack(tokens: Token[], ca: number, cb: number, pronounsOnly = false): boolean {
  return backPointer(tokens, ca, cb, pronounsOnly) !== undefined;
}

/** Whether a goods word ("goods", "imports" as goods, "products") follows the mention: "Chinese goods", "American products". */
function goodsFollows(tokens: Token[], k: Knowledge, m: Mention): boolean {
  for (let i = m.last + 1; i <= m.last + 2; i++) {
    const t = tokens[i];
    if (!t || t.type !== 'word') return false;
    const s = stem(t.lower);
    const concept = k.terms.byStem.get(s) ?? s;
    if (classOf(k.terms, concept) === 'goods' || concept === 'import' || concept === 'export') return true;
    if (DETERMINERS.has(t.lower)) return false;
  }
  return false;
}

/** Reads the noun phrase starting at p (up to four content words, with names in it); returns the token after it. */
function phraseAfter(
  tokens: Token[],
  stemAt: Array<string | undefined>,
  mentionAt: MentionAt,
  p: number,
  cb: number,
  onWord: (i: number) => void,
  onName: (m: Mention) => void,
  frame: Frame,
  coordinated = false,
): number {
  let words = 0;
  while (p <= cb && words < 4) {
    const m = mentionAt.get(p);
    if (m) {
      onName(m);
      p = m.last + 1;
      continue;
    }
    const t = tokens[p];
    if (t.type !== 'word' || (words > 0 && ALL_PREPOSITIONS.has(t.lower))) break;
    if (TOTAL.has(t.lower)) frame.increment = 'total';
    if (stemAt[p] === undefined) {
      // "in the ...", "in new spending", "of total purchases": a determiner or a light word before the noun.
      if (words === 0 && (DETERMINERS.has(t.lower) || (LIGHT.has(t.lower) && stemAt[p + 1] !== undefined && !mentionAt.has(p + 1)))) {
        p++;
        continue;
      }
      // "for electric vehicle chargers and buses": what a sum is for goes on past "and" to the next thing it covers.
      if (coordinated && words > 0 && (t.lower === 'and' || t.lower === 'or') && stemAt[p + 1] !== undefined && !mentionAt.has(p + 1)) {
        p++;
        continue;
      }
      break;
    }
    // "of parent company Alphabet", "for chipmaker Intel": a noun right before a company's or a person's name says what the
    // name is, not what the figure measures.
    if (!describesName(tokens, mentionAt, p)) onWord(p);
    words++;
    p++;
  }
  return p;
}

/** Kinds of name a common noun right before may describe: "parent company Alphabet", "chipmaker Intel", "Commissioner Vestager". */
const DESCRIBED_KINDS: ReadonlySet<string> = new Set(['company', 'org', 'person', 'agency']);

/** Whether the word at p stands right before a name it describes, the name not a possessive ("company Alphabet", not "the company Alphabet's"). */
function describesName(tokens: Token[], mentionAt: MentionAt, p: number): boolean {
  const m = mentionAt.get(p + 1);
  if (m === undefined || m.first !== p + 1 || !DESCRIBED_KINDS.has(m.kind) || m.possessive) return false;
  // The name closes the phrase ("of parent company Alphabet."); a name that goes on to a verb opens a clause of its own
  // ("$40 million in spending Ann Lee proposed").
  const after = wordAt(tokens, m.last + 1);
  return after === undefined || ALL_PREPOSITIONS.has(after);
}

/** How far back a relative clause before a linking verb is looked for. */
const RELATIVE_REACH = 12;

/**
 * Where the noun phrase before a linking verb ends, past a relative clause that describes it: "The tariff that took
 * effect on Feb. 4 stood at 25%": the tariff. Only when the word before the verb ends no noun phrase (a number, a date,
 * a function word): "The board saw that funding stood at 12%" is about funding. (A relative clause set off by commas is
 * outside the figure's clause.)
 */
function pastRelative(tokens: Token[], stemAt: Array<string | undefined>, j: number, leftEnd: number): number {
  if (j < leftEnd || stemAt[j] !== undefined) return j;
  for (let k = j; k > leftEnd && k > j - RELATIVE_REACH; k--) {
    const t = tokens[k];
    if (t.text === ';' || (t.type === 'word' && LINKERS.has(t.lower) && k !== j)) return j;
    if (t.type !== 'word' || !RELATIVES.has(t.lower) || t.lower === 'whose') continue;
    const head = k - 1;
    // Not "the deal signed that May 4": "that" after a verb is a determiner or opens what was said.
    if (head >= leftEnd && tokens[head].type === 'word' && stemAt[head] !== undefined && !/(?:ed|ing)$/.test(tokens[head].lower)) return head;
    return j;
  }
  return j;
}

/**
 * Reads the noun phrase ending at l backwards: up to `max` content words, stopping at its
 * determiner, an adverb or a name; past a target phrase inside it ("tariffs on Chinese goods" to
 * 30%), whose words and names go to the target.
 */
function phraseBefore(
  tokens: Token[],
  stemAt: Array<string | undefined>,
  mentionAt: MentionAt,
  l: number,
  ca: number,
  onWord: (i: number) => void,
  target: number[],
  setRole: (m: Mention | undefined, role: Role) => void,
  max = 2,
  verbForm = false,
): void {
  let pending: number[] = [];
  let pendingNames: Mention[] = [];
  for (; l >= ca; l--) {
    const m = mentionAt.get(l);
    if (m) {
      pendingNames.push(m);
      l = m.first;
      // A name before the noun holds it ("Japan's tariff") and ends the phrase, unless a preposition puts it in one ("on Chinese imports").
      let pl = l - 1;
      while (pl >= ca && tokens[pl].type === 'word' && DETERMINERS.has(tokens[pl].lower)) pl--;
      if (!TARGET_PREPOSITIONS.has(wordAt(tokens, pl) ?? '')) break;
      continue;
    }
    const t = tokens[l];
    if (t.type !== 'word') break;
    if (TARGET_PREPOSITIONS.has(t.lower) && (pending.length || pendingNames.length) && target !== undefined) {
      // What came after the preposition is what the measure falls on.
      target.push(...pending);
      for (const n of pendingNames) setRole(n, 'target');
      pending = [];
      pendingNames = [];
      continue;
    }
    if (DETERMINERS.has(t.lower) && !pending.length) continue;
    if (stemAt[l] === undefined || t.lower.endsWith('ly') || pending.length >= max) break;
    // A verb form ends the noun phrase: "China agreed to buy", not a noun "agreed".
    if (pending.length === 0 && verbForm && /(?:ed|ing)$/.test(t.lower)) break;
    pending.push(l);
  }
  for (const i of pending) onWord(i);
  for (const n of pendingNames) setRole(n, 'possessor');
}

/** Concepts of the content words in [a, b], by token index; phrases ("import tax") read whole. */
/** The concept of each content word of a sentence, by token index (phrases read within the sentence), filled once. */
export function sentenceTokenConcepts(x: Extraction, k: Knowledge, sentence: number): Array<string | undefined> {
  const n = named(x, k);
  if (!n.conceptsDone[sentence]) {
    const d = analysis(x);
    const [sa, sb] = x.sentences[sentence] ?? [0, -1];
    const at: number[] = [];
    const stems: string[] = [];
    for (let i = sa; i <= sb; i++) {
      const s = d.stemAt[i];
      if (s === undefined || LIGHT_STEMS.has(s)) continue;
      at.push(i);
      stems.push(s);
    }
    const concepts = conceptsOf(k.terms, stems);
    for (let j = 0; j < at.length; j++) n.concepts[at[j]] = particleConcept(k.terms, stems[j], x.tokens, at[j]) ?? concepts[j];
    n.conceptsDone[sentence] = 1;
  }
  return n.concepts;
}

/** Marks per token, stamped with a frame's number, so each frame lists a token once without a Set of its own. */
function frameStamps(x: Extraction, k: Knowledge): { marks: Int32Array; current: number } {
  const n = named(x, k);
  n.stamps ??= { marks: new Int32Array(x.tokens.length), current: 0 };
  return n.stamps;
}

/** The subject of a sentence: the first name outside a prepositional phrase and not a speaker; null when there is none. */
function sentenceSubject(x: Extraction, k: Knowledge, sentence: number, mentions: Mention[]): string | null {
  const n = named(x, k);
  const known = n.subjects[sentence];
  if (known !== undefined) return known;
  let subject: string | null = null;
  for (const m of mentions) {
    // "endorsed by the US House": past the determiner to the preposition.
    let before = m.first - 1;
    while (before >= 0 && DETERMINERS.has(wordAt(x.tokens, before) ?? '')) before--;
    const prev = wordAt(x.tokens, before);
    const next = wordAt(x.tokens, m.last + 1);
    if ((prev !== undefined && ALL_PREPOSITIONS.has(prev)) || (next !== undefined && REPORTING.has(next)) || PLACE_KINDS.has(m.kind)) continue;
    if (goodsFollows(x.tokens, k, m)) continue;
    subject = m.entity;
    break;
  }
  n.subjects[sentence] = subject;
  return subject;
}

/** Words that end the counted noun's phrase: what follows them is another clause or another subject. */
const PHRASE_ENDS = new Set(['and', 'or', 'but', 'that', 'which', 'who', 'whom', 'whose', 'while']);

/**
 * "39 million households will begin receiving payments", "are set to get": the counted are the subject of what is still
 * to come, so the count is a forecast. Only when the count leads its clause (no verb before it: "has installed 12,000
 * meters and will add more" counts what is done), read up to the clause's end, a conjunction or a relative pronoun.
 */
function countedWillAct(tokens: Token[], claim: Claim, ca: number, cb: number): boolean {
  for (let i = ca; i < claim.firstToken; i++) {
    const t = tokens[i];
    if (t.type === 'word' && (FINITE_AUXILIARIES.has(t.lower) || t.lower.endsWith('ed'))) return false;
  }
  for (let i = claim.lastToken + 1; i <= cb && i <= claim.lastToken + 6; i++) {
    const t = tokens[i];
    if (t.type !== 'word' || PHRASE_ENDS.has(t.lower)) return false;
    if (t.lower === 'will' || (SCHEDULED.has(t.lower) && wordAt(tokens, i + 1) === 'to')) return true;
  }
  return false;
}

/**
 * The "if" or "unless" opening a condition that ends with the comma just before the figure's phrase ("if everyone
 * eligible claims it, 43 million borrowers ..."), within the figure's clause; or undefined.
 */
function conditionBefore(tokens: Token[], claim: Claim, ca: number): number | undefined {
  let comma = claim.firstToken - 1;
  // The figure's own phrase may open with a word or two ("some 43 million").
  while (comma > ca && comma >= claim.firstToken - 3 && tokens[comma].type === 'word') comma--;
  if (comma <= ca || tokens[comma].text !== ',') return undefined;
  for (let i = comma - 1; i >= ca; i--) {
    const t = tokens[i];
    if (t.type === 'sym' && t.text === ',') return undefined;
    // The condition opens the clause (or what is reported: "said that if ..."); an "if" inside a relative clause is its own.
    if (t.type === 'word' && (t.lower === 'if' || t.lower === 'unless')) {
      const before = tokens[i - 1];
      return i === ca || !before || before.type !== 'word' || before.lower === 'that' || REPORTING.has(before.lower) ? i : undefined;
    }
  }
  return undefined;
}

/**
 * The "if" or "unless" a sentence opens on, when the figure comes after the condition's comma with a "may", "might" or
 * "could" between them (the main clause's verb): undefined otherwise.
 */
function openingCondition(tokens: Token[], claim: Claim, sentenceStart: number, sentenceEnd: number): number | undefined {
  const i = firstWordOf(tokens, sentenceStart);
  if (i >= claim.firstToken) return undefined;
  if (!(wordAt(tokens, i) === 'if' || wordAt(tokens, i) === 'unless')) return undefined;
  // "If approved, Norfolk Southern will pay a $15 million penalty", "If signed, the law would give 24 weeks": a document's
  // terms, once it is passed, are what it says. (Not "If United pilots strike": a name.)
  const next = tokens[i + 1];
  if (next?.type === 'word' && next.text === next.lower && PARTICIPLE.test(next.lower)) return undefined;
  let comma = i + 1;
  while (comma < claim.firstToken && tokens[comma].text !== ',') comma++;
  if (comma >= claim.firstToken) return undefined;
  let modal = -1;
  for (let j = comma + 1; j < claim.firstToken; j++) {
    const t = tokens[j];
    if (t.type === 'word' && (POSSIBLY.has(t.lower) || (t.lower === 'may' && t.text === 'may'))) modal = j;
  }
  if (modal < 0) return undefined;
  // "..., the government could enter another shutdown weeks after the last one ended in late January", "..., the union
  // could strike again, as 12,000 workers did in 2019": a past tense anywhere after the modal tells what did happen.
  for (let j = modal + 1; j <= sentenceEnd; j++) {
    const w = wordAt(tokens, j);
    if (w === undefined || (j >= claim.firstToken && j <= claim.lastToken)) continue;
    if (PAST.has(w) || isIrregularPast(w) || (PARTICIPLE.test(w) && !AUXILIARIES.has(wordAt(tokens, j - 1) ?? ''))) return undefined;
  }
  return i;
}

/**
 * Whether a "would" tells what a document provides: right after the document ("the bill would cap"), after "that" or
 * "which" about it ("legislation that would extend the deadline"), after an aside about it ("The bill, which is named for
 * a veteran, would designate"), or in a sentence that opens under it ("Under the bankruptcy plan, the owners would pay").
 */
function documentWould(tokens: Token[], would: number, sentenceStart: number): boolean {
  const before = wordAt(tokens, would - 1);
  if (DOCUMENTS.has(before ?? '')) return true;
  if ((before === 'that' || before === 'which') && DOCUMENTS.has(wordAt(tokens, would - 2) ?? '')) return true;
  const first = firstWordOf(tokens, sentenceStart);
  // "The bill, which ..., would": the aside closes right before "would" and opens right after the document, which heads
  // the sentence's subject ("Opponents of the bill, led by the mayor, would" is the opponents').
  if (tokens[would - 1]?.text === ',') {
    let open = would - 2;
    while (open > first && tokens[open].text !== ',') open--;
    if (open > first && DOCUMENTS.has(wordAt(tokens, open - 1) ?? '') && headsFrom(tokens, first, open - 1)) return true;
  }
  // "Under the new agreement, ...": what follows the opening comma is the document's terms ("Under pressure from the
  // bill, ..." is not under the bill).
  if (wordAt(tokens, first) === 'under') {
    for (let j = first + 1; j < would && j < first + 8; j++) {
      if (tokens[j].text === ',') return DOCUMENTS.has(wordAt(tokens, j - 1) ?? '') && headsFrom(tokens, first + 1, j - 1);
    }
  }
  return false;
}

/** Whether the word at `head` heads the words from `from`: none between them is a preposition or a comma. */
function headsFrom(tokens: Token[], from: number, head: number): boolean {
  for (let j = from; j < head; j++) if (tokens[j].text === ',' || ALL_PREPOSITIONS.has(wordAt(tokens, j) ?? '')) return false;
  return true;
}

/** The first word of a sentence, past any opening bracket or quotation mark. */
function firstWordOf(tokens: Token[], sentenceStart: number): number {
  let i = sentenceStart;
  while (i < tokens.length && tokens[i].type !== 'word') i++;
  return i;
}

/**
 * Whether a "would" reports what was announced: "announced (that) the state would provide", "Biden announced that his
 * country would be providing". Only when the announcement governs it: no comma, relative pronoun or "and" between them
 * ("The company, which announced layoffs, would need" is the company's possibility), and within a few words.
 */
function announcedBefore(tokens: Token[], would: number, ca: number): boolean {
  for (let j = would - 1; j >= ca && j >= would - 8; j--) {
    const t = tokens[j];
    if (t.text === ',' || (t.type === 'word' && (t.lower === 'which' || t.lower === 'who' || t.lower === 'and'))) return false;
    if (t.type === 'word' && ANNOUNCING.has(t.lower)) return true;
  }
  return false;
}

/**
 * How many content words of four letters or more a span writes in lower case: few in a headline set in title case, which
 * lowers only its small words ("Trump Plans 25% Tariffs on Cars from Mexico over Border with Canada").
 */
function lowercaseWords(tokens: Token[], from: number, to: number): number {
  let n = 0;
  for (let i = from; i <= to; i++) {
    const t = tokens[i];
    if (t?.type === 'word' && t.text.length >= 4 && t.text === t.lower && !isStopword(t.lower) && !ALL_PREPOSITIONS.has(t.lower)) n++;
  }
  return n;
}

/** Past forms of "do", "be" and "have": what did happen. */
const PAST = new Set(['did', 'was', 'were', 'had']);

/** A past tense or participle, as far as its ending tells. */
const PARTICIPLE = /^[a-z]{3,}ed$/;
/**
 * Modals of what only may happen. Not "will" or "would", which under a condition give a deal's or a bill's terms ("If the
 * settlement is approved, Norfolk Southern will pay a $15 million civil penalty").
 */
const POSSIBLY = new Set(['might', 'could']);

/** Verbs after "could not" that give a limit or a possibility, not what failed: "could not cost more than", "could not be". */
const LIMIT_VERBS = new Set(['be', 'cost', 'exceed', 'top', 'surpass', 'reach', 'go', 'rise', 'fall', 'have']);
/** Words that put what follows under a condition: "Without the loan, it could not pay". */
const CONDITIONS = new Set(['if', 'unless', 'without']);

/**
 * Whether "could" at `i` tells what was not possible, a past fact ("admitted it could not repay a £290m loan"): "could not"
 * before a verb that is no limit, with no condition before it in the clause.
 */
function pastInability(tokens: Token[], i: number, ca: number): boolean {
  if (tokens[i].lower !== 'could' || wordAt(tokens, i + 1) !== 'not' || LIMIT_VERBS.has(wordAt(tokens, i + 2) ?? '')) return false;
  for (let k = ca; k < i; k++) if (CONDITIONS.has(wordAt(tokens, k) ?? '')) return false;
  return true;
}

/** A future right after the figure's phrase: "43 million borrowers will benefit". */
function futureAfter(tokens: Token[], claim: Claim, sentenceEnd: number): boolean {
  for (let i = claim.lastToken + 1; i <= sentenceEnd && i <= claim.lastToken + 6; i++) {
    const t = tokens[i];
    if (t.type !== 'word') return false;
    if (FUTURE.has(t.lower)) return true;
  }
  return false;
}

/** "would rise to 50%", "threatened 60% tariffs", "plans to invest $20 billion": a possibility or an intention, not a fact. */
function readModality(
  tokens: Token[],
  stemAt: Array<string | undefined>,
  claim: Claim,
  ca: number,
  reportedFrom: number,
  frame: Frame,
  sentenceStart: number,
  sentenceEnd: number,
): void {
  // "will impose duties of 15-25 percent if negotiations fail": a condition after the figure makes it a possibility too.
  // Only a figure put in the future or a mood is made conditional so; "the truce expires Sept. 1 unless extended" states a date.
  let future = false;
  for (let i = ca; i < claim.firstToken; i++) {
    const t = tokens[i];
    if (t.type !== 'word') continue;
    if (FUTURE.has(t.lower)) future = true;
    // "set to expire", not "set to 25%".
    if (t.lower === 'will' || t.lower === 'shall' || (SCHEDULED.has(t.lower) && wordAt(tokens, i + 1) === 'to' && wordAt(tokens, i + 2) !== undefined))
      frame.ahead = true;
  }
  for (let i = claim.lastToken + 1; future && i <= sentenceEnd; i++) {
    const t = tokens[i];
    if (t.type === 'word' && (t.lower === 'if' || t.lower === 'unless')) {
      frame.modality = 'hypothetical';
      frame.modalToken = i;
      return;
    }
  }
  // "If everyone eligible claims it, 43 million borrowers will benefit": a condition just before the figure's clause.
  const condition = conditionBefore(tokens, claim, ca);
  if (condition !== undefined && (future || futureAfter(tokens, claim, sentenceEnd))) {
    frame.modality = 'hypothetical';
    frame.modalToken = condition;
    return;
  }
  // "If those efforts fail, the blockage may last until the next tide which won't be for another 12 to 14 days": a
  // sentence that opens on a condition puts what its main clause says, and what a clause after it adds, in that condition,
  // when a "may", "might" or "could" says it only may be.
  const opened = openingCondition(tokens, claim, sentenceStart, sentenceEnd);
  if (opened !== undefined) {
    frame.modality = 'hypothetical';
    frame.modalToken = opened;
    return;
  }
  // "The American Rescue Plan Act of 2021 is a $1.9 trillion package": a capitalised word inside a sentence of prose is a
  // name's, not an intention (in a headline, "Trump Plans 50% Tariffs", it is the verb).
  let isProse: boolean | undefined;
  const prose = () => (isProse ??= lowercaseWords(tokens, sentenceStart, sentenceEnd) >= 3);
  // "said it would", "finding it would reduce deficits": the future of what was said or found, told after the fact.
  let reported = reportedFrom > ca;
  for (let i = ca; i < claim.firstToken && !reported; i++) if (tokens[i].type === 'word' && FINDING.has(tokens[i].lower)) reported = true;
  for (let i = Math.max(relativeClauseEnd(tokens, claim, ca), reportedFrom, pastClauseStart(tokens, claim, ca)); i < claim.firstToken; i++) {
    const t = tokens[i];
    if (t.type !== 'word') continue;
    // Capitalised "May" is the month; "may" the verb.
    if (
      HYPOTHETICAL.has(t.lower) &&
      !(t.lower === 'may' && t.text !== 'may') &&
      !((reported || announcedBefore(tokens, i, ca)) && REPORTED_FUTURE.has(t.lower)) &&
      !(t.lower === 'would' && documentWould(tokens, i, sentenceStart)) &&
      !pastInability(tokens, i, ca)
    ) {
      frame.modality = 'hypothetical';
      frame.modalToken = i;
      return;
    }
    const s = stemAt[i];
    // "expects to open a channel 280 feet wide": what one expects to do is a plan ("is expected to cost" is an estimate).
    const expects = (t.lower === 'expects' || t.lower === 'expect') && wordAt(tokens, i + 1) === 'to';
    if (((s !== undefined && INTENT_STEMS.has(s)) || expects) && !(i > firstWordOf(tokens, sentenceStart) && t.text !== t.lower && prose())) {
      frame.modality = 'intent';
      frame.modalToken = i;
    }
  }
}

/**
 * The noun a relative clause holding a time is about, before the figure: "the earthquakes which struck the region in
 * February inflicted $104 billion in damage", "the attack that took place on 26 August, resulting in the deaths of 13".
 * Its token, or -1.
 */
function relativeBefore(tokens: Token[], ca: number, time: Claim, claim: Claim): number {
  if (time.lastToken >= claim.firstToken) return -1;
  for (let i = Math.max(ca, 1); i < time.firstToken; i++) {
    const w = tokens[i].type === 'word' ? tokens[i].lower : undefined;
    const prev = tokens[i - 1];
    const opens =
      ((w === 'which' || w === 'who') && prev.type === 'word') ||
      // "that" after a noun, not after a verb of saying, finding or thinking ("said that", "expect that").
      (w === 'that' &&
        prev.type === 'word' &&
        !REPORTING.has(prev.lower) &&
        !FINDING.has(prev.lower) &&
        !THINKING.has(prev.lower) &&
        !/(?:ed|s)$/.test(prev.lower) &&
        !isStopword(prev.lower));
    // The time stands in the relative clause only while no second verb has taken up the main clause ("The firm that
    // built the dam reported in May a loss": "reported" is the main verb, and May its time).
    if (opens && pastVerbs(tokens, i + 1, time.firstToken) <= 1) return i - 1;
  }
  return -1;
}

/** Verbs of thinking before "that": what follows is what was thought, not a relative clause. */
const THINKING = new Set(['expect', 'believe', 'think', 'hope', 'know', 'fear', 'suggest', 'argue', 'mean', 'show', 'estimate', 'predict', 'warn']);

/** How many verbs in the past stand in tokens [from, to): words in -ed and the common irregular ones. */
function pastVerbs(tokens: Token[], from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (tokens[i].type === 'word' && (/[a-z]ed$/.test(tokens[i].lower) || IRREGULAR_PAST.has(tokens[i].lower))) n++;
  return n;
}

/**
 * Whether a relative clause about another noun opens in tokens [from, to): "The CBO has estimated the effects of the
 * shutdown that started on December 22": the figure is the shutdown's, and the CBO is the subject of another verb. A
 * relative pronoun right after the name ("China, which pledged") is about the name; "that" before a noun phrase
 * ("estimated that the shutdown cost") opens what was said, not a relative clause.
 */
function relativeBetween(tokens: Token[], from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) {
    const t = tokens[i];
    if (t.type !== 'word' || (t.lower !== 'that' && t.lower !== 'which' && t.lower !== 'who')) continue;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    // "promised that expanded purchases", "estimated that delayed payments": what was said, after a verb.
    const saidAfter = prev.type === 'word' && (prev.lower.endsWith('ed') || REPORTING.has(prev.lower) || FINDING.has(prev.lower));
    if (
      prev.type === 'word' &&
      !DETERMINERS.has(prev.lower) &&
      !saidAfter &&
      next?.type === 'word' &&
      (next.lower.endsWith('ed') || SUBJECT_NEXT.has(next.lower))
    )
      return true;
  }
  return false;
}

/**
 * Whether "while" or "whereas" stands in tokens (from, to) and opens the clause the name at `to` is in: no comma between
 * them. ("Having secured 140 votes while campaigning on rates, Ann Lee took the seat": the name is past the comma, the main
 * clause's subject.)
 */
function contrastBetween(tokens: Token[], from: number, to: number): boolean {
  for (let i = to - 1; i > from; i--) {
    if (tokens[i].text === ',') return false;
    if (tokens[i].type === 'word' && (tokens[i].lower === 'while' || tokens[i].lower === 'whereas')) return true;
  }
  return false;
}

/** Whether "that" or "which" stands in tokens (from, to): another clause's words between a phrase and the figure. */
function thatBetween(tokens: Token[], from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) if (tokens[i].type === 'word' && (tokens[i].lower === 'that' || tokens[i].lower === 'which')) return true;
  return false;
}

/** Conjunctions that open a clause of what did happen, when a verb in the past follows them. */
const PAST_CLAUSE_OPENERS = new Set(['after', 'before', 'since', 'because', 'although', 'though', 'whereas', 'when', 'once', 'while']);

/**
 * Where the figure's own clause starts when a conjunction opens it with a verb in the past, and no comma closes it before
 * the figure: "It threatened to sink, even after banks provided $30 billion". What the main clause threatened or would do
 * is not said of the figure. `ca` when there is none.
 */
function pastClauseStart(tokens: Token[], claim: Claim, ca: number): number {
  let past = false;
  for (let j = claim.firstToken - 1; j > ca; j--) {
    const t = tokens[j];
    if (t.text === ',' || t.type === 'break') return ca;
    if (t.type !== 'word') continue;
    if (t.lower.length > 4 && t.lower.endsWith('ed')) past = true;
    else if (past && PAST_CLAUSE_OPENERS.has(t.lower)) return j + 1;
  }
  return ca;
}

/**
 * Whether token i stands in an "according to ..." phrase, whose names are who says it: "according to Secretary of
 * Defense Lloyd Austin" (the phrase runs to the next punctuation).
 */
function inAccordingTo(tokens: Token[], i: number, ca: number): boolean {
  for (let j = i - 1; j > ca; j--) {
    const t = tokens[j];
    if (t.type === 'sym' || t.type === 'break') return false;
    if (t.type === 'word' && t.lower === 'to' && wordAt(tokens, j - 1) === 'according') return true;
  }
  return false;
}

/**
 * Where the figure's own clause resumes after a relative clause set off by commas: "The program, which offers loans
 * that can be forgiven if borrowers keep their payrolls, has run through all of the $349 billion". The relative
 * clause's mood ("if", "may") is said of the name before it, not of the figure. `ca` when there is none.
 */
function relativeClauseEnd(tokens: Token[], claim: Claim, ca: number): number {
  for (let j = claim.firstToken - 1; j > ca; j--) {
    if (tokens[j].text !== ',') continue;
    // The verb that resumes the sentence: an auxiliary, or a verb in -s or -ed ("The bill, which ..., sets aside").
    const v = wordAt(tokens, j + 1) ?? '';
    if (!FINITE_AUXILIARIES.has(v) && !/[^s]s$|ed$/.test(v)) return ca;
    for (let r = j - 1; r >= 0 && j - r <= 40; r--) {
      const t = tokens[r];
      if (t.type === 'break' || t.text === ',' || t.text === '.' || t.text === ';') break;
      if (RELATIVES.has(t.lower)) return j + 1;
    }
    return ca;
  }
  return ca;
}

/**
 * Whether "has" or "have" at i opens a perfect of an act done over time: a participle within two words, not a passive
 * ("has been awarded") nor what was said ("has announced"): those are one event.
 */
function perfectAt(tokens: Token[], i: number, cb: number): boolean {
  for (let j = i + 1; j <= i + 2 && j <= cb; j++) {
    const v = wordAt(tokens, j);
    if (v === undefined || v === 'been' || REPORTING.has(v) || v === 'announced') return false;
    if ((v.endsWith('ed') && !v.endsWith('eed')) || PARTICIPLES.has(v)) return true;
  }
  return false;
}

/** "to date back to", "to date from": "date" the verb, not "to date". */
const DATE_VERB_AFTER = new Set(['back', 'from']);

/** Whether the figure is joined by "and", past its qualifier only, to what comes after token i, with no clause break between. */
function laterObject(tokens: Token[], i: number, claim: Claim): boolean {
  for (let k = i + 1; k < claim.firstToken; k++) if (tokens[k].type === 'break' || /^[.;:!?]$/.test(tokens[k].text)) return false;
  for (let k = claim.firstToken - 1; k > i; k--) {
    const t = tokens[k];
    if (t.type === 'word' && t.lower === 'and') return true;
    if (t.type !== 'word' || !RUNNING_QUALIFIERS.has(t.lower)) return false;
  }
  return false;
}

/**
 * Whether the sentence gives the figure as of a date (a day or a month) or an hour: "As of the evening of Aug. 14, the fire
 * was 85% contained", "25 percent of stations were out of fuel as of Wednesday morning". Before or after the figure, anywhere
 * in its sentence.
 */
function datedAsOf(x: Extraction, claim: Claim): boolean {
  if (claim.kind === 'date' || claim.kind === 'year') return false;
  const [from, to] = sentenceOf(x, claim);
  for (let i = Math.max(from, claim.firstToken - 40); i <= Math.min(to, claim.lastToken + 40); i++) {
    if (!asOfAt(x.tokens, i) || (i >= claim.firstToken && i <= claim.lastToken)) continue;
    if ((x.claimsBySentence[claim.sentence] ?? []).some((d) => d.kind === 'date' && d.firstToken > i + 1 && d.firstToken <= i + 6)) return true;
    for (let j = i + 2; j <= i + 4; j++) if (WEEK_DAYS.has(wordAt(x.tokens, j) ?? '') || AS_OF_TIMES.has(wordAt(x.tokens, j) ?? '')) return true;
    // "As of 10 a.m.", "as of 5:30 p.m. ET": an hour of the day it was written.
    const hour = x.tokens[i + 2];
    if (hour?.type === 'num' && (x.tokens[i + 3]?.text === ':' || CLOCK.has(wordAt(x.tokens, i + 3) ?? ''))) return true;
  }
  return false;
}

/** Whether "as of" stands at token i: a figure given as it stood then ("as of Aug. 14"). */
export function asOfAt(tokens: Token[], i: number): boolean {
  return wordAt(tokens, i) === 'as' && wordAt(tokens, i + 1) === 'of';
}

/** Times of day a state is given as of: "as of this morning", "as of noon". */
const AS_OF_TIMES = new Set(['morning', 'afternoon', 'evening', 'noon', 'midnight', 'tonight', 'today', 'yesterday']);

/** Words of a qualifier that may stand between "and" and a figure: "and more than 35,000", "and about 20 million". */
const RUNNING_QUALIFIERS = new Set(['more', 'than', 'about', 'nearly', 'almost', 'roughly', 'around', 'some', 'over', 'at', 'least', 'another']);

/**
 * Whether the clause gives a running total, true as of when it was written: a perfect that governs the figure ("have
 * filed more than 500,000 claims", "has paid out"), or "to date", "so far", "thus far"; or a length a state has lasted so far.
 */
function runningTotal(tokens: Token[], ca: number, cb: number, claim: Claim): boolean {
  if (claim.kind === 'duration') return runningLength(tokens, ca, claim);
  // Sums and counts pile up; a rate, a date or a length does not; nor does a whole ("has secured the entire $16 billion").
  if (claim.kind !== 'money' && claim.kind !== 'count') return false;
  for (let i = claim.firstToken - 1; i >= ca && i >= claim.firstToken - 3; i--) {
    const w = wordAt(tokens, i) ?? '';
    if (TOTAL.has(w) && !RUNNING.has(w)) return false;
  }
  let perfect = false;
  for (let i = ca; i <= cb; i++) {
    const w = wordAt(tokens, i);
    if (w === undefined) continue;
    // "has supported 1.66 million businesses and protected over 30 million jobs": a participle joined to a perfect.
    if (perfect && i < claim.firstToken && claim.firstToken - i <= 3) {
      if (((w.endsWith('ed') && !w.endsWith('eed')) || PARTICIPLES.has(w)) && wordAt(tokens, i - 1) === 'and') return true;
      // "has provided 5.2 million loans, supporting more than 51 million jobs": what the perfect's result adds up to.
      if (w.endsWith('ing') && w.length > 5 && tokens[i - 1]?.text === ',') return true;
    }
    if ((w === 'has' || w === 'have') && perfectAt(tokens, i, cb)) perfect = true;
    if (
      RUNNING.has(w) ||
      (w === 'to' && wordAt(tokens, i + 1) === 'date' && !DATE_VERB_AFTER.has(wordAt(tokens, i + 2) ?? '')) ||
      ((w === 'so' || w === 'thus') && wordAt(tokens, i + 1) === 'far')
    )
      return true;
    // The perfect that governs the figure, within ten tokens before it (past a parenthesis: "have submitted 1.95 million
    // total claims (including 843,448 ...)") or just after its noun ("332,252 Veterans have enrolled").
    // Or farther, for a later item of its objects: "has collected more than 100 million data points and more than 35,000 samples".
    const near =
      (i < claim.firstToken && claim.firstToken - i <= 10) ||
      (i > claim.lastToken && i - claim.lastToken <= 2) ||
      (i < claim.firstToken && claim.firstToken - i <= 24 && laterObject(tokens, i, claim));
    if (near && (w === 'has' || w === 'have') && perfectAt(tokens, i, cb) && !opensClauseBetween(tokens, i, claim.firstToken)) return true;
  }
  return false;
}

/**
 * Whether a length is how long a state has lasted so far: "a ship that has been stuck in the canal for the past three
 * days", "has been closed for the last four days". It grows while the state lasts, like a running total.
 */
function runningLength(tokens: Token[], ca: number, claim: Claim): boolean {
  const f = claim.firstToken;
  if (!(wordAt(tokens, f - 1) === 'past' || wordAt(tokens, f - 1) === 'last') || wordAt(tokens, f - 2) !== 'the' || wordAt(tokens, f - 3) !== 'for')
    return false;
  for (let i = ca; i < f - 3; i++) if ((wordAt(tokens, i) === 'has' || wordAt(tokens, i) === 'have') && wordAt(tokens, i + 1) === 'been') return true;
  return false;
}

/**
 * Whether a subordinate clause opens between tokens a and b: "has taken a new turn as reports indicate a $22 million
 * ransom": the perfect is another clause's, not the figure's.
 */
function opensClauseBetween(tokens: Token[], a: number, b: number): boolean {
  for (let i = a + 1; i < b; i++) {
    const w = wordAt(tokens, i) ?? '';
    if (SUBORDINATORS.has(w) && !(w === 'as' && AS_NOT_CLAUSE.has(wordAt(tokens, i + 1) ?? ''))) return true;
  }
  return false;
}

/**
 * The period of a sentence that opens on one ("On any given day, ...", "In a typical year, ..."), before the figure and
 * closed by a comma: every figure the sentence then gives is per that period.
 */
function ratePeriodOpening(x: Extraction, claim: Claim): string | undefined {
  const [first] = sentenceOf(x, claim);
  const word = (i: number) => wordAt(x.tokens, i);
  if (word(first) !== 'on' && word(first) !== 'in') return undefined;
  if (!RATE_DETERMINERS.has(word(first + 1) ?? '')) return undefined;
  const at = RATE_ADJECTIVES.has(word(first + 2) ?? '') ? first + 3 : first + 2;
  const period = word(at);
  if (period === undefined || !PERIODS.has(period) || x.tokens[at + 1]?.text !== ',' || at + 1 >= claim.firstToken) return undefined;
  return period;
}

/** The period right after a figure ("$4.5 billion a day", "per month", "annually") or after what it is of ("barrels of oil a day"), if any. */
function periodAfter(tokens: Token[], last: number): string | undefined {
  const a1 = wordAt(tokens, last + 1);
  if (a1 === undefined) return undefined;
  const p = wordAt(tokens, last + 2);
  // "a year earlier", "a week ago" say when, not how often.
  if (RATE_OPENERS.has(a1) && p !== undefined && PERIODS.has(p) && !WHEN_AFTER_PERIOD.has(wordAt(tokens, last + 3) ?? '')) return p;
  // After what the figure is of: "5,000 barrels of oil a day", "$2 million of crude aid per month".
  if (a1 === 'of')
    for (let k = last + 2; k <= last + 3; k++) {
      const w = wordAt(tokens, k);
      if (w === undefined || isStopword(w)) break;
      const after = wordAt(tokens, k + 1);
      if (after !== undefined && (PER_PERIOD.has(after) || RATE_OPENERS.has(after))) return periodAfter(tokens, k);
    }
  return PER_PERIOD.get(a1);
}

/** Words that open a rate's period after a figure: "a day", "per month", "each week", "every year". */
const RATE_OPENERS = new Set(['a', 'per', 'each', 'every']);
/** Words after "a year", "a week" that make it a time, not a rate: "a year earlier", "a week ago". */
const WHEN_AFTER_PERIOD = new Set(['earlier', 'ago', 'before', 'later', 'after', 'prior']);

/** Where a counted noun as a curator writes it names its period: the end of the noun before it, and the period. */
function nounPeriod(noun: string): { nounEnd: number; period: string } | undefined {
  const tokens = tokenize(noun);
  for (let k = 0; k < tokens.length; k++) {
    const period = periodAfter(tokens, k);
    if (period !== undefined) return { nounEnd: tokens[k].end, period };
  }
  return undefined;
}

/** A counted noun without the period a curator wrote into it: "vehicles" of "vehicles per day", "barrels" of "barrels of oil a day". */
export function nounWithoutPeriod(noun: string): string {
  const split = nounPeriod(noun);
  return split ? noun.slice(0, split.nounEnd) : noun;
}

/** The period a counted noun as a curator writes it gives its figure ("barrels per day", "barrels of oil a day"), if any. */
export function periodOfNoun(noun: string): string | undefined {
  return nounPeriod(noun)?.period;
}

/**
 * The period a figure shares with the next of its kind, when "and" joins them within a few words and the period
 * trails that one: "$5.1 billion and eastbound traffic at $4.5 billion a day".
 */
function sharedPeriod(x: Extraction, claim: Claim): string | undefined {
  const next = (x.claimsBySentence[claim.sentence] ?? []).find((o) => o.kind === claim.kind && o.firstToken > claim.lastToken);
  // The first figure is followed straight by "and": "$50 million to run" is no rate of "$2 billion to build".
  if (!next || next.firstToken - claim.lastToken > 7 || wordAt(x.tokens, claim.lastToken + 1) !== 'and') return undefined;
  let joined = false;
  for (let i = claim.lastToken + 1; i < next.firstToken; i++) {
    const t = x.tokens[i];
    if (t.type === 'break' || (t.type === 'sym' && t.text !== ',' && t.text !== '$')) return undefined;
    if (t.type === 'word' && t.lower === 'and') joined = true;
  }
  return joined ? periodAfter(x.tokens, next.lastToken) : undefined;
}

/**
 * The period that opens the figure's clause as its subject does ("Each week of the shutdown costs the economy $7
 * billion"); "Every year the Treasury publishes a report showing that the program cost $5 billion" is no yearly cost.
 */
function periodOpeningClause(tokens: Token[], claim: Claim, ca: number): string | undefined {
  for (let i = ca; i < claim.firstToken && i <= ca + 1; i++) {
    const w = wordAt(tokens, i);
    const period = wordAt(tokens, i + 1);
    if ((w === 'each' || w === 'every' || w === 'per') && period !== undefined && PERIODS.has(period) && !thatBetween(tokens, i, claim.firstToken))
      return period;
  }
  return undefined;
}

/** Prepositions that, with a span's edge ("first", "next", "past" ...), make a length of time a span things happen within: "in his first 100 days" ("for" only with "first"). */
const WITHIN_SPAN = new Set(['in', 'within', 'during', 'over']);
/** Words before a length of time that make it a span counted from an edge: "first", "next", "past", "last". */
const SPAN_EDGES = new Set(['first', 'next', 'past', 'last', 'previous', 'coming']);

/** Words after a length of time that make it the gap between two times: "40 days early", "six weeks before the deadline". */
const DURATION_GAP_AFTER = new Set(['early', 'earlier', 'ahead', 'before', 'late', 'sooner']);

/** Level, change, earlier level or gap; additional or total; set apart. */
function readAspect(x: Extraction, claim: Claim, ca: number, cb: number, frame: Frame): void {
  const tokens = x.tokens;
  const word = (i: number) => wordAt(tokens, i);
  // Before the figure and its qualifier.
  let before = claim.firstToken - 1;
  if (claim.qualifierStart !== undefined) while (before >= 0 && tokens[before].start >= claim.qualifierStart) before--;
  const after = claim.lastToken + 1;
  // A gap: "$100 billion short of", "$50 billion more than".
  const a1 = word(after);
  const second = a1 === undefined ? undefined : GAP_AFTER.get(a1);
  if ((claim.kind === 'money' || claim.kind === 'percent' || claim.kind === 'count') && second !== undefined && (second === '' || word(after + 1) === second)) {
    frame.aspect = 'gap';
    return;
  }
  if (claim.kind === 'duration') {
    // "40 days early", "six weeks before that deadline", "a month ahead of schedule": how far apart two times are.
    // Not a length something lasted: "closed for 40 days before it reopened".
    if (DURATION_GAP_AFTER.has(a1 ?? '') && word(before) !== 'for') frame.aspect = 'gap';
    // "in his first 100 days", "a goal for the first 100 days", "within the next 90 days", "in the past three months": a
    // span things happen within, not how long anything took.
    let k = before;
    let first = false;
    let firstOnly = false;
    let endEdge = false;
    for (; k >= 0 && (SPAN_EDGES.has(word(k) ?? '') || DETERMINERS.has(word(k) ?? '')); k--) {
      first ||= SPAN_EDGES.has(word(k) ?? '');
      firstOnly ||= word(k) === 'first';
      endEdge ||= word(k) === 'first' || word(k) === 'last';
    }
    // "For the next 30 days, the plant was closed" says how long; "a goal for the first 100 days" names a span. So does
    // "the first two years of work": a part of a longer length, counted from its edge. (Not "the past 13 days of the
    // outage", which counts back from now and may be all of it so far.)
    frame.within = first && (WITHIN_SPAN.has(word(k) ?? '') || (word(k) === 'for' && firstOnly) || (endEdge && word(after) === 'of'));
    return;
  }
  // A vote's tally is a count of votes, whatever leads to it: "passed the House by 415 to 3" is no change of 415.
  if (claim.kind === 'date' || claim.kind === 'year' || claim.tally) return;
  // Over a reference: "$200 billion above 2017 levels", "$200 billion more than it did in 2017".
  const excess = a1 === undefined ? undefined : EXCESS_AFTER.get(a1);
  // "over eight quarterly periods", "over the next decade": a span it is spread across, not a reference it exceeds.
  // A count of periods ("eight quarters", "a decade"), not a year ("over 2017 levels") nor a reference ("over a baseline").
  const periodAt = (k: number) => SPAN_PERIODS.has(word(k) ?? '') || SPAN_PERIODS.has(word(k + 1) ?? '');
  const across =
    a1 === 'over' &&
    (((tokens[after + 1]?.type === 'num' || SPAN_OPENERS.has(word(after + 1) ?? '')) && periodAt(after + 2)) ||
      (word(after + 1) === 'the' && SPAN_THE.has(word(after + 2) ?? '')));
  if (excess !== undefined && (excess === '' || word(after + 1) === excess) && !across) frame.increment = 'additional';
  // A change: "rose by 10 percent", "a 20 percent increase", "20 percentage points".
  if (claim.quantity.unit === 'pp') frame.aspect = 'change';
  if (word(before) === 'by' && CHANGE_VERBS.has(word(before - 1) ?? '')) frame.aspect = 'change';
  // "trim $1.5 trillion from deficits", "cut $100 billion off": the figure is what changed.
  else if (CHANGE_VERBS.has(word(before) ?? '') && (a1 === 'from' || a1 === 'off')) frame.aspect = 'change';
  // Not after a passive verb, whose "by" names who did it: "had been watched by 12.9 million viewers".
  // Of people or things counted, or a share of them ("was approved by 69% of members"): a sum or a rate "lifted by 3
  // percent" is still changed by it.
  else if (word(before) === 'by' && !(passiveBefore(tokens, before) && (claim.kind === 'count' || (claim.kind === 'percent' && a1 === 'of'))))
    frame.aspect = 'change';
  // A share a verb of change takes straight, without "to": "its shares declined about 30%", "has lost 22% of its value".
  // "gained 52% of the vote" wins a share, a level.
  else if (
    claim.kind === 'percent' &&
    (CHANGE_VERBS.has(word(before) ?? '') || MOVE_VERBS.has(word(before) ?? '')) &&
    !(word(before) === 'gained' && a1 === 'of')
  )
    frame.aspect = 'change';
  // "a 20 percent increase", and a change noun at the head of the figure's phrase: "a $1.5 trillion tax cut", "$1.5
  // trillion in tax cuts".
  for (let i = word(after) === 'in' ? after + 1 : after, n = 0; n < 3; i++, n++) {
    const w = word(i);
    if (w === undefined || isStopword(w)) break;
    if (CHANGE_NOUNS.has(w)) {
      frame.aspect = 'change';
      break;
    }
  }
  if (a1 === 'more' && word(after + 1) !== 'than' && word(after + 2) !== 'than') frame.increment = 'additional';
  // An earlier level: "from 145%" beside another figure, "down from 20%", "had been 10%", "previously 10%".
  const sameKindNear = (x.claimsBySentence[claim.sentence] ?? []).some(
    (o) => o !== claim && o.kind === claim.kind && Math.abs(o.firstToken - claim.firstToken) <= 8 && o.firstToken >= ca && o.lastToken <= cb,
  );
  if (word(before) === 'from' && sameKindNear) frame.aspect = 'prior';
  // Over an article: "compared to the $319 million ...".
  const pair = DETERMINERS.has(word(before) ?? '') ? before - 1 : before;
  const b1 = word(pair);
  const b2 = word(pair - 1);
  // Told in reported speech, "had been" is the tense moved back, not an earlier level: "insisted the state's real share
  // had been 24 percent" says what the share was.
  // Not where the figure is then compared with a later time ("had been 12 percent before it rose").
  let backshifted = false;
  if (b2 === 'had' && !/^(?:before|until)$/.test(word(after) ?? ''))
    for (let i = sentenceOf(x, claim)[0]; i < pair - 1 && !backshifted; i++) backshifted = thatAfterSaying(tokens, i) !== undefined || saidInPast(tokens, i);
  if (b2 !== undefined && b1 !== undefined && PRIOR_PAIRS.has(`${b2}_${b1}`) && !backshifted) frame.aspect = 'prior';
  for (let i = before, n = 0; i >= ca && n < 3; i--, n++) if (PRIOR_BEFORE.has(word(i) ?? '')) frame.aspect = 'prior';
  // "MPs had previously been led to believe the commitment was £240m": "previously" anywhere before the figure in its clause.
  for (let i = ca; i < before; i++) if (word(i) === 'previously' || word(i) === 'formerly') frame.aspect = 'prior';
  // "compared with a profit of $3.87 billion a year earlier": past the noun phrase the comparison names, which "of" closes.
  if (word(before) === 'of')
    for (let i = before - 2, n = 0; i > ca && n < 3 && word(i) !== undefined; i--, n++)
      if (word(i) === 'with' || word(i) === 'to') {
        if (word(i - 1) === 'compared') frame.aspect = 'prior';
        break;
      }
  // "as much as $90 million in the earlier deal", "$3 billion under the previous plan": the figure of an earlier one.
  if (
    frame.aspect === 'level' &&
    PRIOR_AFTER_PREPOSITIONS.has(word(after) ?? '') &&
    DETERMINERS.has(word(after + 1) ?? '') &&
    PRIOR_OF.has(word(after + 2) ?? '')
  )
    frame.aspect = 'prior';
  // A rate per period: after the figure ("$40 billion a year", "per month", "annually"); or before it, where it opens the
  // figure's clause; or shared with the next figure of its kind; or set by the sentence's opening phrase.
  // "a daily limit of 20 ships", "an annual budget of $5 billion": a period before the noun the figure sizes through "of".
  const ofAt = word(before) === 'only' || word(before) === 'just' ? before - 1 : before;
  const periodOf = (claim.kind === 'money' || claim.kind === 'count') && word(ofAt) === 'of' ? PER_PERIOD.get(word(ofAt - 2) ?? '') : undefined;
  const rate =
    periodAfter(tokens, claim.lastToken) ?? periodOf ?? periodOpeningClause(tokens, claim, ca) ?? sharedPeriod(x, claim) ?? ratePeriodOpening(x, claim);
  if (rate !== undefined) {
    frame.perPeriod = true;
    frame.period = rate;
  }
  // Said of the present: "are now 30%", "currently", "remains".
  // Not "still" after a past tense ("when the fires were still blazing"): that was so then.
  for (let i = ca; i <= cb; i++)
    if (PRESENT.has(word(i) ?? '') && (word(i) !== 'still' || (i < claim.firstToken && !PAST_AUXILIARIES.has(word(i - 1) ?? '')))) frame.present = true;
  // Held to some places: "In these areas, ...", "across many counties" before the figure.
  for (let i = ca; i + 2 < claim.firstToken && !frame.someplaces; i++)
    if (
      PLACE_OPENERS.has(word(i) ?? '') &&
      SOME_OF.has(word(i + 1) ?? '') &&
      (PLACE_NOUNS.has(word(i + 2) ?? '') || (i + 3 < claim.firstToken && PLACE_NOUNS.has(word(i + 3) ?? '')))
    )
      frame.someplaces = true;
  // Said of the time up to now: "has secured", "have spent".
  for (let i = ca; i <= cb && !frame.toNow; i++) if ((word(i) === 'has' || word(i) === 'have') && perfectAt(tokens, i, cb)) frame.toNow = true;
  // Set apart: "a separate pledge of $50 billion", "another $50 billion".
  for (let i = before, n = 0; i >= 0 && n < 4; i--) {
    const t = tokens[i];
    if (t.type === 'break' || (t.type === 'sym' && t.text !== '$' && t.text !== '-')) break;
    if (t.type !== 'word') continue;
    n++;
    if (DISTINCT.has(t.lower)) frame.distinct = t.lower;
  }
}
