import type { FastifyInstance } from 'fastify';
import { sql, type RawBuilder } from 'kysely';
import type { KnowledgeBase } from '../kb/open-knowledge-base.js';
import { dateBound } from '../kb/filters.js';
import { PLOVER_TYPES } from '../model/index.js';
import { ApiError } from './errors.js';
import { csvParam, datePrefixParam, splitList } from './query-params.js';
import { hitSegments, parseSearchTerms } from './fts-query.js';
import { sentenceMatch } from '../kb/full-text.js';
import { paging } from './schemas.js';

const segments = { type: 'array', items: { type: 'object', properties: { text: { type: 'string' }, hit: { type: 'boolean' } } } } as const;
const facet = (key: string) => ({ type: 'array', items: { type: 'object', properties: { [key]: { type: 'string' }, count: { type: 'integer' } } } }) as const;

interface SearchQuery { q: string; actor?: string; type?: string; doc?: string; from?: string; to?: string; limit: number; offset: number }

export function registerSearchRoutes(app: FastifyInstance, kb: KnowledgeBase): void {
  app.get('/api/search', {
    schema: {
      summary: 'full-text search over sentences, narrowed by actor, event type, date range and document',
      description: 'Words are ANDed; "quoted phrases", a trailing * for prefixes and OR between terms are kept. actor keeps sentences that mention the entity or hold an event with it as actor or recipient; type keeps sentences holding an event of that type; from/to keep sentences with an event or time expression in that range.',
      querystring: {
        type: 'object',
        properties: { q: { type: 'string', minLength: 1, maxLength: 500 }, actor: csvParam, type: csvParam, doc: csvParam, from: datePrefixParam, to: datePrefixParam, ...paging },
        required: ['q'],
        additionalProperties: false,
      },
      response: {
        200: {
          type: 'object',
          properties: {
            query: { type: 'string' }, total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' },
            results: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  doc: { type: 'string' }, title: { type: 'string' }, sentence: { type: 'integer' },
                  start: { type: 'integer' }, end: { type: 'integer' }, text: { type: 'string' },
                  snippet: segments, rank: { type: 'number' },
                },
              },
            },
            facets: { type: 'object', properties: { docs: facet('doc'), types: facet('type') } },
          },
        },
        400: { $ref: 'ApiError#' },
      },
    },
  }, async (req) => {
    const q = req.query as SearchQuery;
    const terms = parseSearchTerms(q.q);
    if (!terms) throw new ApiError('BAD_REQUEST', `nothing to search for in "${q.q}": type words or "a phrase"`);
    const types = splitList(q.type)?.map((t) => t.toUpperCase());
    const unknown = types?.filter((t) => !(PLOVER_TYPES as readonly string[]).includes(t));
    if (unknown?.length) throw new ApiError('BAD_REQUEST', `unknown event type(s): ${unknown.join(', ')}`);
    const where = facetConditions({ actors: splitList(q.actor), types, docs: splitList(q.doc), from: q.from, to: q.to });
    // SQLite FTS5 or PostgreSQL text search: the differences are in src/kb/full-text.ts.
    const match = sentenceMatch(kb.dialect, terms);
    const joins = sql`from ${match.from} join documents d on d.id = s.doc`;
    const cond = sql`where ${match.where}${where}`;
    try {
      const [count, rows, docs, typeFacet] = await Promise.all([
        sql<{ n: number }>`select count(*) as n ${joins} ${cond}`.execute(kb.db),
        sql<{ doc: string; title: string; idx: number; start: number; end: number; text: string; snip: string; rank: number }>`
          select s.doc, d.title, s.idx, s.start, s."end", s.text, ${match.snippet} as snip, ${match.rank} as rank
          ${joins} ${cond} order by rank, s.doc, s.idx limit ${q.limit} offset ${q.offset}`.execute(kb.db),
        sql<{ doc: string; count: number }>`select s.doc as doc, count(*) as count ${joins} ${cond} group by s.doc order by count desc, s.doc`.execute(kb.db),
        sql<{ type: string; count: number }>`
          select e.type as type, count(distinct s.doc || ':' || s.idx) as count ${joins}
          join events e on e.doc = s.doc and e.trigger_start >= s.start and e.trigger_start < s."end"
          ${cond} group by e.type order by count desc, e.type`.execute(kb.db),
      ]);
      return {
        query: match.query,
        total: Number(count.rows[0]?.n ?? 0), limit: q.limit, offset: q.offset,
        results: rows.rows.map((r) => ({ doc: r.doc, title: r.title, sentence: r.idx, start: r.start, end: r.end, text: r.text, snippet: hitSegments(r.snip), rank: Number(r.rank) })),
        facets: { docs: docs.rows.map((d) => ({ doc: d.doc, count: Number(d.count) })), types: typeFacet.rows.map((t) => ({ type: t.type, count: Number(t.count) })) },
      };
    } catch (err) {
      // Sanitising makes syntax errors unlikely; any that remain are the query's fault, not the server's.
      if (/fts5|syntax error|unterminated|tsquery/i.test((err as Error).message)) throw new ApiError('BAD_REQUEST', `cannot search for "${q.q}": ${(err as Error).message}`);
      throw err;
    }
  });
}

interface Facets { actors?: string[]; types?: string[]; docs?: string[]; from?: string; to?: string }

/** Extra `and ...` conditions on the sentence `s`; each facet is an EXISTS so a sentence counts once. */
function facetConditions(f: Facets): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  const inSentence = (startCol: string, endCol: string, alias: string) =>
    sql`${sql.ref(`${alias}.doc`)} = s.doc and ${sql.ref(`${alias}.${startCol}`)} < s."end" and ${sql.ref(`${alias}.${endCol}`)} > s.start`;
  if (f.docs) parts.push(sql`s.doc in (${sql.join(f.docs)})`);
  if (f.actors) {
    parts.push(sql`(exists (select 1 from mentions m where ${inSentence('start', 'end', 'm')} and m.entity in (${sql.join(f.actors)}))
      or exists (select 1 from events e join event_actors ea on ea.event = e.id where ${inSentence('trigger_start', 'trigger_end', 'e')} and ea.entity in (${sql.join(f.actors)})))`);
  }
  if (f.types) parts.push(sql`exists (select 1 from events e where ${inSentence('trigger_start', 'trigger_end', 'e')} and e.type in (${sql.join(f.types)}))`);
  if (f.from || f.to) {
    const from = f.from ? dateBound(f.from, 'start') : '0000-01-01';
    const to = f.to ? dateBound(f.to, 'end') : '9999-12-31';
    parts.push(sql`(exists (select 1 from events e where ${inSentence('trigger_start', 'trigger_end', 'e')} and e.date_end >= ${from} and e.date_start <= ${to})
      or exists (select 1 from timexes t where ${inSentence('start', 'end', 't')} and t.range_end >= ${from} and t.range_start <= ${to}))`);
  }
  return parts.length ? sql` and ${sql.join(parts, sql` and `)}` : sql``;
}
