import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';

/** Full-text search over sentences: SQLite FTS5 (external content) or a PostgreSQL tsvector index. */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres') {
    await sql`create index sentences_fts on sentences using gin (to_tsvector('english', text))`.execute(db);
    return;
  }
  await sql`create virtual table sentences_fts using fts5(text, content='sentences', content_rowid='rowid', tokenize='porter unicode61')`.execute(db);
  await sql`create trigger sentences_ai after insert on sentences begin insert into sentences_fts(rowid, text) values (new.rowid, new.text); end`.execute(db);
  await sql`create trigger sentences_ad after delete on sentences begin insert into sentences_fts(sentences_fts, rowid, text) values ('delete', old.rowid, old.text); end`.execute(db);
}
