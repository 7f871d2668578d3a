import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../../src/kb/open-knowledge-base.js';
import { loadEvents, sentenceSlice } from '../../../src/kb/queries/load-events.js';
import { listEvents } from '../../../src/kb/queries/list-events.js';
import { testDatabases, type ScratchDatabase } from '../../helpers/test-databases.js';
import { storeEvidenceFixture, type EvidenceCase } from './evidence-fixture.js';

describe('sentenceSlice', () => {
  const s = { sentence_start: 10, sentence_end: 20, sentence_text: 'a😀cdefghi' };
  const cases: [string, number, number, string | undefined][] = [
    ['the whole sentence', 10, 20, 'a😀cdefghi'],
    ['a part after an astral character (UTF-16 units)', 13, 15, 'cd'],
    ['an empty span inside', 12, 12, ''],
    ['starting before the sentence', 9, 15, undefined],
    ['ending after it', 15, 21, undefined],
    ['end before start', 15, 12, undefined],
    ['negative start (slice would count from the end)', -2, 12, undefined],
  ];
  for (const [name, start, end, expected] of cases) {
    it(name, () => expect(sentenceSlice({ ...s, evidence_start: start, evidence_end: end })).toBe(expected));
  }
  it('no sentence read with the event', () => {
    expect(sentenceSlice({ evidence_start: 0, evidence_end: 1, sentence_start: null, sentence_end: null, sentence_text: null })).toBeUndefined();
  });
});

for (const target of await testDatabases('load events')) describe.skipIf(!!target.skip)(`evidence of a page of events (${target.label})`, () => {
  let scratch: ScratchDatabase;
  let kb: KnowledgeBase;
  let cases: EvidenceCase[];
  let texts: Map<string, string>;
  beforeAll(async () => {
    scratch = await target.create();
    kb = await scratch.open();
    ({ cases, texts } = await storeEvidenceFixture(kb));
  }, 60_000);
  afterAll(async () => {
    await kb?.close();
    await scratch?.drop();
  });

  it('the fixture is one where SQL\'s character offsets would cut elsewhere (the test can fail)', async () => {
    const r = await sql<{ id: string; cut: string }>`select e.id, substr(d.text, e.evidence_start + 1, e.evidence_end - e.evidence_start) as cut
      from events e join documents d on d.id = e.doc where e.evidence_end >= e.evidence_start`.execute(kb.db);
    const wrong = r.rows.filter((x) => x.cut !== cases.find((c) => c.id === x.id)!.expected);
    expect(wrong.length).toBeGreaterThanOrEqual(4);
  });

  it('gives each event\'s evidence as JavaScript slices the document, in the order asked', async () => {
    const ids = cases.map((c) => c.id).reverse();
    const got = await loadEvents(kb, ids);
    expect(got.map((e) => e.id)).toEqual(ids);
    for (const e of got) {
      const c = cases.find((x) => x.id === e.id)!;
      expect(e.evidence, c.name).toEqual({ start: c.start, end: c.end, text: c.expected });
    }
  });

  it('reads the evidence from the sentence rows, and a document\'s text only for spans no sentence holds', async () => {
    // Overwrite the documents' text: evidence still right means it did not come from there.
    const before = new Map(texts);
    for (const [id, text] of before) await kb.db.updateTable('documents').set({ text: '#'.repeat(text.length) }).where('id', '=', id).execute();
    try {
      const got = await loadEvents(kb, cases.map((c) => c.id));
      for (const c of cases) {
        const text = got.find((e) => e.id === c.id)!.evidence.text;
        expect(text, c.name).toBe(c.held ? c.expected : '#'.repeat(c.expected.length));
      }
      expect(cases.filter((c) => c.held).length).toBeGreaterThanOrEqual(5);
      expect(cases.filter((c) => !c.held && c.expected.length > 0).length).toBeGreaterThanOrEqual(2);
    } finally {
      for (const [id, text] of before) await kb.db.updateTable('documents').set({ text }).where('id', '=', id).execute();
    }
  });

  it('listEvents pages carry the same evidence (filtered by document, and in pages of two)', async () => {
    const all = await listEvents(kb, { docs: ['doc-astral-a', 'doc-astral-b'] });
    expect(all.total).toBe(cases.length);
    for (const e of all.events) expect(e.evidence.text).toBe(cases.find((c) => c.id === e.id)!.expected);
    const paged = [];
    for (let offset = 0; offset < cases.length; offset += 2) paged.push(...(await listEvents(kb, { limit: 2, offset })).events);
    expect(paged).toEqual(all.events);
  });

  it('an id that is not stored is left out, and no ids give no events', async () => {
    expect((await loadEvents(kb, ['no-such-event', cases[1]!.id])).map((e) => e.id)).toEqual([cases[1]!.id]);
    expect(await loadEvents(kb, [])).toEqual([]);
  });
});
