import type { Kysely } from 'kysely';
import type { Database } from '../kb/schema.js';

/** Migration 003's table: which events were merged into one cluster, by which rule. */
export interface EventClustersTable {
  /** `c:<id of the first event>`. */
  cluster: string;
  event: string;
  doc: string;
  /** `consolidate.seed` for the event the cluster started from, else the merge rule. */
  rule: string;
  score: number;
  /** Why, in words: what the two events share. */
  reason: string;
  /** The event this one was matched against. */
  matched: string | null;
  /** 1 once a user undid the merge; kept so that it is never made again. */
  undone: number;
  created_at: string;
}

export type ClusterDatabase = Database & { event_clusters: EventClustersTable };

/** The knowledge base's connection typed with the clusters table (schema.ts stays the shared core). */
export function clusterDb(db: Kysely<Database>): Kysely<ClusterDatabase> {
  return db as unknown as Kysely<ClusterDatabase>;
}
