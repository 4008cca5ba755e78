/**
 * Fact base files: where the bundled one lives, and reading a file for the engine to parse.
 * The engine itself reads no files; this is the one place fact bases come off the disk.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FactBase, FactBaseProblem } from './engine/factbase/model';
import { mergeFactBases } from './engine/factbase/model';
import { MAX_FACTBASE_BYTES, parseFactBaseBytes } from './engine/factbase/parse';

/**
 * A file in the package's data/: beside dist/ for a bundle (dist/cli.js, dist/server.js), three levels up from the
 * compiled tree (out/server/src). Only the package's own: an installed package sits in someone's node_modules, and a
 * guess further up would find their project's data/ instead.
 */
export function resolveData(name: string): string {
  const packageRoot = path.basename(__dirname) === 'dist' ? path.join(__dirname, '..') : path.join(__dirname, '..', '..', '..');
  return path.join(packageRoot, 'data', name);
}

export function bundledFactBasePath(): string {
  return resolveData('facts.json');
}

/** Reads and validates a fact base file; unreadable, oversized or non-UTF-8 files are problems too. */
export function loadFactBaseFile(file: string): { base?: FactBase; problems: FactBaseProblem[] } {
  const problem = (message: string): { problems: FactBaseProblem[] } => ({
    problems: [{ file, pointer: '', line: 1, column: 1, offset: 0, length: 0, message }],
  });
  let buf: Buffer;
  try {
    const st = fs.statSync(file);
    if (st.isDirectory()) return problem('is a folder, not a fact base file');
    if (st.size > MAX_FACTBASE_BYTES)
      return problem(`is ${(st.size / 1048576).toFixed(1)} MB; fact bases over ${MAX_FACTBASE_BYTES / 1048576} MB are not loaded`);
    buf = fs.readFileSync(file);
  } catch (e) {
    return problem(`cannot be read: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  return parseFactBaseBytes(buf, file);
}

/** Loads every fact base; returns all problems from all of them, and a merged base only when there are none. */
export function loadFactBases(files: string[]): { base?: FactBase; problems: FactBaseProblem[] } {
  const bases: FactBase[] = [];
  const problems: FactBaseProblem[] = [];
  for (const f of files) {
    const r = loadFactBaseFile(f);
    problems.push(...r.problems);
    if (r.base) bases.push(r.base);
  }
  if (problems.length) return { problems };
  return { base: mergeFactBases(bases), problems };
}
