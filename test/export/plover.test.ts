import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exportJsonArb } from './export-json-arbitrary.js';
import { ploverFormat, ploverRecords, type PloverRecord } from '../../src/export/export-plover.js';
import type { ExportJson } from '../../src/export/export-types.js';
import { handExport, renderText, sampleExport } from './plover-sample-data.js';

/**
 * Field lists of the PLOVER manual, DRAFT version 0.8, chapter "Data Fields": the "PLOVER JSON"
 * table and the information objects for actors, text and citations. Each field with the JSON types
 * a record may give it here (null where we do not know the value).
 */
type JsonType = 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object';
const PLOVER_JSON: Array<[string, JsonType[]]> = [
  ['id', ['string']], ['has_event', ['boolean']], ['date', ['string', 'null']], ['time', ['string', 'null']],
  ['enddate', ['string', 'null']], ['endtime', ['string', 'null']], ['source', ['array']], ['recipient', ['array']],
  ['event', ['array']], ['event_loc', ['object', 'null']], ['event_text', ['array']], ['quad_code', ['number']],
  ['event_scale', ['number']], ['mode', ['array']], ['context', ['array']], ['link', ['string', 'null']],
  ['text', ['string']], ['text_info', ['object']], ['cite_info', ['object']], ['coder', ['string']],
  ['coded_date', ['string', 'null']], ['coded_time', ['string', 'null']], ['comment', ['string', 'null']],
];
const ACTOR_INFO: Array<[string, JsonType[]]> = [
  ['code', ['string', 'null']], ['sector', ['string', 'null']], ['actor_text', ['string', 'null']],
  ['identifier_id', ['string', 'null']], ['identifier_text', ['string', 'null']], ['actor_loc', ['object', 'null']],
  ['religion', ['string', 'null']], ['ethnicity', ['string', 'null']], ['office', ['string', 'null']],
  ['gender', ['string', 'null']], ['age', ['number', 'null']],
];
const TEXT_INFO: Array<[string, JsonType[]]> = [
  ['sequence', ['number', 'null']], ['start', ['number']], ['end', ['number']], ['text_story', ['array', 'null']],
];
const CITE_INFO: Array<[string, JsonType[]]> = [
  ['corpus', ['string']], ['citation', ['string']], ['url', ['string', 'null']], ['title', ['string', 'null']],
  ['language', ['string', 'null']], ['publication', ['string', 'null']], ['license', ['string', 'null']],
  ['copyright', ['string', 'null']], ['coder', ['string']], ['codebook', ['string']], ['version', ['string', 'null']],
];

const typeOf = (v: unknown): JsonType => (v === null ? 'null' : Array.isArray(v) ? 'array' : (typeof v as JsonType));

/** Every field of the list present with an allowed type; returns the problems found. */
function checkFields(obj: Record<string, unknown>, fields: Array<[string, JsonType[]]>, where: string): string[] {
  const problems: string[] = [];
  for (const [name, types] of fields) {
    if (!(name in obj)) problems.push(`${where}: missing ${name}`);
    else if (!types.includes(typeOf(obj[name]))) problems.push(`${where}: ${name} is ${typeOf(obj[name])}, expected ${types.join('|')}`);
  }
  return problems;
}

/** Spec conformance of one record: every field of the lists, with its type and format. */
function checkShape(r: PloverRecord): string[] {
  const rec = r as unknown as Record<string, unknown>;
  const problems = checkFields(rec, PLOVER_JSON, r.id);
  for (const [i, a] of [...(r.source ?? []), ...(r.recipient ?? [])].entries()) problems.push(...checkFields(a as unknown as Record<string, unknown>, ACTOR_INFO, `${r.id} actor ${i}`));
  problems.push(...checkFields((r.text_info ?? {}) as unknown as Record<string, unknown>, TEXT_INFO, `${r.id} text_info`));
  problems.push(...checkFields((r.cite_info ?? {}) as unknown as Record<string, unknown>, CITE_INFO, `${r.id} cite_info`));
  for (const d of [r.date, r.enddate]) if (typeof d === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(d)) problems.push(`${r.id}: date ${d} is not YYYY-MM-DD`);
  if (![1, 2, 3, 4].includes(r.quad_code)) problems.push(`${r.id}: quad_code ${r.quad_code}`);
  if (r.event_scale < -10 || r.event_scale > 10) problems.push(`${r.id}: event_scale ${r.event_scale}`);
  return problems;
}

/** Shape, plus the evidence invariants: the text is the document slice of the named sentence. */
function checkRecord(r: PloverRecord, data: ExportJson): string[] {
  const problems = checkShape(r);
  const doc = data.documents.find((d) => d.id === r.diplograph.document);
  if (!doc || doc.text.slice(r.text_info.start, r.text_info.end) !== r.text) problems.push(`${r.id}: text is not the document slice at text_info`);
  const sentence = doc && r.text_info.sequence !== null ? doc.sentences[r.text_info.sequence] : undefined;
  if (!sentence || sentence.start > r.text_info.start || sentence.end < r.text_info.end) problems.push(`${r.id}: text_info.sequence does not name the sentence`);
  for (const a of [...r.source, ...r.recipient]) if (a.actor_text !== null && !r.text.includes(a.actor_text)) problems.push(`${r.id}: actor_text ${a.actor_text} not in the text`);
  return problems;
}

describe('PLOVER export (hand-built data)', () => {
  const data = handExport();
  const records = [...ploverRecords(data)];
  const byId = new Map(records.map((r) => [r.id.split(':')[1], r]));

  it('writes every field of the PLOVER v0.8 field lists, with the right types, in every record', () => {
    expect(records).toHaveLength(data.events.length);
    for (const r of records) expect(checkRecord(r, data)).toEqual([]);
  });

  it('finds a missing or mistyped field (the check can fail)', () => {
    const broken = { ...records[0]!, coded_time: undefined, quad_code: '3' } as unknown as PloverRecord;
    delete (broken as unknown as Record<string, unknown>).coded_time;
    expect(checkRecord(broken, data)).toEqual(expect.arrayContaining([expect.stringContaining('missing coded_time'), expect.stringContaining('quad_code is string')]));
  });

  it.each([
    // what, event, field, expected
    ['type, mode, context, quad, scale', 'e1', (r: PloverRecord) => [r.event, r.mode, r.context, r.quad_code, r.event_scale], [['ACCUSE'], ['disapprove'], ['diplomatic'], 3, -2]],
    ['month date as first and last day', 'e1', (r: PloverRecord) => [r.date, r.enddate], ['2022-03-01', '2022-03-31']],
    ['day date', 'e2', (r: PloverRecord) => [r.date, r.enddate], ['2022-03-05', null]],
    ['no date', 'e3', (r: PloverRecord) => [r.date, r.enddate], [null, null]],
    ['state actor', 'e1', (r: PloverRecord) => r.source.map((a) => [a.code, a.sector, a.actor_text, a.identifier_id, a.identifier_text]), [['ALP', 'GOV', 'Alphaland', 'Q1', 'Alphaland']]],
    ['organisation actor', 'e2', (r: PloverRecord) => r.source.map((a) => [a.code, a.sector, a.actor_text]), [['ALP', 'GOV', 'Government of Alphaland']]],
    ['person recipient with the office held that day, and a state', 'e2', (r: PloverRecord) => r.recipient.map((a) => [a.code, a.office, a.actor_text]), [['BET', 'Foreign Minister', 'Minister Gamma'], ['BET', null, 'Betastan']]],
    ['special contexts for negated and planned', 'e3', (r: PloverRecord) => [r.context, r.diplograph.negated, r.diplograph.modality], [['negation', 'future'], true, 'planned']],
    ['joint actors, no recipient', 'e3', (r: PloverRecord) => [r.source.map((a) => a.code), r.recipient], [['ALP', 'BET'], []]],
    ['IGO code', 'e4', (r: PloverRecord) => r.source.map((a) => [a.code, a.sector, a.identifier_id]), [['IGO', null, 'Q3']]],
    ['location, date precision, quantity', 'e4', (r: PloverRecord) => [r.event_loc, r.diplograph.date, r.diplograph.quantity], [{ name: 'Betastan', cc3: 'BET' }, { value: '2022', inferred: true }, { value: 1, unit: 'shipment' }]],
    ['response link, event text, sentence number', 'e2', (r: PloverRecord) => [r.diplograph.responds_to, r.event_text, r.text_info.sequence], ['doc-h:e1', ['expelled'], 2]],
  ])('%s (%s)', (_what, id, pick, expected) => {
    expect(pick(byId.get(id)!)).toEqual(expected);
  });

  it('cites the document: a file path as citation, a URL also as url', () => {
    expect(records[0]!.cite_info).toMatchObject({ citation: '/reports/hand.txt', url: null, title: 'Event data test report', codebook: 'plover-0.8+diplograph' });
    const fromWeb = [...ploverRecords(handExport('https://example.org/report.html'))][0]!;
    expect(fromWeb.cite_info.url).toBe('https://example.org/report.html');
  });

  it('renders one JSON record per line, and nothing for no events', async () => {
    const text = await renderText(ploverFormat.render(data));
    const lines = text.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((l) => JSON.parse(l).id)).toEqual(data.events.map((e) => e.id));
    expect(await renderText(ploverFormat.render({ ...data, events: [] }))).toBe('');
  });
});

describe('PLOVER export (any export contract object)', () => {
  it('writes one parseable line per event, every field present with its type (property)', async () => {
    await fc.assert(fc.asyncProperty(exportJsonArb, async (data) => {
      const text = await renderText(ploverFormat.render(data));
      const lines = text === '' ? [] : text.slice(0, -1).split('\n');
      expect(lines).toHaveLength(data.events.length);
      for (const line of lines) expect(checkShape(JSON.parse(line) as PloverRecord)).toEqual([]);
    }), { numRuns: 100 });
  });
});

describe('PLOVER export (the ingested sample)', () => {
  let data: ExportJson;
  beforeAll(async () => { data = await sampleExport(); }, 120_000);

  it('every record follows the PLOVER field lists and cites its sentence', async () => {
    const lines = (await renderText(ploverFormat.render(data))).trimEnd().split('\n');
    expect(lines.length).toBe(data.events.length);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(checkRecord(JSON.parse(line) as PloverRecord, data)).toEqual([]);
  });
});
