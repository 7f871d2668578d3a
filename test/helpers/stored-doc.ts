import type { AnalysedDocument } from '../../src/model/index.js';

/**
 * A small analysed document built by hand (no pipeline), so knowledge-base tests do not depend
 * on the recognisers' current behaviour.
 */
export function handBuiltDocument(text = 'Alphaland condemned Betastan in March.\nBetastan expelled two diplomats.', source = 'hand.txt', id = 'doc-hand-1'): AnalysedDocument {
  const firstEnd = text.indexOf('\n') < 0 ? text.length : text.indexOf('\n');
  const second = { start: firstEnd + 1, end: text.length };
  const alpha = text.indexOf('Alphaland');
  const beta = text.indexOf('Betastan');
  const trig = text.indexOf('condemned');
  return {
    id, source, format: 'text', title: 'Hand', text,
    blocks: [{ kind: 'paragraph', start: 0, end: firstEnd }],
    footnotes: [],
    messages: [{ doc: id, rule: 'test.note', severity: 'info', message: 'a note' }],
    period: { start: '2022-01-01', end: '2022-12-31', rule: 'period.override', reason: 'test' },
    segmentation: {
      sections: [],
      paragraphs: [{ index: 0, section: null, kind: 'paragraph', start: 0, end: text.length }],
      sentences: [{ index: 0, paragraph: 0, start: 0, end: firstEnd }, ...(second.start < second.end ? [{ index: 1, paragraph: 0, ...second }] : [])],
    },
    mentions: [
      { doc: id, start: alpha, end: alpha + 9, text: 'Alphaland', entity: 'state:ALP', kind: 'state', rule: 'test' },
      { doc: id, start: beta, end: beta + 8, text: 'Betastan', entity: 'state:BET', kind: 'state', rule: 'test' },
    ],
    timexes: [],
    quantities: [],
    entities: new Map([
      ['state:ALP', { id: 'state:ALP', kind: 'state', name: 'Alphaland', aliases: ['Alpha'], iso3: 'ALP', source: 'test' }],
      ['state:BET', { id: 'state:BET', kind: 'state', name: 'Betastan', aliases: [], iso3: 'BET', source: 'test' }],
    ]),
    events: trig < 0 ? [] : [{
      id: `${id}:e0`, doc: id, type: 'ACCUSE', contexts: ['diplomatic'], actors: ['state:ALP'], recipients: ['state:BET'],
      date: { value: '2022-03', start: '2022-03-01', end: '2022-03-31', source: 'timex:0', inferred: true },
      negated: false, modality: 'asserted', quad: 3, intensity: -2,
      trigger: { doc: id, start: trig, end: trig + 9, text: 'condemned' },
      evidence: { doc: id, start: 0, end: firstEnd, text: text.slice(0, firstEnd) }, rule: 'test',
    }],
    stances: [],
    agreementStatus: [],
    figures: [],
  };
}
