import type { FastifyInstance } from 'fastify';
import type { KnowledgeBase } from '../kb/open-knowledge-base.js';
import { listEvents } from '../kb/queries/list-events.js';
import { PLOVER_TYPES } from '../model/index.js';
import { event, paging } from './schemas.js';

const csv = { type: 'string', maxLength: 2000 } as const;
const datePrefix = { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' } as const;

export function registerEventRoutes(app: FastifyInstance, kb: KnowledgeBase): void {
  app.get('/api/events', {
    schema: {
      summary: 'events with filters and paging; comma-separate several values',
      querystring: {
        type: 'object',
        properties: {
          actor: csv, recipient: csv, type: csv, doc: csv, from: datePrefix, to: datePrefix,
          negated: { type: 'boolean' }, quad: { type: 'integer', enum: [1, 2, 3, 4] }, ...paging,
        },
        additionalProperties: false,
      },
      response: { 200: { type: 'object', properties: { total: { type: 'integer', description: 'matching events: exact when totalExact, otherwise at least this many (counting stops at 10,000)' }, totalExact: { type: 'boolean' }, limit: { type: 'integer' }, offset: { type: 'integer' }, events: { type: 'array', items: event } } } },
    },
  }, async (req) => {
    const q = req.query as Record<string, string | number | boolean | undefined>;
    const split = (v: unknown) => (typeof v === 'string' && v ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined);
    const types = split(q.type)?.map((t) => t.toUpperCase());
    const unknown = types?.filter((t) => !(PLOVER_TYPES as readonly string[]).includes(t));
    if (unknown?.length) throw new RangeError(`unknown event type(s): ${unknown.join(', ')}; use ${PLOVER_TYPES.join(', ')}`);
    const limit = q.limit as number;
    const offset = q.offset as number;
    const result = await listEvents(kb, {
      actors: split(q.actor), recipients: split(q.recipient), types, docs: split(q.doc),
      from: q.from as string | undefined, to: q.to as string | undefined,
      negated: q.negated as boolean | undefined, quad: q.quad as number | undefined, limit, offset,
    });
    return { ...result, limit, offset };
  });
}
