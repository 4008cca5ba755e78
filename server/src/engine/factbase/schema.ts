/**
 * The fact base format, and the gazetteer and terms formats it shares, written once: the JSON
 * schemas (for validation, and for editors through `data/*.schema.json`, which `npm run schema`
 * writes from here) and the TypeScript types (`Static<...>`) both come from these definitions.
 */
import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { QUALIFIERS, QUANTITY_KINDS } from '../quantity';

/** A string from a fixed list, as JSON Schema's `enum` (one keyword, one clear message). */
function StringEnum<T extends string[]>(values: [...T], options: { description?: string } = {}) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: values, ...options });
}

const Id = Type.String({ pattern: '^[a-z0-9][a-z0-9._-]*$', description: "Lower-case letters, digits, '.', '_' and '-'." });
const IsoDate = Type.String({ pattern: '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?$', description: 'YYYY, YYYY-MM or YYYY-MM-DD.' });
const Words = (description: string) => Type.Array(Type.String({ minLength: 1 }), { description });

/** What kind of thing a name names; it decides how a mention is read (a city is where things happen, a person acts for their country). */
export const ENTITY_KINDS = ['country', 'state', 'region', 'city', 'place', 'org', 'agency', 'company', 'programme', 'person', 'name'] as const;

export const EntityEntrySchema = Type.Object(
  {
    id: Type.Optional(Id),
    name: Type.String({ minLength: 1, description: 'The name as usually written, e.g. "GlobalFoundries", "Ohio".' }),
    kind: StringEnum([...ENTITY_KINDS], {
      description:
        'country, state (a U.S. state or similar), region, city, place, org (an organisation: an international body, a union, a trade or industry association), agency (a government body), company, programme, person, or name.',
    }),
    aliases: Type.Optional(
      Words('Other ways writers name it: "GF", "U.S.", "Chinese". Written in capitals, an alias matches only as written ("US", not "us").'),
    ),
    of: Type.Optional(
      Type.String({
        minLength: 1,
        description: "The entity this one acts for or lies in: a capital's country, an agency's government, a chief executive's company, a state's country.",
      }),
    ),
  },
  { additionalProperties: false },
);

export const TermEntrySchema = Type.Object(
  {
    id: Type.Optional(Type.String({ minLength: 1, description: 'A built-in concept to add words to ("tariff", "grant"), or a new one.' })),
    class: Type.Optional(
      StringEnum(['measure', 'event', 'goods', 'unit', 'statistic'], {
        description:
          'measure: what a figure measures; event: what happens on a date; goods: what a measure falls on; unit: a word that only says a figure is a rate or a value; statistic: a word that makes a figure a summary of many ("average", "median"), another measure than any one of them.',
      }),
    ),
    per: Type.Optional(
      StringEnum(['year', 'month', 'week', 'day'], {
        description: 'A measure that is a rate per this period by its nature ("income" is yearly): stated with or without "a year", it is the same figure.',
      }),
    ),
    recurs: Type.Optional(
      Type.Boolean({
        description:
          'A thing made or done again and again (a package, a bill, a round): naming it, and whom it is for, does not say which one; a figure needs more to be pinned to one fact about it.',
      }),
    ),
    actsOnDocument: Type.Optional(
      Type.Boolean({
        description:
          'An event a body performs on a document (passing, signing): who does it does not hold the sums the document names ("the Senate passed the $1.9 trillion bill" is not the Senate\'s $1.9 trillion).',
      }),
    ),
    words: Words(
      'Words and phrases that name the same measure or event; any form ("impose" finds "imposed"). A phrase of one word and small words ("run out") counts only with those words.',
    ),
  },
  { additionalProperties: false },
);

export const SourceSchema = Type.Object(
  {
    id: Id,
    title: Type.Optional(Type.String({ minLength: 1, description: "The source's own title. Leave it out rather than invent one." })),
    description: Type.Optional(Type.String({ minLength: 1, description: 'What the source is, when it has no known title.' })),
    publisher: Type.Optional(Type.String({ minLength: 1 })),
    published: Type.Optional({ ...IsoDate, description: 'Publication date, when the source carries one.' }),
    dateNote: Type.Optional(Type.String({ description: 'How the date was established, e.g. when the source is undated.' })),
    url: Type.Optional(Type.String({ format: 'uri' })),
    file: Type.Optional(Type.String({ minLength: 1, description: 'Path of a local copy, relative to this fact base. Must stay inside the workspace.' })),
  },
  { additionalProperties: false, anyOf: [{ required: ['title'] }, { required: ['description'] }] },
);

export const ValueSchema = Type.Object(
  {
    kind: StringEnum([...QUANTITY_KINDS]),
    amount: Type.Optional(Type.Number({ description: 'A single figure, in base units (dollars, percent, items, years).' })),
    min: Type.Optional(Type.Number({ description: 'Lower end of a range.' })),
    max: Type.Optional(Type.Number({ description: 'Upper end of a range.' })),
    qualifier: Type.Optional(StringEnum([...QUALIFIERS], { description: '"up to" is at-most, "more than" more-than, "about" about.' })),
    unit: Type.Optional(
      Type.String({ minLength: 1, description: 'Money: currency code (USD). Duration: day, week, month, year or decade. Percent: % or pp.' }),
    ),
    nouns: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { minItems: 1, description: 'Count: nouns the figure counts (people, jobs).' })),
    ago: Type.Optional(Type.Boolean({ description: 'Duration: measured back from asOf ("20 years ago").' })),
    year: Type.Optional(Type.Integer({ minimum: 1000, maximum: 3000 })),
    month: Type.Optional(Type.Integer({ minimum: 1, maximum: 12 })),
    day: Type.Optional(Type.Integer({ minimum: 1, maximum: 31 })),
  },
  {
    additionalProperties: false,
    allOf: [
      { if: { properties: { kind: { const: 'date' } } }, then: { anyOf: [{ required: ['month'] }, { required: ['year'] }] } },
      { if: { properties: { kind: { const: 'year' } } }, then: { required: ['amount'] } },
      { if: { properties: { kind: { const: 'count' } } }, then: { required: ['nouns'] } },
      { if: { properties: { kind: { const: 'duration' } } }, then: { required: ['unit'] } },
      {
        if: { properties: { kind: { enum: ['money', 'percent', 'count', 'duration'] } } },
        then: { anyOf: [{ required: ['amount'] }, { required: ['min', 'max'] }] },
      },
    ],
  },
);

/** What the figure measures, who holds it, what it applies to: read from the quote, and given here only to correct that reading. */
export const FrameSchema = Type.Object(
  {
    measure: Type.Optional(Words('Words naming what the figure measures: "grant", "purchase commitment".')),
    holder: Type.Optional(Words('Who holds, pays, imposes or receives it: "Intel", "United States".')),
    target: Type.Optional(Words('What or whom it applies to: "China" for tariffs on Chinese goods.')),
    event: Type.Optional(Words('For a date: what happened then ("lift", "ban").')),
    place: Type.Optional(Words('Where it happened, when that tells events apart: "Geneva".')),
    modality: Type.Optional(
      StringEnum(['fact', 'intent', 'hypothetical'], { description: 'intent: planned, proposed or threatened; hypothetical: would, could, if.' }),
    ),
    aspect: Type.Optional(
      StringEnum(['level', 'change', 'additional', 'total', 'prior'], {
        description: 'level: an amount; change: a rise or fall; additional: an amount on top; total: a sum; prior: an earlier level.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const FactSchema = Type.Object(
  {
    id: Id,
    topic: Type.Optional({
      ...Id,
      description: 'Facts that give the same measure at different times share a topic; a claim that agrees only with an older one is reported as outdated.',
    }),
    subject: Type.String({ minLength: 3, description: 'What the figure is about, in words.' }),
    aliases: Type.Optional(Words('Other ways writers name the subject.')),
    keywords: Type.Optional(
      Type.Array(Type.String({ minLength: 1 }), {
        description: "Words a sentence about this figure uses, beyond those of the quote. Optional: the quote's own words count.",
      }),
    ),
    entities: Type.Optional(
      Words('Countries, states, companies, places or programmes the fact is about. Names the engine does not know become names it finds.'),
    ),
    frame: Type.Optional(FrameSchema),
    value: ValueSchema,
    text: Type.String({ minLength: 1, description: 'The figure as the source words it, e.g. "at least $170 billion"; used in messages and quick fixes.' }),
    quote: Type.String({ minLength: 1, description: 'The source sentence, verbatim; one sentence at most.' }),
    source: { ...Id, description: 'Id of an entry in sources.' },
    asOf: { ...IsoDate, description: 'When the figure held.' },
    note: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

export const FactBaseFileSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    version: Type.Literal(1, { description: 'Format version. Always 1.' }),
    description: Type.Optional(Type.String()),
    entities: Type.Optional(Type.Array(EntityEntrySchema, { description: 'Names this fact base adds to the built-in gazetteer, or corrects in it.' })),
    terms: Type.Optional(Type.Array(TermEntrySchema, { description: 'Words this fact base adds to the built-in terms.' })),
    sources: Type.Array(SourceSchema, { description: 'Where the facts come from.' }),
    facts: Type.Array(FactSchema),
  },
  {
    $id: 'https://policy-fact-check.invalid/factbase.schema.json',
    title: 'Policy Fact Check fact base',
    description: 'Sourced facts that drafts are checked against. Each fact is one checkable figure with the verbatim sentence it comes from.',
    additionalProperties: false,
  },
);

export const GazetteerFileSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    description: Type.Optional(Type.String()),
    titles: Words('Words that stand before a name without being one: "President", "Commerce Secretary".'),
    organisationWords: Words('Words that make a place name part of an organisation\'s: "Texas Instruments", "China Daily".'),
    times: Words('Named days and seasons, which are times and not names of parties: "Christmas", "Black Friday", "Ramadan".'),
    entities: Type.Array(EntityEntrySchema),
  },
  { $id: 'https://policy-fact-check.invalid/gazetteer.schema.json', title: 'Policy Fact Check gazetteer', additionalProperties: false },
);

export const TermsFileSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    description: Type.Optional(Type.String()),
    concepts: Type.Array(TermEntrySchema),
    opposites: Type.Array(Type.Tuple([Type.String(), Type.String()]), {
      description: 'Pairs of concepts that name opposite events or measures (lifting a ban is not imposing one).',
    }),
  },
  { $id: 'https://policy-fact-check.invalid/terms.schema.json', title: 'Policy Fact Check terms', additionalProperties: false },
);

export type EntityEntry = Static<typeof EntityEntrySchema>;
export type EntityKind = EntityEntry['kind'];
export type TermEntry = Static<typeof TermEntrySchema>;
export type SourceJson = Static<typeof SourceSchema>;
export type FactValueJson = Static<typeof ValueSchema>;
export type FrameJson = Static<typeof FrameSchema>;
export type FactJson = Static<typeof FactSchema>;
export type FactBaseJson = Static<typeof FactBaseFileSchema>;
export type GazetteerJson = Static<typeof GazetteerFileSchema>;
export type TermsJson = Static<typeof TermsFileSchema>;

/** The schema as the JSON file editors read: draft-07, with TypeBox's own markers removed. */
export function schemaDocument(schema: TSchema): unknown {
  const plain = JSON.parse(JSON.stringify(schema)) as Record<string, unknown>;
  return { $schema: 'http://json-schema.org/draft-07/schema#', ...plain };
}
