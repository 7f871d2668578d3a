import type { FastifyInstance } from 'fastify';
import type { KnowledgeBase } from '../kb/open-knowledge-base.js';
import { dateBound } from '../kb/filters.js';
import { csvParam, dateOrNull, datePrefixParam, evidenceSpan, splitList } from './query-params.js';
import { dateOf, evidenceSlicer } from './evidence-text.js';

interface AgreementQuery { entity?: string; party?: string; status?: string; doc?: string; from?: string; to?: string }

export function registerAgreementRoutes(app: FastifyInstance, kb: KnowledgeBase): void {
  app.get('/api/agreements', {
    schema: {
      summary: 'agreements with their dated status history (in force, suspended, violated, ...) and evidence',
      description: 'party keeps agreements where the entity changed a status or is the agreement itself; filters select history entries, and an agreement is listed when any entry matches.',
      querystring: {
        type: 'object',
        properties: { entity: csvParam, party: csvParam, status: csvParam, doc: csvParam, from: datePrefixParam, to: datePrefixParam },
        additionalProperties: false,
      },
      response: {
        200: {
          type: 'object',
          properties: {
            agreements: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  entity: { type: 'string' }, name: { type: 'string' }, kind: { type: 'string' },
                  history: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: {
                        id: { type: 'string' }, doc: { type: 'string' }, status: { type: 'string' }, by: { type: 'array', items: { type: 'string' } },
                        negated: { type: 'boolean' }, modality: { type: 'string' }, date: dateOrNull, evidence: evidenceSpan, rule: { type: 'string' },
                      },
                    },
                  },
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
    const q = req.query as AgreementQuery;
    let query = kb.db.selectFrom('agreement_status as a');
    const ids = splitList(q.entity);
    const statuses = splitList(q.status);
    const docs = splitList(q.doc);
    const parties = splitList(q.party);
    if (ids) query = query.where('a.entity', 'in', ids);
    if (statuses) query = query.where('a.status', 'in', statuses);
    if (docs) query = query.where('a.doc', 'in', docs);
    if (q.from) query = query.where('a.date_end', '>=', dateBound(q.from, 'start'));
    if (q.to) query = query.where('a.date_start', '<=', dateBound(q.to, 'end'));
    const selected = await query.select('a.entity').distinct().execute();
    let agreementIds = selected.map((r) => r.entity);
    const rows = agreementIds.length
      ? await kb.db.selectFrom('agreement_status').selectAll().where('entity', 'in', agreementIds)
        .orderBy('entity').orderBy('date_start').orderBy('doc').orderBy('evidence_start').execute()
      : [];
    const history = rows.map((r) => ({
      entity: r.entity, id: r.id, doc: r.doc, status: r.status, by: JSON.parse(r.by_entities) as string[], negated: !!r.negated,
      modality: r.modality, date: dateOf(r.date_value, r.date_start, r.date_end), evidence_start: r.evidence_start, evidence_end: r.evidence_end, rule: r.rule,
    }));
    if (parties) {
      agreementIds = agreementIds.filter((id) => parties.includes(id) || history.some((h) => h.entity === id && h.by.some((b) => parties.includes(b))));
    }
    const slice = await evidenceSlicer(kb, history.map((h) => ({ doc: h.doc, start: h.evidence_start, end: h.evidence_end })));
    const entityIds = [...new Set([...agreementIds, ...history.flatMap((h) => h.by)])];
    const entities = entityIds.length ? await kb.db.selectFrom('entities').select(['id', 'name', 'kind']).where('id', 'in', entityIds).execute() : [];
    const known = new Map(entities.map((e) => [e.id, e]));
    return {
      agreements: agreementIds.map((id) => ({
        entity: id, name: known.get(id)?.name ?? readableId(id), kind: known.get(id)?.kind ?? 'agreement',
        history: history.filter((h) => h.entity === id).map(({ entity: _e, evidence_start, evidence_end, ...h }) => ({ ...h, evidence: slice(h.doc, evidence_start, evidence_end) })),
      })).sort((a, b) => a.name.localeCompare(b.name)),
      entities: Object.fromEntries(entities.map((e) => [e.id, { name: e.name, kind: e.kind }])),
    };
  });
}

/** An agreement recognised only from the text may have no entity record; its id still reads as a name. */
function readableId(id: string): string {
  const tail = id.split(':').pop() ?? id;
  return tail.replace(/[-_]+/g, ' ').replace(/^./, (c) => c.toUpperCase());
}
