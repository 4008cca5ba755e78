/**
 * Matching: for a figure, the facts it is about. The index gives the facts whose words stand
 * near the figure; the figure's frame is read once; each rule then rules a fact out or records
 * what ties the figure to it; the facts left are ranked by that evidence.
 */
import type FuseClass from 'fuse.js';
import type { Claim, Extraction } from '../extract/extract';
import { conceptsNear, type Frame, type Knowledge, listedNames, paragraphNames, readFrame, sentenceMentions } from '../extract/frame';
import type { Fact } from '../factbase/model';
import { sameFigure } from '../quantity';
import { kindOf, type Mention, PARTY_KINDS, sameParty } from '../knowledge/gazetteer';
import { classOf, conceptOf } from '../knowledge/terms';
import type { ClaimView, Evidence, RuleScope } from './evidence';
import { newEvidence, scoreOf } from './evidence';
import { type FactIndex, kindKeysOf, nameKey } from './factIndex';
import { RULES } from './rules';
import { aspect } from './rules/aspect';
import { excluded } from './rules/excluded';
import { holder } from './rules/holder';
import { neighbour } from './rules/neighbour';
import { owned } from './rules/owned';
import { place } from './rules/place';
import { programme } from './rules/programme';
import { sibling } from './rules/sibling';
import { tally } from './rules/tally';
import { target } from './rules/target';
import { time, timeFits } from './rules/time';

/** A fact matched to a claim, with what ties them. */
export interface Match {
  fact: Fact;
  evidence: Evidence;
}

/** Everything matching learned about one figure: the frame, and every fact considered with its evidence (for `--explain`). */
export interface MatchResult {
  /** Admitted facts, best first. */
  matches: Match[];
  frame?: Frame;
  /** Every candidate with its evidence, admitted or not; filled only when asked. */
  considered?: Evidence[];
  /** A fact whose wording stands nowhere near the figure gives exactly its figure ("$66 billion for Amtrak" and "$66 billion for rail"). */
  agreesUnworded?: Fact;
}

const NO_MATCHES: MatchResult = { matches: [] };

/** The claim's kind keys, built once per kind and unit: a check asks for them thousands of times. */
function claimKindKeys(index: FactIndex, claim: Claim): readonly string[] {
  const q = claim.quantity;
  const keys = kindKeysOf(q.kind, q.unit, q.kind === 'count' ? q.nouns : undefined, q.ago, index.knowledge);
  // A dated figure says its year too ("Jan. 15, 2020" for the year of a deal); a year says how long ago ("in 2000" for "over 20 years ago").
  if (q.kind === 'date' && q.date?.year !== undefined) return [...keys, 'year'];
  if (q.kind === 'year') return [...keys, 'duration:ago'];
  return keys;
}

/**
 * A cheap first look, before any frame is read: is there a fact of the claim's kind all of whose
 * words of one measure phrase stand somewhere in the claim's sentence (or its counted noun)? A
 * frame is read only for such claims; the measure rule asks the same, nearer the figure.
 */
function mayMatch(index: FactIndex, x: Extraction, claim: Claim, keys: readonly string[]): boolean {
  const words = conceptsNear(x, claim, index.knowledge);
  const terms = index.knowledge.terms;
  const nouns = (claim.quantity.nouns ?? []).map((n) => conceptOf(terms, n));
  // A light word a phrase requires ("=new") is looked for only by the measure rule: a first look may admit too much.
  const has = (c: string) => c.startsWith('=') || words.includes(c) || nouns.includes(c);
  let names: Mention[] | undefined;
  for (const kk of keys) {
    const byConcept = index.postings.get(kk);
    if (!byConcept) continue;
    names ??= sentenceMentions(x, index.knowledge, claim.sentence);
    if (names.some((m) => byConcept.has(nameKey(m.entity)))) return true;
    for (const c of [...words, ...nouns]) {
      const ids = byConcept.get(c);
      if (!ids) continue;
      for (const id of ids) if (index.profiles[id].groups.some((g) => g.every(has)) || index.profiles[id].events.has(c)) return true;
    }
  }
  return false;
}

/**
 * Whether the claim's number stands inside a listed name: "737" and "9" in "Boeing 737 MAX 9", not "775" in "US$775
 * million". A year is left alone: "the American Rescue Plan Act of 2021" states when it was enacted.
 */
function withinListedName(x: Extraction, claim: Claim, k: Knowledge): boolean {
  if (claim.kind === 'year' || claim.kind === 'date') return false;
  const mentions = sentenceMentions(x, k, claim.sentence);
  for (let i = claim.firstToken; i <= claim.lastToken; i++)
    if (x.tokens[i].type === 'num' && mentions.some((m) => m.known && m.first <= i && i <= m.last)) return true;
  return false;
}

/** Facts about the same thing as the claim, best first; `explain` keeps every candidate's evidence. */
export function matchClaim(index: FactIndex, x: Extraction, claim: Claim, explain = false): MatchResult {
  const keys = claimKindKeys(index, claim);
  if (!explain && !mayMatch(index, x, claim, keys)) return NO_MATCHES;
  // A number inside a listed name ("Boeing 737 MAX 9 planes", "Section 230") is part of the name, not a figure.
  if (withinListedName(x, claim, index.knowledge)) return NO_MATCHES;
  const frame = readFrame(x, claim, index.knowledge);
  const ids = new Set<number>();
  const terms = index.knowledge.terms;
  for (const kk of keys) {
    const byConcept = index.postings.get(kk);
    if (!byConcept) continue;
    const look = (c: string) => {
      for (const id of byConcept.get(c) ?? []) ids.add(id);
    };
    for (const w of frame.slot) look(w.concept);
    for (const w of frame.clause) look(w.concept);
    for (const q of frame.participants) look(nameKey(q.entity));
    for (const n of claim.quantity.nouns ?? []) look(conceptOf(terms, n));
  }
  if (!ids.size) return explain ? { matches: [], frame, considered: [] } : { matches: [], frame };
  const view: ClaimView = { x, claim, frame };
  const scope: RuleScope = {
    knowledge: index.knowledge,
    profiles: index.profiles,
    factsWith: index.factsWith,
    namedWith: index.namedWith,
    vocabulary: index.vocabulary,
    owned: index.owned,
    paragraphNames: (entity) => paragraphNames(x, index.knowledge, entity),
    paragraphListed: () => listedNames(x, index.knowledge),
  };
  const considered: Evidence[] = [];
  const admitted: Evidence[] = [];
  const besides: Evidence[] = [];
  let agreesUnworded: Fact | undefined;
  for (const id of ids) {
    const e = newEvidence(index.profiles[id]);
    for (const rule of RULES) {
      const reason = rule.check(view, e, scope);
      if (reason !== undefined) {
        e.rejected = { rule: rule.name, reason };
        break;
      }
    }
    if (explain) considered.push(e);
    if (!e.rejected) {
      admitted.push(e);
      // Admitted, though ranked below another: its very figure makes a slip less likely than that the writer meant it.
      if (!agreesUnworded && statesFigureOf(claim, e.profile.fact)) agreesUnworded = e.profile.fact;
    } else {
      if (e.rejected.rule === neighbour.name) besides.push(e);
      // A fact whose figure is the claim's very figure, considered for a word it shares and ruled out only for too little
      // evidence ("The deadline to apply is now August 8", the window that closed on August 8): more likely that one's than a slip.
      if (!agreesUnworded && !SAYS_OTHER.has(e.rejected.rule) && statesFigureOf(claim, e.profile.fact)) agreesUnworded = e.profile.fact;
    }
  }
  if (besides.length) explainedBeside(besides, admitted);
  tellApart(index, admitted);
  for (const e of admitted) e.score = scoreOf(e);
  const matches = rank(admitted, x, claim, frame).map((e) => ({ fact: e.profile.fact, evidence: e }));
  return explain ? { matches, frame, considered, agreesUnworded } : { matches, frame, agreesUnworded };
}

/**
 * Whether the claim writes the fact's very figure, however bounded: "as many as 65,000 Afghans" names the 65,000 a
 * fact gives as surely as "65,000 Afghans" does, for telling whose figure it more likely is.
 */
function statesFigureOf(claim: Claim, fact: Fact): boolean {
  return sameFigure({ ...claim.quantity, qualifier: 'exact' }, { ...fact.quantity, qualifier: 'exact' });
}

/**
 * Rules whose "no" says the figure is another's: another party's, place's, vote side's, time's, or beside the fact's own
 * figure. The others ("no word of its measure near", "the clause names another event") only find too little to tie it,
 * so a fact they rule out whose figure is exactly the claim's may still be the one meant.
 */
const SAYS_OTHER: ReadonlySet<string> = new Set(
  [holder, excluded, target, place, tally, time, sibling, neighbour, owned, programme, aspect].map((r) => r.name),
);

/**
 * When another figure of the clause is a fact's own (the neighbour rule), the clause is about that
 * fact's subject: "rebate cheques began on March 4 with an official payment date of March 8". A fact
 * of another topic tied to this figure only by words the neighbour's fact has too ("payment", "began")
 * is not pinned by them when the clause names the neighbour's subject in words of its own; the fact
 * needs a word, a marker or a telling holder of its own.
 */
function explainedBeside(besides: Evidence[], admitted: Evidence[]): void {
  for (let i = admitted.length - 1; i >= 0; i--) {
    const e = admitted[i];
    if (!e.measureWords.length || e.marker || e.holder?.telling || e.targetTelling) continue;
    // The clause names the neighbour's subject in words this fact lacks ("rebate cheques"): parallel facts ("$300 for each
    // child under 6 and $250 for ...") share all their words and are left alone.
    const by = besides.find(
      (a) =>
        a.profile.fact.topic !== e.profile.fact.topic &&
        e.measureWords.every((w) => a.profile.measure.has(w)) &&
        a.measureWords.some((w) => !e.profile.measure.has(w) && a.profile.distinctive.has(w)),
    );
    if (!by) continue;
    e.rejected = { rule: neighbour.name, reason: `its words are those of ${by.profile.fact.id}, whose figure stands beside it` };
    admitted.splice(i, 1);
  }
}

/**
 * A holder the clause names itself tells a fact from its neighbours when no other fact still in the
 * running, on another topic, is that holder's too: "California's allocation" among the states' allocations.
 * A place tells them apart on the same terms.
 */
function tellApart(index: FactIndex, admitted: Evidence[]): void {
  const g = index.knowledge.gazetteer;
  for (const e of admitted) {
    // So with a place or a name: "the loss of six people at the bridge" is no more the two rescued there than the eight who fell.
    const others = admitted.filter((o) => o !== e && o.profile.fact.topic !== e.profile.fact.topic);
    const pl = e.place;
    if (pl !== undefined) e.placeShared ||= others.some((o) => [...o.profile.places].some((s) => sameParty(g, pl, s)));
    const marker = e.marker;
    if (marker !== undefined) e.markerShared = others.some((o) => [...o.profile.names].some((s) => sameParty(g, marker, s)));
    const h = e.holder;
    if (
      !h ||
      h.telling ||
      h.broad ||
      h.role === 'both-sides' ||
      h.role === 'sentence' ||
      h.role === 'inherited' ||
      h.role === 'object' ||
      !PARTY_KINDS.has(kindOf(g, h.entity))
    )
      continue;
    const shared = admitted.some(
      (o) =>
        o !== e &&
        o.profile.fact.topic !== e.profile.fact.topic &&
        [...(o.profile.holders.size ? o.profile.holders : o.profile.listed)].some((s) => sameParty(g, h.entity, s)),
    );
    if (!shared) {
      h.telling = true;
      // With only its measure's recurring thing ("a $25 million package for Hillford", "the council passed the $500 million
      // bill"), the party gets or passes many: it tells which fact agrees, not that a different figure is wrong.
      const terms = index.knowledge.terms;
      const about = e.measureWords.filter((c) => classOf(terms, c) !== 'event');
      if (about.length && about.every((c) => terms.recurring.has(c))) h.recurring = true;
    }
  }
}

let Fuse: typeof FuseClass | undefined;
/** fuse.js, loaded the first time a tie needs it: most runs never rank a tie, and a CLI run pays for every module it loads. */
function fuseClass(): typeof FuseClass {
  if (!Fuse) {
    const m = require('fuse.js') as typeof FuseClass | { default: typeof FuseClass };
    Fuse = 'default' in m ? m.default : m;
  }
  return Fuse;
}

const fuseOptions = {
  useTokenSearch: true,
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.4,
  keys: [
    { name: 'keywords', weight: 3 },
    { name: 'aliases', weight: 2 },
    { name: 'subject', weight: 1 },
  ],
};

/** How many words either side fuse.js ranks on: the nearest words say most about a figure. */
const FUSE_REACH = 8;

/**
 * Best first: by evidence score; facts of one topic (one measure at several times) newest first,
 * for the verdict sorts a timeline itself; and when facts of different topics tie, fuse.js ranks
 * just those on the words nearest the figure.
 */
function rank(admitted: Evidence[], x: Extraction, claim: Claim, frame: Frame): Evidence[] {
  if (admitted.length < 2) return admitted;
  admitted.sort(
    (a, b) =>
      b.score - a.score || (a.profile.fact.asOf < b.profile.fact.asOf ? 1 : a.profile.fact.asOf > b.profile.fact.asOf ? -1 : a.profile.id - b.profile.id),
  );
  const top = admitted[0].score;
  const tied = admitted.filter((e) => e.score === top);
  if (tied.length < 2 || tied.every((e) => e.profile.fact.topic === tied[0].profile.fact.topic)) return admitted;
  return [...orderTies(tied, x, claim, frame), ...admitted.slice(tied.length)];
}

/**
 * Facts of different topics that the evidence leaves tied, ordered by fuse.js token search of
 * their keywords, aliases and subject against the words nearest the figure. The order decides
 * which agreeing fact backs a figure; a conflict with a tie is never reported.
 */
export function orderTies(tied: Evidence[], x: Extraction, claim: Claim, frame: Frame): Evidence[] {
  const fuse = new (fuseClass())(
    tied.map((e) => ({ subject: e.profile.fact.subject, aliases: e.profile.fact.aliases, keywords: e.profile.fact.keywords })),
    fuseOptions,
  );
  const near = [...frame.slot, ...frame.clause]
    .filter((w) => w.token >= claim.firstToken - FUSE_REACH && w.token <= claim.lastToken + FUSE_REACH)
    .sort((a, b) => a.token - b.token);
  const query = near.map((w) => x.tokens[w.token].lower).join(' ');
  const scored = new Map<number, number>();
  for (const r of fuse.search(query)) scored.set(r.refIndex, r.score ?? 1);
  // Fuse decides order among the tied only; the score that ties them stays, so the verdict still sees the tie.
  return tied
    .map((e, k) => ({ e, s: scored.get(k) ?? 1 }))
    .sort((a, b) => a.s - b.s)
    .map((o) => o.e);
}

/** Facts sharing a topic with `fact` (the same measure at other times) whose times the claim's do not rule out. */
export function topicFacts(index: FactIndex, fact: Fact, frame: Frame): Fact[] {
  return (index.byTopic.get(fact.topic) ?? [])
    .map((id) => index.profiles[id])
    .filter((p) => !timeFits(p, frame.times).reason)
    .map((p) => p.fact);
}
