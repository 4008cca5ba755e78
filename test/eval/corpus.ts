/**
 * The labelled evaluation corpus. Drafts under test/corpus mark every figure inline as
 * [[text|kind|value|verdict]]; stripping the marks gives the draft and the labels with spans.
 *
 * value: money/count as a number (2e11), ranges as lo..hi, durations as 90d / 3m / 20y / 2w,
 * dates as 2025-02-01, 2025-07, --02-01 (month-day) or --05 (month), years as 2020.
 * verdict: ok (consistent, must not be flagged), conflict, outdated, none (unrelated: must not match).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export type LabelVerdict = 'ok' | 'conflict' | 'outdated' | 'none';

export interface Label {
  text: string;
  kind: string;
  value: string;
  verdict: LabelVerdict;
  start: number;
  end: number;
}

export interface LabelledDraft {
  file: string;
  text: string;
  labels: Label[];
}

const MARK = /\[\[([^|\]]+)\|([a-z]+)\|([^|\]]+)\|(ok|conflict|outdated|none)\]\]/g;

export function parseLabelled(source: string, file: string): LabelledDraft {
  let text = '';
  const labels: Label[] = [];
  let last = 0;
  for (let m = MARK.exec(source); m; m = MARK.exec(source)) {
    text += source.slice(last, m.index);
    const start = text.length;
    text += m[1];
    labels.push({ text: m[1], kind: m[2], value: m[3], verdict: m[4] as LabelVerdict, start, end: text.length });
    last = m.index + m[0].length;
  }
  text += source.slice(last);
  if (text.includes('[[')) throw new Error(`${file}: malformed label near "${text.slice(text.indexOf('[['), text.indexOf('[[') + 40)}"`);
  return { file, text, labels };
}

export function loadCorpus(dir: string): LabelledDraft[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /\.(md|txt)$/.test(f))
    .sort()
    .map((f) => parseLabelled(fs.readFileSync(path.join(dir, f), 'utf8'), path.join(dir, f)));
}
