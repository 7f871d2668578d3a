import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import fc from 'fast-check';
import { JSONL_KINDS, JsonlError, jsonlChunks, parseJsonl, parseJsonlLines } from '../../src/export/export-jsonl.js';
import { exportJson } from '../../src/export/export-json.js';
import type { ExportJson } from '../../src/export/export-types.js';
import { openKnowledgeBase } from '../../src/kb/open-knowledge-base.js';
import { exportJsonArb } from './export-json-arbitrary.js';
import { ingestSample } from './sample-kb.js';

const render = (data: ExportJson) => [...jsonlChunks(data)].join('');

/** How many lines of each kind an export object must give. */
function expectedCounts(data: ExportJson): Record<string, number> {
  return {
    document: data.documents.length, entity: data.entities.length, mention: data.mentions.length, timex: data.timexes.length,
    event: data.events.length, stance: data.stances.length, agreement_status: data.agreements.reduce((n, a) => n + a.history.length, 0),
    figure: data.figures.length, message: data.messages.length,
  };
}

function checkLines(text: string, data: ExportJson): void {
  expect(text === '' || text.endsWith('\n')).toBe(true);
  const lines = text.split('\n').slice(0, -1);
  const counts: Record<string, number> = Object.fromEntries(JSONL_KINDS.map((k) => [k, 0]));
  let lastKind = -1;
  for (const line of lines) {
    const record = JSON.parse(line) as Record<string, unknown>;
    const kind = record.kind as string;
    expect(JSONL_KINDS).toContain(kind);
    expect(Object.keys(record)).toEqual(['kind', kind]);
    expect(typeof record[kind]).toBe('object');
    // Kinds come in one fixed order, documents first, so a streaming reader has text and names before references.
    const order = JSONL_KINDS.indexOf(kind as (typeof JSONL_KINDS)[number]);
    expect(order).toBeGreaterThanOrEqual(lastKind);
    lastKind = order;
    counts[kind]! += 1;
  }
  expect(counts).toEqual(expectedCounts(data));
}

describe('jsonl export', () => {
  it('reads back into the identical contract object, and every line is one record (property)', () => {
    fc.assert(fc.property(exportJsonArb, (data) => {
      const text = render(data);
      checkLines(text, data);
      const back = parseJsonl(text);
      // Key order included: the rebuilt object serialises to the same JSON text (fast-check objects have a null prototype, so toEqual).
      expect(JSON.stringify(back)).toBe(JSON.stringify(data));
      expect(back).toEqual(data);
    }), { numRuns: 200 });
  });

  it('accepts the lines as an iterable, CRLF endings and blank lines', () => {
    fc.assert(fc.property(exportJsonArb, (data) => {
      const lines = render(data).split('\n');
      expect(parseJsonl(lines)).toEqual(data);
      expect(parseJsonl(`\n${lines.join('\r\n')}\n\n`)).toEqual(data);
    }), { numRuns: 50 });
  });

  it('regroups agreement status changes by agreement whatever the line order', () => {
    const a = { date: null, by: ['state:X'], negated: false, modality: 'asserted', evidence: { doc: 'd', start: 0, end: 1, text: 'x' }, rule: 'r' };
    const lines = [
      { agreement: 'agreement:one', status: 'signed', ...a },
      { agreement: 'agreement:two', status: 'in_force', ...a },
      { agreement: 'agreement:one', status: 'suspended', ...a },
    ].map((r) => JSON.stringify({ kind: 'agreement_status', agreement_status: r }));
    expect(parseJsonl(lines).agreements.map((g) => [g.entity, g.history.map((h) => h.status)])).toEqual([
      ['agreement:one', ['signed', 'suspended']],
      ['agreement:two', ['in_force']],
    ]);
  });

  const bad: Array<[string, string, RegExp]> = [
    ['not JSON', '{"kind":"entity",', /^line 2: not JSON/],
    ['an array', '[1,2]', /^line 2: not a JSON object/],
    ['no kind', '{"entity":{}}', /^line 2: unknown kind undefined; expected one of document, entity/],
    ['an unknown kind', '{"kind":"graph","graph":{}}', /^line 2: unknown kind "graph"/],
    ['the record beside its kind', '{"kind":"entity","id":"state:X"}', /^line 2: a "entity" line needs its record as an object under "entity"/],
    ['a record that is a list', '{"kind":"event","event":[]}', /needs its record as an object/],
    ['a status without its agreement', '{"kind":"agreement_status","agreement_status":{"status":"signed"}}', /^line 2: an agreement_status record needs "agreement"/],
  ];
  it.each(bad)('rejects %s, naming the line', (_name, line, message) => {
    const text = `{"kind":"message","message":{"doc":"d","rule":"r","severity":"info","message":"m"}}\n${line}\n`;
    expect(() => parseJsonl(text)).toThrow(JsonlError);
    expect(() => parseJsonl(text)).toThrow(message);
  });

  it('an empty file is an empty export', () => {
    const empty: ExportJson = { documents: [], entities: [], events: [], stances: [], agreements: [], figures: [], timexes: [], mentions: [], messages: [] };
    expect(render(empty)).toBe('');
    expect(parseJsonl('')).toEqual(empty);
  });

  describe('on the ingested sample', () => {
    let sample: Awaited<ReturnType<typeof ingestSample>>;
    let data: ExportJson;
    beforeAll(async () => {
      sample = await ingestSample('dg-jsonl-');
      const kb = await openKnowledgeBase(sample.db);
      data = await exportJson(kb);
      await kb.close();
    }, 60_000);
    afterAll(() => sample?.remove());

    it('has a line per record and reads back identically', () => {
      expect(data.events.length).toBeGreaterThan(0);
      const text = render(data);
      checkLines(text, data);
      expect(JSON.stringify(parseJsonl(text))).toBe(JSON.stringify(data));
    });

    it('reads back identically from a stream of lines (readline)', async () => {
      const lines = createInterface({ input: Readable.from(jsonlChunks(data)), crlfDelay: Infinity });
      expect(JSON.stringify(await parseJsonlLines(lines))).toBe(JSON.stringify(data));
    });
  });
});
