/**
 * Sentences: where one ends and the next begins, as token index ranges. A full stop ends a
 * sentence unless it belongs to an abbreviation or an initialism; a blank line, a heading, a
 * table row or a list item ends one too; list bullets and numbers are not part of the sentence
 * they open.
 */
import { isDigit, isStopword, type Token } from './tokens';

/**
 * Longest stretch treated as one sentence. Context work per claim grows with its sentence, so a
 * megabyte without a full stop would cost quadratic time; no real sentence comes near this.
 */
const MAX_SENTENCE_TOKENS = 400;

const BULLETS = new Set(['-', '*', '+', '•', '>', '#']);

/**
 * Index just past a Markdown or plain-text line marker at token i ("-", "*", "+", "•", ">",
 * "#", "##", "1.", "2)"), or i when there is none. A marker is followed by a space.
 */
function markerEnd(tokens: Token[], i: number): number {
  let j = i;
  while (tokens[j]?.type === 'sym' && BULLETS.has(tokens[j].text) && (j === i || !tokens[j].spaced)) j++;
  if (j === i && tokens[j]?.type === 'num' && tokens[j].plainDigits && tokens[j].text.length <= 2 && !tokens[j].decimals) {
    const dot = tokens[j + 1];
    if (dot?.type === 'sym' && !dot.spaced && (dot.text === '.' || dot.text === ')')) j += 2;
  }
  const next = tokens[j];
  return j > i && next !== undefined && next.type !== 'break' && next.spaced ? j : i;
}

/** Closing marks that stay with the sentence they end: quotes, brackets, emphasis. */
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '*', '_']);
const UPPER_OR_QUOTE = /^[\p{Lu}"“]/u;

/** A capital or an opening quote: what starts a sentence after a full stop. The regex only for letters outside ASCII. */
function opensSentence(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128) return (c >= 65 && c <= 90) || c === 34;
  return UPPER_OR_QUOTE.test(word);
}

/** A line that opens a Markdown block: "#", a bullet, "1." or "1)", a table row. Character tests, as this runs at every line end. */
function opensBlock(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c === 35 || c === 45 || c === 42 || c === 43 || c === 62 || c === 124 || c === 0x2022) return true;
  if (!isDigit(c)) return false;
  const c1 = text.charCodeAt(at + 1);
  if (c1 === 46 || c1 === 41) return true;
  const c2 = text.charCodeAt(at + 2);
  return isDigit(c1) && (c2 === 46 || c2 === 41);
}

/** Lines longer than this are not hard-wrapped: their text was written one paragraph per line. */
const PARAGRAPH_LINE = 160;
/** A line this short, ending without a stop before a capitalised line, is a heading or a title. */
const TITLE_LINE = 60;

/**
 * Whether some line of text[from, to) is longer than any hard-wrapped line would be: then the text
 * was written a paragraph per line (as text saved from a web page is), and each line ends its
 * sentence and its paragraph.
 */
export function writtenLineByLine(text: string, from = 0, to = text.length): boolean {
  while (from < to) {
    let end = text.indexOf('\n', from);
    if (end < 0 || end > to) end = to;
    if (end - from > PARAGRAPH_LINE) return true;
    from = end + 1;
  }
  return false;
}

/** A line's last token that leaves its sentence open: a comma, a dash, a conjunction ("and", "or", "of"). */
function endsOpen(tok: Token | undefined): boolean {
  if (!tok) return true;
  if (tok.type === 'sym') return tok.text === ',' || tok.text === '-' || tok.text === '–' || tok.text === '—' || tok.text === '(' || tok.text === '/';
  return tok.type === 'word' && isStopword(tok.lower);
}

export function splitSentences(tokens: Token[], text: string): Array<[number, number]> {
  const sentences: Array<[number, number]> = [];
  let first = -1;
  let lineStartsBlock = false;
  let atLineStart = true;
  // In text written a paragraph per line, every line ends its sentence: a headline or a timeline's
  // entry has no full stop ("March 4: Trump raises tariffs on China to 20%"). In hard-wrapped text
  // only a short line does, before a capital.
  const linesEndSentences = writtenLineByLine(text);
  let lineStart = 0;
  const close = (last: number) => {
    if (first >= 0 && last >= first) sentences.push([first, last]);
    first = -1;
  };
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (tok.type === 'break') {
      const next = tokens[i + 1];
      const blankLine = next?.type === 'break';
      const nextIsBlock = next !== undefined && next.type !== 'break' && opensBlock(text, next.start) && (next.text !== '-' || tokens[i + 2]?.spaced !== false);
      const titleLine =
        next !== undefined &&
        next.type === 'word' &&
        opensSentence(next.text) &&
        (linesEndSentences || tok.start - lineStart <= TITLE_LINE) &&
        !endsOpen(tokens[i - 1]);
      if (blankLine || lineStartsBlock || nextIsBlock || titleLine) close(i - 1);
      lineStart = tok.end;
      lineStartsBlock = false;
      atLineStart = true;
      continue;
    }
    if (atLineStart && tok.type === 'sym' && (tok.text === '#' || tok.text === '|')) lineStartsBlock = true;
    if (atLineStart && first < 0) {
      // A list bullet, number or heading mark is not part of the sentence: "- In April, ..." opens with "In".
      const after = markerEnd(tokens, i);
      if (after > i) {
        atLineStart = false;
        i = after - 1;
        continue;
      }
    }
    atLineStart = false;
    if (first < 0) first = i;
    else if (i - first >= MAX_SENTENCE_TOKENS) {
      close(i - 1);
      first = i;
    }
    if (tok.type === 'sym' && (tok.text === '.' || tok.text === '!' || tok.text === '?' || tok.text === ';')) {
      let j = i + 1;
      for (;;) {
        while (j < tokens.length && tokens[j].type === 'sym' && CLOSERS.has(tokens[j].text) && !tokens[j].spaced) j++;
        // A reference mark glued after the stop belongs to the sentence: ".[5] The House ...".
        if (tokens[j]?.text === '[' && !tokens[j].spaced && tokens[j + 1]?.type === 'num' && tokens[j + 2]?.text === ']') j += 3;
        else break;
      }
      const next = tokens[j];
      if (!next || next.type === 'break' || (next.spaced && (next.type !== 'word' || opensSentence(next.text) || tok.text !== '.'))) {
        close(j - 1);
        i = j - 1;
      }
    } else if (tok.type === 'word' && tok.text.length > 2 && tok.text.charCodeAt(tok.text.length - 1) === 46) {
      // "... back to the U.S. Now, ..." — an initialism can end a sentence.
      let j = i + 1;
      while (tokens[j]?.type === 'break' && tokens[j + 1]?.type !== 'break') j++;
      const next = tokens[j];
      if (next && next.type === 'word' && (next.spaced || j > i + 1) && /^[A-Z]/.test(next.text) && isStopword(next.lower)) close(i);
    }
  }
  close(tokens.length - 1);
  // Trailing break tokens at the end of a sentence are not part of it.
  return sentences.map(([a, b]) => {
    while (b > a && tokens[b].type === 'break') b--;
    return [a, b] as [number, number];
  });
}
