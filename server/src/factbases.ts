/**
 * The fact bases a long-running process (the language server) has in use: which files apply to
 * a document, their last good versions, and prepared indexes. A file that turns broken keeps
 * serving its last good version while its problems are reported; a deleted file stops serving.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { prepare } from './engine/check';
import { type FactBase, type FactBaseProblem, mergeFactBases } from './engine/factbase/model';
import { bundledFactBasePath, loadFactBaseFile } from './factfiles';
import type { FactIndex } from './engine/match/factIndex';
import { findWorkspaceFactBases } from './files';

/** One fact base file as last read. */
export interface FactBaseState {
  file: string;
  /** The last version that loaded without problems, if any. */
  base?: FactBase;
  /** Problems of the version on disk now (empty when it is good or gone). */
  problems: FactBaseProblem[];
  exists: boolean;
  /** Bumped on every reload, so prepared indexes know when they are stale. */
  version: number;
}

/** Which fact base files apply to a document, in merge order (later files override earlier ids). */
export function factBaseFilesFor(docPath: string | undefined, folder: string | undefined, opts: { includeBundled: boolean; extra: string[] }): string[] {
  const files: string[] = [];
  if (opts.includeBundled) files.push(bundledFactBasePath());
  const start = docPath ?? folder;
  if (start) files.push(...findWorkspaceFactBases([start]));
  for (const f of opts.extra) {
    const abs = settingsFactBasePath(f, folder);
    if (abs) files.push(abs);
  }
  return [...new Set(files)];
}

/** A fact base path from settings: absolute, or relative to its workspace folder (none without one). */
export function settingsFactBasePath(p: string, folder: string | undefined): string | undefined {
  if (path.isAbsolute(p)) return path.normalize(p);
  return folder ? path.join(folder, p) : undefined;
}

const MAX_CACHED_INDEXES = 8;

export class FactBaseStore {
  private readonly states = new Map<string, FactBaseState>();
  private readonly indexes = new Map<string, FactIndex>();
  private versions = 0;

  /** The state of a file, reading it the first time it is asked for. */
  get(file: string): FactBaseState {
    return this.states.get(file) ?? this.reload(file);
  }

  /** Re-reads a file from disk. A broken file keeps its last good base; a missing one has none. */
  reload(file: string): FactBaseState {
    const previous = this.states.get(file);
    const exists = fs.existsSync(file);
    const loaded = exists ? loadFactBaseFile(file) : { problems: [] };
    const state: FactBaseState = {
      file,
      base: loaded.problems.length ? previous?.base : loaded.base,
      problems: loaded.problems,
      exists,
      version: ++this.versions,
    };
    this.states.set(file, state);
    return state;
  }

  /** Files read so far. */
  files(): string[] {
    return [...this.states.keys()];
  }

  has(file: string): boolean {
    return this.states.has(file);
  }

  /** The merged, prepared index over the given files' good versions. */
  indexFor(files: string[]): FactIndex {
    const states = files.map((f) => this.get(f));
    const key = states.map((s) => `${s.file}@${s.version}`).join('\n');
    let index = this.indexes.get(key);
    if (!index) {
      index = prepare(mergeFactBases(states.flatMap((s) => (s.base ? [s.base] : []))));
      if (this.indexes.size >= MAX_CACHED_INDEXES) this.indexes.delete(this.indexes.keys().next().value as string);
      this.indexes.set(key, index);
    }
    return index;
  }
}

/** Whether a path names a workspace fact base (`.factcheck/*.json`). */
export function isWorkspaceFactBase(file: string): boolean {
  return path.basename(path.dirname(file)) === '.factcheck' && file.endsWith('.json');
}
