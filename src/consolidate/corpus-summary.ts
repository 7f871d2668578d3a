import type { KnowledgeBase } from '../kb/open-knowledge-base.js';
import { activeClusters } from './merges.js';
import { selectDocuments, type DocumentSelection, type SelectedDocument } from './select-documents.js';

export interface Count { key: string; name?: string; count: number }

export interface StanceRow {
  holder: string;
  target: string | null;
  /** Year -> stance (prefixed `not ` when negated) -> count. */
  years: Record<string, Record<string, number>>;
}

export interface CorpusSummary {
  documents: SelectedDocument[];
  /** Events in the selection; `distinct` counts an event merged across documents once. */
  events: { total: number; distinct: number };
  byType: Count[];
  byActor: Count[];
  byYear: Count[];
  /** Year -> PLOVER type -> count (distinct events). */
  typeByYear: Record<string, Record<string, number>>;
  years: string[];
  stances: StanceRow[];
  names: Record<string, string>;
}

/**
 * Counts over a set of documents: events by type, actor and year (an event merged across documents
 * counts once; its year is its date's, else its document's), and the stance matrix over time (a
 * stance's year is the year of the document that states it: when the holder said so).
 */
export async function corpusSummary(kb: KnowledgeBase, sel: DocumentSelection = {}): Promise<CorpusSummary> {
  const documents = await selectDocuments(kb, sel);
  const yearOf = new Map(documents.map((d) => [d.id, d.year]));
  const ids = documents.map((d) => d.id);
  const clusters = await activeClusters(kb);
  const seen = new Set<string>();
  const byType = new Map<string, number>();
  const byActor = new Map<string, number>();
  const byYear = new Map<string, number>();
  const typeByYear: Record<string, Record<string, number>> = {};
  const stanceRows = new Map<string, StanceRow>();
  const entityIds = new Set<string>();
  let total = 0;
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const events = await kb.db.selectFrom('events').select(['id', 'doc', 'type', 'date_start']).where('doc', 'in', chunk).execute();
    const actors = events.length
      ? await kb.db.selectFrom('event_actors').innerJoin('events', 'events.id', 'event_actors.event').select(['event_actors.event', 'event_actors.entity'])
        .where('events.doc', 'in', chunk).where('event_actors.role', '=', 'actor').execute()
      : [];
    const actorsOf = new Map<string, string[]>();
    for (const a of actors) actorsOf.set(a.event, [...(actorsOf.get(a.event) ?? []), a.entity]);
    for (const e of events) {
      total++;
      const key = clusters.get(e.id) ?? e.id;
      if (seen.has(key)) continue;
      seen.add(key);
      const year = e.date_start?.slice(0, 4) ?? yearOf.get(e.doc) ?? '';
      bump(byType, e.type);
      bump(byYear, year);
      (typeByYear[year] ??= {})[e.type] = (typeByYear[year]![e.type] ?? 0) + 1;
      for (const a of actorsOf.get(e.id) ?? []) { bump(byActor, a); entityIds.add(a); }
    }
    const stances = await kb.db.selectFrom('stances').select(['doc', 'holder', 'target', 'stance', 'negated']).where('doc', 'in', chunk).execute();
    for (const s of stances) {
      const k = `${s.holder}|${s.target ?? ''}`;
      const row = stanceRows.get(k) ?? { holder: s.holder, target: s.target, years: {} };
      const y = (row.years[yearOf.get(s.doc) ?? ''] ??= {});
      const label = `${s.negated ? 'not ' : ''}${s.stance}`;
      y[label] = (y[label] ?? 0) + 1;
      stanceRows.set(k, row);
      entityIds.add(s.holder);
      if (s.target) entityIds.add(s.target);
    }
  }
  const names: Record<string, string> = {};
  const list = [...entityIds];
  for (let i = 0; i < list.length; i += 500) {
    for (const r of await kb.db.selectFrom('entities').select(['id', 'name']).where('id', 'in', list.slice(i, i + 500)).execute()) names[r.id] = r.name;
  }
  const sortCounts = (m: Map<string, number>, named = false): Count[] => [...m]
    .map(([key, count]) => ({ key, ...(named && names[key] ? { name: names[key] } : {}), count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  const years = [...new Set([...documents.map((d) => d.year), ...byYear.keys()])].filter(Boolean).sort();
  return {
    documents,
    events: { total, distinct: seen.size },
    byType: sortCounts(byType),
    byActor: sortCounts(byActor, true),
    byYear: [...byYear].map(([key, count]) => ({ key, count })).sort((a, b) => a.key.localeCompare(b.key)),
    typeByYear,
    years,
    stances: [...stanceRows.values()].sort((a, b) => a.holder.localeCompare(b.holder) || (a.target ?? '').localeCompare(b.target ?? '')),
    names,
  };
}

function bump(m: Map<string, number>, k: string): void {
  m.set(k, (m.get(k) ?? 0) + 1);
}
