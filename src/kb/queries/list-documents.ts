import { sql } from 'kysely';
import type { KnowledgeBase } from '../open-knowledge-base.js';

export interface DocumentSummary {
  id: string; source: string; title: string; format: string;
  period_start: string; period_end: string; dct: string | null; period_rule: string;
  chars: number; ingested_at: string; sentences: number; events: number; messages: number;
}

export async function listDocuments(kb: KnowledgeBase, opts: { limit?: number; offset?: number } = {}): Promise<DocumentSummary[]> {
  const rows = await kb.db.selectFrom('documents as d')
    .select(['d.id', 'd.source', 'd.title', 'd.format', 'd.period_start', 'd.period_end', 'd.dct', 'd.period_rule', 'd.chars', 'd.ingested_at'])
    .select([
      sql<number>`(select count(*) from sentences s where s.doc = d.id)`.as('sentences'),
      sql<number>`(select count(*) from events e where e.doc = d.id)`.as('events'),
      sql<number>`(select count(*) from messages m where m.doc = d.id)`.as('messages'),
    ])
    .orderBy('d.ingested_at', 'desc').orderBy('d.id')
    .limit(opts.limit ?? 1000).offset(opts.offset ?? 0)
    .execute();
  return rows.map((r) => ({ ...r, sentences: Number(r.sentences), events: Number(r.events), messages: Number(r.messages) }));
}

/** Find a document by id or unique id prefix. */
export async function findDocumentId(kb: KnowledgeBase, idOrPrefix: string): Promise<string | undefined> {
  // Ids are lower-case hex on both stores; LIKE with a literal prefix can use the primary key.
  const rows = await kb.db.selectFrom('documents').select('id').where('id', 'like', `${idOrPrefix.replace(/[%_\\]/g, '')}%`).limit(2).execute();
  return rows.length === 1 ? rows[0]!.id : rows.find((r) => r.id === idOrPrefix)?.id;
}
