import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';

/**
 * Indexes that let the events list answer from the index alone at a million events (measured
 * with `npm run bench -- events-api`):
 *
 * - events_page: the list order (undated first, then date, document, position, id) followed by
 *   every column a filter tests, so a page is read in order and type, quad, negation and end-date
 *   filters are checked without visiting the table. PostgreSQL sorts NULLs last by default, so
 *   its index says NULLS FIRST; without that, 005's events_order could not serve the order there.
 * - events_type_page: the same per type, so a filter on one type reads its events in order.
 * - events_multi_year: the few events whose dates do not lie within one calendar year, with the
 *   same columns. A "from" filter reads every other matching event from events_page starting at
 *   that year, and finds these here (see list-events.ts).
 *
 * 005's events_order, events_type_date and events_date_end are covered by these and dropped;
 * its events_quad stays, for counting rare quad and negation combinations.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const first = dialect === 'postgres' ? sql.raw('date_start nulls first') : sql.raw('date_start');
  const filters = sql.raw('type, quad, negated, date_end');
  await sql`create index events_page on events (${first}, doc, trigger_start, id, ${filters})`.execute(db);
  await sql`create index events_type_page on events (type, ${first}, doc, trigger_start, id, quad, negated, date_end)`.execute(db);
  // The predicate is repeated word for word by list-events.ts: both engines use a partial index
  // only for queries that state its condition.
  await sql`create index events_multi_year on events (date_end, date_start, doc, trigger_start, id, type, quad, negated) where ${sql.raw(MULTI_YEAR)}`.execute(db);
  for (const name of ['events_order', 'events_type_date', 'events_date_end']) {
    await db.schema.dropIndex(name).ifExists().execute();
  }
  // An actor filter on a common actor checks each event of the walk for its role row. SQLite
  // does that on event_actors_lookup (the entity list is known); PostgreSQL goes by event and
  // would read the table for the entity, so it gets the columns in that order.
  if (dialect === 'postgres') await sql`create index event_actors_probe on event_actors (event, role, entity)`.execute(db);
  if (dialect === 'postgres') await sql`analyze events`.execute(db);
}

/** Events with an end date whose start is unknown or falls in an earlier calendar year. */
export const MULTI_YEAR = 'date_end is not null and (date_start is null or substr(date_start, 1, 4) <> substr(date_end, 1, 4))';
