/**
 * Fact base text in, a validated fact base or a list of problems out. Every problem names the
 * file, a JSON pointer, a 1-based line and column, and says what to fix; a fact base with any
 * error is never half-used. No file is read here: the caller hands over the text or bytes.
 */
import type { ErrorObject } from 'ajv';
import * as path from 'node:path';
import { findNodeAtLocation, type Node as JsonNode, parseTree, type ParseError, printParseErrorCode, visit } from 'jsonc-parser';
import { extract } from '../extract/extract';
import { DAYS_PER, type PartialDate, type Quantity, quantitiesAgree } from '../quantity';
import { lineIndex } from '../text/positions';
import { isAbbreviation } from '../text/tokens';
import type { Fact, FactBase, FactBaseProblem, Source } from './model';
import type { FactValueJson } from './schema';
import * as generated from './validators.generated';

/** Largest fact base file read; a bigger one is refused rather than parsed. */
export const MAX_FACTBASE_BYTES = 64 * 1024 * 1024;

/** A validator as ajv compiles it: true or false, with the errors of the last call. */
type Validator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
/**
 * The schema, compiled at build time (`npm run schema`) twice: for the file without its facts,
 * and for one fact. Facts are validated one by one so that reporting can stop at MAX_PROBLEMS;
 * ajv collecting every error of a file with 100,000 broken facts takes minutes.
 */
const validators = generated as unknown as { validateFile: Validator; validateFact: Validator };

/** Problems reported per file; past this a curator needs the first ones fixed, not more. */
export const MAX_PROBLEMS = 200;

/** Deepest nesting read; fact bases need about six levels, and recursion must not overflow the stack. */
const MAX_DEPTH = 64;

/** Offset where nesting first exceeds MAX_DEPTH (outside strings), or -1. */
function tooDeepAt(text: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > MAX_DEPTH) return i;
    } else if (c === 93 || c === 125) depth--;
  }
  return -1;
}

/** 1-based line and column of offsets in `text`; lines are indexed once, so 100,000 facts cost 100,000 binary searches, not scans. */
function lineColumns(text: string): (offset: number) => { line: number; column: number } {
  const pos = lineIndex(text);
  return (offset) => {
    const p = pos(offset);
    return { line: p.line + 1, column: p.character + 1 };
  };
}

function pointerOf(segments: Array<string | number>): string {
  return segments.length ? '/' + segments.map((s) => String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('/') : '';
}

function segmentsOf(pointer: string): Array<string | number> {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** A readable name for where in the file a pointer leads: `fact "x" (facts[3])`. */
function describe(root: unknown, segments: Array<string | number>): string {
  if (segments.length >= 2 && (segments[0] === 'facts' || segments[0] === 'sources') && typeof segments[1] === 'number') {
    const list = (root as Record<string, unknown>)?.[segments[0]];
    const item = Array.isArray(list) ? list[segments[1]] : undefined;
    const id = item && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string' ? ` "${(item as { id: string }).id}"` : '';
    const what = segments[0] === 'facts' ? 'fact' : 'source';
    const rest = segments.slice(2).join('.');
    return `${what}${id} (${segments[0]}[${segments[1]}])${rest ? ` field "${rest}"` : ''}`;
  }
  return segments.length ? `"${segments.join('.')}"` : 'the file';
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)}`;
}

function ajvMessage(e: ErrorObject, root: unknown, value: unknown): { segments: Array<string | number>; message: string } | undefined {
  const segments = segmentsOf(e.instancePath);
  const where = describe(root, segments);
  switch (e.keyword) {
    case 'required':
      return { segments, message: `${where}: missing required property "${(e.params as { missingProperty: string }).missingProperty}"` };
    case 'additionalProperties': {
      const prop = (e.params as { additionalProperty: string }).additionalProperty;
      return { segments: [...segments, prop], message: `${where}: unknown property "${prop}"` };
    }
    case 'type':
      return {
        segments,
        message: `${where}: must be ${(e.params as { type: string }).type === 'object' ? 'an object' : (e.params as { type: string }).type === 'array' ? 'an array' : `a ${(e.params as { type: string }).type}`}, found ${typeName(value)}`,
      };
    case 'enum':
      return {
        segments,
        message: `${where}: ${JSON.stringify(value)} is not one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`,
      };
    case 'const':
      return { segments, message: `${where}: must be ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}` };
    case 'pattern': {
      const last = segments[segments.length - 1];
      const hint = last === 'asOf' || last === 'published' ? 'a date as YYYY, YYYY-MM or YYYY-MM-DD' : 'an id of lower-case letters, digits, ".", "_" and "-"';
      return { segments, message: `${where}: ${JSON.stringify(value)} is not ${hint}` };
    }
    case 'minLength':
      return { segments, message: `${where}: must not be empty` };
    case 'minItems':
      return { segments, message: `${where}: needs at least ${(e.params as { limit: number }).limit} item` };
    case 'minimum':
    case 'maximum':
      return {
        segments,
        message: `${where}: ${JSON.stringify(value)} must be ${e.keyword === 'minimum' ? '≥' : '≤'} ${(e.params as { limit: number }).limit}`,
      };
    case 'anyOf': {
      if (segments[0] === 'sources') return { segments, message: `${where}: needs a "title" or, when the source has none, a "description"` };
      const kind = (value as { kind?: string })?.kind;
      if (kind === 'date') return { segments, message: `${where}: a date needs "month" or "year" (and "day" if stated)` };
      return { segments, message: `${where}: a ${kind} value needs "amount" or both "min" and "max"` };
    }
    case 'if':
    case 'allOf':
      return undefined; // the failing branch reports the actual problem
    default:
      return { segments, message: `${where}: ${e.message ?? 'invalid'}` };
  }
}

function valueAt(root: unknown, segments: Array<string | number>): unknown {
  let v: unknown = root;
  for (const s of segments) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[s];
  }
  return v;
}

/** Turns a fact's JSON value into the normalised quantity claims are compared with. */
export function quantityOfValue(v: FactValueJson): Quantity {
  const qualifier = v.qualifier ?? 'exact';
  if (v.kind === 'date') {
    const date: PartialDate = {};
    if (v.year !== undefined) date.year = v.year;
    if (v.month !== undefined) date.month = v.month;
    if (v.day !== undefined) date.day = v.day;
    return { kind: 'date', lo: 0, hi: 0, precision: 0, qualifier, unit: 'date', date };
  }
  let lo = v.min ?? v.amount ?? 0;
  let hi = v.max ?? v.amount ?? 0;
  let unit = v.unit ?? (v.kind === 'money' ? 'USD' : v.kind === 'percent' ? '%' : v.kind === 'year' ? 'year' : '');
  // Until the worded text refines it, a stated figure is taken as exact to its last unit.
  const precision = v.kind === 'year' ? 0.5 : 0;
  if (v.kind === 'duration') {
    const days = DAYS_PER.get(unit) ?? 1;
    lo *= days;
    hi *= days;
    unit = 'day';
  }
  const q: Quantity = { kind: v.kind, lo, hi, precision, qualifier, unit };
  if (v.kind === 'count') {
    q.nouns = (v.nouns ?? []).map((n) => n.toLowerCase());
    q.unit = q.nouns[0] ?? '';
  }
  if (v.ago) q.ago = true;
  return q;
}

/**
 * Parses and validates fact base text. Returns the facts only when there are no problems,
 * so a caller can keep using the last good version.
 */
export function parseFactBase(text: string, file: string): { base?: FactBase; problems: FactBaseProblem[] } {
  if (text.charCodeAt(0) === 0xfeff) text = ' ' + text.slice(1); // keep offsets; a BOM is harmless
  const problems: FactBaseProblem[] = [];
  const lineCol = lineColumns(text);
  const at = (offset: number, length: number, pointer: string, message: string) => {
    const { line, column } = lineCol(offset);
    problems.push({ file, pointer, line, column, offset, length, message });
  };
  const deep = tooDeepAt(text);
  if (deep >= 0) {
    at(deep, 1, '', `nested more than ${MAX_DEPTH} levels deep; a fact base needs about six`);
    return { problems };
  }
  // JSON.parse first: a parse tree with offsets costs ten times the memory of the values
  // (over 1 GB for 100,000 facts), so it is built only to place a problem.
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (e) {
    const errors: ParseError[] = [];
    parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
    for (const err of errors) at(err.offset, err.length, '', `invalid JSON: ${describeParseError(printParseErrorCode(err.error))}`);
    if (!errors.length) at(0, 0, '', text.trim() ? `invalid JSON: ${(e as Error).message}` : 'invalid JSON: the file is empty');
    return { problems };
  }
  let parsedTree: JsonNode | undefined;
  const tree = (): JsonNode => (parsedTree ??= parseTree(text, [], { allowTrailingComma: false, disallowComments: true })!);
  const nodeFor = (segments: Array<string | number>): JsonNode | undefined => {
    let node = findNodeAtLocation(tree(), segments);
    // For an unknown property, point at its key rather than its value.
    if (node?.parent?.type === 'property' && node.parent.children?.[0]) node = node.parent.children[0];
    for (let s = segments.length; !node && s >= 0; s--) node = findNodeAtLocation(tree(), segments.slice(0, s));
    return node;
  };
  const report = (segments: Array<string | number>, message: string) => {
    const node = nodeFor(segments) ?? tree();
    at(node.offset, node.length, pointerOf(segments), message);
  };

  const { validateFile, validateFact } = validators;
  const seen = new Set<string>();
  const reportAjv = (errors: ErrorObject[], prefix: string) => {
    for (const e of errors) {
      if (problems.length >= MAX_PROBLEMS) return;
      const err = prefix ? { ...e, instancePath: prefix + e.instancePath } : e;
      const m = ajvMessage(err, root, valueAt(root, segmentsOf(err.instancePath)));
      if (!m || seen.has(m.message)) continue;
      seen.add(m.message);
      report(m.segments, m.message);
    }
  };
  const top = root as { facts?: unknown };
  const factList = top && typeof top === 'object' && Array.isArray(top.facts) ? (top.facts as unknown[]) : undefined;
  if (!validateFile(factList ? { ...(root as object), facts: [] } : root)) reportAjv(validateFile.errors ?? [], '');
  factList?.forEach((f, i) => {
    if (problems.length < MAX_PROBLEMS && !validateFact(f)) reportAjv(validateFact.errors ?? [], `/facts/${i}`);
  });
  if (problems.length) return { problems: capped(problems) };

  const factLines = factLinesOf(text);
  // Checks the schema cannot express.
  const json = root as {
    sources: Array<Record<string, unknown>>;
    facts: Array<Record<string, unknown>>;
    entities?: FactBase['entities'];
    terms?: FactBase['terms'];
  };
  const dir = path.dirname(file);
  const sources = new Map<string, Source>();
  json.sources.forEach((s, i) => {
    const id = s.id as string;
    if (sources.has(id)) report(['sources', i, 'id'], `${describe(root, ['sources', i])}: duplicate source id "${id}"`);
    const src: Source = { id };
    for (const k of ['title', 'description', 'publisher', 'published', 'dateNote', 'url'] as const) if (typeof s[k] === 'string') src[k] = s[k] as string;
    if (src.url !== undefined) {
      try {
        new URL(src.url);
      } catch {
        report(['sources', i, 'url'], `${describe(root, ['sources', i])}: "${src.url}" is not a valid URL`);
      }
    }
    if (typeof s.file === 'string') {
      const abs = path.resolve(dir, s.file);
      // A workspace fact base (.factcheck/facts.json) may name copies anywhere in its workspace folder; any other, in its own folder.
      const bound = path.basename(dir) === '.factcheck' ? path.dirname(dir) : dir;
      const rel = path.relative(bound, abs);
      if (rel.startsWith('..') || path.isAbsolute(rel))
        report(
          ['sources', i, 'file'],
          `${describe(root, ['sources', i])}: "${s.file}" points outside ${bound === dir ? "the fact base's folder" : 'its workspace folder'}`,
        );
      else src.file = abs;
    }
    sources.set(id, src);
  });
  const facts: Fact[] = [];
  const ids = new Set<string>();
  json.facts.forEach((f, i) => {
    const where = describe(root, ['facts', i]);
    const id = f.id as string;
    if (ids.has(id)) report(['facts', i, 'id'], `${where}: duplicate fact id "${id}"`);
    ids.add(id);
    const source = sources.get(f.source as string);
    if (!source) report(['facts', i, 'source'], `${where}: unknown source "${f.source}"; add it to "sources" or fix the id`);
    const v = f.value as unknown as FactValueJson;
    if (v.min !== undefined && v.max !== undefined && !(v.min < v.max))
      report(['facts', i, 'value'], `${where}: range min ${v.min} must be below max ${v.max}`);
    if (v.amount !== undefined && (v.min !== undefined || v.max !== undefined))
      report(['facts', i, 'value'], `${where}: give either "amount" or "min"/"max", not both`);
    for (const k of ['amount', 'min', 'max'] as const) {
      const n = v[k];
      if (n !== undefined && (!Number.isFinite(n) || n < 0 || n > 1e16)) report(['facts', i, 'value', k], `${where}: ${k} ${n} is out of range (0 to 1e16)`);
    }
    if (v.kind === 'percent' && ((v.amount ?? 0) > 1000 || (v.max ?? 0) > 1000))
      report(['facts', i, 'value'], `${where}: a percentage above 1000 is almost certainly a typo`);
    if (v.kind === 'duration' && v.unit !== undefined && !DAYS_PER.has(v.unit))
      report(['facts', i, 'value', 'unit'], `${where}: duration unit "${v.unit}" is not one of day, week, month, year, decade`);
    if (v.kind === 'date' && v.day !== undefined && v.month === undefined) report(['facts', i, 'value'], `${where}: a date with a day needs a month`);
    if (v.kind === 'date' && v.day !== undefined && v.month !== undefined && v.day > new Date(Date.UTC(v.year ?? 2024, v.month, 0)).getUTCDate())
      report(['facts', i, 'value', 'day'], `${where}: ${v.month}/${v.day} is not a real date`);
    if (typeof f.quote === 'string' && severalSentences(f.quote)) report(['facts', i, 'quote'], `${where}: the quote must be one sentence at most`);
    const quantity = quantityOfValue(v);
    // The worded figure must say what the value says; catches "$250 billion" typed over 200e9.
    if (typeof f.text === 'string' && v.kind !== 'date') {
      const parsed = extract(f.text as string).claims.find((c) => c.kind === v.kind || (v.kind === 'year' && c.kind === 'year'));
      if (parsed) {
        quantity.precision = parsed.quantity.precision;
        if (quantitiesAgree({ ...parsed.quantity, qualifier: 'exact' }, { ...quantity, qualifier: 'exact' }) === false)
          report(['facts', i, 'text'], `${where}: text "${f.text}" does not state the value (${v.amount ?? `${v.min} to ${v.max}`})`);
      }
    }
    facts.push({
      id,
      topic: (f.topic as string) ?? id,
      subject: f.subject as string,
      aliases: (f.aliases as string[]) ?? [],
      keywords: (f.keywords as string[]) ?? [],
      entities: (f.entities as string[]) ?? [],
      ...(f.frame ? { frame: f.frame as Fact['frame'] } : {}),
      quantity,
      text: f.text as string,
      quote: f.quote as string,
      source: source ?? { id: f.source as string },
      asOf: f.asOf as string,
      file,
      line: factLines[i] ?? 0,
    });
  });
  if (problems.length) return { problems: capped(problems) };
  return { base: { files: [file], sources: [...sources.values()], facts, entities: json.entities ?? [], terms: json.terms ?? [] }, problems };
}

/** The first MAX_PROBLEMS problems, and a last one saying how many more there are. */
function capped(problems: FactBaseProblem[]): FactBaseProblem[] {
  if (problems.length < MAX_PROBLEMS) return problems;
  const last = problems[MAX_PROBLEMS - 1];
  return [...problems.slice(0, MAX_PROBLEMS), { ...last, pointer: '', length: 0, message: `stopped after ${MAX_PROBLEMS} problems; fix these first` }];
}

/** 0-based line of each object in the top-level "facts" array, from a streaming scan (no tree). */
function factLinesOf(text: string): number[] {
  const lines: number[] = [];
  let depth = 0;
  let topProperty = '';
  visit(text, {
    onObjectBegin: (_o, _l, line) => {
      if (depth === 2 && topProperty === 'facts') lines.push(line);
      depth++;
    },
    onObjectEnd: () => void depth--,
    onArrayBegin: () => void depth++,
    onArrayEnd: () => void depth--,
    onObjectProperty: (name) => {
      if (depth === 1) topProperty = name;
    },
  });
  return lines;
}

function describeParseError(code: string): string {
  const map: Record<string, string> = {
    InvalidSymbol: 'unexpected character',
    InvalidNumberFormat: 'malformed number',
    PropertyNameExpected: 'expected a property name in double quotes',
    ValueExpected: 'expected a value',
    ColonExpected: 'expected ":"',
    CommaExpected: 'expected ","',
    CloseBraceExpected: 'expected "}"',
    CloseBracketExpected: 'expected "]"',
    EndOfFileExpected: 'unexpected content after the end',
    InvalidCommentToken: 'comments are not allowed',
    UnexpectedEndOfComment: 'unterminated comment',
    UnexpectedEndOfString: 'unterminated string',
    UnexpectedEndOfNumber: 'unterminated number',
    InvalidUnicode: 'invalid unicode escape',
    InvalidEscapeCharacter: 'invalid escape character',
    InvalidCharacter: 'invalid character in string',
  };
  return map[code] ?? code;
}

/** Decodes as strict UTF-8 first, so a stray Latin-1 byte is reported at its line instead of becoming U+FFFD. */
export function parseFactBaseBytes(buf: Uint8Array, file: string): { base?: FactBase; problems: FactBaseProblem[] } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    let bad = 0;
    // Find the first invalid byte by decoding growing prefixes is quadratic; scan instead.
    for (let i = 0; i < buf.length; ) {
      const b = buf[i];
      const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
      let ok = need >= 0;
      for (let k = 1; ok && k <= need; k++) ok = i + k < buf.length && (buf[i + k] & 0xc0) === 0x80;
      if (!ok) {
        bad = i;
        break;
      }
      i += need + 1;
    }
    const before = new TextDecoder('utf-8').decode(buf.subarray(0, bad));
    const { line, column } = lineColumns(before)(before.length);
    return {
      problems: [
        {
          file,
          pointer: '',
          line,
          column,
          offset: before.length,
          length: 1,
          message: `is not valid UTF-8 (byte 0x${buf[bad].toString(16).padStart(2, '0')} at byte offset ${bad}); save the file as UTF-8`,
        },
      ],
    };
  }
  return parseFactBase(text, file);
}

/**
 * Whether a quote reads as more than one sentence: a stop, then a capitalised word. Initials, times of day ("2 a.m.")
 * and the abbreviations the engine itself reads as ending no sentence ("Gov. Josh Green", "Aug. 14") end none here either.
 */
function severalSentences(quote: string): boolean {
  const stripped = quote.replace(/\b(?:[A-Z]\.)+|\b[ap]\.m\./g, '').replace(/\b([A-Za-z]+)\./g, (all, word: string) => (isAbbreviation(word) ? word : all));
  return /[.!?]["”’]?\s+["“]?[A-Z][a-z]/.test(stripped.trim());
}
