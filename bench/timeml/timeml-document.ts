import type { DocumentWithPeriod, Paragraph, Segmentation, Sentence } from '../../src/model/index.js';
import type { TimemlDocument } from './read-timeml.js';
import { splitSentences } from '../../src/segment/split-sentences.js';

/**
 * Paragraphs = non-empty lines; sentences as the pipeline's own splitter finds them, so that "Mr. Bush" or
 * "Roe vs. Wade" do not cut a sentence in two and hide its verb from the tense of a date (the time layer is
 * measured as it runs in the pipeline).
 */
export function simpleSegmentation(text: string): Segmentation {
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const start = lineStart;
    const end = start + line.length;
    lineStart = end + 1;
    if (!line.trim()) continue;
    const p = paragraphs.length;
    paragraphs.push({ index: p, start, end, section: null, kind: 'paragraph' });
    for (const sp of splitSentences(text, start, end)) sentences.push({ index: sentences.length, paragraph: p, start: sp.start, end: sp.end });
  }
  return { sections: [], paragraphs, sentences };
}

/** A TimeML document as the pipeline sees a dated text: period = the creation year, dct = the creation date. */
export function timemlToDocument(t: TimemlDocument): { doc: DocumentWithPeriod; seg: Segmentation } {
  const seg = simpleSegmentation(t.text);
  const year = t.dct ? t.dct.slice(0, 4) : '';
  const doc: DocumentWithPeriod = {
    id: t.id,
    source: t.id,
    format: 'text',
    title: t.id,
    text: t.text,
    blocks: seg.paragraphs.map((p) => ({ start: p.start, end: p.end, kind: 'paragraph' as const })),
    footnotes: [],
    messages: [],
    period: {
      start: year ? `${year}-01-01` : '',
      end: year ? `${year}-12-31` : '',
      ...(t.dct ? { dct: t.dct } : {}),
      rule: 'period.dateline',
      reason: 'TimeML document creation time',
    },
  };
  return { doc, seg };
}
