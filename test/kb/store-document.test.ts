import { afterEach, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/kb/open-knowledge-base.js';
import { sql } from 'kysely';
import { deleteDocument, sameInEveryRow, storeDocument } from '../../src/kb/store-document.js';
import { WriteBatch, writeTransaction } from '../../src/kb/write-transaction.js';
import { indexSentencesOf, parseSearchTerms, sentenceMatch } from '../../src/kb/full-text.js';
import { exportJson } from '../../src/export/export-json.js';
import { listEvents } from '../../src/kb/queries/list-events.js';
import { handBuiltDocument } from '../helpers/stored-doc.js';
import { freshKnowledgeBase, testDatabases } from '../helpers/test-databases.js';

describe('sameInEveryRow', () => {
  // (columns, rows, positions bound once): only the document's columns, only when one string is in every row.
  const cases: Array<[string, string[], unknown[][], number[]]> = [
    ['doc in every row', ['doc', 'idx', 'text'], [['d1', 0, 'a'], ['d1', 1, 'b']], [0]],
    ['a column of another name, the same in every row', ['kind', 'idx'], [['x', 0], ['x', 1]], []],
    ['doc differing in one row', ['doc', 'idx'], [['d1', 0], ['d1', 1], ['d2', 2]], []],
    ['doc null in every row', ['doc', 'idx'], [[null, 0], [null, 1]], []],
    ['doc a number', ['doc', 'idx'], [[7, 0], [7, 1]], []],
    ['several document columns, one of them differing', ['event', 'sort_doc', 'defined_by', 'defined_by_source'], [['e1', 'd1', 'd1', 's'], ['e2', 'd1', 'd2', 's']], [1, 3]],
    ['one row', ['doc'], [['d1']], [0]],
    ['no rows', ['doc'], [], []],
  ];
  for (const [name, columns, rows, expected] of cases) {
    it(name, () => expect(sameInEveryRow(columns, rows)).toEqual(expected));
  }
});

let kb: KnowledgeBase | undefined;
afterEach(async () => { await kb?.close(); kb = undefined; });

async function counts(k: KnowledgeBase) {
  const n = async (t: 'documents' | 'events' | 'mentions' | 'sentences' | 'messages' | 'event_actors') =>
    Number((await k.db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { documents: await n('documents'), events: await n('events'), mentions: await n('mentions'), sentences: await n('sentences'), messages: await n('messages'), actors: await n('event_actors') };
}

for (const target of await testDatabases('store-document')) describe.skipIf(!!target.skip)(`storeDocument (${target.label})`, () => {
  it('adds a document, and storing it again changes nothing', async () => {
    kb = await freshKnowledgeBase(target);
    const doc = handBuiltDocument();
    expect((await storeDocument(kb, doc)).status).toBe('added');
    const before = await counts(kb);
    expect(before).toEqual({ documents: 1, events: 1, mentions: 2, sentences: 2, messages: 1, actors: 2 });
    expect((await storeDocument(kb, doc)).status).toBe('unchanged');
    expect(await counts(kb)).toEqual(before);
  });

  it('replaces the older version of the same source in one go', async () => {
    kb = await freshKnowledgeBase(target);
    await storeDocument(kb, handBuiltDocument(undefined, 'a.txt', 'v1'));
    const result = await storeDocument(kb, handBuiltDocument('Alphaland condemned Betastan again.', 'a.txt', 'v2'));
    expect(result).toEqual({ id: 'v2', status: 'replaced', replaced: ['v1'] });
    const docs = await kb.db.selectFrom('documents').select('id').execute();
    expect(docs.map((d) => d.id)).toEqual(['v2']);
    expect((await counts(kb)).sentences).toBe(1);
  });

  it('keeps different sources side by side and shares entities', async () => {
    kb = await freshKnowledgeBase(target);
    await storeDocument(kb, handBuiltDocument(undefined, 'a.txt', 'd1'));
    await storeDocument(kb, handBuiltDocument(undefined, 'b.txt', 'd2'));
    expect((await counts(kb)).documents).toBe(2);
    const entities = await kb.db.selectFrom('entities').select('id').execute();
    expect(entities).toHaveLength(2);
  });

  it('rolls back completely when a row cannot be stored', async () => {
    kb = await freshKnowledgeBase(target);
    await storeDocument(kb, handBuiltDocument(undefined, 'a.txt', 'd1'));
    const before = await counts(kb);
    const broken = handBuiltDocument(undefined, 'a.txt', 'd2');
    // Two events with the same id violate the primary key half way through the insert.
    broken.events = [broken.events[0]!, broken.events[0]!];
    await expect(storeDocument(kb, broken)).rejects.toThrow();
    expect(await counts(kb)).toEqual(before);
    expect((await kb.db.selectFrom('documents').select('id').execute()).map((d) => d.id)).toEqual(['d1']);
  });

  it('survives reopening and filters events', async () => {
    const scratch = await target.create();
    try {
      kb = await scratch.open();
      await storeDocument(kb, handBuiltDocument());
      await kb.close();
      kb = await scratch.open();
      expect((await listEvents(kb, { actors: ['state:ALP'] })).total).toBe(1);
      expect((await listEvents(kb, { actors: ['state:BET'] })).total).toBe(0);
      expect((await listEvents(kb, { recipients: ['state:BET'], types: ['accuse'] })).total).toBe(1);
      expect((await listEvents(kb, { from: '2022-04' })).total).toBe(0);
      expect((await listEvents(kb, { from: '2022', to: '2022-03-15' })).total).toBe(1);
    } finally {
      await kb?.close(); kb = undefined;
      await scratch.drop();
    }
  });

  // PostgreSQL only: SQLite connections within one process block the thread on the busy timeout.
  it.skipIf(target.dialect === 'sqlite')('gives one document when two connections store the same text at once', async () => {
    const scratch = await target.create();
    const [a, b] = [await scratch.open(), await scratch.open()];
    try {
      const results = await Promise.all([storeDocument(a, handBuiltDocument()), storeDocument(b, handBuiltDocument())]);
      expect(results.map((r) => r.status).sort()).toEqual(['added', 'unchanged']);
      expect(await counts(a)).toEqual({ documents: 1, events: 1, mentions: 2, sentences: 2, messages: 1, actors: 2 });
    } finally {
      await a.close(); await b.close();
      await scratch.drop();
    }
  });

  // PostgreSQL only: SQLite connections within one process block the thread on the busy timeout.
  it.skipIf(target.dialect === 'sqlite')('stores documents sharing entities from many connections without deadlock', async () => {
    const scratch = await target.create();
    const kbs: KnowledgeBase[] = [];
    for (let i = 0; i < 4; i++) kbs.push(await scratch.open());
    try {
      // Each document lists the shared entities in a different order.
      const docs = [0, 1, 2, 3, 4, 5, 6, 7].map((n) => {
        const d = handBuiltDocument(`Alphaland condemned Betastan, case ${n}.`, `s${n}.txt`, `d${n}`);
        d.entities = new Map(n % 2 ? [...d.entities].reverse() : [...d.entities]);
        return d;
      });
      const results = await Promise.all(docs.map((d, i) => storeDocument(kbs[i % kbs.length]!, d)));
      expect(results.every((r) => r.status === 'added')).toBe(true);
      const c = await counts(kbs[0]!);
      expect([c.documents, c.events]).toEqual([8, 8]);
      expect(await kbs[0]!.db.selectFrom('entities').select('id').orderBy('id').execute()).toEqual([{ id: 'state:ALP' }, { id: 'state:BET' }]);
    } finally {
      for (const k of kbs) await k.close();
      await scratch.drop();
    }
  });

  // Full-text search goes through the API's query (FTS5 on SQLite, the GIN expression index on PostgreSQL).
  const search = async (k: KnowledgeBase, words: string) => {
    const m = sentenceMatch(k.dialect, parseSearchTerms(words)!);
    const rows = await sql<{ doc: string; idx: number }>`select s.doc, s.idx from ${m.from} where ${m.where} order by s.doc, s.idx`.execute(k.db);
    return rows.rows.map((r) => `${r.doc}/${r.idx}`);
  };

  // A constraint failing inside a group of rows written by one statement (rows before it in that
  // statement already written): nothing of the document stays, alone or in a write batch.
  for (const [label, inBatch] of [['alone', false], ['in a write batch', true]] as const) {
    it.skipIf(inBatch && target.dialect === 'postgres')(`rolls back rows written before a failing row of the same statement (${label})`, async () => {
      kb = await freshKnowledgeBase(target);
      const batch = inBatch ? (await WriteBatch.open(kb))! : undefined;
      await storeDocument(kb, handBuiltDocument(undefined, 'a.txt', 'd1'));
      const before = await counts(kb);
      const broken = handBuiltDocument(undefined, 'b.txt', 'd2');
      const event = broken.events[0]!;
      // 20 events: the 10th repeats the 9th's id, in the middle of the first group of 16.
      broken.events = Array.from({ length: 20 }, (_, n) => ({ ...event, id: `d2:e${n === 9 ? 8 : n}` }));
      await expect(storeDocument(kb, broken)).rejects.toThrow();
      await storeDocument(kb, handBuiltDocument('Gammaland condemned Deltastan.', 'c.txt', 'd3'));
      await batch?.commit();
      const after = await counts(kb);
      expect(after.events - before.events).toBe(1);
      expect((await kb.db.selectFrom('documents').select('id').orderBy('id').execute()).map((d) => d.id)).toEqual(['d1', 'd3']);
      expect(await kb.db.selectFrom('events').select('id').where('doc', '=', 'd2').execute()).toEqual([]);
      expect(await kb.db.selectFrom('event_actors').select('event').where('event', 'like', 'd2:%').execute()).toEqual([]);
    });
  }

  it('finds stored sentences by full-text search, and forgets replaced and failed ones', async () => {
    kb = await freshKnowledgeBase(target);
    await storeDocument(kb, handBuiltDocument(undefined, 'a.txt', 'v1'));
    await storeDocument(kb, handBuiltDocument('Gammaland praised Deltastan.', 'b.txt', 'd2'));
    expect(await search(kb, 'expelled diplomats')).toEqual(['v1/1']);
    expect(await search(kb, 'condemn')).toEqual(['v1/0']);
    // A new version of a.txt replaces v1 and its index entries.
    await storeDocument(kb, handBuiltDocument('Alphaland praised Betastan.', 'a.txt', 'v2'));
    expect(await search(kb, 'expelled')).toEqual([]);
    expect(await search(kb, 'praised')).toEqual(['d2/0', 'v2/0']);
    // A document that fails half way leaves neither rows nor index entries behind.
    const broken = handBuiltDocument('Epsilonia threatened Zetania.', 'c.txt', 'd3');
    broken.events = [broken.events[0]!, broken.events[0]!];
    await expect(storeDocument(kb, broken)).rejects.toThrow();
    expect(await search(kb, 'threatened')).toEqual([]);
    expect(await kb.db.selectFrom('sentences_fts_deferred' as any).selectAll().execute()).toEqual([]);
  });

  it('indexes sentences a writer other than the store adds through indexSentencesOf, and forgets deleted ones', async () => {
    kb = await freshKnowledgeBase(target);
    await storeDocument(kb, handBuiltDocument());
    const k = kb;
    await writeTransaction(k, async (trx) => {
      await trx.insertInto('sentences').values([
        { doc: 'doc-other', idx: 9, paragraph: 0, start: 0, end: 9, text: 'Omegaland protested.' },
        { doc: 'doc-other', idx: 8, paragraph: 0, start: 0, end: 9, text: 'Omegaland objected.' },
      ]).execute();
      await indexSentencesOf(trx, k.dialect, 'doc-other');
    });
    expect(await search(kb, 'protested')).toEqual(['doc-other/9']);
    expect(await search(kb, 'Omegaland')).toEqual(['doc-other/8', 'doc-other/9']);
    expect(await search(kb, 'condemn')).toEqual(['doc-hand-1/0']);
    await kb.db.deleteFrom('sentences').where('idx', '=', 9).execute();
    expect(await search(kb, 'protested')).toEqual([]);
    expect(await search(kb, 'Omegaland')).toEqual(['doc-other/8']);
    if (kb.dialect === 'sqlite') await sql`insert into sentences_fts (sentences_fts, rank) values ('integrity-check', 1)`.execute(kb.db);
  });

  it.skipIf(target.dialect === 'postgres')('runs no trigger when sentences are inserted (each writer indexes them), one when they are deleted', async () => {
    kb = await freshKnowledgeBase(target);
    const triggers = await sql<{ name: string; sql: string }>`select name, sql from sqlite_master where type = 'trigger' and tbl_name = 'sentences' order by name`.execute(kb.db);
    expect(triggers.rows.map((t) => t.name)).toEqual(['sentences_ad']);
    expect(triggers.rows[0]!.sql).toMatch(/after delete on sentences/i);
    // Without the store's or indexSentencesOf's fill, a sentence is in the table but not in the index.
    await kb.db.insertInto('sentences').values({ doc: 'doc-raw', idx: 0, paragraph: 0, start: 0, end: 9, text: 'Omegaland protested.' }).execute();
    expect(await search(kb, 'protested')).toEqual([]);
  });

  it.skipIf(target.dialect === 'postgres')('indexes a write batch\'s sentences at its commit: every document kept, none replaced or dropped', async () => {
    kb = await freshKnowledgeBase(target);
    await storeDocument(kb, handBuiltDocument('Iotaland praised Kappastan.', 'old.txt', 'd0'));
    const batch = (await WriteBatch.open(kb))!;
    await storeDocument(kb, handBuiltDocument('Alphaland condemned Betastan.\nBetastan expelled envoys.', 'a.txt', 'a1'));
    await storeDocument(kb, handBuiltDocument('Gammaland condemned Deltastan.\nDeltastan recalled envoys.', 'b.txt', 'b1'));
    // Replaced and deleted inside the batch: their sentences must leave no index entries behind.
    await storeDocument(kb, handBuiltDocument('Alphaland thanked Betastan.\nBetastan welcomed envoys.', 'a.txt', 'a2'));
    await deleteDocument(kb, 'd0');
    await storeDocument(kb, handBuiltDocument('Epsilonia condemned Zetania.', 'c.txt', 'c1'));
    expect(await search(kb, 'condemned')).toEqual([]);
    await batch.commit();
    expect(await search(kb, 'condemned')).toEqual(['b1/0', 'c1/0']);
    expect(await search(kb, 'envoys')).toEqual(['a2/1', 'b1/1']);
    expect(await search(kb, 'expelled')).toEqual([]);
    expect(await search(kb, 'praised')).toEqual([]);
    // The index agrees with the sentences it was built from (FTS5 raises an error otherwise).
    await sql`insert into sentences_fts (sentences_fts, rank) values ('integrity-check', 1)`.execute(kb.db);
    expect(await kb.db.selectFrom('sentences_fts_deferred' as any).selectAll().execute()).toEqual([]);
  });

  it('stores many rows of a table in their order, however many there are', async () => {
    // Counts around the rows written per statement (groups of 16, then of 4, then single rows):
    // none, one, each group size and one either side, and groups of every size with a rest.
    for (const count of [0, 1, 3, 4, 5, 15, 16, 17, 20, 23, 39]) {
      kb = await freshKnowledgeBase(target);
      const doc = handBuiltDocument(undefined, `rows-${count}.txt`, `doc-rows-${count}`);
      doc.messages = Array.from({ length: count }, (_, n) => ({ doc: doc.id, rule: `test.note.${n}`, severity: 'info' as const, message: `note ${n}`, start: n, end: n + 1 }));
      await storeDocument(kb, doc);
      // Every row names the document, also where the group binds it once for all its rows.
      const rows = await kb.db.selectFrom('messages').select(['doc', 'rule', 'start', 'end', 'message']).where('rule', 'like', 'test.note.%').orderBy('id').execute();
      expect(rows).toEqual(doc.messages.map((m) => ({ doc: doc.id, rule: m.rule, start: m.start, end: m.end, message: m.message })));
      await kb.close();
      kb = undefined;
    }
  });

  it('exports spans that slice back to the document text', async () => {
    kb = await freshKnowledgeBase(target);
    await storeDocument(kb, handBuiltDocument());
    const out = await exportJson(kb);
    const text = out.documents[0]!.text;
    for (const m of out.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    for (const e of out.events) {
      expect(text.slice(e.trigger.start, e.trigger.end)).toBe(e.trigger.text);
      expect(text.slice(e.evidence.start, e.evidence.end)).toBe(e.evidence.text);
    }
    expect(out.entities.map((e) => e.id).sort()).toEqual(['state:ALP', 'state:BET']);
  });
});
