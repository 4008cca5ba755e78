/**
 * The engine's front door: a document and a prepared fact base in, claims and findings out.
 * Also honours inline suppressions, so the CLI and the editor agree on what is ignored.
 */
import { extract, Claim, Extraction } from './extract';
import type { FactBase } from './factbase';
import { buildIndex, claimContext, FactIndex, matchClaim, topicFacts } from './match';
import { DocumentFormat } from './markup';
import { Finding, judge } from './verdict';

export interface CheckOptions {
  format?: DocumentFormat;
  /** YYYY-MM-DD: resolves "last month" and the like. Front matter `date:` is used otherwise. */
  referenceDate?: string;
  /** Results kept from the previous check of the same document; see `CheckCache`. */
  cache?: CheckCache;
}

/** A sentence's judgements, one per claim in order (null: no finding), without the claims themselves. */
type SentenceResult = Array<Omit<Finding, 'claim'> | null>;

/**
 * Matching and judging look no further than a claim's sentence, so their results can be kept
 * per sentence text: a re-check after an edit reuses every unchanged sentence. Holds only the
 * sentences of the last check, and is dropped when the fact base changes. Plain data; one per
 * document.
 */
export interface CheckCache {
  index?: FactIndex;
  sentences: Map<string, SentenceResult>;
}

export function newCheckCache(): CheckCache {
  return { sentences: new Map() };
}

/** The result of checking one document. */
export interface CheckResult {
  extraction: Extraction;
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

export function checkText(text: string, index: FactIndex, options: CheckOptions = {}): CheckResult {
  const extraction = extract(text, { format: options.format, referenceDate: options.referenceDate });
  const findings: Finding[] = [];
  const suppressed: Claim[] = [];
  if (text.includes(DISABLE_FILE_MARKER)) return { extraction, findings, suppressed: extraction.claims.slice() };
  const mayIgnore = text.includes(IGNORE_MARKER);
  const cache = options.cache;
  const previous = cache && cache.index === index ? cache.sentences : undefined;
  const next = new Map<string, SentenceResult>();
  for (const claims of extraction.claimsBySentence) {
    if (!claims.length) continue;
    const key = cache ? `${extraction.referenceDate ?? ''}\u0000${extraction.masked.slice(claims[0].sentenceStart, claims[0].sentenceEnd)}` : '';
    let results = previous?.get(key) ?? next.get(key);
    if (!results || results.length !== claims.length) {
      results = claims.map((claim) => {
        const ctx = claimContext(extraction, claim);
        const matches = matchClaim(index, extraction, claim, ctx);
        const finding = judge(claim, matches, { times: ctx.sentenceTimes, historical: ctx.historical, topicFacts: (f) => topicFacts(index, f, ctx) });
        if (!finding) return null;
        const { claim: _, ...rest } = finding;
        return rest;
      });
    }
    if (cache) next.set(key, results);
    claims.forEach((claim, i) => {
      if (mayIgnore && IGNORE_AFTER.test(text.slice(claim.end, claim.end + 40))) suppressed.push(claim);
      else if (results[i]) findings.push({ claim, ...results[i]! });
    });
  }
  if (cache) {
    cache.index = index;
    cache.sentences = next;
  }
  return { extraction, findings, suppressed };
}
