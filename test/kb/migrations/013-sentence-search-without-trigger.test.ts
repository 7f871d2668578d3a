import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { KnowledgeBase } from '../../../src/kb/open-knowledge-base.js';
import { storeDocument } from '../../../src/kb/store-document.js';
import { WriteBatch } from '../../../src/kb/write-transaction.js';
import { parseSearchTerms, sentenceMatch } from '../../../src/kb/full-text.js';
import { handBuiltDocument } from '../../helpers/stored-doc.js';
import { testDatabases } from '../../helpers/test-databases.js';

const MIGRATION = '013-sentence-search-without-trigger';

/** Back to the schema of migration 012: SQLite's insert trigger that stands aside for documents listed as deferred. */
async function asBeforeMigration(kb: KnowledgeBase): Promise<void> {
  await sql`delete from kysely_migration where name = ${MIGRATION}`.execute(kb.db);
  if (kb.dialect !== 'sqlite') return;
  await sql`create trigger sentences_ai after insert on sentences
    when not exists (select 1 from sentences_fts_deferred d where d.doc = new.doc)
    begin insert into sentences_fts(rowid, text) values (new.rowid, new.text); end`.execute(kb.db);
}

async function search(kb: KnowledgeBase, words: string): Promise<string[]> {
  const m = sentenceMatch(kb.dialect, parseSearchTerms(words)!);
  const rows = await sql<{ doc: string; idx: number }>`select s.doc, s.idx from ${m.from} where ${m.where} order by s.doc, s.idx`.execute(kb.db);
  return rows.rows.map((r) => `${r.doc}/${r.idx}`);
}

async function insertTriggers(kb: KnowledgeBase): Promise<string[]> {
  const rows = await sql<{ name: string }>`select name from sqlite_master where type = 'trigger' and tbl_name = 'sentences' and sql like '%after insert%' order by name`.execute(kb.db);
  return rows.rows.map((r) => r.name);
}

/** Sentences written by another means than the store, as an import did before migration 013 (one row per statement here). */
async function insertSentences(kb: KnowledgeBase, doc: string, texts: string[]): Promise<void> {
  for (const [idx, text] of texts.entries()) {
    await kb.db.insertInto('sentences').values({ doc, idx, paragraph: 0, start: 0, end: text.length, text }).execute();
  }
}

async function integrityCheck(kb: KnowledgeBase): Promise<void> {
  // FTS5 raises an error when the index and the sentence rows disagree (a row missing or indexed twice).
  if (kb.dialect === 'sqlite') await sql`insert into sentences_fts (sentences_fts, rank) values ('integrity-check', 1)`.execute(kb.db);
}

for (const target of await testDatabases('migration 013')) describe.skipIf(!!target.skip)(`migration 013 (${target.label})`, () => {
  it('keeps every sentence searchable, stored by the store, written by others or left listed as deferred, and later ones too', async () => {
    const scratch = await target.create();
    let kb = await scratch.open();
    try {
      await asBeforeMigration(kb);
      if (kb.dialect === 'sqlite') expect(await insertTriggers(kb)).toEqual(['sentences_ai']);
      // Stored by the store at migration 012 (indexed by its own fill, the trigger standing aside), alone and in a batch.
      await storeDocument(kb, handBuiltDocument('Alphaland condemned Betastan.\nBetastan expelled envoys.', 'a.txt', 'doc-a'));
      const batch = await WriteBatch.open(kb);
      await storeDocument(kb, handBuiltDocument('Gammaland condemned Deltastan.\nDeltastan recalled envoys.', 'b.txt', 'doc-b'));
      await batch?.commit();
      // Written row by row by another writer: indexed by migration 012's trigger.
      await insertSentences(kb, 'doc-raw', ['Omegaland protested loudly.', 'Omegaland envoys left.']);
      // Listed as deferred when the migration runs (a commit never leaves it so; the old trigger did not index these).
      if (kb.dialect === 'sqlite') {
        await sql`insert into sentences_fts_deferred (doc) values ('doc-left')`.execute(kb.db);
        await insertSentences(kb, 'doc-left', ['Sigmaland mediated.']);
        expect(await search(kb, 'mediated')).toEqual([]);
      } else {
        await insertSentences(kb, 'doc-left', ['Sigmaland mediated.']);
      }
      expect(await search(kb, 'envoys')).toEqual(['doc-a/1', 'doc-b/1', 'doc-raw/1']);
      await kb.close();

      kb = await scratch.open();
      const applied = await sql<{ name: string }>`select name from kysely_migration where name = ${MIGRATION}`.execute(kb.db);
      expect(applied.rows).toHaveLength(1);
      if (kb.dialect === 'sqlite') {
        expect(await insertTriggers(kb)).toEqual([]);
        expect(await kb.db.selectFrom('sentences_fts_deferred' as any).selectAll().execute()).toEqual([]);
      }
      expect(await search(kb, 'envoys')).toEqual(['doc-a/1', 'doc-b/1', 'doc-raw/1']);
      expect(await search(kb, 'condemned')).toEqual(['doc-a/0', 'doc-b/0']);
      expect(await search(kb, 'protested')).toEqual(['doc-raw/0']);
      expect(await search(kb, 'mediated')).toEqual(['doc-left/0']);
      await integrityCheck(kb);

      // After it: stored, replaced and deleted documents keep the index in step with the rows.
      await storeDocument(kb, handBuiltDocument('Epsilonia condemned Zetania.\nZetania welcomed envoys.', 'c.txt', 'doc-c'));
      await storeDocument(kb, handBuiltDocument('Alphaland thanked Betastan.\nBetastan welcomed envoys.', 'a.txt', 'doc-a2'));
      expect(await search(kb, 'envoys')).toEqual(['doc-a2/1', 'doc-b/1', 'doc-c/1', 'doc-raw/1']);
      expect(await search(kb, 'expelled')).toEqual([]);
      expect(await search(kb, 'welcomed')).toEqual(['doc-a2/1', 'doc-c/1']);
      await integrityCheck(kb);
    } finally {
      await kb.close();
      await scratch.drop();
    }
  });
});
