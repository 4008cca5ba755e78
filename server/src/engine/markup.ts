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

function blank(chars: string[], from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const c = chars[i];
    if (c !== '\n' && c !== '\r') chars[i] = ' ';
  }
}

/** Blanks every match of `re` found in `source` (or only its capture `group`) in `chars`. */
function blankMatches(chars: string[], source: string, re: RegExp, group = 0): void {
  re.lastIndex = 0;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const start = m.index + (group ? m[0].indexOf(m[group]) : 0);
    blank(chars, start, start + (group ? m[group].length : m[0].length));
  }
}

const URL_RE = /\b(?:https?|ftp):\/\/[^\s<>()[\]"']+|\bwww\.[^\s<>()[\]"']+/g;

export function formatOf(pathOrLanguage: string): DocumentFormat {
  return /(?:^markdown$|\.(?:md|markdown|mdx|mkd)$)/i.test(pathOrLanguage) ? 'markdown' : 'plaintext';
}

export function maskNonProse(text: string, format: DocumentFormat): MaskedText {
  const chars = text.split('');
  let frontMatterDate: string | undefined;

  if (format === 'markdown') {
    // Line-level structure: front matter, fenced and indented code.
    const lineStarts: number[] = [0];
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
    const lineAt = (k: number) => {
      const s = lineStarts[k];
      const e = k + 1 < lineStarts.length ? lineStarts[k + 1] : text.length;
      return text.slice(s, e).replace(/\r?\n$/, '');
    };
    let k = 0;
    if (/^---\s*$/.test(lineAt(0)) && lineStarts.length > 1) {
      for (let j = 1; j < lineStarts.length; j++) {
        const l = lineAt(j);
        const dm = /^date:\s*["']?(\d{4}-\d{2}-\d{2})/.exec(l);
        if (dm) frontMatterDate = dm[1];
        if (/^(?:---|\.\.\.)\s*$/.test(l)) {
          blank(chars, 0, j + 1 < lineStarts.length ? lineStarts[j + 1] : text.length);
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
      const line = lineAt(k);
      const start = lineStarts[k];
      const end = start + line.length;
      if (fence) {
        blank(chars, start, end);
        const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
        if (close && close[1][0] === fence.char && close[1].length >= fence.len) fence = undefined;
        continue;
      }
      const open = /^ {0,3}(`{3,}|~{3,})/.exec(line);
      if (open) {
        fence = { char: open[1][0], len: open[1].length };
        blank(chars, start, end);
        prevBlank = false;
        continue;
      }
      const isBlank = line.trim() === '';
      if (!isBlank && /^ {0,3}(?:[-*+]|\d+[.)])\s/.test(line)) inList = true;
      else if (!isBlank && !/^\s/.test(line)) inList = false;
      if (!isBlank && prevBlank && !inList && /^(?: {4}|\t)/.test(line)) {
        blank(chars, start, end);
        continue; // stays "in code": the next indented line is code too
      }
      // Reference-style link definitions: [label]: url
      const ref = /^ {0,3}\[[^\]]+\]:\s*(\S+)/.exec(line);
      if (ref) blank(chars, start + line.indexOf(ref[1], line.indexOf(']:')), start + line.indexOf(ref[1], line.indexOf(']:')) + ref[1].length);
      prevBlank = isBlank;
    }
    // Inline constructs, found on the text with code blocks already blanked; one join per pass, not per pattern.
    const current = chars.join('');
    for (const [re, group] of [
      [/<!--[\s\S]*?-->/g, 0],
      [/(`+)[^`\n][^\n]*?\1/g, 0],
      [/\]\(([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+"[^"\n]*")?)\)/g, 1],
      [/<(?:https?|mailto):[^>\s]*>/g, 0],
      [/<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?\/?>/g, 0],
      [URL_RE, 0],
    ] as Array<[RegExp, number]>) blankMatches(chars, current, re, group);
    return { text: chars.join(''), frontMatterDate };
  }
  blankMatches(chars, text, URL_RE);
  return { text: chars.join(''), frontMatterDate };
}
