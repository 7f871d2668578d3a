import { sql, type RawBuilder } from 'kysely';
import type { KnowledgeBase } from '../kb/open-knowledge-base.js';
import { writeTransaction } from '../kb/write-transaction.js';
import { lockKeys } from '../kb/dialect.js';
import { runSql } from '../kb/cached-statements.js';
import { dissolveSingletons } from './prune-clusters.js';
import { decideMerge, mergeableDate, type MergeCandidate } from './merge-rules.js';

export interface ConsolidateResult {
  /** Events of the document that joined (or started) a cluster. */
  merged: number;
  /** Undone merges of this document removed because their events no longer exist (it was re-stored with other events). */
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
    // Statements written once for both dialects and, on SQLite, prepared once per connection:
    // this runs for every stored document, and each step touches only rows of this document or
    // of events like its own (merge rows of deleted or replaced documents go where they are
    // deleted, see pruneClustersOf), so the cost does not grow with the knowledge base.
    const q = <R>(query: RawBuilder<R>) => runSql(kb, trx, query);
    // This document's earlier merges go (undone ones stay, to be remembered, while their event exists).
    // Most documents are new and have none: a read finds that for a third of what the delete cost
    // (measured in an ingest: ~35 against ~110 µs a document).
    const [anyMerge] = await q(sql<{ one: number }>`select 1 as one from event_clusters where doc = ${doc} limit 1`);
    const removed = !anyMerge ? [] : await q(sql<{ cluster: string; undone: number }>`delete from event_clusters where doc = ${doc}
      and (undone = 0 or not exists (select 1 from events e where e.id = event_clusters.event)) returning cluster, undone`);
    const pruned = removed.filter((r) => r.undone).length;
    if (removed.length) await dissolveSingletons(trx, removed.map((r) => r.cluster));
    // Only dated events can merge (mergeableDate): the others, most of them, are not read at all.
    const dated = () => sql`e.doc = ${doc} and e.date_value is not null`;
    const events = (await candidatesOf(q, dated(), dated())).filter((e) => mergeableDate(e.dateValue));
    // PostgreSQL: two documents consolidated at once would each miss the other's new cluster rows
    // and start a cluster of their own for the same event. Events merge only within one type,
    // polarity and month, so consolidations of those keys take turns (SQLite writers always do).
    await lockKeys(trx, kb.dialect, events.map((e) => `merge:${mergeKey(e)}`));
    // Events of other documents of the same type, polarity and month: the same list for each event sharing those.
    const othersByKey = new Map<string, MergeCandidate[]>();
    let merged = 0;
    for (const e of events) {
      const month = e.dateValue!.slice(0, 7);
      const key = mergeKey(e);
      let others = othersByKey.get(key);
      if (!others) {
        const where = sql`e.type = ${e.type} and e.negated = ${e.negated ? 1 : 0} and substr(e.date_value, 1, 7) = ${month} and e.doc <> ${doc}`;
        othersByKey.set(key, (others = await candidatesOf(q, where, where)));
      }
      const decided = others
        .map((o) => ({ o, d: decideMerge(e, o) }))
        .filter((x): x is { o: MergeCandidate; d: NonNullable<ReturnType<typeof decideMerge>> } => x.d !== null)
        .sort((p, r) => r.d.score - p.d.score || p.o.id.localeCompare(r.o.id));
      for (const { o, d } of decided) {
        const [active] = await q(sql<{ cluster: string }>`select cluster from event_clusters where event = ${o.id} and undone = 0 limit 1`);
        const cluster = active?.cluster ?? `c:${o.id}`;
        if (await wasUndone(q, e.id, o.id, cluster)) continue;
        // One event per document in a cluster: a report that mentions an event twice does not make two reports.
        const [sameDoc] = await q(sql<{ event: string }>`select event from event_clusters where cluster = ${cluster} and doc = ${e.doc} and undone = 0 limit 1`);
        if (sameDoc) continue;
        const at = now.toISOString();
        if (!active) {
          await q(sql`insert into event_clusters (cluster, event, doc, rule, score, reason, matched, undone, created_at)
            values (${cluster}, ${o.id}, ${o.doc}, ${'consolidate.seed'}, ${1}, ${'the first report of the event'}, ${null}, ${0}, ${at})
            on conflict (cluster, event) do update set undone = ${0}, rule = ${'consolidate.seed'}, created_at = ${at}`);
        }
        await q(sql`insert into event_clusters (cluster, event, doc, rule, score, reason, matched, undone, created_at)
          values (${cluster}, ${e.id}, ${e.doc}, ${d.rule}, ${d.score}, ${d.reason}, ${o.id}, ${0}, ${at})
          on conflict (cluster, event) do update set rule = ${d.rule}, score = ${d.score}, reason = ${d.reason}, matched = ${o.id}, undone = ${0}, created_at = ${at}`);
        merged++;
        break;
      }
    }
    return { merged, pruned };
  });
}

type Run = <R>(query: RawBuilder<R>) => Promise<R[]>;

/** What two events must share to be merged: type, polarity and month. */
function mergeKey(e: MergeCandidate): string {
  return `${e.type}|${e.negated ? 1 : 0}|${e.dateValue!.slice(0, 7)}`;
}

/** A user undid this pairing before: the event left this cluster, or the two were split apart in another one. */
async function wasUndone(q: Run, event: string, other: string, cluster: string): Promise<boolean> {
  const rows = await q(sql<{ cluster: string; event: string; undone: number }>`select cluster, event, undone from event_clusters where event in (${event}, ${other})`);
  if (rows.some((r) => r.cluster === cluster && r.event === event && r.undone)) return true;
  const byCluster = new Map<string, typeof rows>();
  for (const r of rows) byCluster.set(r.cluster, [...(byCluster.get(r.cluster) ?? []), r]);
  return [...byCluster.values()].some((rs) => rs.length === 2 && rs.some((r) => r.undone));
}

/**
 * Events matching a condition on `events e`, with their actors and recipients, as the merge rules
 * see them; ordered by id, so which events merge never depends on the rows' physical order. The
 * condition comes twice because a compiled statement uses each piece once.
 */
async function candidatesOf(q: Run, where: RawBuilder<unknown>, whereAgain: RawBuilder<unknown>): Promise<MergeCandidate[]> {
  const rows = await q(sql<{ id: string; doc: string; type: string; negated: number; modality: string; date_value: string | null }>`
    select e.id, e.doc, e.type, e.negated, e.modality, e.date_value from events e where ${where} order by e.id`);
  if (!rows.length) return [];
  const roles = new Map<string, { actors: string[]; recipients: string[] }>();
  const parts = await q(sql<{ event: string; entity: string; role: string }>`
    select a.event, a.entity, a.role from event_actors a join events e on e.id = a.event where ${whereAgain} order by a.ord`);
  for (const p of parts) {
    const r = roles.get(p.event) ?? { actors: [], recipients: [] };
    (p.role === 'actor' ? r.actors : r.recipients).push(p.entity);
    roles.set(p.event, r);
  }
  return rows.map((r) => ({
    id: r.id, doc: r.doc, type: r.type, negated: !!r.negated, modality: r.modality,
    actors: roles.get(r.id)?.actors ?? [], recipients: roles.get(r.id)?.recipients ?? [], dateValue: r.date_value,
  }));
}
