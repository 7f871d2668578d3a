import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';

/**
 * SQLite: the store fills the full-text index with one statement per document instead of
 * migration 002's trigger firing once per sentence row (the trigger cost about four times the row
 * insert it followed). The trigger stays for every other writer (import, a user's own SQL): it
 * now stands aside for a document listed in `sentences_fts_deferred`, a table the store fills and
 * empties inside its own transaction, so no other connection ever sees a row in it. PostgreSQL's
 * index is an expression index, maintained by the server; the table is created there too (and
 * stays unused) so that both backends keep one set of tables.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await db.schema.createTable('sentences_fts_deferred').addColumn('doc', 'text', (c) => c.primaryKey()).execute();
  if (dialect === 'postgres') return;
  await sql`drop trigger sentences_ai`.execute(db);
  await sql`create trigger sentences_ai after insert on sentences
    when not exists (select 1 from sentences_fts_deferred d where d.doc = new.doc)
    begin insert into sentences_fts(rowid, text) values (new.rowid, new.text); end`.execute(db);
}
