import type { Kysely } from 'kysely';
import type { KnowledgeBase } from '../kb/open-knowledge-base.js';
import type { Database } from '../kb/schema.js';
import { writeTransaction } from '../kb/write-transaction.js';
import { clusterDb, type ClusterDatabase } from './event-clusters-table.js';
import { decideMerge, mergeableDate, type MergeCandidate } from './merge-rules.js';

export interface ConsolidateResult {
  /** Events of the document that joined (or started) a cluster. */
  merged: number;
  /** Rows removed because their events no longer exist (a replaced document). */
  pruned: number;
}

/**
 * Merge the events of one stored document with the same events reported in other documents (see
 * decideMerge for the rules). Each merged event gets a row naming its cluster, rule, score and
 * reason; a merge a user undid is never made again. Re-running for a document first removes its
 * earlier merges, so the result does not depend on how often it ran.
 */
export async function consolidateDocument(kb: KnowledgeBase, doc: string, now: Date = new Date()): Promise<ConsolidateResult> {
  return writeTransaction(kb, async (trx) => {
    const db = clusterDb(trx);
    const pruned = await pruneClusters(db);
    await db.deleteFrom('event_clusters').where('doc', '=', doc).where('undone', '=', 0).execute();
    await dissolveSingletons(db);
    const events = (await loadCandidates(trx, (q) => q.where('e.doc', '=', doc))).filter((e) => mergeableDate(e.dateValue));
    let merged = 0;
    for (const e of events) {
      const others = await loadCandidates(trx, (q) => q
        .where('e.doc', '!=', doc).where('e.type', '=', e.type).where('e.negated', '=', e.negated ? 1 : 0)
        .where('e.date_value', 'like', `${e.dateValue!.slice(0, 7)}%`));
      const decided = others
        .map((o) => ({ o, d: decideMerge(e, o) }))
        .filter((x): x is { o: MergeCandidate; d: NonNullable<ReturnType<typeof decideMerge>> } => x.d !== null)
        .sort((p, q) => q.d.score - p.d.score || p.o.id.localeCompare(q.o.id));
      for (const { o, d } of decided) {
        const active = await db.selectFrom('event_clusters').select('cluster').where('event', '=', o.id).where('undone', '=', 0).executeTakeFirst();
        const cluster = active?.cluster ?? `c:${o.id}`;
        if (await wasUndone(db, e.id, o.id, cluster)) continue;
        // One event per document in a cluster: a report that mentions an event twice does not make two reports.
        const sameDoc = await db.selectFrom('event_clusters').select('event').where('cluster', '=', cluster).where('doc', '=', e.doc).where('undone', '=', 0).executeTakeFirst();
        if (sameDoc) continue;
        const at = now.toISOString();
        if (!active) {
          await db.insertInto('event_clusters').values({ cluster, event: o.id, doc: o.doc, rule: 'consolidate.seed', score: 1, reason: 'the first report of the event', matched: null, undone: 0, created_at: at })
            .onConflict((oc) => oc.columns(['cluster', 'event']).doUpdateSet({ undone: 0, rule: 'consolidate.seed', created_at: at })).execute();
        }
        await db.insertInto('event_clusters').values({ cluster, event: e.id, doc: e.doc, rule: d.rule, score: d.score, reason: d.reason, matched: o.id, undone: 0, created_at: at })
          .onConflict((oc) => oc.columns(['cluster', 'event']).doUpdateSet({ rule: d.rule, score: d.score, reason: d.reason, matched: o.id, undone: 0, created_at: at })).execute();
        merged++;
        break;
      }
    }
    return { merged, pruned };
  });
}

/** A user undid this pairing before: the event left this cluster, or the two were split apart in another one. */
async function wasUndone(db: Kysely<ClusterDatabase>, event: string, other: string, cluster: string): Promise<boolean> {
  const rows = await db.selectFrom('event_clusters').select(['cluster', 'event', 'undone']).where('event', 'in', [event, other]).execute();
  if (rows.some((r) => r.cluster === cluster && r.event === event && r.undone)) return true;
  const byCluster = new Map<string, typeof rows>();
  for (const r of rows) byCluster.set(r.cluster, [...(byCluster.get(r.cluster) ?? []), r]);
  return [...byCluster.values()].some((rs) => rs.length === 2 && rs.some((r) => r.undone));
}

/** Remove rows of events that are gone (their document was replaced or deleted). */
export async function pruneClusters(db: Kysely<ClusterDatabase>): Promise<number> {
  const res = await db.deleteFrom('event_clusters').where('event', 'not in', db.selectFrom('events').select('id')).executeTakeFirst();
  const n = Number(res.numDeletedRows ?? 0);
  if (n) await dissolveSingletons(db);
  return n;
}

/** A cluster with one active event left merges nothing: its last row goes too. */
async function dissolveSingletons(db: Kysely<ClusterDatabase>): Promise<void> {
  const lonely = await db.selectFrom('event_clusters').select('cluster').where('undone', '=', 0)
    .groupBy('cluster').having((eb) => eb.fn.countAll(), '<', 2).execute();
  if (lonely.length) {
    await db.deleteFrom('event_clusters').where('undone', '=', 0).where('cluster', 'in', lonely.map((l) => l.cluster)).execute();
  }
}

type EventQuery = ReturnType<typeof baseQuery>;
function baseQuery(db: Kysely<Database>) {
  return db.selectFrom('events as e').select(['e.id', 'e.doc', 'e.type', 'e.negated', 'e.modality', 'e.date_value']);
}

/** Events with their actors and recipients, as the merge rules see them. */
export async function loadCandidates(db: Kysely<Database>, where: (q: EventQuery) => EventQuery): Promise<MergeCandidate[]> {
  // Ordered, so which events merge never depends on the rows' physical order.
  const rows = await where(baseQuery(db)).orderBy('e.id').execute();
  if (!rows.length) return [];
  const roles = new Map<string, { actors: string[]; recipients: string[] }>();
  const ids = rows.map((r) => r.id);
  for (let i = 0; i < ids.length; i += 500) {
    const parts = await db.selectFrom('event_actors').select(['event', 'entity', 'role']).where('event', 'in', ids.slice(i, i + 500)).orderBy('ord').execute();
    for (const p of parts) {
      const r = roles.get(p.event) ?? { actors: [], recipients: [] };
      (p.role === 'actor' ? r.actors : r.recipients).push(p.entity);
      roles.set(p.event, r);
    }
  }
  return rows.map((r) => ({
    id: r.id, doc: r.doc, type: r.type, negated: !!r.negated, modality: r.modality,
    actors: roles.get(r.id)?.actors ?? [], recipients: roles.get(r.id)?.recipients ?? [], dateValue: r.date_value,
  }));
}
