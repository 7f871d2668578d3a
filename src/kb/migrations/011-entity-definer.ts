import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';

/**
 * Entity rows name the document whose version they are (see src/kb/entity-definition.ts), so that
 * the version kept no longer depends on the order documents were stored in. On PostgreSQL both
 * columns compare in the "C" collation, by code point as SQLite does, whatever the database's
 * collation: both stores must agree on which document ranks first.
 *
 * Rows stored before kept the first version stored, so their definer is taken to be the document
 * stored first (by ingested_at) among those that mention the entity: the rule the row was written
 * under. A row no stored document mentions gets none and gives way to the next document naming it.
 * The index serves clearing the definer when a document is deleted.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const collate = dialect === 'postgres' ? sql.raw(' collate "C"') : sql.raw('');
  await sql`alter table entities add column defined_by text${collate}`.execute(db);
  await sql`alter table entities add column defined_by_source text${collate}`.execute(db);
  await sql`update entities set defined_by = (
    select m.doc from mentions m join documents d on d.id = m.doc
    where m.entity = entities.id order by d.ingested_at, d.id limit 1
  )`.execute(db);
  await sql`update entities set defined_by_source = (select d.source from documents d where d.id = entities.defined_by) where defined_by is not null`.execute(db);
  await sql`create index entities_defined_by on entities (defined_by)`.execute(db);
}
