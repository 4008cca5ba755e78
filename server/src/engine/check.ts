/**
 * The engine's front door: a document and a prepared fact base in, claims and findings out.
 * Also honours inline suppressions, so the CLI and the editor agree on what is ignored.
 *
 * A document is checked block by block (runs of lines between blank lines): no sentence, and
 * so no claim's context, crosses a blank line, and masking is done once for the whole
 * document first, so code fences and front matter spanning blocks are still honoured. With a
 * `CheckCache`, a re-check after an edit extracts and judges only the blocks that changed.
 */
import { lastYear } from './extract/analysis';
import { type Claim, type Extraction, extractMasked } from './extract/extract';
import { type Knowledge, namesCarried } from './extract/frame';
import { PAGE_DATE_MARKS } from './extract/grammar';
import type { Fact, FactBase } from './factbase/model';
import { buildIndex, type FactIndex } from './match/factIndex';
import { summarize } from './match/evidence';
import { type MatchResult, matchClaim, topicFacts } from './match/match';
import { parseIsoDate } from './match/profile';
import { MONTHS, type PartialDate, type Quantity, significantDigits } from './quantity';
import { type DocumentFormat, maskNonProse } from './text/markup';
import { writtenLineByLine } from './text/sentences';
import { type Finding, judge } from './verdict';

export interface CheckOptions {
  format?: DocumentFormat;
  /** YYYY-MM-DD: resolves "last month" and the like. Front matter `date:` is used otherwise. */
  referenceDate?: string;
  /**
   * YYYY-MM-DD: the draft is being written on this day (a document open in an editor), so a text that gives no date of
   * its own is as of it. Without this, an undated text may be an old article, and a figure it gives as present that a
   * newer fact has since replaced was current as it was written: it is not reported as outdated.
   */
  today?: string;
  /** Results kept from the previous check of the same document; see `CheckCache`. */
  cache?: CheckCache;
}

/**
 * One block's claims (offsets relative to the block) and the finding on each (null: none), its claim block-relative
 * too, and the context it leaves for the next block.
 */
interface BlockResult extends BlockContext {
  claims: Claim[];
  judgements: Array<Finding | null>;
}

/**
 * Results per block text, so a re-check after an edit reuses every unchanged block. Holds only
 * the blocks of the last check, and is dropped when the fact base changes. Plain data; one per
 * document.
 */
export interface CheckCache {
  index?: FactIndex;
  blocks: Map<string, BlockResult>;
}

export function newCheckCache(): CheckCache {
  return { blocks: new Map() };
}

/** The result of checking one document. */
export interface CheckResult {
  /** Every claim, with document offsets. Token and sentence indexes refer to the claim's block. */
  claims: Claim[];
  /** One finding per matched claim (consistent ones included); unmatched claims have none. */
  findings: Finding[];
  /** Claims switched off by a suppression comment. */
  suppressed: Claim[];
}

/** Marker that switches off the claim it follows: `<!-- factcheck-ignore -->` in Markdown, `[factcheck-ignore]` in plain text. */
export const IGNORE_MARKER = 'factcheck-ignore';
/** Marker anywhere in a file that switches off checking for the whole file. */
export const DISABLE_FILE_MARKER = 'factcheck-disable-file';

const IGNORE_AFTER = /^[\s\p{P}]{0,3}?(?:<!--\s*factcheck-ignore\s*-->|\[factcheck-ignore\])/u;

/** The text that marks a claim as ignored, in the document's format. */
export function ignoreMarkerFor(format: DocumentFormat): string {
  return format === 'markdown' ? '<!-- factcheck-ignore -->' : '[factcheck-ignore]';
}

export function prepare(base: FactBase): FactIndex {
  return buildIndex(base);
}

/**
 * Blocks of `masked` as [start, end) offsets: paragraphs. A paragraph is a maximal run of lines
 * that are not blank; in a run with a line longer than any hard-wrapped line, each line is one
 * (text saved from a web page puts a paragraph on a line, with no blank line between).
 */
export function blocksOf(masked: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [start, end] of linesRuns(masked)) {
    if (!writtenLineByLine(masked, start, end)) {
      out.push([start, end]);
      continue;
    }
    let heading = -1;
    for (let from = start; from < end; ) {
      let nl = masked.indexOf('\n', from);
      if (nl < 0 || nl > end) nl = end;
      let lineEnd = nl;
      while (lineEnd > from && (masked.charCodeAt(lineEnd - 1) === 13 || masked.charCodeAt(lineEnd - 1) === 32)) lineEnd--;
      if (lineEnd > from) {
        // A timeline's date on a line of its own ("Oct. 26") heads the entry below it: one block with it.
        if (heading < 0 && nl < end && datedHeading(masked, from, lineEnd)) heading = from;
        else {
          out.push([heading >= 0 ? heading : from, lineEnd]);
          heading = -1;
        }
      }
      from = nl + 1;
    }
    if (heading >= 0) out.push([heading, end]);
  }
  return out;
}

/** A line that is only a date or a year, as a timeline heads an entry: "Oct. 26", "December 2, 2017", "2018". */
function datedHeading(text: string, from: number, to: number): boolean {
  if (to - from > HEADING_CHARS) return false;
  const m = DATE_LINE.exec(text.slice(from, to));
  // The month's word is one the extraction reads as a month (`MONTHS`): no second list of month names here.
  return m !== null && (m[1] === undefined || MONTHS.has(m[1].toLowerCase()));
}

/** The longest line read as a heading: a date with its year, a little room to spare. */
const HEADING_CHARS = 24;
/** A bullet or two, then a month's word, its day and maybe its year, or a year alone. */
const DATE_LINE = /^[\s\-–•*#]*(?:([a-z]+)\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|\d{4})\s*[:–-]?\s*$/i;

/** Maximal runs of lines that are not blank, as [start, end) offsets. */
function linesRuns(masked: string): Array<[number, number]> {
  const blocks: Array<[number, number]> = [];
  let start = -1;
  let lastContentEnd = -1;
  for (let lineStart = 0; lineStart <= masked.length; ) {
    let lineEnd = masked.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = masked.length;
    let blank = true;
    for (let i = lineStart; i < lineEnd && blank; i++) {
      const c = masked.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 13) blank = false;
    }
    if (blank) {
      if (start >= 0) blocks.push([start, lastContentEnd]);
      start = -1;
    } else {
      if (start < 0) start = lineStart;
      lastContentEnd = lineEnd;
    }
    lineStart = lineEnd + 1;
  }
  if (start >= 0) blocks.push([start, lastContentEnd]);
  return blocks;
}

/**
 * The facts whose figure a claim's is, or whose source sentence gives it as another figure: the same kind and unit, and the
 * value to the claim's rounding, a sum, share or length of three significant digits or more (a date or year, or a rounder
 * figure, recurs too often to tell). A figure that exact is more likely the writer's reference to that fact or that
 * sentence ("a turnout of 47.69%", which the source of another fact gives) than a slip.
 */
function figureOfAnother(index: FactIndex, claim: Claim): readonly Fact[] {
  const q = claim.quantity;
  // Not a count: its unit is the noun, and what one count counts another rarely does.
  if (q.kind === 'date' || q.kind === 'year' || q.kind === 'count' || q.lo !== q.hi || q.lo === 0 || significantDigits(claim.text) < EXACT_DIGITS) return [];
  // To the claim's own rounding: "$641 million" is the $641.25 million a fact gives.
  const same = (f: Quantity) => f.kind === q.kind && f.unit === q.unit && f.lo === f.hi && Math.abs(f.lo - q.lo) <= q.precision;
  return index.base.facts.filter((f, k) => same(f.quantity) || index.profiles[k].quoteFigures.some(same));
}

/**
 * The significant digits a figure needs for another fact's figure to be more likely meant than a slip. Fewer are too
 * common: with two, "$2.8 billion" (a slip for $1.75 billion, say) was some other fact's in enough fact bases that the
 * rule cost three caught errors for each false alarm it saved; with three, none.
 */
const EXACT_DIGITS = 3;

/**
 * The verdict on a claim from what matching found, in a text written on `writtenOn` if it says so (its dateline or front
 * matter), else on `today` if the caller knows the text is current; undefined when it says nothing.
 */
export function findingFor(
  index: FactIndex,
  claim: Claim,
  { matches, frame, agreesUnworded }: MatchResult,
  writtenOn?: PartialDate,
  today?: PartialDate,
): Finding | undefined {
  if (!matches.length || !frame) return undefined;
  return judge(claim, matches, {
    // A draft's own date wins over today's.
    writtenOn: writtenOn ?? today,
    times: frame.sentenceTimes,
    historical: frame.historical,
    present: frame.present,
    running: frame.running,
    topicFacts: (f) => topicFacts(index, f, frame),
    agreesUnworded,
    sameFigureFacts: (c) => figureOfAnother(index, c),
  });
}

function checkBlock(
  text: string,
  masked: string,
  referenceDate: string | undefined,
  index: FactIndex,
  context: BlockContext,
  today: PartialDate | undefined,
): BlockResult {
  const x = extractIn(text, masked, referenceDate, context);
  const judgements = x.claims.map((claim) => {
    const result = matchClaim(index, x, claim);
    const finding = findingFor(index, claim, result, x.writtenOn, today);
    if (!finding || !result.frame) return null;
    finding.why = summarize(finding.evidence, index.knowledge.gazetteer, { x, claim, frame: result.frame });
    return finding;
  });
  return { claims: x.claims, judgements, ...contextAfter(x, index.knowledge) };
}

/** A block extracted in the context the text before it set. */
export function extractIn(text: string, masked: string, referenceDate: string | undefined, context: BlockContext): Extraction {
  const x = extractMasked(text, masked, referenceDate, context.year, context.writtenOn);
  if (context.names) x.carriedNames = context.names;
  return x;
}

/**
 * What a block takes from the text before it: the year set so far ("2018", "In 2019, ...", a dateline), in which its
 * figures are read; and when the text was written (the date given or its front matter's, else its first dateline).
 */
export interface BlockContext {
  year: number | undefined;
  writtenOn: PartialDate | undefined;
  /** The listed names of the last sentence that named any (see `Extraction.carriedNames`). */
  names?: ReadonlySet<string>;
}

/**
 * The context of a masked text's first block. With no date given, the page's own date under its headline (see
 * `openingDateline`) is blanked out of `masked`, being no claim, and says when the text was written. (With one, a date
 * line that is not it is a heading, and one that is it is read as the text's date by the extraction.)
 */
export function openingContext(masked: { text: string }, referenceDate: string | undefined): BlockContext {
  const context = startContext(referenceDate);
  if (referenceDate !== undefined) return context;
  const dateline = openingDateline(masked.text);
  if (!dateline) {
    // A line that says it dates the page is no claim already (see the extraction's datelines); it only says when.
    const marked = markedDateline(masked.text);
    return marked ? { ...context, year: marked.date.year, writtenOn: marked.date } : context;
  }
  masked.text = masked.text.slice(0, dateline.start) + ' '.repeat(dateline.end - dateline.start) + masked.text.slice(dateline.end);
  return { ...context, year: dateline.date.year, writtenOn: dateline.date };
}

/** The context of a text's first block, from the date it was written on, if known (YYYY-MM-DD). */
export function startContext(referenceDate: string | undefined): BlockContext {
  const written = referenceDate ? parseIsoDate(referenceDate) : undefined;
  return { year: written?.year, writtenOn: written?.month === undefined ? undefined : written };
}

/** The context the block after `x` starts in. */
export function contextAfter(x: Extraction, k: Knowledge): BlockContext {
  return { year: lastYear(x), writtenOn: x.writtenOn, names: namesCarried(x, k) };
}

/** What a cached block's result depends on besides its own text. */
function contextKey(c: BlockContext): string {
  const written = c.writtenOn ? `${c.writtenOn.year}-${c.writtenOn.month}-${c.writtenOn.day}` : '';
  return `${c.year ?? ''}\u0000${written}\u0000${c.names ? [...c.names].join('\u0001') : ''}`;
}

/** A block's claim at document offsets. */
function shifted(c: Claim, by: number): Claim {
  return by === 0 ? c : shift({ ...c }, by);
}

/** Moves a claim's offsets by `by`, in place. */
function shift(c: Claim, by: number): Claim {
  c.start += by;
  c.end += by;
  c.figureEnd += by;
  c.sentenceStart += by;
  c.sentenceEnd += by;
  if (c.qualifierStart !== undefined) c.qualifierStart += by;
  return c;
}

/** A text's lines, each with its [from, to) offsets. */
function* linesOf(text: string): Generator<{ from: number; to: number; line: string }> {
  for (let from = 0; from <= text.length; ) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    yield { from, to, line: text.slice(from, to) };
    from = to + 1;
  }
}

/** The date a dateline match gives from its month's word, day and year (groups k, k + 1, k + 2), if the word is a month's. */
function datelineDate(m: RegExpExecArray, k: number): PartialDate | undefined {
  const month = MONTHS.get(m[k].toLowerCase());
  return month === undefined ? undefined : { year: Number(m[k + 2]), month, day: Number(m[k + 1]) };
}

/**
 * A full date alone on one of a text's first lines, under at most a headline, when no other line of the text is a date
 * alone ("FL Condo Collapse: Death Toll Rises to Four\n\nJune 25, 2021\nOfficials said ..."): the day the page was
 * written, not the heading of a timeline's entry. Its [start, end) offsets and the date.
 */
export function openingDateline(masked: string): { start: number; end: number; date: PartialDate } | undefined {
  let found: { start: number; end: number; date: PartialDate } | undefined;
  let lines = 0;
  let headless = false;
  for (const { from, to, line: raw } of linesOf(masked)) {
    const line = raw.trim();
    if (!line) continue;
    lines++;
    // What stands above it is a headline: short, and no sentence ("A timeline of the act, as the records tell it.").
    if (lines === 1 && !found && (line.length > HEADLINE_CHARS || /[.:]$/.test(line))) headless = true;
    if (line.length <= HEADING_CHARS && datedHeading(masked, from, to)) {
      // A second date alone on its line: a timeline's headings, none of them the page's date.
      if (found) return undefined;
      const m = FULL_DATE_LINE.exec(line);
      const date = m ? datelineDate(m, 1) : undefined;
      if (lines > 2 || (lines === 2 && headless) || !date) return undefined;
      found = { start: from, end: to, date };
    }
  }
  return found;
}

/**
 * A page's own date in a line that says so, among its first lines ("Posted Dec 17, 2019 6:42 AM CST", "Posted at 5:29
 * PM, Apr 06, 2020", "Published on: April 16, 2024"), even below a headline, a summary and a caption: the day the page
 * was written. The first "published" or "posted" one, else the first "updated" one. Its [start, end) offsets and the date.
 */
export function markedDateline(masked: string): { start: number; end: number; date: PartialDate } | undefined {
  let updated: { start: number; end: number; date: PartialDate } | undefined;
  let lines = 0;
  for (const { from, line } of linesOf(masked)) {
    if (lines >= OPENING_LINES) break;
    if (!line.trim()) continue;
    lines++;
    const m = MARKED_DATE.exec(line);
    const date = m ? datelineDate(m, 2) : undefined;
    if (m && date) {
      const found = { start: from + m.index, end: from + m.index + m[0].length, date };
      if (!/^updated|^last/i.test(m[1])) return found;
      updated ??= found;
    }
  }
  return updated;
}

/** How many of a page's first lines may hold its date. */
const OPENING_LINES = 12;
/** A month's word, its day and its year, as a dateline gives them: "June 25, 2021", "Dec 17, 2019". */
const DATELINE_DATE = String.raw`([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})`;
/** A line that opens with a word saying it dates the page, then (maybe after the hour) a month's word, day and year. */
const MARKED_DATE = new RegExp(
  String.raw`^[\s\-–•*#|]*(${PAGE_DATE_MARKS.join('|')})(?:\s+(?:on|at))?:?\s+(?:\d{1,2}:\d{2}\s*[ap]\.?m\.?,?\s+)?${DATELINE_DATE}\b`,
  'i',
);

/** The longest line read as a headline above a page's date: a press release's runs to two clauses ("... restores power to 92% of customers; continues ..."). */
const HEADLINE_CHARS = 200;
/** A line that is a full date alone. */
const FULL_DATE_LINE = new RegExp(String.raw`^[\s\-–•*#]*${DATELINE_DATE}\s*$`, 'i');

export function checkText(text: string, index: FactIndex, options: CheckOptions = {}): CheckResult {
  const masked = maskNonProse(text, options.format ?? 'plaintext');
  const referenceDate = options.referenceDate ?? masked.frontMatterDate;
  const today = options.today === undefined ? undefined : parseIsoDate(options.today);
  const disabled = text.includes(DISABLE_FILE_MARKER);
  const mayIgnore = text.includes(IGNORE_MARKER);
  const cache = options.cache;
  const previous = cache && cache.index === index ? cache.blocks : undefined;
  const next = new Map<string, BlockResult>();
  const claims: Claim[] = [];
  const findings: Finding[] = [];
  const suppressed: Claim[] = [];
  let context = openingContext(masked, referenceDate);
  for (const [start, end] of blocksOf(masked.text)) {
    const blockText = text.slice(start, end);
    const blockMasked = masked.text.slice(start, end);
    const key = cache ? `${referenceDate ?? ''}\u0000${options.today ?? ''}\u0000${contextKey(context)}\u0000${blockMasked}\u0000${blockText}` : '';
    let result = previous?.get(key) ?? next.get(key);
    if (!result) result = checkBlock(blockText, blockMasked, referenceDate, index, context, today);
    context = result;
    if (cache) next.set(key, result);
    result.claims.forEach((c, i) => {
      // A cached block is shared with later checks, so its claims are copied; a fresh one is this
      // check's own, and moving its claims in place spares a copy of each claim and finding.
      const claim = cache ? shifted(c, start) : shift(c, start);
      claims.push(claim);
      const judgement = result.judgements[i];
      if (disabled || (mayIgnore && IGNORE_AFTER.test(text.slice(claim.end, claim.end + 40)))) suppressed.push(claim);
      else if (judgement) findings.push(judgement.claim === claim ? judgement : { ...judgement, claim });
    });
  }
  if (cache) {
    cache.index = index;
    cache.blocks = next;
  }
  return { claims, findings, suppressed };
}
