import type { DocumentWithPeriod, Segmentation } from '../../src/model/index.js';

export interface TimedDocOptions {
  /** Report period, "2022" or "2022-01-01..2022-12-31"; omitted means none. */
  period?: string;
  /** Document creation time, "1998-08-07". */
  dct?: string;
}

/** A document for time tests: one sentence (and paragraph) per line, with a period and/or creation time. */
export function makeTimedDoc(text: string, opts: TimedDocOptions = {}): { doc: DocumentWithPeriod; seg: Segmentation } {
  const paragraphs: Segmentation['paragraphs'] = [];
  const sentences: Segmentation['sentences'] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    if (line.trim()) {
      paragraphs.push({ index: paragraphs.length, start: at, end: at + line.length, section: null, kind: 'paragraph' });
      sentences.push({ index: sentences.length, paragraph: paragraphs.length - 1, start: at, end: at + line.length });
    }
    at += line.length + 1;
  }
  let start = '';
  let end = '';
  if (opts.period) {
    const [a, b] = opts.period.split('..');
    start = /^\d{4}$/.test(a!) ? `${a}-01-01` : a!;
    end = b ?? (/^\d{4}$/.test(a!) ? `${a}-12-31` : a!);
  } else if (opts.dct) {
    start = `${opts.dct.slice(0, 4)}-01-01`;
    end = `${opts.dct.slice(0, 4)}-12-31`;
  }
  const doc: DocumentWithPeriod = {
    id: 'test-doc',
    source: 'test.txt',
    format: 'text',
    title: 'test',
    text,
    blocks: paragraphs.map((p) => ({ start: p.start, end: p.end, kind: 'paragraph' as const })),
    footnotes: [],
    messages: [],
    period: { start, end, ...(opts.dct ? { dct: opts.dct } : {}), rule: 'period.override', reason: 'test' },
  };
  return { doc, seg: { sections: [], paragraphs, sentences } };
}
