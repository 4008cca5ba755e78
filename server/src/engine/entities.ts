/**
 * Named things a figure can be about: countries (with demonyms and capitals), trade blocs,
 * companies, places where talks happen, named programmes. Used to keep a figure about
 * Vietnam, AMD or "Phase Two" from being checked against a fact about China, Nvidia or
 * "Phase One".
 */
import { Token, wordClass } from './tokens';

const GROUPS: Record<string, string[]> = {
  'united states': ['united states', 'u.s.', 'us', 'usa', 'u.s.a.', 'america', 'american', 'americans', 'washington', 'white house'],
  china: ['china', 'chinese', 'beijing', 'prc'],
  canada: ['canada', 'canadian', 'ottawa'],
  mexico: ['mexico', 'mexican'],
  japan: ['japan', 'japanese', 'tokyo'],
  vietnam: ['vietnam', 'vietnamese', 'hanoi'],
  indonesia: ['indonesia', 'indonesian', 'jakarta'],
  india: ['india', 'indian', 'delhi'],
  'south korea': ['south korea', 'korea', 'korean', 'seoul'],
  'north korea': ['north korea', 'pyongyang'],
  taiwan: ['taiwan', 'taiwanese', 'taipei'],
  russia: ['russia', 'russian', 'moscow', 'kremlin'],
  ukraine: ['ukraine', 'ukrainian', 'kyiv'],
  'european union': ['european union', 'eu', 'e.u.', 'european', 'brussels'],
  'united kingdom': ['united kingdom', 'uk', 'u.k.', 'britain', 'british'],
  germany: ['germany', 'german', 'berlin'],
  france: ['france', 'french', 'paris'],
  brazil: ['brazil', 'brazilian'],
  australia: ['australia', 'australian'],
  'hong kong': ['hong kong'],
  singapore: ['singapore'],
  colombia: ['colombia', 'colombian'],
  denmark: ['denmark', 'danish'],
  panama: ['panama', 'panamanian'],
  switzerland: ['switzerland', 'swiss'],
  sweden: ['sweden', 'swedish'],
  'saudi arabia': ['saudi arabia', 'saudi'],
  thailand: ['thailand', 'thai'],
  malaysia: ['malaysia', 'malaysian'],
  philippines: ['philippines', 'philippine', 'filipino'],
  geneva: ['geneva'],
  london: ['london'],
  stockholm: ['stockholm'],
  madrid: ['madrid'],
  nvidia: ['nvidia'],
  amd: ['amd'],
  intel: ['intel'],
  tesla: ['tesla'],
  apple: ['apple'],
  huawei: ['huawei'],
  tiktok: ['tiktok', 'bytedance'],
  boeing: ['boeing'],
  micron: ['micron'],
  qualcomm: ['qualcomm'],
  tsmc: ['tsmc'],
  samsung: ['samsung'],
  'phase one': ['phase one', 'phase 1'],
  'phase two': ['phase two', 'phase 2'],
};

/** Meeting places: they tell one set of talks from another, but do not change what a tariff or a truce is. */
export const VENUES = new Set(['geneva', 'london', 'stockholm', 'madrid']);

/** Surface words that are only names when capitalised ("US" the country, "us" the pronoun). */
const CASE_SENSITIVE = new Set(['us', 'eu', 'uk', 'amd', 'prc', 'apple', 'intel']);

const SINGLE = new Map<string, string>();
const MULTI = new Map<string, Array<[string[], string]>>();
for (const [id, names] of Object.entries(GROUPS)) {
  for (const name of names) {
    const words = name.split(' ');
    if (words.length === 1) SINGLE.set(name, id);
    else {
      const list = MULTI.get(words[0]) ?? [];
      list.push([words, id]);
      MULTI.set(words[0], list);
    }
  }
}

/** Every word that can start a name, as a word class: one bit test per token. */
const NAME_WORDS = new Set([...SINGLE.keys(), ...MULTI.keys()]);
const NAME_START = wordClass((lower) => NAME_WORDS.has(bare(lower)));

/** An entity mention: which entity, and the token range it covers. */
export interface EntityMention {
  id: string;
  first: number;
  last: number;
  /** The entity is a meeting place (see VENUES). */
  venue: boolean;
}

/** The word without a possessive "'s"; a character test, as this runs on every token of a sentence. */
function bare(lower: string): string {
  const n = lower.length;
  if (n < 2 || lower.charCodeAt(n - 1) !== 115) return lower;
  const c = lower.charCodeAt(n - 2);
  return c === 39 || c === 0x2019 ? lower.slice(0, -2) : lower;
}

/** Entity mentions among tokens [from, to]. */
export function findEntities(tokens: Token[], from: number, to: number): EntityMention[] {
  const out: EntityMention[] = [];
  for (let i = from; i <= to; i++) {
    const tok = tokens[i];
    // One bit rules out almost every token (names start with a word).
    if (tok.type !== 'word' || !(tok.lex!.classes & NAME_START)) continue;
    const lower = bare(tok.lower);
    const multi = MULTI.get(lower);
    let matched = false;
    if (multi) {
      for (const [words, id] of multi) {
        let ok = true;
        for (let k = 1; k < words.length && ok; k++) ok = i + k <= to && bare(tokens[i + k]?.lower ?? '') === words[k];
        if (ok) {
          out.push({ id, first: i, last: i + words.length - 1, venue: VENUES.has(id) });
          i += words.length - 1;
          matched = true;
          break;
        }
      }
    }
    if (matched) continue;
    const id = SINGLE.get(lower);
    if (id === undefined) continue;
    if (CASE_SENSITIVE.has(lower) && tok.text.replace(/[’']s$/, '') === lower) continue;
    out.push({ id, first: i, last: i, venue: VENUES.has(id) });
  }
  return out;
}

/** Canonical id for a curator-written entity name ("U.S.", "Chinese" → "united states", "china"). */
export function canonicalEntity(name: string): string {
  const lower = name.trim().toLowerCase();
  for (const [id, names] of Object.entries(GROUPS)) if (id === lower || names.includes(lower)) return id;
  return lower;
}
