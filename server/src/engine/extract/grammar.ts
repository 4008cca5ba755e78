/**
 * English function words that tell how a figure stands in its clause: hedged as a possibility,
 * an earlier level, a change, an addition, a different thing. This is the language, not any
 * topic: names and measure words live in data (`knowledge/`).
 */

const set = (words: string) => new Set(words.split(/\s+/).filter(Boolean));

/** A figure after these in its clause is a possibility, not a fact: "would rise to 50%", "if tariffs hit 60%". */
export const HYPOTHETICAL = set('would could might if unless should wouldn’t couldn’t likely probably possibly perhaps');

/** After a verb of saying, "would" and "will" report a plan or a forecast ("said he would meet"), not a possibility. */
export const REPORTED_FUTURE = set('would will');

/**
 * Texts whose terms a sentence states: "the bill would cap the deduction at $10,000" tells what the bill says, not
 * what might happen.
 */
export const DOCUMENTS = set('bill bills law legislation act measure package deal agreement plan version provision provisions');

/**
 * Verbs that report what a study or an estimate found: "finding it would reduce deficits by $238 billion". Only forms
 * that are not also nouns ("projects", "estimates" are things).
 */
export const FINDING = set('found finding estimated estimating projected projecting concluded concluding predicted predicting scored');

/**
 * Verbs that, before "that", report what someone found or showed: their subject is the finder, not who holds the figure
 * ("The National Audit Office found that £4.7bn had been spent"). Without "that" they may take the figure itself.
 */
export const SHOWING_THAT = set(
  'found finds concluded concludes showed shows shown revealed reveals confirmed confirms disclosed discloses acknowledged acknowledges admitted admits suggested suggests agreed agrees ruled rules held holds decided decides',
);

/** How many words may stand between a verb of saying and its "that": whom it was told ("told the committee that"). */
const TOLD_REACH = 4;

/**
 * For a verb of saying or finding at token i, the token of the "that" that opens what was said: right after it, or past
 * whom it was told ("told MPs that"). Not for a noun of the same form after a determiner or preposition ("the states
 * that", "under rules that"), nor "according".
 */
export function thatAfterSaying(tokens: readonly { type: string; lower: string }[], i: number): number | undefined {
  const w = tokens[i];
  if (w?.type !== 'word' || w.lower === 'according' || !(REPORTING.has(w.lower) || SHOWING_THAT.has(w.lower))) return undefined;
  const before = tokens[i - 1];
  if (before?.type === 'word' && (DETERMINERS.has(before.lower) || ALL_PREPOSITIONS.has(before.lower) || QUANTIFIERS.has(before.lower))) return undefined;
  for (let j = i + 1; j <= i + TOLD_REACH && tokens[j]?.type === 'word'; j++) {
    if (tokens[j].lower === 'that') return j;
    // Only a verb of saying takes whom it was told; one of finding takes "that" at once ("ruled last year that" may rule
    // on something of that year's).
    if (!REPORTING.has(w.lower)) return undefined;
  }
  return undefined;
}

/** Words before a plural that make it a noun: "most states", "many reports". */
const QUANTIFIERS = set('most many several few both');

/** Verbs that announce a decision: "announced (that) the state would provide" reports what was announced. */
export const ANNOUNCING = set('announced announcing');

/**
 * Words that make a figure an intention, threat or proposal rather than a fact:
 * "threatened 60% tariffs", "plans to invest $20 billion", "proposed a 25% levy".
 */
export const INTENT = set(
  'threaten threatened threatens threatening threat threats propose proposed proposes proposing proposal plan plans planned planning seek seeks sought seeking consider considers considered considering weigh weighs weighing want wants wanted hope hopes hoped aim aims aimed float floated floats suggest suggested suggests demand demanded demands urge urged urges mull mulls mulled eye eyes eyed envision envisions envisioned intend intends intended contemplate contemplated contemplates potential possible',
);

/** Words that make a sum or count a running total: "a cumulative 500,000 claims". */
export const RUNNING = set('cumulative cumulatively year-to-date');

/** Past participles not ending in -ed that a running total uses ("has paid out"). */
export const PARTICIPLES = set('paid sent spent given seen done made won taken grown risen drawn built held met');

/** Before "to", they put what follows still to come: "set to expire", "due to restart", "scheduled to take effect". */
export const SCHEDULED = set('set due scheduled slated poised');

/** Verbs of saying: their subject is a speaker, not who holds the figure ("Bessent said the U.S. would ..."). */
export const REPORTING = set(
  'said says say saying told tells tell according added adds noted notes stated states wrote writes argued argues claimed claims reported reports insisted explained warned',
);

/** Marks a figure as an earlier level: "down from 145%", "had been 20%", "previously 10%". */
export const PRIOR_BEFORE = set('previously formerly originally initially once earlier prior');
/** After a figure, a preposition, a determiner and one of `PRIOR_OF` make it an earlier one's: "$90 million in the earlier deal". */
export const PRIOR_AFTER_PREPOSITIONS = set('in under of');
export const PRIOR_OF = set('earlier previous prior');
export const PRIOR_PAIRS: ReadonlySet<string> = set('down_from up_from compared_with compared_to had_been');

/** Nouns after a figure that make it a change: "a 20 percent increase", "a $50 billion cut". */
export const CHANGE_NOUNS = set(
  'increase increases rise rises hike hikes jump jumps gain gains drop drops decline declines fall falls cut cuts reduction reductions decrease decreases boost boosts surge surges climb climbs slide plunge plunges',
);

/** Words before "by" that make the figure the size of a change: "rose by 10 percent". */
export const CHANGE_VERBS = set(
  'rose risen rise rises raise raised raises increased increase increases fell fallen fall falls cut cuts decreased decrease decreases lowered lower reduced reduce boosted boost dropped drop declined decline grew grow climbed jumped slipped shrank expanded widened narrowed trim trims trimmed slash slashes slashed shave shaves shaved',
);

/** Verbs that move a figure without "by": "shares lost 22%", "the index gained 3%", "stocks plunged 30%". */
export const MOVE_VERBS = set('lost gained shed plunged slumped tumbled sank soared surged slid');

/**
 * Auxiliaries that make a finite verb of what follows ("will begin", "have applied"), and that, right after a comma,
 * carry on a sentence whose subject came before the comma.
 */
export const FINITE_AUXILIARIES = set('has have had is are was were will would');

/** Parts of a year, as a company reports by them: "the first quarter", "Q1". When a sum was counted, not what it is. */
export const QUARTER_WORDS = set('quarter q1 q2 q3 q4');

/** Adverbs of time that stand between a verb and its date ("approved back in June", "a month ago on Aug. 8"). */
export const TIME_ADVERBS = set('ago back later earlier again then once already');

/** Of `TIME_ADVERBS`, those that follow a length of time ("a month ago", "three sessions later"): what stands before them is how long, no thing. */
export const AFTER_A_LENGTH = set('ago later earlier');

/** Words of a clock time before its date ("at 4:09 AM UTC on July 19"). */
export const CLOCK_WORDS = set('am pm utc gmt et est edt ct cst cdt pt pst pdt');

/**
 * Prepositions that are no stopwords, so the content words keep them ("a wall along the border"): they name no thing a
 * figure is for.
 */
export const CONTENT_PREPOSITIONS = set(
  'through throughout along alongside beyond aboard onboard below above behind beneath underneath opposite atop outside inside despite toward towards across around near',
);

/** Days and months: when a figure held, never what it measures ("the last 10 days of December"). Not "march" or "may", also other words. */
export const CALENDAR_WORDS = set(
  'monday tuesday wednesday thursday friday saturday sunday january february april june july august september october november december',
);

/**
 * Adverbs of degree: "severely damaged", "critically injured", "fully forgiven" count only some of what was damaged, injured
 * or forgiven. Not "completely" or "totally": "completely destroyed" is destroyed.
 */
export const DEGREE = set('severely seriously critically badly heavily gravely moderately slightly lightly partially partly fully');

/** A figure marked as on top of another: "an additional $200 billion", "$50 billion more". */
export const ADDITIONAL = set('additional extra incremental added');

/** A figure marked as a sum of parts: "$500 billion in total purchases", "a combined $80 billion". */
export const TOTAL = set('total combined overall cumulative aggregate altogether entire whole');

/** The increment a word marks on a figure: an amount on top ("additional", "extra") or a sum ("total", "overall"). */
export function incrementOf(word: string): 'additional' | 'total' | undefined {
  return ADDITIONAL.has(word) ? 'additional' : TOTAL.has(word) ? 'total' : undefined;
}

/** The writer says this is not the figure we know: "a separate pledge", "another $50 billion". */
export const DISTINCT = set('separate another different unrelated distinct other further second third');

/** After a figure: it is the gap between two amounts ("$100 billion short of", "$50 billion more than"); '' when the word alone says so. */
export const GAP_AFTER = new Map<string, string>([
  ['short', 'of'],
  ['shy', 'of'],
  ['less', 'than'],
  ['fewer', 'than'],
  ['lower', 'than'],
  ['below', ''],
  ['shortfall', ''],
]);

/** After a figure: it is an amount over a reference, which an "additional" amount states too ("$200 billion above 2017 levels", "$50 billion more than"). */
export const EXCESS_AFTER = new Map<string, string>([
  ['more', 'than'],
  ['higher', 'than'],
  ['above', ''],
  ['over', ''],
]);

/** Prepositions whose object is what a measure falls on: "tariffs on Chinese goods", "goods from China". */
export const TARGET_PREPOSITIONS = set('on against from into onto toward towards');
/** Prepositions whose object is where: "talks in Geneva", "a plant in Ohio". */
export const PLACE_PREPOSITIONS = set('in at near outside inside across throughout');
/** Prepositions whose object receives: "$8.5 billion for Intel", "grants to Samsung". */
export const RECIPIENT_PREPOSITIONS = set('for to');
/** Prepositions that compare: the name after them is not the figure's ("more than Samsung got"). */
export const COMPARISON = set('than like unlike versus vs vs. compared including excluding besides among between');

/** Between a measure's noun and its figure: "tariffs of 30%", "the rate was 30%", "purchases worth $200 billion". */
export const LINKERS = set(
  'of at to from is are was were be been being reach reached reaches hit hits stood stands stand total totaled totalled totaling totalling worth valued amount amounted amounting top topped exceed exceeded equal equaled set',
);

/** Words before a noun phrase that add nothing to what it names. */
export const DETERMINERS = set('a an the its their his her our this that these those some any each every all no such');

/** Clause openers after a comma: "..., and the truce expires in August". */
export const CLAUSE_OPENERS = set('and while but whereas then as with although though yet which who where when because after before since so');

/** Relative pronouns: a clause they open is about the name before it ("China, which pledged $200 billion"). */
export const RELATIVES = set('which who whom whose that');

/** Pronouns that point back at a party named before: "its MI308 chips", "it will also get". */
export const BACK_PRONOUNS = set('it its they their them he his she her');
/**
 * Nouns that, after "the", point back at a party named before ("the company", "the country"), each with the kinds of
 * party it can stand for: "the agency" is not the company named last.
 */
export const BACK_NOUN_KINDS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries({
    company: 'company',
    firm: 'company',
    chipmaker: 'company',
    automaker: 'company',
    carmaker: 'company',
    manufacturer: 'company',
    maker: 'company',
    bank: 'company org',
    country: 'country',
    nation: 'country',
    state: 'state country',
    government: 'country state city agency',
    agency: 'agency org',
    administration: 'agency person country',
    group: 'company org',
    city: 'city',
  }).map(([noun, kinds]) => [noun, set(kinds)]),
);

/** "the two sides", "both countries": the parties the paragraph named. */
export const BOTH_SIDES = set('sides countries nations governments parties economies powers');

/**
 * Light words: they say nothing about what a figure measures ("new", "said", "also"), so they
 * neither tie a figure to a fact nor set it apart.
 */
export const LIGHT = set(
  'new said say says also just now still already even set though although however worth steep high higher hefty heavy sharp sharply huge massive big bigger small smaller low lower current existing latest initial sweeping significant significantly substantial year years month months week weeks day days percent percentage point points billion million trillion thousand dollar dollars cent per total amount figure number sum estimate estimated nearly roughly about around approximately almost including include includes included part well far much many major key big large small last next first recent recently current currently time times today yesterday week according told put make made get got give gave take took come came go went expect expected',
);

/** Verbs that tell a date without being its event: "announced the date of the election on May 22". */
export const DATE_TELLING: ReadonlySet<string> = new Set([
  'announced',
  'announces',
  'announce',
  'revealed',
  'reveals',
  'confirmed',
  'confirms',
  'disclosed',
  'discloses',
  'unveiled',
  'unveils',
  'published',
  'publishes',
]);

/** Nouns of places of a kind, in the plural: "in these areas", "across many counties" holds a figure to some of them. */
export const PLACE_NOUNS: ReadonlySet<string> = new Set([
  'areas',
  'regions',
  'constituencies',
  'counties',
  'districts',
  'states',
  'provinces',
  'cities',
  'towns',
  'wards',
  'boroughs',
  'parishes',
  'municipalities',
  'neighbourhoods',
  'neighborhoods',
  'communities',
]);

/** Prepositions that hold what follows to where it happened: "in", "across", "among", "throughout". */
export const PLACE_OPENERS: ReadonlySet<string> = new Set(['in', 'across', 'among', 'throughout']);

/** Words that pick some of a kind, not all: "these", "some", "many". */
export const SOME_OF: ReadonlySet<string> = new Set(['these', 'those', 'some', 'many', 'several', 'most', 'certain', 'such', 'other']);

/** Participles that work as prepositions or conjunctions: a phrase they open is of nobody ("Including $5 billion for rail, ..."). */
export const PREPOSITIONAL_PARTICIPLES: ReadonlySet<string> = new Set([
  'according',
  'including',
  'excluding',
  'regarding',
  'concerning',
  'considering',
  'beginning',
  'starting',
  'pending',
  'barring',
  'assuming',
  'providing',
  'provided',
  'compared',
  'based',
  'adjusted',
  'combined',
]);

/** Every preposition the engine knows: what a name or a date after one is depends on it. */
export const ALL_PREPOSITIONS: ReadonlySet<string> = new Set([
  ...TARGET_PREPOSITIONS,
  ...PLACE_PREPOSITIONS,
  ...RECIPIENT_PREPOSITIONS,
  ...COMPARISON,
  'of',
  'with',
  'by',
  'over',
  'under',
  'about',
  'without',
  'within',
  'per',
  'via',
  'amid',
  'despite',
  'during',
  'after',
  'before',
  'since',
  'until',
  'following',
]);

/**
 * Words that say which of a series a thing is, by its place: "the initial phase", "the second distribution", "the final
 * report". Each maps to its place; words for the same place share one ("initial" and "preliminary" open a series).
 */
export const SEQUENCE: ReadonlyMap<string, string> = new Map([
  // Not "first": "first responders", "the first lady", "for the first time" are no places in a series.
  ['initial', 'first'],
  ['original', 'first'],
  ['preliminary', 'first'],
  ['second', 'second'],
  ['third', 'third'],
  ['fourth', 'fourth'],
  ['fifth', 'fifth'],
  ['final', 'final'],
]);

/** Words after which a place in a series is a time, not which thing: "the second quarter", "for the second straight month". */
export const SEQUENCE_TIMES = set('time times quarter quarters half day days week weeks month months year years term straight consecutive successive running');

/** Verbs of what a whole is made of: "a train comprising 150 cars" counts the train's cars, not what befell them. */
export const COMPOSITION = set('comprising comprised consisting composed');

/** What marks an hour: "10 a.m.", "5 PM". */
export const CLOCK = set('a.m. p.m. am pm a.m p.m');

/** Words that open a line giving the page's own date: "Posted Dec 17, 2019", "Published on: April 16, 2024". */
export const PAGE_DATE_MARKS = ['published', 'posted', 'updated', 'last updated'];

/**
 * Words that open a subordinate clause: a verb before one is not the verb of a figure after it. Not "since", "after",
 * "before" or "until", as often prepositions ("has sent $24.9 billion since 2022"); "as" only before a clause's subject
 * (see `AS_NOT_CLAUSE`).
 */
export const SUBORDINATORS = set('as while because whereas although though unless whether');
/** After "as", words that make it no clause's opener: "as much as", "as part of", "as a result". */
export const AS_NOT_CLAUSE = set('much many well part of a an the high low little few long soon far such if though usual expected planned');

/** Between two figures, words that start the second one's own predicate: "hit 30% before jumping to 43%". */
export const PREDICATE_LINKS = set('before after then while');

/**
 * Nouns that name a running tally of things ("the death toll"): a bare number the tally rose or stood at counts what its
 * modifier names ("death toll rose to 44,218": deaths).
 */
export const TOLL_NOUNS = set('toll tally');

/** What links a tally to its number: "rose to", "stood at", "reached", "was", "topped". */
export const TOLL_LINKS = set('to at reached hit is was of topped passed surpassed exceeded');

/** What a toll of lives counts: "death toll", "casualty toll". */
export const TOLL_OF = set('death casualty injury fatality');

/** Verbs right after a toll: "the death toll rose to", "stood at", "reached". */
export const TOLL_VERBS = set('rose rises rise climbed climbs jumped stood stands reached reaches hit topped passed surpassed exceeded now');

/** Common irregular verbs in the past, for telling a verb from a noun where no "-ed" does. */
export const IRREGULAR_PAST = set(
  'began begun rose risen fell fallen came went took taken made struck hit met grew grown spent paid held led left won lost sent told said saw gave given found built brought broke broken ran set put sold bought kept became',
);
