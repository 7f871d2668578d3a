import { sql } from 'kysely';
import type { KnowledgeBase } from '../kb/open-knowledge-base.js';
import { toFtsQuery } from '../api/fts-query.js';
import type { Citation, StructuredQuery } from './answer-types.js';

/**
 * The sentences nearest to a question by full-text search (any of its names and content words,
 * ranked by bm25), shown when the knowledge base does not support an answer. Each word goes
 * through the API's sanitiser, so no question can be an FTS syntax error.
 */
export async function closestEvidence(kb: KnowledgeBase, q: StructuredQuery, limit = 3): Promise<Citation[]> {
  if (limit <= 0 || kb.dialect !== 'sqlite') return [];
  const terms = [...q.entities.map((e) => `"${e.text}"`), ...q.unknownNames.map((n) => `"${n}"`), ...q.keywords]
    .map((t) => toFtsQuery(t))
    .filter((t): t is string => !!t);
  if (!terms.length) return [];
  const match = [...new Set(terms)].join(' OR ');
  try {
    const rows = await sql<{ doc: string; title: string; idx: number; start: number; end: number; text: string }>`
      select s.doc, d.title, s.idx, s.start, s."end", s.text
      from sentences_fts f join sentences s on s.rowid = f.rowid join documents d on d.id = s.doc
      where sentences_fts match ${match} order by bm25(sentences_fts), s.doc, s.idx limit ${limit}`.execute(kb.db);
    return rows.rows.map((r, k) => ({ n: k + 1, doc: r.doc, title: r.title, sentence: r.idx, start: r.start, end: r.end, text: r.text }));
  } catch {
    return [];
  }
}
