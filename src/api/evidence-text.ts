import type { KnowledgeBase } from '../kb/open-knowledge-base.js';
import { spanTexts, type Span } from '../kb/queries/document-texts.js';

/**
 * Slices evidence for a page of rows: each span is cut from the stored sentence that holds it, and
 * a document's full text is read only when some span of it is held by no sentence (spanTexts).
 * The slicer answers for the spans given here, as JavaScript slices the document (UTF-16 offsets).
 */
export async function evidenceSlicer(kb: KnowledgeBase, spans: Iterable<Span>): Promise<(doc: string, start: number, end: number) => { doc: string; start: number; end: number; text: string }> {
  const text = await spanTexts(kb, spans);
  return (doc, start, end) => ({ doc, start, end, text: text(doc, start, end) });
}

export function dateOf(value: string | null, start: string | null, end: string | null): { value: string; start: string | null; end: string | null } | null {
  return value ? { value, start, end } : null;
}
