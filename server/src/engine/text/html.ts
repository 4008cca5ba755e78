/**
 * A page saved as HTML, read as prose: its text, one block per line, and what its head says of
 * it (title, publisher, date, address). Enough for a news page or a fact sheet; not a browser.
 */

/** What a document says about itself: front matter, HTML meta or its first lines. */
export interface DocumentMeta {
  title?: string;
  publisher?: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  published?: string;
  url?: string;
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  hellip: '…',
  eacute: 'é',
  euro: '€',
  pound: '£',
  cent: '¢',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return NAMED[e.toLowerCase()] ?? whole;
  });
}

/** Elements that end a block of text. */
const BLOCKS = /<\/?(?:p|div|br|li|ul|ol|h[1-6]|tr|table|section|article|header|footer|blockquote|figcaption|dd|dt)\b[^>]*>/gi;

/**
 * The markup without comments and non-prose elements (script, style, svg, head...), in one pass: each closing tag is
 * looked for once from its opening, and an unclosed one ends the document (a lazy regex would rescan to the end for
 * each of thousands of unclosed "<svg").
 */
function withoutElements(html: string): string {
  const open = /<!--|<(script|style|noscript|template|svg|head)\b/gi;
  const lower = html.toLowerCase();
  let out = '';
  let last = 0;
  for (let m = open.exec(html); m; m = open.exec(html)) {
    out += `${html.slice(last, m.index)} `;
    const close = m[0] === '<!--' ? '-->' : `</${m[1].toLowerCase()}`;
    const end = lower.indexOf(close, m.index + m[0].length);
    if (end < 0) return out;
    const gt = close === '-->' ? end + 3 : html.indexOf('>', end);
    last = gt < 0 ? html.length : gt + (close === '-->' ? 0 : 1);
    open.lastIndex = last;
  }
  return out + html.slice(last);
}

/** The page's prose, a block a line, and its meta data. */
export function htmlToText(html: string): { text: string; meta: DocumentMeta } {
  const meta = htmlMeta(html);
  const body = withoutElements(html)
    .replace(BLOCKS, '\n')
    // A table cell ends a figure: "<td>2023</td><td>$45 million</td>" is two.
    .replace(/<\/?(?:td|th)\b[^>]*>/gi, ' \t ')
    .replace(/<[^>]+>/g, '');
  const text = decodeEntities(body)
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((l) => l.length > 0)
    .join('\n');
  return { text, meta };
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? decodeEntities(m[2] ?? m[3] ?? m[4] ?? '').trim() : undefined;
}

function htmlMeta(html: string): DocumentMeta {
  const metas = new Map<string, string>();
  for (const m of html.matchAll(/<meta\b[^>]*>/gi)) {
    const key = (attr(m[0], 'property') ?? attr(m[0], 'name') ?? attr(m[0], 'itemprop'))?.toLowerCase();
    const content = attr(m[0], 'content');
    if (key && content && !metas.has(key)) metas.set(key, content);
  }
  const first = (...keys: string[]) => keys.map((k) => metas.get(k)).find((v) => v !== undefined && v.length > 0);
  const titleTag = /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1];
  const canonical = [...html.matchAll(/<link\b[^>]*>/gi)].map((m) => m[0]).find((t) => attr(t, 'rel')?.toLowerCase() === 'canonical');
  const time = /<time\b[^>]*\bdatetime\s*=\s*["']([^"']+)["']/i.exec(html)?.[1];
  return {
    title: first('og:title', 'twitter:title', 'dc.title') ?? (titleTag ? decodeEntities(titleTag).replace(/\s+/g, ' ').trim() || undefined : undefined),
    publisher: first('og:site_name', 'publisher', 'dc.publisher', 'application-name'),
    published: isoDay(first('article:published_time', 'datepublished', 'date', 'dc.date', 'pubdate', 'publish-date', 'sailthru.date') ?? time),
    url: first('og:url') ?? (canonical ? attr(canonical, 'href') : undefined),
  };
}

/** YYYY-MM-DD (or shorter) from the start of a date-time, when it has one. */
export function isoDay(s: string | undefined): string | undefined {
  const m = s === undefined ? null : /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(s.trim());
  if (!m) return undefined;
  return [m[1], m[2], m[3]].filter((p) => p !== undefined).join('-');
}
