/**
 * Matching: for a claim, the facts about the same thing.
 *
 * Two stages. An inverted index keyed by (kind/unit, keyword stem) narrows 100,000 facts to a
 * handful in constant time per context word; filters then drop facts about another entity or
 * another time; fuse.js token search ranks what is left against the claim's context. fuse.js
 * never sees the whole fact base: a full scan costs ~12 ms per claim at 100 facts.
 */
import Fuse from 'fuse.js';
import { EntityMention, findEntities, VENUES } from './entities';
import type { Claim, Extraction } from './extract';
import type { Fact, FactBase } from './factbase';
import { datesAgree, PartialDate, quantitiesAgree } from './quantity';
import { contentStem, contentStemOf, isStopword, stem, table, tokenize, Token, wordClass } from './tokens';

/** A fact matched to a claim. Lower score is better (fuse.js convention, 0 = perfect). */
export interface Match {
  fact: Fact;
  score: number;
  /** Keyword stems of the fact found near the claim. */
  anchors: string[];
}

interface FactEntry {
  fact: Fact;
  entities: ReadonlySet<string>;
  /**
   * Entities the fact's wording names only as the side a measure falls on ("levies on Chinese
   * imports"), never as the side that holds it ("U.S. levies"): a draft's "China's tariffs" is
   * the other side's measure.
   */
  targetOnly: ReadonlySet<string>;
  /** Points in time the fact is anchored to: asOf, its own date, years it names. */
  times: PartialDate[];
  /** How many of `times` come first from the fact's dates (asOf, its own date or year) rather than years its wording names. */
  datedTimes: number;
  /** Its topic has other facts: the same measure at other times. */
  onTimeline: boolean;
  /** Keyword phrases as stem lists; a phrase anchors only when all its words are near the figure. */
  groups: string[][];
  /** The fact's venues (Geneva, London): places that define an event. Empty for most facts. */
  venues: ReadonlySet<string>;
  /** Keyword stems no fact of the same kind on another topic shares ("pause" for the Geneva talks, not "talks"). */
  distinctive: readonly string[];
  /** Other facts quoted from the same sentence of the same source. */
  siblings: Fact[];
  /** Position in `FactIndex.entries`. */
  id: number;
}

/** What fuse.js ranks a fact on; built only for tied candidates, never for the whole base. */
interface FuseDoc {
  id: number;
  subject: string;
  aliases: string[];
  keywords: string[];
}

// Shared empties: most of 100,000 facts have no entities and no siblings; a Set each costs memory.
const NO_ENTITIES: ReadonlySet<string> = new Set();
const NO_FACTS: Fact[] = [];
const NO_STEMS: string[] = [];

/** A fact base prepared for matching. Build once per fact base version. */
export interface FactIndex {
  base: FactBase;
  entries: FactEntry[];
  /** Kind key (kind and unit or noun) → keyword stem → entry indexes. Nested, so a lookup builds no key string. */
  postings: Map<string, Map<string, number[]>>;
  /** Facts by topic, for timelines; only topics with more than one fact. */
  byTopic: Map<string, number[]>;
}

function kindKeysOfFact(f: Fact): string[] {
  const q = f.quantity;
  switch (q.kind) {
    case 'money':
    case 'percent':
      return [`${q.kind}:${q.unit}`];
    case 'count':
      return (q.nouns ?? []).map((n) => `count:${nounStem(n)}`);
    case 'duration':
      return [`duration:${q.ago ? 'ago' : 'len'}`];
    default:
      return [q.kind];
  }
}

/** Stem of a counted noun's head word: "co-authors" → "author", as the extractor sees it. */
function nounStem(noun: string): string {
  const words = tokenize(noun).filter((t) => t.type === 'word');
  return words.length ? stem(words[words.length - 1].lower) : stem(noun);
}

function kindKeysOfClaim(c: Claim): readonly string[] {
  const q = c.quantity;
  switch (q.kind) {
    case 'money':
    case 'percent':
      return kindKey(q.kind, q.unit);
    case 'count':
      if (!q.nouns) return kindKey('count', q.unit);
      return q.nouns.length === 1 ? kindKey('count', q.nouns[0]) : [...new Set(q.nouns)].map((n) => `count:${n}`);
    case 'duration':
      return kindKey('duration', q.ago ? 'ago' : 'len');
    default:
      return kindKey(q.kind, undefined);
  }
}

/** The key list for one kind and unit, built once: a check asks for it thousands of times. */
function kindKey(kind: string, unit: string | undefined): readonly string[] {
  let byUnit = KIND_KEYS.get(kind);
  if (!byUnit) KIND_KEYS.set(kind, (byUnit = new Map()));
  let keys = byUnit.get(unit);
  if (!keys) {
    if (byUnit.size >= 10_000) byUnit.clear();
    byUnit.set(unit, (keys = [unit === undefined ? kind : `${kind}:${unit}`]));
  }
  return keys;
}

const KIND_KEYS = new Map<string, Map<string | undefined, readonly string[]>>();

/** Parses YYYY, YYYY-MM or YYYY-MM-DD. */
export function parseIsoDate(s: string): PartialDate {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(s);
  if (!m) return {};
  const d: PartialDate = { year: Number(m[1]) };
  if (m[2]) d.month = Number(m[2]);
  if (m[3]) d.day = Number(m[3]);
  return d;
}

/** Nouns for what a measure falls on: "Chinese imports", "American goods". Owning one makes an entity the target, not the holder. */
const OBJECT_STEMS = new Set(['imports', 'goods', 'products', 'exports', 'shipments'].map(stem));

/**
 * How many words right after an entity mention it owns: the next word ("Japan's tariff",
 * "Chinese imports"), and the one after it when both are content words ("China's retaliatory
 * tariffs"). A count, not a list: this runs for every mention near every claim.
 */
function ownedAfter(tokens: Token[], mention: EntityMention): number {
  let n = 0;
  for (let k = mention.last + 1; k <= mention.last + 2; k++, n++) {
    const t = tokens[k];
    if (!t || t.type !== 'word' || isStopword(t.lower)) break;
  }
  return n;
}

function targetOnlyEntities(fact: Fact, entities: ReadonlySet<string>): ReadonlySet<string> {
  const targets = new Set<string>();
  const holders = new Set<string>();
  for (const phrase of [fact.subject, ...fact.aliases, ...fact.keywords, fact.quote]) {
    const toks = tokenize(phrase);
    for (const e of findEntities(toks, 0, toks.length - 1)) {
      if (!entities.has(e.id)) continue;
      const owned = toks.slice(e.last + 1, e.last + 1 + ownedAfter(toks, e)).map((t) => stem(t.lower));
      if (owned.some((w) => OBJECT_STEMS.has(w))) targets.add(e.id);
      else if (owned.length) holders.add(e.id);
    }
  }
  for (const h of holders) targets.delete(h);
  return targets.size ? targets : NO_ENTITIES;
}

/** Every keyword stem of a fact, once. */
function stemsOf(entry: FactEntry): string[] {
  const out: string[] = [];
  for (const g of entry.groups) for (const w of g) if (!out.includes(w)) out.push(w);
  return out;
}

export function buildIndex(base: FactBase): FactIndex {
  const entries: FactEntry[] = [];
  const postings = new Map<string, Map<string, number[]>>();
  const byTopic = new Map<string, number[]>();
  // Facts share a handful of as-of dates; one object each instead of one per fact.
  const asOfDates = new Map<string, PartialDate>();
  base.facts.forEach((fact, i) => {
    const entities = new Set(fact.entities);
    const anchors = new Set<string>();
    const groups: string[][] = [];
    let asOf = asOfDates.get(fact.asOf);
    if (!asOf) asOfDates.set(fact.asOf, (asOf = parseIsoDate(fact.asOf)));
    const times: PartialDate[] = [asOf];
    if (fact.quantity.date) times.push(fact.quantity.date);
    if (fact.quantity.kind === 'year') times.push({ year: fact.quantity.lo });
    const datedTimes = times.length;
    for (const phrase of [fact.subject, ...fact.aliases, ...fact.keywords]) {
      const toks = tokenize(phrase);
      const ents = findEntities(toks, 0, toks.length - 1);
      const entityTokens = new Set<number>();
      for (const e of ents) {
        entities.add(e.id);
        for (let k = e.first; k <= e.last; k++) entityTokens.add(k);
      }
      toks.forEach((t) => {
        if (t.type === 'num' && t.plainDigits && t.text.length === 4 && t.value! >= 1900 && t.value! <= 2100) times.push({ year: t.value! });
      });
      // Subject words describe; only keywords and aliases anchor, each phrase as a whole ("tariff rate" needs both words).
      if (phrase === fact.subject && !fact.keywords.includes(phrase) && !fact.aliases.includes(phrase)) continue;
      const group: string[] = [];
      toks.forEach((t, k) => {
        const st = t.type === 'word' && !entityTokens.has(k) ? contentStem(t.lower) : undefined;
        if (st !== undefined) group.push(st);
      });
      if (group.length) {
        groups.push(group);
        for (const g of group) anchors.add(g);
      }
    }
    const targetOnly = entities.size ? targetOnlyEntities(fact, entities) : NO_ENTITIES;
    const venues = [...entities].filter((e) => VENUES.has(e));
    entries.push({ fact, entities: entities.size ? entities : NO_ENTITIES, targetOnly, times, datedTimes, onTimeline: false, groups, siblings: NO_FACTS, venues: venues.length ? new Set(venues) : NO_ENTITIES, distinctive: NO_STEMS, id: i });
    for (const kk of kindKeysOfFact(fact)) {
      let byStem = postings.get(kk);
      if (!byStem) postings.set(kk, (byStem = new Map()));
      for (const a of anchors) {
        const list = byStem.get(a);
        if (list) list.push(i);
        else byStem.set(a, [i]);
      }
    }
    const t = byTopic.get(fact.topic);
    if (t) t.push(i);
    else byTopic.set(fact.topic, [i]);
  });
  // Keywords that tell a fact from the others of its kind: one pass over the postings marks the stems several topics share.
  const sharedStems = new Map<string, Set<string>>();
  for (const [kk, byStem] of postings) {
    const shared = new Set<string>();
    for (const [stem, ids] of byStem) if (ids.some((id) => entries[id].fact.topic !== entries[ids[0]].fact.topic)) shared.add(stem);
    sharedStems.set(kk, shared);
  }
  for (const e of entries) {
    // Only dates and place-bound events are asked for a distinctive keyword; the rest keep none.
    if (e.fact.quantity.kind !== 'date' && !e.venues.size) continue;
    const shared = kindKeysOfFact(e.fact).map((kk) => sharedStems.get(kk));
    const distinctive = stemsOf(e).filter((a) => !shared.some((set) => set?.has(a)));
    if (distinctive.length) e.distinctive = distinctive;
  }
  for (const [topic, ids] of byTopic) {
    if (ids.length < 2) byTopic.delete(topic);
    else for (const id of ids) entries[id].onTimeline = true;
  }
  const byQuote = new Map<string, FactEntry[]>();
  for (const e of entries) {
    const key = `${e.fact.source.id}\u0000${e.fact.quote}`;
    const list = byQuote.get(key);
    if (list) list.push(e);
    else byQuote.set(key, [e]);
  }
  for (const list of byQuote.values()) if (list.length > 1) for (const e of list) e.siblings = list.filter((o) => o !== e).map((o) => o.fact);
  return { base, entries, postings, byTopic };
}

/** How far (in tokens) from the figure its context reaches, by kind. Years are checked only where they name the thing directly ("the 2020 deal"). */
const WINDOW: Record<string, number> = { year: 4, date: 14, default: 16 };

/** An entity named in the claim's sentence, outside the figure. */
export interface ContextEntity {
  id: string;
  /** Tokens between the mention and the figure. */
  distance: number;
  /** A meeting place (see VENUES), told apart from countries and companies. */
  venue: boolean;
}

/** The claim's context: nearby word stems, entity mentions and other time mentions. */
export interface ClaimContext {
  /** Content words near the figure, in document order: their token indexes and stems. */
  wordAt: number[];
  wordStems: string[];
  /** The entity owning each of those words ("Japan's tariff"), undefined when none; empty when no word has an owner. */
  wordOwners: Array<string | undefined>;
  /** Token range whose dates apply to the figure: its comma segment, or the whole sentence for an introductory date. */
  scope: [number, number];
  entities: ContextEntity[];
  /** Dates and years named near the figure (not the figure itself). */
  times: PartialDate[];
  /** Dates and years anywhere in the sentence: one matching an older fact makes the claim history. */
  sentenceTimes: PartialDate[];
  /** A word such as "initially" marks the sentence as history, not the present. */
  historical: boolean;
}

/** Prose averages under two tokens per word (punctuation, numbers); four leaves room for figures. */
const MAX_TOKENS_PER_WORD = 4;

const HISTORICAL_MARKERS = new Set(['initially', 'originally', 'previously', 'formerly', 'earlier', 'then']);
const HISTORICAL = wordClass((lower) => HISTORICAL_MARKERS.has(lower));

export function claimContext(x: Extraction, claim: Claim): ClaimContext {
  const d = derived(x);
  const [sFirst, sLast] = x.sentences[claim.sentence] ?? [claim.firstToken, claim.lastToken];
  const w = WINDOW[claim.kind] ?? WINDOW.default;
  // Count only word tokens for the window, so punctuation does not shrink it.
  // Tokens are capped too: a run of symbols and numbers with no words would otherwise stretch the window over the sentence.
  const reach = w * MAX_TOKENS_PER_WORD;
  // The window's ends, straight from the word positions: the w-th word either side, or the
  // sentence's end, or the token reach, whichever comes first.
  const before = d.wordsBefore[claim.firstToken];
  let from = Math.max(before >= w ? d.wordPos[before - w] : -1, sFirst, claim.firstToken - reach);
  if (from > claim.firstToken) from = claim.firstToken;
  const after = d.wordsBefore[claim.lastToken + 1];
  let to = Math.min(after + w - 1 < d.wordPos.length ? d.wordPos[after + w - 1] : Infinity, sLast, claim.lastToken + reach);
  if (to < claim.lastToken) to = claim.lastToken;
  // Context words come from the claim's clause: in "X rose 15 percent, and the truce expires Sept. 1", "truce" is not about the 15 percent.
  if (claim.firstToken > from) from = Math.max(from, markAtOrBefore(d.clauseBreaks, claim.firstToken - 1) + 1);
  if (claim.lastToken < to) to = Math.min(to, markAtOrAfter(d.clauseBreaks, claim.lastToken + 1, x.tokens.length) - 1);
  const wordAt: number[] = [];
  const wordStems: string[] = [];
  // Only content words are visited: the first at or after `from` is found by binary search.
  const content = d.contentPos;
  for (let k = firstAtOrAfter(content, from); k < content.length && content[k] <= to; k++) {
    const i = content[k];
    if (i >= claim.firstToken && i <= claim.lastToken) continue;
    wordAt.push(i);
    wordStems.push(d.stemAt[i]!);
  }
  let historical = false;
  for (const i of d.historicalPos) if (i >= from && i <= to && (i < claim.firstToken || i > claim.lastToken)) historical = true;
  // Entities: search the whole sentence, keep distance so the nearest decides.
  // A word right after an entity belongs to it: "Japan's tariff", "Canadian steel".
  const entities: ContextEntity[] = [];
  let wordOwners = NO_OWNERS;
  for (const e of sentenceEntities(x, d, claim.sentence, sFirst, sLast)) {
    if (e.last >= claim.firstToken && e.first <= claim.lastToken) continue;
    entities.push({ id: e.id, distance: e.last < claim.firstToken ? claim.firstToken - e.last : e.first - claim.lastToken, venue: e.venue });
    for (let k = e.last + 1, end = k + ownedAfter(x.tokens, e); k < end; k++) {
      const n = wordAt.indexOf(k);
      if (n < 0) continue;
      if (wordOwners === NO_OWNERS) wordOwners = new Array<string | undefined>(wordAt.length).fill(undefined);
      wordOwners[n] = e.id;
    }
  }
  const scope = timeScopeOf(x, d, claim, sFirst, sLast);
  const others = x.claimsBySentence[claim.sentence] ?? [];
  const times = timesNear(d, claim, others, w, scope);
  const sentenceTimes = timesInSentence(d, claim, others);
  return { wordAt, wordStems, wordOwners, entities, times, sentenceTimes, historical, scope };
}

const NO_OWNERS: Array<string | undefined> = [];
const UNOWNED = [undefined];

/** The owner of each occurrence of `stem` among the context words (undefined: no owner; none listed: not a context word). */
function ownersOf(ctx: ClaimContext, stem: string): Array<string | undefined> {
  if (!ctx.wordOwners.length) return UNOWNED;
  const out: Array<string | undefined> = [];
  ctx.wordStems.forEach((s, n) => {
    if (s === stem) out.push(ctx.wordOwners[n]);
  });
  return out.length ? out : UNOWNED;
}

/** How many words either side fuse.js ranks on: the nearest words say most about a figure. */
const FUSE_REACH = 8;

const CLAUSE_BREAK_SYMBOLS = new Set([';', ':', '—', '(', ')']);
const CLAUSE_BREAK_AFTER_COMMA = new Set(['and', 'while', 'but', 'whereas', 'then', 'as', 'with', 'although', 'though', 'yet']);

const INTRO_WORDS = new Set(['on', 'in', 'by', 'since', 'until', 'from', 'during', 'after', 'before', 'last', 'this', 'early', 'late', 'as', 'at']);

/**
 * Data derived from an extraction once and shared by all its claims: a sentence with a hundred
 * claims must not rescan itself a hundred times, and a token inside several claims' windows is
 * stemmed once. Kept as long as the extraction lives.
 */
interface Derived {
  /** Stem of each token that is a content word (not a stopword, two letters or more); undefined otherwise. */
  stemAt: Array<string | undefined>;
  /** Token indexes of the words, of the content words (those with a stem), and of words such as "initially" that mark a sentence as history. */
  wordPos: number[];
  contentPos: number[];
  historicalPos: number[];
  /**
   * Token indexes, in order, of segment breaks (a comma or clause symbol) and of clause breaks
   * (a clause symbol, or a comma before "and", "while", ...). Lists rather than a nearest-break
   * entry per token: a block has a few breaks and many tokens.
   */
  breaks: number[];
  clauseBreaks: number[];
  /** Word tokens before each token index, so "how many words lie between" is one subtraction. */
  wordsBefore: number[];
  /** Entity mentions per sentence index, each sentence searched once however many claims it holds. */
  entitiesBySentence: Array<EntityMention[] | undefined>;
  /** Date and year claims per sentence index. */
  timeClaimsBySentence: Array<Claim[] | undefined>;
  /** Every entity named anywhere in the extraction (a block: one paragraph); computed on first use. */
  entitiesNamed?: ReadonlySet<string>;
  /** Content-word stems per sentence index, computed on first use. */
  stemsBySentence: Array<ReadonlySet<string> | undefined>;
}

// Plain arrays, not typed arrays: a document has thousands of small blocks, and typed arrays'
// separate backing stores cost far more to allocate and collect at that size.
function derived(x: Extraction): Derived {
  let d = x.matchData as Derived | undefined;
  if (d) return d;
  const tokens = x.tokens;
  const n = tokens.length;
  // Sized up front: grown by push, these arrays would allocate about twice their final size.
  const stemAt = new Array<string | undefined>(n);
  const wordPos: number[] = [];
  const contentPos: number[] = [];
  const historicalPos: number[] = [];
  const wordsBefore = new Array<number>(n + 1);
  const breaks: number[] = [];
  const clauseBreaks: number[] = [];
  let words = 0;
  wordsBefore[0] = 0;
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    let st: string | undefined;
    if (t.type === 'word') {
      words++;
      wordPos.push(i);
      if (t.lex!.classes & HISTORICAL) historicalPos.push(i);
      st = contentStemOf(t.lex!);
      if (st !== undefined) contentPos.push(i);
    } else if (t.type === 'sym') {
      if (t.text === ',' || CLAUSE_BREAK_SYMBOLS.has(t.text)) breaks.push(i);
      const next = tokens[i + 1];
      if (CLAUSE_BREAK_SYMBOLS.has(t.text) || (t.text === '–' && t.spaced) || (t.text === ',' && next?.type === 'word' && CLAUSE_BREAK_AFTER_COMMA.has(next.lower))) clauseBreaks.push(i);
    }
    stemAt[i] = st;
    wordsBefore[i + 1] = words;
  }
  d = {
    stemAt,
    wordPos,
    contentPos,
    historicalPos,
    breaks,
    clauseBreaks,
    wordsBefore,
    // Per sentence index, filled on first use (arrays: a Map each per block cost more than they save).
    entitiesBySentence: [],
    timeClaimsBySentence: [],
    stemsBySentence: [],
  };
  x.matchData = d;
  return d;
}

/** The last of the ordered token indexes `marks` at or before i; -1 when none. */
function markAtOrBefore(marks: number[], i: number): number {
  const k = firstAtOrAfter(marks, i + 1);
  return k > 0 ? marks[k - 1] : -1;
}

/** The first of the ordered token indexes `marks` at or after i; `none` when none. */
function markAtOrAfter(marks: number[], i: number, none: number): number {
  const k = firstAtOrAfter(marks, i);
  return k < marks.length ? marks[k] : none;
}

/** Where the first of the ordered token indexes `marks` at or after i stands (marks.length when none): one bisection for every lookup above. */
function firstAtOrAfter(marks: number[], i: number): number {
  let lo = 0;
  for (let hi = marks.length; lo < hi; ) {
    const mid = (lo + hi) >> 1;
    if (marks[mid] < i) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function entitiesNamed(x: Extraction): ReadonlySet<string> {
  const d = derived(x);
  if (!d.entitiesNamed) {
    const named = new Set<string>();
    x.sentences.forEach(([a, b], k) => {
      for (const e of sentenceEntities(x, d, k, a, b)) named.add(e.id);
    });
    d.entitiesNamed = named;
  }
  return d.entitiesNamed;
}

function sentenceStems(x: Extraction, sentence: number): ReadonlySet<string> {
  const d = derived(x);
  let stems = d.stemsBySentence[sentence];
  if (!stems) {
    const [a, b] = x.sentences[sentence] ?? [0, -1];
    const set = new Set<string>();
    for (let i = a; i <= b; i++) if (d.stemAt[i] !== undefined) set.add(d.stemAt[i]!);
    d.stemsBySentence[sentence] = stems = set;
  }
  return stems;
}

/** How many of the fact's keyword stems the claim's sentence holds, counting up to `enough`. */
function keywordsInSentence(x: Extraction, claim: Claim, entry: FactEntry, enough: number): number {
  const stems = sentenceStems(x, claim.sentence);
  let n = 0;
  for (const a of stemsOf(entry)) if (stems.has(a) && ++n >= enough) break;
  return n;
}

function sentenceEntities(x: Extraction, d: Derived, sentence: number, sFirst: number, sLast: number): EntityMention[] {
  let mentions = d.entitiesBySentence[sentence];
  if (!mentions) d.entitiesBySentence[sentence] = mentions = findEntities(x.tokens, sFirst, sLast);
  return mentions;
}

/**
 * The stretch of a sentence whose dates apply to a figure: its comma-delimited segment, plus
 * a short introductory phrase ("On February 1, ...", "In May, ...") that dates the whole sentence.
 */
function timeScopeOf(x: Extraction, d: Derived, claim: Claim, sFirst: number, sLast: number): [number, number] {
  const { breaks, wordsBefore } = d;
  const n = x.tokens.length;
  const prev = claim.firstToken > sFirst ? markAtOrBefore(breaks, claim.firstToken - 1) : -1;
  let a = prev >= sFirst ? prev + 1 : sFirst;
  const next = claim.lastToken < sLast ? markAtOrAfter(breaks, claim.lastToken + 1, n) : Infinity;
  let b = next <= sLast ? next - 1 : sLast;
  // The sentence's first segment is an introductory phrase when it opens with "On", "In", ... and is short.
  const introEnd = Math.min(markAtOrAfter(breaks, sFirst, n), sLast);
  const first = x.tokens[sFirst];
  const introWords = wordsBefore[introEnd] - wordsBefore[sFirst];
  const hasIntro = introEnd < sLast && first.type === 'word' && INTRO_WORDS.has(first.lower) && introWords <= 5;
  if (hasIntro) {
    // An introductory date applies to every figure; an introductory figure is dated by the whole sentence.
    if (a > sFirst) a = sFirst;
    else b = sLast;
  }
  return [a, b];
}

/** A date or year claim as a time that constrains `claim` (a date claim only cares about years). */
function timeOf(o: Claim, claim: Claim): PartialDate | undefined {
  if (o.kind === 'year') return { year: o.quantity.lo };
  if (o.kind !== 'date' || !o.quantity.date) return undefined;
  const date = o.quantity.date;
  if (claim.kind !== 'date') return date.year !== undefined || date.month !== undefined ? date : undefined;
  return date.year !== undefined ? { year: date.year } : undefined;
}

/** Index of `claim` in its sentence's claims, which are in document order and do not overlap. */
function positionIn(others: Claim[], claim: Claim): number {
  let lo = 0;
  let hi = others.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (others[mid].firstToken < claim.firstToken) lo = mid + 1;
    else if (others[mid].firstToken > claim.firstToken) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/**
 * Other dates and years near the claim, within `scope`: a figure "in 2019" is not about a 2025
 * fact. Walks outward from the claim and stops at the scope or the window (w words, and at most
 * MAX_TOKENS_PER_WORD tokens per word, as for context words), so a sentence packed with figures
 * costs no more per claim than the window holds.
 */
function timesNear(d: Derived, claim: Claim, others: Claim[], w: number, scope: [number, number]): PartialDate[] {
  const out: PartialDate[] = [];
  const words = d.wordsBefore;
  const reach = w * MAX_TOKENS_PER_WORD;
  const k = positionIn(others, claim);
  for (let j = k - 1; j >= 0; j--) {
    const o = others[j];
    if (o.lastToken < scope[0] || claim.firstToken - o.lastToken > reach || words[claim.firstToken] - words[Math.min(o.lastToken + 1, claim.firstToken)] > w) break;
    const t = timeOf(o, claim);
    if (t) out.push(t);
  }
  for (let j = k + 1; j < others.length; j++) {
    const o = others[j];
    if (o.firstToken > scope[1] || o.firstToken - claim.lastToken > reach || words[o.firstToken] - words[Math.min(claim.lastToken + 1, o.firstToken)] > w) break;
    const t = timeOf(o, claim);
    if (t) out.push(t);
  }
  return out;
}

/** Dates and years anywhere in the claim's sentence but the claim itself; the sentence's time claims are listed once. */
function timesInSentence(d: Derived, claim: Claim, others: Claim[]): PartialDate[] {
  let timeClaims = d.timeClaimsBySentence[claim.sentence];
  if (!timeClaims) d.timeClaimsBySentence[claim.sentence] = timeClaims = others.filter((o) => o.kind === 'year' || o.kind === 'date');
  const out: PartialDate[] = [];
  for (const o of timeClaims) {
    if (o === claim) continue;
    const t = timeOf(o, claim);
    if (t) out.push(t);
  }
  return out;
}

const fuseOptions = {
  useTokenSearch: true,
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.4,
  keys: [
    { name: 'keywords', weight: 3 },
    { name: 'aliases', weight: 2 },
    { name: 'subject', weight: 1 },
  ],
};

/**
 * Facts about the same thing as the claim, best first. Empty when the claim's context names
 * no fact's keywords, or names another entity or another time.
 */
export function matchClaim(index: FactIndex, x: Extraction, claim: Claim, ctx: ClaimContext = claimContext(x, claim)): Match[] {
  /** Entry index → the context stems that hit it, in the order they were looked up. */
  const hits = new Map<number, string[]>();
  // A handful of words: the arrays are searched in place rather than turned into a Set per claim.
  const stems = ctx.wordStems;
  // A counted noun is context too ("1.4 billion people"), when a fact lists it as a keyword.
  const nouns = claim.kind === 'count' && claim.quantity.nouns ? claim.quantity.nouns.filter((n) => !stems.includes(n)) : NO_STEMS;
  for (const kk of kindKeysOfClaim(claim)) {
    const byStem = index.postings.get(kk);
    if (!byStem) continue;
    // A repeated stem is looked up again; `lookUp` records each stem once per fact.
    for (const s of stems) lookUp(byStem, s, hits);
    for (const s of nouns) lookUp(byStem, s, hits);
  }
  if (hits.size === 0) return [];
  // "A separate pledge of $50 billion": the writer says it is not the figure we know.
  if (distinctMarked(x, claim) || differenceMarked(x, claim)) return [];
  const candidates: Array<{ entry: FactEntry; anchors: string[] }> = [];
  for (const [id, anchors] of hits) {
    const entry = index.entries[id];
    if (!anyGroupNear(entry.groups, stems, nouns)) continue;
    // One common keyword ("cost", "talks", "pause") is thin evidence: without any of the fact's
    // entities named in the paragraph, it takes two in the sentence, or a highway's cost would be the dam's.
    if (entry.entities.size && anchors.length < 2 && !namesAny(entitiesNamed(x), entry.entities) && keywordsInSentence(x, claim, entry, 2) < 2) continue;
    // A date names an event, and so does a place (the Geneva talks). Without the place named in the
    // paragraph, "officials met for talks in March" is any meeting: it takes a keyword that no
    // other event shares ("pause" for Geneva, "Musk" for Han Zheng's meeting), not "met" or "talks".
    if ((entry.venues.size || claim.kind === 'date') && !namesAny(entitiesNamed(x), entry.venues) && !anchors.some((a) => entry.distinctive.includes(a))) continue;
    if (!admissible(entry, ctx)) continue;
    // Counts and sums far apart in size are about different things ("200 people" vs a population, "$450 million" vs "$170 billion"); a 10x slip still matches.
    if ((claim.kind === 'count' || claim.kind === 'money') && !withinMagnitude(claim.quantity.hi, entry.fact.quantity.hi, 20)) continue;
    // A year is only checked when the sentence also names one of the fact's entities ("China ... the 2018 deal").
    if (claim.kind === 'year' && entry.entities.size && !ctx.entities.some((e) => entry.entities.has(e.id))) continue;
    // Anchors owned by another entity ("Japan's tariff") do not tie the figure to this fact.
    if (entry.entities.size && !anchors.some((a) => ownersOf(ctx, a).some((o) => o === undefined || entry.entities.has(o)))) continue;
    // A measure held by the side the fact names only as the target ("China's retaliatory tariffs" against U.S. levies on Chinese imports).
    if (entry.targetOnly.size && anchors.some((a) => !OBJECT_STEMS.has(a) && ownersOf(ctx, a).every((o) => o !== undefined && entry.targetOnly.has(o)))) continue;
    candidates.push({ entry, anchors });
  }
  if (candidates.length === 0) return [];
  const ranked = rank(index, candidates, x, claim, ctx);
  // When the best match is an event whose other figures this sentence contradicts, the sentence
  // is about a different event: judge nothing rather than fall back to a weaker match.
  const entryOf = (m: Match) => candidates.find((c) => c.entry.fact === m.fact)!.entry;
  if (siblingContradicted(entryOf(ranked[0]), x, claim, ctx)) return [];
  return ranked.filter((m) => !siblingContradicted(entryOf(m), x, claim, ctx));
}

/** Whether every word of one of a fact's keyword phrases is among the context stems or counted nouns. */
function anyGroupNear(groups: string[][], stems: string[], nouns: readonly string[]): boolean {
  for (const g of groups) {
    let all = true;
    for (let k = 0; k < g.length && all; k++) all = stems.includes(g[k]) || nouns.includes(g[k]);
    if (all) return true;
  }
  return false;
}

function namesAny(named: ReadonlySet<string>, entities: ReadonlySet<string>): boolean {
  for (const e of entities) if (named.has(e)) return true;
  return false;
}

/** Records that stem `s` hits each fact its posting list names, once per fact. */
function lookUp(byStem: Map<string, number[]>, s: string, hits: Map<number, string[]>): void {
  const list = byStem.get(s);
  if (!list) return;
  for (const id of list) {
    const anchors = hits.get(id);
    if (!anchors) hits.set(id, [s]);
    else if (!anchors.includes(s)) anchors.push(s);
  }
}

const DISTINCT_MARKERS = new Set(['separate', 'another', 'different', 'unrelated', 'distinct', 'other']);

function distinctMarked(x: Extraction, claim: Claim): boolean {
  for (let i = claim.firstToken - 1, n = 0; i >= 0 && n < 4; i--) {
    const t = x.tokens[i];
    if (t.type === 'break' || (t.type === 'sym' && t.text !== '$' && t.text !== '-')) break;
    if (t.type !== 'word') continue;
    n++;
    if (DISTINCT_MARKERS.has(t.lower)) return true;
  }
  return false;
}

/** Words after a figure that make it the gap between two amounts: "$100 billion short of", "$50 billion more than" (''; the first word alone). */
const DIFFERENCE_AFTER = table({ short: 'of', shy: 'of', more: 'than', less: 'than', fewer: 'than', higher: 'than', lower: 'than', above: '', below: '', shortfall: '' });

/**
 * A figure that is a difference, not an amount: "fell $100 billion short of the $200 billion",
 * "rose by 10 percent", "$50 billion more than". It measures a gap, which no fact states.
 * Dates, years and durations are left alone: "by April" is a deadline.
 */
function differenceMarked(x: Extraction, claim: Claim): boolean {
  if (claim.kind !== 'money' && claim.kind !== 'percent' && claim.kind !== 'count') return false;
  const word = (i: number) => (x.tokens[i]?.type === 'word' ? x.tokens[i].lower : undefined);
  const after = word(claim.lastToken + 1);
  const second = after === undefined ? undefined : DIFFERENCE_AFTER.get(after);
  if (second !== undefined && (second === '' || word(claim.lastToken + 2) === second)) return true;
  let before = claim.firstToken - 1;
  if (claim.qualifierStart !== undefined) while (before >= 0 && x.tokens[before].start >= claim.qualifierStart) before--;
  return word(before) === 'by';
}

const fuseCache = new WeakMap<FactIndex, Map<string, Fuse<FuseDoc>>>();

/**
 * Orders candidates. Most claims are decided by how many of a fact's keywords stand near the
 * figure; fuse.js ranks only the ties, on the nearest words, over the tied candidates alone.
 */
function rank(index: FactIndex, candidates: Array<{ entry: FactEntry; anchors: string[] }>, x: Extraction, claim: Claim, ctx: ClaimContext): Match[] {
  if (candidates.length === 1) return [{ fact: candidates[0].entry.fact, score: 0, anchors: candidates[0].anchors }];
  // Keywords near the figure count first; then how many of the fact's entities the sentence
  // names, so "negotiators met in London" goes to the London meeting rather than another meeting.
  const named = new Set(ctx.entities.map((e) => e.id));
  const strengths = new Map(candidates.map((c) => [c, c.anchors.length * 100 + [...c.entry.entities].filter((e) => named.has(e)).length]));
  const strength = (c: { entry: FactEntry; anchors: string[] }) => strengths.get(c)!;
  const sorted = [...candidates].sort((a, b) => strength(b) - strength(a));
  const top = sorted[0].anchors.length;
  const tied = sorted.filter((c) => strength(c) === strength(sorted[0]));
  let order: Array<{ c: { entry: FactEntry; anchors: string[] }; score: number }>;
  if (tied.length === 1) {
    order = sorted.map((c) => ({ c, score: 1 - c.anchors.length / (top + 1) }));
    order[0].score = 0;
  } else if (tied.every((c) => c.entry.fact.topic === tied[0].entry.fact.topic)) {
    // One measure at several times (a tariff rate in February, then in July): wording cannot
    // tell them apart, so fuse.js is not asked. The verdict sorts a timeline by date and
    // agreement; here the newest comes first, equally ranked.
    order = tied.map((c) => ({ c, score: 0 }));
    order.sort((a, b) => (a.c.entry.fact.asOf < b.c.entry.fact.asOf ? 1 : a.c.entry.fact.asOf > b.c.entry.fact.asOf ? -1 : a.c.entry.id - b.c.entry.id));
    for (const c of sorted.slice(tied.length)) order.push({ c, score: 1 + (strength(sorted[0]) - strength(c)) / 100 });
  } else {
    let cache = fuseCache.get(index);
    if (!cache) fuseCache.set(index, (cache = new Map()));
    const key = tied.map((c) => c.entry.id).join(',');
    let fuse = cache.get(key);
    if (!fuse) {
      fuse = new Fuse(tied.map(({ entry: { id, fact } }): FuseDoc => ({ id, subject: fact.subject, aliases: fact.aliases, keywords: fact.keywords })), fuseOptions);
      if (cache.size > 512) cache.clear();
      cache.set(key, fuse);
    }
    const near = ctx.wordAt.filter((i) => i >= claim.firstToken - FUSE_REACH && i <= claim.lastToken + FUSE_REACH);
    const query = (near.length ? near : ctx.wordAt).map((i) => x.tokens[i].lower.replace(/[’']s$/, '')).join(' ');
    const scored = new Map<number, number>();
    for (const r of fuse.search(query)) scored.set(r.refIndex, r.score ?? 1);
    order = tied.map((c, k) => ({ c, score: scored.get(k) ?? 1 }));
    order.sort((a, b) => a.score - b.score);
    // Candidates with fewer keywords or entities nearby follow the tied ones.
    for (const c of sorted.slice(tied.length)) order.push({ c, score: 1 + (strength(sorted[0]) - strength(c)) / 100 });
  }
  return order.map(({ c, score }) => ({ fact: c.entry.fact, score, anchors: c.anchors }));
}

/**
 * Whether every mention at the nearest distance (among venues, or among the rest) is allowed.
 * Mentions of `ignored` entities do not count: for a fact whose wording names them only as the
 * target ("levies on Chinese imports"), "Japan's levies on Chinese imports" is Japan's.
 */
function nearestAllowed(mentions: ContextEntity[], venues: boolean, allowed: ReadonlySet<string>, ignored: ReadonlySet<string> = NO_ENTITIES): boolean {
  // One pass: `ok` says whether every counted mention at the nearest distance so far is allowed.
  let nearest = Infinity;
  let ok = true;
  for (const e of mentions) {
    if (e.venue !== venues || (ignored.size !== 0 && ignored.has(e.id))) continue;
    if (e.distance < nearest) {
      nearest = e.distance;
      ok = allowed.has(e.id);
    } else if (e.distance === nearest && ok) ok = allowed.has(e.id);
  }
  return ok;
}

function withinMagnitude(a: number, b: number, factor: number): boolean {
  if (a <= 0 || b <= 0) return a === b;
  return Math.max(a, b) / Math.min(a, b) < factor;
}

/**
 * Facts quoted from the same source sentence describe one event. When the draft's sentence
 * gives another figure of that event that disagrees with the source ("on March 4 ... a 20
 * percent tariff"), the sentence is about a different event, so its date is not checked
 * against this one. Unless the sentence names the event's venue ("the Geneva talks in April
 * produced a 60-day pause"): then it is the same event with two wrong figures.
 */
function siblingContradicted(entry: FactEntry, x: Extraction, claim: Claim, ctx: ClaimContext): boolean {
  if (!entry.siblings.length) return false;
  if (ctx.entities.some((e) => entry.venues.has(e.id))) return false;
  const scope = ctx.scope;
  for (const other of x.claimsBySentence[claim.sentence] ?? []) {
    if (other === claim || other.lastToken < scope[0] || other.firstToken > scope[1]) continue;
    for (const sib of entry.siblings) {
      const sq = sib.quantity;
      // A change in points ("rose 20 percentage points in March") reports another event than a rate being set.
      if (sq.kind === 'percent' && sq.unit === '%' && other.kind === 'percent' && other.quantity.unit === 'pp') return true;
      if (sq.kind !== other.kind || (sq.kind !== 'date' && sq.kind !== 'year' && sq.unit !== other.quantity.unit)) continue;
      if (quantitiesAgree(other.quantity, sq) === false) return true;
    }
  }
  return false;
}

/**
 * Whether a fact may be about the claim at all: the entity named closest to the figure must
 * be one of the fact's, and any other time named next to it must fit the fact's times.
 */
function admissible(entry: FactEntry, ctx: ClaimContext): boolean {
  if (entry.entities.size && ctx.entities.length) {
    // Countries, companies, programmes: the one named closest to the figure decides.
    if (!nearestAllowed(ctx.entities, false, entry.entities, entry.targetOnly)) return false;
    // Venues only separate facts that have one (the Geneva talks from the London meeting).
    if (entry.venues.size && !nearestAllowed(ctx.entities, true, entry.entities)) return false;
  }
  // A time named near the figure rules a fact out when it contradicts one of the fact's times and agrees with none.
  for (const t of ctx.times) {
    // On a timeline the month decides which fact a dated figure is about ("In February 2025, levies
    // were 30% to 50%" is not the July figure): a year the fact's wording names does not vouch for it.
    const count = entry.onTimeline && t.month !== undefined ? entry.datedTimes : entry.times.length;
    let agrees = false;
    let contradicts = false;
    for (let k = 0; k < count && !agrees; k++) {
      const v = datesAgree(t, entry.times[k]);
      if (v === true) agrees = true;
      else if (v === false) contradicts = true;
    }
    if (contradicts && !agrees) return false;
  }
  return true;
}

/** Facts sharing a topic with `fact` (the same measure at other times) that could be about the claim. */
export function topicFacts(index: FactIndex, fact: Fact, ctx: ClaimContext): Fact[] {
  return (index.byTopic.get(fact.topic) ?? []).map((i) => index.entries[i]).filter((e) => admissible(e, ctx)).map((e) => e.fact);
}
