/**
 * Verdicts: a claim and the facts about the same thing in, a judgement out. A claim
 * consistent with any of those facts is not a conflict; one that agrees only with a fact
 * superseded by a newer one on the same topic is outdated.
 */
import type { Claim } from './extract';
import type { Fact } from './factbase';
import { Match, parseIsoDate } from './match';
import { datesAgree, PartialDate, quantitiesAgree } from './quantity';

export type Verdict = 'consistent' | 'conflict' | 'outdated';

/** The judgement on one claim. */
export interface Finding {
  claim: Claim;
  verdict: Verdict;
  /** The fact the verdict refers to: the backing fact, the contradicting one, or the newer one. */
  fact: Fact;
  /** For `outdated`: the older fact the claim agrees with. */
  olderFact?: Fact;
}

/** Scores within this of the best count as "about the same thing" too. */
const SCORE_MARGIN = 0.12;

export interface JudgeContext {
  /** Dates and years named near the claim; one agreeing with an older fact makes the claim history, not outdated. */
  times: PartialDate[];
  /** The sentence marks itself as history ("initially"). */
  historical: boolean;
  /** The facts of a topic that could be about the claim (its timeline). */
  topicFacts: (fact: Fact) => Fact[];
}

function newer(a: Fact, b: Fact): boolean {
  return a.asOf > b.asOf;
}

export function judge(claim: Claim, matches: Match[], ctx: JudgeContext): Finding | undefined {
  if (matches.length === 0) return undefined;
  const best = matches[0];
  const group = new Map<string, Fact>();
  for (const m of matches) if (m.score <= best.score + SCORE_MARGIN || m.fact.topic === best.fact.topic) group.set(m.fact.id, m.fact);
  // Bring in the rest of the best fact's timeline, so an old figure can be recognised as old.
  for (const f of ctx.topicFacts(best.fact)) if (!group.has(f.id) && f.quantity.kind === claim.kind) group.set(f.id, f);
  const facts = [...group.values()];
  const agreeing: Fact[] = [];
  const comparable: Fact[] = [];
  for (const f of facts) {
    const agrees = quantitiesAgree(claim.quantity, f.quantity);
    if (agrees !== undefined) comparable.push(f);
    if (agrees === true) agreeing.push(f);
  }
  if (comparable.length === 0) return undefined;
  if (agreeing.length) {
    // Prefer the agreeing fact ranked best; then check whether its topic moved on since.
    const backing = matches.find((m) => agreeing.includes(m.fact))?.fact ?? agreeing[0];
    const newestOfTopic = facts.filter((f) => f.topic === backing.topic).reduce((a, b) => (newer(b, a) ? b : a), backing);
    const agreesWithNewest = agreeing.some((f) => f.topic === backing.topic && !newer(newestOfTopic, f));
    if (!agreesWithNewest) {
      const anchoredInPast = ctx.historical || ctx.times.some((t) => agreeing.some((f) => datesAgree(t, parseIsoDate(f.asOf)) === true));
      if (!anchoredInPast) return { claim, verdict: 'outdated', fact: newestOfTopic, olderFact: backing };
    }
    return { claim, verdict: 'consistent', fact: backing };
  }
  // Conflict: cite the newest fact of the best topic, so the writer gets the current figure.
  const topicGroup = comparable.filter((f) => f.topic === best.fact.topic);
  const cited = topicGroup.length ? topicGroup.reduce((a, b) => (newer(b, a) ? b : a)) : comparable[0];
  return { claim, verdict: 'conflict', fact: cited };
}

