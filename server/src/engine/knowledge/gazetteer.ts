/**
 * Names: who and what a figure can be about. The built-in list (`data/gazetteer.json`) knows
 * countries, U.S. states, cities, international bodies, agencies, companies, programmes and
 * people; a fact base adds its own names and corrects the list; and a capitalised name that
 * nobody listed ("Wolfspeed", "Lordstown, Ohio") is still found as a name.
 *
 * Names match only as names are written: capitalised ("China", not "china"), and an alias
 * written in capitals only as written ("US", not "us").
 */
import builtIn from '../../../../data/gazetteer.json';
import type { EntityEntry, EntityKind, GazetteerJson } from '../factbase/schema';
import { MONTHS } from '../quantity';
import { isCapitalised, isStopword, type Token, tokenize, WEEKDAYS, withoutPossessive } from '../text/tokens';

/** A named thing. */
export interface Entity {
  id: string;
  name: string;
  kind: EntityKind;
  /** The entity this one acts for (a person's country, an agency's government) or lies in (a state's country). */
  of?: string;
}

/** One way of writing a name, as the tokens it spans. */
interface Alias {
  /** Lower-cased token texts; the last is compared without a possessive. */
  words: string[];
  entity: string;
  /** The alias has no lower-case letter ("US", "TSMC"): it matches only as written. */
  exact: string[] | undefined;
  /** Listed both capitalised and in lower case ("Storm Fund", "storm fund"): either matches. */
  anyCase?: boolean;
}

/** Names prepared for finding in text. Build with `buildGazetteer`. */
export interface Gazetteer {
  entities: ReadonlyMap<string, Entity>;
  /** Aliases by their first word (lower-cased), longest first. */
  aliases: ReadonlyMap<string, Alias[]>;
  /** Titles by their first word ("President", "Commerce Secretary"), longest first. */
  titles: ReadonlyMap<string, string[][]>;
  /** Named days and seasons by their first word ("Christmas", "Black Friday"): times, not names of parties. */
  times: ReadonlyMap<string, string[][]>;
  /** Words after a place name that make the whole an organisation's name ("Texas Instruments"). */
  organisationWords: ReadonlySet<string>;
  /** Entities by every alias, lower-cased and whole, for resolving names a curator wrote. */
  byName: ReadonlyMap<string, string>;
  /** First words of aliases written in lower case ("eBay"): the only lower-case words that can start a name. */
  lowerStarts: ReadonlySet<string>;
}

/** A name found in text. */
export interface Mention {
  /** Entity id; for a name nobody listed, "name:" and the name lower-cased. */
  entity: string;
  kind: EntityKind;
  /** Token range [first, last]. */
  first: number;
  last: number;
  /** Listed in the gazetteer or a fact base. */
  known: boolean;
  /** Written with a possessive ("China's"). */
  possessive: boolean;
}

/** Kinds whose `of` is who they act for: a person speaks for a country, an agency for its government, a capital for its state. */
const ACTS_FOR: ReadonlySet<EntityKind> = new Set<EntityKind>(['person', 'agency', 'city']);

/** Kinds of names that are parties: who can hold, pay, impose or receive a figure. */
export const PARTY_KINDS: ReadonlySet<EntityKind> = new Set<EntityKind>(['country', 'state', 'region', 'city', 'org', 'agency', 'company', 'person']);

/** Kinds that say where something happens rather than who does it. */
export const PLACE_KINDS: ReadonlySet<EntityKind> = new Set<EntityKind>(['city', 'place']);
/** Places smaller than a country: a figure for one is a part of a figure for the whole. */
export const LOCAL_KINDS: ReadonlySet<EntityKind> = new Set<EntityKind>(['state', 'region', 'city', 'place']);

export function slug(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function aliasWords(alias: string): string[] {
  return tokenize(alias).map((t) => t.text.toLowerCase());
}

/** Words an acronym skips: "Infrastructure Investment and Jobs Act" is IIJA. */
const ACRONYM_SKIPS = new Set(['and', 'of', 'the', 'for', 'on', 'in', 'to', '&']);

/** The initials of a name of three words or more, every one capitalised but those an acronym skips ("FRA"); else undefined. */
function initials(name: string): string | undefined {
  const words = tokenize(name).filter((t) => t.type === 'word' && !ACRONYM_SKIPS.has(t.lower));
  // Three letters at least: two-letter forms ("DC", "GE", "UK") are too common to hand over.
  if (words.length < 3 || !words.every((t) => /^\p{Lu}/u.test(t.text))) return undefined;
  return words.map((t) => t.text[0]).join('');
}

function phraseKey(words: string[]): string {
  return words.map((w, k) => (k === words.length - 1 ? withoutPossessive(w) : w)).join(' ');
}

/**
 * The gazetteer for a fact base: the built-in names, then the fact base's own (`entities`
 * entries, then every name a fact lists that is not known yet). A later entry that claims an
 * alias takes it over, so a fact base can correct the built-in list.
 */
export function buildGazetteer(extra: readonly EntityEntry[] = [], factNames: readonly string[] = []): Gazetteer {
  const data = builtIn as GazetteerJson;
  const entities = new Map<string, Entity>();
  /** Alias key → entity id, in the order entries claim them. */
  const owner = new Map<string, Alias>();
  const byName = new Map<string, string>();
  const pendingOf: Array<[Entity, string]> = [];
  const add = (e: EntityEntry) => {
    const id = e.id ?? slug(e.name);
    const entity: Entity = { id, name: e.name, kind: e.kind };
    const previous = entities.get(id);
    entities.set(id, previous ? { ...previous, ...entity, of: previous.of } : entity);
    if (e.of) pendingOf.push([entities.get(id)!, e.of]);
    for (const alias of [e.name, ...(e.aliases ?? [])]) {
      const words = aliasWords(alias);
      if (!words.length) continue;
      const exact = /\p{Ll}/u.test(alias) && /^\p{Lu}/u.test(alias) ? undefined : tokenize(alias).map((t) => t.text);
      const key = phraseKey(words);
      const before = owner.get(key);
      // The same name listed again in another case is one more way to write it, not a stricter one.
      if (before && before.entity === id && (before.exact === undefined) !== (exact === undefined))
        owner.set(key, { words, entity: id, exact: undefined, anyCase: true });
      else owner.set(key, { words, entity: id, exact });
      byName.set(alias.toLowerCase(), id);
    }
    byName.set(id, id);
  };
  for (const e of data.entities) add(e);
  for (const e of extra) add(e);
  // The built-in entities the fact base names itself keep their short forms; any other built-in short form that spells
  // a new name's initials is the fact base's: in a fact base on the Fiscal Responsibility Act, "FRA" is that law, not
  // the Federal Railroad Administration.
  const kept = new Set<string>();
  for (const name of factNames) {
    const id = byName.get(name.trim().toLowerCase());
    if (id) kept.add(id);
  }
  for (const e of extra) kept.add(e.id ?? slug(e.name));
  for (const name of factNames) {
    if (byName.has(name.trim().toLowerCase())) continue;
    const short = initials(name);
    const taken = short ? owner.get(short.toLowerCase()) : undefined;
    add({
      name: name.trim(),
      // "CARES Act": a name the fact base lists without a kind, that ends in "Act" or "Law", is a law.
      kind: lawName(aliasWords(name)) ? 'programme' : 'name',
      aliases: short && taken && !kept.has(taken.entity) ? [short] : [],
    });
  }
  for (const [entity, of] of pendingOf) entity.of = byName.get(of.toLowerCase()) ?? slug(of);
  const aliases = new Map<string, Alias[]>();
  for (const a of owner.values()) {
    const list = aliases.get(a.words[0]) ?? [];
    list.push(a);
    aliases.set(a.words[0], list);
  }
  for (const list of aliases.values()) list.sort((x, y) => y.words.length - x.words.length);
  const titles = phraseTable(data.titles);
  const times = phraseTable(data.times);
  const lowerStarts = new Set<string>();
  for (const a of owner.values()) if (a.anyCase || (a.exact && !/^\p{Lu}/u.test(a.exact[0]))) lowerStarts.add(a.words[0]);
  return { entities, aliases, titles, times, organisationWords: new Set(data.organisationWords.map((w) => w.toLowerCase())), byName, lowerStarts };
}

/** The entity a curator's name stands for ("U.S." → united-states), or undefined when unknown. */
export function resolveName(g: Gazetteer, name: string): string | undefined {
  return g.byName.get(name.trim().toLowerCase());
}

/**
 * An entity and everyone it acts for: Trump → the United States; the Commerce Department → the
 * United States; Beijing → China. A state does not act for its country.
 */
export function identity(g: Gazetteer, id: string): string[] {
  const out = [id];
  for (let e = g.entities.get(id); e && e.of && ACTS_FOR.has(e.kind) && !out.includes(e.of); e = g.entities.get(e.of)) out.push(e.of);
  return out;
}

/**
 * Whether two entities are the same party: equal, or one acts for the other (Trump for the United
 * States). Two that act for the same one are not: the Senate is not the House.
 */
export function sameParty(g: Gazetteer, a: string, b: string): boolean {
  return a === b || identity(g, a).includes(b) || identity(g, b).includes(a);
}

export function kindOf(g: Gazetteer, id: string): EntityKind {
  const e = g.entities.get(id);
  if (e) return e.kind;
  // A name nobody listed is a law when its words end as one's ("name:families first coronavirus response act").
  return id.startsWith('name:') && lawName(id.slice(5).split(' ')) ? 'programme' : 'name';
}

const OPENERS = new Set(['"', '“', "'", '‘', '(', '[', '—', '–', '-', ':', '*', '_', '·', '•', '▪', '‣', '◦', '●', '►', '+', '>']);

/** A capitalised word that may start or continue a name nobody listed. */
function nameWord(tok: Token): boolean {
  if (tok.type !== 'word' || !isCapitalised(tok.text)) return false;
  const lower = withoutPossessive(tok.lower);
  if (isStopword(lower) || MONTHS.has(lower.replace(/\.$/, '')) || WEEKDAYS.has(lower)) return false;
  // Short capitals are mostly initialisms of things, not parties: AI, EV, GDP, CEO.
  if (tok.text.length <= 3 && tok.text === tok.text.toUpperCase()) return false;
  return true;
}

/** A capitalised common word that may stand inside a name ("First", "One", "New"), not a function word that joins two. */
function innerNameWord(tok: Token): boolean {
  return tok.type === 'word' && isCapitalised(tok.text) && isStopword(tok.lower) && INNER_NAME_WORDS.has(tok.lower);
}

const INNER_NAME_WORDS = new Set(['first', 'one', 'two', 'three', 'new', 'last', 'next', 'all', 'every', 'more']);

/** Words of the sentence opening [first, i): only openers (quotes, brackets, dashes, bullets) before token i. */
export function opensSentence(tokens: Token[], first: number, i: number): boolean {
  for (let k = first; k < i; k++) if (!(tokens[k].type === 'sym' && OPENERS.has(tokens[k].text))) return false;
  return true;
}

/** Options for `findMentions`. */
export interface FindOptions {
  /** First token of the sentence: a capital there may be only the sentence's. */
  sentenceFirst: number;
  /** Whether a word (lower-cased) stands capitalised somewhere other than a sentence's start in the same text. */
  capitalisedElsewhere?: (lower: string) => boolean;
}

/** The known alias that starts at token i, if any: the longest. */
function aliasAt(g: Gazetteer, tokens: Token[], i: number, to: number): Alias | undefined {
  const tok = tokens[i];
  const list = g.aliases.get(tok.type === 'word' ? withoutPossessive(tok.lower) : tok.lower) ?? g.aliases.get(tok.lower);
  if (!list) return undefined;
  for (const a of list) {
    const n = a.words.length;
    if (i + n - 1 > to) continue;
    let ok = true;
    for (let k = 0; k < n && ok; k++) {
      const t = tokens[i + k];
      const lower = k === n - 1 ? withoutPossessive(t.lower) : t.lower;
      ok = lower === (k === n - 1 ? withoutPossessive(a.words[k]) : a.words[k]) && (k === 0 || !(t.type === 'break'));
      if (ok && a.exact) ok = (k === n - 1 ? withoutPossessive(t.text) : t.text) === a.exact[k];
    }
    // Names are written with a capital: "china" the porcelain, "us" the pronoun are not names.
    if (ok && !a.exact && !a.anyCase && tok.type === 'word' && !isCapitalised(tok.text)) ok = false;
    if (ok) return a;
  }
  return undefined;
}

/** Phrases by their first word, longest first. */
function phraseTable(phrases: readonly string[]): Map<string, string[][]> {
  const table = new Map<string, string[][]>();
  for (const t of phrases) {
    const words = aliasWords(t);
    const list = table.get(words[0]) ?? [];
    list.push(words);
    table.set(words[0], list);
  }
  for (const list of table.values()) list.sort((x, y) => y.length - x.length);
  return table;
}

function titleAt(g: Gazetteer, tokens: Token[], i: number, to: number): number {
  return phraseAt(g.titles, tokens, i, to);
}

/** The tokens a named day or season takes at token i ("Black Friday"), or 0; none that opens a longer name ("Christmas Island"). */
function timeAt(g: Gazetteer, tokens: Token[], i: number, to: number): number {
  const n = phraseAt(g.times, tokens, i, to);
  return n && i + n <= to && nameWord(tokens[i + n]) ? 0 : n;
}

/** The number of tokens a phrase of `table` takes at token i, or 0. */
function phraseAt(table: ReadonlyMap<string, string[][]>, tokens: Token[], i: number, to: number): number {
  const list = table.get(tokens[i].lower);
  if (!list) return 0;
  for (const words of list) {
    if (i + words.length - 1 > to) continue;
    let ok = true;
    for (let k = 0; k < words.length && ok; k++) ok = tokens[i + k].lower === words[k];
    if (ok) return words.length;
  }
  return 0;
}

/** Whether the name at token i follows "non-" ("non-Chinese", "Non-Pell"). */
function negatedAt(tokens: Token[], i: number, from: number): boolean {
  return i >= from + 2 && tokens[i - 1].text === '-' && !tokens[i - 1].spaced && tokens[i - 2].lower === 'non';
}

/** The names in tokens from..to that follow "non-": what the things spoken of are not ("non-Chinese imports"). */
export function excludedNames(g: Gazetteer, tokens: Token[], from: number, to: number): string[] {
  const out: string[] = [];
  for (let i = from + 2; i <= to; i++) {
    if (!negatedAt(tokens, i, from)) continue;
    const alias = aliasAt(g, tokens, i, to);
    if (alias && !out.includes(alias.entity)) out.push(alias.entity);
  }
  return out;
}

/** Where a title that ends at token `j` starts ("President" in "President Joe Biden", "Treasury Secretary"), or -1. */
export function titleEndingAt(g: Gazetteer, tokens: Token[], j: number, from: number): number {
  // The longest title first: "Vice President", not "President" with "Vice" before it.
  for (let k = Math.max(from, j - 3); k <= j; k++) if (tokens[k].type === 'word' && titleAt(g, tokens, k, j) === j - k + 1) return k;
  return -1;
}

function isPossessive(tok: Token): boolean {
  return tok.type === 'word' && withoutPossessive(tok.lower) !== tok.lower;
}

/** Whether most words of tokens [from, to] are capitalised, as in a headline: there a capital says nothing. */
function titleCase(tokens: Token[], from: number, to: number): boolean {
  let words = 0;
  let caps = 0;
  for (let i = from; i <= to; i++) {
    const t = tokens[i];
    if (t.type !== 'word' || isStopword(t.lower)) continue;
    words++;
    if (isCapitalised(t.text)) caps++;
  }
  // A proper name alone ("Susquehanna River Rail Bridge Project") is not a headline; six words or more with most capitalised is.
  return words >= 6 && caps / words >= 0.7;
}

/**
 * The listed entities named among tokens [from, to], titles aside: a quick pass for "does the
 * paragraph name this party", which would otherwise read every sentence's names in full.
 */
export function knownNames(g: Gazetteer, tokens: Token[], from: number, to: number, into: Set<string>): void {
  for (let i = from; i <= to; i++) {
    const tok = tokens[i];
    if (tok.type === 'break' || (tok.type === 'word' && !isCapitalised(tok.text) && !g.lowerStarts.has(tok.lower))) continue;
    const alias = aliasAt(g, tokens, i, to);
    if (!alias) continue;
    const title = tok.type === 'word' ? titleAt(g, tokens, i, to) : 0;
    if (title > alias.words.length) {
      i += title - 1;
      continue;
    }
    into.add(alias.entity);
    i += alias.words.length - 1;
  }
}

/** Every name among tokens [from, to]: listed ones, and capitalised names nobody listed. */
export function findMentions(g: Gazetteer, tokens: Token[], from: number, to: number, options: FindOptions): Mention[] {
  const out: Mention[] = [];
  const headline = titleCase(tokens, from, to);
  for (let i = from; i <= to; i++) {
    const tok = tokens[i];
    // Names and titles start with a capital (or a number or symbol, as "3M" or "G-7" do, rarely): a lower-case word starts none.
    if (tok.type === 'break' || (tok.type === 'word' && !isCapitalised(tok.text) && !g.lowerStarts.has(tok.lower))) continue;
    const alias = aliasAt(g, tokens, i, to);
    // "Treasury Secretary" is a title, not the Treasury: the longer reading wins.
    const titleFirst = tok.type === 'word' ? titleAt(g, tokens, i, to) : 0;
    if (titleFirst && (!alias || titleFirst > alias.words.length)) {
      i += titleFirst - 1;
      continue;
    }
    // "Non-Pell recipients", "non-EU countries": the name is what they are not, so it names none of them (see `excludedNames`).
    if (alias && negatedAt(tokens, i, from)) {
      i += alias.words.length - 1;
      continue;
    }
    if (alias) {
      let last = i + alias.words.length - 1;
      const entity = g.entities.get(alias.entity)!;
      // "Texas Instruments", "China Daily": a place name that opens an organisation's name.
      const next = tokens[last + 1];
      if (
        last + 1 <= to &&
        next &&
        !isPossessive(tokens[last]) &&
        nameWord(next) &&
        g.organisationWords.has(withoutPossessive(next.lower)) &&
        entity.kind !== 'company'
      ) {
        let end = last + 1;
        while (end + 1 <= to && !isPossessive(tokens[end]) && nameWord(tokens[end + 1]) && !aliasAt(g, tokens, end + 1, to)) end++;
        out.push(unknownMention(tokens, i, end));
        i = end;
        continue;
      }
      const m: Mention = { entity: entity.id, kind: entity.kind, first: i, last, known: true, possessive: isPossessive(tokens[last]) };
      // "Geneva, Switzerland", "Lordstown, Ohio": the second name only says where the first is.
      const container = containerAfter(g, tokens, last, to, m.kind);
      if (container > last) last = container;
      out.push(m);
      i = last;
      continue;
    }
    const title = tok.type === 'word' ? titleAt(g, tokens, i, to) || timeAt(g, tokens, i, to) : 0;
    if (title) {
      i += title - 1;
      continue;
    }
    if (headline || !nameWord(tok)) continue;
    // After a colon a capital opens a clause as at a sentence's start ("Standard deduction: Nearly doubled to $24,000").
    if (opensSentence(tokens, options.sentenceFirst, i) || (i > from && tokens[i - 1].text === ':')) {
      const next = tokens[i + 1];
      // "During Trump's first term": a listed name after the capital does not make the two one name.
      const multiWord =
        i + 1 <= to && !isPossessive(tok) && next !== undefined && nameWord(next) && !titleAt(g, tokens, i + 1, to) && !aliasAt(g, tokens, i + 1, to);
      if (!multiWord && !options.capitalisedElsewhere?.(withoutPossessive(tok.lower))) continue;
    }
    // "the Port of Beirut" is "Beirut Port" (a city's name opening an organisation's, above): one name, the same one.
    const placeEnd = placeAfterOf(g, tokens, i, to);
    if (placeEnd !== undefined) {
      const place = unknownMention(tokens, i + 2, placeEnd);
      out.push({ ...place, entity: `${place.entity} ${tok.lower}`, first: i });
      i = placeEnd;
      continue;
    }
    let end = i;
    for (;;) {
      if (isPossessive(tokens[end]) || end + 1 > to) break;
      const n = tokens[end + 1];
      if (nameWord(n) && !aliasAt(g, tokens, end + 1, to) && !titleAt(g, tokens, end + 1, to)) end++;
      // "Families First Coronavirus Response Act": a capitalised common word inside a name.
      else if (end + 2 <= to && innerNameWord(n) && nameWord(tokens[end + 2]) && !aliasAt(g, tokens, end + 2, to)) end += 1;
      // "Asia-Pacific", "Coca-Cola": capitalised words joined by a hyphen are one name.
      else if (n.text === '-' && !n.spaced && end + 2 <= to && !tokens[end + 2].spaced && nameWord(tokens[end + 2])) end += 2;
      else if ((n.lower === 'of' || n.text === '&') && end + 2 <= to && nameWord(tokens[end + 2]) && !aliasAt(g, tokens, end + 2, to)) end += 2;
      else break;
    }
    const m = unknownMention(tokens, i, end);
    const container = containerAfter(g, tokens, end, to, 'place');
    if (container > end) {
      m.kind = 'place';
      end = container;
    }
    out.push(m);
    i = end;
  }
  return out;
}

/** For an organisation's word at `i` ("Port", "University"), the last token of a city or place that follows it after "of", if one does. */
function placeAfterOf(g: Gazetteer, tokens: Token[], i: number, to: number): number | undefined {
  if (i + 2 > to || tokens[i + 1].lower !== 'of' || isPossessive(tokens[i]) || !g.organisationWords.has(tokens[i].lower)) return undefined;
  const a = aliasAt(g, tokens, i + 2, to);
  if (!a || !PLACE_KINDS.has(g.entities.get(a.entity)!.kind)) return undefined;
  return i + 1 + a.words.length;
}

function unknownMention(tokens: Token[], first: number, last: number): Mention {
  const words: string[] = [];
  for (let k = first; k <= last; k++) words.push(k === last ? withoutPossessive(tokens[k].lower) : tokens[k].lower);
  // "Families First Coronavirus Response Act": a name that ends in "Act" or "Law" is a law, whoever listed it or not.
  const kind = lawName(words) ? 'programme' : 'name';
  return { entity: `name:${words.join(' ')}`, kind, first, last, known: false, possessive: isPossessive(tokens[last]) };
}

/** The last word of a law's name. */
const LAW_ENDINGS = new Set(['act', 'law']);

/** Whether a name's words (lower case, two at least) end as a law's: "cares act", "families first ... act". */
function lawName(words: readonly string[]): boolean {
  return words.length > 1 && LAW_ENDINGS.has(words[words.length - 1]);
}

/** The last token of ", Country" or ", State" right after a city or place ending at `last`; `last` when there is none. */
function containerAfter(g: Gazetteer, tokens: Token[], last: number, to: number, kind: EntityKind): number {
  if (kind !== 'city' && kind !== 'place' && kind !== 'name') return last;
  if (tokens[last + 1]?.text !== ',' || last + 2 > to) return last;
  const a = aliasAt(g, tokens, last + 2, to);
  if (!a) return last;
  const k = g.entities.get(a.entity)!.kind;
  return k === 'country' || k === 'state' || k === 'region' ? last + 1 + a.words.length : last;
}

/** An empty gazetteer's worth of built-in names, built once: most checks use it unchanged. */
let builtInGazetteer: Gazetteer | undefined;
export function defaultGazetteer(): Gazetteer {
  builtInGazetteer ??= buildGazetteer();
  return builtInGazetteer;
}
