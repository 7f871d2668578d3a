import type { KnowledgeBase } from '../kb/open-knowledge-base.js';
import { writeTransaction } from '../kb/write-transaction.js';
import { clusterDb } from './event-clusters-table.js';

export interface MergedEvent {
  event: string;
  doc: string;
  title: string;
  rule: string;
  score: number;
  reason: string;
  matched: string | null;
  undone: boolean;
  type: string;
  date: string | null;
  actors: string[];
  recipients: string[];
  evidence: { doc: string; start: number; end: number; text: string };
}

/** One event reported in several documents: its pieces of evidence, each with the rule that merged it. */
export interface Merge {
  cluster: string;
  type: string;
  date: string | null;
  /** Events still merged (undone ones are listed but not counted). */
  active: number;
  events: MergedEvent[];
}

export interface ListMergesOptions { includeUndone?: boolean; doc?: string; cluster?: string }

/** The merges made so far, newest rule first within each cluster's order of reports. */
export async function listMerges(kb: KnowledgeBase, opts: ListMergesOptions = {}): Promise<Merge[]> {
  const db = clusterDb(kb.db);
  let q = db.selectFrom('event_clusters as c')
    .innerJoin('events as e', 'e.id', 'c.event')
    .innerJoin('documents as d', 'd.id', 'c.doc')
    .select(['c.cluster', 'c.event', 'c.doc', 'c.rule', 'c.score', 'c.reason', 'c.matched', 'c.undone', 'e.type', 'e.date_value', 'e.evidence_start', 'e.evidence_end', 'd.title', 'd.text']);
  if (!opts.includeUndone) q = q.where('c.undone', '=', 0);
  if (opts.cluster) q = q.where('c.cluster', '=', opts.cluster);
  if (opts.doc) q = q.where('c.cluster', 'in', db.selectFrom('event_clusters').select('cluster').where('doc', '=', opts.doc));
  const rows = await q.orderBy('c.cluster').orderBy('c.created_at').orderBy('c.event').execute();
  const ids = rows.map((r) => r.event);
  const roles = new Map<string, { actors: string[]; recipients: string[] }>();
  for (let i = 0; i < ids.length; i += 500) {
    const parts = await kb.db.selectFrom('event_actors').select(['event', 'entity', 'role']).where('event', 'in', ids.slice(i, i + 500)).orderBy('ord').execute();
    for (const p of parts) {
      const r = roles.get(p.event) ?? { actors: [], recipients: [] };
      (p.role === 'actor' ? r.actors : r.recipients).push(p.entity);
      roles.set(p.event, r);
    }
  }
  const out = new Map<string, Merge>();
  for (const r of rows) {
    const m = out.get(r.cluster) ?? { cluster: r.cluster, type: r.type, date: r.date_value, active: 0, events: [] };
    m.events.push({
      event: r.event, doc: r.doc, title: r.title, rule: r.rule, score: r.score, reason: r.reason, matched: r.matched, undone: !!r.undone,
      type: r.type, date: r.date_value, actors: roles.get(r.event)?.actors ?? [], recipients: roles.get(r.event)?.recipients ?? [],
      evidence: { doc: r.doc, start: r.evidence_start, end: r.evidence_end, text: r.text.slice(r.evidence_start, r.evidence_end) },
    });
    if (!r.undone) m.active++;
    out.set(r.cluster, m);
  }
  return [...out.values()];
}

/**
 * Undo a merge: one event out of its cluster, or (without an event) the whole cluster. Rows stay
 * with undone = 1 so consolidation does not merge them again; a cluster left with one event is
 * undone entirely. Returns how many events were taken out.
 */
export async function undoMerge(kb: KnowledgeBase, cluster: string, event?: string): Promise<number> {
  return writeTransaction(kb, async (trx) => {
    const db = clusterDb(trx);
    let q = db.updateTable('event_clusters').set({ undone: 1 }).where('cluster', '=', cluster).where('undone', '=', 0);
    if (event) q = q.where('event', '=', event);
    const res = await q.executeTakeFirst();
    let n = Number(res.numUpdatedRows ?? 0);
    const left = await db.selectFrom('event_clusters').select('event').where('cluster', '=', cluster).where('undone', '=', 0).execute();
    if (left.length === 1) {
      await db.updateTable('event_clusters').set({ undone: 1 }).where('cluster', '=', cluster).where('undone', '=', 0).execute();
      n += 1;
    }
    return n;
  });
}

/** The active cluster of each event (events merged with others), for counting an event once. */
export async function activeClusters(kb: KnowledgeBase): Promise<Map<string, string>> {
  const rows = await clusterDb(kb.db).selectFrom('event_clusters').select(['event', 'cluster']).where('undone', '=', 0).execute();
  return new Map(rows.map((r) => [r.event, r.cluster]));
}
