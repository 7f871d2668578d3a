import type { KnowledgeBase } from '../open-knowledge-base.js';
import { dateBound } from '../filters.js';
import { spanTexts } from './document-texts.js';

export interface AgreementStatusFilters {
  docs?: string[];
  /** Agreement entity ids (`agreement:new-start`, `agreement:text:...`). */
  agreements?: string[];
  /** in_force, suspended, resumed, discontinued, violated, on_hold, withdrawn, signed, proposed. */
  statuses?: string[];
  /** Who changed the status (any of these ids). */
  by?: string[];
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

export interface AgreementStatusRow {
  id: string; doc: string; agreement: string; name: string | null; status: string; by: string[]; negated: boolean; modality: string;
  date: { value: string; start: string | null; end: string | null } | null;
  evidence: { start: number; end: number; text: string };
  rule: string;
}

/** Agreement status changes, filtered and paged, per agreement in date order (its dated history). */
export async function listAgreementStatus(kb: KnowledgeBase, f: AgreementStatusFilters = {}): Promise<{ total: number; changes: AgreementStatusRow[] }> {
  let q = kb.db.selectFrom('agreement_status as a');
  if (f.docs?.length) q = q.where('a.doc', 'in', f.docs);
  if (f.agreements?.length) q = q.where('a.entity', 'in', f.agreements);
  if (f.statuses?.length) q = q.where('a.status', 'in', f.statuses.map((s) => s.toLowerCase().replace(/-/g, '_')));
  if (f.by?.length) {
    // by_entities is a JSON array of ids stored as text: match a quoted id inside it (same on SQLite and PostgreSQL).
    const by = f.by;
    q = q.where((eb) => eb.or(by.map((id) => eb('a.by_entities', 'like', `%${JSON.stringify(id)}%`))));
  }
  if (f.from) q = q.where('a.date_end', '>=', dateBound(f.from, 'start'));
  if (f.to) q = q.where('a.date_start', '<=', dateBound(f.to, 'end'));
  const countRow = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const rows = await q.selectAll('a').orderBy('a.entity').orderBy('a.date_start', (ob) => ob.asc().nullsFirst()).orderBy('a.doc').orderBy('a.evidence_start').orderBy('a.id').limit(f.limit ?? 100).offset(f.offset ?? 0).execute();
  const cut = await spanTexts(kb, rows.map((r) => ({ doc: r.doc, start: r.evidence_start, end: r.evidence_end })));
  const ids = [...new Set(rows.map((r) => r.entity))];
  const names = new Map((ids.length ? await kb.db.selectFrom('entities').select(['id', 'name']).where('id', 'in', ids).execute() : []).map((e) => [e.id, e.name]));
  const changes = rows.map((r): AgreementStatusRow => ({
    id: r.id, doc: r.doc, agreement: r.entity, name: names.get(r.entity) ?? null, status: r.status, by: JSON.parse(r.by_entities) as string[],
    negated: !!r.negated, modality: r.modality,
    date: r.date_value ? { value: r.date_value, start: r.date_start, end: r.date_end } : null,
    evidence: { start: r.evidence_start, end: r.evidence_end, text: cut(r.doc, r.evidence_start, r.evidence_end) },
    rule: r.rule,
  }));
  return { total: Number(countRow?.n ?? 0), changes };
}
