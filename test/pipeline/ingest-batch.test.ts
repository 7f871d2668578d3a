import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openKnowledgeBase, type KnowledgeBase } from '../../src/kb/open-knowledge-base.js';
import { documentRows, summarise } from '../../src/kb/document-rows.js';
import { IngestBatch, BATCH_DOCUMENTS } from '../../src/pipeline/ingest-batch.js';
import { storeAnalysedRows, type IngestOutcome } from '../../src/pipeline/ingest.js';
import { handBuiltDocument } from '../helpers/stored-doc.js';

let dir: string;
let file: string;
let kb: KnowledgeBase;
beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dg-ingest-batch-'));
  file = path.join(dir, 'kb.sqlite');
  kb = await openKnowledgeBase(file);
});
afterEach(async () => {
  await kb.close();
  rmSync(dir, { recursive: true, force: true });
});

function committedCount(): number {
  const other = new SQLite(file, { readonly: true });
  try {
    return other.prepare('select count(*) from documents').pluck().get() as number;
  } finally {
    other.close();
  }
}

const analysed = (n: number) => handBuiltDocument(`Alphaland condemned Betastan in March, take ${n}.\nBetastan expelled two diplomats.`, `hand-${n}.txt`, `doc-${n}`);
/** What a worker sends for document n; `broken` leaves out a column every sentence needs. */
function rowsOf(n: number, broken = false): string {
  const rows = documentRows(analysed(n));
  if (broken) {
    const sentences = rows.tables.find((t) => t.table === 'sentences')!;
    sentences.columns = sentences.columns.filter((c) => c !== 'text');
    sentences.rows = sentences.rows.map((r) => r.slice(0, -1));
  }
  return JSON.stringify(rows);
}
const store = (batch: IngestBatch, n: number, reported: Array<[string, IngestOutcome]>, broken = false) =>
  batch.store(() => storeAnalysedRows(kb, `f${n}`, rowsOf(n, broken), summarise(analysed(n))), (o) => reported.push([`f${n}`, o]));

/** No time limit within a test's reach: what a batch commits must not depend on how loaded the machine is. */
const UNTIMED = { ms: 600_000 };

describe('IngestBatch', () => {
  it('reports outcomes in input order once committed, a file that stored nothing in its turn', async () => {
    const batch = new IngestBatch(kb, UNTIMED);
    const reported: Array<[string, IngestOutcome]> = [];
    await store(batch, 1, reported);
    batch.report({ file: 'unreadable', ok: false, problem: 'binary', message: 'unreadable: binary' }, (o) => reported.push(['unreadable', o]));
    await store(batch, 2, reported);
    expect(reported).toEqual([]);
    expect(committedCount()).toBe(0);
    await batch.commit();
    expect(reported.map(([f, o]) => [f, o.ok && o.status])).toEqual([['f1', 'added'], ['unreadable', false], ['f2', 'added']]);
    expect(committedCount()).toBe(2);
  });

  it('rolls back a document that cannot be stored and keeps the rest of the batch', async () => {
    const batch = new IngestBatch(kb, UNTIMED);
    const reported: Array<[string, IngestOutcome]> = [];
    await store(batch, 1, reported);
    await store(batch, 2, reported, true);
    await store(batch, 3, reported);
    await batch.commit();
    expect(reported.map(([f, o]) => [f, o.ok ? o.status : o.problem])).toEqual([['f1', 'added'], ['f2', 'store'], ['f3', 'added']]);
    const ids = (await kb.db.selectFrom('documents').select('id').orderBy('id').execute()).map((r) => r.id);
    expect(ids).toEqual(['doc-1', 'doc-3']);
    // Nothing of the broken document stayed behind.
    expect(await kb.db.selectFrom('mentions').select('id').where('doc', '=', 'doc-2').execute()).toEqual([]);
  });

  it('reports every document of a batch whose commit failed as not stored', async () => {
    const batch = new IngestBatch(kb, UNTIMED);
    const reported: Array<[string, IngestOutcome]> = [];
    await store(batch, 1, reported);
    await store(batch, 2, reported);
    // SQLite drops a transaction by itself after some errors (a full disk, for one).
    kb.sqlite!.prepare('rollback').run();
    await batch.commit();
    expect(reported.map(([f, o]) => [f, o.ok ? o.status : o.problem])).toEqual([['f1', 'store'], ['f2', 'store']]);
    expect(committedCount()).toBe(0);
    // The next batch works again.
    await store(batch, 3, reported);
    await batch.commit();
    expect(committedCount()).toBe(1);
  });

  it('reports a document found unchanged as unchanged even when the batch holding it fails to commit', async () => {
    const first = new IngestBatch(kb, UNTIMED);
    await store(first, 1, []);
    await first.commit();
    const batch = new IngestBatch(kb, UNTIMED);
    const reported: Array<[string, IngestOutcome]> = [];
    await store(batch, 1, reported);
    await store(batch, 2, reported);
    kb.sqlite!.prepare('rollback').run();
    await batch.commit();
    expect(reported.map(([f, o]) => [f, o.ok ? o.status : o.problem])).toEqual([['f1', 'unchanged'], ['f2', 'store']]);
    expect(committedCount()).toBe(1);
  });

  it(`commits by itself after ${BATCH_DOCUMENTS} documents`, async () => {
    const batch = new IngestBatch(kb, UNTIMED);
    const reported: Array<[string, IngestOutcome]> = [];
    for (let n = 1; n <= BATCH_DOCUMENTS + 1; n++) await store(batch, n, reported);
    expect(reported.length).toBe(BATCH_DOCUMENTS);
    expect(committedCount()).toBe(BATCH_DOCUMENTS);
    await batch.commit();
    expect(committedCount()).toBe(BATCH_DOCUMENTS + 1);
  });

  it('commits by itself once its time is up', async () => {
    const batch = new IngestBatch(kb, { ms: 0 });
    const reported: Array<[string, IngestOutcome]> = [];
    for (let n = 1; n <= 3; n++) await store(batch, n, reported);
    expect(reported.length).toBe(3);
    expect(committedCount()).toBe(3);
  });

  it('tells how long the open batch may still stay open: none when no batch is open', async () => {
    const batch = new IngestBatch(kb, UNTIMED);
    expect(batch.msLeft()).toBe(0);
    await store(batch, 1, []);
    const left = batch.msLeft();
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThanOrEqual(600_000);
    await batch.commit();
    expect(batch.msLeft()).toBe(0);
  });
});
