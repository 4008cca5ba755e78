/**
 * Tokenizer and word normalisation shared by extraction and matching.
 *
 * A hand-written single pass over character codes: linear in the input, no
 * regular expression that could backtrack, and every token keeps its exact
 * UTF-16 offsets so claims map back to editor positions.
 */

export type TokenType = 'num' | 'word' | 'sym' | 'break';

/**
 * Word tables are Maps, not object literals: a draft's words are arbitrary, and an object
 * would answer "constructor" or "toString" from its prototype.
 */
export function table<V>(entries: Record<string, V>): ReadonlyMap<string, V> {
  return new Map(Object.entries(entries));
}

/**
 * `compute` memoised for the words of drafts: a draft repeats its vocabulary, so each word is
 * worked out once. Bounded, since hostile input can be all distinct words.
 */
function memoized<V>(compute: (word: string) => V): Memo<V> {
  const memo = new Map<string, V>();
  const lookup = (word: string) => {
    let v = memo.get(word);
    if (v === undefined) {
      if (memo.size >= MAX_MEMO) memo.clear();
      memo.set(word, (v = compute(word)));
    }
    return v;
  };
  return Object.assign(lookup, { clear: () => memo.clear() });
}

interface Memo<V> {
  (word: string): V;
  /** Forgets every answer, for when what `compute` answers has changed. */
  clear(): void;
}

const MAX_MEMO = 50_000;

/**
 * What a word is wherever it stands, worked out once per distinct spelling and shared by all
 * its tokens: a draft repeats its vocabulary, and each module's word tests (does it start a
 * claim, a name, is it a content word) would otherwise look every token up again.
 */
export interface Lexeme {
  /** The word lower-cased. */
  lower: string;
  /** The word classes (see `wordClass`) the lower-cased word belongs to, as bits. */
  classes: number;
  /** Content-word stem; '' when not a content word; undefined until first asked (see `contentStemOf`). */
  stem: string | undefined;
}

const classTests: Array<(lower: string) => boolean> = [];

/**
 * Registers a word class and returns its bit in `Lexeme.classes`. Called once per class when a
 * module loads; the lexicon is emptied so every later lexeme has the new bit.
 */
export function wordClass(test: (lower: string) => boolean): number {
  if (classTests.length >= 30) throw new Error('too many word classes');
  classTests.push(test);
  lexemeOf.clear();
  return 1 << (classTests.length - 1);
}

/** The lexeme of a word as written. */
const lexemeOf = memoized((raw): Lexeme => {
  const lower = raw.toLowerCase();
  let classes = 0;
  for (let k = 0; k < classTests.length; k++) if (classTests[k](lower)) classes |= 1 << k;
  return { lower, classes, stem: undefined };
});

/** The stem of a word token's content word, or undefined for a stopword or a single letter. The lexeme keeps the answer. */
export function contentStemOf(lex: Lexeme): string | undefined {
  let s = lex.stem;
  if (s === undefined) lex.stem = s = contentWordStem(lex.lower);
  return s === '' ? undefined : s;
}

/** One token of the draft. `start`/`end` are UTF-16 offsets into the text. */
export interface Token {
  type: TokenType;
  text: string;
  start: number;
  end: number;
  /** Lower-cased text, for words. */
  lower: string;
  /** For words: what the word is (shared by every token of the same spelling). */
  lex: Lexeme | undefined;
  /** For `num`: the numeric value and how many decimals were written. */
  value?: number;
  decimals?: number;
  /** For `num`: digits only (no thousands separators), so "2020" can be told from "2,020". */
  plainDigits?: boolean;
  /** Whitespace precedes this token (false when glued, as in "200bn" or "90-day"). */
  spaced: boolean;
}

/** An ASCII digit's character code. */
export const isDigit = (c: number) => c >= 48 && c <= 57;

/** Whether a word starts with a capital letter; the regex only for letters outside ASCII. */
export function isCapitalised(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  return /^\p{Lu}/u.test(text);
}
const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const LETTER = /[\p{L}\p{M}]/u;
/** Whether the character at `i` (code `c`) is a letter; the character itself is only read outside ASCII. */
const isLetter = (text: string, i: number, c: number) => isAsciiLetter(c) || (c > 127 && LETTER.test(text[i]));
const isSpace = (c: number) => c === 32 || c === 9 || c === 0x00a0 || c === 0x2009 || c === 0x202f || c === 0x200b || c === 0xfeff || c === 12 || c === 11;

/** Abbreviations whose trailing period belongs to the word, not the sentence. */
const ABBREVIATIONS = new Set([
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sen',
  'sens',
  'rep',
  'reps',
  'lt',
  'col',
  'capt',
  'sgt',
  'adm',
  'rev',
  'hon',
  'dept',
  'gov',
  'gen',
  'st',
  'vs',
  'etc',
  'inc',
  'ltd',
  'co',
  'corp',
  'jr',
  'sr',
  'no',
  'approx',
  'est',
]);

const ABBREVIATION = wordClass((lower) => ABBREVIATIONS.has(lower));

/** Whether a word's trailing period belongs to it ("Gov.", "Aug.", "Inc."), so that it ends no sentence. */
export function isAbbreviation(word: string): boolean {
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** Every token gets every field, so code reading tokens sees one object shape (fast property access). */
function token(type: TokenType, text: string, lower: string, start: number, end: number, spaced: boolean, lex?: Lexeme): Token {
  return { type, text, start, end, lower, lex, value: undefined, decimals: undefined, plainDigits: undefined, spaced };
}

/** The days of the week, lower-cased. */
export const WEEKDAYS: ReadonlySet<string> = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/** Month names and abbreviations, and their numbers. */
export const MONTHS = table({
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
});

/**
 * Splits text into tokens. Line breaks become `break` tokens (one per line end) so that
 * sentence and paragraph boundaries survive; other whitespace only sets `spaced`.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  let spaced = true;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      const start = i;
      i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      tokens.push(token('break', '\n', '\n', start, i, spaced));
      spaced = true;
      continue;
    }
    if (isSpace(c) || c === 0x200c || c === 0x200d) {
      i++;
      spaced = true;
      continue;
    }
    if (isDigit(c)) {
      // ".02 percent", "$.5 billion": a decimal written without its leading zero. Only after a space, a bracket or a
      // currency sign, so "2019.5" and "Fig.3" stay as they are.
      const prev = tokens[tokens.length - 1];
      if (prev?.text === '.' && prev.end === i && (i < 2 || /[\s($€£¥([]/.test(text[i - 2]))) {
        let j = i;
        while (j < n && isDigit(text.charCodeAt(j))) j++;
        tokens.pop();
        const t = token('num', text.slice(i - 1, j), text.slice(i - 1, j), i - 1, j, prev.spaced);
        t.value = Number(`0.${text.slice(i, j)}`);
        t.decimals = j - i;
        t.plainDigits = true;
        tokens.push(t);
        i = j;
        spaced = false;
        continue;
      }
      const start = i;
      let j = i;
      while (j < n && isDigit(text.charCodeAt(j))) j++;
      let plain = true;
      // Thousands groups: only when the first group has 1-3 digits and each group exactly 3. Separated by commas, or by
      // spaces as wire copy does ("2 719 structures", "1 000 unaccounted for"): spaces only after no other number and no
      // month ("Feb. 3 150 cars" is a day, then a count), and all groups by the one separator.
      const sep = text.charCodeAt(j);
      const prevTok = tokens[tokens.length - 1];
      const spaceGroups =
        (sep === 32 || sep === 0xa0 || sep === 0x202f || sep === 0x2009) &&
        prevTok?.type !== 'num' &&
        // "In Ward 3 120 homes flooded": a number after a capitalised label is part of its name.
        !(prevTok?.type === 'word' && /^\p{Lu}/u.test(prevTok.text)) &&
        !(prevTok?.type === 'word' && MONTHS.has(prevTok.lower.replace(/\.$/, '')));
      if (j - start <= 3 && (sep === 44 || spaceGroups)) {
        while (
          text.charCodeAt(j) === sep &&
          isDigit(text.charCodeAt(j + 1)) &&
          isDigit(text.charCodeAt(j + 2)) &&
          isDigit(text.charCodeAt(j + 3)) &&
          !isDigit(text.charCodeAt(j + 4))
        ) {
          j += 4;
          plain = false;
        }
      }
      let decimals = 0;
      // A comma with one or two digits after it, in a number of no thousands groups, is a decimal comma as much of Europe
      // writes it ("181,1%", "1,5 million"): not two numbers, the second of them "1%". Not a list ("1,2,3").
      const commaDecimal =
        plain &&
        j - start <= 3 &&
        !(start >= 2 && text.charCodeAt(start - 1) === 44 && isDigit(text.charCodeAt(start - 2))) &&
        text.charCodeAt(j) === 44 &&
        isDigit(text.charCodeAt(j + 1)) &&
        !(isDigit(text.charCodeAt(j + 2)) && isDigit(text.charCodeAt(j + 3))) &&
        !(text.charCodeAt(j + 2) === 44 || (isDigit(text.charCodeAt(j + 2)) && text.charCodeAt(j + 3) === 44)) &&
        !(text.charCodeAt(j + 2) === 46 || (isDigit(text.charCodeAt(j + 2)) && text.charCodeAt(j + 3) === 46 && isDigit(text.charCodeAt(j + 4))));
      if ((text.charCodeAt(j) === 46 || commaDecimal) && isDigit(text.charCodeAt(j + 1))) {
        let k = j + 1;
        while (k < n && isDigit(text.charCodeAt(k))) k++;
        decimals = k - j - 1;
        j = k;
      }
      const raw = text.slice(start, j);
      const t = token('num', raw, raw, start, j, spaced);
      t.value = Number(commaDecimal ? raw.replace(',', '.') : plain ? raw : raw.replace(/[,\s\u00a0\u202f\u2009]/g, ''));
      t.decimals = decimals;
      t.plainDigits = plain;
      tokens.push(t);
      i = j;
      spaced = false;
      continue;
    }
    if (isLetter(text, i, c)) {
      const start = i;
      let j = i;
      while (j < n) {
        const cj = text.charCodeAt(j);
        if (isLetter(text, j, cj) || cj === 39 || cj === 0x2019) {
          // Apostrophes stay inside words ("China's"), but not at the end.
          if ((cj === 39 || cj === 0x2019) && !(j + 1 < n && isLetter(text, j + 1, text.charCodeAt(j + 1)))) break;
          j++;
        } else break;
      }
      // Initialisms such as U.S. and U.K.: single letters joined by periods.
      if (j - start === 1 && text.charCodeAt(j) === 46 && j + 2 < n && isAsciiLetter(text.charCodeAt(j + 1)) && text.charCodeAt(j + 2) === 46) {
        let k = j;
        while (text.charCodeAt(k) === 46 && isAsciiLetter(text.charCodeAt(k + 1)) && (text.charCodeAt(k + 2) === 46 || !isAsciiLetter(text.charCodeAt(k + 2))))
          k += 2;
        if (text.charCodeAt(k) === 46) k++;
        j = k;
      }
      let raw = text.slice(start, j);
      let lex = lexemeOf(raw);
      if (lex.classes & ABBREVIATION && text.charCodeAt(j) === 46) {
        raw = text.slice(start, ++j);
        lex = lexemeOf(raw);
      }
      tokens.push(token('word', raw, lex.lower, start, j, spaced, lex));
      i = j;
      spaced = false;
      continue;
    }
    // Surrogate pairs (emoji) are one symbol token, so columns stay on code-point boundaries.
    const width = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
    const raw = text.slice(i, i + width);
    tokens.push(token('sym', raw, raw, i, i + width, spaced));
    i += width;
    spaced = false;
  }
  return tokens;
}

const STOPWORDS = new Set(
  (
    'a an the and or but of in on at to for from by with without as is are was were be been being has have had do does did ' +
    "this that these those it its it's he she they them his her their our we you i me my your who whom which what when where why how " +
    'itself themselves himself herself ourselves yourself myself ' +
    'than then there here so such not no nor only also just very more most less least over under about into onto upon up down out ' +
    'said says say according would could should will shall may might can must if unless while whereas although though because since until after before ' +
    'some any all each apiece every both either neither other another one two three new last next first per mr ms mrs ' +
    'between'
  ).split(/\s+/),
);

export function isStopword(lower: string): boolean {
  return STOPWORDS.has(lower);
}

/**
 * A light suffix-stripping stemmer. It only has to map the same word to the same stem on both
 * sides (draft and fact base), e.g. tariffs/tariff, levies/levy, imposed/impose, expiring/expire.
 */
export function stem(word: string): string {
  // Memoised: the regexes below dominate otherwise.
  return stemMemo(word);
}

/** Irregular past forms, so "met" finds a fact keyed on "meeting" and "bought" one keyed on "buy". */
const IRREGULAR = table({
  met: 'meet',
  held: 'hold',
  bought: 'buy',
  sold: 'sell',
  paid: 'pay',
  made: 'make',
  rose: 'rise',
  risen: 'rise',
  fell: 'fall',
  fallen: 'fall',
  grew: 'grow',
  grown: 'grow',
  took: 'take',
  taken: 'take',
  gave: 'give',
  given: 'give',
  led: 'lead',
  won: 'win',
  spent: 'spend',
  struck: 'strike',
  began: 'begin',
  begun: 'begin',
  brought: 'bring',
  sought: 'seek',
  saw: 'see',
  seen: 'see',
  told: 'tell',
  ran: 'run',
  sat: 'sit',
  wrote: 'write',
  written: 'write',
});

/** Whether a word is an irregular past form ("built" aside, those the stemmer knows: "met", "rose", "took", "written"). */
export function isIrregularPast(lower: string): boolean {
  return IRREGULAR.has(lower);
}

/**
 * Nouns whose silent "e" tells them from a common verb: dropped, "plane" would be "plan", and "The plane had been in
 * service" a plan.
 */
const KEEP_E = table({ plane: 'plane', planes: 'plane', airplane: 'airplane', airplanes: 'airplane' });

function stemUncached(word: string): string {
  let w = withoutPossessive(word.toLowerCase()).replace(/[’']/g, '');
  const kept = KEEP_E.get(w);
  if (kept !== undefined) return kept;
  const irregular = IRREGULAR.get(w);
  if (irregular !== undefined) w = irregular;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (/(?:ches|shes|xes|zes|sses)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  if (w.length > 4 && w[w.length - 1] === w[w.length - 2] && !/[lsz]/.test(w[w.length - 1])) w = w.slice(0, -1);
  // British and American spellings meet, and so do a verb and its doubled forms: "cancelled" and "canceled", "annulled" and
  // "annul", "fulfil" and "fulfill". An "ll" after a single syllable stays ("call", "small"); after two or more, one "l" goes
  // in every form alike ("shortfall" is "shortfal" wherever it stands, and a name such as "Marshall" meets "marshal").
  else if (w.length > 4 && w.endsWith('ll') && MORE_THAN_ONE_SYLLABLE_BEFORE_LL.test(w)) w = w.slice(0, -1);
  return w;
}

/** A vowel, then consonants, then the vowels right before a final "ll": two syllables at least. */
const MORE_THAN_ONE_SYLLABLE_BEFORE_LL = /[aeiouy][^aeiouy]+[aeiouy]+ll$/;

const stemMemo = memoized(stemUncached);

/**
 * The stem of a content word (two letters or more, not a stopword), or undefined. One memo
 * lookup per word, as this runs on every word of a draft.
 */
export function contentStem(lower: string): string | undefined {
  const s = contentStemMemo(lower);
  return s === '' ? undefined : s;
}

/**
 * Prepositions that are no stopwords (a name may hold one: "Beyond Meat", "Bed Bath & Beyond") but name no measure:
 * "will go toward claims" is not about a "toward".
 */
const PREPOSITIONS = new Set(
  'toward towards against within via amid amidst despite during across throughout unlike versus among amongst beside besides beyond following'.split(' '),
);

/** The stem of a content word (two letters or more, not a stopword or a preposition); '' for any other word, so a memo can hold the answer. */
function contentWordStem(lower: string): string {
  return lower.length >= 2 && !isStopword(lower) && !PREPOSITIONS.has(lower) ? stem(lower) : '';
}

const contentStemMemo = memoized(contentWordStem);

/**
 * The word without a possessive "'s" or "’s" ("China's" → "china"). The one place this is
 * done: names, stems and queries all compare possessive-free words. A character test, as this
 * runs on many tokens.
 */
export function withoutPossessive(word: string): string {
  const n = word.length;
  if (n < 3 || word.charCodeAt(n - 1) !== 115) return word;
  const c = word.charCodeAt(n - 2);
  return c === 39 || c === 0x2019 ? word.slice(0, -2) : word;
}

/** "h20" for the word "H" glued to "20"; undefined when no number is glued to the word. */
export function gluedTerm(tokens: Token[], i: number): string | undefined {
  const next = tokens[i + 1];
  return next && next.type === 'num' && !next.spaced && next.plainDigits && !fiscalYearAt(tokens, i + 1) ? tokens[i].lower + next.text : undefined;
}

/**
 * Whether the number at `i` is the year of a fiscal year: "FY24", "FY2024", "FY 2024". A glued "FY" names a year, not a
 * model such as "H20".
 */
export function fiscalYearAt(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  return t?.type === 'num' && !!t.plainDigits && (t.text.length === 2 || t.text.length === 4) && tokens[i - 1]?.lower === 'fy';
}
