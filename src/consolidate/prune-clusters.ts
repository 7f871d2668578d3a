import { sql, type Kysely } from 'kysely';
import type { Database } from '../kb/schema.js';
import { clusterDb } from './event-clusters-table.js';

/** Most values in one `in (...)` list (PostgreSQL and SQLite both cap a statement's parameters). */
const CHUNK = 500;

/**
 * Remove the merge rows of these documents' events that no longer exist (the documents were
 * deleted, replaced, or re-stored with other events), and clusters left with one active event.
 * Run where the events go, so that it costs what those documents hold, not the whole table.
 */
export async function pruneClustersOf(db: Kysely<Database>, docs: string[]): Promise<number> {
  const gone: string[] = [];
  for (let i = 0; i < docs.length; i += CHUNK) {
    const rows = await clusterDb(db).deleteFrom('event_clusters')
      .where('doc', 'in', docs.slice(i, i + CHUNK))
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('events').select(sql.lit(1).as('one')).whereRef('events.id', '=', 'event_clusters.event'))))
      .returning('cluster').execute();
    gone.push(...rows.map((r) => r.cluster));
  }
  await dissolveSingletons(db, gone);
  return gone.length;
}

/**
 * Of these clusters, those with one active event left merge nothing: their last row goes too.
 * Every writer keeps the table free of such clusters, so only clusters that just lost a row need
 * looking at.
 */
export async function dissolveSingletons(db: Kysely<Database>, clusters: Iterable<string>): Promise<void> {
  const list = [...new Set(clusters)].sort();
  const c = clusterDb(db);
  for (let i = 0; i < list.length; i += CHUNK) {
    const lonely = await c.selectFrom('event_clusters').select('cluster').where('undone', '=', 0).where('cluster', 'in', list.slice(i, i + CHUNK))
      .groupBy('cluster').having((eb) => eb.fn.countAll(), '<', 2).execute();
    if (lonely.length) {
      await c.deleteFrom('event_clusters').where('undone', '=', 0).where('cluster', 'in', lonely.map((l) => l.cluster)).execute();
    }
  }
}
