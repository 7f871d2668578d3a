import type { ExportJson } from '../export/export-types.js';

type ExportDocument = ExportJson['documents'][number];

export interface DerivedParagraph {
  idx: number;
  section: string | null;
  kind: 'title' | 'heading' | 'paragraph' | 'footnote';
  start: number;
  end: number;
}

/**
 * The paragraphs table of a document rebuilt from what the export carries: each sentence names
 * its paragraph, and every character of content lies in some sentence (see src/segment/segment.ts),
 * so a paragraph spans its sentences. Its section is the innermost section around its start; it is
 * a heading when a section starts there, a footnote when a footnote body lies inside it, the title
 * when its text is the document's title, and otherwise a paragraph. What cannot be told apart from
 * the export (a second title line, an HTML list item) becomes a paragraph, and a blank block (a
 * paragraph with no sentence) is not rebuilt.
 */
export function deriveParagraphs(doc: ExportDocument): DerivedParagraph[] {
  const spans = new Map<number, { start: number; end: number }>();
  for (const s of doc.sentences) {
    const p = spans.get(s.paragraph);
    if (p) { p.start = Math.min(p.start, s.start); p.end = Math.max(p.end, s.end); }
    else spans.set(s.paragraph, { start: s.start, end: s.end });
  }
  const sectionStarts = new Set(doc.sections.map((s) => s.start));
  return [...spans.entries()].sort((a, b) => a[0] - b[0]).map(([idx, { start, end }]) => {
    const kind: DerivedParagraph['kind'] = sectionStarts.has(start) ? 'heading'
      : doc.footnotes.some((f) => start <= f.start && f.end <= end) ? 'footnote'
        : doc.text.slice(start, end).trim() === doc.title.trim() ? 'title' : 'paragraph';
    return { idx, section: innermostSection(doc, start), kind, start, end };
  });
}

/** The section whose range holds `offset` and that starts last (sections nest, so it is the innermost). */
function innermostSection(doc: ExportDocument, offset: number): string | null {
  let found: ExportDocument['sections'][number] | undefined;
  for (const s of doc.sections) {
    const inside = s.start <= offset && (offset < s.end || offset === s.start);
    if (inside && (!found || s.start >= found.start)) found = s;
  }
  return found?.id ?? null;
}

/**
 * Where a section's heading line ends: a heading is one paragraph of one sentence that starts
 * where the section starts. Falls back to the section's start (an empty heading) when the export
 * has no such sentence.
 */
export function headingEnd(doc: ExportDocument, section: ExportDocument['sections'][number]): number {
  let end = section.start;
  let paragraph: number | undefined;
  for (const s of doc.sentences) {
    if (paragraph === undefined && s.start === section.start) paragraph = s.paragraph;
    if (paragraph !== undefined && s.paragraph === paragraph) end = Math.max(end, s.end);
  }
  return end;
}
