import { sql, type Kysely, type Transaction } from 'kysely';
import type SQLite from 'better-sqlite3';
import type { AnalysedDocument } from '../model/index.js';
import type { Database } from './schema.js';
import { PER_DOCUMENT_TABLES } from './schema.js';
import type { KnowledgeBase } from './open-knowledge-base.js';
import { PIPELINE_VERSION } from '../pipeline/version.js';
import { openWriteBatch, writeTransaction } from './write-transaction.js';
import { lockKeys } from './dialect.js';
import { documentRows, type DocumentRows, type TableRows } from './document-rows.js';
import { cachedStatement, runSql } from './cached-statements.js';
import { pruneClustersOf } from '../consolidate/prune-clusters.js';

export type StoreStatus = 'added' | 'unchanged' | 'replaced';

export interface StoreResult {
  id: string;
  status: StoreStatus;
  /** Ids of older versions of the same source that this one replaced. */
  replaced: string[];
}

/**
 * Store an analysed document in one transaction (a savepoint when an ingest's write batch is
 * open, see WriteBatch). Documents are identified by the hash of their text: storing the same
 * text again changes nothing, and a changed file replaces its older version (same source) in the
 * same transaction, so a reader never sees both or neither.
 */
export async function storeDocument(kb: KnowledgeBase, doc: AnalysedDocument, now: Date = new Date()): Promise<StoreResult> {
  return storeDocumentRows(kb, documentRows(doc), now);
}

/** storeDocument for rows already built (by a worker thread, see documentRows). */
export async function storeDocumentRows(kb: KnowledgeBase, doc: DocumentRows, now: Date = new Date()): Promise<StoreResult> {
  // An immediate write transaction: two processes storing the same text at once give one document.
  const result = await writeTransaction(kb, async (trx) => {
    await lockKeys(trx, kb.dialect, [`doc:${doc.id}`, `source:${doc.source}`]);
    const [existing] = await runSql<{ pipeline_version: string }>(kb, trx, sql`select pipeline_version from documents where id = ${doc.id}`);
    if (existing && existing.pipeline_version === PIPELINE_VERSION) return { id: doc.id, status: 'unchanged' as const, replaced: [] };
    const older = await runSql<{ id: string }>(kb, trx, sql`select id from documents where source = ${doc.source} and id <> ${doc.id}`);
    const replaced = older.map((o) => o.id);
    // A document stored by an older pipeline is re-stored in place with the new analysis.
    if (existing) await deleteDocumentRows(trx, doc.id, kb);
    for (const id of replaced) await deleteDocumentRows(trx, id, kb);
    if (kb.sqlite) writeRowsSqlite(kb, kb.sqlite, doc, now);
    else await writeRowsKysely(trx, doc, now);
    // Merges of events that went with the old rows go now (events re-stored under the same id keep theirs).
    if (existing || replaced.length) await pruneClustersOf(trx, existing ? [doc.id, ...replaced] : replaced);
    return { id: doc.id, status: replaced.length > 0 || existing ? ('replaced' as const) : ('added' as const), replaced };
  });
  if (kb.sqlite && result.status !== 'unchanged') rememberSharedKeys(kb, kb.sqlite, doc);
  return result;
}

/**
 * Keys of shared rows (entities) known to be stored, per SQLite connection and table. A shared row
 * is never changed or deleted once stored (the first record of a key stays), so offering it again
 * only costs its `on conflict do nothing` an index lookup: writeRowsSqlite leaves out the rows of
 * known keys. A key becomes known once the transaction that wrote it has committed; a document or
 * batch rolled back teaches nothing.
 */
const storedSharedKeys = new WeakMap<SQLite.Database, Map<string, Set<unknown>>>();

function sharedKeysOf(sqlite: SQLite.Database, table: string): Set<unknown> {
  let tables = storedSharedKeys.get(sqlite);
  if (!tables) storedSharedKeys.set(sqlite, (tables = new Map()));
  let keys = tables.get(table);
  if (!keys) tables.set(table, (keys = new Set()));
  return keys;
}

/** After a document's savepoint or transaction succeeded: its shared keys are stored once that commits. */
function rememberSharedKeys(kb: KnowledgeBase, sqlite: SQLite.Database, doc: DocumentRows): void {
  const remember = () => {
    for (const t of doc.tables) {
      if (!t.ignoreConflictOn) continue;
      const at = t.columns.indexOf(t.ignoreConflictOn);
      const keys = sharedKeysOf(sqlite, t.table);
      for (const row of t.rows) keys.add(row[at]);
    }
  };
  const batch = openWriteBatch(kb);
  if (batch) batch.afterCommit(remember);
  else remember();
}

/** The rows of a shared table whose keys are not known to be stored yet (all rows of other tables). */
function rowsNotStored(sqlite: SQLite.Database, t: TableRows, rows: unknown[][]): unknown[][] {
  if (!t.ignoreConflictOn) return rows;
  const keys = storedSharedKeys.get(sqlite)?.get(t.table);
  if (!keys?.size) return rows;
  const at = t.columns.indexOf(t.ignoreConflictOn);
  return rows.filter((row) => !keys.has(row[at]));
}

/** Delete a stored document and everything that came from it; false when there is no such document. */
export async function deleteDocument(kb: KnowledgeBase, id: string): Promise<boolean> {
  return writeTransaction(kb, async (trx) => {
    const found = await trx.selectFrom('documents').select('id').where('id', '=', id).executeTakeFirst();
    if (found) {
      await deleteDocumentRows(trx, id, kb);
      await pruneClustersOf(trx, [id]);
    }
    return !!found;
  });
}

/** Remove a document and every row that came from it. */
export async function deleteDocumentRows(trx: Transaction<Database> | Kysely<Database>, id: string, kb?: KnowledgeBase): Promise<void> {
  // Sentences still waiting for the batch's full-text fill are indexed first: the delete trigger
  // removes each deleted sentence from the index, which must then hold it.
  if (kb?.sqlite) indexDeferredSentences(kb.sqlite, id);
  await trx.deleteFrom('event_actors').where('event', 'in', trx.selectFrom('events').select('id').where('doc', '=', id)).execute();
  for (const table of PER_DOCUMENT_TABLES) await trx.deleteFrom(table).where('doc', '=', id).execute();
  await trx.deleteFrom('documents').where('id', '=', id).execute();
}

/** The documents row gets the time of storing, the one value not known when the rows were built. */
function withIngestedAt(t: TableRows, now: Date): TableRows {
  if (t.table !== 'documents') return t;
  const at = now.toISOString();
  return { ...t, columns: [...t.columns, 'ingested_at'], rows: t.rows.map((r) => [...r, at]) };
}

/**
 * SQLite, inside the open transaction: prepared statements per table and column list, prepared
 * once per connection and run with a fixed number of rows each (see insertRows; building and
 * compiling a multi-row insert per chunk cost more than the writing). The full-text index is filled by one statement after the
 * sentences (migration 009 holds back the per-row trigger meanwhile): for this document at once,
 * or, in a write batch, for all the batch's documents just before it commits (each fill writes
 * a new segment of the index, which later has to be merged). Same rows in the same order, hence
 * the same rowids, as the kysely path.
 */
function writeRowsSqlite(kb: KnowledgeBase, sqlite: SQLite.Database, doc: DocumentRows, now: Date): void {
  cachedStatement(sqlite, 'insert into sentences_fts_deferred (doc) values (?)').run(doc.id);
  for (const t of doc.tables) {
    const { table, columns, rows } = withIngestedAt(t, now);
    insertRows(sqlite, table, columns, rowsNotStored(sqlite, t, rows), t.ignoreConflictOn);
  }
  const batch = openWriteBatch(kb);
  if (batch) batch.beforeCommit('sentences_fts', () => indexDeferredSentences(sqlite));
  else indexDeferredSentences(sqlite, doc.id);
}

/** Index the sentences of documents listed in sentences_fts_deferred (of one, or of all) and take them off the list. */
function indexDeferredSentences(sqlite: SQLite.Database, doc?: string): void {
  if (doc === undefined) {
    // In rowid order (FTS5 starts a new segment when a rowid comes lower than the one before), read
    // in that order: documents in the order they were listed, each one's sentences by idx, which
    // is the order they were inserted in. Ordering by rowid instead sorted all the batch's text.
    cachedStatement(sqlite, 'insert into sentences_fts (rowid, text) select s.rowid, s.text from sentences_fts_deferred d join sentences s on s.doc = d.doc order by d.rowid, s.idx').run();
    cachedStatement(sqlite, 'delete from sentences_fts_deferred').run();
    return;
  }
  if (!cachedStatement(sqlite, 'select 1 from sentences_fts_deferred where doc = ?').get(doc)) return;
  cachedStatement(sqlite, 'insert into sentences_fts (rowid, text) select rowid, text from sentences where doc = ? order by idx').run(doc);
  cachedStatement(sqlite, 'delete from sentences_fts_deferred where doc = ?').run(doc);
}

const CHUNK = 400;

/** PostgreSQL: multi-row inserts through kysely, in chunks (a statement has at most 65535 parameters). */
async function writeRowsKysely(trx: Kysely<Database>, doc: DocumentRows, now: Date): Promise<void> {
  for (const t of doc.tables) {
    const { table, columns, rows } = withIngestedAt(t, now);
    for (let i = 0; i < rows.length; i += CHUNK) {
      const values = rows.slice(i, i + CHUNK).map((r) => Object.fromEntries(columns.map((c, k) => [c, r[k]])));
      const insert = trx.insertInto(table).values(values as any);
      await (t.ignoreConflictOn ? insert.onConflict((oc) => oc.column(t.ignoreConflictOn as any).doNothing()) : insert).execute();
    }
  }
}

/**
 * Rows per run of the grouped insert statement. Each statement run has a fixed cost (the call into
 * SQLite, a step and reset, the sqlite_sequence update of AUTOINCREMENT tables); a statement of a
 * fixed number of rows is prepared once, unlike a multi-row insert built to each chunk's size.
 */
const ROWS_PER_STATEMENT = 16;

/** Rows in order (so rowids are as one insert per row gives them): groups of ROWS_PER_STATEMENT, then the rest one by one. */
function insertRows(sqlite: SQLite.Database, table: string, columns: string[], rows: unknown[][], onConflictIgnore?: string): void {
  let next = 0;
  if (rows.length >= ROWS_PER_STATEMENT) {
    const group = preparedInsert(sqlite, table, columns, onConflictIgnore, ROWS_PER_STATEMENT);
    const width = columns.length;
    const values: unknown[] = new Array(ROWS_PER_STATEMENT * width);
    for (; next + ROWS_PER_STATEMENT <= rows.length; next += ROWS_PER_STATEMENT) {
      let k = 0;
      for (let r = next; r < next + ROWS_PER_STATEMENT; r++) {
        const row = rows[r]!;
        for (let c = 0; c < width; c++) values[k++] = row[c];
      }
      group.run(values);
    }
  }
  if (next === rows.length) return;
  const single = preparedInsert(sqlite, table, columns, onConflictIgnore, 1);
  for (; next < rows.length; next++) single.run(rows[next]!);
}

/** Insert statements' SQL by table, row count, conflict column and columns: written once, not per document. */
const insertSources = new Map<string, string>();

function preparedInsert(sqlite: SQLite.Database, table: string, columns: string[], onConflictIgnore: string | undefined, rowCount: number): SQLite.Statement {
  const key = `${table}\n${rowCount}\n${onConflictIgnore ?? ''}\n${columns.join('\n')}`;
  let source = insertSources.get(key);
  if (source === undefined) {
    const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;
    const conflict = onConflictIgnore ? ` on conflict (${quoted(onConflictIgnore)}) do nothing` : '';
    const row = `(${columns.map(() => '?').join(', ')})`;
    source = `insert into ${quoted(table)} (${columns.map(quoted).join(', ')}) values ${Array.from({ length: rowCount }, () => row).join(', ')}${conflict}`;
    insertSources.set(key, source);
  }
  return cachedStatement(sqlite, source);
}
