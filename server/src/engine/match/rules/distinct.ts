/** distinct: "a separate pledge of $50 billion", "another $50 billion": the writer says it is not the figure we know. */
import type { Rule } from '../evidence';

export const distinct: Rule = {
  name: 'distinct',
  description: 'A figure the writer sets apart ("separate", "another", "further") is not the fact.',
  check({ frame }, e) {
    return frame.distinct && !e.profile.distinct ? 'the writer sets this figure apart from another' : undefined;
  },
};
