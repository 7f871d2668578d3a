import type { KnowledgeBase } from '../kb/open-knowledge-base.js';

export interface DateOf { value: string; start: string | null; end: string | null }

interface RecordBase {
  id: string;
  doc: string;
  evidenceStart: number;
  evidenceEnd: number;
  date: DateOf | null;
  negated: boolean;
}

export interface EventRecord extends RecordBase {
  kind: 'event';
  type: string;
  mode: string | null;
  modality: string;
  actors: string[];
  recipients: string[];
  location: string | null;
  trigger: { start: number; end: number; text: string };
}

export interface StanceRecord extends RecordBase {
  kind: 'stance';
  holder: string;
  target: string | null;
  stance: string;
  topic: string | null;
}

export interface AgreementRecord extends RecordBase {
  kind: 'agreement';
  entity: string;
  status: string;
  by: string[];
  modality: string;
}

export interface FigureRecord extends RecordBase {
  kind: 'figure';
  what: string;
  subject: string | null;
  value: number;
  unit: string;
  span: { start: number; end: number };
}

export type KbRecord = EventRecord | StanceRecord | AgreementRecord | FigureRecord;

const dateOf = (value: string | null, start: string | null, end: string | null): DateOf | null => (value ? { value, start, end } : null);

/** Events of the given types (all types when empty), with their actors and recipients. */
export async function loadEvents(kb: KnowledgeBase, types: string[], negated?: boolean): Promise<EventRecord[]> {
  let q = kb.db.selectFrom('events').selectAll();
  if (types.length) q = q.where('type', 'in', types);
  if (negated !== undefined) q = q.where('negated', '=', negated ? 1 : 0);
  const rows = await q.orderBy('doc').orderBy('trigger_start').execute();
  const roles = new Map<string, { actors: string[]; recipients: string[] }>();
  // The same filters as a subquery, rather than an IN list of thousands of ids.
  let roleQuery = kb.db.selectFrom('event_actors as ea').innerJoin('events as e', 'e.id', 'ea.event').select(['ea.event', 'ea.entity', 'ea.role']);
  if (types.length) roleQuery = roleQuery.where('e.type', 'in', types);
  if (negated !== undefined) roleQuery = roleQuery.where('e.negated', '=', negated ? 1 : 0);
  const roleRows = rows.length ? await roleQuery.orderBy('ea.ord').execute() : [];
  for (const r of roleRows) {
    const entry = roles.get(r.event) ?? { actors: [], recipients: [] };
    (r.role === 'actor' ? entry.actors : entry.recipients).push(r.entity);
    roles.set(r.event, entry);
  }
  return rows.map((r) => ({
    kind: 'event', id: r.id, doc: r.doc, evidenceStart: r.evidence_start, evidenceEnd: r.evidence_end,
    date: dateOf(r.date_value, r.date_start, r.date_end), negated: !!r.negated,
    type: r.type, mode: r.mode, modality: r.modality, location: r.location,
    actors: roles.get(r.id)?.actors ?? [], recipients: roles.get(r.id)?.recipients ?? [],
    trigger: { start: r.trigger_start, end: r.trigger_end, text: r.trigger_text },
  }));
}

export async function loadStances(kb: KnowledgeBase, stances: string[]): Promise<StanceRecord[]> {
  let q = kb.db.selectFrom('stances').selectAll();
  if (stances.length) q = q.where('stance', 'in', stances);
  const rows = await q.orderBy('doc').orderBy('evidence_start').execute();
  return rows.map((r) => ({
    kind: 'stance', id: r.id, doc: r.doc, evidenceStart: r.evidence_start, evidenceEnd: r.evidence_end,
    date: dateOf(r.date_value, r.date_start, r.date_end), negated: !!r.negated,
    holder: r.holder, target: r.target, stance: r.stance, topic: r.topic,
  }));
}

/** Status changes of these agreements (of every agreement when the list is empty). */
export async function loadAgreementStatus(kb: KnowledgeBase, entities: string[]): Promise<AgreementRecord[]> {
  let q = kb.db.selectFrom('agreement_status').selectAll();
  if (entities.length) q = q.where('entity', 'in', entities);
  const rows = await q.orderBy('date_start').orderBy('doc').orderBy('evidence_start').execute();
  return rows.map((r) => ({
    kind: 'agreement', id: r.id, doc: r.doc, evidenceStart: r.evidence_start, evidenceEnd: r.evidence_end,
    date: dateOf(r.date_value, r.date_start, r.date_end), negated: !!r.negated,
    entity: r.entity, status: r.status, by: safeList(r.by_entities), modality: r.modality,
  }));
}

export async function loadFigures(kb: KnowledgeBase): Promise<FigureRecord[]> {
  const rows = await kb.db.selectFrom('figures').selectAll().orderBy('doc').orderBy('span_start').execute();
  return rows.map((r) => ({
    kind: 'figure', id: r.id, doc: r.doc, evidenceStart: r.evidence_start, evidenceEnd: r.evidence_end,
    date: dateOf(r.period_value, r.period_start, r.period_end), negated: false,
    what: r.what, subject: r.subject, value: r.value, unit: r.unit, span: { start: r.span_start, end: r.span_end },
  }));
}

/** Report periods of documents, for records the text gives no date. */
export async function loadPeriods(kb: KnowledgeBase): Promise<Map<string, { start: string; end: string }>> {
  const rows = await kb.db.selectFrom('documents').select(['id', 'period_start', 'period_end']).execute();
  return new Map(rows.map((r) => [r.id, { start: r.period_start, end: r.period_end }]));
}

/** Entities mentioned in each evidence sentence ("doc:start" -> ids), for context constraints. */
export async function mentionsIn(kb: KnowledgeBase, spans: Array<{ doc: string; evidenceStart: number; evidenceEnd: number }>): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  const docs = [...new Set(spans.map((s) => s.doc))];
  for (const doc of docs) {
    const rows = await kb.db.selectFrom('mentions').select(['start', 'end', 'entity']).where('doc', '=', doc).where('entity', 'is not', null).orderBy('start').execute();
    for (const s of spans.filter((x) => x.doc === doc)) {
      const key = `${doc}:${s.evidenceStart}`;
      if (out.has(key)) continue;
      out.set(key, new Set(rows.filter((m) => m.start >= s.evidenceStart && m.end <= s.evidenceEnd).map((m) => m.entity!)));
    }
  }
  return out;
}

function safeList(json: string): string[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
