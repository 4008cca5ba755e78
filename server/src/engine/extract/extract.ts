/**
 * Extraction: draft text in, claims out. A claim is a quantity in context — money, percent,
 * count with its noun, duration, date or year — with its exact span, normalised value,
 * qualifier and the sentence it stands in.
 *
 * Written by hand over the token stream rather than with a date/number library: the checks
 * need to know which date parts were actually stated (chrono-node fills in the rest), which
 * qualifier hedges a figure, and the exact span of every figure, and the whole pass must stay
 * linear for megabyte drafts.
 */
import { type DocumentFormat, maskNonProse } from '../text/markup';
import { DAYS_PER, MONTHS, type PartialDate, type Qualifier, type Quantity, type QuantityKind, scaleOf, withoutPeriod } from '../quantity';
import { splitSentences } from '../text/sentences';
import { fiscalYearAt, isStopword, stem, table, type Token, tokenize, wordClass } from '../text/tokens';
import { ALL_PREPOSITIONS, CALENDAR_WORDS, CHANGE_VERBS, CLOCK, MOVE_VERBS, FINITE_AUXILIARIES, TOLL_LINKS, TOLL_NOUNS, TOLL_OF, TOLL_VERBS } from './grammar';

/** A checkable statement: one quantity in the draft, with where it stands. */
export interface Claim {
  kind: QuantityKind;
  /** The figure as written, e.g. "$250 billion" or "30% to 50%". */
  text: string;
  /** UTF-16 offsets of the figure in the document. */
  start: number;
  end: number;
  /** End of the figure itself: for a count, before its noun ("half a million| jobs"). */
  figureEnd: number;
  /** Start offset of a qualifier phrase before the figure ("more than"), if any. */
  qualifierStart?: number;
  quantity: Quantity;
  /** Offsets of the sentence the claim stands in. */
  sentenceStart: number;
  sentenceEnd: number;
  /** Token indexes [first, last] of the figure, for context windows. */
  firstToken: number;
  lastToken: number;
  /** Index of the sentence in `Extraction.sentences`. */
  sentence: number;
  /** Which side of a vote's tally the count is ("passed 69-30": 69 for, 30 against). */
  tally?: 'for' | 'against';
  /** A time that is when the text was written: "this week", "this month", "this year". */
  current?: true;
}

/** Everything extraction learned about a document, kept for matching. */
export interface Extraction {
  tokens: Token[];
  /** Sentences as token index ranges [first, last]. */
  sentences: Array<[number, number]>;
  claims: Claim[];
  /** Claims of each sentence, by sentence index. */
  claimsBySentence: Claim[][];
  /**
   * What matching derives once per extraction (stems, clause breaks, entity mentions; owned by
   * match.ts), filled on first use. A field rather than a WeakMap keyed by the extraction:
   * WeakMap entries outlive their blocks until a full collection, which cost a sixth of a 1 MB
   * check.
   */
  matchData: unknown;
  /** Dates that only say when the text was written ("Published June 11, 2025", a dateline): not claims, but they set the year. */
  timeMarks: Claim[];
  /** The year in force where the text starts, from what came before it (earlier paragraphs, a dateline); see `settingYear`. */
  contextYear?: number;
  /** The day the text was written, to the month at least: its front matter's date or its first dateline, if any. */
  writtenOn?: PartialDate;
  /**
   * The listed names (entity ids) of the last sentence before this paragraph that named any. A paragraph that names no
   * one goes on about them: "The purchase commitment from the 2018 agreement never existed", after a paragraph on China's
   * pledge, is still about China. Set by the check, which reads paragraphs in order.
   */
  carriedNames?: ReadonlySet<string>;
}

export interface ExtractOptions {
  format?: DocumentFormat;
  /** YYYY-MM-DD. Resolves "last month", "this year". Without it such phrases are not claims. */
  referenceDate?: string;
}

const UNITS_WORDS = table({
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
});
/** Digits spelled out after "point". */
const DIGIT_WORDS = table({ zero: 0, oh: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 });
const TENS_WORDS = table({ twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 });

/** The value of a number written as one word ("three", "forty", "hundred"), or undefined. */
export function numberWordValue(word: string): number | undefined {
  return UNITS_WORDS.get(word) ?? TENS_WORDS.get(word) ?? (word === 'hundred' ? 100 : undefined);
}

const CURRENCY_SYMBOLS = table({ $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'CNY' });
/** The letters that make "$" another country's dollar ("A$", "$A", "C$", "NZ$"); other letters make a dollar of their own. */
const DOLLARS = table({
  A: 'AUD',
  AU: 'AUD',
  AUD: 'AUD',
  C: 'CAD',
  CA: 'CAD',
  CAD: 'CAD',
  NZ: 'NZD',
  NZD: 'NZD',
  HK: 'HKD',
  HKD: 'HKD',
  S: 'SGD',
  SGD: 'SGD',
  NT: 'TWD',
  US: 'USD',
  USD: 'USD',
});
/** The currency of "$" with these letters glued to it: a known country's dollar, else a dollar of its own ("XY$"). */
const dollarOf = (letters: string) => DOLLARS.get(letters) ?? `${letters}$`;

/** The letters a draft glues to "$" to write another country's dollar ("A" for AUD): the first of `DOLLARS` that reads as it. */
export function dollarLetters(code: string): string | undefined {
  if (code === 'USD') return undefined;
  for (const [letters, c] of DOLLARS) if (c === code) return letters;
  return undefined;
}
/** Another country's dollar by its name before "dollars": "Hong Kong dollars" are HKD, never U.S. dollars. */
const NAMED_DOLLARS: ReadonlyArray<[string[], string]> = [
  [['hong', 'kong'], 'HKD'],
  [['australian'], 'AUD'],
  [['canadian'], 'CAD'],
  [['new', 'zealand'], 'NZD'],
  [['singapore'], 'SGD'],
  [['new', 'taiwan'], 'TWD'],
  [['taiwan'], 'TWD'],
];
const CURRENCY_CODES = table({ usd: 'USD', eur: 'EUR', gbp: 'GBP', cny: 'CNY', rmb: 'CNY', jpy: 'JPY' });
const CURRENCY_WORDS = table({
  dollar: 'USD',
  dollars: 'USD',
  euro: 'EUR',
  euros: 'EUR',
  pound: 'GBP',
  pounds: 'GBP',
  yuan: 'CNY',
  renminbi: 'CNY',
  yen: 'JPY',
});
/** Words between a number and its unit of time that say how the time is counted: "10 calendar days", "three straight months". */
const DURATION_COUNTING: ReadonlySet<string> = new Set([
  'calendar',
  'business',
  'working',
  'school',
  'trading',
  'consecutive',
  'straight',
  'successive',
  'full',
  'whole',
]);
const DURATION_UNITS = table({
  day: 'day',
  days: 'day',
  week: 'week',
  weeks: 'week',
  month: 'month',
  months: 'month',
  year: 'year',
  years: 'year',
  decade: 'decade',
  decades: 'decade',
});
const RANGE_JOINERS = new Set(['to', '-', '–', '—', 'through']);
/** Prepositions that are adjectives too, before a noun: "five outside directors", "two inside sources", "three near misses". */
const ADJECTIVAL_PREPOSITIONS = new Set(['outside', 'inside', 'near', 'like']);

/** Qualifier phrases, longest first; matched on the words right before a figure. */
const QUALIFIER_PHRASES: Array<[string[], Qualifier]> = (
  [
    ['no more than', 'at-most'],
    ['no less than', 'at-least'],
    ['as much as', 'at-most'],
    ['as many as', 'at-most'],
    // "as high as 145%" says the figure was reached: it is the figure, not a bound on it.
    ['as high as', 'exact'],
    ['in excess of', 'more-than'],
    ['a little over', 'more-than'],
    ['a little more than', 'more-than'],
    ['just over', 'more-than'],
    ['just under', 'nearly'],
    ['just shy of', 'nearly'],
    ['upwards of', 'more-than'],
    ['upward of', 'more-than'],
    ['more than', 'more-than'],
    ['greater than', 'more-than'],
    ['higher than', 'more-than'],
    ['at least', 'at-least'],
    ['a minimum of', 'at-least'],
    ['fewer than', 'less-than'],
    ['less than', 'less-than'],
    ['lower than', 'less-than'],
    ['up to a total of', 'at-most'],
    ['up to a maximum of', 'at-most'],
    ['up to', 'at-most'],
    ['at most', 'at-most'],
    ['a maximum of', 'at-most'],
    ['close to', 'nearly'],
    ['an estimated', 'about'],
    ['in the region of', 'about'],
    ['on the order of', 'about'],
    ['over', 'more-than'],
    ['above', 'more-than'],
    ['exceeding', 'more-than'],
    ['under', 'less-than'],
    ['below', 'less-than'],
    ['about', 'about'],
    ['around', 'about'],
    ['roughly', 'about'],
    ['approximately', 'about'],
    ['approx.', 'about'],
    ['some', 'about'],
    ['estimated', 'about'],
    ['circa', 'about'],
    ['nearly', 'nearly'],
    ['almost', 'nearly'],
  ] as Array<[string, Qualifier]>
)
  .map(([p, q]) => [p.split(' '), q] as [string[], Qualifier])
  .sort((a, b) => b[0].length - a[0].length);

/** Words that name a part of the month or year before it: "late September", "early 2025". */
const PART_OF_PERIOD = new Set(['early', 'late', 'mid', 'end']);

/**
 * Words before a date or year that make it a bound, not the time itself: "sign it before March 14", "by 2030",
 * "after 2018". "until" and "since" are left alone: they give the end or start of a span, which is its time.
 */
const TIME_BOUNDS: Array<[string[], Qualifier]> = [
  [['on', 'or', 'before'], 'at-most'],
  [['on', 'or', 'after'], 'at-least'],
  [['no', 'later', 'than'], 'at-most'],
  [['not', 'later', 'than'], 'at-most'],
  [['prior', 'to'], 'less-than'],
  [['before'], 'less-than'],
  [['by'], 'at-most'],
  [['after'], 'more-than'],
  // "expected to start as early as late September": at the earliest then, so any later day fits.
  [['as', 'early', 'as'], 'at-least'],
  [['no', 'earlier', 'than'], 'at-least'],
  [['not', 'earlier', 'than'], 'at-least'],
];

/** Qualifier phrases by their last word, longest first: a figure looks up only the word before it. */
type PhrasesByLastWord = ReadonlyMap<string, Array<[string[], Qualifier]>>;

function byLastWord(phrases: Array<[string[], Qualifier]>): PhrasesByLastWord {
  const map = new Map<string, Array<[string[], Qualifier]>>();
  for (const phrase of [...phrases].sort((a, b) => b[0].length - a[0].length)) {
    const last = phrase[0][phrase[0].length - 1];
    const list = map.get(last);
    if (list) list.push(phrase);
    else map.set(last, [phrase]);
  }
  return map;
}

const QUALIFIERS_BY_LAST_WORD = byLastWord(QUALIFIER_PHRASES);
const TIME_BOUNDS_BY_LAST_WORD = byLastWord(TIME_BOUNDS);

/**
 * Every word a claim can start with: currency codes ("USD 5 billion", "US$"), range openers,
 * months, relative dates, and numbers in words. Kept beside the parsers that read them.
 */
const CLAIM_START_WORDS = new Set([
  ...CURRENCY_CODES.keys(),
  'us',
  'between',
  'from',
  ...MONTHS.keys(),
  'last',
  'this',
  'next',
  'half',
  'a',
  'an',
  ...UNITS_WORDS.keys(),
  ...TENS_WORDS.keys(),
]);

/** The word class of CLAIM_START_WORDS (with or without a period: "Feb."), tested once per distinct word. */
const CLAIM_START = wordClass((lower) => CLAIM_START_WORDS.has(withoutPeriod(lower)));

/** Words that make a preceding capitalised "May" the month rather than the verb. */
const MONTH_CONTEXT = new Set([
  'in',
  'since',
  'by',
  'until',
  'till',
  'of',
  'early',
  'late',
  'mid',
  'last',
  'next',
  'this',
  'from',
  'through',
  'to',
  'during',
  'before',
  'after',
  'between',
  'and',
  'or',
  'on',
  'until',
  'that',
  'each',
  'every',
  'in early',
  'in late',
]);

/** A month-day date with the year only when one was written (no `year: undefined` key). */
function statedDate(month: number, day: number, year: number | undefined): PartialDate {
  return year === undefined ? { month, day } : { month, day, year };
}

interface NumParse {
  value: number;
  precision: number;
  /** Index one past the last token used. */
  end: number;
  /** A scale word was used ("billion"), so a bare following range end may borrow it. */
  scale: number;
  fromWords: boolean;
}

/**
 * The range from `a` to `b`, or undefined when `b` is not above `a`. A bare first figure
 * borrows the second's scale word: "$150-200 billion", "30 to 50 percent" are read whole.
 */
function rangeOf(a: NumParse, b: NumParse): { lo: number; hi: number; precision: number } | undefined {
  const scale = a.scale === 1 && b.scale > 1 ? b.scale : 1;
  const lo = a.value * scale;
  return b.value > lo ? { lo, hi: b.value, precision: Math.max(a.precision * scale, b.precision) } : undefined;
}

class Parser {
  readonly claims: Claim[] = [];
  private readonly ref?: { year: number; month: number; day?: number };

  constructor(
    private readonly t: Token[],
    private readonly text: string,
    referenceDate?: string,
  ) {
    const m = referenceDate && /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(referenceDate);
    if (m) this.ref = { year: Number(m[1]), month: Number(m[2]), day: m[3] ? Number(m[3]) : undefined };
  }

  private word(i: number): string | undefined {
    const tok = this.t[i];
    return tok && tok.type === 'word' ? tok.lower : undefined;
  }
  private sym(i: number): string | undefined {
    const tok = this.t[i];
    return tok && tok.type === 'sym' ? tok.text : undefined;
  }
  private isNum(i: number): boolean {
    return this.t[i]?.type === 'num';
  }

  /** A number written in digits or words, with a scale word if one follows. */
  parseNumber(i: number): NumParse | undefined {
    const tok = this.t[i];
    if (!tok) return undefined;
    if (tok.type === 'num') {
      const dec = tok.decimals ?? 0;
      let value = tok.value!;
      let precision = 0.5 * 10 ** -dec;
      let end = i + 1;
      let scale = 1;
      // "$200-billion": a hyphen glued on both sides joins a spelled-out scale word.
      const hyphenated =
        this.sym(end) === '-' && !this.t[end].spaced && this.t[end + 1]?.type === 'word' && !this.t[end + 1].spaced && this.t[end + 1].lower.length > 2;
      if (hyphenated && scaleOf(this.t[end + 1].lower, false) !== undefined) end++;
      const next = this.t[end];
      if (next && next.type === 'word') {
        const s = scaleOf(next.lower, !next.spaced);
        if (s !== undefined && !(next.lower.length <= 2 && next.spaced && next.lower !== 'bn' && next.lower !== 'mn' && next.lower !== 'tn')) {
          // "m" or "k" glued only; "bn"/"mn" may stand apart ("200 bn").
          value *= s;
          precision *= s;
          scale = s;
          end++;
        }
      }
      return { value, precision, end, scale, fromWords: false };
    }
    if (tok.type !== 'word') return undefined;
    const w = tok.lower;
    // "half a million", "a million", "a dozen"
    if (w === 'half' && (this.word(i + 1) === 'a' || this.word(i + 1) === 'an')) {
      const s = this.word(i + 2) !== undefined ? scaleOf(this.word(i + 2)!, false) : undefined;
      if (s && s >= 1e3) return { value: 0.5 * s, precision: 0.05 * s, end: i + 3, scale: s, fromWords: true };
      return undefined;
    }
    if (w === 'a' || w === 'an') {
      const nw = this.word(i + 1);
      // "a decade ago", "a year ago": one unit back in time.
      if (nw !== undefined && DURATION_UNITS.has(nw) && this.word(i + 2) === 'ago') return { value: 1, precision: 0.5, end: i + 1, scale: 1, fromWords: true };
      if (nw === 'dozen') return { value: 12, precision: 0.5, end: i + 2, scale: 1, fromWords: true };
      const s = nw !== undefined && nw.length > 2 ? scaleOf(nw, false) : undefined;
      if (s && s >= 1e3) return { value: s, precision: 0.1 * s, end: i + 2, scale: s, fromWords: true };
      if (nw === 'hundred') return { value: 100, precision: 5, end: i + 2, scale: 1, fromWords: true };
      return undefined;
    }
    const first = this.belowHundred(i);
    if (!first) return undefined;
    let value = first.value;
    let end = first.end;
    let precision = 0.5;
    if (this.word(end) === 'hundred') {
      value *= 100;
      end++;
      // "two hundred and fifty", "two hundred fifty"
      const rest = this.belowHundred(this.word(end) === 'and' ? end + 1 : end);
      if (rest) {
        value += rest.value;
        end = rest.end;
      }
    }
    // "one point four billion": decimals spelled digit by digit.
    if (this.word(end) === 'point') {
      let k = end + 1;
      let decimals = '';
      for (let digit = DIGIT_WORDS.get(this.word(k) ?? ''); digit !== undefined; digit = DIGIT_WORDS.get(this.word(++k) ?? '')) decimals += digit;
      if (decimals) {
        value += Number(`0.${decimals}`);
        precision = 0.5 * 10 ** -decimals.length;
        end = k;
      }
    }
    let scale = 1;
    const sw = this.word(end);
    const s = sw !== undefined && sw.length > 2 ? scaleOf(sw, false) : undefined;
    if (s) {
      value *= s;
      precision *= s;
      scale = s;
      end++;
    }
    // A lone "one" is too often a pronoun ("one of the", "one option") to count, unless a unit follows ("one percent").
    if (value === 1 && scale === 1 && w === 'one' && !ONE_UNITS.has(this.word(end) ?? '')) return undefined;
    return { value, precision, end, scale, fromWords: true };
  }

  /** A number below a hundred in words at token k: "seven", "twenty", "twenty-five", "twenty five". */
  private belowHundred(k: number): { value: number; end: number } | undefined {
    const w = this.word(k);
    if (w === undefined) return undefined;
    const units = UNITS_WORDS.get(w);
    if (units !== undefined) return { value: units, end: k + 1 };
    const tens = TENS_WORDS.get(w);
    if (tens === undefined) return undefined;
    const hy = this.sym(k + 1) === '-' && !this.t[k + 1].spaced ? k + 2 : k + 1;
    const uv = UNITS_WORDS.get(this.word(hy) ?? '');
    return uv !== undefined && uv < 10 ? { value: tens + uv, end: hy + 1 } : { value: tens, end: k + 1 };
  }

  /** Qualifier phrase of `table` that ends right before token `i`. */
  qualifierBefore(i: number, table: PhrasesByLastWord = QUALIFIERS_BY_LAST_WORD): { qualifier: Qualifier; start: number } | undefined {
    const last = i - 1;
    const lastWord = this.t[last];
    const phrases = lastWord?.type === 'word' ? table.get(lastWord.lower) : undefined;
    if (!phrases) return undefined;
    for (const [words, q] of phrases) {
      const from = last - (words.length - 1);
      let ok = from >= 0;
      for (let k = 0; ok && k < words.length; k++) {
        const tok = this.t[from + k];
        ok = tok.type === 'word' && tok.lower === words[k];
      }
      if (ok) return { qualifier: q, start: this.t[from].start };
    }
    return undefined;
  }

  private trailingQualifier(end: number): Qualifier | undefined {
    if (this.word(end) === 'or' && (this.word(end + 1) === 'more' || this.word(end + 1) === 'higher')) return 'at-least';
    if (this.word(end) === 'or' && this.word(end + 1) === 'so') return 'about';
    if (this.word(end) === 'or' && (this.word(end + 1) === 'less' || this.word(end + 1) === 'fewer')) return 'at-most';
    return undefined;
  }

  private monthAt(i: number, requireContext: boolean): number | undefined {
    const tok = this.t[i];
    if (!tok || tok.type !== 'word') return undefined;
    const first = tok.text.charCodeAt(0);
    if (first < 65 || first > 90) return undefined; // capitalised only: "march", "may" are verbs
    const base = withoutPeriod(tok.lower);
    const m = MONTHS.get(base);
    if (m === undefined) return undefined;
    // Abbreviations without a period are too ambiguous ("Mar", "Jan" as names) unless a day follows.
    const abbrev = base.length <= 4 && tok.lower !== 'june' && tok.lower !== 'july' && tok.lower !== 'may';
    if (abbrev && !tok.lower.endsWith('.') && !this.isNum(i + 1)) return undefined;
    if (requireContext && m === 5 && !this.isNum(i + 1)) {
      const prev = this.word(i - 1);
      if (!prev || !MONTH_CONTEXT.has(prev.replace(/-$/, ''))) return undefined;
    }
    return m;
  }

  private dayAt(i: number): { day: number; end: number } | undefined {
    const tok = this.t[i];
    if (!tok || tok.type !== 'num' || tok.decimals || !tok.plainDigits || tok.text.length > 2) return undefined;
    const d = tok.value!;
    if (d < 1 || d > 31) return undefined;
    let end = i + 1;
    const suf = this.t[end];
    if (suf && suf.type === 'word' && !suf.spaced && /^(?:st|nd|rd|th)$/.test(suf.lower)) end++;
    // "12 billion" is not a day
    const after = this.word(end);
    if (after && scaleOf(after, !this.t[end].spaced) !== undefined) return undefined;
    return { day: d, end };
  }

  private yearAt(i: number): number | undefined {
    const tok = this.t[i];
    // "FY24" is fiscal 2024.
    if (tok?.type === 'num' && tok.text.length === 2 && fiscalYearAt(this.t, i)) return (tok.value! > FY_PIVOT ? 1900 : 2000) + tok.value!;
    if (!tok || tok.type !== 'num' || tok.decimals || !tok.plainDigits || tok.text.length !== 4) return undefined;
    const y = tok.value!;
    return y >= 1900 && y <= 2100 ? y : undefined;
  }

  /** ", 2025" or " 2025" after a month/day. */
  private optionalYear(i: number): { year?: number; end: number } {
    let j = i;
    // "August 12, 2025", "January of 2025"
    if (this.sym(j) === ',' || this.word(j) === 'of') j++;
    const y = this.yearAt(j);
    if (y !== undefined) return { year: y, end: j + 1 };
    return { end: i };
  }

  private emit(
    kind: QuantityKind,
    first: number,
    endTok: number,
    q: Omit<Quantity, 'kind' | 'qualifier'> & { qualifier?: Qualifier },
    figureEndTok = endTok,
  ): number {
    const start = this.t[first].start;
    const end = this.t[endTok - 1].end;
    const figureEnd = this.t[figureEndTok - 1].end;
    let qualifier = q.qualifier ?? 'exact';
    let qualifierStart: number | undefined;
    if (!q.qualifier) {
      const qb = this.qualifierBefore(first);
      if (qb) {
        qualifier = qb.qualifier;
        qualifierStart = qb.start;
      }
      const tq = this.trailingQualifier(endTok);
      if (tq && qualifier === 'exact') qualifier = tq;
      if (!qb && (kind === 'date' || kind === 'year')) {
        // A bound word right before a date or year: "before March 14", "by 2030".
        // Over a part of the month or year, for an inclusive bound: "as early as late September", "by late 2026". Not for a
        // strict one: "before late March" is not before March.
        const part = PART_OF_PERIOD.has(this.t[first - 1]?.lower ?? '') ? this.qualifierBefore(first - 1, TIME_BOUNDS_BY_LAST_WORD) : undefined;
        const tb = part?.qualifier === 'at-least' || part?.qualifier === 'at-most' ? part : this.qualifierBefore(first, TIME_BOUNDS_BY_LAST_WORD);
        if (tb) {
          qualifier = tb.qualifier;
          qualifierStart = tb.start;
        }
      }
    }
    // Built field by field, not spread from `q`: one object shape for every claim, and no generic copy.
    const quantity: Quantity = { kind, lo: q.lo, hi: q.hi, precision: q.precision, qualifier, unit: q.unit };
    if (q.nouns !== undefined) quantity.nouns = q.nouns;
    if (q.ago !== undefined) quantity.ago = q.ago;
    if (q.date !== undefined) quantity.date = q.date;
    this.claims.push({
      kind,
      text: this.text.slice(start, end),
      start,
      end,
      figureEnd,
      qualifierStart,
      quantity,
      sentenceStart: 0,
      sentenceEnd: 0,
      firstToken: first,
      lastToken: endTok - 1,
      sentence: -1,
    });
    return endTok;
  }

  /** Tries every claim shape at token i; returns the next token index to look at. */
  at(i: number): number {
    const tok = this.t[i];
    // Most tokens start no claim: one lookup says so.
    if (tok.type === 'word' ? !(tok.lex!.classes & CLAIM_START) : tok.type === 'sym' && !CURRENCY_SYMBOLS.has(tok.text)) return i + 1;
    if (
      tok.type === 'sym' ||
      (tok.type === 'word' && (CURRENCY_CODES.get(tok.lower) || (tok.text === 'US' && this.sym(i + 1) === '$' && !this.t[i + 1].spaced)))
    ) {
      const r = this.money(i);
      if (r) return r;
      return i + 1;
    }
    if (tok.type === 'word') {
      if (tok.lower === 'between' || tok.lower === 'from') {
        const r = this.betweenRange(i);
        if (r) return r;
      }
      const m = this.monthAt(i, true);
      if (m !== undefined) return this.monthDate(i, m);
      const rel = this.relativeDate(i);
      if (rel) return rel;
    }
    if (tok.type === 'num' || tok.type === 'word') {
      // ISO date 2025-08-12
      if (tok.type === 'num') {
        const iso = this.isoDate(i);
        if (iso) return iso;
        const dm = this.dayMonth(i);
        if (dm) return dm;
      }
      const n = this.parseNumber(i);
      if (n) {
        const r = this.afterNumber(i, n);
        if (r) return r;
        return n.end;
      }
    }
    return i + 1;
  }

  private isoDate(i: number): number | undefined {
    const y = this.yearAt(i);
    if (y === undefined || this.sym(i + 1) !== '-' || this.t[i + 1].spaced) return undefined;
    const mt = this.t[i + 2];
    if (!mt || mt.type !== 'num' || mt.spaced || mt.text.length !== 2) return undefined;
    const month = mt.value!;
    if (month < 1 || month > 12) return undefined;
    const date: PartialDate = { year: y, month };
    let end = i + 3;
    if (this.sym(i + 3) === '-' && !this.t[i + 3].spaced) {
      const dt = this.t[i + 4];
      if (dt && dt.type === 'num' && !dt.spaced && dt.text.length === 2 && dt.value! >= 1 && dt.value! <= 31) {
        date.day = dt.value!;
        end = i + 5;
      }
    }
    return this.emit('date', i, end, { lo: 0, hi: 0, precision: 0, unit: 'date', date });
  }

  private dayMonth(i: number): number | undefined {
    const d = this.dayAt(i);
    if (!d) return undefined;
    // "12 August", and "12th of August" (an ordinal before "of")
    const at = d.end > i + 1 && this.word(d.end) === 'of' ? d.end + 1 : d.end;
    const m = this.monthAt(at, false);
    if (m === undefined) return undefined;
    const y = this.optionalYear(at + 1);
    return this.emit('date', i, Math.max(y.end, at + 1), { lo: 0, hi: 0, precision: 0, unit: 'date', date: statedDate(m, d.day, y.year) });
  }

  private monthDate(i: number, month: number): number {
    const d = this.dayAt(i + 1);
    if (d) {
      const y = this.optionalYear(d.end);
      return this.emit('date', i, y.year !== undefined ? y.end : d.end, { lo: 0, hi: 0, precision: 0, unit: 'date', date: statedDate(month, d.day, y.year) });
    }
    // "May 2025", "January of 2025"
    const at = this.word(i + 1) === 'of' ? i + 2 : i + 1;
    const y = this.yearAt(at);
    if (y !== undefined) return this.emit('date', i, at + 1, { lo: 0, hi: 0, precision: 0, unit: 'date', date: { month, year: y } });
    return this.emit('date', i, i + 1, { lo: 0, hi: 0, precision: 0, unit: 'date', date: { month } });
  }

  private relativeDate(i: number): number | undefined {
    if (!this.ref) return undefined;
    const w = this.word(i);
    if (w !== 'last' && w !== 'this' && w !== 'next') return undefined;
    const unit = this.word(i + 1);
    if (unit !== 'month' && unit !== 'year' && unit !== 'week') return undefined;
    const delta = w === 'last' ? -1 : w === 'next' ? 1 : 0;
    let date: PartialDate;
    if (unit === 'year') date = { year: this.ref.year + delta };
    else if (unit === 'week') {
      // "next week": the month of that week's Monday; only with a reference day.
      if (this.ref.day === undefined) return undefined;
      const d = new Date(Date.UTC(this.ref.year, this.ref.month - 1, this.ref.day));
      const monday = new Date(d.getTime() + (((8 - d.getUTCDay()) % 7 || 7) - 7 + 7 * delta) * 86400000);
      date = { year: monday.getUTCFullYear(), month: monday.getUTCMonth() + 1 };
    } else {
      const idx = this.ref.year * 12 + (this.ref.month - 1) + delta;
      date = { year: Math.floor(idx / 12), month: (idx % 12) + 1 };
    }
    const end = this.emit('date', i, i + 2, { lo: 0, hi: 0, precision: 0, unit: 'date', date });
    // "This week" is when the text was written, not a time it names.
    if (delta === 0) this.claims[this.claims.length - 1].current = true;
    return end;
  }

  /**
   * The currency written at token j and the token after it: "$", "€", "USD", "US$", and another country's dollar, its
   * letters glued before or after the sign ("A$12 billion", "$US8 billion", "C$5"); `gluedBefore` reads letters before a
   * sign at j. Undefined when j writes none.
   */
  private currencyAt(j: number, gluedBefore = true): { currency: string; next: number } | undefined {
    const t = this.t[j];
    if (!t) return undefined;
    if (t.type === 'word') {
      if (/^[A-Z]{1,3}$/.test(t.text) && this.sym(j + 1) === '$' && !this.t[j + 1].spaced) return { currency: dollarOf(t.text), next: j + 2 };
      const code = CURRENCY_CODES.get(t.lower);
      return code ? { currency: code, next: j + 1 } : undefined;
    }
    const symbol = CURRENCY_SYMBOLS.get(t.text);
    if (!symbol) return undefined;
    if (t.text === '$') {
      const before = this.t[j - 1];
      const after = this.t[j + 1];
      if (gluedBefore && before?.type === 'word' && !t.spaced && /^[A-Z]{1,3}$/.test(before.text) && before.text !== 'US')
        return { currency: dollarOf(before.text), next: j + 1 };
      if (after?.type === 'word' && !after.spaced && /^[A-Z]{1,3}$/.test(after.text) && this.t[j + 2]?.type === 'num')
        return { currency: dollarOf(after.text), next: j + 2 };
    }
    return { currency: symbol, next: j + 1 };
  }

  /** "$200 billion", "US$170bn", "$150-200 billion", "$150 billion to $200 billion". */
  private money(i: number): number | undefined {
    const at = this.currencyAt(i);
    if (!at) return undefined;
    const { currency } = at;
    const j = at.next;
    const a = this.parseNumber(j);
    if (!a || a.fromWords) return undefined;
    let end = a.end;
    let lo = a.value;
    let hi = a.value;
    let precision = a.precision;
    // Range: "$150 billion to $200 billion", "$150-200 billion", "$150 to $200 billion"; not a change and the level it
    // reached ("rises by $28 billion to $886.3 billion").
    const joiner = this.t[end];
    if (joiner && RANGE_JOINERS.has(joiner.lower) && !this.changeThenLevel(i, end)) {
      let k = end + 1;
      // The second figure's currency, as the first's was written: "$US8 billion and $US10 billion", "A$10 billion to A$12 billion".
      const second = this.currencyAt(k, false);
      if (second && second.currency === currency) k = second.next;
      const b = this.parseNumber(k);
      const r = b && !b.fromWords ? rangeOf(a, b) : undefined;
      if (r) {
        ({ lo, hi, precision } = r);
        end = b!.end;
      }
    }
    // Trailing currency word: "$200 billion dollars" is rare but harmless.
    return this.emit('money', i, end, { lo, hi, precision, unit: currency });
  }

  /**
   * Whether "X to Y" at token `first` (joined at `joinAt`) is a change and the level it reached, not a range: "rose by
   * $28 billion to $886.3 billion", "raised tariffs from 10 per cent to 25 per cent".
   */
  private changeThenLevel(first: number, joinAt: number, unitFirst = false): boolean {
    if (this.word(joinAt) !== 'to') return false;
    const before = this.word(first - 1);
    if (before === 'by') return true;
    // "Deaths rose 12 percent to 4,500", "fell 2% to 8%": a figure with its own unit right after a verb of change is the
    // change, and what follows "to" the level. ("rose 2 to 3 percent" is a range of the change.)
    if (unitFirst && before !== undefined && (CHANGE_VERBS.has(before) || MOVE_VERBS.has(before))) return true;
    if (before !== 'from') return false;
    for (let j = first - 2, words = 0; j >= 0 && words < 8; j--) {
      const t = this.t[j];
      if (t.type === 'break') break;
      if (t.type !== 'word') continue;
      words++;
      if (CHANGE_VERBS.has(t.lower) || CHANGE_VERBS.has(stem(t.lower))) return true;
    }
    return false;
  }

  /** "between 30 and 50 percent", "from 30 percent to 50 percent", "between $150 billion and $200 billion". */
  private betweenRange(i: number): number | undefined {
    const isBetween = this.word(i) === 'between';
    const joinWord = isBetween ? 'and' : 'to';
    const start = i + 1;
    let j = start;
    let currency: string | undefined;
    const first = this.t[j]?.type === 'sym' || this.t[j]?.type === 'word' ? this.currencyAt(j) : undefined;
    if (first && (this.t[j].type === 'sym' || this.t[first.next - 1]?.text === '$')) {
      currency = first.currency;
      j = first.next;
    }
    const a = this.parseNumber(j);
    if (!a) return undefined;
    let k = a.end;
    const unitA = this.unitAfter(k);
    if (unitA) k = unitA.end;
    if (this.word(k) !== joinWord && !(isBetween && RANGE_JOINERS.has(this.t[k]?.lower ?? ''))) return undefined;
    if (!isBetween && this.changeThenLevel(start, k)) return undefined;
    k++;
    const second = currency ? this.currencyAt(k, false) : undefined;
    if (second && second.currency === currency) k = second.next;
    const b = this.parseNumber(k);
    if (!b) return undefined;
    let end = b.end;
    const unitB = this.unitAfter(end);
    if (unitB) end = unitB.end;
    const unit = unitB ?? unitA ?? (currency ? { kind: 'money' as const, unit: currency, end } : undefined);
    if (!unit) return this.countRange(start, a, b);
    const r = rangeOf(a, b);
    if (!r) return undefined;
    const q: Omit<Quantity, 'kind' | 'qualifier'> = { ...r, unit: unit.unit };
    // The span starts at the first figure; "between" is a range marker, not part of the figure.
    return this.emit(unit.kind, start, end, { ...q, qualifier: 'exact' });
  }

  /**
   * A range of counts whose noun follows the second figure only: "20,000 to 40,000 barrels", "between 12,000 and 19,000
   * barrels", "35,000-60,000 barrels". Not years ("2019 to 2021"), nor a span of time ("5 to 11 years"), which are read
   * as what they are.
   */
  private countRange(first: number, a: NumParse, b: NumParse): number | undefined {
    // Nor hours of the day ("between 7 and 9 p.m.", "9 to 11 a.m.").
    if (this.unitAfter(b.end) || this.durationAfter(b.end) || this.yearAt(first) !== undefined || CLOCK.has(this.word(b.end) ?? '')) return undefined;
    const nouns = this.nounPhrase(b.end);
    const r = nouns && rangeOf(a, b);
    if (!nouns || !r) return undefined;
    return this.emit('count', first, nouns.end, { ...r, unit: nouns.head, nouns: nouns.stems });
  }

  /** A percent or currency unit directly after a number. */
  private unitAfter(k: number): { kind: QuantityKind; unit: string; end: number; factor?: number } | undefined {
    // "a 10-percent tariff": a glued hyphen before a unit word.
    if (this.sym(k) === '-' && !this.t[k].spaced && this.t[k + 1]?.type === 'word' && !this.t[k + 1].spaced) {
      const unit = this.unitAfter(k + 1);
      if (unit && unit.kind === 'percent') return unit;
    }
    const tok = this.t[k];
    if (!tok) return undefined;
    if (tok.type === 'sym' && tok.text === '%') return { kind: 'percent', unit: '%', end: k + 1 };
    if (tok.type !== 'word') return undefined;
    const w = tok.lower;
    if (w === 'percent' || w === 'pct' || w === 'pc') return { kind: 'percent', unit: '%', end: k + 1 };
    if (w === 'per' && this.word(k + 1) === 'cent') return { kind: 'percent', unit: '%', end: k + 2 };
    if (w === 'percentage' && (this.word(k + 1) === 'points' || this.word(k + 1) === 'point')) return { kind: 'percent', unit: 'pp', end: k + 2 };
    // "12.5 basis points": hundredths of a percentage point.
    if (w === 'basis' && (this.word(k + 1) === 'points' || this.word(k + 1) === 'point')) return { kind: 'percent', unit: 'pp', end: k + 2, factor: 0.01 };
    const currencyWord = CURRENCY_WORDS.get(w);
    if (currencyWord) return { kind: 'money', unit: currencyWord, end: k + 1 };
    // "4.6 billion Hong Kong dollars", "5 billion Australian dollars": another country's dollar, by its name.
    for (const [words, code] of NAMED_DOLLARS)
      if (words.every((x, n) => this.word(k + n) === x) && /^dollars?$/.test(this.word(k + words.length) ?? ''))
        return { kind: 'money', unit: code, end: k + words.length + 1 };
    // "the 45p rate", "19 pence": hundredths of a pound. Glued "p" only, under 100 (not "1080p"), and not "p.m.".
    const pence = w === 'p' && !tok.spaced && (this.t[k - 1]?.value ?? Infinity) < 100 && !(this.sym(k + 1) === '.' && this.word(k + 2) === 'm');
    if (pence || w === 'pence') return { kind: 'money', unit: 'GBP', end: k + 1, factor: 0.01 };
    if ((w === 'u.s.' || w === 'us') && (this.word(k + 1) === 'dollars' || this.word(k + 1) === 'dollar')) return { kind: 'money', unit: 'USD', end: k + 2 };
    const code = CURRENCY_CODES.get(w);
    if (code && tok.text === tok.text.toUpperCase()) return { kind: 'money', unit: code, end: k + 1 };
    return undefined;
  }

  private durationAfter(k: number): { unit: string; end: number; ago: boolean } | undefined {
    let j = k;
    if (this.sym(j) === '-' && !this.t[j].spaced) j++;
    // "10 calendar days", "328 consecutive days", "three straight months": a word that says how the time is counted.
    // Plural only: "the 2024 calendar year" is a year.
    if (DURATION_COUNTING.has(this.word(j) ?? '') && /s$/.test(this.word(j + 1) ?? '') && DURATION_UNITS.has(this.word(j + 1) ?? '')) j++;
    const w = this.word(j);
    const unit = w === undefined ? undefined : DURATION_UNITS.get(w);
    if (!unit) return undefined;
    // "20-year-old" is an age, not a duration claim.
    if (this.sym(j + 1) === '-' && this.word(j + 2) === 'old') return undefined;
    let end = j + 1;
    let ago = false;
    if (this.word(end) === 'ago') {
      ago = true;
      end++;
    }
    // "dates back 20 years", "going back two decades"
    else if (this.word(end) === 'back' || this.backBefore(k)) ago = true;
    return { unit, end, ago };
  }

  private backBefore(k: number): boolean {
    // k is the token after the number; look at up to three words before the number.
    for (let j = k - 2, n = 0; j >= 0 && n < 3; j--) {
      const t = this.t[j];
      if (t.type !== 'word') continue;
      n++;
      // "pushed back by two years", "put construction back by three years": how long something was delayed, not how long ago.
      if (t.lower === 'back') return this.word(j + 1) !== 'by';
    }
    return false;
  }

  /**
   * A vote's tally, "a 228-206 vote", "passed 69-30", "by a vote of 69-30": two counts of votes,
   * for and against. Read as one figure with a noun after it, the second would be "206 votes".
   */
  private tally(i: number, n: NumParse): number | undefined {
    const a = this.t[i];
    // "by 313 votes to 269", "330 votes in favour and 276 against": the first side with the vote's noun.
    const votes = this.word(i + 1) === 'votes';
    const sidesAfterVotes = votes ? this.sidesWorded(i + 1) : undefined;
    const noun = votes && (this.word(i + 2) === 'to' || sidesAfterVotes !== undefined) ? 1 : 0;
    const join = this.t[i + 1 + noun];
    if (a.type !== 'num' || !a.plainDigits || a.decimals || n.end !== i + 1) return undefined;
    const glued = (k: number) => !this.t[k]?.spaced;
    // "The 86-to-11 vote": the worded tally written as one word.
    const hyphenated =
      join?.type === 'sym' &&
      join.text === '-' &&
      glued(i + 1) &&
      this.word(i + 2) === 'to' &&
      glued(i + 2) &&
      this.sym(i + 3) === '-' &&
      glued(i + 3) &&
      glued(i + 4);
    // "300 for the bill, 128 against", "52 in favor and 47 opposed": each side with its word.
    const sides = hyphenated ? undefined : noun ? sidesAfterVotes : this.sidesWorded(i);
    const at = sides ?? (hyphenated ? i + 4 : i + 2 + noun);
    const b = this.t[at];
    // "314-117", or "63 to 36" when nothing after it makes it a range of something ("63 to 36 percent"); spaced ("a vote
    // of 227 - 205") only right after the vote's noun, as a difference of two numbers is written too.
    const dash = join?.type === 'sym' && (join.text === '-' || join.text === '–');
    const afterVoteNoun = this.word(i - 1) === 'of' && TALLY_NOUNS.has(this.word(i - 2) ?? '');
    const dashed = !hyphenated && dash && ((!join.spaced && !b?.spaced) || (afterVoteNoun && join.spaced && b?.spaced));
    const worded = join?.type === 'word' && join.lower === 'to' && this.unitAfter(i + 3) === undefined;
    if (!(dashed || worded || hyphenated || sides) || b?.type !== 'num' || !b.plainDigits || b.decimals || this.t[at + 1]?.type === 'num') return undefined;
    // A vote's word just after it ("a 228-206 vote", "a 314-117 House vote"), or earlier in its sentence ("The votes in
    // the House ... came in at 314-117", "passed 69-30").
    let voted =
      noun === 1 || TALLY_NOUNS.has(this.word(at + 1) ?? '') || (/^\p{Lu}/u.test(this.t[at + 1]?.text ?? '') && TALLY_NOUNS.has(this.word(at + 2) ?? ''));
    // A tally in parentheses ("Passed the Senate ... on December 2, 2017 (51–49)") is the vote its sentence names anywhere.
    const reach = this.sym(i - 1) === '(' && this.sym(at + 1) === ')' ? TALLY_REACH * 4 : TALLY_REACH;
    for (let j = i - 1, words = 0; j >= 0 && words < reach && !voted; j--) {
      const t = this.t[j];
      // A period before a lower-case word ends no sentence ("... fiscal year 2018. on December 2, 2017 (51–49)").
      const ends = t.type === 'sym' && (t.text === ';' || (t.text === '.' && !/^\p{Ll}/u.test(this.t[j + 1]?.text ?? '')));
      if (t.type === 'break' || ends) break;
      if (t.type !== 'word') continue;
      words++;
      voted = TALLY_NOUNS.has(t.lower) || VOTE_VERBS.has(t.lower);
    }
    if (!voted) return undefined;
    const count = (at: number, side: 'for' | 'against', end = at + 1) => {
      const v = this.t[at].value!;
      this.emit('count', at, end, { lo: v, hi: v, precision: 0.5, unit: 'vote', nouns: ['vote'], qualifier: 'exact' });
      this.claims[this.claims.length - 1].tally = side;
    };
    count(i, 'for', i + 1 + noun);
    count(at, 'against');
    return sides ? at + 2 : at + 1;
  }

  /** In "300 for the bill, 128 against": the token of the count against, when each side is written with its word. */
  private sidesWorded(i: number): number | undefined {
    const favour = this.word(i + 1) === 'for' ? i + 1 : this.word(i + 1) === 'in' && /^favou?r$/.test(this.word(i + 2) ?? '') ? i + 2 : -1;
    if (favour < 0) return undefined;
    for (let k = favour + 1; k <= favour + 5 && k < this.t.length; k++) {
      const t = this.t[k];
      if (t.type === 'num') return /^(?:against|opposed)$/.test(this.word(k + 1) ?? '') ? k : undefined;
      if (t.type === 'break' || t.text === '.' || t.text === ';') return undefined;
    }
    return undefined;
  }

  /**
   * A capitalised word at i that may be a name's: no function word, preposition, month or day of the week, no possessive
   * ("Hydrocorp's 2024 profit"), no initialism ("FY 2024"), and not a sentence's first word, whose capital is the sentence's.
   */
  private nameWordAt(i: number): boolean {
    const t = this.t[i];
    if (t?.type !== 'word' || !/^\p{Lu}/u.test(t.text) || isStopword(t.lower) || ALL_PREPOSITIONS.has(t.lower)) return false;
    if (/['’]s$/.test(t.lower) || (t.text.length <= 3 && t.text === t.text.toUpperCase())) return false;
    const before = this.t[i - 1];
    if (!before || before.type === 'break' || (before.type === 'sym' && /^[.!?:"“(\-–—*•·]$/.test(before.text))) return false;
    const w = withoutPeriod(t.lower);
    return !MONTHS.has(w) && !CALENDAR_WORDS.has(w);
  }

  private afterNumber(i: number, n: NumParse): number | undefined {
    // "COVID-19", "F-35", "G-7": a number a hyphen glues to a name in capitals is part of the name.
    const hyphen = this.t[i - 1];
    const name = this.t[i - 2];
    if (!this.t[i].spaced && hyphen?.text === '-' && !hyphen.spaced && name?.type === 'word' && !/\p{Ll}/u.test(name.text)) return undefined;
    const tally = this.tally(i, n);
    if (tally) return tally;
    // Percent / money-word units, with ranges "30 to 50 percent", "30%-50%", "30–50%".
    const unit = this.unitAfter(n.end);
    const joinAt = unit ? unit.end : n.end;
    const joiner = this.t[joinAt];
    if (
      joiner &&
      RANGE_JOINERS.has(joiner.lower) &&
      (unit === undefined || unit.kind === 'percent' || unit.kind === 'money') &&
      !this.changeThenLevel(i, joinAt, unit !== undefined)
    ) {
      const b = this.parseNumber(joinAt + 1);
      if (b) {
        const unitB = this.unitAfter(b.end);
        const u = unitB ?? unit;
        if (u && (u.kind === 'percent' || u.kind === 'money') && (!unit || !unitB || unit.unit === unitB.unit) && u.factor === undefined) {
          const r = rangeOf(n, b);
          if (r) return this.emit(u.kind, i, unitB ? unitB.end : b.end, { ...r, unit: u.unit });
        }
      }
    }
    if (!unit && joiner && RANGE_JOINERS.has(joiner.lower) && !this.changeThenLevel(i, joinAt)) {
      const b = this.parseNumber(joinAt + 1);
      const r = b && this.countRange(i, n, b);
      if (r) return r;
    }
    // "(in 2019 dollars)", "constant 2012 dollars": the year prices are counted in, not a sum.
    const yearDollars =
      unit?.kind === 'money' &&
      this.t[i].type === 'num' &&
      this.yearAt(i) !== undefined &&
      (/^(?:constant|real|nominal)$/.test(this.word(i - 1) ?? '') || (this.word(i - 1) === 'in' && /^[(,[]$/.test(this.sym(i - 2) ?? '')));
    if (unit && (unit.kind === 'percent' || unit.kind === 'money') && !yearDollars) {
      const f = unit.factor ?? 1;
      return this.emit(unit.kind, i, unit.end, { lo: n.value * f, hi: n.value * f, precision: n.precision * f, unit: unit.unit });
    }
    // Durations: "90-day", "three months", "20 years ago", "two decades ago"
    const dur = this.durationAfter(n.end);
    if (dur) {
      const days = DAYS_PER.get(dur.unit)!;
      return this.emit('duration', i, dur.end, { lo: n.value * days, hi: n.value * days, precision: n.precision * days, unit: 'day', ago: dur.ago });
    }
    // Years: bare four digits in a plausible range, unless a plural noun follows ("2000 workers").
    const tok = this.t[i];
    const y = this.yearAt(i);
    if (y !== undefined && n.end === i + 1) {
      // "the Reef 2050 Plan", "the Paris 2024 Olympics": between two capitalised words, a year is a word of the name.
      if (this.nameWordAt(i - 1) && this.nameWordAt(i + 1) && !YEAR_BEFORE_NOUN.has(this.word(i - 1) ?? '')) return undefined;
      const nextWord = this.word(i + 1);
      const plural = nextWord !== undefined && nextWord.length > 3 && /[^s]s$/.test(nextWord) && !isStopword(nextWord);
      // "the 2024 elections", "fiscal 2025 budgets", "at 2023 levels": a year that names which ones.
      const named = YEAR_BEFORE_NOUN.has(this.word(i - 1) ?? '');
      if (!plural || named || yearDollars) return this.emit('year', i, i + 1, { lo: y, hi: y, precision: 0.5, unit: 'year' });
    }
    // "5:29 PM", "1:24 a.m.", "10 a.m.": a time of day counts nothing.
    if (tok.type === 'num' && !tok.spaced && this.sym(i - 1) === ':' && this.isNum(i - 2) && !this.t[i - 1].spaced) return undefined;
    if (CLOCK.has(this.word(n.end) ?? '')) return undefined;
    // Counts: a number followed by its noun. "500,000-plus veterans": at least that many.
    const plus = this.sym(n.end) === '-' && !this.t[n.end].spaced && this.word(n.end + 1) === 'plus' && !this.t[n.end + 1].spaced;
    const nouns = this.nounPhrase(plus ? n.end + 2 : n.end);
    // "55 senators voted for it": a count of those who voted is a count of votes too.
    if (nouns && this.word(nouns.end) === 'voted' && !nouns.stems.includes('vote')) nouns.stems.push('vote');
    if (nouns) {
      // Decimals without a scale ("1.5 points") and small bare integers used as labels are still counts; ordinals are not.
      if (tok.type === 'num' && !tok.spaced && i > 0 && this.t[i - 1].type === 'word') return undefined; // "H20", "MI308"
      const q = { lo: n.value, hi: n.value, precision: n.precision, unit: nouns.head, nouns: nouns.stems };
      return this.emit('count', i, nouns.end, plus ? { ...q, qualifier: 'at-least' } : q, plus ? n.end + 2 : n.end);
    }
    const elided = this.elidedCount(i, n);
    if (elided) return this.emit('count', i, n.end, { lo: n.value, hi: n.value, precision: n.precision, unit: elided.unit, nouns: elided.nouns });
    const part = this.partCount(i, n);
    if (part) return this.emit('count', i, part.end, { lo: n.value, hi: n.value, precision: n.precision, unit: part.unit, nouns: part.nouns });
    const toll = this.tollCount(i, n);
    if (toll) return this.emit('count', i, n.end, { lo: n.value, hi: n.value, precision: n.precision, unit: toll, nouns: [toll] });
    const counted = this.numberOfCount(i, n);
    if (counted) return this.emit('count', i, n.end, { lo: n.value, hi: n.value, precision: n.precision, unit: counted.head, nouns: counted.stems });
    return undefined;
  }

  /**
   * "the number of deaths rose to 1,392", "brings the total number of negotiated drugs to 25": a number with no noun that
   * "the number of" things rose to, stood at or was counts those things. Not "a number of", which only means several.
   */
  private numberOfCount(i: number, n: NumParse): { head: string; stems: string[] } | undefined {
    if (!(n.value >= 2) || this.yearAt(i) !== undefined) return undefined;
    const k = this.tallyLink(i);
    if (k === undefined) return undefined;
    for (let j = k - 1, reach = this.tallyReach(k); j >= reach; j--) {
      const t = this.t[j];
      if (t.type !== 'word' || t.lower !== 'number' || this.word(j + 1) !== 'of') continue;
      if (this.word(j - 1) !== 'the' && this.word(j - 1) !== 'total') return undefined;
      const np = this.nounPhrase(j + 2);
      return np && np.end <= k ? np : undefined;
    }
    return undefined;
  }

  /** The word a bare number is linked by, past its qualifiers ("rose to", "stood at more than", "reached"): its token, or undefined. */
  private tallyLink(i: number): number | undefined {
    let k = i - 1;
    while (k > 0 && TOLL_SKIP.has(this.word(k) ?? '')) k--;
    return TOLL_LINKS.has(this.word(k) ?? '') ? k : undefined;
  }

  /**
   * The first token, back from the link at `k`, where what a tally counts may stand: at most `TOLL_REACH` tokens back, in
   * the same sentence, with no other figure between.
   */
  private tallyReach(k: number): number {
    let j = k - 1;
    for (; j >= 0 && j >= k - TOLL_REACH; j--) {
      const t = this.t[j];
      if (t.type === 'break' || t.type === 'num' || (t.type === 'sym' && /^[.;:!?]$/.test(t.text))) break;
    }
    return j + 1;
  }

  /**
   * "The death toll in Turkey rose to 44,218", "the toll stood at more than 53,000": a number with no noun that a tally
   * rose to or stood at counts what the tally's modifier names (deaths). The stem of that word, or undefined.
   */
  private tollCount(i: number, n: NumParse): string | undefined {
    // Numbers that look like a year or a label are left alone: a tally of dozens is written with its noun.
    if (!(n.value >= 10) || this.yearAt(i) !== undefined) return undefined;
    const k = this.tallyLink(i);
    if (k === undefined) return undefined;
    // The tally a few words back in the same sentence, no other figure between: "the death toll (in Turkey) (has) rose to".
    for (let j = k - 1, reach = this.tallyReach(k); j >= reach; j--) {
      const t = this.t[j];
      if (t.type !== 'word' || !TOLL_NOUNS.has(t.lower)) continue;
      // A toll of lives ("death toll", "casualty toll"), with its link or a phrase after it, not a road's toll or "toll revenue".
      const modifier = this.t[j - 1];
      const next = this.t[j + 1];
      if (modifier?.type !== 'word' || !TOLL_OF.has(modifier.lower)) return undefined;
      if (next?.type === 'word' && !ALL_PREPOSITIONS.has(next.lower) && !TOLL_VERBS.has(next.lower) && !FINITE_AUXILIARIES.has(next.lower)) return undefined;
      return stem(modifier.lower);
    }
    return undefined;
  }

  /**
   * "about 50 cars, 11 of which contained hazardous materials", "100 people, 44 of whom", "20 cars, including 10 that
   * derailed": a part of things just counted counts what they are, as the count just before in its sentence does. ("Two
   * of the workers" is left alone: a part of a group named only by its noun is too often an early or partial count of the
   * whole.)
   */
  private partCount(i: number, n: NumParse): { unit: string; nouns: string[]; end: number } | undefined {
    if (!(n.value >= 2)) return undefined;
    const ofWhich = this.word(n.end) === 'of' && (this.word(n.end + 1) === 'which' || this.word(n.end + 1) === 'whom');
    // "including about 10 that", "including at least 10 that": past a qualifier.
    let k = i - 1;
    while (k > 0 && (QUALIFIER_WORDS.has(this.word(k) ?? '') || this.word(k) === 'least' || (this.word(k) === 'at' && this.word(k + 1) === 'least'))) k--;
    const including = this.word(k) === 'including' && ['that', 'which', 'who'].includes(this.word(n.end) ?? '');
    if (!ofWhich && !including) return undefined;
    // The count just before, past dates and years ("50 pumps in 2023, 11 of which").
    const prev = this.countJustBefore(n.end, true);
    return prev?.quantity.nouns ? { unit: prev.quantity.unit, nouns: prev.quantity.nouns, end: n.end } : undefined;
  }

  /**
   * The count just before token i in its sentence, that a count without a noun may count the things of: one with nouns,
   * no tally, at most `ELIDED_REACH` tokens back, no sentence end between. `pastTimes` looks past dates and years to it.
   */
  private countJustBefore(i: number, pastTimes: boolean): Claim | undefined {
    let k = this.claims.length - 1;
    while (pastTimes && k >= 0 && (this.claims[k].kind === 'date' || this.claims[k].kind === 'year')) k--;
    const prev = this.claims[k];
    if (!prev || prev.kind !== 'count' || prev.tally || !prev.quantity.nouns?.length || i - prev.lastToken > ELIDED_REACH) return undefined;
    for (let j = prev.lastToken + 1; j < i; j++) {
      const t = this.t[j];
      if (t.type === 'break' || (t.type === 'sym' && (t.text === '.' || t.text === ';' || t.text === ':'))) return undefined;
    }
    return prev;
  }

  /**
   * "43 million borrowers will benefit, and 20 million will have their debt canceled": a count of thousands or more with
   * no noun, the subject of a verb, after "and" or a comma that joins it to a count just before in its sentence, counts
   * what that one counts. The counted noun, and a verb right after the figure, show the writer left the noun out.
   */
  private elidedCount(i: number, n: NumParse): Quantity | undefined {
    if (n.value < 1000 || !FINITE_AUXILIARIES.has(this.word(n.end) ?? '')) return undefined;
    const prev = this.countJustBefore(i, false);
    if (!prev) return undefined;
    let joined = false;
    for (let k = prev.lastToken + 1; k < i; k++) {
      const t = this.t[k];
      if (t.lower === 'and' || t.lower === ',' || t.lower === 'while' || t.lower === 'but') joined = true;
    }
    // The joiner stands just before the figure (or its qualifier): "and 20 million", "and about 20 million".
    const before = this.word(i - 1) ?? this.sym(i - 1);
    return joined && (before === 'and' || before === ',' || QUALIFIER_WORDS.has(before ?? '')) ? prev.quantity : undefined;
  }

  /** Whether the capitalised word before token j goes on as a name with a roman numeral, before a noun ("Artemis II astronauts"). */
  private nameGoesOn(j: number): boolean {
    const prev = this.t[j - 1];
    const next = this.t[j];
    if (!prev || !next || !/^\p{Lu}/u.test(prev.text)) return false;
    return next.type === 'word' && /^[IVX]+$/.test(next.text) && this.t[j + 1]?.type === 'word';
  }

  /** Up to four words naming what was counted, stopping at function words and punctuation. */
  private nounPhrase(k: number): { stems: string[]; head: string; end: number } | undefined {
    const stems: string[] = [];
    let j = k;
    let lastWordEnd = k;
    let head = '';
    while (j < this.t.length && stems.length < 4) {
      const tok = this.t[j];
      if (tok.type === 'sym' && tok.text === '-' && !tok.spaced && stems.length > 0 && this.t[j + 1]?.type === 'word') {
        j++;
        continue;
      }
      if (tok.type !== 'word') break;
      const w = tok.lower;
      if (w === 'and' && stems.length > 0 && stems.length < 3 && this.t[j + 1]?.type === 'word' && !isStopword(this.t[j + 1].lower)) {
        j++;
        continue;
      }
      // "55 new miles", "12 more states", "3 other plants": a light modifier that opens the phrase, before its noun.
      if (stems.length === 0 && COUNT_MODIFIERS.has(w) && this.t[j + 1]?.type === 'word' && !isStopword(this.t[j + 1].lower)) {
        j++;
        continue;
      }
      // A preposition opens what follows the noun ("95 mph during the storm"); one that opens the phrase may be an
      // adjective ("five outside directors", "three near misses").
      if (
        isStopword(w) ||
        (ALL_PREPOSITIONS.has(w) && (stems.length > 0 || !ADJECTIVAL_PREPOSITIONS.has(w))) ||
        MONTHS.has(w) ||
        scaleOf(w, false) !== undefined ||
        DURATION_UNITS.has(w)
      )
        break;
      const s = stem(w);
      stems.push(s);
      head = s;
      j++;
      lastWordEnd = j;
      // A plural noun usually closes the phrase ("1.4 billion people with ..."); not a name that goes on with its numeral
      // ("five Artemis II astronauts").
      if ((/[^s]s$/.test(w) && !this.nameGoesOn(j)) || w === 'people') break;
    }
    if (stems.length === 0) return undefined;
    return { stems, head, end: lastWordEnd };
  }
}

/** Finds every claim in a document. Offsets refer to the original text. */
export function extract(text: string, options: ExtractOptions = {}): Extraction {
  const masked = maskNonProse(text, options.format ?? 'plaintext');
  return extractMasked(text, masked.text, options.referenceDate ?? masked.frontMatterDate);
}

/**
 * Extraction from text already masked (see markup.ts): `text` is the original, `masked` its
 * prose view with the same offsets. Lets a caller mask a document once and extract its blocks
 * one by one.
 */
export function extractMasked(text: string, masked: string, referenceDate?: string, contextYear?: number, writtenOn?: PartialDate): Extraction {
  const tokens = tokenize(masked);
  const parser = new Parser(tokens, text, referenceDate);
  for (let i = 0; i < tokens.length; ) {
    const tok = tokens[i];
    if (tok.type === 'break') {
      i++;
      continue;
    }
    const next = parser.at(i);
    i = next > i ? next : i + 1;
  }
  const sentences = splitSentences(tokens, masked);
  // A date that only says when the text was written is not a claim.
  const claims: Claim[] = [];
  const timeMarks: Claim[] = [];
  for (const c of parser.claims) (isDateline(tokens, c) || datesTheText(tokens, c, writtenOn) ? timeMarks : claims).push(c);
  // Attach each claim to its sentence (both lists are in document order).
  let s = 0;
  for (const c of [...claims, ...timeMarks].sort((a, b) => a.firstToken - b.firstToken)) {
    while (s < sentences.length - 1 && sentences[s][1] < c.firstToken) s++;
    const [a, b] = sentences[s] ?? [c.firstToken, c.lastToken];
    c.sentence = s;
    c.sentenceStart = tokens[a].start;
    c.sentenceEnd = tokens[b].end;
  }
  const claimsBySentence: Claim[][] = sentences.map(() => []);
  for (const c of claims) if (c.sentence >= 0 && c.sentence < claimsBySentence.length) claimsBySentence[c.sentence].push(c);
  // A dateline says when the text was written, unless what came before already did.
  writtenOn ??= timeMarks.find((c) => c.quantity.date?.year !== undefined && c.quantity.date.month !== undefined)?.quantity.date;
  return { tokens, sentences, claims, claimsBySentence, matchData: undefined, timeMarks, contextYear, writtenOn };
}

/** Words before a year and a plural noun that make the number a year, not a count: "the 2024 elections", "fiscal 2025 budgets". */
const YEAR_BEFORE_NOUN = new Set([
  'the',
  'its',
  'their',
  'his',
  'her',
  'our',
  'this',
  'that',
  'these',
  'those',
  'fiscal',
  'calendar',
  'in',
  'of',
  'at',
  'for',
  'from',
  'by',
  'since',
  'until',
  'through',
  'during',
  'before',
  'after',
]);

/** Function words that may open a count's noun phrase as modifiers: "55 new miles", "12 more states", "3 other plants". */
const COUNT_MODIFIERS = new Set(['new', 'more', 'other']);
/** Units after which "one" is a figure: "one percent higher", "one percentage point", "loans of up to one year". */
const ONE_UNITS = new Set(['percent', 'per', 'percentage', 'year', 'month', 'week']);

/** Words that make "69-30" a vote's tally: after it ("a 228-206 vote") or just before it ("by a vote of", "passed"). */
const TALLY_NOUNS = new Set(['vote', 'votes', 'tally', 'margin', 'ballot', 'decision', 'ruling']);
/** Two-digit fiscal years above this are of the 1900s ("FY99"). */
const FY_PIVOT = 50;
/** How far after a count an elided one may stand, in tokens ("43 million borrowers will benefit, and 20 million will"). */
const ELIDED_REACH = 14;
/** Words that may stand between "and" and an elided count: "and about 20 million". */
const QUALIFIER_WORDS = new Set(['about', 'nearly', 'almost', 'roughly', 'around', 'some', 'another', 'over', 'more']);
/** Words of a qualifier between a tally's link and its number: "rose to more than 53,000", "stood at an estimated 3,000". */
const TOLL_SKIP = new Set([...QUALIFIER_WORDS, 'than', 'least', 'just', 'under', 'approximately', 'an', 'estimated', 'almost']);
/** How far back from its link a tally's noun may stand: "the death toll in Turkey due to the earthquakes rose to". */
const TOLL_REACH = 8;
/** How many words before a tally its sentence may name the vote. */
const TALLY_REACH = 15;
const VOTE_VERBS = new Set([
  'passed',
  'approved',
  'voted',
  'confirmed',
  'cleared',
  'adopted',
  'rejected',
  'defeated',
  'passes',
  'approves',
  'passing',
  'approving',
  'confirming',
  'clearing',
  'adopting',
  'rejecting',
  // The nouns of those verbs: "following its passage in the Senate by 92 to 7".
  'passage',
  'approval',
  'confirmation',
  'adoption',
  'rejection',
]);

/** Words that, alone before a date on its line, make it a dateline or byline date: "Published June 11, 2025", "date 2025-05-12". */
const DATELINE_MARKS = new Set(['date', 'dated', 'published', 'updated', 'posted', 'modified']);
const DATELINE_WORDS = new Set([
  'date',
  'dated',
  'published',
  'updated',
  'posted',
  'modified',
  'last',
  'first',
  'on',
  'at',
  'am',
  'pm',
  'edt',
  'est',
  'gmt',
  'utc',
  'et',
]);

/**
 * Whether a date claim only dates the text: first on its line after a dateline word
 * ("Published", "Updated on", "date"), or in a byline ("By Jake Beardslee · June 11, 2025",
 * "[July 30, 2025] By ..."). A date alone on a line may head a timeline entry, and a caption's
 * date says when its picture was taken (see caption.ts): both stay claims.
 */
function isDateline(tokens: Token[], c: Claim): boolean {
  if (c.kind !== 'date') return false;
  // A wire dateline: "WASHINGTON, June 3 (Reuters) -".
  const [open, agency, close, dash] = [1, 2, 3, 4].map((k) => tokens[c.lastToken + k]);
  if (open?.text === '(' && agency?.type === 'word' && /^\p{Lu}/u.test(agency.text) && close?.text === ')' && dash && /^[-–—]$/.test(dash.text)) return true;
  // "RIVERSIDE (Valley News / Wire - 25th April, 2024)": the date closes the agency's parenthesis after a city in capitals.
  if (open?.text === ')') {
    for (let i = c.firstToken - 1; i >= 0 && tokens[i].type !== 'break'; i--) {
      const t = tokens[i];
      if (t.text === '(') {
        const city = tokens[i - 1];
        // The city opens its line, or follows only the text's own date ("date 2020-04-25 WASHINGTON (...").
        if (city?.type === 'word' && city.text.length > 1 && city.text === city.text.toUpperCase() && /\p{Lu}/u.test(city.text) && opensLine(tokens, i - 1))
          return true;
        break;
      }
      if (t.type === 'word' ? !/^\p{Lu}/u.test(t.text) : !/^[-–—/,.]$/.test(t.text)) break;
    }
  }
  if (!c.quantity.date?.year) return false;
  let marked = false;
  let byline = false;
  let clock = false;
  /** A capitalised word between the date and what comes before it: a byline's name. */
  let named = false;
  for (let i = c.firstToken - 1; i >= 0 && tokens[i].type !== 'break'; i--) {
    const t = tokens[i];
    // The hour it was posted at ("Posted at 5:29 PM, Apr 06, 2020") is part of a marked line; another number is not.
    if (t.type === 'num') {
      if (!(tokens[i + 1]?.text === ':' || tokens[i - 1]?.text === ':')) return false;
      clock = true;
    }
    if (t.type !== 'word') continue;
    if (DATELINE_MARKS.has(t.lower)) marked = true;
    // A byline names someone after "By" ("By Jake Beardslee · June 11, 2025"); "By June 2023, 27 countries had signed" is a sentence.
    else if (t.lower === 'by') byline = named;
    // A byline's names are capitalised; other words make it prose.
    else if (!DATELINE_WORDS.has(t.lower) && !/^\p{Lu}/u.test(t.text)) return false;
    else if (!DATELINE_WORDS.has(t.lower) && !CALENDAR_WORDS.has(t.lower)) named = true;
  }
  // "By 5:30 PM on Oct. 12, 2022, the utility ...": a byline has no hour; that is a sentence.
  if (marked || (byline && !clock)) return true;
  // "[July 30, 2025] By ...": a date that opens its line and is followed by a byline.
  for (let i = c.lastToken + 1; i < tokens.length && tokens[i].type !== 'break'; i++) {
    const t = tokens[i];
    if (t.type === 'sym') continue;
    return t.type === 'word' && t.lower === 'by' && c.firstToken > 0 ? isLineStart(tokens, c.firstToken) : false;
  }
  return false;
}

/** Whether only symbols, numbers and dateline words stand before token i on its line. */
function opensLine(tokens: Token[], i: number): boolean {
  for (let k = i - 1; k >= 0 && tokens[k].type !== 'break'; k--) if (tokens[k].type === 'word' && !DATELINE_MARKS.has(tokens[k].lower)) return false;
  return true;
}

/**
 * A date alone on its line that is the very day the text was written ("February 15, 2019" under a headline, when the
 * text is of that day by its front matter, `--date` or first dateline): the text's date again, not a timeline's heading.
 */
function datesTheText(tokens: Token[], c: Claim, writtenOn: PartialDate | undefined): boolean {
  const d = c.quantity.date;
  if (c.kind !== 'date' || !writtenOn?.day || !d?.day || d.year !== writtenOn.year || d.month !== writtenOn.month || d.day !== writtenOn.day) return false;
  if (!isLineStart(tokens, c.firstToken)) return false;
  for (let k = c.lastToken + 1; k < tokens.length && tokens[k].type !== 'break'; k++) if (tokens[k].type !== 'sym') return false;
  return true;
}

/** Whether only symbols stand before token i on its line. */
function isLineStart(tokens: Token[], i: number): boolean {
  for (let k = i - 1; k >= 0 && tokens[k].type !== 'break'; k--) if (tokens[k].type !== 'sym') return false;
  return true;
}
