/**
 * Evidence: what ties a figure to one fact, rule by rule. Each rule (in `rules/`) either rules
 * the fact out, with a reason a writer can read, or records what it found: the measure words,
 * the holder, the target, the place, the time, the event. A conflict needs the measure and at
 * least one of the others; without them the engine says nothing.
 */
import type { Claim, Extraction } from '../extract/extract';
import { type Frame, type FrameWord, type Knowledge, type Role, readFrame } from '../extract/frame';
import type { EntityKind } from '../factbase/schema';
import { type Gazetteer, PARTY_KINDS } from '../knowledge/gazetteer';
import { formatDate, type PartialDate } from '../quantity';
import type { FactProfile } from './profile';

/** A figure as the rules see it. */
export interface ClaimView {
  x: Extraction;
  claim: Claim;
  frame: Frame;
  /** The concepts at the figure and near it (its clause and what a pronoun brings), worked out once per claim. */
  atFigure?: ReadonlySet<string>;
  near?: ReadonlySet<string>;
  /** The frame's event words, nearest the figure first, less those that only report or place it (see the event rule); once per claim. */
  events?: readonly FrameWord[];
  /** The concepts of the figure's slot and clause words that are events. */
  slotEvents?: ReadonlySet<string>;
  /** The slot concepts and owning parties of other figures of the sentence, read once each (see the neighbour rule). */
  otherSlots?: Map<Claim, { concepts: ReadonlySet<string>; parties: readonly string[] }>;
}

/** The roles that say whose a figure is. */
const OWNING: ReadonlySet<Role> = new Set<Role>(['possessor', 'subject', 'agent', 'recipient']);

/** The slot concepts and owning parties of another figure of the claim's sentence, read once per claim (see `otherSlots`). */
export function otherSlot(view: ClaimView, o: Claim, knowledge: Knowledge): { concepts: ReadonlySet<string>; parties: readonly string[] } {
  view.otherSlots ??= new Map();
  let slot = view.otherSlots.get(o);
  if (!slot) {
    const f = readFrame(view.x, o, knowledge);
    slot = { concepts: new Set(f.slot.map((w) => w.concept)), parties: f.participants.filter((q) => OWNING.has(q.role)).map((q) => q.entity) };
    view.otherSlots.set(o, slot);
  }
  return slot;
}

/** What the rules may consult beyond the claim and the fact. */
export interface RuleScope {
  knowledge: Knowledge;
  /** Every fact profile of the index, by position. */
  profiles: readonly FactProfile[];
  /** How many facts of the index involve a name. */
  factsWith: ReadonlyMap<string, number>;
  /** The names some fact involves together with each name. */
  namedWith: ReadonlyMap<string, ReadonlySet<string>>;
  /** Every concept some fact's measure is named by. */
  vocabulary: ReadonlySet<string>;
  /** Terms that name one topic only → that topic. */
  owned: ReadonlyMap<string, string>;
  /** Whether the claim's paragraph names an entity anywhere. */
  paragraphNames: (entity: string) => boolean;
  /** Every listed name the claim's paragraph names. */
  paragraphListed: () => ReadonlySet<string>;
}

/** How strongly the fact's measure words stand by the figure. */
export type MeasureStrength = 'slot' | 'clause';

export interface Evidence {
  profile: FactProfile;
  measure?: MeasureStrength;
  /** The fact's measure concepts found near the figure. */
  measureWords: string[];
  /** Some of them say what the measure is of, beyond what happened ("truce" in "the truce expires", not "ends" alone). */
  about?: boolean;
  /** The only measure word found is the counted noun itself ("two states", "5 million borrowers"): which ones is still open. */
  nounOnly?: boolean;
  /** The party the figure belongs to; `telling` when few facts involve it, so it tells this fact from others. */
  /**
   * Whose figure it is. `broad`: the figure's party is only on the same side as the fact's, not the fact's own: the
   * fact names no holder and the figure's acts for a party it lists (the Commerce Department for the United States),
   * or the fact's holder acts for the figure's (Biden's figure, "the U.S."): true, but true of most facts.
   */
  holder?: { entity: string; role: Role | 'both-sides'; telling: boolean; broad?: boolean; recurring?: boolean };
  target?: string;
  /** Whether the target is one few facts involve. */
  targetTelling?: boolean;
  place?: string;
  /** Whether another fact still in the running, of another topic, is of that place too: the place fits, but tells neither apart. */
  placeShared?: boolean;
  /** A name few facts involve, named in the figure's clause ("Phase One", "Musk", "Stockholm"). */
  marker?: string;
  /** What kind of name the marker is. */
  markerKind?: EntityKind;
  /** Whether another fact still in the running, of another topic, names the marker too: it fits, but tells neither apart. */
  markerShared?: boolean;
  /** The other side of the figure's tally is the very count of the other side of the fact's vote ("passed 69-30"): the same vote. */
  tallyPinned?: boolean;
  /** The draft's clause says nearly what the fact's quote says around its figure: it restates the source. */
  restates?: boolean;
  /** It restates it in words of the fact's own point on its timeline, that no other point's quote has (see `FactProfile.pointWords`). */
  restatesPoint?: boolean;
  /** A time near the figure that agrees with one of the fact's. */
  time?: PartialDate;
  /**
   * Whether that time is stated by the sentence, only the year its text has set (or "this week"), or a time the
   * figure is counted from or compared with ("since August", "above 2017 levels").
   */
  timeFrom?: 'stated' | 'implied' | 'baseline';
  /** Events the figure's clause shares with a dated fact. */
  events: string[];
  /** Measure words of the fact that no other fact of its kind has. */
  distinctive: string[];
  /** All of them name a thing made again and again ("package", "bill") or what happened ("began"): they pin no conflict. */
  distinctiveRecurs?: boolean;
  /** The rule that ruled the fact out, and why. */
  rejected?: { rule: string; reason: string };
  /** Ranking score: higher is better, for admitted facts. */
  score: number;
}

/** A named rule: one idea about what makes a figure about a fact, with its own tests. */
export interface Rule {
  name: string;
  description: string;
  /** A reason to rule the fact out, or undefined; may record what it found on `e`. */
  check(c: ClaimView, e: Evidence, scope: RuleScope): string | undefined;
}

export function newEvidence(profile: FactProfile): Evidence {
  // Every field from the start, so all evidence shares one shape: the rules then read and set it at one offset each,
  // and V8 keeps their compiled code (fields added rule by rule gave each fact's evidence a shape of its own).
  return {
    profile,
    measure: undefined,
    measureWords: [],
    about: undefined,
    nounOnly: undefined,
    holder: undefined,
    target: undefined,
    targetTelling: undefined,
    place: undefined,
    placeShared: undefined,
    marker: undefined,
    markerKind: undefined,
    markerShared: undefined,
    tallyPinned: undefined,
    restates: undefined,
    restatesPoint: undefined,
    time: undefined,
    timeFrom: undefined,
    events: [],
    distinctive: [],
    distinctiveRecurs: undefined,
    rejected: undefined,
    score: 0,
  };
}

/** What tied a figure to a fact, with names spelled out: for hovers, messages and JSON output. */
export interface EvidenceSummary {
  /** The fact's measure words found, and whether one stood at the figure itself. */
  measure: string[];
  atFigure: boolean;
  holder?: string;
  target?: string;
  place?: string;
  /** A name few facts involve, named near the figure. */
  name?: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD, or a month or day without its year in words ("March"); `timeImplied` when only the year the text is set in. */
  time?: string;
  timeImplied?: boolean;
  event: string[];
  /** The draft's clause says nearly what the source's sentence says. */
  restates: boolean;
}

/** The time as YYYY, YYYY-MM or YYYY-MM-DD; a month or day without its year as words ("January"), not as a bare number. */
function timeText(d: PartialDate): string {
  if (d.year === undefined) return formatDate(d);
  return [d.year, d.month, d.day]
    .filter((v) => v !== undefined)
    .map((v, k) => (k ? String(v).padStart(2, '0') : String(v)))
    .join('-');
}

/**
 * The evidence with entity names spelled out, and measure and event words as the draft wrote them
 * when `c` is given ("fell short" rather than the concept ids it was matched by).
 */
export function summarize(e: Evidence, g: Gazetteer, c?: ClaimView): EvidenceSummary {
  const name = (id: string) => g.entities.get(id)?.name ?? id.replace(/^name:/, '');
  const written = (concepts: string[]) => {
    if (!c) return concepts;
    const words = [...c.frame.slot, ...c.frame.clause, ...c.frame.antecedent];
    return [...new Set(concepts.map((k) => words.filter((w) => w.concept === k).map((w) => c.x.tokens[w.token].text)[0] ?? k))];
  };
  const out: EvidenceSummary = { measure: written(e.measureWords), atFigure: e.measure === 'slot', event: written(e.events), restates: !!e.restates };
  if (e.holder) out.holder = e.holder.role === 'both-sides' ? 'both sides' : name(e.holder.entity);
  if (e.target) out.target = name(e.target);
  if (e.place) out.place = name(e.place);
  if (e.marker) out.name = name(e.marker);
  if (e.time) {
    out.time = timeText(e.time);
    if (e.timeFrom === 'implied') out.timeImplied = true;
  }
  return out;
}

/**
 * Whether the figure is pinned to the fact by more than its measure: a holder, target, place, time or event (with a
 * word of what the event is of: "ends on September 30" alone fits any ending), or a measure word only this fact has.
 * For a conflict (`against`), a holder, or a word only this fact has, that tells it apart only as one of things made
 * again and again (packages, bills) does not: the figure may be another of them.
 */
export function discriminated(e: Evidence, against = false): boolean {
  return telling(e, against).length > 0;
}

/**
 * What tells the fact from its neighbours, beyond its measure: each of the holder, target, place, marker, restated
 * source, pinned tally, time, event and distinctive measure word that does. `against`: for a conflict, where a party or
 * a name every instance of a recurring thing shares tells none apart.
 */
export function telling(e: Evidence, against = false): string[] {
  // The year a text is set in fits every fact of that year: it tells none apart.
  const time = e.time !== undefined && e.timeFrom !== 'implied';
  // A party most facts involve (the two countries of a trade fact base, the law of an infrastructure one) tells none apart.
  // Nor, for a count named only by its noun, does whose count it is or when: "5 million borrowers" of the same
  // administration may be those fully forgiven or those helped at all.
  const pinsCount = !e.nounOnly;
  // One of many packages: its party and programme are every one's.
  const instance = against && e.profile.instance;
  const found: string[] = [];
  if (pinsCount && !!e.holder?.telling && !(against && e.holder.recurring) && !instance) found.push('holder');
  if (e.targetTelling) found.push('target');
  if (e.place !== undefined && !e.placeShared) found.push('place');
  // A party or a programme has many of them; a name of this one's own ("Patriot") still pins it.
  if (e.marker !== undefined && !e.markerShared && !(instance && e.markerKind !== undefined && (PARTY_KINDS.has(e.markerKind) || e.markerKind === 'programme')))
    found.push('marker');
  if (e.restates) found.push('restates');
  if (e.tallyPinned) found.push('tally');
  if (pinsCount && time) found.push('time');
  if (e.events.length > 0 && e.about === true) found.push('event');
  if (e.distinctive.length > 0 && !(against && e.distinctiveRecurs)) found.push('distinctive');
  return found;
}

/** The ranking score: measure first, then what tells the fact from its neighbours. */
export function scoreOf(e: Evidence): number {
  let s = e.measure === 'slot' ? 30 : e.measure === 'clause' ? 20 : 0;
  s += Math.min(3, e.measureWords.length) * 4;
  if (e.holder) s += (e.holder.role === 'inherited' || e.holder.role === 'sentence' ? 5 : 10) + (e.holder.telling ? 4 : 0);
  if (e.target) s += e.targetTelling ? 8 : 4;
  if (e.place) s += 8;
  if (e.marker) s += 6;
  if (e.restates) s += 8;
  if (e.time) s += e.timeFrom === 'implied' ? 2 : 6;
  s += Math.min(2, e.events.length) * 8;
  if (e.distinctive.length) s += 3;
  return s;
}
