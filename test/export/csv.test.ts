import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import JSZip from 'jszip';
import { parse } from 'csv-parse/sync';
import { CSV_TABLE_COLUMNS, csvFiles, type CsvTableName } from '../../src/export/export-csv.js';
import { csvLine, guardFormula as g } from '../../src/export/csv-line.js';
import { exportJson } from '../../src/export/export-json.js';
import type { ExportJson } from '../../src/export/export-types.js';
import { writeFilesToFolder } from '../../src/export/write-files.js';
import { zipChunks } from '../../src/export/zip-files.js';
import { openKnowledgeBase } from '../../src/kb/open-knowledge-base.js';
import { exportJsonArb } from './export-json-arbitrary.js';
import { ingestSample } from './sample-kb.js';

type Rows = Array<Record<string, string>>;

/** Every table read back by csv-parse (an independent parser), header checked against the declared columns. */
function readTables(files: Map<string, string>): Record<CsvTableName, Rows> {
  const out = {} as Record<CsvTableName, Rows>;
  for (const [name, columns] of Object.entries(CSV_TABLE_COLUMNS) as Array<[CsvTableName, readonly string[]]>) {
    const text = files.get(`${name}.csv`);
    expect(text, `${name}.csv`).toBeDefined();
    const [header, ...rows] = parse(text!, { relax_column_count: false }) as string[][];
    expect(header).toEqual(columns);
    out[name] = rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i]!])));
  }
  return out;
}

const filesAsText = (data: ExportJson) => new Map([...csvFiles(data)].map((f) => [f.name, [...f.chunks].join('')]));

async function zipBytes(data: ExportJson): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const chunk of zipChunks(csvFiles(data))) parts.push(chunk);
  return Buffer.concat(parts);
}

/** Row counts each table must have: one per contract record, one per list item for the join tables. */
function expectedCounts(data: ExportJson): Record<CsvTableName, number> {
  return {
    documents: data.documents.length, entities: data.entities.length, mentions: data.mentions.length, timexes: data.timexes.length,
    events: data.events.length, event_actors: data.events.reduce((n, e) => n + e.actors.length, 0),
    event_recipients: data.events.reduce((n, e) => n + e.recipients.length, 0), stances: data.stances.length,
    agreement_status: data.agreements.reduce((n, a) => n + a.history.length, 0), figures: data.figures.length, messages: data.messages.length,
  };
}

describe('csvLine', () => {
  const cases: Array<[unknown[], string]> = [
    [['a', 1, true, null, undefined], 'a,1,true,,\n'],
    [['a,b', 'say "no"', 'x\ny', 'r\rs'], '"a,b","say ""no""","x\ny","r\rs"\n'],
    [[' padded ', '', 0, -2.5], ' padded ,,0,-2.5\n'],
    [[{ a: 1 }], '"{""a"":1}"\n'],
    // Formula guard: text a spreadsheet would evaluate gets an apostrophe; numbers never do.
    [['=HYPERLINK("x")', '+1', '-a', '@SUM(A1)', '\tcmd', -3], '"\'=HYPERLINK(""x"")",\'+1,\'-a,\'@SUM(A1),\'\tcmd,-3\n'],
    [['a=b', 'x-1', 'mail@host'], 'a=b,x-1,mail@host\n'],
  ];
  it.each(cases)('%j -> %j', (cells, line) => expect(csvLine(cells)).toBe(line));

  it('csv-parse reads back any text cell unchanged, formula starts behind an apostrophe (property)', () => {
    fc.assert(fc.property(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 5 }), (cells) => {
      // A single empty cell is an empty line, which CSV cannot tell from no row.
      fc.pre(!(cells.length === 1 && cells[0] === ''));
      const expected = cells.map((c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c));
      expect(parse(csvLine(cells))).toEqual([expected]);
    }));
  });
});

describe('csv export', () => {
  it('has the declared header, a row per record and the contract values in its cells (property)', () => {
    fc.assert(fc.property(exportJsonArb, (data) => {
      const tables = readTables(filesAsText(data));
      const counts = Object.fromEntries(Object.entries(tables).map(([k, rows]) => [k, rows.length]));
      expect(counts).toEqual(expectedCounts(data));
      // Text cells read back as a spreadsheet shows them: formula starts behind an apostrophe.
      expect(tables.events.map((r) => [r.id, r.sentence, r.trigger, r.actors])).toEqual(data.events.map((e) => [g(e.id), g(e.evidence.text), g(e.trigger.text), g(e.actors.join('|'))]));
      expect(tables.event_actors.map((r) => [r.event, r.entity])).toEqual(data.events.flatMap((e) => e.actors.map((a) => [g(e.id), g(a)])));
      expect(tables.mentions.map((r) => [r.doc, Number(r.start), r.text, r.entity])).toEqual(data.mentions.map((m) => [g(m.doc), m.start, g(m.text), g(m.entity ?? '')]));
      expect(tables.agreement_status.map((r) => [r.agreement, r.position, r.status])).toEqual(data.agreements.flatMap((a) => a.history.map((h, i) => [g(a.entity), String(i + 1), g(h.status)])));
      expect(tables.figures.map((r) => [Number(r.value), r.text])).toEqual(data.figures.map((f) => [f.value, g(f.span.text)]));
    }), { numRuns: 150 });
  });

  it('writes the same files into a folder and into a zip, and the zip bytes do not depend on when it was made', async () => {
    const data = fc.sample(exportJsonArb, { numRuns: 1, seed: 7 })[0]!;
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dg-csv-'));
    const written = writeFilesToFolder(csvFiles(data), dir);
    expect(written.map((f) => path.basename(f)).sort()).toEqual(readdirSync(dir).sort());
    const zip = await JSZip.loadAsync(await zipBytes(data));
    expect(Object.keys(zip.files).sort()).toEqual(readdirSync(dir).sort());
    for (const name of Object.keys(zip.files)) expect(await zip.file(name)!.async('string')).toBe(readFileSync(path.join(dir, name), 'utf8'));
    expect((await zipBytes(data)).equals(await zipBytes(data))).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  });

  describe('on the ingested sample', () => {
    let sample: Awaited<ReturnType<typeof ingestSample>>;
    let data: ExportJson;
    let tables: Record<CsvTableName, Rows>;
    beforeAll(async () => {
      sample = await ingestSample('dg-csv-');
      const kb = await openKnowledgeBase(sample.db);
      data = await exportJson(kb);
      await kb.close();
      // Read back from the zip, as an analyst would after downloading it.
      const zip = await JSZip.loadAsync(await zipBytes(data));
      const files = new Map<string, string>();
      for (const name of Object.keys(zip.files)) files.set(name, await zip.file(name)!.async('string'));
      tables = readTables(files);
    }, 60_000);
    afterAll(() => sample?.remove());

    it('has a row per contract record', () => {
      expect(tables.events.length).toBeGreaterThan(0);
      const counts = Object.fromEntries(Object.entries(tables).map(([k, rows]) => [k, rows.length]));
      expect(counts).toEqual(expectedCounts(data));
    });

    it('ids join across files', () => {
      const ids = (rows: Rows, col: string) => new Set(rows.map((r) => r[col]!));
      const docs = ids(tables.documents, 'id');
      const entities = ids(tables.entities, 'id');
      const events = ids(tables.events, 'id');
      const refs: Array<[CsvTableName, string, Set<string>]> = [
        ['events', 'doc', docs], ['mentions', 'doc', docs], ['timexes', 'doc', docs], ['stances', 'doc', docs], ['agreement_status', 'doc', docs],
        ['figures', 'doc', docs], ['messages', 'doc', docs], ['event_actors', 'event', events], ['event_recipients', 'event', events],
        ['event_actors', 'entity', entities], ['event_recipients', 'entity', entities], ['stances', 'holder', entities],
        ['agreement_status', 'agreement', entities], ['mentions', 'entity', entities], ['figures', 'subject', entities], ['events', 'location', entities],
      ];
      for (const [table, col, targets] of refs) {
        for (const row of tables[table]) if (row[col] !== '') expect(targets, `${table}.${col} = ${row[col]}`).toContain(row[col]);
      }
      expect(tables.event_actors.length).toBeGreaterThan(0);
    });

    it('evidence columns slice the sentence (or the words) out of the document text', () => {
      const text = new Map(data.documents.map((d) => [d.id, d.text]));
      for (const table of ['events', 'stances', 'agreement_status', 'figures'] as const) {
        for (const r of tables[table]) expect(text.get(r.doc!)!.slice(Number(r.start), Number(r.end))).toBe(r.sentence);
      }
      for (const table of ['mentions', 'timexes'] as const) {
        for (const r of tables[table]) {
          expect(text.get(r.doc!)!.slice(Number(r.start), Number(r.end))).toBe(r.text);
          expect(r.sentence).toContain(r.text);
        }
      }
      for (const r of tables.events) expect(text.get(r.doc!)!.slice(Number(r.trigger_start), Number(r.trigger_end))).toBe(r.trigger);
    });
  });
});
