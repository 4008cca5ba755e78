/**
 * Hides the parts of a draft that are not prose (code, front matter, comments, URLs) by
 * blanking them with spaces. Blanking instead of cutting keeps every offset, so positions
 * found in the masked text are positions in the original.
 */

export type DocumentFormat = 'markdown' | 'plaintext';

/** The prose view of a document plus what its front matter says. */
export interface MaskedText {
  text: string;
  /** `date:` from Markdown front matter (YYYY-MM-DD), used to resolve "last month". */
  frontMatterDate?: string;
}

/**
 * Ranges to blank, collected first and applied in one pass: a 1 MB draft is copied once per
 * pass instead of being split into a million one-character strings.
 */
class Blanks {
  private readonly ranges: Array<[number, number]> = [];

  add(from: number, to: number): void {
    if (to > from) this.ranges.push([from, to]);
  }

  /** Every match of `re` in `source` (or only its capture `group`). */
  addMatches(source: string, re: RegExp, group = 0): void {
    re.lastIndex = 0;
    for (let m = re.exec(source); m; m = re.exec(source)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const start = m.index + (group ? m[0].indexOf(m[group]) : 0);
      this.add(start, start + (group ? m[group].length : m[0].length));
    }
  }

  /** The text with every range's characters, line breaks excepted, turned into spaces. */
  apply(text: string): string {
    if (!this.ranges.length) return text;
    this.ranges.sort((a, b) => a[0] - b[0]);
    const parts: string[] = [];
    let at = 0;
    for (const [from, to] of this.ranges) {
      const s = Math.max(from, at);
      if (to <= s) continue;
      parts.push(text.slice(at, s), spaces(text.slice(s, to)));
      at = to;
    }
    parts.push(text.slice(at));
    return parts.join('');
  }
}

/** The same length of spaces, line breaks kept (a per-character regex replace is slow on long runs). */
function spaces(segment: string): string {
  if (!/[\r\n]/.test(segment)) return ' '.repeat(segment.length);
  return segment
    .split(/(\r\n|\r|\n)/)
    .map((part, i) => (i % 2 ? part : ' '.repeat(part.length)))
    .join('');
}

/** HTML comments, found with indexOf: a lazy regex would rescan the rest of the text for every unclosed `<!--`. */
function addComments(text: string, blanks: Blanks): void {
  for (let i = text.indexOf('<!--'); i !== -1; ) {
    const end = text.indexOf('-->', i + 4);
    if (end === -1) return;
    blanks.add(i, end + 3);
    i = text.indexOf('<!--', end + 3);
  }
}

/**
 * Inline code spans on one line: a run of n backticks up to the next run of exactly n. Each
 * run's partner is found in one right-to-left pass, so a line full of unmatched runs stays linear.
 */
function addCodeSpans(text: string, blanks: Blanks): void {
  // Visit only lines that hold a backtick, jumping from one to the next.
  for (let first = text.indexOf('`'); first !== -1; ) {
    let lineEnd = text.indexOf('\n', first);
    if (lineEnd === -1) lineEnd = text.length;
    const runs: Array<[number, number]> = [];
    for (let i = first; i < lineEnd; ) {
      if (text.charCodeAt(i) !== 96) {
        i++;
        continue;
      }
      let j = i;
      while (j < lineEnd && text.charCodeAt(j) === 96) j++;
      runs.push([i, j]);
      i = j;
    }
    const partner = new Array<number>(runs.length).fill(-1);
    const nextOfLength = new Map<number, number>();
    for (let r = runs.length - 1; r >= 0; r--) {
      const len = runs[r][1] - runs[r][0];
      partner[r] = nextOfLength.get(len) ?? -1;
      nextOfLength.set(len, r);
    }
    for (let r = 0; r < runs.length; r++) {
      const p = partner[r];
      // A span needs content: the opening run may not end the line.
      if (p === -1 || runs[r][1] >= lineEnd || text.charCodeAt(runs[r][1]) === 13) continue;
      blanks.add(runs[r][0], runs[p][1]);
      r = p;
    }
    first = text.indexOf('`', lineEnd);
  }
}

const URL_RE = /\b(?:https?|ftp):\/\/[^\s<>()[\]"']+|\bwww\.[^\s<>()[\]"']+/g;

export function formatOf(pathOrLanguage: string): DocumentFormat {
  return /(?:^markdown$|\.(?:md|markdown|mdx|mkd)$)/i.test(pathOrLanguage) ? 'markdown' : 'plaintext';
}

export function maskNonProse(text: string, format: DocumentFormat): MaskedText {
  const blocks = new Blanks();
  let frontMatterDate: string | undefined;

  if (format === 'markdown') {
    // Line-level structure: front matter, fenced and indented code.
    const lineStarts: number[] = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
    const lineAt = (k: number) => {
      const s = lineStarts[k];
      let e = k + 1 < lineStarts.length ? lineStarts[k + 1] : text.length;
      if (e > s && text.charCodeAt(e - 1) === 10) e--;
      if (e > s && text.charCodeAt(e - 1) === 13 && k + 1 < lineStarts.length) e--;
      return text.slice(s, e);
    };
    let k = 0;
    if (/^---\s*$/.test(lineAt(0)) && lineStarts.length > 1) {
      for (let j = 1; j < lineStarts.length; j++) {
        const l = lineAt(j);
        const dm = /^date:\s*["']?(\d{4}-\d{2}-\d{2})/.exec(l);
        if (dm) frontMatterDate = dm[1];
        if (/^(?:---|\.\.\.)\s*$/.test(l)) {
          blocks.add(0, j + 1 < lineStarts.length ? lineStarts[j + 1] : text.length);
          k = j + 1;
          break;
        }
      }
      if (k === 0) frontMatterDate = undefined;
    }
    let fence: { char: string; len: number } | undefined;
    let prevBlank = true;
    let inList = false;
    for (; k < lineStarts.length; k++) {
      const start = lineStarts[k];
      // A line opening with a letter is plain prose: no fence, list, indented code or link
      // definition. Most lines are, so they are passed over without being copied out.
      const c0 = text.charCodeAt(start);
      if (!fence && ((c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122))) {
        inList = false;
        prevBlank = false;
        continue;
      }
      const line = lineAt(k);
      const end = start + line.length;
      if (fence) {
        blocks.add(start, end);
        const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
        if (close && close[1][0] === fence.char && close[1].length >= fence.len) fence = undefined;
        continue;
      }
      const open = /^ {0,3}(`{3,}|~{3,})/.exec(line);
      if (open) {
        fence = { char: open[1][0], len: open[1].length };
        blocks.add(start, end);
        prevBlank = false;
        continue;
      }
      const isBlank = line.trim() === '';
      if (!isBlank && /^ {0,3}(?:[-*+]|\d+[.)])\s/.test(line)) inList = true;
      else if (!isBlank && !/^\s/.test(line)) inList = false;
      if (!isBlank && prevBlank && !inList && /^(?: {4}|\t)/.test(line)) {
        blocks.add(start, end);
        continue; // stays "in code": the next indented line is code too
      }
      // Footnote definitions ("[^source]: Publisher, Title, 2025-07-25."): in a policy draft, citations; their dates
      // and figures are the source's, not claims.
      if (/^ {0,3}\[\^[^\]\s]+\]:/.test(line)) {
        blocks.add(start, end);
        prevBlank = false;
        continue;
      }
      // Reference-style link definitions: [label]: url
      const ref = /^ {0,3}\[[^\]]+\]:\s*(\S+)/.exec(line);
      if (ref) {
        const at = start + line.indexOf(ref[1], line.indexOf(']:'));
        blocks.add(at, at + ref[1].length);
      }
      prevBlank = isBlank;
    }
    // Inline constructs, found on the text with code blocks already blanked.
    const current = blocks.apply(text);
    const inline = new Blanks();
    addComments(current, inline);
    addCodeSpans(current, inline);
    for (const [re, group] of [
      [/\]\(([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+"[^"\n]*")?)\)/g, 1],
      [/<(?:https?|mailto):[^>\s]*>/g, 0],
      // Footnote references ("[^wsj-2025-07-25]"): a label, whatever dates or figures its name holds.
      [/\[\^[^\]\s]+\]/g, 0],
      [/<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?\/?>/g, 0],
      [URL_RE, 0],
    ] as Array<[RegExp, number]>)
      inline.addMatches(current, re, group);
    return { text: inline.apply(current), frontMatterDate };
  }
  const urls = new Blanks();
  urls.addMatches(text, URL_RE);
  return { text: urls.apply(text), frontMatterDate };
}
