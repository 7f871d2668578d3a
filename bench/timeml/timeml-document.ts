import type { DocumentWithPeriod, Paragraph, Segmentation, Sentence } from '../../src/model/index.js';
import type { TimemlDocument } from './read-timeml.js';

// A sentence ends at . ! ? (with closing quotes) before a space and a capital or quote, or at a blank line.
const SENTENCE_END = /[.!?]["'’”)]*(?=\s+["'“‘(]?[A-Z0-9])|\n/g;

/** Paragraphs = non-empty lines; sentences from a plain punctuation split. Independent of src/segment on purpose. */
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
    let s = start;
    SENTENCE_END.lastIndex = 0;
    for (let m = SENTENCE_END.exec(line); m; m = SENTENCE_END.exec(line)) {
      const e = start + m.index + m[0].length;
      if (text.slice(s, e).trim()) sentences.push({ index: sentences.length, paragraph: p, start: s, end: e });
      s = e;
    }
    if (text.slice(s, end).trim()) sentences.push({ index: sentences.length, paragraph: p, start: s, end });
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
