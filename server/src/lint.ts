/**
 * `factcheck facts lint`: what a fact base's curator should look at, beyond what the schema
 * rejects. Each problem is a warning: the fact base is still used. The same problems show in the
 * editor on the fact base file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { extract } from './engine/extract/extract';
import type { Fact } from './engine/factbase/model';
import { findMentions } from './engine/knowledge/gazetteer';
import { tokenize } from './engine/text/tokens';
import type { FactIndex } from './engine/match/factIndex';
import { wordsOutsideNames } from './engine/match/profile';
import { quantitiesAgree } from './engine/quantity';
import { htmlToText } from './engine/text/html';
import { roundTrip } from './roundtrip';

/** A fact's curated frame as one string, whatever order its fields and their words were written in. */
function frameKey(fact: Fact): string {
  const frame = (fact.frame ?? {}) as Record<string, unknown>;
  return JSON.stringify(
    Object.keys(frame)
      .sort()
      .map((k) => [k, Array.isArray(frame[k]) ? [...(frame[k] as string[])].sort() : frame[k]]),
  );
}

/** One problem with a fact base. Line and column are 1-based. */
export interface LintProblem {
  file: string;
  line: number;
  column: number;
  /** Characters the problem spans on its line (at least 1). */
  length: number;
  /** A short name for the kind of problem: `round-trip`, `duplicate`, `contradiction`, ... */
  code: string;
  message: string;
  factId?: string;
}

/** What linting reads beyond the parsed fact base: the fact base files' text, and the sources' local copies. */
export interface LintInput {
  index: FactIndex;
  /** The text of a fact base file or a source's copy, or undefined when it cannot be read. */
  read: (file: string) => string | undefined;
}

/** The `$schema` value a workspace fact base can use: the schema written next to it by `factcheck facts schema`. */
export const WORKSPACE_SCHEMA = './factbase.schema.json';

export function lintFactBase({ index, read }: LintInput): LintProblem[] {
  const base = index.base;
  const problems: LintProblem[] = [];
  const texts = new Map<string, string[]>();
  const linesOf = (file: string) => {
    let lines = texts.get(file);
    if (!lines) texts.set(file, (lines = (read(file) ?? '').split('\n')));
    return lines;
  };
  /** Where `needle` (a JSON string's content) first stands in the fact's object, else the fact's first line. */
  const at = (fact: Fact, needle: string | undefined, code: string, message: string) => {
    const lines = linesOf(fact.file);
    let line = fact.line;
    let column = 0;
    let length = 1;
    if (needle !== undefined) {
      const quoted = JSON.stringify(needle);
      for (let i = fact.line; i < lines.length && i < fact.line + 400; i++) {
        const c = lines[i].indexOf(quoted);
        if (c >= 0) {
          line = i;
          column = c;
          length = quoted.length;
          break;
        }
      }
    }
    problems.push({ file: fact.file, line: line + 1, column: column + 1, length, code, message, factId: fact.id });
  };

  // The round trip: the quote confirms the fact, and with its figure changed conflicts with it.
  for (const fact of base.facts) {
    const r = roundTrip(index, fact);
    if (r.problem) at(fact, fact.quote, 'round-trip', `${fact.id}: ${r.problem}`);
    else if (!r.confirmed)
      at(
        fact,
        fact.quote,
        'round-trip',
        `${fact.id}: its quote, checked as a draft, gives ${r.confirmedBy}; the fact is not found from its own sentence${r.whyNotConfirmed ? ` (${r.whyNotConfirmed})` : ''}`,
      );
    else if (!r.caught)
      at(
        fact,
        fact.quote,
        'round-trip',
        `${fact.id}: with its figure changed ("${r.changed}") its quote gives ${r.caughtAs}, not a conflict${r.whyNotCaught ? ` (${r.whyNotCaught})` : ''}`,
      );
  }

  // Duplicates: the same figure from the same sentence of the same source, of the same names and frame. ("three" deaths
  // each in Victoria and South Australia, from one sentence, are two facts.)
  const seen = new Map<string, Fact>();
  for (const fact of base.facts) {
    const names = [...fact.entities].sort().join('\u0001');
    const key = [fact.source.id, normalise(fact.quote), fact.text, JSON.stringify(fact.quantity), names, frameKey(fact)].join('\u0000');
    const first = seen.get(key);
    if (first) at(fact, fact.id, 'duplicate', `${fact.id} repeats ${first.id}: the same figure from the same sentence of the same source`);
    else seen.set(key, fact);
  }

  // Contradicting sources: the same measure, holder, target, event and time, another value.
  const byFrame = new Map<string, number[]>();
  index.profiles.forEach((p, i) => {
    if (p.fact.quantity.kind === 'date' && p.events.size === 0) return;
    const key = [
      p.fact.quantity.kind,
      p.fact.quantity.unit,
      p.tally ?? '',
      p.fact.asOf,
      [...p.measure].sort().join(' '),
      [...p.holders].sort().join(' '),
      [...p.targets].sort().join(' '),
      [...p.events].sort().join(' '),
    ].join('\u0000');
    const list = byFrame.get(key);
    if (list) list.push(i);
    else byFrame.set(key, [i]);
  });
  for (const ids of byFrame.values()) {
    for (let a = 0; a < ids.length; a++)
      for (let b = a + 1; b < ids.length; b++) {
        const fa = index.profiles[ids[a]].fact;
        const fb = index.profiles[ids[b]].fact;
        if (fa.quote === fb.quote || quantitiesAgree(fa.quantity, fb.quantity) !== false) continue;
        const say = (f: Fact, o: Fact) =>
          at(
            f,
            f.id,
            'contradiction',
            `${f.id} gives ${f.text} and ${o.id} gives ${o.text} for the same measure, holder and time (${sourceName(f)}; ${sourceName(o)}): the sources disagree, or the facts need words that tell them apart`,
          );
        say(fa, fb);
        say(fb, fa);
      }
  }

  // Words that can never fire: a keyword or alias with no word the engine compares and no name it finds.
  const k = index.knowledge;
  for (const fact of base.facts) {
    for (const phrase of [...fact.keywords, ...fact.aliases]) {
      if (wordsOutsideNames(k, phrase).length) continue;
      const tokens = tokenize(phrase);
      if (findMentions(k.gazetteer, tokens, 0, tokens.length - 1, { sentenceFirst: 0 }).length) continue;
      // A year among the keywords dates the fact.
      if (/^\s*(?:19|20)\d\d\s*$/.test(phrase)) continue;
      at(
        fact,
        phrase,
        'keyword-never-fires',
        /\d/.test(phrase)
          ? `${fact.id}: the keyword "${phrase}" is a figure, and figures are never compared as words: it can never match`
          : `${fact.id}: the keyword "${phrase}" has only common words, which are never compared: it can never match`,
      );
    }
    for (const name of fact.entities) {
      const tokens = tokenize(name);
      if (!findMentions(k.gazetteer, tokens, 0, tokens.length - 1, { sentenceFirst: 0 }).length)
        at(fact, name, 'entity-never-fires', `${fact.id}: the entity "${name}" is not found even in its own words: write it as the text writes it`);
    }
  }

  // A qualifier or figure in `text` that `value` does not give.
  for (const fact of base.facts) {
    const claim = extract(fact.text).claims[0];
    if (!claim || claim.kind !== fact.quantity.kind) continue;
    if (claim.quantity.qualifier !== fact.quantity.qualifier)
      at(
        fact,
        fact.text,
        'text-qualifier',
        `${fact.id}: the text "${fact.text}" reads as ${claim.quantity.qualifier}, the value as ${fact.quantity.qualifier}: set "qualifier" to match`,
      );
    else if (quantitiesAgree(claim.quantity, fact.quantity) === false)
      at(fact, fact.text, 'text-value', `${fact.id}: the text "${fact.text}" does not give the value's figure`);
  }

  // Quotes a source's local copy does not contain.
  const copies = new Map<string, string | undefined>();
  for (const fact of base.facts) {
    const file = fact.source.file;
    if (!file) continue;
    if (!copies.has(file)) {
      const raw = read(file);
      copies.set(file, raw === undefined ? undefined : normalise(/\.html?$/i.test(file) ? htmlToText(raw).text : raw));
      if (raw === undefined) at(fact, undefined, 'source-file', `the source ${fact.source.id}'s copy ${file} cannot be read`);
    }
    const copy = copies.get(file);
    if (copy !== undefined && !copy.includes(normalise(fact.quote)))
      at(fact, fact.quote, 'quote-not-in-source', `${fact.id}: the quote does not appear in ${path.basename(file)}, the source's copy`);
  }
  return problems;
}

/** The `$schema` problem of a fact base file, if its value is a path that does not resolve. */
export function schemaProblem(file: string, text: string): LintProblem | undefined {
  const m = /"\$schema"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(text);
  if (!m) return undefined;
  const value = JSON.parse(`"${m[1]}"`) as string;
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) return undefined;
  if (fs.existsSync(path.resolve(path.dirname(file), value))) return undefined;
  const before = text.slice(0, m.index);
  const line = before.split('\n').length;
  const column = m.index - before.lastIndexOf('\n');
  return {
    file,
    line,
    column,
    length: m[0].length,
    code: 'schema',
    message: `"$schema" points to ${value}, which does not exist here: run \`factcheck facts schema --out ${path.join(path.dirname(file), 'factbase.schema.json')}\` and use "${WORKSPACE_SCHEMA}"`,
  };
}

/** Whitespace collapsed and quote marks made plain: a copy of a page and a quote typed from it compare equal. */
export function normalise(s: string): string {
  return s
    .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201F\u2033]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

function sourceName(f: Fact): string {
  return f.source.title ?? f.source.publisher ?? f.source.id;
}

/** Lints fact base files from the disk. */
export function lintFiles(index: FactIndex, files: readonly string[]): LintProblem[] {
  const read = (file: string) => {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  };
  const problems = lintFactBase({ index, read });
  for (const f of files) {
    const text = read(f);
    const p = text === undefined ? undefined : schemaProblem(f, text);
    if (p) problems.push(p);
  }
  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}
