/**
 * A fact base once loaded: sources and facts in the shape the engine uses, with each fact's
 * figure normalised like a claim's. The JSON shapes they come from are in `schema.ts`.
 */
import type { Quantity } from '../quantity';
import type { EntityEntry, FrameJson, TermEntry } from './schema';

/** Where a fact comes from. */
export interface Source {
  id: string;
  title?: string;
  description?: string;
  publisher?: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD, when the source carries a date. */
  published?: string;
  dateNote?: string;
  url?: string;
  /** Absolute path of a local copy, resolved against the fact base file. */
  file?: string;
}

/** One sourced, checkable figure. */
export interface Fact {
  id: string;
  /** Facts sharing a topic measure the same thing at different times. Defaults to the id. */
  topic: string;
  subject: string;
  aliases: string[];
  keywords: string[];
  /** Names of who or what the fact is about, as the curator wrote them. */
  entities: string[];
  /** Curated corrections to the frame read from the quote. */
  frame?: FrameJson;
  /** The figure, normalised like a claim. */
  quantity: Quantity;
  /** The figure as the source words it. */
  text: string;
  quote: string;
  source: Source;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  asOf: string;
  /** File the fact was loaded from. */
  file: string;
  /** Position of the fact's object in its file (0-based line), for links back. */
  line: number;
}

/** A loaded, validated fact base: one file, or several merged. */
export interface FactBase {
  files: string[];
  sources: Source[];
  facts: Fact[];
  /** Names the fact bases add to the gazetteer. */
  entities: EntityEntry[];
  /** Words the fact bases add to the terms. */
  terms: TermEntry[];
}

/** A problem found while loading a fact base. Line and column are 1-based; offset is UTF-16. */
export interface FactBaseProblem {
  file: string;
  pointer: string;
  line: number;
  column: number;
  offset: number;
  length: number;
  message: string;
}

export function formatProblem(p: FactBaseProblem): string {
  return `${p.file}:${p.line}:${p.column}: error: ${p.message}${p.pointer ? ` (at ${p.pointer})` : ''}`;
}

/** Combines fact bases; a fact id defined twice across files keeps the later one (workspace overrides bundled). */
export function mergeFactBases(bases: FactBase[]): FactBase {
  const facts = new Map<string, Fact>();
  const merged: FactBase = { files: [], sources: [], facts: [], entities: [], terms: [] };
  for (const b of bases) {
    merged.files.push(...b.files);
    merged.sources.push(...b.sources);
    merged.entities.push(...b.entities);
    merged.terms.push(...b.terms);
    for (const f of b.facts) facts.set(f.id, f);
  }
  merged.facts = [...facts.values()];
  return merged;
}
