/** distinct: "a separate pledge of $50 billion", "another $50 billion": the writer says it is not the figure we know. */
import type { Rule } from '../evidence';

export const distinct: Rule = {
  name: 'distinct',
  description:
    'A figure the writer sets apart ("separate", "another", "further") is not the fact, unless the fact\'s quote sets it apart too, or its keywords with the same word ("a further £3.5bn" against the keyword "further equity").',
  check({ frame }, e) {
    const word = frame.distinct;
    if (word === undefined || e.profile.distinct || e.profile.distinctWords.has(word)) return undefined;
    return 'the writer sets this figure apart from another';
  },
};
