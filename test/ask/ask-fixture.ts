import type { AnalysedDocument, EventDate, PloverType } from '../../src/model/index.js';
import type { Entity } from '../../src/model/entity.js';
import { openKnowledgeBase, type KnowledgeBase } from '../../src/kb/open-knowledge-base.js';
import { storeDocument } from '../../src/kb/store-document.js';

/**
 * A knowledge base of invented states built by hand (no pipeline), so the ask tests depend neither
 * on the sample nor on the recognisers' current output: one sentence per line, and every record
 * that the answer layer reads (events, stances, agreement status, figures, mentions) is written out.
 */
export const ASK_LINES = [
  'Alphaland condemned Betastan in March 2022.',
  'Gammaria has never condemned Betastan.',
  'The Government of Alphaland suspended the Delta Accord in June 2022.',
  'Betastan expelled 12 diplomats of Alphaland in July 2022.',
  'Growth in Betastan fell to -2.5% in 2022.',
  'The Epsilon Summit was held in Gammaria.',
];

const ENTITIES: Entity[] = [
  { id: 'state:ALP', kind: 'state', name: 'Alphaland', aliases: ['Alphalandic'], iso3: 'ALP', source: 'test' },
  { id: 'state:BET', kind: 'state', name: 'Betastan', aliases: [], iso3: 'BET', source: 'test' },
  { id: 'state:GAM', kind: 'state', name: 'Gammaria', aliases: [], iso3: 'GAM', source: 'test' },
  { id: 'org:gov-ALP', kind: 'organization', name: 'Government of Alphaland', aliases: [], country: 'state:ALP', source: 'test' },
  { id: 'agreement:delta', kind: 'agreement', name: 'Delta Accord', aliases: [], source: 'test' },
  { id: 'other:epsilon-summit', kind: 'other', name: 'Epsilon Summit', aliases: [], source: 'test' },
];

const month = (m: string): EventDate => {
  const [y, mm] = m.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, mm, 0)).getUTCDate();
  return { value: m, start: `${m}-01`, end: `${m}-${String(last).padStart(2, '0')}`, source: 'test', inferred: false };
};

export function askDocument(id = 'doc-ask'): AnalysedDocument {
  const text = ASK_LINES.join('\n');
  const starts: number[] = [];
  let pos = 0;
  for (const line of ASK_LINES) { starts.push(pos); pos += line.length + 1; }
  const sentence = (k: number) => ({ start: starts[k]!, end: starts[k]! + ASK_LINES[k]!.length });
  const at = (k: number, w: string) => {
    const start = text.indexOf(w, starts[k]);
    if (start < 0 || start >= sentence(k).end) throw new Error(`"${w}" not in line ${k}`);
    return { doc: id, start, end: start + w.length, text: w };
  };
  const evidence = (k: number) => ({ doc: id, ...sentence(k), text: ASK_LINES[k]! });
  const mention = (k: number, w: string, entity: string, kind: Entity['kind']) => ({ ...at(k, w), entity, kind, rule: 'test' });
  let n = 0;
  const event = (k: number, type: PloverType, trigger: string, actors: string[], recipients: string[], date: EventDate | null, extra: { negated?: boolean; mode?: string } = {}) => ({
    id: `${id}:e${n++}`, doc: id, type, contexts: [], actors, recipients, date, negated: extra.negated ?? false, modality: 'asserted' as const,
    quad: 3 as const, intensity: -2, trigger: at(k, trigger), evidence: evidence(k), rule: 'test', ...(extra.mode ? { mode: extra.mode } : {}),
  });
  return {
    id, source: 'ask.txt', format: 'text', title: 'Ask fixture', text,
    blocks: [{ kind: 'paragraph', start: 0, end: text.length }], footnotes: [], messages: [],
    period: { start: '2022-01-01', end: '2022-12-31', rule: 'period.override', reason: 'test' },
    segmentation: {
      sections: [],
      paragraphs: [{ index: 0, section: null, kind: 'paragraph', start: 0, end: text.length }],
      sentences: ASK_LINES.map((_, k) => ({ index: k, paragraph: 0, ...sentence(k) })),
    },
    mentions: [
      mention(0, 'Alphaland', 'state:ALP', 'state'), mention(0, 'Betastan', 'state:BET', 'state'),
      mention(1, 'Gammaria', 'state:GAM', 'state'), mention(1, 'Betastan', 'state:BET', 'state'),
      mention(2, 'Government of Alphaland', 'org:gov-ALP', 'organization'), mention(2, 'Delta Accord', 'agreement:delta', 'agreement'),
      mention(3, 'Betastan', 'state:BET', 'state'), mention(3, 'Alphaland', 'state:ALP', 'state'),
      mention(4, 'Betastan', 'state:BET', 'state'),
      mention(5, 'Epsilon Summit', 'other:epsilon-summit', 'other'), mention(5, 'Gammaria', 'state:GAM', 'state'),
    ],
    timexes: [], quantities: [],
    entities: new Map(ENTITIES.map((e) => [e.id, e])),
    events: [
      event(0, 'ACCUSE', 'condemned', ['state:ALP'], ['state:BET'], month('2022-03'), { mode: 'disapprove' }),
      event(1, 'ACCUSE', 'condemned', ['state:GAM'], ['state:BET'], null, { negated: true, mode: 'disapprove' }),
      event(2, 'SANCTION', 'suspended', ['org:gov-ALP'], [], month('2022-06'), { mode: 'discontinue' }),
      event(3, 'SANCTION', 'expelled', ['state:BET'], ['state:ALP'], month('2022-07'), { mode: 'expel' }),
      event(5, 'CONSULT', 'held', [], [], null),
    ],
    stances: [
      { id: `${id}:s0`, holder: 'state:ALP', target: 'state:BET', stance: 'condemns', negated: false, date: month('2022-03'), evidence: evidence(0), rule: 'test' },
      { id: `${id}:s1`, holder: 'state:GAM', target: 'state:BET', stance: 'condemns', negated: true, date: null, evidence: evidence(1), rule: 'test' },
    ],
    agreementStatus: [
      { entity: 'agreement:delta', status: 'suspended', by: ['org:gov-ALP'], modality: 'asserted', date: month('2022-06'), evidence: evidence(2), rule: 'test' },
    ],
    figures: [
      { id: `${id}:f0`, what: 'number of officials', value: 12, unit: 'diplomats', period: month('2022-07'), evidence: evidence(3), span: at(3, '12 diplomats'), rule: 'test' },
      { id: `${id}:f1`, what: 'GDP growth', subject: 'state:BET', value: -2.5, unit: '%', period: { value: '2022', start: '2022-01-01', end: '2022-12-31', source: 'test', inferred: false }, evidence: evidence(4), span: at(4, '-2.5%'), rule: 'test' },
    ],
  };
}

export async function askKb(): Promise<KnowledgeBase> {
  const kb = await openKnowledgeBase(':memory:');
  await storeDocument(kb, askDocument());
  return kb;
}
