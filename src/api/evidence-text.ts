import type { KnowledgeBase } from '../kb/open-knowledge-base.js';

/** Slices evidence out of document texts, loading each document's text once per request. */
export async function evidenceSlicer(kb: KnowledgeBase, docs: Iterable<string>): Promise<(doc: string, start: number, end: number) => { doc: string; start: number; end: number; text: string }> {
  const ids = [...new Set(docs)];
  const rows = ids.length ? await kb.db.selectFrom('documents').select(['id', 'text']).where('id', 'in', ids).execute() : [];
  const texts = new Map(rows.map((r) => [r.id, r.text]));
  return (doc, start, end) => ({ doc, start, end, text: (texts.get(doc) ?? '').slice(start, end) });
}

export function dateOf(value: string | null, start: string | null, end: string | null): { value: string; start: string | null; end: string | null } | null {
  return value ? { value, start, end } : null;
}
