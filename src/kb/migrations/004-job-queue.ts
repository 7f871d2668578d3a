import type { Kysely } from 'kysely';
import { serialKey, type DialectName } from '../dialect.js';

/**
 * The job queue that lets many `diplograph worker` processes share an ingest (see src/jobs/).
 * Times are ISO-8601 UTC strings like every other date in the schema, so they compare as text.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await db.schema.createTable('jobs')
    .$call((t) => serialKey(t, dialect))
    .addColumn('queue', 'text', (c) => c.notNull())
    // What makes two enqueued jobs the same work (file, size, modification time, options, pipeline).
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('bytes', 'bigint', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('run_after', 'text', (c) => c.notNull())
    .addColumn('enqueued_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('heartbeat_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('worker', 'text')
    .addColumn('error', 'text')
    .addColumn('result', 'text')
    .addUniqueConstraint('jobs_queue_key', ['queue', 'key'])
    .execute();
  await db.schema.createIndex('jobs_ready').on('jobs').columns(['queue', 'state', 'run_after', 'id']).execute();
}
