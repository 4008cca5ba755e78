/**
 * `factcheck facts import FILE.csv`: a spreadsheet with one fact per row becomes a fact base.
 * The columns are documented in the README ("Curating facts"); a bad row is reported with its
 * row (the header is row 1) and column, and then nothing is written.
 */
import { parseFactBase } from './engine/factbase/parse';
import type { FactBaseJson, FactJson, FactValueJson, SourceJson } from './engine/factbase/schema';
import { slug } from './engine/knowledge/gazetteer';
import { QUALIFIERS, QUANTITY_KINDS } from './engine/quantity';

/** The columns, in the order a template lists them. Only `subject`, `kind`, the figure, `text`, `quote`, `source` and `asOf` are required. */
export const CSV_COLUMNS = [
  'id',
  'topic',
  'subject',
  'kind',
  'value',
  'min',
  'max',
  'unit',
  'qualifier',
  'nouns',
  'date',
  'text',
  'quote',
  'keywords',
  'entities',
  'aliases',
  'asOf',
  'note',
  'source',
  'source_title',
  'source_publisher',
  'source_published',
  'source_url',
] as const;

export interface CsvError {
  /** 1-based; the header is row 1. */
  row: number;
  /** 1-based. */
  column: number;
  message: string;
}

/** Splits CSV text (RFC 4180: quoted fields, doubled quotes, CRLF or LF) into rows of fields. */
export function parseCsv(text: string): { rows: string[][]; error?: CsvError } {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let rowStartLine = 1;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      // A row of empty cells (a spreadsheet's trailing ",,,,") is no row.
      if (row.some((c) => c.trim() !== '')) rows.push(row);
      row = [];
      line++;
      rowStartLine = line;
    } else field += c;
  }
  if (quoted) return { rows, error: { row: rows.length + 1, column: row.length + 1, message: `a quoted field opened on line ${rowStartLine} never closes` } };
  if (field !== '' || row.length) {
    row.push(field);
    if (row.some((c) => c.trim() !== '')) rows.push(row);
  }
  return { rows };
}

const QUALIFIER_WORDS: Record<string, string> = {
  'up to': 'at-most',
  'at most': 'at-most',
  'no more than': 'at-most',
  'less than': 'less-than',
  under: 'less-than',
  'fewer than': 'less-than',
  'more than': 'more-than',
  over: 'more-than',
  'at least': 'at-least',
  about: 'about',
  around: 'about',
  roughly: 'about',
  nearly: 'nearly',
  almost: 'nearly',
};

/** The fact base the rows describe, or the errors that stop it. */
export function importCsv(text: string, options: { schema?: string } = {}): { base?: FactBaseJson; errors: CsvError[] } {
  const { rows, error } = parseCsv(text);
  if (error) return { errors: [error] };
  if (!rows.length) return { errors: [{ row: 1, column: 1, message: 'the file is empty: the first row must name the columns' }] };
  const header = rows[0].map((h) => h.trim());
  const errors: CsvError[] = [];
  const col = new Map<string, number>();
  header.forEach((h, i) => {
    const known = CSV_COLUMNS.find((c) => c.toLowerCase() === h.toLowerCase());
    if (!known) errors.push({ row: 1, column: i + 1, message: `unknown column "${h}"; the columns are ${CSV_COLUMNS.join(', ')}` });
    else if (col.has(known)) errors.push({ row: 1, column: i + 1, message: `column "${h}" appears twice` });
    else col.set(known, i);
  });
  for (const required of ['subject', 'kind', 'text', 'quote', 'source', 'asOf'] as const)
    if (!col.has(required)) errors.push({ row: 1, column: header.length + 1, message: `the column "${required}" is missing` });
  if (errors.length) return { errors };

  const sources = new Map<string, { json: SourceJson; row: number }>();
  const facts: FactJson[] = [];
  const rowOfFact: number[] = [];
  const ids = new Set<string>();
  for (let r = 1; r < rows.length; r++) {
    const cells = rows[r];
    const rowNo = r + 1;
    const get = (name: (typeof CSV_COLUMNS)[number]) => {
      const i = col.get(name);
      return i === undefined ? '' : (cells[i] ?? '').trim();
    };
    const bad = (name: (typeof CSV_COLUMNS)[number], message: string) => errors.push({ row: rowNo, column: (col.get(name) ?? header.length) + 1, message });
    if (cells.length > header.length) {
      errors.push({ row: rowNo, column: header.length + 1, message: `${cells.length} fields, but the header names ${header.length} columns` });
      continue;
    }
    const list = (name: 'keywords' | 'entities' | 'aliases' | 'nouns') =>
      get(name)
        .split(';')
        .map((s) => s.trim())
        .filter((s) => s.length > 0);
    const kind = get('kind').toLowerCase();
    if (!(QUANTITY_KINDS as readonly string[]).includes(kind)) {
      bad('kind', `kind "${get('kind')}" is not one of ${QUANTITY_KINDS.join(', ')}`);
      continue;
    }
    const number = (name: 'value' | 'min' | 'max') => {
      const raw = get(name).replace(/[$,%\s]/g, '');
      if (raw === '') return undefined;
      const n = Number(raw);
      if (!Number.isFinite(n)) {
        bad(name, `"${get(name)}" is not a number`);
        return Number.NaN;
      }
      return n;
    };
    const value: Record<string, unknown> = { kind };
    if (kind === 'date') {
      const d = /^(?:(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?|--(\d{2})-(\d{2}))$/.exec(get('date') || get('value'));
      if (!d) {
        bad(
          col.has('date') ? 'date' : 'value',
          `a date is YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD (a day without its year); got "${get('date') || get('value')}"`,
        );
        continue;
      }
      if (d[1]) value.year = Number(d[1]);
      if (d[2] ?? d[4]) value.month = Number(d[2] ?? d[4]);
      if (d[3] ?? d[5]) value.day = Number(d[3] ?? d[5]);
    } else {
      const amount = number('value');
      const min = number('min');
      const max = number('max');
      if ([amount, min, max].some((n) => Number.isNaN(n))) continue;
      if (amount !== undefined) value.amount = amount;
      else if (min !== undefined && max !== undefined) {
        value.min = min;
        value.max = max;
      } else {
        bad('value', 'no figure: give "value", or "min" and "max" for a range');
        continue;
      }
    }
    const unit = get('unit');
    if (unit) value.unit = unit;
    else if (kind === 'money') value.unit = 'USD';
    if (kind === 'count') {
      const nouns = list('nouns');
      if (!nouns.length) {
        bad('nouns', 'a count needs "nouns": what it counts (people; jobs)');
        continue;
      }
      value.nouns = nouns;
    }
    const q = get('qualifier').toLowerCase();
    if (q) {
      const qualifier = (QUALIFIERS as readonly string[]).includes(q) ? q : QUALIFIER_WORDS[q];
      if (!qualifier) {
        bad('qualifier', `qualifier "${get('qualifier')}" is not one of ${Object.keys(QUALIFIER_WORDS).join(', ')} (or ${QUALIFIERS.join(', ')})`);
        continue;
      }
      if (qualifier !== 'exact') value.qualifier = qualifier;
    }
    const sourceId = get('source');
    const subject = get('subject');
    let id = get('id') || slug(subject).slice(0, 60);
    if (ids.has(id)) {
      if (get('id')) {
        bad('id', `the id "${id}" is used by an earlier row`);
        continue;
      }
      const base = id;
      for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    }
    ids.add(id);
    const fact: FactJson = {
      id,
      ...(get('topic') ? { topic: get('topic') } : {}),
      subject,
      ...(list('aliases').length ? { aliases: list('aliases') } : {}),
      ...(list('keywords').length ? { keywords: list('keywords') } : {}),
      ...(list('entities').length ? { entities: list('entities') } : {}),
      value: value as FactValueJson,
      text: get('text'),
      quote: get('quote'),
      source: sourceId,
      asOf: get('asOf'),
      ...(get('note') ? { note: get('note') } : {}),
    };
    facts.push(fact);
    rowOfFact.push(rowNo);
    // A source's details may be given on any of its rows; two rows that disagree are an error.
    const details: SourceJson = {
      id: sourceId,
      ...(get('source_title') ? { title: get('source_title') } : {}),
      ...(get('source_publisher') ? { publisher: get('source_publisher') } : {}),
      ...(get('source_published') ? { published: get('source_published') } : {}),
      ...(get('source_url') ? { url: get('source_url') } : {}),
    };
    const known = sources.get(sourceId);
    if (!known) sources.set(sourceId, { json: details, row: rowNo });
    else
      for (const [k, v] of Object.entries(details) as Array<[keyof SourceJson, string]>) {
        const before = known.json[k];
        if (before === undefined) (known.json as Record<string, string>)[k] = v;
        else if (before !== v)
          bad(`source_${k}` as (typeof CSV_COLUMNS)[number], `source ${sourceId}: ${k} "${v}" differs from "${before}" on row ${known.row}`);
      }
  }
  if (errors.length) return { errors };
  for (const s of sources.values()) if (!s.json.title && !s.json.description) s.json.description = `Source ${s.json.id}, imported from a spreadsheet`;
  const base: FactBaseJson = { ...(options.schema ? { $schema: options.schema } : {}), version: 1, sources: [...sources.values()].map((s) => s.json), facts };
  // What the schema and the loader say of the result, put back on the rows and columns it came from.
  const { problems } = parseFactBase(JSON.stringify(base), 'import.csv');
  for (const p of problems) {
    const m = /^\/facts\/(\d+)(?:\/([A-Za-z]+))?(?:\/([A-Za-z]+))?/.exec(p.pointer);
    const s = /^\/sources\/(\d+)(?:\/([A-Za-z]+))?/.exec(p.pointer);
    if (m) {
      const field =
        m[2] === 'value' ? (m[3] === 'nouns' ? 'nouns' : m[3] === 'min' || m[3] === 'max' || m[3] === 'unit' || m[3] === 'qualifier' ? m[3] : 'value') : m[2];
      const i = col.get(field as (typeof CSV_COLUMNS)[number]);
      errors.push({ row: rowOfFact[Number(m[1])], column: (i ?? 0) + 1, message: p.message });
    } else if (s) {
      const source = [...sources.values()][Number(s[1])];
      const i = col.get(s[2] === 'id' || !s[2] ? 'source' : (`source_${s[2]}` as (typeof CSV_COLUMNS)[number]));
      errors.push({ row: source.row, column: (i ?? 0) + 1, message: p.message });
    } else errors.push({ row: 1, column: 1, message: p.message });
  }
  return errors.length ? { errors } : { base, errors };
}
