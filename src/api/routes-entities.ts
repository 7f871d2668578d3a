import type { FastifyInstance } from 'fastify';
import type { KnowledgeBase } from '../kb/open-knowledge-base.js';
import { getEntity, listEntities } from '../kb/queries/list-entities.js';
import { ApiError } from './errors.js';
import { entity, paging } from './schemas.js';

export function registerEntityRoutes(app: FastifyInstance, kb: KnowledgeBase): void {
  app.get('/api/entities', {
    schema: {
      summary: 'entities with their mention and document counts',
      querystring: {
        type: 'object',
        properties: { kind: { type: 'string', enum: ['state', 'person', 'organization', 'bloc', 'agreement', 'place', 'other'] }, q: { type: 'string', maxLength: 200 }, doc: { type: 'string', maxLength: 64 }, ...paging },
        additionalProperties: false,
      },
      response: { 200: { type: 'object', properties: { entities: { type: 'array', items: entity } } } },
    },
  }, async (req) => {
    const q = req.query as { kind?: string; q?: string; doc?: string; limit: number; offset: number };
    return { entities: await listEntities(kb, q) };
  });

  app.get('/api/entities/:id', {
    schema: {
      summary: 'one entity with its mentions and the sentences they are in',
      params: { type: 'object', properties: { id: { type: 'string', minLength: 1, maxLength: 200 } }, required: ['id'] },
      querystring: { type: 'object', properties: { ...paging }, additionalProperties: false },
      response: {
        200: {
          type: 'object',
          properties: {
            entity,
            mentions: { type: 'array', items: { type: 'object', properties: { doc: { type: 'string' }, start: { type: 'integer' }, end: { type: 'integer' }, text: { type: 'string' }, rule: { type: 'string' }, sentence: { type: 'object', properties: { start: { type: 'integer' }, end: { type: 'integer' }, text: { type: 'string' } } } } } },
          },
        },
        404: { $ref: 'ApiError#' },
      },
    },
  }, async (req) => {
    const { id } = req.params as { id: string };
    const { limit, offset } = req.query as { limit: number; offset: number };
    const found = await getEntity(kb, id);
    if (!found) throw new ApiError('NOT_FOUND', `no entity ${id}`);
    const mentions = await kb.db.selectFrom('mentions as m')
      .innerJoin('sentences as s', (j) => j.onRef('s.doc', '=', 'm.doc').onRef('s.start', '<=', 'm.start').onRef('s.end', '>=', 'm.end'))
      .select(['m.doc', 'm.start', 'm.end', 'm.text', 'm.rule', 's.start as s_start', 's.end as s_end', 's.text as s_text'])
      .where('m.entity', '=', id).orderBy('m.doc').orderBy('m.start').limit(limit).offset(offset).execute();
    return {
      entity: found,
      mentions: mentions.map((m) => ({ doc: m.doc, start: m.start, end: m.end, text: m.text, rule: m.rule, sentence: { start: m.s_start, end: m.s_end, text: m.s_text } })),
    };
  });
}
