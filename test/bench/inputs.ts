/**
 * What the three benches (engine, server, whole process) measure on, made one way so their
 * figures are about the same text: the eval corpus, the two source articles when the machine has
 * them, a text repeated to a size, a folder of 2,000 drafts; and the statistic they report.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadCorpus } from '../eval/corpus';

const ROOT = path.join(__dirname, '..', '..', '..');
export const MB = 1024 * 1024;

/** The p-th percentile of xs (p = 50: the median). */
export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

export const median = (xs: number[]) => percentile(xs, 50);

/** The eval corpus's drafts, one after another: dense, a figure every 70 characters. */
export function corpusText(): string {
  return loadCorpus(path.join(ROOT, 'test', 'corpus'))
    .map((d) => d.text)
    .join('\n\n');
}

/** The two source articles the bundled fact base was curated from (news prose), when the machine has them. */
export function sourceArticles(): string | undefined {
  const dir = path.join(ROOT, '..', 'shared', 'sources');
  if (!fs.existsSync(dir)) return undefined;
  return fs
    .readdirSync(dir)
    .sort()
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
    .join('\n\n');
}

/** `text` repeated, a blank line between, and cut to `size` characters. */
export function repeatTo(text: string, size: number): string {
  let out = '';
  while (out.length < size) out += text + '\n\n';
  return out.slice(0, size);
}

/**
 * 2,000 drafts of about 5 KB each, 100 to a folder, made of the corpus's paragraphs (each draft
 * starting one paragraph further on), under `dir`. Returns the characters written.
 */
export function writeDraftFolder(dir: string): number {
  const paragraphs = corpusText()
    .split(/\n\n+/)
    .filter((p) => p.trim());
  let chars = 0;
  for (let i = 0; i < 2000; i++) {
    const section = path.join(dir, `section-${Math.floor(i / 100)}`);
    fs.mkdirSync(section, { recursive: true });
    let text = '';
    for (let k = i; text.length < 5 * 1024; k++) text += paragraphs[k % paragraphs.length] + '\n\n';
    fs.writeFileSync(path.join(section, `draft-${i}.md`), text);
    chars += text.length;
  }
  return chars;
}
