/**
 * excluded: a name the clause says its things are not ("tariffs on non-Chinese imports",
 * "non-Pell recipients") cannot be the fact's party or target: the figure is about everyone else.
 */
import { sameParty } from '../../knowledge/gazetteer';
import type { Rule } from '../evidence';
import { name } from './holder';

export const excluded: Rule = {
  name: 'excluded',
  description: 'A name the clause excludes with "non-" ("non-Chinese imports") is none of the fact\'s parties or targets.',
  check({ frame }, e, { knowledge }) {
    if (!frame.excluded.length) return undefined;
    const g = knowledge.gazetteer;
    const p = e.profile;
    const own = [...p.holders, ...p.targets, ...p.listed];
    const hit = frame.excluded.find((n) => own.some((s) => sameParty(g, n, s)));
    return hit === undefined ? undefined : `the clause speaks of things other than ${name(g, hit)}'s; the fact is about ${name(g, hit)}`;
  },
};
