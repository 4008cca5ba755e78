/**
 * identity: a date conflicts with a dated fact only when the draft pins down that very event,
 * not just its kind. Tariffs are imposed, talks held and truces extended again and again; "Jan
 * 22: The US imposes 30 per cent tariffs" is not the February 1, 2025 tariff. A year other than
 * the fact's (stated, or set by the text) makes it another event; and the sentence must give the
 * event's place, a name only it involves, or another of its figures.
 */
import { timeScopeOf } from '../../extract/analysis';
import { DETERMINERS } from '../../extract/grammar';
import type { Claim, Extraction } from '../../extract/extract';
import { kindOf, PARTY_KINDS } from '../../knowledge/gazetteer';
import { classOf } from '../../knowledge/terms';
import { quantitiesAgree } from '../../quantity';
import { parseIsoDate } from '../profile';
import type { Rule } from '../evidence';

/** A holder involved in at most this share of the facts names few enough events to pin one down. */
const FEW_FACTS = 0.1;

const SET_APART = new Set(['additional', 'another', 'further', 'second', 'third', 'extra', 'new', 'more']);

/** Whether a figure is marked as on top of or apart from another ("an additional 10% tariff"). */
function setApart(x: Extraction, c: Claim): boolean {
  for (let i = c.firstToken - 1, n = 0; i >= 0 && n < 3; i--) {
    const t = x.tokens[i];
    if (t.type !== 'word') continue;
    n++;
    if (SET_APART.has(t.lower)) return true;
  }
  return false;
}

/** Nouns of a time that "new" marks as moved: "the new deadline", "a new target date". */
const TIME_NOUNS = new Set([
  'deadline',
  'deadlines',
  'date',
  'dates',
  'target',
  'timeline',
  'timetable',
  'schedule',
  'cutoff',
  'end',
  'start',
  'expiry',
  'expiration',
]);

/** Words that may stand between "new" and its time noun: "a new, later date", "the new revised deadline". */
const BETWEEN_NEW = new Set([',', 'later', 'earlier', 'revised', 'target', 'official', 'opening', 'closing']);

/**
 * Whether "new" before the date, in its clause, qualifies a time ("the new deadline would be November 10", "a new, later
 * date, June 12"), not a thing ("the new contract expires on June 30, 2027" is that contract's end). Not "a new August
 * deadline", which is the deadline as now set: fact bases record the date a judge or a law set anew as often as the old one.
 */
function precededByNew(x: Extraction, claim: Claim, from: number): boolean {
  const word = (k: number) => (x.tokens[k]?.type === 'word' || x.tokens[k]?.text === ',' ? x.tokens[k].lower : undefined);
  for (let i = from; i < claim.firstToken; i++) {
    if (word(i) !== 'new') continue;
    // A time noun after "new", past a comma or a word that only describes it, before the date.
    for (let k = i + 1; k < claim.firstToken && k <= i + 4; k++) {
      if (TIME_NOUNS.has(word(k) ?? '')) return true;
      if (!BETWEEN_NEW.has(word(k) ?? '')) break;
    }
  }
  return false;
}

export const identity: Rule = {
  name: 'identity',
  description:
    "A date's sentence pins down the fact's very event: no other year, and its year with its event and measure, its place, a name only it involves, or another of its figures.",
  check({ x, claim, frame }, e, { knowledge, paragraphNames, profiles, factsWith }) {
    const p = e.profile;
    // Only a dated event: a date compared with a year fact is checked on its year.
    if (claim.kind !== 'date' || p.fact.quantity.kind !== 'date') return undefined;
    const factYear = p.fact.quantity.date?.year ?? parseIsoDate(p.fact.asOf).year;
    const claimYear = claim.quantity.date?.year ?? (frame.present ? undefined : frame.impliedYear);
    // "the new deadline ... November 10": a date the writer marks as new is not the one the fact records.
    if (precededByNew(x, claim, frame.clauseRange[0])) return 'the writer marks this as a new date, not the one the fact records';
    if (claimYear !== undefined && factYear !== undefined) {
      if (claimYear !== factYear) return `the date falls in ${claimYear}; the fact's event in ${factYear}`;
      if (!e.time) {
        e.time = { year: claimYear };
        e.timeFrom = claim.quantity.date?.year !== undefined ? 'stated' : 'implied';
      }
    }
    if (e.place) return undefined;
    // The event by its name, dated where it is named: "the Aug. 26, 2021, Abbey Gate bombing" (the event rule found the fact's
    // event word with the name).
    const dated = frame.dateOf;
    const attributive = DETERMINERS.has(x.tokens[claim.firstToken - 1]?.lower ?? '');
    if (dated !== undefined && attributive && e.events.length && p.names.has(dated)) return undefined;
    // A name only this fact involves ("Musk", "Stockholm", "Nvidia"), named in the sentence or its paragraph.
    if ([...p.markers].some((m) => paragraphNames(m))) return undefined;
    // Another figure of the same event, agreeing with the source: "On Feb. 1, Trump imposed a 10 percent tariff" (not "an additional 10 percent").
    const [sa, sb] = timeScopeOf(x, claim);
    for (const other of x.claimsBySentence[claim.sentence] ?? []) {
      if (other === claim || other.lastToken < sa || other.firstToken > sb || setApart(x, other)) continue;
      for (const sib of p.siblings) if (sib.fact.quantity.kind === other.kind && quantitiesAgree(other.quantity, sib.fact.quantity) === true) return undefined;
    }
    // Its year, its event and its measure together: "the tariff truce will expire on Aug. 2" in a text set in 2025.
    // Not for an event that involves names of its own (Han Zheng's meeting with Musk): one of them must be named.
    const ownNames = [...p.holders, ...p.targets, ...p.listed].filter((n) => p.markers.has(n));
    // And what the event is about, beyond its verb: a deadline for a review is not any expiry.
    // (or a programme or law it involves, named in the clause: "the Bipartisan Infrastructure Law, signed into law in November 2021").
    // An event named by a term of art ("royal assent") says what it is about in its own words.
    const about =
      e.measureWords.some((c) => classOf(knowledge.terms, c) !== 'event' || knowledge.terms.phrasal.has(c)) ||
      frame.participants.some((q) => !PARTY_KINDS.has(kindOf(knowledge.gazetteer, q.entity)) && p.names.has(q.entity));
    if (e.time && e.events.length && about && !ownNames.length && !p.places.size) return undefined;
    // A measure word no other fact has ("executive order", "PNTR"; "expire" with the truce that expires, not alone).
    if (e.measureWords.some((c) => p.unique.has(c)) && about) return undefined;
    // Its event, on what the fact names it on: "on February 4 Trump imposed the tariff on all Chinese imports".
    if (e.events.length && e.target !== undefined && about) return undefined;
    // Its event, done by its own holder, one that few facts involve: "The Senate passed the bill on August 12, 2021"
    // (the Senate passes a bill once; a government imposes tariffs again and again).
    const h = e.holder;
    if (e.events.length && h && (h.role === 'subject' || h.role === 'agent' || h.role === 'possessor') && p.holders.size) {
      const involving = factsWith.get(h.entity) ?? 0;
      if (involving <= Math.max(2, profiles.length * FEW_FACTS)) return undefined;
    }
    return 'nothing pins the date to this very event: no year with its event, place, name only it involves, or other figure of it';
  },
};
