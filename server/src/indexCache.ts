/**
 * Prepared fact indexes kept between CLI runs. Loading a fact base and reading every fact's quote is
 * most of what a short check costs; the prepared index is plain data (maps, sets, arrays, objects),
 * so V8's serializer stores it and reads it back in a few milliseconds.
 *
 * An entry's key is everything the index is made from: the bundle that made it (its build id, which
 * also covers the built-in gazetteer and terms compiled into it), the Node.js that runs it, and the
 * path and exact bytes of every fact base file in order. The entry stores its whole key and is read
 * only when the key is byte for byte the same, so a changed fact base, engine or Node.js never
 * reads an old entry; the file name is only a hash of the key, to find it. (A plain hash, not
 * node:crypto: loading that module costs a short run a few milliseconds, and the name need not be
 * secure, since a name shared by two keys is a miss.) Only fact bases that loaded without a
 * problem are stored, so a hit has none to report. Any failure to read or write an entry is
 * ignored: the index is then prepared as usual.
 *
 * Entries live in the user's cache folder, never in a project: `FACTCHECK_CACHE_DIR`, else
 * `$XDG_CACHE_HOME/policy-fact-check`, else `~/.cache/policy-fact-check` (`%LOCALAPPDATA%` on
 * Windows). At most `MAX_ENTRIES` are kept, the least recently used removed first.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import type { FactIndex } from './engine/match/factIndex';

/** Bumped when the stored shape changes in a way a build id would not show. */
const FORMAT = 'policy-fact-check index 1';
const MAX_ENTRIES = 32;

/** One cache entry: where it is and the key it must carry. */
export interface IndexCacheEntry {
  file: string;
  /** Everything the index is made from, as bytes (see above). */
  key: Buffer;
}

/**
 * The folder entries are kept in; undefined when there is none to use: no home folder (a user with no passwd entry
 * and no HOME), or a relative path, which would put the cache in whatever project the CLI runs in.
 */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  let dir: string;
  try {
    if (env.FACTCHECK_CACHE_DIR) dir = env.FACTCHECK_CACHE_DIR;
    else {
      const xdg = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : undefined;
      const base = xdg || (process.platform === 'win32' && env.LOCALAPPDATA) || path.join(os.homedir(), '.cache');
      dir = path.join(base, 'policy-fact-check');
    }
  } catch {
    return undefined;
  }
  return path.isAbsolute(dir) ? dir : undefined;
}

/**
 * The build id a bundle carries on its first line (`/* build <id> *\/`, see esbuild.js); undefined for
 * the compiled tree, whose modules change one by one and so have no one id to key an entry by.
 */
export function buildIdOf(bundleFile: string): string | undefined {
  try {
    const fd = fs.openSync(bundleFile, 'r');
    try {
      const head = Buffer.alloc(64);
      const n = fs.readSync(fd, head, 0, 64, 0);
      return /^\/\* build (\w+) \*\//.exec(head.subarray(0, n).toString('utf8'))?.[1];
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

/**
 * The entry for these fact base files, in this order, made by build `buildId`; undefined when a file cannot be read
 * or there is no cache folder.
 */
export function cacheEntry(files: readonly string[], buildId: string, dir = cacheDir()): IndexCacheEntry | undefined {
  if (dir === undefined) return undefined;
  const parts = [Buffer.from(`${FORMAT}\0${buildId}\0${process.version}\0${process.arch}\0`)];
  try {
    for (const f of files) {
      const bytes = fs.readFileSync(f);
      parts.push(Buffer.from(`${path.resolve(f)}\0${bytes.length}\0`), bytes);
    }
  } catch {
    return undefined;
  }
  const key = Buffer.concat(parts);
  return { file: path.join(dir, `${nameOf(key)}.index`), key };
}

/**
 * Sixteen hex digits from two 32-bit hashes of the key, FNV-1a and a variant of it with another offset and a shift mixed
 * in: enough to tell entries apart by name (the stored key decides).
 */
function nameOf(key: Buffer): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < key.length; i++) {
    a = Math.imul(a ^ key[i], 0x01000193);
    b = Math.imul(b ^ key[i], 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** The stored index of an entry, if there is one made with its very key. */
export function readIndex(entry: IndexCacheEntry): FactIndex | undefined {
  try {
    const stored = v8.deserialize(fs.readFileSync(entry.file)) as { key?: unknown; index?: FactIndex };
    if (!(stored?.key instanceof Uint8Array) || !entry.key.equals(stored.key) || !stored.index || !Array.isArray(stored.index.profiles)) return undefined;
    touch(entry.file);
    return stored.index;
  } catch {
    return undefined;
  }
}

/** Marks an entry recently used, so pruning keeps it; an entry the user may read but not touch is still used. */
function touch(file: string): void {
  try {
    const now = new Date();
    fs.utimesSync(file, now, now);
  } catch {
    // Pruning may then take it a little early.
  }
}

/** Stores an index under its entry: written beside it and renamed, so a reader never sees half an entry. */
export function writeIndex(entry: IndexCacheEntry, index: FactIndex): void {
  const tmp = `${entry.file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(entry.file), { recursive: true });
    fs.writeFileSync(tmp, v8.serialize({ key: entry.key, index }));
    fs.renameSync(tmp, entry.file);
    prune(path.dirname(entry.file));
  } catch {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // Nothing more to do: the next run prepares the index again.
    }
  }
}

/**
 * An entry's file name (the folder may be shared: nothing else in it is touched), and one a crashed write left. Forty
 * digits are the names earlier builds gave (a SHA-256 prefix), so their entries are pruned too.
 */
const ENTRY = /^[0-9a-f]{16}(?:[0-9a-f]{24})?\.index$/;
const LEFT_OVER = /^[0-9a-f]{16}(?:[0-9a-f]{24})?\.index\.\d+\.tmp$/;
/** A temporary file older than this was left by a write that never finished. */
const STALE_MS = 60 * 60 * 1000;

/** Removes the least recently used entries beyond `MAX_ENTRIES`, and temporary files writes left behind. */
function prune(dir: string): void {
  const now = Date.now();
  const entries: Array<{ file: string; used: number }> = [];
  for (const n of fs.readdirSync(dir)) {
    const file = path.join(dir, n);
    if (ENTRY.test(n)) entries.push({ file, used: fs.statSync(file).mtimeMs });
    else if (LEFT_OVER.test(n) && now - fs.statSync(file).mtimeMs > STALE_MS) fs.rmSync(file, { force: true });
  }
  if (entries.length <= MAX_ENTRIES) return;
  entries.sort((a, b) => b.used - a.used);
  for (const e of entries.slice(MAX_ENTRIES)) fs.rmSync(e.file, { force: true });
}
