/**
 * Adding one drafted fact to a fact base file's text, as an edit a writer sees and accepts: the
 * fact goes at the end of `facts`, its source into `sources` unless the file already has it (same
 * id or address), indented like the file. The rest of the file is left as written.
 */
import type { FactJson, SourceJson } from './engine/factbase/schema';

/** An insertion at a UTF-16 offset of the old text. */
export interface Insertion {
  at: number;
  text: string;
}

export interface FactAddition {
  insertions: Insertion[];
  /** The whole file after the insertions. */
  text: string;
  /** Offsets in the new text of the subject's value, which the writer reviews first. */
  select: [number, number];
  /** The fact as added (its id and source id made unique in the file). */
  fact: FactJson;
}

/** Adds a fact to a fact base file's text (undefined or blank for a new file), or says why it cannot. */
export function addFactToText(existing: string | undefined, fact: FactJson, source: SourceJson): FactAddition | { error: string } {
  if (existing === undefined || existing.trim() === '') {
    const text = `${JSON.stringify({ version: 1, sources: [source], facts: [fact] }, null, 2)}\n`;
    return { insertions: [{ at: 0, text }], text, select: subjectRange(text, 0, fact), fact };
  }
  let parsed: { sources?: SourceJson[]; facts?: FactJson[] };
  try {
    parsed = JSON.parse(existing) as typeof parsed;
  } catch (e) {
    return { error: `the fact base is not valid JSON (${(e as Error).message}); fix it first` };
  }
  if (!Array.isArray(parsed.facts) || !Array.isArray(parsed.sources)) return { error: 'the fact base has no "facts" and "sources" lists' };
  // The same document: the same local copy or the same address (an id alone may be another document's).
  const sameSource = parsed.sources.find((s) => (source.file !== undefined && s.file === source.file) || (source.url !== undefined && s.url === source.url));
  if (!sameSource && parsed.sources.some((s) => s.id === source.id)) return { error: `a source with the id "${source.id}" is another document` };
  const ids = new Set(parsed.facts.map((f) => f.id));
  let id = fact.id;
  for (let n = 2; ids.has(id); n++) id = `${fact.id}-${n}`;
  const added: FactJson = { ...fact, id, source: sameSource?.id ?? source.id };
  const insertions: Insertion[] = [];
  if (!sameSource) {
    const s = arrayEnd(existing, 'sources');
    if (!s) return { error: 'cannot find the "sources" list' };
    insertions.push(item(existing, s, source, parsed.sources.length === 0));
  }
  const f = arrayEnd(existing, 'facts');
  if (!f) return { error: 'cannot find the "facts" list' };
  const factInsertion = item(existing, f, added, parsed.facts.length === 0);
  insertions.push(factInsertion);
  insertions.sort((a, b) => a.at - b.at);
  let text = '';
  let last = 0;
  let factAt = 0;
  for (const ins of insertions) {
    text += existing.slice(last, ins.at);
    if (ins === factInsertion) factAt = text.length;
    text += ins.text;
    last = ins.at;
  }
  text += existing.slice(last);
  return { insertions, text, select: subjectRange(text, factAt, added), fact: added };
}

/** Where the subject's value stands in the new text, past `from`. */
function subjectRange(text: string, from: number, fact: FactJson): [number, number] {
  const needle = `"subject": ${JSON.stringify(fact.subject)}`;
  const at = text.indexOf(needle, from);
  if (at < 0) return [from, from];
  const start = at + '"subject": '.length;
  return [start + 1, start + JSON.stringify(fact.subject).length - 1];
}

/** The insertion of a JSON value as the last element of the array closing at `end` (the offset of its `]`). */
function item(text: string, end: { close: number; open: number }, value: unknown, empty: boolean): Insertion {
  // The indent of the array's items: the last item's line, else the closing bracket's line plus two spaces.
  const lineStart = text.lastIndexOf('\n', end.close - 1) + 1;
  const closeIndent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  const bracketOnOwnLine = text.slice(lineStart, end.close).trim() === '';
  // The first item's indent, when it starts a line of its own; its step over the bracket's is the file's unit.
  const first = /^[ \t]*\n([ \t]*)\S/.exec(text.slice(end.open + 1));
  const step = closeIndent.includes('\t') ? '\t' : '  ';
  const indent = first && first[1].length > closeIndent.length ? first[1] : `${closeIndent}${step}`;
  const unit = first && first[1].length > closeIndent.length && first[1].startsWith(closeIndent) ? first[1].slice(closeIndent.length) : step;
  const body = JSON.stringify(value, null, unit).replace(/\n/g, `\n${indent}`);
  if (empty) return { at: end.open + 1, text: `\n${indent}${body}\n${closeIndent}` };
  // After the last element, before the whitespace that leads to the bracket.
  let at = end.close;
  while (at > 0 && /\s/.test(text[at - 1])) at--;
  return { at, text: `,\n${indent}${body}${bracketOnOwnLine ? '' : `\n${closeIndent}`}` };
}

/** Offsets of `[` and `]` of a top-level key's array value, scanning the JSON text once. */
export function arrayEnd(text: string, key: string): { open: number; close: number } | undefined {
  let depth = 0;
  let lastString: string | undefined;
  let pendingKey: string | undefined;
  let openAt = -1;
  let target = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      lastString = JSON.parse(text.slice(i, j + 1)) as string;
      i = j;
      continue;
    }
    if (c === ':') {
      pendingKey = depth === 1 ? lastString : undefined;
      continue;
    }
    if (c === '{' || c === '[') {
      depth++;
      if (c === '[' && depth === 2 && pendingKey === key) {
        openAt = i;
        target = depth;
      }
      pendingKey = undefined;
      continue;
    }
    if (c === '}' || c === ']') {
      if (c === ']' && depth === target) return { open: openAt, close: i };
      depth--;
    }
  }
  return undefined;
}
