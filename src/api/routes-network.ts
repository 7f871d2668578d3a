import type { FastifyInstance } from 'fastify';
import type { KnowledgeBase } from '../kb/open-knowledge-base.js';
import { dateBound } from '../kb/filters.js';
import { PLOVER_TYPES } from '../model/index.js';
import { ApiError } from './errors.js';
import { csvParam, datePrefixParam, splitList } from './query-params.js';

interface NetworkQuery { from?: string; to?: string; doc?: string; type?: string; negated?: boolean; minWeight: number }

export interface NetworkEdge {
  source: string; target: string; weight: number;
  /** Events by quad class: 1-2 cooperation (verbal, material), 3-4 conflict. */
  cooperation: number; conflict: number; quads: number[];
  types: Record<string, number>;
}

export function registerNetworkRoutes(app: FastifyInstance, kb: KnowledgeBase): void {
  app.get('/api/network', {
    schema: {
      summary: 'actors as nodes and actor -> recipient edges weighted by event counts',
      description: 'An event with several actors and recipients adds one to every actor -> recipient pair. Negated events ("never condemned") are left out unless negated=true asks for them alone. /api/events?actor=A&recipient=B lists the events behind an edge.',
      querystring: {
        type: 'object',
        properties: { from: datePrefixParam, to: datePrefixParam, doc: csvParam, type: csvParam, negated: { type: 'boolean', default: false }, minWeight: { type: 'integer', minimum: 1, default: 1 } },
        additionalProperties: false,
      },
      response: {
        200: {
          type: 'object',
          properties: {
            nodes: {
              type: 'array',
              items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, kind: { type: 'string' }, asActor: { type: 'integer' }, asRecipient: { type: 'integer' } } },
            },
            edges: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  source: { type: 'string' }, target: { type: 'string' }, weight: { type: 'integer' },
                  cooperation: { type: 'integer' }, conflict: { type: 'integer' },
                  quads: { type: 'array', items: { type: 'integer' } },
                  types: { type: 'object', additionalProperties: { type: 'integer' } },
                },
              },
            },
            events: { type: 'integer' },
          },
        },
        400: { $ref: 'ApiError#' },
      },
    },
  }, async (req) => {
    const q = req.query as NetworkQuery;
    const types = splitList(q.type)?.map((t) => t.toUpperCase());
    const unknown = types?.filter((t) => !(PLOVER_TYPES as readonly string[]).includes(t));
    if (unknown?.length) throw new ApiError('BAD_REQUEST', `unknown event type(s): ${unknown.join(', ')}`);
    let events = kb.db.selectFrom('events as e').where('e.negated', '=', q.negated ? 1 : 0);
    const docs = splitList(q.doc);
    if (docs) events = events.where('e.doc', 'in', docs);
    if (types) events = events.where('e.type', 'in', types);
    if (q.from) events = events.where('e.date_end', '>=', dateBound(q.from, 'start'));
    if (q.to) events = events.where('e.date_start', '<=', dateBound(q.to, 'end'));
    const rows = await events.innerJoin('event_actors as ea', 'ea.event', 'e.id')
      .select(['e.id', 'e.type', 'e.quad', 'ea.entity', 'ea.role']).orderBy('e.id').orderBy('ea.role').orderBy('ea.ord').execute();

    const byEvent = new Map<string, { type: string; quad: number; actors: string[]; recipients: string[] }>();
    for (const r of rows) {
      const ev = byEvent.get(r.id) ?? { type: r.type, quad: r.quad, actors: [], recipients: [] };
      (r.role === 'actor' ? ev.actors : ev.recipients).push(r.entity);
      byEvent.set(r.id, ev);
    }
    const edges = new Map<string, NetworkEdge>();
    const degree = new Map<string, { asActor: number; asRecipient: number }>();
    const bump = (id: string, key: 'asActor' | 'asRecipient') => {
      const d = degree.get(id) ?? { asActor: 0, asRecipient: 0 };
      d[key] += 1;
      degree.set(id, d);
    };
    for (const ev of byEvent.values()) {
      for (const a of new Set(ev.actors)) bump(a, 'asActor');
      for (const r of new Set(ev.recipients)) bump(r, 'asRecipient');
      for (const a of new Set(ev.actors)) {
        for (const r of new Set(ev.recipients)) {
          if (a === r) continue;
          const key = `${a}\u0000${r}`;
          const edge = edges.get(key) ?? { source: a, target: r, weight: 0, cooperation: 0, conflict: 0, quads: [0, 0, 0, 0], types: {} };
          edge.weight += 1;
          if (ev.quad <= 2) edge.cooperation += 1; else edge.conflict += 1;
          const qi = ev.quad - 1;
          if (qi >= 0 && qi < 4) edge.quads[qi] = (edge.quads[qi] ?? 0) + 1;
          edge.types[ev.type] = (edge.types[ev.type] ?? 0) + 1;
          edges.set(key, edge);
        }
      }
    }
    const kept = [...edges.values()].filter((e) => e.weight >= q.minWeight).sort((a, b) => b.weight - a.weight || a.source.localeCompare(b.source) || a.target.localeCompare(b.target));
    const ids = [...degree.keys()];
    const entities = ids.length ? await kb.db.selectFrom('entities').select(['id', 'name', 'kind']).where('id', 'in', ids).execute() : [];
    const known = new Map(entities.map((e) => [e.id, e]));
    const nodes = ids.map((id) => ({ id, name: known.get(id)?.name ?? id, kind: known.get(id)?.kind ?? 'other', ...degree.get(id)! }))
      .sort((a, b) => b.asActor + b.asRecipient - (a.asActor + a.asRecipient) || a.id.localeCompare(b.id));
    return { nodes, edges: kept, events: byEvent.size };
  });
}
