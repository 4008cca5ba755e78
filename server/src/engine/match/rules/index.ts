/**
 * The rules, in the order they run: cheap tests of the figure first, then who, where, when and
 * what happened. The first to rule a fact out stops the rest.
 */
import type { Rule } from '../evidence';
import { aspect } from './aspect';
import { distinct } from './distinct';
import { event } from './event';
import { excluded } from './excluded';
import { holder } from './holder';
import { identity } from './identity';
import { kindred } from './kindred';
import { magnitude } from './magnitude';
import { measure } from './measure';
import { modality } from './modality';
import { neighbour } from './neighbour';
import { owned } from './owned';
import { place } from './place';
import { programme } from './programme';
import { scope } from './scope';
import { sequence } from './sequence';
import { several } from './several';
import { sibling } from './sibling';
import { tally } from './tally';
import { target } from './target';
import { time } from './time';

export const RULES: readonly Rule[] = [
  measure,
  tally,
  magnitude,
  modality,
  aspect,
  distinct,
  holder,
  excluded,
  programme,
  target,
  place,
  time,
  event,
  sequence,
  scope,
  owned,
  neighbour,
  sibling,
  several,
  kindred,
  identity,
];
