import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';

/**
 * Consolidation looks, for each new event dated to a month or a day, for events of other documents
 * of the same type and polarity in the same month. Without an index on the month that read every
 * event of the type (events_type_page orders by date_start, not by the date's value), so each
 * stored document cost more as the knowledge base grew. The month is the first seven characters of
 * date_value (YYYY-MM), indexed as that expression so that no other query's plan picks it up.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await sql`create index events_merge_key on events (type, negated, substr(date_value, 1, 7))`.execute(db);
}
