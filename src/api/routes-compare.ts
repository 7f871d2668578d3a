import type { FastifyInstance } from 'fastify';
import type { KnowledgeBase } from '../kb/open-knowledge-base.js';
import { findDocumentId } from '../kb/queries/list-documents.js';
import { compareDocuments } from '../compare/compare-documents.js';
import { loadStoredDocument } from '../compare/load-stored-document.js';
import { ApiError } from './errors.js';

const evidence = {
  type: 'object',
  properties: { doc: { type: 'string' }, start: { type: 'integer' }, end: { type: 'integer' }, text: { type: 'string' } },
  required: ['doc', 'start', 'end', 'text'],
} as const;
const sentenceSide = {
  type: 'object',
  properties: { ...evidence.properties, index: { type: 'integer' }, section: { type: 'string' } },
  required: ['doc', 'start', 'end', 'text', 'index'],
} as const;
const statusCounts = {
  type: 'object',
  properties: { unchanged: { type: 'integer' }, reworded: { type: 'integer' }, added: { type: 'integer' }, removed: { type: 'integer' } },
} as const;
const sectionRef = { type: 'object', properties: { id: { type: 'string' }, title: { type: 'string' }, level: { type: 'integer' } } } as const;
const documentRef = {
  type: 'object',
  properties: { id: { type: 'string' }, title: { type: 'string' }, source: { type: 'string' }, year: { type: 'string' }, sentences: { type: 'integer' } },
} as const;

/** The response of GET /api/compare (also the JSON of `diplograph compare --format json`). */
export const comparisonSchema = {
  type: 'object',
  properties: {
    a: documentRef,
    b: documentRef,
    counts: { type: 'object', properties: { ...statusCounts.properties, moved: { type: 'integer' } } },
    unchanged: { type: 'object', properties: { events: { type: 'integer' }, stances: { type: 'integer' }, agreements: { type: 'integer' } } },
    changes: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          kind: { type: 'string', enum: ['event', 'stance', 'agreement', 'date', 'description'] },
          change: { type: 'string', enum: ['appeared', 'disappeared', 'changed'] },
          summary: { type: 'string' },
          fields: { type: 'array', items: { type: 'string' } },
          entity: { type: 'string' }, term: { type: 'string' }, aId: { type: 'string' }, bId: { type: 'string' },
          a: evidence, b: evidence, pairedBy: { type: 'string', enum: ['sentence', 'document'] },
        },
        required: ['kind', 'change', 'summary'],
      },
    },
    sections: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          status: { type: 'string', enum: ['same', 'renamed', 'added', 'removed'] },
          a: sectionRef, b: sectionRef, rule: { type: 'string' }, counts: statusCounts,
        },
      },
    },
    sentences: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          status: { type: 'string', enum: ['unchanged', 'reworded', 'added', 'removed'] },
          moved: { type: 'boolean' }, similarity: { type: 'number' }, a: sentenceSide, b: sentenceSide,
          diff: { type: 'array', items: { type: 'object', properties: { op: { type: 'string', enum: ['equal', 'delete', 'insert'] }, text: { type: 'string' } } } },
        },
        required: ['status'],
      },
    },
  },
} as const;

interface CompareQuery { a: string; b: string; threshold?: number }

export function registerCompareRoutes(app: FastifyInstance, kb: KnowledgeBase): void {
  app.get('/api/compare', {
    schema: {
      summary: 'compare two stored documents: aligned sections and sentences, word diffs of reworded sentences, and what changed in substance',
      description: 'a and b are document ids or unique id prefixes; a is the older one. Changes list events, stances and agreement statuses that appeared, disappeared or changed, dates changed in reworded sentences, and terms describing an actor in only one of the two.',
      querystring: {
        type: 'object',
        properties: {
          a: { type: 'string', minLength: 1, maxLength: 200 },
          b: { type: 'string', minLength: 1, maxLength: 200 },
          threshold: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
        },
        required: ['a', 'b'],
        additionalProperties: false,
      },
      response: { 200: comparisonSchema, 400: { $ref: 'ApiError#' }, 404: { $ref: 'ApiError#' } },
    },
  }, async (req) => {
    const q = req.query as CompareQuery;
    const sides = [];
    for (const ref of [q.a, q.b]) {
      const id = await findDocumentId(kb, ref);
      const doc = id ? await loadStoredDocument(kb, id) : undefined;
      if (!doc) throw new ApiError('NOT_FOUND', `no document matches "${ref}"`);
      sides.push(doc);
    }
    return compareDocuments(sides[0]!, sides[1]!, q.threshold ? { threshold: q.threshold } : {});
  });
}
