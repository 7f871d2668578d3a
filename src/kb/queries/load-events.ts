import { sql } from 'kysely';
import type { KnowledgeBase } from '../open-knowledge-base.js';
import type { Database } from '../schema.js';

/** Rows fetched per statement when loading a page (under both engines' bound-parameter limits). */
const CHUNK = 5_000;

export interface EventRow {
  id: string; doc: string; type: string; mode: string | null; contexts: string[];
  actors: string[]; recipients: string[];
  date: { value: string; start: string | null; end: string | null; inferred: boolean } | null;
  location: string | null; quantity: { value: number; unit: string } | null;
  negated: boolean; modality: string; quad: number; intensity: number;
  trigger: { start: number; end: number; text: string };
  evidence: { start: number; end: number; text: string };
  rule: string; respondsTo: string | null;
}

/** Full rows, actors and evidence text for a page of ids, kept in the given order. */
export async function loadEvents(kb: KnowledgeBase, ids: string[]): Promise<EventRow[]> {
  if (ids.length === 0) return [];
  const rows: Database['events'][] = [];
  // Only the role columns: the copies of event columns (migration 008) are not needed here.
  const roles: Database['event_actors'][] = [];
  const texts = new Map<string, string>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    if (kb.dialect === 'postgres') {
      const got = await readPostgres(kb, part);
      rows.push(...got.rows);
      roles.push(...got.roles);
      for (const [id, text] of got.texts) texts.set(id, text);
      continue;
    }
    // SQLite answers in process: plain statements, the documents' texts once all rows are in.
    rows.push(...await kb.db.selectFrom('events').selectAll().where('id', 'in', part).execute());
    roles.push(...await kb.db.selectFrom('event_actors').select(['event', 'entity', 'role', 'ord']).where('event', 'in', part).orderBy('event').orderBy('ord').execute());
  }
  const docs = [...new Set(rows.map((r) => r.doc))].filter((d) => !texts.has(d));
  for (let i = 0; i < docs.length; i += CHUNK) {
    for (const d of await kb.db.selectFrom('documents').select(['id', 'text']).where('id', 'in', docs.slice(i, i + CHUNK)).execute()) texts.set(d.id, d.text);
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  const rolesOf = new Map<string, Database['event_actors'][]>();
  for (const x of roles) (rolesOf.get(x.event) ?? rolesOf.set(x.event, []).get(x.event)!).push(x);
  return ids.flatMap((id): EventRow[] => {
    const r = byId.get(id);
    if (!r) return [];
    const text = texts.get(r.doc) ?? '';
    const own = rolesOf.get(id) ?? [];
    return [{
      id: r.id, doc: r.doc, type: r.type, mode: r.mode, contexts: JSON.parse(r.contexts),
      actors: own.filter((x) => x.role === 'actor').map((x) => x.entity),
      recipients: own.filter((x) => x.role === 'recipient').map((x) => x.entity),
      date: r.date_value ? { value: r.date_value, start: r.date_start, end: r.date_end, inferred: !!r.date_inferred } : null,
      location: r.location, quantity: r.quantity_value !== null ? { value: r.quantity_value, unit: r.quantity_unit ?? '' } : null,
      negated: !!r.negated, modality: r.modality, quad: r.quad, intensity: r.intensity,
      trigger: { start: r.trigger_start, end: r.trigger_end, text: r.trigger_text },
      evidence: { start: r.evidence_start, end: r.evidence_end, text: text.slice(r.evidence_start, r.evidence_end) },
      rule: r.rule, respondsTo: r.responds_to,
    }];
  });
}

/**
 * PostgreSQL: the events, their roles and their documents' texts in one statement, as each
 * statement is a round trip (three of them took as long as the page's own query under load).
 * Roles come as a JSON array per event in role order; a document's text comes with the first of
 * its events only, so a page of one document carries its text once.
 */
async function readPostgres(kb: KnowledgeBase, ids: string[]): Promise<{ rows: Database['events'][]; roles: Database['event_actors'][]; texts: Map<string, string> }> {
  const got = await sql<Database['events'] & { doc_text: string | null; role_rows: [string, string, number][] | null }>`select e.*,
      case when row_number() over (partition by e.doc order by e.id) = 1 then d.text end as doc_text,
      (select json_agg(json_build_array(a.entity, a.role, a.ord) order by a.ord) from event_actors a where a.event = e.id) as role_rows
    from events e left join documents d on d.id = e.doc
    where e.id in (${sql.join(ids.map((id) => sql`${id}`))})`.execute(kb.db);
  const rows: Database['events'][] = [];
  const roles: Database['event_actors'][] = [];
  const texts = new Map<string, string>();
  for (const { doc_text: text, role_rows: own, ...row } of got.rows) {
    rows.push(row);
    if (text !== null) texts.set(row.doc, text);
    for (const [entity, role, ord] of own ?? []) roles.push({ event: row.id, entity, role, ord } as Database['event_actors']);
  }
  return { rows, roles, texts };
}
