import type { FastifyInstance } from 'fastify';
import type { KnowledgeBase } from '../kb/open-knowledge-base.js';
import { dateBound } from '../kb/filters.js';
import { csvParam, dateOrNull, datePrefixParam, evidenceSpan, splitList } from './query-params.js';
import { dateOf, evidenceSlicer } from './evidence-text.js';
import { paging } from './schemas.js';

const STANCES = ['supports', 'condemns', 'opposes', 'abstains', 'refrains', 'concerned'];

interface StanceQuery { holder?: string; target?: string; entity?: string; stance?: string; doc?: string; from?: string; to?: string; negated?: boolean; limit: number; offset: number }

export function registerStanceRoutes(app: FastifyInstance, kb: KnowledgeBase): void {
  app.get('/api/stances', {
    schema: {
      summary: 'who stands where on whom: stances with their evidence sentences',
      description: 'entity keeps stances the entity holds or receives. The stances view builds its holder x target matrix from this list.',
      querystring: {
        type: 'object',
        properties: {
          holder: csvParam, target: csvParam, entity: csvParam, stance: csvParam, doc: csvParam,
          from: datePrefixParam, to: datePrefixParam, negated: { type: 'boolean' }, ...paging,
        },
        additionalProperties: false,
      },
      response: {
        200: {
          type: 'object',
          properties: {
            total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' },
            stances: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  id: { type: 'string' }, doc: { type: 'string' }, holder: { type: 'string' }, target: { type: ['string', 'null'] },
                  stance: { type: 'string' }, negated: { type: 'boolean' }, topic: { type: ['string', 'null'] },
                  date: dateOrNull, evidence: evidenceSpan, rule: { type: 'string' },
                },
              },
            },
            entities: { type: 'object', additionalProperties: { type: 'object', properties: { name: { type: 'string' }, kind: { type: 'string' } } } },
          },
        },
        400: { $ref: 'ApiError#' },
      },
    },
  }, async (req) => {
    const q = req.query as StanceQuery;
    const kinds = splitList(q.stance);
    const bad = kinds?.filter((k) => !STANCES.includes(k));
    if (bad?.length) throw new RangeError(`unknown stance(s): ${bad.join(', ')}; use ${STANCES.join(', ')}`);
    let query = kb.db.selectFrom('stances as s');
    const holders = splitList(q.holder);
    const targets = splitList(q.target);
    const either = splitList(q.entity);
    const docs = splitList(q.doc);
    if (holders) query = query.where('s.holder', 'in', holders);
    if (targets) query = query.where('s.target', 'in', targets);
    if (either) query = query.where((eb) => eb.or([eb('s.holder', 'in', either), eb('s.target', 'in', either)]));
    if (kinds) query = query.where('s.stance', 'in', kinds);
    if (docs) query = query.where('s.doc', 'in', docs);
    if (q.negated !== undefined) query = query.where('s.negated', '=', q.negated ? 1 : 0);
    if (q.from) query = query.where('s.date_end', '>=', dateBound(q.from, 'start'));
    if (q.to) query = query.where('s.date_start', '<=', dateBound(q.to, 'end'));
    const count = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    const rows = await query.selectAll('s').orderBy('s.date_start', (ob) => ob.asc().nullsFirst()).orderBy('s.doc').orderBy('s.evidence_start').orderBy('s.id').limit(q.limit).offset(q.offset).execute();
    const slice = await evidenceSlicer(kb, rows.map((r) => ({ doc: r.doc, start: r.evidence_start, end: r.evidence_end })));
    const entityIds = [...new Set(rows.flatMap((r) => (r.target ? [r.holder, r.target] : [r.holder])))];
    const entities = entityIds.length ? await kb.db.selectFrom('entities').select(['id', 'name', 'kind']).where('id', 'in', entityIds).execute() : [];
    return {
      total: Number(count?.n ?? 0), limit: q.limit, offset: q.offset,
      stances: rows.map((r) => ({
        id: r.id, doc: r.doc, holder: r.holder, target: r.target, stance: r.stance, negated: !!r.negated, topic: r.topic,
        date: dateOf(r.date_value, r.date_start, r.date_end), evidence: slice(r.doc, r.evidence_start, r.evidence_end), rule: r.rule,
      })),
      entities: Object.fromEntries(entities.map((e) => [e.id, { name: e.name, kind: e.kind }])),
    };
  });
}
