import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';

/**
 * PostgreSQL: each entity's undated role rows (sort_date NULL, migration 008) ordered by the rest
 * of the list order, so that an actor-and-recipient filter merges the two entities' undated rows
 * as it merges their dated ones on event_actors_page (see list-events-by-role.ts). There the
 * planner cannot use the order that follows a NULL date (IS NULL is not an equality to it), and
 * hashed the other entity's undated rows whole instead: over 10,000 for a common actor at a
 * million events. A few percent of the rows, so the index is small.
 *
 * SQLite walks that filter by probing each row's event, which this index would not serve: it
 * gets nothing, and its plans stay as they were.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql`create index event_actors_undated on event_actors (entity, role, sort_doc, sort_pos, event) where sort_date is null`.execute(db);
  await sql`analyze event_actors`.execute(db);
}
