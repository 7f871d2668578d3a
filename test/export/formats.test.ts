import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import JSZip from 'jszip';
import { exportFileName, exportFormatNames, exportFormats, getExportFormat } from '../../src/export/formats.js';
import { batchChunks } from '../../src/export/batch-chunks.js';
import { jsonChunks } from '../../src/export/export-json-text.js';
import { exportJson } from '../../src/export/export-json.js';
import type { ExportJson } from '../../src/export/export-types.js';
import type { KnowledgeBase } from '../../src/kb/open-knowledge-base.js';
import { freshKnowledgeBase, testDatabases } from '../helpers/test-databases.js';
import { exportJsonArb } from './export-json-arbitrary.js';
import { storeFixture } from './export-fixture.js';

async function collect(chunks: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of chunks) parts.push(typeof c === 'string' ? Buffer.from(c, 'utf8') : Buffer.from(c));
  return Buffer.concat(parts);
}

describe('export format registry', () => {
  it('offers json, jsonl and csv, each name once, each fully described', () => {
    const names = exportFormatNames();
    expect(names.slice(0, 3)).toEqual(['json', 'jsonl', 'csv']);
    expect(new Set(names).size).toBe(names.length);
    for (const f of exportFormats()) {
      expect(f.name).toMatch(/^[a-z0-9-]+$/);
      expect(f.description.length).toBeGreaterThan(10);
      expect(f.contentType).toMatch(/^[a-z]+\/[a-z0-9.+-]+(; charset=utf-8)?$/);
      expect(f.extension).toMatch(/^[a-z0-9.]+$/);
      expect(getExportFormat(f.name)).toBe(f);
    }
  });

  it.each(['', 'JSON', 'xml', 'csv ', 'toString', '__proto__'])('rejects %j, listing the valid names', (name) => {
    expect(() => getExportFormat(name)).toThrow(RangeError);
    expect(() => getExportFormat(name)).toThrow(`use one of ${exportFormatNames().join(', ')}`);
  });

  it('gives every format its own download name', () => {
    const names = exportFormats().map(exportFileName);
    expect(new Set(names).size).toBe(names.length);
    expect(exportFileName(getExportFormat('json'))).toBe('diplograph-export.json');
    expect(exportFileName(getExportFormat('csv'))).toBe('diplograph-export-csv.zip');
    for (const [i, f] of exportFormats().entries()) expect(names[i]!.endsWith(`.${f.extension}`)).toBe(true);
  });

  it('a multi-file format renders as a zip', () => {
    for (const f of exportFormats().filter((x) => x.files)) expect(f.contentType).toBe('application/zip');
  });
});

describe('batchChunks', () => {
  const cases: Array<[string[], number, string[]]> = [
    [[], 4, []],
    [['ab', 'cd', 'e'], 4, ['abcd', 'e']],
    [['abcdef', 'g'], 4, ['abcdef', 'g']],
    [['a', '', 'b'], 1, ['a', 'b']],
  ];
  it.each(cases)('%j by %i -> %j', (pieces, size, chunks) => expect([...batchChunks(pieces, size)]).toEqual(chunks));

  it('keeps the text and makes every chunk but the last at least the size (property)', () => {
    fc.assert(fc.property(fc.array(fc.string()), fc.integer({ min: 1, max: 50 }), (pieces, size) => {
      const chunks = [...batchChunks(pieces, size)];
      expect(chunks.join('')).toBe(pieces.join(''));
      for (const c of chunks.slice(0, -1)) expect(c.length).toBeGreaterThanOrEqual(size);
      for (const c of chunks) expect(c.length).toBeGreaterThan(0);
    }));
  });
});

describe('json format', () => {
  it('is exactly JSON.stringify(data, null, 2) and a newline, produced in pieces (property)', () => {
    fc.assert(fc.property(exportJsonArb, (data) => {
      expect([...jsonChunks(data)].join('')).toBe(`${JSON.stringify(data, null, 2)}\n`);
    }), { numRuns: 200 });
  });

  it('streams a large export in several chunks', () => {
    const base = fc.sample(exportJsonArb, { numRuns: 1, seed: 3 })[0]!;
    const big: ExportJson = { ...base, messages: Array.from({ length: 5000 }, (_, i) => ({ doc: 'd', rule: 'r', severity: 'info', message: `message ${i}` })) };
    const chunks = [...jsonChunks(big)];
    expect(chunks.length).toBeGreaterThan(1);
    expect(JSON.parse(chunks.join(''))).toEqual(JSON.parse(JSON.stringify(big)));
  });
});

for (const target of await testDatabases('export formats')) describe.skipIf(!!target.skip)(`every registered format on a knowledge base (${target.label})`, () => {
  let kb: KnowledgeBase;
  let data: ExportJson;
  beforeAll(async () => {
    kb = await freshKnowledgeBase(target);
    await storeFixture(kb);
    data = await exportJson(kb);
  }, 60_000);
  afterAll(async () => kb.close(), 60_000);

  it.each(exportFormatNames())('%s renders non-empty output, twice the same', async (name) => {
    const format = getExportFormat(name);
    const first = await collect(format.render(data));
    expect(first.length).toBeGreaterThan(0);
    expect((await collect(format.render(data))).equals(first)).toBe(true);
    if (format.contentType === 'application/zip') {
      const zip = await JSZip.loadAsync(first);
      expect(Object.keys(zip.files).length).toBeGreaterThan(0);
    } else {
      // Text formats are valid UTF-8 (a chunk boundary never splits a character).
      expect(new TextDecoder('utf-8', { fatal: true }).decode(first).length).toBeGreaterThan(0);
    }
  });

  it('json renders the contract object of the knowledge base', async () => {
    expect(JSON.parse((await collect(getExportFormat('json').render(data))).toString('utf8'))).toEqual(data);
  });
});
