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

/** An events row with the stored sentence that starts nearest at or before its evidence (null columns when none). */
type EventWithSentence = Database['events'] & { sentence_start: number | null; sentence_end: number | null; sentence_text: string | null };

/**
 * Full rows, actors and evidence text for a page of ids, kept in the given order.
 *
 * Evidence is a whole stored sentence (docs/schema.md), and a sentence row holds its own text,
 * exactly its slice of the document in JavaScript's UTF-16 offsets: each event comes with the
 * sentence that starts at or before its evidence (one probe of migration 014's index), and the
 * evidence is cut out of that in JavaScript, so no offset is ever counted by SQL (which counts
 * characters, not UTF-16 units). Only an event whose evidence no sentence holds (a span imported
 * from elsewhere, a document stored without sentences) has its document's text read, as before;
 * a page of real reports otherwise transferred every involved document in full.
 */
export async function loadEvents(kb: KnowledgeBase, ids: string[]): Promise<EventRow[]> {
  if (ids.length === 0) return [];
  const rows: EventWithSentence[] = [];
  // Only the role columns: the copies of event columns (migration 008) are not needed here.
  const roles: Database['event_actors'][] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    if (kb.dialect === 'postgres') {
      const got = await readPostgres(kb, part);
      rows.push(...got.rows);
      roles.push(...got.roles);
      continue;
    }
    // SQLite answers in process: plain statements.
    rows.push(...(await sql<EventWithSentence>`select e.*, s.start as sentence_start, s."end" as sentence_end, s.text as sentence_text
      from events e left join sentences s on s.rowid = (select x.rowid from sentences x where x.doc = e.doc and x.start <= e.evidence_start order by x.start desc limit 1)
      where e.id in (${sql.join(part.map((id) => sql`${id}`))})`.execute(kb.db)).rows);
    roles.push(...await kb.db.selectFrom('event_actors').select(['event', 'entity', 'role', 'ord']).where('event', 'in', part).orderBy('event').orderBy('ord').execute());
  }
  const evidence = new Map<string, string>();
  const unheld: EventWithSentence[] = [];
  for (const r of rows) {
    const text = sentenceSlice(r);
    if (text === undefined) unheld.push(r);
    else evidence.set(r.id, text);
  }
  if (unheld.length) {
    const texts = new Map<string, string>();
    const docs = [...new Set(unheld.map((r) => r.doc))];
    for (let i = 0; i < docs.length; i += CHUNK) {
      for (const d of await kb.db.selectFrom('documents').select(['id', 'text']).where('id', 'in', docs.slice(i, i + CHUNK)).execute()) texts.set(d.id, d.text);
    }
    for (const r of unheld) evidence.set(r.id, (texts.get(r.doc) ?? '').slice(r.evidence_start, r.evidence_end));
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  const rolesOf = new Map<string, Database['event_actors'][]>();
  for (const x of roles) (rolesOf.get(x.event) ?? rolesOf.set(x.event, []).get(x.event)!).push(x);
  return ids.flatMap((id): EventRow[] => {
    const r = byId.get(id);
    if (!r) return [];
    const own = rolesOf.get(id) ?? [];
    return [{
      id: r.id, doc: r.doc, type: r.type, mode: r.mode, contexts: JSON.parse(r.contexts),
      actors: own.filter((x) => x.role === 'actor').map((x) => x.entity),
      recipients: own.filter((x) => x.role === 'recipient').map((x) => x.entity),
      date: r.date_value ? { value: r.date_value, start: r.date_start, end: r.date_end, inferred: !!r.date_inferred } : null,
      location: r.location, quantity: r.quantity_value !== null ? { value: r.quantity_value, unit: r.quantity_unit ?? '' } : null,
      negated: !!r.negated, modality: r.modality, quad: r.quad, intensity: r.intensity,
      trigger: { start: r.trigger_start, end: r.trigger_end, text: r.trigger_text },
      evidence: { start: r.evidence_start, end: r.evidence_end, text: evidence.get(id)! },
      rule: r.rule, respondsTo: r.responds_to,
    }];
  });
}

/**
 * The evidence cut out of the sentence read with it, when that sentence holds all of it (the
 * same string as the document's slice, as the sentence is its slice); otherwise undefined. Spans
 * that slice() would read from the end (negative offsets) are left to the document's text too.
 */
export function sentenceSlice(r: Pick<EventWithSentence, 'evidence_start' | 'evidence_end' | 'sentence_start' | 'sentence_end' | 'sentence_text'>): string | undefined {
  const { evidence_start: start, evidence_end: end, sentence_start: from, sentence_end: to, sentence_text: text } = r;
  if (text === null || from === null || to === null || start < 0 || end < start) return undefined;
  if (start < from || end > to) return undefined;
  return start === from && end === to ? text : text.slice(start - from, end - from);
}

/**
 * PostgreSQL: the events, their roles and their evidence sentences in one statement, as each
 * statement is a round trip (three of them took as long as the page's own query under load).
 * Roles come as a JSON array per event in role order; the sentence is the one starting nearest at
 * or before the evidence (a backward probe of migration 014's index per event).
 */
async function readPostgres(kb: KnowledgeBase, ids: string[]): Promise<{ rows: EventWithSentence[]; roles: Database['event_actors'][] }> {
  const got = await sql<EventWithSentence & { role_rows: [string, string, number][] | null }>`select e.*,
      s.start as sentence_start, s."end" as sentence_end, s.text as sentence_text,
      (select json_agg(json_build_array(a.entity, a.role, a.ord) order by a.ord) from event_actors a where a.event = e.id) as role_rows
    from events e left join lateral (select x.start, x."end", x.text from sentences x where x.doc = e.doc and x.start <= e.evidence_start order by x.start desc limit 1) s on true
    where e.id in (${sql.join(ids.map((id) => sql`${id}`))})`.execute(kb.db);
  const rows: EventWithSentence[] = [];
  const roles: Database['event_actors'][] = [];
  for (const { role_rows: own, ...row } of got.rows) {
    rows.push(row);
    for (const [entity, role, ord] of own ?? []) roles.push({ event: row.id, entity, role, ord } as Database['event_actors']);
  }
  return { rows, roles };
}
