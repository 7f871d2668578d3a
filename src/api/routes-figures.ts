import type { FastifyInstance } from 'fastify';
import type { KnowledgeBase } from '../kb/open-knowledge-base.js';
import { dateBound } from '../kb/filters.js';
import { csvParam, dateOrNull, datePrefixParam, evidenceSpan, splitList } from './query-params.js';
import { dateOf, evidenceSlicer } from './evidence-text.js';
import { paging } from './schemas.js';

interface FigureQuery { what?: string; subject?: string; unit?: string; doc?: string; from?: string; to?: string; limit: number; offset: number }

export function registerFigureRoutes(app: FastifyInstance, kb: KnowledgeBase): void {
  app.get('/api/figures', {
    schema: {
      summary: 'figures (value, unit, period, subject, what is measured) with their evidence',
      querystring: {
        type: 'object',
        properties: { what: csvParam, subject: csvParam, unit: csvParam, doc: csvParam, from: datePrefixParam, to: datePrefixParam, ...paging },
        additionalProperties: false,
      },
      response: {
        200: {
          type: 'object',
          properties: {
            total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' },
            figures: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  id: { type: 'string' }, doc: { type: 'string' }, what: { type: 'string' }, subject: { type: ['string', 'null'] },
                  value: { type: 'number' }, unit: { type: 'string' }, period: dateOrNull, span: evidenceSpan, evidence: evidenceSpan, rule: { type: 'string' },
                },
              },
            },
            measures: { type: 'array', items: { type: 'object', properties: { what: { type: 'string' }, unit: { type: 'string' }, count: { type: 'integer' } } } },
            entities: { type: 'object', additionalProperties: { type: 'object', properties: { name: { type: 'string' }, kind: { type: 'string' } } } },
          },
        },
        400: { $ref: 'ApiError#' },
      },
    },
  }, async (req) => {
    const q = req.query as FigureQuery;
    let query = kb.db.selectFrom('figures as f');
    const whats = splitList(q.what);
    const subjects = splitList(q.subject);
    const units = splitList(q.unit);
    const docs = splitList(q.doc);
    if (whats) query = query.where('f.what', 'in', whats);
    if (subjects) query = query.where('f.subject', 'in', subjects);
    if (units) query = query.where('f.unit', 'in', units);
    if (docs) query = query.where('f.doc', 'in', docs);
    if (q.from) query = query.where('f.period_end', '>=', dateBound(q.from, 'start'));
    if (q.to) query = query.where('f.period_start', '<=', dateBound(q.to, 'end'));
    const count = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    const rows = await query.selectAll('f').orderBy('f.what').orderBy('f.period_start', (ob) => ob.asc().nullsFirst()).orderBy('f.doc').orderBy('f.span_start').orderBy('f.id').limit(q.limit).offset(q.offset).execute();
    // Measures over everything matching, so the figures view can offer a chart per measure.
    const measures = await query.select(['f.what', 'f.unit', (eb) => eb.fn.countAll<number>().as('count')]).groupBy(['f.what', 'f.unit']).orderBy('count', 'desc').execute();
    const slice = await evidenceSlicer(kb, rows.flatMap((r) => [{ doc: r.doc, start: r.span_start, end: r.span_end }, { doc: r.doc, start: r.evidence_start, end: r.evidence_end }]));
    const subjectIds = [...new Set(rows.flatMap((r) => (r.subject ? [r.subject] : [])))];
    const entities = subjectIds.length ? await kb.db.selectFrom('entities').select(['id', 'name', 'kind']).where('id', 'in', subjectIds).execute() : [];
    return {
      total: Number(count?.n ?? 0), limit: q.limit, offset: q.offset,
      figures: rows.map((r) => ({
        id: r.id, doc: r.doc, what: r.what, subject: r.subject, value: r.value, unit: r.unit,
        period: dateOf(r.period_value, r.period_start, r.period_end), span: slice(r.doc, r.span_start, r.span_end),
        evidence: slice(r.doc, r.evidence_start, r.evidence_end), rule: r.rule,
      })),
      measures: measures.map((m) => ({ what: m.what, unit: m.unit, count: Number(m.count) })),
      entities: Object.fromEntries(entities.map((e) => [e.id, { name: e.name, kind: e.kind }])),
    };
  });
}
