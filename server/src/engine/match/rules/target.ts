/**
 * target: what the measure falls on. "A 15% duty on American coal" is not a tariff on Chinese
 * imports: the side named after "on", "against" or "from", or before "goods" and "imports",
 * must be the fact's target, and what is named there ("coal") must not narrow the fact's.
 */
import { classOf } from '../../knowledge/terms';
import { sameParty } from '../../knowledge/gazetteer';
import type { Rule } from '../evidence';

const GENERIC_GOODS = new Set(['goods']);
import { name } from './holder';

export const target: Rule = {
  name: 'target',
  description: 'What the measure falls on (after "on", "against", "from", or before "goods") is the fact\'s target, and no narrower.',
  check({ frame }, e, { knowledge }) {
    const g = knowledge.gazetteer;
    const p = e.profile;
    for (const q of frame.participants) {
      if (q.role !== 'target') continue;
      const hit = [...p.targets].find((t) => sameParty(g, q.entity, t));
      if (hit !== undefined) {
        if (e.target === undefined) {
          e.target = q.entity;
          e.targetTelling = p.markers.has(hit);
        }
        continue;
      }
      // Elsewhere in the clause ("tariffs on Chinese goods" beside "China's $200 billion pledge"), a target may be another measure's.
      if (!q.near) continue;
      if ([...p.holders].some((h) => sameParty(g, q.entity, h))) return `the measure falls on ${name(g, q.entity)}, the side that holds the fact's`;
      if ([...p.listed].some((h) => sameParty(g, q.entity, h)) && !p.targets.size) {
        e.target ??= q.entity;
        continue;
      }
      if (p.targets.size || p.holders.size || p.listed.size)
        return `the measure falls on ${name(g, q.entity)}; the fact's on ${[...p.targets, ...p.listed].map((t) => name(g, t)).join(', ') || 'something else'}`;
    }
    // "on American coal", "on crude oil" against "on all Chinese imports": a good narrower than the fact's,
    // whose own target is goods in general.
    const generic =
      p.targetWords.size > 0 && [...p.targetWords].every((c) => GENERIC_GOODS.has(classOf(knowledge.terms, c) ?? '') || c === 'import' || c === 'export');
    if (generic) {
      for (const w of frame.targetWords) {
        const c = w.concept;
        const cls = classOf(knowledge.terms, c);
        if (cls === 'goods' || cls === 'event' || c === 'import' || c === 'export' || p.targetWords.has(c) || p.measure.has(c) || p.context.has(c)) continue;
        return `the measure falls on "${c}", narrower than the fact's ${[...p.targetWords].join(', ')}`;
      }
    }
    return undefined;
  },
};
