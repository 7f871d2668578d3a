import type { AnalysedDocument } from '../../src/model/index.js';
import { openKnowledgeBase, type KnowledgeBase } from '../../src/kb/open-knowledge-base.js';
import { storeDocument } from '../../src/kb/store-document.js';
import { handBuiltDocument } from '../helpers/stored-doc.js';

/**
 * A knowledge base for the explorer's routes: the shared hand-built document plus a second one with
 * a cooperation event, a stance, an agreement status change and a figure, all built by hand.
 */
export async function explorerKb(open: () => Promise<KnowledgeBase> = () => openKnowledgeBase(':memory:')): Promise<KnowledgeBase> {
  const kb = await open();
  await storeDocument(kb, handBuiltDocument());
  await storeDocument(kb, secondDocument());
  return kb;
}

export function secondDocument(): AnalysedDocument {
  const id = 'doc-two';
  const text = 'Alphaland supported Betastan in May 2021.\nGammaria suspended the Delta Accord in June 2021.\nGrowth reached 3.5% in 2021.';
  const s1 = { start: 0, end: text.indexOf('\n') };
  const s2 = { start: s1.end + 1, end: text.indexOf('\n', s1.end + 1) };
  const s3 = { start: s2.end + 1, end: text.length };
  const at = (w: string, from = 0) => ({ start: text.indexOf(w, from), end: text.indexOf(w, from) + w.length, text: w });
  const base = handBuiltDocument(text, 'two.txt', id);
  const support = at('supported');
  return {
    ...base,
    title: 'Second',
    segmentation: {
      sections: [],
      paragraphs: [{ index: 0, section: null, kind: 'paragraph', start: 0, end: text.length }],
      sentences: [{ index: 0, paragraph: 0, ...s1 }, { index: 1, paragraph: 0, ...s2 }, { index: 2, paragraph: 0, ...s3 }],
    },
    mentions: [
      { doc: id, ...at('Alphaland'), entity: 'state:ALP', kind: 'state', rule: 'test' },
      { doc: id, ...at('Betastan'), entity: 'state:BET', kind: 'state', rule: 'test' },
      { doc: id, ...at('Gammaria'), entity: 'state:GAM', kind: 'state', rule: 'test' },
      { doc: id, ...at('Delta Accord'), entity: 'agreement:DELTA', kind: 'agreement', rule: 'test' },
    ],
    timexes: [{ doc: id, ...at('May 2021'), type: 'DATE', value: '2021-05', range: { start: '2021-05-01', end: '2021-05-31' }, inferred: [], rule: 'test' }],
    entities: new Map([
      ['state:ALP', { id: 'state:ALP', kind: 'state', name: 'Alphaland', aliases: [], source: 'test' }],
      ['state:BET', { id: 'state:BET', kind: 'state', name: 'Betastan', aliases: [], source: 'test' }],
      ['state:GAM', { id: 'state:GAM', kind: 'state', name: 'Gammaria', aliases: [], source: 'test' }],
      ['agreement:DELTA', { id: 'agreement:DELTA', kind: 'agreement', name: 'Delta Accord', aliases: [], source: 'test' }],
    ]),
    events: [{
      id: `${id}:e0`, doc: id, type: 'SUPPORT', contexts: [], actors: ['state:ALP'], recipients: ['state:BET'],
      date: { value: '2021-05', start: '2021-05-01', end: '2021-05-31', source: 'timex:0', inferred: false },
      negated: false, modality: 'asserted', quad: 1, intensity: 3,
      trigger: { doc: id, ...support }, evidence: { doc: id, ...s1, text: text.slice(s1.start, s1.end) }, rule: 'test.support',
    }],
    stances: [{
      id: `${id}:s0`, holder: 'state:ALP', target: 'state:BET', stance: 'supports', negated: false,
      date: { value: '2021-05', start: '2021-05-01', end: '2021-05-31', source: 'timex:0', inferred: false },
      evidence: { doc: id, ...s1, text: text.slice(s1.start, s1.end) }, rule: 'test.stance',
    }],
    agreementStatus: [{
      entity: 'agreement:DELTA', status: 'suspended', by: ['state:GAM'], modality: 'asserted',
      date: { value: '2021-06', start: '2021-06-01', end: '2021-06-30', source: 'timex', inferred: false },
      evidence: { doc: id, ...s2, text: text.slice(s2.start, s2.end) }, rule: 'test.agreement',
    }],
    figures: [{
      id: `${id}:f0`, what: 'gdp_growth', subject: 'state:GAM', value: 3.5, unit: 'percent',
      period: { value: '2021', start: '2021-01-01', end: '2021-12-31', source: 'timex', inferred: false },
      evidence: { doc: id, ...s3, text: text.slice(s3.start, s3.end) }, span: { doc: id, ...at('3.5%') }, rule: 'test.figure',
    }],
  };
}
