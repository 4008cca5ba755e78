/**
 * The knowledge a fact base is read with: the built-in names and terms, with what the fact base
 * adds. Built once per fact base version, beside its index.
 */
import type { Knowledge } from '../extract/frame';
import type { FactBase } from '../factbase/model';
import { buildGazetteer, defaultGazetteer } from './gazetteer';
import { buildTerms, defaultTerms } from './terms';

/** Every name a fact base's facts use: their entities and curated holders, targets and places. */
function factNames(base: FactBase): string[] {
  const names = new Set<string>();
  for (const f of base.facts) {
    for (const e of f.entities) names.add(e);
    for (const list of [f.frame?.holder, f.frame?.target, f.frame?.place]) for (const e of list ?? []) names.add(e);
  }
  return [...names];
}

export function buildKnowledge(base: FactBase): Knowledge {
  const names = factNames(base);
  const gazetteer = base.entities.length || names.length ? buildGazetteer(base.entities, names) : defaultGazetteer();
  const terms = base.terms.length ? buildTerms(base.terms) : defaultTerms();
  return { gazetteer, terms };
}
