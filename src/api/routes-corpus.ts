import type { FastifyInstance } from 'fastify';
import type { KnowledgeBase } from '../kb/open-knowledge-base.js';
import { corpusSummary } from '../consolidate/corpus-summary.js';
import { listMerges } from '../consolidate/merges.js';
import { findDocumentId } from '../kb/queries/list-documents.js';
import { csvParam, splitList } from './query-params.js';
import { ApiError } from './errors.js';

const count = { type: 'object', properties: { key: { type: 'string' }, name: { type: 'string' }, count: { type: 'integer' } } } as const;
const countsByKey = { type: 'object', additionalProperties: { type: 'object', additionalProperties: { type: 'integer' } } } as const;
const evidence = {
  type: 'object',
  properties: { doc: { type: 'string' }, start: { type: 'integer' }, end: { type: 'integer' }, text: { type: 'string' } },
} as const;

interface CorpusQuery { source?: string; year?: string; country?: string; doc?: string }
interface MergesQuery { doc?: string; cluster?: string; undone?: boolean }

export function registerCorpusRoutes(app: FastifyInstance, kb: KnowledgeBase): void {
  app.get('/api/corpus', {
    schema: {
      summary: 'a view over many documents: events by type, actor and year, and the stance matrix over time',
      description: 'Documents are selected by source glob (`**/2019/*`), report year, the state they speak for (ISO3; file name prefix or inferred speaker) and/or id prefix; all given filters apply. An event merged across documents counts once (events.distinct).',
      querystring: {
        type: 'object',
        properties: {
          source: { type: 'string', maxLength: 500 }, year: csvParam, country: csvParam, doc: csvParam,
        },
        additionalProperties: false,
      },
      response: {
        200: {
          type: 'object',
          properties: {
            documents: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, title: { type: 'string' }, source: { type: 'string' }, year: { type: 'string' }, country: { type: 'string' } } } },
            events: { type: 'object', properties: { total: { type: 'integer' }, distinct: { type: 'integer' } } },
            byType: { type: 'array', items: count }, byActor: { type: 'array', items: count }, byYear: { type: 'array', items: count },
            typeByYear: countsByKey,
            years: { type: 'array', items: { type: 'string' } },
            stances: { type: 'array', items: { type: 'object', properties: { holder: { type: 'string' }, target: { type: ['string', 'null'] }, years: countsByKey } } },
            names: { type: 'object', additionalProperties: { type: 'string' } },
          },
        },
        400: { $ref: 'ApiError#' },
      },
    },
  }, async (req) => {
    const q = req.query as CorpusQuery;
    const years = splitList(q.year);
    const bad = years?.find((y) => !/^\d{4}$/.test(y));
    if (bad) throw new RangeError(`year takes YYYY, not "${bad}"`);
    return corpusSummary(kb, { source: q.source || undefined, years, countries: splitList(q.country), ids: splitList(q.doc) });
  });

  app.get('/api/merges', {
    schema: {
      summary: 'events merged across documents: one event, several pieces of evidence, each with the rule, score and reason of its merge',
      description: 'Undoing a merge is done with `diplograph merges undo <cluster> [event]`; an undone merge is listed with undone=true (?undone=true) and never made again.',
      querystring: {
        type: 'object',
        properties: { doc: { type: 'string', maxLength: 200 }, cluster: { type: 'string', maxLength: 300 }, undone: { type: 'boolean' } },
        additionalProperties: false,
      },
      response: {
        200: {
          type: 'object',
          properties: {
            merges: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  cluster: { type: 'string' }, type: { type: 'string' }, date: { type: ['string', 'null'] }, active: { type: 'integer' },
                  events: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: {
                        event: { type: 'string' }, doc: { type: 'string' }, title: { type: 'string' }, rule: { type: 'string' }, score: { type: 'number' },
                        reason: { type: 'string' }, matched: { type: ['string', 'null'] }, undone: { type: 'boolean' }, type: { type: 'string' },
                        date: { type: ['string', 'null'] }, actors: { type: 'array', items: { type: 'string' } }, recipients: { type: 'array', items: { type: 'string' } },
                        evidence,
                      },
                    },
                  },
                },
              },
            },
          },
        },
        400: { $ref: 'ApiError#' },
        404: { $ref: 'ApiError#' },
      },
    },
  }, async (req) => {
    const q = req.query as MergesQuery;
    const doc = q.doc ? await findDocumentId(kb, q.doc) : undefined;
    if (q.doc && !doc) throw new ApiError('NOT_FOUND', `no document matches "${q.doc}"`);
    return { merges: await listMerges(kb, { doc, cluster: q.cluster, includeUndone: !!q.undone }) };
  });
}
