import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';

/**
 * Cross-document event merges: one row per event in a cluster, with the rule and score that put it
 * there. Undoing a merge keeps the row (undone = 1) so that consolidation never makes it again.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema.createTable('event_clusters')
    .addColumn('cluster', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('doc', 'text', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('matched', 'text')
    .addColumn('undone', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_clusters_pk', ['cluster', 'event'])
    .execute();
  await db.schema.createIndex('event_clusters_event').on('event_clusters').column('event').execute();
  await db.schema.createIndex('event_clusters_doc').on('event_clusters').column('doc').execute();
}
