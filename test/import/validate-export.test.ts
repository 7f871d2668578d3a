import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { openKnowledgeBase } from '../../src/kb/open-knowledge-base.js';
import { storeDocument } from '../../src/kb/store-document.js';
import { exportJson } from '../../src/export/export-json.js';
import type { ExportJson } from '../../src/export/export-types.js';
import { contentHash } from '../../src/import/content-hash.js';
import { validateExport } from '../../src/import/validate-export.js';
import { detectFormat, parseExport } from '../../src/import/read-export-file.js';
import { ImportError } from '../../src/import/import-error.js';
import { handBuiltDocument } from '../helpers/stored-doc.js';
import { secondDocument } from '../api/explorer-fixture.js';

/** An export of two hand-built documents (no pipeline): events, a stance, an agreement status change, a figure, a timex. */
let good: ExportJson;
beforeAll(async () => {
  const kb = await openKnowledgeBase(':memory:');
  const one = handBuiltDocument();
  const two = secondDocument();
  for (const d of [one, two]) {
    const id = contentHash(d.text);
    // Real ids are content hashes; rename the hand-built ids the way ingest would have named them.
    const renamed = JSON.parse(JSON.stringify({ ...d, entities: undefined }).split(d.id).join(id));
    await storeDocument(kb, { ...renamed, entities: d.entities });
  }
  good = await exportJson(kb);
  await kb.close();
}, 60_000);

describe('validateExport', () => {
  it('accepts an export as diplograph writes it', () => {
    expect(good.documents).toHaveLength(2);
    expect(good.stances.length + good.figures.length + good.agreements.length).toBeGreaterThan(0);
    expect(validateExport(good)).toEqual([]);
  });

  const cases: Array<[string, (x: ExportJson) => void, RegExp]> = [
    ['a stance holder that is no entity', (x) => { x.stances[0]!.holder = 'state:ZZZ'; }, /stances\[0\]\.holder: names entity "state:ZZZ"/],
    ['a figure whose evidence is in another document', (x) => { x.figures[0]!.evidence.doc = x.documents[0]!.id; }, /figures\[0\]\.evidence\.doc: is ".*" but the record belongs to document/],
    ['an agreement change without status', (x) => { delete (x.agreements[0]!.history[0] as Partial<ExportJson['agreements'][number]['history'][number]>).status; }, /agreements\[0\]\.history\[0\]\.status: is missing/],
    ['a date that is a string', (x) => { (x.events[0] as unknown as Record<string, unknown>).date = '2022'; }, /events\[0\]\.date: must be an object/],
    ['a missing date', (x) => { delete (x.events[0] as Partial<ExportJson['events'][number]>).date; }, /events\[0\]\.date: is missing \(null when undated\)/],
    ['negated given as 0', (x) => { (x.events[0] as unknown as Record<string, unknown>).negated = 0; }, /events\[0\]\.negated: must be true or false, not 0/],
    ['a repeated document', (x) => { x.documents.push(x.documents[0]!); }, /documents\[2\]\.id: document .* appears twice/],
    ['a repeated entity', (x) => { x.entities.push(x.entities[0]!); }, /entities\[\d+\]\.id: entity .* appears twice/],
    ['a footnote marker outside the text', (x) => { x.documents[0]!.footnotes.push({ label: '1', start: 0, end: 3, text: x.documents[0]!.text.slice(0, 3), markers: [1e6] }); }, /footnotes\[0\]\.markers\[0\]/],
    ['a mention kind missing', (x) => { delete (x.mentions[0] as Partial<ExportJson['mentions'][number]>).kind; }, /mentions\[0\]\.kind: is missing/],
    ['a message offset past the end', (x) => { x.messages[0]!.end = 1e6; }, /messages\[0\]\.end: offset 1000000 is outside/],
    ['an alias that is a number', (x) => { (x.entities[0]!.aliases as unknown[]).push(3); }, /entities\[0\]\.aliases\[\d+\]: must be a string, not 3/],
  ];
  it.each(cases)('names the record and the problem: %s', (_name, mutate, message) => {
    const x = structuredClone(good);
    mutate(x);
    const problems = validateExport(x);
    expect(problems.join('\n')).toMatch(message);
  });

  it('lists at most twenty problems', () => {
    const x = structuredClone(good);
    for (let i = 0; i < 50; i++) x.mentions.push({ ...x.mentions[0]!, start: -1 });
    const problems = validateExport(x);
    expect(problems.length).toBe(21);
    expect(problems.at(-1)).toMatch(/further problems not listed/);
  });

  it('never throws on arbitrary JSON, and finds a problem in anything that is not an export', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => {
      expect(validateExport(v).length).toBeGreaterThan(0);
    }));
  });

  it('catches any shifted span: a changed offset either still slices the same text or is reported', () => {
    fc.assert(fc.property(fc.nat(), fc.integer({ min: -5, max: 5 }), fc.boolean(), (pick, delta, moveEnd) => {
      const x = structuredClone(good);
      const spans = [...x.mentions, ...x.timexes, ...x.events.map((e) => e.trigger), ...x.events.map((e) => e.evidence), ...x.stances.map((s) => s.evidence)];
      const span = spans[pick % spans.length]!;
      const text = x.documents.find((d) => d.id === span.doc)!.text;
      if (moveEnd) span.end += delta; else span.start += delta;
      const stillGood = span.start >= 0 && span.start <= span.end && span.end <= text.length && text.slice(span.start, span.end) === span.text;
      expect(validateExport(x).length === 0).toBe(stillGood);
    }));
  });
});

describe('parseExport', () => {
  it('throws only ImportError, naming the file, for arbitrary text', () => {
    fc.assert(fc.property(fc.string(), (text) => {
      try {
        parseExport('x.json', text, 'json');
      } catch (err) {
        expect(err).toBeInstanceOf(ImportError);
        expect((err as Error).message.startsWith('x.json: ')).toBe(true);
        return;
      }
      throw new Error('an arbitrary string was accepted as an export');
    }));
  });

  it('skips a byte-order mark', () => {
    expect(parseExport('x.json', `\ufeff${JSON.stringify(good)}`, 'json')).toEqual(good);
  });
});

describe('detectFormat', () => {
  it.each([
    ['a.jsonl', '{}', undefined, 'jsonl'],
    ['a.ndjson', '{}', undefined, 'jsonl'],
    ['a.json', '{"kind":"document"}\n{"kind":"entity"}', undefined, 'json'],
    ['-', '{"kind":"document","id":"x"}\n{"kind":"entity"}\n', undefined, 'jsonl'],
    ['-', '{\n  "documents": []\n}', undefined, 'json'],
    ['-', '{"documents": []}', undefined, 'json'],
    ['a.json', '{}', 'jsonl', 'jsonl'],
  ] as const)('%s %j (given %s) is %s', (file, content, given, expected) => {
    expect(detectFormat(file, content, given)).toBe(expected);
  });
});
