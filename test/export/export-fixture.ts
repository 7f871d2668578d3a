import type { AnalysedDocument, EventDate, PloverType } from '../../src/model/index.js';
import type { KnowledgeBase } from '../../src/kb/open-knowledge-base.js';
import { storeDocument } from '../../src/kb/store-document.js';
import { makeAnalysedDoc } from '../helpers/make-analysed-doc.js';

/**
 * Two hand-built documents whose events, stances, agreement status changes, figures and timexes
 * carry known dates and actors, so the export filters can be checked record by record without
 * depending on the recognisers.
 */
const day = (value: string, start: string, end: string): EventDate => ({ value, start, end, source: 'test', inferred: false });

const sentenceOf = (doc: AnalysedDocument, needle: string) => {
  const at = doc.text.indexOf(needle);
  if (at < 0) throw new Error(`fixture: "${needle}" not in text`);
  const s = doc.segmentation.sentences.find((x) => x.start <= at && at < x.end)!;
  return { doc: doc.id, start: s.start, end: s.end, text: doc.text.slice(s.start, s.end) };
};
const spanOf = (doc: AnalysedDocument, needle: string) => {
  const at = doc.text.indexOf(needle);
  return { doc: doc.id, start: at, end: at + needle.length, text: needle };
};
const event = (doc: AnalysedDocument, id: string, type: PloverType, trigger: string, actors: string[], recipients: string[], date: EventDate | null) => ({
  id, doc: doc.id, type, contexts: ['diplomatic'], actors, recipients, date, negated: false, modality: 'asserted' as const, quad: 3 as const, intensity: -2,
  trigger: spanOf(doc, trigger), evidence: sentenceOf(doc, trigger), rule: 'test',
});

export function fixtureDocA(): AnalysedDocument {
  const text = [
    'Alphaland condemned Betastan in March 2022.',
    'Betastan expelled diplomats of Alphaland in 2021.',
    'Alphaland supports the Gamma Accord.',
    'Betastan suspended the Gamma Accord in May 2022.',
    'Trade of Alphaland grew by 3% in 2021.',
  ].join('\n');
  const doc = makeAnalysedDoc(text, {
    id: 'doc-a',
    mentions: [
      { text: 'Alphaland', entity: 'state:ALP', kind: 'state' },
      { text: 'Betastan', entity: 'state:BET', kind: 'state' },
      { text: 'Gamma Accord', entity: 'agreement:gamma', kind: 'agreement' },
    ],
    timexes: [{ text: 'March 2022', value: '2022-03' }, { text: '2021', value: '2021', nth: 0 }, { text: 'May 2022', value: '2022-05' }],
  });
  doc.source = 'a.txt';
  doc.messages = [{ doc: 'doc-a', rule: 'test.note', severity: 'info', message: 'note on a' }];
  doc.events = [
    event(doc, 'doc-a:e0', 'ACCUSE', 'condemned', ['state:ALP'], ['state:BET'], day('2022-03', '2022-03-01', '2022-03-31')),
    event(doc, 'doc-a:e1', 'SANCTION', 'expelled', ['state:BET'], ['state:ALP'], day('2021', '2021-01-01', '2021-12-31')),
  ];
  doc.stances = [{ id: 'doc-a:s0', holder: 'state:ALP', target: 'agreement:gamma', stance: 'supports', negated: false, date: null, evidence: sentenceOf(doc, 'supports'), rule: 'test' }];
  doc.agreementStatus = [{ entity: 'agreement:gamma', date: day('2022-05', '2022-05-01', '2022-05-31'), status: 'suspended', by: ['state:BET'], negated: false, modality: 'asserted', evidence: sentenceOf(doc, 'suspended'), rule: 'test' }];
  doc.figures = [{ id: 'doc-a:f0', what: 'trade growth', subject: 'state:ALP', value: 3, unit: 'percent', period: day('2021', '2021-01-01', '2021-12-31'), span: spanOf(doc, '3%'), evidence: sentenceOf(doc, 'Trade'), rule: 'test' }];
  return doc;
}

export function fixtureDocB(): AnalysedDocument {
  const text = [
    'Gammaria consulted Alphaland in January 2023.',
    'Gammaria condemns Betastan, said the minister "in February 2023".',
    'Alphaland resumed the Gamma Accord.',
  ].join('\n');
  const doc = makeAnalysedDoc(text, {
    id: 'doc-b',
    mentions: [
      { text: 'Gammaria', entity: 'state:GMR', kind: 'state' },
      { text: 'Alphaland', entity: 'state:ALP', kind: 'state' },
      { text: 'Betastan', entity: 'state:BET', kind: 'state' },
      { text: 'Gamma Accord', entity: 'agreement:gamma', kind: 'agreement' },
    ],
    timexes: [{ text: 'January 2023', value: '2023-01' }, { text: 'February 2023', value: '2023-02' }],
  });
  doc.source = 'b.txt';
  doc.period = { start: '2023-01-01', end: '2023-12-31', rule: 'period.override', reason: 'test' };
  doc.messages = [{ doc: 'doc-b', rule: 'test.note', severity: 'warning', message: 'note on b' }];
  doc.events = [event(doc, 'doc-b:e0', 'CONSULT', 'consulted', ['state:GMR'], ['state:ALP'], day('2023-01', '2023-01-01', '2023-01-31'))];
  doc.stances = [{ id: 'doc-b:s0', holder: 'state:GMR', target: 'state:BET', stance: 'condemns', negated: false, date: day('2023-02', '2023-02-01', '2023-02-28'), evidence: sentenceOf(doc, 'condemns'), rule: 'test' }];
  // Undated: a date range leaves it out, an actor filter on Alphaland keeps it.
  doc.agreementStatus = [{ entity: 'agreement:gamma', date: null, status: 'resumed', by: ['state:ALP'], negated: false, modality: 'asserted', evidence: sentenceOf(doc, 'resumed'), rule: 'test' }];
  return doc;
}

/** Store both fixture documents (doc-a first). */
export async function storeFixture(kb: KnowledgeBase): Promise<void> {
  await storeDocument(kb, fixtureDocA(), new Date('2024-01-01T00:00:00Z'));
  await storeDocument(kb, fixtureDocB(), new Date('2024-01-02T00:00:00Z'));
}
