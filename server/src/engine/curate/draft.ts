/**
 * Drafting a fact base from source documents: one candidate fact for every figure a source
 * states as fact, with its sentence as the quote and its value, qualifier, words and names read
 * by the same analysis that reads drafts. A curator reviews the candidates, keeps the facts worth
 * checking against and throws the rest away; nothing here decides what is worth keeping.
 */
import { extractMasked } from '../extract/extract';
import { type Knowledge, readFrame } from '../extract/frame';
import type { FactBaseJson, FactJson, FactValueJson, SourceJson } from '../factbase/schema';
import { slug } from '../knowledge/gazetteer';
import { buildIndex } from '../match/factIndex';
import { DAYS_PER, type Quantity } from '../quantity';
import { type DocumentMeta, htmlToText, isoDay } from '../text/html';
import { maskNonProse } from '../text/markup';
import { isStopword } from '../text/tokens';

/** A source document to draft from. */
export interface DraftSource {
  /** File name, for the source's id and description when the document names no title. */
  name: string;
  text: string;
  format: 'markdown' | 'plaintext' | 'html';
  /** Path of the document relative to the fact base it will go in, when it can be named there (`sources[].file`). */
  file?: string;
}

/** The format to draft a document in, from its name (or address) and, in an editor, its language. */
export function draftFormatOf(name: string, languageId?: string): DraftSource['format'] {
  if (languageId === 'html' || /\.html?$/i.test(name)) return 'html';
  if (languageId === 'markdown' || /\.(?:md|markdown)$/i.test(name)) return 'markdown';
  return 'plaintext';
}

export interface DraftOptions {
  /** The `$schema` value the drafted file starts with. */
  schema?: string;
}

let emptyKnowledge: Knowledge | undefined;
function knowledge(): Knowledge {
  emptyKnowledge ??= buildIndex({ files: [], sources: [], facts: [], entities: [], terms: [] }).knowledge;
  return emptyKnowledge;
}

/** The drafted fact base: one source entry per document, candidates in document order. */
export function draftFactBase(sources: readonly DraftSource[], options: DraftOptions = {}): FactBaseJson {
  const out: FactBaseJson = { ...(options.schema ? { $schema: options.schema } : {}), version: 1, sources: [], facts: [] };
  const ids = new Set<string>();
  for (const doc of sources) {
    const { source, facts } = draftSource(doc, ids, new Set(out.sources.map((s) => s.id)));
    out.sources.push(source);
    out.facts.push(...facts);
  }
  return out;
}

/** The prose of a document and what it says about itself. */
export function readDocument(doc: DraftSource): { text: string; masked: string; meta: DocumentMeta } {
  if (doc.format === 'html') {
    const { text, meta } = htmlToText(doc.text);
    return { text, masked: text, meta: { ...firstLinesMeta(text), ...defined(meta) } };
  }
  const text = unwrap(doc.text);
  const masked = maskNonProse(text, doc.format);
  const meta = doc.format === 'markdown' ? frontMatter(text) : {};
  if (masked.frontMatterDate && !meta.published) meta.published = masked.frontMatterDate;
  return { text, masked: masked.text, meta: { ...firstLinesMeta(masked.text), ...defined(meta) } };
}

/**
 * The candidate for the figure a writer selected in a source document (Markdown or text offsets; for HTML, the
 * selected markup), with the document's source entry. `taken` holds the fact ids and source ids in use, so the new
 * ones differ. Undefined when the selection holds no figure.
 */
export function draftFromSelection(
  doc: DraftSource,
  start: number,
  end: number,
  taken: { facts: Iterable<string>; sources: Iterable<string> } = { facts: [], sources: [] },
): { source: SourceJson; fact: FactJson } | undefined {
  const ids = new Set(taken.facts);
  const sourceIds = new Set(taken.sources);
  if (doc.format === 'html') {
    const { meta } = readDocument(doc);
    const part = draftSource({ ...doc, text: doc.text.slice(start, end) }, ids, sourceIds, undefined, meta);
    return part.facts.length ? { source: part.source, fact: part.facts[0] } : undefined;
  }
  const { source, facts } = draftSource(doc, ids, sourceIds, [start, end]);
  return facts.length ? { source, fact: facts[0] } : undefined;
}

function draftSource(
  doc: DraftSource,
  ids: Set<string>,
  sourceIds: Set<string>,
  range?: [number, number],
  knownMeta?: DocumentMeta,
): { source: SourceJson; facts: FactJson[] } {
  const read = readDocument(doc);
  const { text, masked } = read;
  const meta = knownMeta ?? read.meta;
  const k = knowledge();
  const x = extractMasked(text, masked, meta.published);
  const published = meta.published ?? (x.writtenOn?.year !== undefined ? isoOf(x.writtenOn) : undefined);
  let sourceId = slug(meta.title ?? doc.name.replace(/\.[a-z]+$/i, '')).slice(0, 60) || 'source';
  for (let n = 2; sourceIds.has(sourceId); n++) sourceId = `${sourceId.replace(/-\d+$/, '')}-${n}`;
  const source: SourceJson = {
    id: sourceId,
    ...(meta.title ? { title: meta.title } : { description: `Drafted from ${doc.name}; give its title or say what it is` }),
    ...(meta.publisher ? { publisher: meta.publisher } : {}),
    ...(published ? { published } : {}),
    ...(meta.url ? { url: meta.url } : {}),
    ...(doc.file ? { file: doc.file } : {}),
  };
  const facts: FactJson[] = [];
  // A selection takes the figures it overlaps; an empty one, the figure at it or else the first of its sentence.
  const chosen = range
    ? x.claims.filter((c) => (range[0] === range[1] ? c.start <= range[0] && range[0] <= c.end : c.start < range[1] && range[0] < c.end))
    : x.claims;
  const claims =
    range && !chosen.length && range[0] === range[1] ? x.claims.filter((c) => c.sentenceStart <= range[0] && range[0] <= c.sentenceEnd).slice(0, 1) : chosen;
  for (const claim of claims) {
    const frame = readFrame(x, claim, k, false);
    const value = factValueOf(claim.quantity, text.slice(claim.start, claim.end), text.slice(claim.figureEnd, claim.end));
    if (!value) continue;
    const figureText = text.slice(claim.qualifierStart ?? claim.start, claim.end);
    const quote = unquoted(text.slice(claim.sentenceStart, claim.sentenceEnd).replace(/\s+/g, ' ').trim());
    const words = [
      ...new Set(
        frame.slot
          .map((w) => x.tokens[w.token])
          .filter((t) => t.type === 'word' && !isStopword(t.lower))
          .map((t) => t.text),
      ),
    ];
    const entities = [
      ...new Set(
        frame.participants.map((q) => {
          const e = k.gazetteer.entities.get(q.entity);
          return e?.name ?? (q.token >= 0 ? mentionText(x.tokens, q.token) : q.entity.replace(/^name:/, ''));
        }),
      ),
    ];
    let id = slug(`${sourceId.slice(0, 24)}-${words.slice(0, 3).join('-') || claim.kind}`).replace(/-+$/, '');
    for (let n = 2; ids.has(id); n++) id = `${id.replace(/-\d+$/, '')}-${n}`;
    ids.add(id);
    // When the figure held: a date's own day, a year's own year, else when the source was written or the year it is set in.
    const asOf =
      value.kind === 'date' && value.year !== undefined
        ? isoOf(value)
        : value.kind === 'year' && value.amount !== undefined
          ? String(value.amount)
          : (published ?? yearOf(frame.impliedYear));
    const fact: FactJson = {
      id,
      subject: subjectOf(words, entities, claim.kind, figureText),
      keywords: words,
      entities,
      value,
      text: figureText,
      quote,
      source: sourceId,
      asOf: asOf ?? String(new Date().getFullYear()),
    };
    // A figure said to be planned or possible is a fact about a plan: the frame says so, so drafts are compared alike.
    if (frame.modality !== 'fact') fact.frame = { modality: frame.modality };
    if (!asOf) fact.note = 'asOf is a placeholder: set when the figure held';
    facts.push(fact);
  }
  return { source, facts };
}

/**
 * Hard-wrapped lines joined: a saved page or a text file wraps sentences ("relief to up\nto 43 million"), and a
 * sentence is one line to the reader. A line break goes when the line does not end a sentence and the next goes on
 * in lower case. Same length, so offsets hold.
 */
function unwrap(text: string): string {
  // Past front matter, and only after a line long enough to have been wrapped (not a heading or a "key: value").
  const front = /^---\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text)?.[0].length ?? 0;
  // Not before a list item ("2. It served...").
  return text.slice(0, front) + text.slice(front).replace(/(?<=^[^\n]{40,}[^\n.!?:;])\n(?=[a-z0-9(])(?!\d+[.)]\s)/gm, ' ');
}

/** A sentence without a quote mark that opens or closes it alone: a quoted speaker's sentence is quoted without it. */
function unquoted(s: string): string {
  const opens = (s.match(/[“"‘]/g) ?? []).length;
  const closes = (s.match(/[”"’]/g) ?? []).length;
  if (/^[“"]/.test(s) && opens > closes) return s.slice(1).trim();
  if (/[”"]$/.test(s) && closes > opens) return s.slice(0, -1).trim();
  return s;
}

/** The capitalised words of the name that starts at token i. */
function mentionText(tokens: ReturnType<typeof extractMasked>['tokens'], i: number): string {
  const parts: string[] = [];
  for (let j = i; j < tokens.length && tokens[j].type === 'word' && /^\p{Lu}/u.test(tokens[j].text); j++) parts.push(tokens[j].text);
  return parts.join(' ').replace(/['’]s$/, '') || tokens[i].text;
}

function subjectOf(words: string[], entities: string[], kind: string, figure: string): string {
  const what = words.length ? words.join(' ') : kind;
  const whose = entities.length ? ` (${entities.slice(0, 2).join(', ')})` : '';
  return `${what}${whose}: ${figure}`;
}

const DURATION_UNITS: Array<[RegExp, string]> = [
  [/\bdecades?\b/i, 'decade'],
  [/\byears?\b/i, 'year'],
  [/\bmonths?\b/i, 'month'],
  [/\bweeks?\b/i, 'week'],
  [/\bdays?\b/i, 'day'],
];

/** A claim's quantity as a fact base value: the inverse of reading a value. */
export function factValueOf(q: Quantity, written: string, noun = ''): FactValueJson | undefined {
  const qualifier = q.qualifier !== 'exact' ? { qualifier: q.qualifier } : {};
  const amount = q.lo === q.hi ? { amount: q.lo } : { min: q.lo, max: q.hi };
  switch (q.kind) {
    case 'date': {
      const d = q.date;
      if (!d || (d.month === undefined && d.year === undefined)) return undefined;
      return {
        kind: 'date',
        ...(d.year !== undefined ? { year: d.year } : {}),
        ...(d.month !== undefined ? { month: d.month } : {}),
        ...(d.day !== undefined ? { day: d.day } : {}),
        ...qualifier,
      };
    }
    case 'year':
      return { kind: 'year', amount: q.lo, ...qualifier };
    case 'money':
      return { kind: 'money', ...amount, unit: q.unit, ...qualifier };
    case 'percent':
      return { kind: 'percent', ...amount, ...(q.unit === 'pp' ? { unit: 'pp' } : {}), ...qualifier };
    case 'count': {
      // The head noun: "seven current and former advisors" counts advisors.
      const head = noun.trim().split(/\s+/).pop() ?? '';
      const nouns = [head || q.unit].filter((n) => n.length > 0);
      return nouns.length ? { kind: 'count', ...amount, nouns, ...qualifier } : undefined;
    }
    case 'duration': {
      const unit = DURATION_UNITS.find(([re]) => re.test(written))?.[1] ?? 'day';
      const per = DAYS_PER.get(unit) ?? 1;
      const round = (v: number) => Math.round((v / per) * 100) / 100;
      return {
        kind: 'duration',
        ...(q.lo === q.hi ? { amount: round(q.lo) } : { min: round(q.lo), max: round(q.hi) }),
        unit,
        ...(q.ago ? { ago: true } : {}),
        ...qualifier,
      };
    }
  }
  return undefined;
}

function isoOf(d: { year?: number; month?: number; day?: number }): string | undefined {
  if (d.year === undefined) return undefined;
  const two = (n: number) => String(n).padStart(2, '0');
  return d.month === undefined ? String(d.year) : d.day === undefined ? `${d.year}-${two(d.month)}` : `${d.year}-${two(d.month)}-${two(d.day)}`;
}

function yearOf(y: number | undefined): string | undefined {
  return y === undefined ? undefined : String(y);
}

function defined(m: DocumentMeta): DocumentMeta {
  return Object.fromEntries(Object.entries(m).filter(([, v]) => v !== undefined && v !== '')) as DocumentMeta;
}

/** Markdown front matter: title, date, publisher (or source, site), url (or link, canonical). */
function frontMatter(text: string): DocumentMeta {
  const m = /^---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)\s*(?:\r?\n|$)/.exec(text);
  if (!m) return {};
  const fields = new Map<string, string>();
  for (const line of m[1].split(/\r?\n/)) {
    const f = /^([A-Za-z_-]+):\s*(.*?)\s*$/.exec(line);
    if (f && f[2]) fields.set(f[1].toLowerCase(), f[2].replace(/^["']|["']$/g, ''));
  }
  const get = (...keys: string[]) => keys.map((k) => fields.get(k)).find((v) => v !== undefined);
  return defined({
    title: get('title'),
    publisher: get('publisher', 'source', 'site', 'outlet'),
    published: isoDay(get('date', 'published', 'published_at')),
    url: get('url', 'link', 'canonical', 'source_url'),
  });
}

/**
 * The first lines of plain text: a title (a short first line without a closing period), and a
 * date line ("date 2025-07-25", "Published June 11, 2025" is read as a dateline by extraction).
 */
function firstLinesMeta(text: string): DocumentMeta {
  const lines = text.split('\n', 6).map((l) => l.trim());
  const meta: DocumentMeta = {};
  const first = lines.find((l) => l.length > 0);
  if (first && first.length <= 120 && !/[.!?:"”]$/.test(first) && /\p{L}/u.test(first) && !/^(?:date|published|updated)\b/i.test(first)) meta.title = first;
  for (const l of lines) {
    const d = /^(?:date|published|updated)\s*:?\s*(\d{4}-\d{2}-\d{2})/i.exec(l);
    if (d) meta.published = d[1];
    const u = /^(?:url|source|link)\s*:\s*(https?:\/\/\S+)/i.exec(l);
    if (u) meta.url = u[1];
  }
  return meta;
}
