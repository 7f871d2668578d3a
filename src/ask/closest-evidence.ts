import { sql } from 'kysely';
import type { KnowledgeBase } from '../kb/open-knowledge-base.js';
import { parseSearchTerms, sentenceMatch, type SearchTerms } from '../kb/full-text.js';
import type { Citation, StructuredQuery } from './answer-types.js';

/**
 * The sentences nearest to a question by full-text search (any of its names and content words,
 * ranked by the engine's relevance), shown when the knowledge base does not support an answer.
 * Each word goes through the same parser as the search API, so no question can be a syntax
 * error, and both SQLite (FTS5) and PostgreSQL (tsvector) answer.
 */
export async function closestEvidence(kb: KnowledgeBase, q: StructuredQuery, limit = 3): Promise<Citation[]> {
  if (limit <= 0) return [];
  const inputs = [...q.entities.map((e) => `"${e.text}"`), ...q.unknownNames.map((n) => `"${n}"`), ...q.keywords];
  // Any one of the names or words may match: each becomes its own OR-alternative.
  const seen = new Set<string>();
  const terms: SearchTerms = [];
  for (const input of inputs) {
    for (const clause of parseSearchTerms(input) ?? []) {
      const key = JSON.stringify(clause);
      if (!seen.has(key)) { seen.add(key); terms.push(clause); }
    }
  }
  if (!terms.length) return [];
  const match = sentenceMatch(kb.dialect, terms);
  try {
    const rows = await sql<{ doc: string; title: string; idx: number; start: number; end: number; text: string }>`
      select s.doc, d.title, s.idx, s.start, s."end", s.text
      from ${match.from} join documents d on d.id = s.doc
      where ${match.where} order by ${match.rank}, s.doc, s.idx limit ${limit}`.execute(kb.db);
    return rows.rows.map((r, k) => ({ n: k + 1, doc: r.doc, title: r.title, sentence: Number(r.idx), start: Number(r.start), end: Number(r.end), text: r.text }));
  } catch {
    // A search that the engine rejects (e.g. only stop words on PostgreSQL) just finds nothing.
    return [];
  }
}
