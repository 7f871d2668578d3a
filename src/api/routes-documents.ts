import type { FastifyInstance } from 'fastify';
import type { KnowledgeBase } from '../kb/open-knowledge-base.js';
import { listDocuments, findDocumentId } from '../kb/queries/list-documents.js';
import { ApiError } from './errors.js';
import { annotationSpan, documentSummary, paging } from './schemas.js';

const idParam = { type: 'object', properties: { id: { type: 'string', minLength: 1, maxLength: 64 } }, required: ['id'] } as const;

export function registerDocumentRoutes(app: FastifyInstance, kb: KnowledgeBase): void {
  app.get('/api/documents', {
    schema: {
      summary: 'documents in the knowledge base',
      querystring: { type: 'object', properties: { ...paging }, additionalProperties: false },
      response: { 200: { type: 'object', properties: { documents: { type: 'array', items: documentSummary } } } },
    },
  }, async (req) => {
    const q = req.query as { limit: number; offset: number };
    return { documents: await listDocuments(kb, q) };
  });

  app.get('/api/documents/:id', {
    schema: {
      summary: 'one document: metadata, period and how it was decided, sections, footnotes, messages',
      params: idParam,
      response: {
        200: {
          type: 'object',
          properties: {
            document: { type: 'object', additionalProperties: true },
            sections: { type: 'array', items: { type: 'object', additionalProperties: true } },
            footnotes: { type: 'array', items: { type: 'object', additionalProperties: true } },
            messages: { type: 'array', items: { type: 'object', additionalProperties: true } },
          },
        },
        404: { $ref: 'ApiError#' },
      },
    },
  }, async (req) => {
    const id = await resolveId(kb, (req.params as { id: string }).id);
    const doc = await kb.db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const { text: _text, ...meta } = doc;
    const [sections, footnotes, messages] = await Promise.all([
      kb.db.selectFrom('sections').selectAll().where('doc', '=', id).orderBy('start').execute(),
      kb.db.selectFrom('footnotes').selectAll().where('doc', '=', id).orderBy('start').execute(),
      kb.db.selectFrom('messages').selectAll().where('doc', '=', id).orderBy('id').execute(),
    ]);
    return { document: meta, sections, footnotes: footnotes.map((f) => ({ ...f, markers: JSON.parse(f.markers) })), messages };
  });

  app.get('/api/documents/:id/text', {
    schema: {
      summary: 'a document\'s normalised text with its annotations (offsets into that text)',
      params: idParam,
      response: {
        200: {
          type: 'object',
          properties: {
            id: { type: 'string' }, title: { type: 'string' }, text: { type: 'string' },
            paragraphs: { type: 'array', items: annotationSpan },
            sentences: { type: 'array', items: annotationSpan },
            mentions: { type: 'array', items: annotationSpan },
            timexes: { type: 'array', items: annotationSpan },
            events: { type: 'array', items: annotationSpan },
          },
        },
        404: { $ref: 'ApiError#' },
      },
    },
  }, async (req) => {
    const id = await resolveId(kb, (req.params as { id: string }).id);
    const doc = await kb.db.selectFrom('documents').select(['id', 'title', 'text']).where('id', '=', id).executeTakeFirstOrThrow();
    const [paragraphs, sentences, mentions, timexes, events] = await Promise.all([
      kb.db.selectFrom('paragraphs').select(['idx', 'section', 'kind', 'start', 'end']).where('doc', '=', id).orderBy('idx').execute(),
      kb.db.selectFrom('sentences').select(['idx', 'paragraph', 'start', 'end']).where('doc', '=', id).orderBy('idx').execute(),
      kb.db.selectFrom('mentions').select(['start', 'end', 'text', 'entity', 'kind', 'rule', 'inferred']).where('doc', '=', id).orderBy('start').execute(),
      kb.db.selectFrom('timexes').selectAll().where('doc', '=', id).orderBy('idx').execute(),
      kb.db.selectFrom('events').select(['id', 'type', 'mode', 'negated', 'modality', 'date_value', 'trigger_start as start', 'trigger_end as end', 'evidence_start', 'evidence_end', 'rule']).where('doc', '=', id).orderBy('trigger_start').execute(),
    ]);
    return { ...doc, paragraphs, sentences, mentions, timexes, events };
  });
}

export async function resolveId(kb: KnowledgeBase, idOrPrefix: string): Promise<string> {
  const id = await findDocumentId(kb, idOrPrefix);
  if (!id) throw new ApiError('NOT_FOUND', `no document ${idOrPrefix}`);
  return id;
}
