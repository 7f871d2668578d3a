import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';

/**
 * SQLite: no trigger fills the full-text index on sentence inserts any more. Migration 009's
 * trigger stood aside for the store's documents, but SQLite still ran it for every sentence row
 * (its `not exists` lookup in sentences_fts_deferred was about a fifth of a sentence insert's
 * work) only to do nothing. Every writer of sentences now indexes them itself: the store with one
 * statement per document or write batch, an import per document (indexSentencesOf in
 * full-text.ts). The delete trigger stays. A document still listed in sentences_fts_deferred
 * (never so after a commit, so this is only a precaution) had its sentences left unindexed by the
 * old trigger: they are indexed here. PostgreSQL's index is an expression index the server keeps.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres') return;
  await sql`insert into sentences_fts (rowid, text) select s.rowid, s.text from sentences_fts_deferred d join sentences s on s.doc = d.doc order by d.rowid, s.idx`.execute(db);
  await sql`delete from sentences_fts_deferred`.execute(db);
  await sql`drop trigger if exists sentences_ai`.execute(db);
}
