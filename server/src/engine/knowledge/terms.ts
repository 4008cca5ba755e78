/**
 * Terms: which words name the same measure or event. "Levies" and "duties" are tariffs, a
 * "reprieve" is a pause, "lifting" a ban is the opposite of imposing one. The built-in concepts
 * live in `data/terms.json`; a fact base adds words and concepts with its `terms` section.
 *
 * Every word is compared by its concept: the concept's id when a concept lists the word (in any
 * form: entries are stemmed), else the word's own stem.
 */
import builtIn from '../../../../data/terms.json';
import type { TermEntry, TermsJson } from '../factbase/schema';
import { contentStem, gluedTerm, type Token, tokenize } from '../text/tokens';

export type ConceptClass = 'measure' | 'event' | 'goods' | 'unit' | 'statistic';

/** Terms prepared for lookups. Build with `buildTerms`. */
export interface Terms {
  /** Stem of a single word → concept id. */
  byStem: ReadonlyMap<string, string>;
  /** Phrases by the stem of their first content word: the stems, longest first, and the concept. */
  phrases: ReadonlyMap<string, Array<{ stems: string[]; concept: string }>>;
  /**
   * Phrases of one content word and small words ("run out", "in force", "sit down"), by that word's stem: the words
   * right before and after it, which must stand there. Alone, "run" or "force" is no ending or taking effect.
   */
  particles: ReadonlyMap<string, readonly Particle[]>;
  classes: ReadonlyMap<string, ConceptClass>;
  /** Concept → the concepts it is the opposite of. */
  opposites: ReadonlyMap<string, ReadonlySet<string>>;
  /** Concepts that are a rate per period by their nature ("income": year). */
  per: ReadonlyMap<string, string>;
  /** Concepts named mostly by phrases ("permanent normal trade relations"): terms of art rather than everyday words. */
  phrasal: ReadonlySet<string>;
  /** Things made or done again and again ("package", "bill"): see `recurs` in the terms schema. */
  recurring: ReadonlySet<string>;
  /** Events a body performs on a document ("pass", "sign"): see `actsOnDocument` in the terms schema. */
  documentActs: ReadonlySet<string>;
}

/** A phrase of one content word and the small words around it: "run out" is `{ before: [], after: ['out'] }`. */
export interface Particle {
  before: readonly string[];
  after: readonly string[];
  concept: string;
}

/**
 * The content-word stems of tokens (those `keep` allows). A word glued to a number is one term:
 * "H20", "MI308", "F-35" are names of things, not the letter H.
 */
export function tokenStems(tokens: Token[], keep: (i: number) => boolean = () => true): string[] {
  return contentWords(tokens, keep).map((w) => w.stem);
}

/** The content words of tokens (those `keep` allows): each one's token and stem. */
function contentWords(tokens: Token[], keep: (i: number) => boolean): Array<{ at: number; stem: string }> {
  const out: Array<{ at: number; stem: string }> = [];
  tokens.forEach((t, i) => {
    if (t.type !== 'word' || !keep(i)) return;
    const s = gluedTerm(tokens, i) ?? contentStem(t.lower);
    if (s !== undefined) out.push({ at: i, stem: s });
  });
  return out;
}

/**
 * The concepts of tokens' content words (those `keep` allows), phrases read whole, as a curator's words are read: "ran out"
 * is an ending wherever it is written.
 */
export function conceptsOfTokens(terms: Terms, tokens: Token[], keep: (i: number) => boolean = () => true): string[] {
  const words = contentWords(tokens, keep);
  return conceptsOf(
    terms,
    words.map((w) => w.stem),
  ).map((c, j) => particleConcept(terms, words[j].stem, tokens, words[j].at) ?? c);
}

/** The content-word stems of a phrase. */
export function phraseStems(phrase: string): string[] {
  return tokenStems(tokenize(phrase));
}

/**
 * Whether tokens [first, last] are, word for word, a phrase of the terms: "Royal Assent" capitalised is still the event
 * a fact base's term names, not a name nobody listed.
 */
export function isTermPhrase(terms: Terms, tokens: Token[], first: number, last: number): boolean {
  if (last <= first) return false;
  const stems: string[] = [];
  for (let i = first; i <= last; i++) {
    const s = tokens[i].type === 'word' ? contentStem(tokens[i].lower.replace(/['’]s?$/, '')) : undefined;
    if (s === undefined) return false;
    stems.push(s);
  }
  return (terms.phrases.get(stems[0]) ?? []).some((p) => p.stems.length === stems.length && p.stems.every((s, k) => s === stems[k]));
}

/** The built-in terms with a fact base's entries on top: an entry whose id is a built-in concept adds words to it. */
export function buildTerms(extra: readonly TermEntry[] = []): Terms {
  const data = builtIn as TermsJson;
  const byStem = new Map<string, string>();
  const phrases = new Map<string, Array<{ stems: string[]; concept: string }>>();
  const particles = new Map<string, Particle[]>();
  const classes = new Map<string, ConceptClass>();
  const per = new Map<string, string>();
  const recurring = new Set<string>();
  const documentActs = new Set<string>();
  const words = new Map<string, number>();
  const add = (entry: TermEntry, fallbackId: string) => {
    const id = entry.id ?? fallbackId;
    if (entry.class) classes.set(id, entry.class);
    if (entry.per) per.set(id, entry.per);
    if (entry.recurs) recurring.add(id);
    if (entry.actsOnDocument) documentActs.add(id);
    for (const w of entry.words) {
      const tokens = tokenize(w);
      const stems = tokenStems(tokens);
      words.set(id, (words.get(id) ?? 0) + (stems.length === 1 ? 1 : stems.length > 1 ? -1 : 0));
      const wordTokens = tokens.filter((t) => t.type === 'word');
      // A glued term ("H20") is its own word: no phrase of small words.
      const at = wordTokens.findIndex((t) => contentStem(t.lower) === stems[0]);
      if (stems.length === 1 && wordTokens.length > 1 && at >= 0) {
        const list = particles.get(stems[0]) ?? [];
        list.push({ before: wordTokens.slice(0, at).map((t) => t.lower), after: wordTokens.slice(at + 1).map((t) => t.lower), concept: id });
        particles.set(stems[0], list);
      } else if (stems.length === 1) byStem.set(stems[0], id);
      else if (stems.length > 1) {
        const list = phrases.get(stems[0]) ?? [];
        list.push({ stems, concept: id });
        list.sort((a, b) => b.stems.length - a.stems.length);
        phrases.set(stems[0], list);
      }
    }
  };
  for (const c of data.concepts) add(c, c.words[0]);
  extra.forEach((c, k) => {
    add(c, `term-${k}-${c.words[0] ?? ''}`);
  });
  const opposites = new Map<string, Set<string>>();
  for (const [a, b] of data.opposites) {
    if (!opposites.has(a)) opposites.set(a, new Set());
    if (!opposites.has(b)) opposites.set(b, new Set());
    opposites.get(a)!.add(b);
    opposites.get(b)!.add(a);
  }
  const phrasal = new Set([...words].filter(([, balance]) => balance < 0).map(([id]) => id));
  return { byStem, phrases, particles, classes, opposites, per, phrasal, recurring, documentActs };
}

/** The built-in concept of an ending (`expire` in data/terms.json: "expire", "end", "run out", "deadline"). */
export const END_EVENT = 'expire';
/** The event concept of a beginning ("began", "launched"): a span's first day may be its date. */
export const BEGIN_EVENT = 'begin';
/** Events that report another ("announced on Feb. 1 a 10% tariff", "announced that it had annulled the fine"). */
export const REPORTING_EVENTS: ReadonlySet<string> = new Set(['announce']);

/**
 * The concept of the content word at `at` as one of a phrase of it and small words ("ran out", "in force"), when the words
 * around it are the phrase's; undefined otherwise.
 */
export function particleConcept(terms: Terms, stem: string, tokens: readonly Token[], at: number): string | undefined {
  const list = terms.particles.get(stem);
  if (list === undefined) return undefined;
  return list.find((p) => wordsMatch(tokens, at, -1, p.before) && wordsMatch(tokens, at, 1, p.after))?.concept;
}

/** Marks that join words without a space ("write-down", "km/h"): passed over when reading a phrase's small words. */
const JOINERS = new Set(['-', '/']);

/** Whether the words before (`step` -1) or after (1) token `at` are `words`, nearest last or first, past joiners. */
function wordsMatch(tokens: readonly Token[], at: number, step: 1 | -1, words: readonly string[]): boolean {
  let i = at;
  for (let n = 0; n < words.length; n++) {
    i += step;
    while (tokens[i]?.type === 'sym' && JOINERS.has(tokens[i].text) && !tokens[i].spaced) i += step;
    const t = tokens[i];
    if (t?.type !== 'word' || t.lower !== words[step === 1 ? n : words.length - 1 - n]) return false;
  }
  return true;
}

/** The concept of a content word's stem. */
export function conceptOf(terms: Terms, stem: string): string {
  return terms.byStem.get(stem) ?? stem;
}

export function classOf(terms: Terms, concept: string): ConceptClass | undefined {
  return terms.classes.get(concept);
}

export function areOpposite(terms: Terms, a: string, b: string): boolean {
  return terms.opposites.get(a)?.has(b) ?? false;
}

/**
 * The concepts of a run of content-word stems, phrases first: "import tax" is a tariff, not an
 * import and a tax. Returns one concept per stem position (a phrase's later words repeat its
 * concept), so callers keep positions.
 */
export function conceptsOf(terms: Terms, stems: readonly string[]): string[] {
  const out = new Array<string>(stems.length);
  for (let k = 0; k < stems.length; k++) {
    const list = terms.phrases.get(stems[k]);
    let matched = 0;
    if (list) {
      for (const p of list) {
        if (k + p.stems.length > stems.length) continue;
        let ok = true;
        for (let j = 1; j < p.stems.length && ok; j++) ok = stems[k + j] === p.stems[j];
        if (ok) {
          matched = p.stems.length;
          for (let j = 0; j < matched; j++) out[k + j] = p.concept;
          break;
        }
      }
    }
    if (matched) k += matched - 1;
    else out[k] = conceptOf(terms, stems[k]);
  }
  return out;
}

let builtInTerms: Terms | undefined;
export function defaultTerms(): Terms {
  builtInTerms ??= buildTerms();
  return builtInTerms;
}
