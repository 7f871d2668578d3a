import type { KnowledgeBase } from '../open-knowledge-base.js';
import { dateBound } from '../filters.js';
import { spanTexts } from './document-texts.js';

export interface FigureFilters {
  docs?: string[];
  /** What is measured, e.g. "GDP growth" (exact, case-insensitive). */
  what?: string[];
  subjects?: string[];
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

export interface FigureRow {
  id: string; doc: string; what: string; subject: string | null; value: number; unit: string;
  period: { value: string; start: string | null; end: string | null } | null;
  span: { start: number; end: number; text: string };
  evidence: { start: number; end: number; text: string };
  rule: string;
}

/** Figures, filtered and paged, by measure then period; each with the number as written and its sentence. */
export async function listFigures(kb: KnowledgeBase, f: FigureFilters = {}): Promise<{ total: number; figures: FigureRow[] }> {
  let q = kb.db.selectFrom('figures as f');
  if (f.docs?.length) q = q.where('f.doc', 'in', f.docs);
  if (f.what?.length) {
    const what = f.what.map((w) => w.toLowerCase());
    q = q.where((eb) => eb(eb.fn('lower', ['f.what']), 'in', what));
  }
  if (f.subjects?.length) q = q.where('f.subject', 'in', f.subjects);
  if (f.from) q = q.where('f.period_end', '>=', dateBound(f.from, 'start'));
  if (f.to) q = q.where('f.period_start', '<=', dateBound(f.to, 'end'));
  const countRow = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const rows = await q.selectAll('f').orderBy('f.what').orderBy('f.period_start', (ob) => ob.asc().nullsFirst()).orderBy('f.doc').orderBy('f.span_start').orderBy('f.id').limit(f.limit ?? 100).offset(f.offset ?? 0).execute();
  const cut = await spanTexts(kb, rows.flatMap((r) => [{ doc: r.doc, start: r.span_start, end: r.span_end }, { doc: r.doc, start: r.evidence_start, end: r.evidence_end }]));
  const figures = rows.map((r): FigureRow => {
    return {
      id: r.id, doc: r.doc, what: r.what, subject: r.subject, value: r.value, unit: r.unit,
      period: r.period_value ? { value: r.period_value, start: r.period_start, end: r.period_end } : null,
      span: { start: r.span_start, end: r.span_end, text: cut(r.doc, r.span_start, r.span_end) },
      evidence: { start: r.evidence_start, end: r.evidence_end, text: cut(r.doc, r.evidence_start, r.evidence_end) },
      rule: r.rule,
    };
  });
  return { total: Number(countRow?.n ?? 0), figures };
}
