/**
 * Citing the source of a backed figure, in the style a workspace sets: a Markdown footnote (its
 * definition added once, at the end), an inline link on the figure, or "(Publisher, date)".
 * Plain text always gets the parenthetical. Edits are offsets in the draft's text.
 */
import type { SourceInfo } from './report';

export type CitationStyle = 'footnote' | 'link' | 'parenthetical';
export const CITATION_STYLES: readonly CitationStyle[] = ['footnote', 'link', 'parenthetical'];

/** A backed figure to cite: its offsets in the text and its fact's source. */
export interface Citable {
  start: number;
  end: number;
  source: SourceInfo;
}

/** A replacement of [start, end) by `text` (an insertion when they are equal). */
export interface TextChange {
  start: number;
  end: number;
  text: string;
}

/** "The Wall Street Journal, 2025-07-25": who and when, for a parenthetical or a footnote. */
function whoAndWhen(s: SourceInfo): string {
  const who = s.publisher ?? s.title ?? s.description?.replace(/[.;].*$/, '') ?? s.id;
  return `${who}, ${s.published ?? 'undated'}`;
}

/** The footnote label for a source: its id, which is already unique and label-safe. */
export function footnoteLabel(s: SourceInfo): string {
  return `[^${s.id}]`;
}

function footnoteDefinition(s: SourceInfo): string {
  const parts = [s.publisher, s.title ? `*${s.title}*` : s.description?.replace(/[.;].*$/, ''), s.published ?? 'undated'].filter(Boolean);
  return `${footnoteLabel(s)}: ${parts.join(', ')}.${s.url ? ` <${s.url}>` : ''}`;
}

/** Where a sentence ends after offset i: past its closing punctuation and quote marks, or at the line's end. */
function sentenceEndAfter(text: string, i: number): number {
  // Footnote labels may already follow the punctuation ("costs $5.[^a] Next").
  const end = /[.!?]["”’)\]]*(?=(?:\[\^[^\]\s]+\])*(?:\s|$))|\n/g;
  end.lastIndex = i;
  for (let m = end.exec(text); m; m = end.exec(text)) {
    if (m[0] === '\n') return m.index;
    // "per Dr. Smith", "the U.S. Treasury": a period that closes a title or an initialism, with more on its line.
    const word = /(\S+)$/.exec(text.slice(Math.max(0, m.index - 12), m.index))?.[1] ?? '';
    const more = /^[ \t]+\S/.test(text.slice(m.index + m[0].length));
    if (m[0] === '.' && more && (TITLES.test(word) || INITIALISM.test(word))) continue;
    return m.index + m[0].length;
  }
  return text.length;
}

/** Titles and initialisms that end in a period inside a sentence. */
const TITLES = /^(?:Dr|Mr|Mrs|Ms|Prof|Sen|Rep|Gov|Gen|Lt|Col|Sgt|St|Jr|Sr|No|vs)$/;
/** "U.S", "D.C": letters joined by periods, the last one's period the match. */
const INITIALISM = /^(?:[A-Za-z]\.)+[A-Za-z]$/;

/** The footnote labels standing at offset i: "[^a][^b]". */
function labelsAt(text: string, i: number): string {
  return /^(?:\[\^[^\]\s]+\])*/.exec(text.slice(i))![0];
}

/**
 * The changes that cite each figure, in order of position. A figure already cited (its sentence carries the footnote,
 * the figure is a link, the parenthetical follows it) is left alone; a footnote definition is added once per source.
 */
export function citationChanges(text: string, items: readonly Citable[], style: CitationStyle, markdown: boolean): TextChange[] {
  const use: CitationStyle = markdown ? style : 'parenthetical';
  const changes: TextChange[] = [];
  const defined = new Set<string>();
  const cited = new Set<string>();
  for (const item of [...items].sort((a, b) => a.start - b.start)) {
    const s = item.source;
    if (use === 'footnote') {
      const at = sentenceEndAfter(text, item.end);
      const label = footnoteLabel(s);
      // One footnote per source and sentence.
      if (labelsAt(text, at).includes(label) || cited.has(`${at}:${s.id}`)) continue;
      cited.add(`${at}:${s.id}`);
      // After the labels already there.
      const after = at + labelsAt(text, at).length;
      changes.push({ start: after, end: after, text: label });
      if (!defined.has(s.id) && !text.includes(`${label}:`)) {
        defined.add(s.id);
      }
    } else if (use === 'link' && s.url) {
      if (text[item.start - 1] === '[' && text.slice(item.end, item.end + 2) === '](') continue;
      changes.push({ start: item.start, end: item.start, text: '[' });
      changes.push({ start: item.end, end: item.end, text: `](${s.url})` });
    } else {
      const note = ` (${whoAndWhen(s)})`;
      if (text.slice(item.end, item.end + note.length) === note) continue;
      changes.push({ start: item.end, end: item.end, text: note });
    }
  }
  if (defined.size) {
    const sources = new Map(items.map((i) => [i.source.id, i.source]));
    const defs = [...defined].map((id) => footnoteDefinition(sources.get(id)!));
    const tail = text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n';
    changes.push({ start: text.length, end: text.length, text: `${tail}${defs.join('\n')}\n` });
  }
  return changes.sort((a, b) => a.start - b.start);
}

/** The text with the changes applied (they do not overlap). */
export function applyChanges(text: string, changes: readonly TextChange[]): string {
  let out = '';
  let last = 0;
  for (const c of [...changes].sort((a, b) => a.start - b.start)) {
    out += text.slice(last, c.start) + c.text;
    last = c.end;
  }
  return out + text.slice(last);
}
