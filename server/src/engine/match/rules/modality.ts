/**
 * modality: a figure put as a possibility ("would rise to 50%", "if tariffs hit 60%") or an
 * intention ("threatened", "proposed", "plans to") is not a statement of fact, and is compared
 * only with a fact put the same way.
 */
import type { Rule } from '../evidence';

export const modality: Rule = {
  name: 'modality',
  description: 'A figure put as an intention or a possibility ("threatened", "would") is compared only with a fact put the same way.',
  check({ x, claim, frame }, e) {
    const want = e.profile.modality;
    // A draft may state as fact what the source only floated; it may not float what the source states.
    if (frame.modality === 'fact' || want !== 'fact') return undefined;
    // A date of something planned, demanded or scheduled is still the date it is set for.
    if (claim.kind === 'date' && frame.modality === 'intent') return undefined;
    const word =
      frame.modalToken !== undefined
        ? `"${x.tokens[frame.modalToken].text}" makes it ${frame.modality === 'intent' ? 'an intention' : 'a possibility'}`
        : 'it is stated as a fact';
    return `${word}; the fact is ${want === 'fact' ? 'a statement of fact' : want === 'intent' ? 'an intention' : 'a possibility'}`;
  },
};
