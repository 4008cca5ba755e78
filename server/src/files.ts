/**
 * Which files to check and which fact bases apply to them. Shared by the CLI and the
 * language server's workspace check, so both see the same files.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const DEFAULT_EXTENSIONS = ['.md', '.markdown', '.txt'];
/** Workspace fact base location, relative to a folder. */
export const WORKSPACE_FACTBASE = path.join('.factcheck', 'facts.json');
/** Drafts larger than this are skipped with a notice rather than checked. */
export const DEFAULT_MAX_BYTES = 4 * 1024 * 1024;

/** Walks folders (skipping node_modules and dot-folders) and returns matching files, sorted. Missing paths are reported. */
export function collectFiles(paths: string[], extensions: string[] = DEFAULT_EXTENSIONS): { files: string[]; missing: string[] } {
  const files = new Set<string>();
  const missing: string[] = [];
  const exts = extensions.map((e) => (e.startsWith('.') ? e : '.' + e).toLowerCase());
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && exts.includes(path.extname(e.name).toLowerCase())) files.add(p);
    }
  };
  for (const p of paths) {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      missing.push(p);
      continue;
    }
    if (st.isDirectory()) walk(p);
    else files.add(p); // named explicitly: checked whatever its extension
  }
  return { files: [...files].sort(), missing };
}

/** `.factcheck/facts.json` files at or above each path, nearest first, without duplicates. */
export function findWorkspaceFactBases(paths: string[]): string[] {
  const found: string[] = [];
  for (const p of paths) {
    let dir = path.resolve(p);
    try {
      if (!fs.statSync(dir).isDirectory()) dir = path.dirname(dir);
    } catch {
      dir = path.dirname(dir);
    }
    for (;;) {
      const candidate = path.join(dir, WORKSPACE_FACTBASE);
      if (fs.existsSync(candidate)) {
        if (!found.includes(candidate)) found.push(candidate);
        break;
      }
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return found;
}

/** Reads a draft; binary (NUL bytes) or oversized files come back as a reason to skip instead. */
export function readDraft(file: string, maxBytes = DEFAULT_MAX_BYTES): { text: string } | { skip: string } {
  const st = fs.statSync(file);
  if (st.size > maxBytes) return { skip: `skipped: ${(st.size / 1048576).toFixed(1)} MB is over the ${(maxBytes / 1048576).toFixed(1)} MB limit` };
  const buf = fs.readFileSync(file);
  if (buf.includes(0)) return { skip: 'skipped: looks like a binary file' };
  return { text: buf.toString('utf8') };
}
