/** JSON schemas of the API's shapes; fastify validates inputs and serialises outputs with them. */
const nullableString = { type: ['string', 'null'] } as const;
const span = { type: 'object', properties: { start: { type: 'integer' }, end: { type: 'integer' }, text: { type: 'string' } }, required: ['start', 'end', 'text'] } as const;
const date = { type: ['object', 'null'], properties: { value: { type: 'string' }, start: nullableString, end: nullableString, inferred: { type: 'boolean' } } } as const;

export const documentSummary = {
  type: 'object',
  properties: {
    id: { type: 'string' }, source: { type: 'string' }, title: { type: 'string' }, format: { type: 'string' },
    period_start: { type: 'string' }, period_end: { type: 'string' }, dct: nullableString, period_rule: { type: 'string' },
    chars: { type: 'integer' }, ingested_at: { type: 'string' }, sentences: { type: 'integer' }, events: { type: 'integer' }, messages: { type: 'integer' },
  },
} as const;

export const entity = {
  type: 'object',
  properties: {
    id: { type: 'string' }, kind: { type: 'string' }, name: { type: 'string' }, aliases: { type: 'array', items: { type: 'string' } },
    wikidata: nullableString, iso3: nullableString, country: nullableString, sector: nullableString,
    offices: { type: ['array', 'null'], items: { type: 'object', additionalProperties: true } }, source: { type: 'string' },
    mentions: { type: 'integer' }, documents: { type: 'integer' },
  },
} as const;

export const event = {
  type: 'object',
  properties: {
    id: { type: 'string' }, doc: { type: 'string' }, type: { type: 'string' }, mode: nullableString,
    contexts: { type: 'array', items: { type: 'string' } },
    actors: { type: 'array', items: { type: 'string' } }, recipients: { type: 'array', items: { type: 'string' } },
    date, location: nullableString,
    quantity: { type: ['object', 'null'], properties: { value: { type: 'number' }, unit: { type: 'string' } } },
    negated: { type: 'boolean' }, modality: { type: 'string' }, quad: { type: 'integer' }, intensity: { type: 'number' },
    trigger: span, evidence: span, rule: { type: 'string' }, respondsTo: nullableString,
  },
} as const;

export const annotationSpan = {
  type: 'object',
  properties: { start: { type: 'integer' }, end: { type: 'integer' } },
  additionalProperties: true,
} as const;

export const paging = {
  limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
  offset: { type: 'integer', minimum: 0, default: 0 },
} as const;
