import type { KnowledgeBase } from '../open-knowledge-base.js';
import { dateBound, type EventFilters } from '../filters.js';

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

export async function listEvents(kb: KnowledgeBase, f: EventFilters = {}): Promise<{ total: number; events: EventRow[] }> {
  let q = kb.db.selectFrom('events as e');
  if (f.docs?.length) q = q.where('e.doc', 'in', f.docs);
  if (f.types?.length) q = q.where('e.type', 'in', f.types.map((t) => t.toUpperCase()));
  if (f.negated !== undefined) q = q.where('e.negated', '=', f.negated ? 1 : 0);
  if (f.quad !== undefined) q = q.where('e.quad', '=', f.quad);
  if (f.from) q = q.where('e.date_end', '>=', dateBound(f.from, 'start'));
  if (f.to) q = q.where('e.date_start', '<=', dateBound(f.to, 'end'));
  for (const [role, ids] of [['actor', f.actors], ['recipient', f.recipients]] as const) {
    if (ids?.length) {
      q = q.where('e.id', 'in', (eb) => eb.selectFrom('event_actors').select('event').where('role', '=', role).where('entity', 'in', ids));
    }
  }
  const countRow = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const rows = await q.selectAll('e')
    // Undated events first, as SQLite sorts NULLs; PostgreSQL would put them last. The order is
    // exactly the events_order index's, so SQLite reads a page in order instead of sorting.
    .orderBy('e.date_start', (ob) => ob.asc().nullsFirst()).orderBy('e.doc').orderBy('e.trigger_start')
    .limit(f.limit ?? 100).offset(f.offset ?? 0).execute();
  const ids = rows.map((r) => r.id);
  const roles = ids.length
    ? await kb.db.selectFrom('event_actors').selectAll().where('event', 'in', ids).orderBy('ord').execute()
    : [];
  const texts = new Map<string, string>();
  for (const doc of new Set(rows.map((r) => r.doc))) {
    const d = await kb.db.selectFrom('documents').select('text').where('id', '=', doc).executeTakeFirst();
    texts.set(doc, d?.text ?? '');
  }
  const events = rows.map((r): EventRow => {
    const text = texts.get(r.doc) ?? '';
    return {
      id: r.id, doc: r.doc, type: r.type, mode: r.mode, contexts: JSON.parse(r.contexts),
      actors: roles.filter((x) => x.event === r.id && x.role === 'actor').map((x) => x.entity),
      recipients: roles.filter((x) => x.event === r.id && x.role === 'recipient').map((x) => x.entity),
      date: r.date_value ? { value: r.date_value, start: r.date_start, end: r.date_end, inferred: !!r.date_inferred } : null,
      location: r.location, quantity: r.quantity_value !== null ? { value: r.quantity_value, unit: r.quantity_unit ?? '' } : null,
      negated: !!r.negated, modality: r.modality, quad: r.quad, intensity: r.intensity,
      trigger: { start: r.trigger_start, end: r.trigger_end, text: r.trigger_text },
      evidence: { start: r.evidence_start, end: r.evidence_end, text: text.slice(r.evidence_start, r.evidence_end) },
      rule: r.rule, respondsTo: r.responds_to,
    };
  });
  return { total: Number(countRow?.n ?? 0), events };
}
