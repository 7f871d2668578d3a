import type { DocumentWithPeriod } from '../../src/model/document.js';
import type { Segmentation } from '../../src/model/structure.js';

/**
 * A one-paragraph document with one sentence per line, without running the read or segment stages.
 * `year` sets the report period to that calendar year; `source` is the file name it claims to come from
 * (speaker inference reads ISO3 file names such as `JPN_72_2017.txt`).
 */
export function makeDoc(text: string, year = 2022, id = 'test-doc', source = 'test'): { doc: DocumentWithPeriod; seg: Segmentation } {
  const doc: DocumentWithPeriod = {
    id,
    source,
    format: 'text',
    title: '',
    text,
    blocks: [{ kind: 'paragraph', start: 0, end: text.length }],
    footnotes: [],
    messages: [],
    period: { start: `${year}-01-01`, end: `${year}-12-31`, rule: 'period.override', reason: 'test' },
  };
  const sentences: Segmentation['sentences'] = [];
  let pos = 0;
  for (const line of text.split('\n')) {
    if (line.trim() !== '') sentences.push({ index: sentences.length, paragraph: 0, start: pos, end: pos + line.length });
    pos += line.length + 1;
  }
  return { doc, seg: { sections: [], paragraphs: [{ index: 0, section: null, kind: 'paragraph', start: 0, end: text.length }], sentences } };
}
