/**
 * The fact index: every fact's profile, and an inverted index keyed by (kind and unit, concept)
 * that narrows 100,000 facts to the handful whose measure, context or event words stand near
 * a figure, in constant time per word.
 */
import { type Knowledge, nounWithoutPeriod } from '../extract/frame';
import type { Fact, FactBase } from '../factbase/model';
import { buildKnowledge } from '../knowledge/knowledge';
import { conceptOf, phraseStems } from '../knowledge/terms';
import { quantitiesAgree, type QuantityKind, sameFigure } from '../quantity';
import { buildProfile, type FactProfile } from './profile';
import { stem } from '../text/tokens';

/** A fact base prepared for matching. Build once per fact base version. */
export interface FactIndex {
  base: FactBase;
  knowledge: Knowledge;
  profiles: FactProfile[];
  /** Kind key (kind and unit or counted noun) → concept → profile positions. Nested, so a lookup builds no key string. */
  postings: Map<string, Map<string, number[]>>;
  /** Facts by topic, for timelines; only topics with more than one fact. */
  byTopic: Map<string, number[]>;
  /** How many facts involve each name. */
  factsWith: ReadonlyMap<string, number>;
  /** The names some fact involves together with each name: a law and the programmes it holds, a country and its leader. */
  namedWith: ReadonlyMap<string, ReadonlySet<string>>;
  /** Every concept some fact's measure is named by: the words this fact base tells measures apart with. */
  vocabulary: ReadonlySet<string>;
  /** Terms that name one topic only ("permanent normal trade relations", "H20") → that topic. */
  owned: ReadonlyMap<string, string>;
}

/** The kind keys of a quantity: what a claim must share with a fact to be compared at all. */
export function kindKeysOf(kind: QuantityKind, unit: string, nouns: readonly string[] | undefined, ago: boolean | undefined, k: Knowledge): string[] {
  switch (kind) {
    case 'money':
    case 'percent':
      return [`${kind}:${unit}`];
    case 'count':
      return nouns && nouns.length ? [...new Set(nouns.map((n) => `count:${conceptOf(k.terms, n)}`))] : [`count:${unit}`];
    case 'duration':
      return [`duration:${ago ? 'ago' : 'len'}`];
    default:
      return [kind];
  }
}

/** Stem of a counted noun's head word, as the extractor sees it: "co-authors" → "author", "vehicles per day" → "vehicl". */
function nounStems(nouns: readonly string[]): string[] {
  return nouns.map((n) => {
    const s = phraseStems(nounWithoutPeriod(n));
    return s.length ? s[s.length - 1] : n;
  });
}

export function factKindKeys(f: Fact, k: Knowledge): string[] {
  const q = f.quantity;
  return kindKeysOf(q.kind, q.unit, q.kind === 'count' ? nounStems(q.nouns ?? []) : undefined, q.ago, k);
}

/**
 * Profiles of one fact base repeat the same measure phrases and slot words: one shared copy of
 * each keeps a large fact base small (they are never changed after the profile is built).
 */
function shareParts(profiles: FactProfile[]): void {
  const groups = new Map<string, readonly string[]>();
  const slots = new Map<string, FactProfile['slot'][number]>();
  for (const p of profiles) {
    p.groups = p.groups.map((g) => {
      const key = g.join('\u0000');
      let shared = groups.get(key);
      if (!shared) groups.set(key, (shared = g));
      return shared;
    });
    p.slot = p.slot.map((w) => {
      const key = `${w.at}\u0000${w.concept}`;
      let shared = slots.get(key);
      if (!shared) slots.set(key, (shared = w));
      return shared;
    });
  }
}

/** The postings key of a name (an entity id), kept apart from concepts. */
export function nameKey(entity: string): string {
  return `@${entity}`;
}

export function buildIndex(base: FactBase): FactIndex {
  const knowledge = buildKnowledge(base);
  const profiles = base.facts.map((f, i) => buildProfile(f, i, knowledge));
  shareParts(profiles);
  const postings = new Map<string, Map<string, number[]>>();
  const byTopic = new Map<string, number[]>();
  const keysOf = profiles.map((p) => factKindKeys(p.fact, knowledge));
  profiles.forEach((p, i) => {
    // Only words that can carry the measure rule: a fact found by its context alone would be ruled out anyway.
    // A programme or product the curator names ("BEAD", "H20") finds the fact as its measure words do.
    const words = new Set([...p.measure, ...p.events, ...[...p.keywordNames].map(nameKey)]);
    for (const kk of keysOf[i]) {
      let byConcept = postings.get(kk);
      if (!byConcept) postings.set(kk, (byConcept = new Map()));
      for (const w of words) {
        const list = byConcept.get(w);
        if (list) list.push(i);
        else byConcept.set(w, [i]);
      }
    }
    const t = byTopic.get(p.fact.topic);
    if (t) t.push(i);
    else byTopic.set(p.fact.topic, [i]);
  });
  // Measure words that tell a fact from the others of its kind: used by no other topic.
  // A fact counted under several nouns ("people", "residents", "homeless") is alone under some of them; a word other topics
  // share under any of its nouns ("people" with the death tolls) tells it from none of them.
  // So does a noun another topic counts, whether or not that one's quote says it: "killed 40" counts people too.
  const distinctive: Array<Set<string> | undefined> = [];
  const shared: Array<Set<string> | undefined> = [];
  const topicsOfKey = new Map<string, Set<string>>();
  profiles.forEach((p, i) => {
    for (const kk of keysOf[i]) (topicsOfKey.get(kk) ?? topicsOfKey.set(kk, new Set()).get(kk)!).add(p.fact.topic);
  });
  for (const [kk, byConcept] of postings) {
    for (const [concept, ids] of byConcept) {
      const topic = profiles[ids[0]].fact.topic;
      const mixed = ids.some((id) => profiles[id].fact.topic !== topic);
      const countedByOthers = (topicsOfKey.get(`count:${concept}`)?.size ?? 0) > 1;
      for (const id of ids)
        if (profiles[id].measure.has(concept) && keysOf[id].includes(kk))
          ((mixed || (countedByOthers && keysOf[id].includes(`count:${concept}`)) ? shared : distinctive)[id] ??= new Set()).add(concept);
    }
  }
  distinctive.forEach((set, id) => {
    if (set) profiles[id].distinctive = new Set([...set].filter((c) => !shared[id]?.has(c)));
  });
  // Measure words only one fact (one topic) has, whatever its kind.
  const topicsWith = new Map<string, Set<string>>();
  for (const p of profiles) for (const c of p.measure) (topicsWith.get(c) ?? topicsWith.set(c, new Set()).get(c)!).add(p.fact.topic);
  // Only terms that name one specific thing count: a phrase the terms define ("permanent normal trade relations",
  // "executive order") or a model ("H20"); a curator's single keywords are too many to set a fact apart by one.
  const phraseConcepts = new Set<string>();
  for (const list of knowledge.terms.phrases.values()) for (const ph of list) phraseConcepts.add(ph.concept);
  // Of those, the terms of art: named mostly by phrases ("permanent normal trade relations"), or models ("H20"). Naming
  // one names its topic's facts; a concept named mostly by single words ("cost", "pause") is everyday language.
  const owned = new Map<string, string>();
  for (const p of profiles) {
    const unique: string[] = [];
    for (const c of p.measure) {
      if (topicsWith.get(c)!.size !== 1) continue;
      const model = /\d/.test(c);
      if (model || phraseConcepts.has(c)) unique.push(c);
      if (model || knowledge.terms.phrasal.has(c)) owned.set(c, p.fact.topic);
    }
    if (unique.length) p.unique = new Set(unique);
  }
  // Names few facts involve pin a figure to those facts' events; the names most facts share do not.
  const factsWith = new Map<string, number>();
  const namedWith = new Map<string, Set<string>>();
  for (const p of profiles)
    for (const n of p.names) {
      factsWith.set(n, (factsWith.get(n) ?? 0) + 1);
      const set = namedWith.get(n) ?? namedWith.set(n, new Set()).get(n)!;
      for (const m of p.names) if (m !== n) set.add(m);
    }
  const rare = Math.max(2, profiles.length * 0.05);
  for (const p of profiles) {
    const markers = [...p.names].filter((n) => factsWith.get(n)! <= rare);
    if (markers.length) p.markers = new Set(markers);
  }
  for (const [topic, ids] of byTopic) {
    if (ids.length < 2) byTopic.delete(topic);
    // A timeline is one measure whose value changed; two sources giving the same year of one deal are not one. Any two
    // that differ make one: "at least 5,000" agrees with both 6,568 and 7,000, which do not agree with each other.
    else if (ids.some((id, k) => ids.some((other, j) => j > k && quantitiesAgree(profiles[id].fact.quantity, profiles[other].fact.quantity) !== true))) {
      // Its quote's words and its own measure's, that no other point's quote or measure has, nor the noun all of them count:
      // every death toll counts people who died, whether its quote says so or not. Counted once per topic: how many points
      // have each word.
      const wordsOf = (id: number) => new Set([...profiles[id].quoteWords, ...profiles[id].measure]);
      const points = new Map<string, number>();
      for (const id of ids) for (const c of wordsOf(id)) points.set(c, (points.get(c) ?? 0) + 1);
      for (const id of ids) {
        const p = profiles[id];
        p.onTimeline = true;
        const counted = new Set(keysOf[id].map((k) => k.replace(/^count:/, '')));
        p.pointWords = new Set([...wordsOf(id)].filter((c) => !counted.has(c) && points.get(c) === 1));
      }
    }
  }
  const byQuote = new Map<string, FactProfile[]>();
  for (const p of profiles) {
    const key = `${p.fact.source.id}\u0000${p.fact.quote}`;
    const list = byQuote.get(key);
    if (list) list.push(p);
    else byQuote.set(key, [p]);
  }
  for (const list of byQuote.values()) if (list.length > 1) for (const p of list) p.siblings = list.filter((o) => o !== p);
  inheritVotes(profiles, knowledge);
  // Every measure concept: those are the keys of topicsWith.
  return { base, knowledge, profiles, postings, byTopic, factsWith, namedWith, vocabulary: new Set(topicsWith.keys()), owned };
}

/**
 * A count whose quote gives no tally ("Only 12 Republicans voted against the measure") is about the vote its source
 * reported that day, when the source's facts of that day give one tally: "13 Republicans opposing" beside a tally that
 * contradicts it is then another vote's count (see the sibling rule). Several tallies that day leave it open.
 */
function inheritVotes(profiles: FactProfile[], k: Knowledge): void {
  // Only a count of those who voted: "500,000 veterans" the bill will help is no side of its vote.
  const vote = new Set(['vote', 'votes', 'voted', 'voting'].map((w) => conceptOf(k.terms, stem(w))));
  const ofVoters = (p: FactProfile) => {
    for (const c of vote) if (p.measure.has(c) || p.context.has(c) || p.quoteWords.has(c)) return true;
    return false;
  };
  const votes = new Map<string, FactProfile['vote'] | null>();
  const key = (p: FactProfile) => `${p.fact.source.id}\u0000${p.fact.asOf}`;
  for (const p of profiles) {
    if (!p.vote) continue;
    const day = key(p);
    const seen = votes.get(day);
    if (seen === undefined) votes.set(day, p.vote);
    else if (seen && !(sameFigure(seen.for, p.vote.for) && sameFigure(seen.against, p.vote.against))) votes.set(day, null);
  }
  for (const p of profiles) {
    if (p.vote || p.tally || p.fact.quantity.kind !== 'count' || !ofVoters(p)) continue;
    const v = votes.get(key(p));
    if (v) p.vote = v;
  }
}
