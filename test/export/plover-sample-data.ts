import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExportJson } from '../../src/export/export-types.js';

/**
 * Export contract objects for the event-data export tests (PLOVER, GDELT, JSON-LD): a small one
 * built by hand, with invented states so nothing depends on the gazetteers, and the sample report
 * ingested for real.
 */
type Span = { doc: string; start: number; end: number; text: string };

const TEXT = [
  'Event data test report',
  'Alphaland condemned Betastan in March.',
  'On 5 March 2022 the Government of Alphaland expelled Minister Gamma and Betastan said "no".',
  'Alphaland and Betastan will not hold talks.',
  'The Unity Council sent aid to Betastan.',
].join('\n');

export const HAND_DOC = 'doc-h';

function span(text: string, phrase: string, within?: Span): Span {
  const from = within?.start ?? 0;
  const start = text.indexOf(phrase, from);
  if (start < 0 || (within && start + phrase.length > within.end)) throw new Error(`fixture: "${phrase}" not found`);
  return { doc: HAND_DOC, start, end: start + phrase.length, text: phrase };
}

function sentences(text: string): Array<{ start: number; end: number; paragraph: number }> {
  const out: Array<{ start: number; end: number; paragraph: number }> = [];
  let at = 0;
  for (const [i, line] of text.split('\n').entries()) {
    out.push({ start: at, end: at + line.length, paragraph: i });
    at += line.length + 1;
  }
  return out;
}

/** A hand-built export: four events covering month and day dates, lists of actors, negation, IGOs, persons. */
export function handExport(source = '/reports/hand.txt'): ExportJson {
  const sents = sentences(TEXT);
  const sentence = (i: number): Span => ({ doc: HAND_DOC, start: sents[i]!.start, end: sents[i]!.end, text: TEXT.slice(sents[i]!.start, sents[i]!.end) });
  const mention = (phrase: string, entity: string, kind: string, nth = 0) => {
    let start = -1;
    for (let k = 0; k <= nth; k++) start = TEXT.indexOf(phrase, start + 1);
    return { doc: HAND_DOC, start, end: start + phrase.length, text: phrase, entity, kind, rule: 'test' };
  };
  const base = { contexts: [] as string[], negated: false, modality: 'asserted', rule: 'test.rule' };
  return {
    documents: [{
      id: HAND_DOC, title: 'Event data test report', source, format: 'text',
      period: { start: '2022-01-01', end: '2022-12-31', rule: 'period.override', reason: 'test' },
      text: TEXT, sections: [], sentences: sents, footnotes: [],
    }],
    entities: [
      { id: 'org:gov-ALP', kind: 'organization', name: 'Government of Alphaland', aliases: [], country: 'state:ALP', sector: 'GOV' },
      { id: 'org:unity-council', kind: 'organization', name: 'Unity Council', aliases: ['UC'], sector: 'IGO', wikidata: 'Q3' },
      { id: 'person:gamma', kind: 'person', name: 'Gamma Delta', aliases: ['Gamma'], country: 'state:BET', sector: 'GOV', offices: [{ title: 'Foreign Minister', country: 'state:BET', start: '2020-01-01', end: '2022-12-31' }, { title: 'Prime Minister', country: 'state:BET', start: '2023-01-01' }] },
      { id: 'state:ALP', kind: 'state', name: 'Alphaland', aliases: ['Alpha'], iso3: 'ALP', sector: 'GOV', wikidata: 'Q1' },
      { id: 'state:BET', kind: 'state', name: 'Betastan', aliases: [], iso3: 'BET', sector: 'GOV', wikidata: 'Q2' },
    ],
    events: [
      { ...base, id: `${HAND_DOC}:e1`, doc: HAND_DOC, type: 'ACCUSE', mode: 'disapprove', contexts: ['diplomatic'], actors: ['state:ALP'], recipients: ['state:BET'],
        date: { value: '2022-03', start: '2022-03-01', end: '2022-03-31', inferred: false }, quad: 3, intensity: -2,
        trigger: span(TEXT, 'condemned'), evidence: sentence(1) },
      { ...base, id: `${HAND_DOC}:e2`, doc: HAND_DOC, type: 'SANCTION', mode: 'expel', actors: ['org:gov-ALP'], recipients: ['person:gamma', 'state:BET'],
        date: { value: '2022-03-05', start: '2022-03-05', end: '2022-03-05' }, quad: 4, intensity: -5.5,
        trigger: span(TEXT, 'expelled'), evidence: sentence(2), respondsTo: `${HAND_DOC}:e1` },
      { ...base, id: `${HAND_DOC}:e3`, doc: HAND_DOC, type: 'CONSULT', actors: ['state:ALP', 'state:BET'], recipients: [], negated: true, modality: 'planned',
        date: null, quad: 1, intensity: 2.5, trigger: span(TEXT, 'talks'), evidence: sentence(3) },
      { ...base, id: `${HAND_DOC}:e4`, doc: HAND_DOC, type: 'AID', actors: ['org:unity-council'], recipients: [], location: 'state:BET',
        date: { value: '2022', start: '2022-01-01', end: '2022-12-31', inferred: true }, quad: 2, intensity: 10,
        trigger: span(TEXT, 'sent aid'), evidence: sentence(4), quantity: { value: 1, unit: 'shipment' } },
    ],
    stances: [{ id: `${HAND_DOC}:s1`, holder: 'state:ALP', target: 'state:BET', stance: 'condemns', negated: false, date: null, evidence: sentence(1), rule: 'test' }],
    agreements: [],
    figures: [],
    timexes: [],
    mentions: [
      mention('Alphaland', 'state:ALP', 'state'), mention('Betastan', 'state:BET', 'state'),
      mention('Government of Alphaland', 'org:gov-ALP', 'organization'), mention('Minister Gamma', 'person:gamma', 'person'),
      mention('Betastan', 'state:BET', 'state', 1), mention('Alphaland', 'state:ALP', 'state', 2),
      mention('Unity Council', 'org:unity-council', 'organization'),
    ],
    messages: [],
  };
}

/** Concatenate a format's text chunks. */
export async function renderText(chunks: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>): Promise<string> {
  let out = '';
  for await (const c of chunks) out += typeof c === 'string' ? c : Buffer.from(c).toString('utf8');
  return out;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The sample report(s) in samples/, ingested into a scratch SQLite knowledge base and exported. */
export async function sampleExport(): Promise<ExportJson> {
  const { openKnowledgeBase } = await import('../../src/kb/open-knowledge-base.js');
  const { ingestFiles } = await import('../../src/pipeline/ingest.js');
  const { exportJson } = await import('../../src/export/export-json.js');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dg-event-exports-'));
  const kb = await openKnowledgeBase(path.join(dir, 'kb.sqlite'));
  try {
    const samples = readdirSync(path.join(ROOT, 'samples')).filter((f) => f.endsWith('.txt')).map((f) => path.join(ROOT, 'samples', f));
    const outcomes = await ingestFiles(kb, samples);
    if (!outcomes.every((o) => o.ok)) throw new Error(`sample ingest failed: ${JSON.stringify(outcomes)}`);
    return await exportJson(kb);
  } finally {
    await kb.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
