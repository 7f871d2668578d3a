import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';

/**
 * Indexes for the events API at a million events (measured with `npm run bench -- events-api`):
 * the list order (date, document, position) so that a page is read in order instead of sorting
 * every match; event ids by actor and role without visiting the table; quad/negation filters; and
 * the end date, which the "from" filter tests. events_date (date_start alone) is a prefix of the
 * order index and is dropped.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema.createIndex('events_order').on('events').columns(['date_start', 'doc', 'trigger_start']).execute();
  await db.schema.dropIndex('events_date').ifExists().execute();
  await db.schema.createIndex('event_actors_lookup').on('event_actors').columns(['entity', 'role', 'event']).execute();
  await db.schema.dropIndex('event_actors_entity').ifExists().execute();
  await db.schema.createIndex('events_quad').on('events').columns(['quad', 'negated', 'date_start']).execute();
  await db.schema.createIndex('events_date_end').on('events').columns(['date_end', 'date_start']).execute();
}
