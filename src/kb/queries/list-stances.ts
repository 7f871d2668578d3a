import type { KnowledgeBase } from '../open-knowledge-base.js';
import { dateBound } from '../filters.js';
import { spanTexts } from './document-texts.js';

export interface StanceFilters {
  docs?: string[];
  holders?: string[];
  targets?: string[];
  /** supports, condemns, opposes, abstains, refrains, concerned. */
  stances?: string[];
  negated?: boolean;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

export interface StanceRow {
  id: string; doc: string; holder: string; target: string | null; stance: string; negated: boolean; topic: string | null;
  date: { value: string; start: string | null; end: string | null } | null;
  evidence: { start: number; end: number; text: string };
  rule: string;
}

/** Stances, filtered and paged, in date then document order; each with its evidence sentence. */
export async function listStances(kb: KnowledgeBase, f: StanceFilters = {}): Promise<{ total: number; stances: StanceRow[] }> {
  let q = kb.db.selectFrom('stances as s');
  if (f.docs?.length) q = q.where('s.doc', 'in', f.docs);
  if (f.holders?.length) q = q.where('s.holder', 'in', f.holders);
  if (f.targets?.length) q = q.where('s.target', 'in', f.targets);
  if (f.stances?.length) q = q.where('s.stance', 'in', f.stances.map((s) => s.toLowerCase()));
  if (f.negated !== undefined) q = q.where('s.negated', '=', f.negated ? 1 : 0);
  if (f.from) q = q.where('s.date_end', '>=', dateBound(f.from, 'start'));
  if (f.to) q = q.where('s.date_start', '<=', dateBound(f.to, 'end'));
  const countRow = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const rows = await q.selectAll('s').orderBy('s.date_start', (ob) => ob.asc().nullsFirst()).orderBy('s.doc').orderBy('s.evidence_start').orderBy('s.id').limit(f.limit ?? 100).offset(f.offset ?? 0).execute();
  const cut = await spanTexts(kb, rows.map((r) => ({ doc: r.doc, start: r.evidence_start, end: r.evidence_end })));
  const stances = rows.map((r): StanceRow => ({
    id: r.id, doc: r.doc, holder: r.holder, target: r.target, stance: r.stance, negated: !!r.negated, topic: r.topic,
    date: r.date_value ? { value: r.date_value, start: r.date_start, end: r.date_end } : null,
    evidence: { start: r.evidence_start, end: r.evidence_end, text: cut(r.doc, r.evidence_start, r.evidence_end) },
    rule: r.rule,
  }));
  return { total: Number(countRow?.n ?? 0), stances };
}
