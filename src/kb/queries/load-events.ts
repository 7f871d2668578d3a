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
    // The three statements go out together: on PostgreSQL each is a round trip to the server,
    // and their waits overlap (SQLite runs them one after the other as before). The documents
    // are found from the ids by the server rather than from the rows, which would wait for them.
    const [events, actors, documents] = await Promise.all([
      kb.db.selectFrom('events').selectAll().where('id', 'in', part).execute(),
      kb.db.selectFrom('event_actors').select(['event', 'entity', 'role', 'ord']).where('event', 'in', part).orderBy('event').orderBy('ord').execute(),
      kb.db.selectFrom('documents').select(['id', 'text'])
        .where('id', 'in', (eb) => eb.selectFrom('events').select('events.doc').where('events.id', 'in', part)).execute(),
    ]);
    rows.push(...events);
    roles.push(...actors);
    for (const d of documents) texts.set(d.id, d.text);
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
