import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openKnowledgeBase, type KnowledgeBase } from '../../src/kb/open-knowledge-base.js';
import { storeDocument } from '../../src/kb/store-document.js';
import { WriteBatch, writeTransaction } from '../../src/kb/write-transaction.js';
import { handBuiltDocument } from '../helpers/stored-doc.js';

let dir: string;
let file: string;
let kb: KnowledgeBase;
beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dg-batch-'));
  file = path.join(dir, 'kb.sqlite');
  kb = await openKnowledgeBase(file);
});
afterEach(async () => {
  await kb.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Documents as another connection sees them (what a reader or a crash would find). */
function committedIds(): string[] {
  const other = new SQLite(file, { readonly: true });
  try {
    return other.prepare('select id from documents order by id').pluck().all() as string[];
  } finally {
    other.close();
  }
}

const doc = (n: number) => handBuiltDocument(`Alphaland condemned Betastan in March, take ${n}.\nBetastan expelled two diplomats.`, `hand-${n}.txt`, `doc-${n}`);

describe('WriteBatch', () => {
  it('stores several documents in one transaction: none visible before the commit, all after', async () => {
    const batch = (await WriteBatch.open(kb))!;
    expect(batch).toBeDefined();
    for (const n of [1, 2, 3]) expect((await storeDocument(kb, doc(n))).status).toBe('added');
    expect(batch.writes).toBe(3);
    expect(committedIds()).toEqual([]);
    await batch.commit();
    expect(committedIds()).toEqual(['doc-1', 'doc-2', 'doc-3']);
    // Ended: the next write is a transaction of its own again.
    await storeDocument(kb, doc(4));
    expect(committedIds()).toHaveLength(4);
  });

  it('rolls back a failing write alone and keeps the others', async () => {
    const batch = (await WriteBatch.open(kb))!;
    await storeDocument(kb, doc(1));
    await expect(writeTransaction(kb, async (trx) => {
      await trx.insertInto('messages').values({ doc: 'doc-1', start: null, end: null, rule: 'batch.half', severity: 'info', message: 'half of a write' }).execute();
      throw new Error('fails half-way');
    })).rejects.toThrow('fails half-way');
    await storeDocument(kb, doc(2));
    await batch.commit();
    expect(committedIds()).toEqual(['doc-1', 'doc-2']);
    const half = await kb.db.selectFrom('messages').select('rule').where('rule', '=', 'batch.half').execute();
    expect(half).toEqual([]);
  });

  it('nests writes: an inner failure caught by the outer write undoes only the inner one', async () => {
    const batch = (await WriteBatch.open(kb))!;
    await storeDocument(kb, doc(1));
    await writeTransaction(kb, async (trx) => {
      await trx.insertInto('messages').values({ doc: 'doc-1', start: null, end: null, rule: 'batch.outer', severity: 'info', message: 'outer' }).execute();
      await writeTransaction(kb, async (inner) => {
        await inner.insertInto('messages').values({ doc: 'doc-1', start: null, end: null, rule: 'batch.inner', severity: 'info', message: 'inner' }).execute();
        throw new Error('inner fails');
      }).catch(() => undefined);
    });
    await batch.commit();
    const rules = (await kb.db.selectFrom('messages').select('rule').where('rule', 'like', 'batch.%').execute()).map((r) => r.rule);
    expect(rules).toEqual(['batch.outer']);
  });

  it('leaves nothing after a rollback, and opens only one batch at a time', async () => {
    const batch = (await WriteBatch.open(kb))!;
    expect(await WriteBatch.open(kb)).toBeUndefined();
    await storeDocument(kb, doc(1));
    batch.rollback();
    expect(committedIds()).toEqual([]);
    expect(await kb.db.selectFrom('documents').select('id').execute()).toEqual([]);
  });

  it('stores the shared entities again after the batch that first wrote them was rolled back', async () => {
    const entityIds = async () => (await kb.db.selectFrom('entities').select('id').orderBy('id').execute()).map((r) => r.id);
    const stored = doc(1);
    const expected = [...stored.entities.keys()].sort();
    expect(expected.length).toBeGreaterThan(0);
    const rolledBack = (await WriteBatch.open(kb))!;
    await storeDocument(kb, stored);
    rolledBack.rollback();
    expect(await entityIds()).toEqual([]);
    // A savepoint that failed after writing them teaches nothing either.
    const batch = (await WriteBatch.open(kb))!;
    await expect(writeTransaction(kb, async () => { await storeDocument(kb, doc(2)); throw new Error('fails after the store'); })).rejects.toThrow('fails after the store');
    await storeDocument(kb, doc(3));
    await batch.commit();
    expect(await entityIds()).toEqual(expected);
    // Known now: a later document with the same entities adds no second row and loses none.
    await storeDocument(kb, doc(4));
    expect(await entityIds()).toEqual(expected);
  });

  it('forgets the entities of a batch whose commit failed', async () => {
    const entityIds = async () => (await kb.db.selectFrom('entities').select('id').execute()).map((r) => r.id);
    const batch = (await WriteBatch.open(kb))!;
    await storeDocument(kb, doc(1));
    kb.sqlite!.prepare('rollback').run();
    await expect(batch.commit()).rejects.toThrow(/rolled back/);
    await storeDocument(kb, doc(2));
    expect((await entityIds()).length).toBe(doc(2).entities.size);
  });

  it('refuses writes and its commit once SQLite has dropped the transaction', async () => {
    const batch = (await WriteBatch.open(kb))!;
    await storeDocument(kb, doc(1));
    kb.sqlite!.prepare('rollback').run();
    expect(batch.lost).toBe(true);
    await expect(storeDocument(kb, doc(2))).rejects.toThrow(/rolled back/);
    await expect(batch.commit()).rejects.toThrow(/rolled back/);
    expect(committedIds()).toEqual([]);
  });

  it('indexes the batch\'s sentences for search at the commit, also for a document replaced within the batch', async () => {
    const batch = (await WriteBatch.open(kb))!;
    await storeDocument(kb, handBuiltDocument('Alphaland condemned Betastan over the dam.\nBetastan expelled two diplomats.', 'same.txt', 'doc-old'));
    await storeDocument(kb, handBuiltDocument('Alphaland praised Betastan for the bridge.\nBetastan expelled two diplomats.', 'same.txt', 'doc-new'));
    await storeDocument(kb, doc(1));
    await batch.commit();
    const search = (term: string) => kb.sqlite!.prepare('select s.doc from sentences_fts f join sentences s on s.rowid = f.rowid where sentences_fts match ? order by s.doc').pluck().all(term);
    expect(search('dam')).toEqual([]);
    expect(search('bridge')).toEqual(['doc-new']);
    expect(search('diplomats')).toEqual(['doc-1', 'doc-new']);
    expect(() => kb.sqlite!.prepare("insert into sentences_fts(sentences_fts) values ('integrity-check')").run()).not.toThrow();
    expect(kb.sqlite!.prepare('select count(*) from sentences_fts_deferred').pluck().get()).toBe(0);
  });

  it('is found through any wrapper of the same connection', async () => {
    const batch = (await WriteBatch.open({ ...kb }))!;
    expect((await storeDocument({ ...kb, close: async () => undefined }, doc(1))).status).toBe('added');
    expect(batch.writes).toBe(1);
    expect(committedIds()).toEqual([]);
    await batch.commit();
    expect(committedIds()).toEqual(['doc-1']);
  });
});
