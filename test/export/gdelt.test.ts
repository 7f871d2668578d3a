import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { GDELT_EVENT_COLUMNS, gdeltDates, gdeltFormat } from '../../src/export/export-gdelt.js';
import { buildCameoTable, cameoFor, cameoTable } from '../../src/export/plover-cameo.js';
import { readDataRows } from '../../src/extract/data-files.js';
import { PLOVER_TYPES } from '../../src/model/event.js';
import type { ExportJson } from '../../src/export/export-types.js';
import { handExport, renderText, sampleExport } from './plover-sample-data.js';
import { exportJsonArb } from './export-json-arbitrary.js';

/** The GDELT 2.0 Event table's columns in the codebook's order (GDELT Event Codebook V2.0). */
const CODEBOOK_COLUMNS = [
  'GlobalEventID', 'Day', 'MonthYear', 'Year', 'FractionDate',
  'Actor1Code', 'Actor1Name', 'Actor1CountryCode', 'Actor1KnownGroupCode', 'Actor1EthnicCode', 'Actor1Religion1Code', 'Actor1Religion2Code', 'Actor1Type1Code', 'Actor1Type2Code', 'Actor1Type3Code',
  'Actor2Code', 'Actor2Name', 'Actor2CountryCode', 'Actor2KnownGroupCode', 'Actor2EthnicCode', 'Actor2Religion1Code', 'Actor2Religion2Code', 'Actor2Type1Code', 'Actor2Type2Code', 'Actor2Type3Code',
  'IsRootEvent', 'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass', 'GoldsteinScale', 'NumMentions', 'NumSources', 'NumArticles', 'AvgTone',
  'Actor1Geo_Type', 'Actor1Geo_Fullname', 'Actor1Geo_CountryCode', 'Actor1Geo_ADM1Code', 'Actor1Geo_ADM2Code', 'Actor1Geo_Lat', 'Actor1Geo_Long', 'Actor1Geo_FeatureID',
  'Actor2Geo_Type', 'Actor2Geo_Fullname', 'Actor2Geo_CountryCode', 'Actor2Geo_ADM1Code', 'Actor2Geo_ADM2Code', 'Actor2Geo_Lat', 'Actor2Geo_Long', 'Actor2Geo_FeatureID',
  'ActionGeo_Type', 'ActionGeo_Fullname', 'ActionGeo_CountryCode', 'ActionGeo_ADM1Code', 'ActionGeo_ADM2Code', 'ActionGeo_Lat', 'ActionGeo_Long', 'ActionGeo_FeatureID',
  'DATEADDED', 'SOURCEURL',
];

/** Parse with csv-parse (tab-delimited, no quoting, as GDELT files are): header and rows as objects. */
async function parseGdelt(data: ExportJson): Promise<{ header: string[]; rows: Array<Record<string, string>> }> {
  const text = await renderText(gdeltFormat.render(data));
  const records = parse(text, { delimiter: '\t', quote: false, relax_column_count: false }) as string[][];
  const [header = [], ...body] = records;
  return { header, rows: body.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i]!]))) };
}

/** The table-level checks every GDELT export must pass; returns the problems found. */
function checkTable(header: string[], rows: Array<Record<string, string>>): string[] {
  const problems: string[] = [];
  if (JSON.stringify(header) !== JSON.stringify(CODEBOOK_COLUMNS)) problems.push('header differs from the GDELT 2.0 column list');
  for (const [i, r] of rows.entries()) {
    const at = `row ${i + 1}`;
    if (Object.keys(r).length !== 61) problems.push(`${at}: ${Object.keys(r).length} columns`);
    if (!/^(0[1-9]|1\d|20)$/.test(r.EventRootCode ?? '')) problems.push(`${at}: root ${r.EventRootCode}`);
    if (!r.EventCode?.startsWith(r.EventRootCode ?? '?') || !r.EventBaseCode?.startsWith(r.EventRootCode ?? '?')) problems.push(`${at}: code ${r.EventCode} not under its root`);
    if (r.Day && !/^\d{8}$/.test(r.Day)) problems.push(`${at}: Day ${r.Day}`);
    if (r.MonthYear && !/^\d{6}$/.test(r.MonthYear)) problems.push(`${at}: MonthYear ${r.MonthYear}`);
    if (r.Year && !/^\d{4}$/.test(r.Year)) problems.push(`${at}: Year ${r.Year}`);
    if (r.Day && !(r.Day.startsWith(r.MonthYear ?? '?') && r.MonthYear!.startsWith(r.Year ?? '?'))) problems.push(`${at}: Day, MonthYear and Year disagree`);
    if (!['1', '2', '3', '4'].includes(r.QuadClass ?? '')) problems.push(`${at}: QuadClass ${r.QuadClass}`);
    const g = Number(r.GoldsteinScale);
    if (!(g >= -10 && g <= 10)) problems.push(`${at}: GoldsteinScale ${r.GoldsteinScale}`);
    if (!/^\d+$/.test(r.GlobalEventID ?? '')) problems.push(`${at}: GlobalEventID ${r.GlobalEventID}`);
  }
  const ids = rows.map((r) => r.GlobalEventID);
  if (new Set(ids).size !== ids.length) problems.push('GlobalEventID not unique');
  return problems;
}

describe('PLOVER to CAMEO mapping (data/plover-cameo.tsv)', () => {
  const table = cameoTable();

  it('has a row for every PLOVER type of the ontology and for every mode of plover-types.tsv', () => {
    for (const type of PLOVER_TYPES) expect(table.get(`${type}\t`), type).toBeDefined();
    const modes = readDataRows('plover-types.tsv').flatMap(([type, , , modes = '']) => modes.split('|').filter(Boolean).map((m) => [type!, m.split('=')[0]!]));
    expect(modes.length).toBeGreaterThan(20);
    for (const [type, mode] of modes) expect(table.get(`${type}\t${mode}`), `${type} ${mode}`).toBeDefined();
  });

  it('has valid roots (01..20) and 3-digit codes under them, each with a note', () => {
    for (const m of table.values()) {
      expect(m.root).toMatch(/^(0[1-9]|1\d|20)$/);
      expect(m.code.slice(0, 2)).toBe(m.root);
      expect(m.note.length).toBeGreaterThan(5);
    }
  });

  it.each([
    ['ACCUSE', 'disapprove', '11', '111'],
    ['ACCUSE', 'investigate', '09', '090'],
    ['ACCUSE', undefined, '11', '110'],
    ['SANCTION', 'expel', '16', '161'],
    ['SANCTION', 'no-such-mode', '16', '160'],
    ['CONSULT', 'phone', '04', '041'],
    ['ASSAULT', undefined, '19', '190'],
  ])('%s %s -> root %s, code %s', (type, mode, root, code) => {
    expect(cameoFor(type, mode, table)).toMatchObject({ root, code });
  });

  const good = PLOVER_TYPES.map((t, i) => [t, '', String((i % 20) + 1).padStart(2, '0'), `${String((i % 20) + 1).padStart(2, '0')}0`, 'why']);
  it.each([
    ['a root out of range', [...good.slice(1), ['AGREE', '', '21', '210', 'why']], /CAMEO root must be 01..20/],
    ['a code under another root', [...good.slice(1), ['AGREE', '', '03', '040', 'why']], /3 digits under root 03/],
    ['an unknown type', [...good, ['PRAISE', '', '05', '050', 'why']], /unknown PLOVER type/],
    ['a row without a note', [...good, ['AGREE', 'x', '03', '030', '']], /needs a note/],
    ['a duplicate row', [...good, good[0]!], /duplicate row/],
    ['a type without its default row', good.slice(1), /no default row for AGREE/],
  ])('rejects %s, naming the file', (_what, rows, message) => {
    expect(() => buildCameoTable(rows as string[][], 'plover-cameo.tsv')).toThrow(message);
    expect(() => buildCameoTable(rows as string[][], 'plover-cameo.tsv')).toThrow(/plover-cameo\.tsv/);
  });
});

describe('GDELT export (hand-built data)', () => {
  const data = handExport();
  let header: string[];
  let rows: Array<Record<string, string>>;
  beforeAll(async () => { ({ header, rows } = await parseGdelt(data)); });

  it('has the 61 GDELT 2.0 columns in order, a header line, and valid rows', () => {
    expect(GDELT_EVENT_COLUMNS).toHaveLength(61);
    expect(header).toEqual(CODEBOOK_COLUMNS);
    expect(checkTable(header, rows)).toEqual([]);
  });

  it('finds broken rows (the check can fail)', () => {
    const bad = { ...rows[0]!, EventRootCode: '21', Day: '2022-03-05' };
    expect(checkTable(header, [bad])).toEqual(expect.arrayContaining([expect.stringContaining('root 21'), expect.stringContaining('Day 2022-03-05')]));
  });

  it('makes one row per actor-recipient pair, leaves out negated events, keeps actorless ones', () => {
    // e1: 1x1, e2: 1x2, e3: negated and planned (none), e4: 1 actor, no recipient.
    expect(rows.map((r) => [r.Actor1Name, r.Actor2Name])).toEqual([
      ['Alphaland', 'Betastan'],
      ['Government of Alphaland', 'Gamma Delta'],
      ['Government of Alphaland', 'Betastan'],
      ['Unity Council', ''],
    ]);
  });

  it.each([
    // row, columns, expected
    [0, ['Actor1Code', 'Actor1CountryCode', 'Actor1Type1Code', 'Actor2Code'], ['ALP', 'ALP', '', 'BET']],
    [1, ['Actor1Code', 'Actor1CountryCode', 'Actor1Type1Code', 'Actor2Code', 'Actor2Type1Code'], ['ALPGOV', 'ALP', 'GOV', 'BETGOV', 'GOV']],
    [3, ['Actor1Code', 'Actor1CountryCode', 'Actor1Type1Code'], ['IGO', '', 'IGO']],
    [0, ['EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass', 'GoldsteinScale'], ['111', '111', '11', '3', '-2']],
    [1, ['EventCode', 'EventRootCode', 'QuadClass', 'GoldsteinScale'], ['161', '16', '4', '-5.5']],
    [0, ['Day', 'MonthYear', 'Year', 'FractionDate'], ['', '202203', '2022', '']],
    [1, ['Day', 'MonthYear', 'Year', 'FractionDate'], ['20220305', '202203', '2022', '2022.1726']],
    [3, ['Day', 'MonthYear', 'Year', 'ActionGeo_Type', 'ActionGeo_Fullname'], ['', '', '2022', '1', 'Betastan']],
    [0, ['NumMentions', 'NumSources', 'NumArticles', 'AvgTone', 'DATEADDED', 'IsRootEvent', 'SOURCEURL'], ['1', '1', '1', '', '', '', 'file:///reports/hand.txt']],
  ])('row %i: %j', (row, columns, expected) => {
    expect(columns.map((c) => rows[row]![c])).toEqual(expected);
  });

  it.each([
    ['asserted', false, 1], ['reported', false, 1], ['planned', false, 0], ['hypothetical', false, 0], ['asserted', true, 0],
  ])('writes a %s event (negated: %s) as %i row(s)', async (modality, negated, count) => {
    const one = handExport();
    one.events = [{ ...one.events[0]!, modality, negated }];
    expect((await parseGdelt(one)).rows).toHaveLength(count);
  });

  it('gives stable ids: the same event gets the same GlobalEventID in another export', async () => {
    const alone = await parseGdelt({ ...data, events: data.events.slice(1, 2) });
    expect(alone.rows.map((r) => r.GlobalEventID)).toEqual(rows.slice(1, 3).map((r) => r.GlobalEventID));
  });

  it('keeps tabs and newlines in names out of the cells', async () => {
    const messy = handExport();
    messy.entities.find((e) => e.id === 'state:ALP')!.name = 'Alpha\tland\nRepublic';
    const parsed = await parseGdelt(messy);
    expect(checkTable(parsed.header, parsed.rows)).toEqual([]);
    expect(parsed.rows[0]!.Actor1Name).toBe('Alpha land Republic');
  });
});

describe('gdeltDates', () => {
  it.each([
    ['2022-03-05', '2022-03-05', { Day: '20220305', MonthYear: '202203', Year: '2022', FractionDate: '2022.1726' }],
    ['2022-03-01', '2022-03-31', { MonthYear: '202203', Year: '2022' }],
    ['2021-09-01', '2021-11-30', { Year: '2021' }],
    ['2021-12-01', '2022-01-31', {}],
    [null, null, {}],
    ['2022', '2022', {}],
  ])('%s..%s', (start, end, expected) => {
    expect(gdeltDates(start, end)).toEqual(expected);
  });

  it('never claims more precision than the range has (property)', () => {
    const day = fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(fc.property(day, day, (a, b) => {
      const [start, end] = a <= b ? [a, b] : [b, a];
      const row = gdeltDates(start, end);
      expect(row.Day !== undefined).toBe(start === end);
      expect(row.MonthYear !== undefined).toBe(start.slice(0, 7) === end.slice(0, 7));
      expect(row.Year !== undefined).toBe(start.slice(0, 4) === end.slice(0, 4));
      if (row.Day) {
        expect(String(row.Day)).toMatch(/^\d{8}$/);
        const f = Number(row.FractionDate);
        expect(Math.floor(f)).toBe(Number(start.slice(0, 4)));
        if (start.endsWith('-01-01')) expect(f).toBe(Number(start.slice(0, 4)));
      }
    }), { numRuns: 300 });
  });
});

describe('GDELT export (any export contract object)', () => {
  it('always reads back as the 61 columns, whatever the names and codes contain (property)', async () => {
    await fc.assert(fc.asyncProperty(exportJsonArb, async (data) => {
      const { header, rows } = await parseGdelt(data);
      expect(header).toEqual(CODEBOOK_COLUMNS);
      for (const r of rows) expect(Object.keys(r)).toHaveLength(61);
      for (const r of rows) expect(r.Day === '' || /^\d{8}$/.test(r.Day!)).toBe(true);
    }), { numRuns: 100 });
  });
});

describe('GDELT export (the ingested sample)', () => {
  let data: ExportJson;
  beforeAll(async () => { data = await sampleExport(); }, 120_000);

  it('parses with csv-parse into 61 columns per row, valid roots and dates', async () => {
    const { header, rows } = await parseGdelt(data);
    expect(rows.length).toBeGreaterThan(0);
    expect(checkTable(header, rows)).toEqual([]);
    const asserted = data.events.filter((e) => !e.negated && ['asserted', 'reported'].includes(e.modality));
    const expected = asserted.reduce((n, e) => n + Math.max(1, e.actors.length) * Math.max(1, e.recipients.length), 0);
    expect(rows).toHaveLength(expected);
  });
});
