import { sql, type Kysely, type Transaction } from 'kysely';
import type SQLite from 'better-sqlite3';
import type { AnalysedDocument } from '../model/index.js';
import type { Database } from './schema.js';
import { PER_DOCUMENT_TABLES } from './schema.js';
import type { KnowledgeBase } from './open-knowledge-base.js';
import { openWriteBatch, writeTransaction } from './write-transaction.js';
import { lockKeys } from './dialect.js';
import { documentRows, type DocumentRows, type TableRows } from './document-rows.js';
import { cachedStatement, runSql } from './cached-statements.js';
import { indexSentencesOf } from './full-text.js';
import { pruneClustersOf } from '../consolidate/prune-clusters.js';
import { offeredRowWins, orphanEntitiesOf, ranksBefore, writeEntityRows, type DefinedEntityRow, type DefinerRank } from './entity-definition.js';

export type StoreStatus = 'added' | 'unchanged' | 'replaced';

export interface StoreResult {
  id: string;
  status: StoreStatus;
  /** Ids of older versions of the same source that this one replaced. */
  replaced: string[];
}

/** What decides whether a stored document is still current: the analysis that stored it and the period it was read in. */
export interface StoredVersion {
  pipeline_version: string;
  period_start: string;
  period_end: string;
  dct: string | null;
}

/** The documents row of a document's rows, by column name. */
function documentRowOf(doc: DocumentRows): StoredVersion {
  const table = doc.tables.find((t) => t.table === 'documents')!;
  const row = table.rows[0]!;
  const at = (column: string) => row[table.columns.indexOf(column)];
  return { pipeline_version: at('pipeline_version') as string, period_start: at('period_start') as string, period_end: at('period_end') as string, dct: (at('dct') as string | null) ?? null };
}

/**
 * Whether a stored document is what storing these rows would write again: the same analysis, in the same period. A
 * new period (an ingest with --period or --dct, or a year of ingest that has turned) is a new reading of it.
 */
export function isSameAnalysis(stored: StoredVersion, fresh: StoredVersion): boolean {
  return stored.pipeline_version === fresh.pipeline_version && stored.period_start === fresh.period_start
    && stored.period_end === fresh.period_end && (stored.dct ?? null) === (fresh.dct ?? null);
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
    const [existing] = await runSql<StoredVersion>(kb, trx, sql`select pipeline_version, period_start, period_end, dct from documents where id = ${doc.id}`);
    if (existing && isSameAnalysis(existing, documentRowOf(doc))) return { id: doc.id, status: 'unchanged' as const, replaced: [] };
    const older = await runSql<{ id: string }>(kb, trx, sql`select id from documents where source = ${doc.source} and id <> ${doc.id}`);
    const replaced = older.map((o) => o.id);
    // A document stored by an older pipeline is re-stored in place with the new analysis.
    if (existing) await deleteDocumentRows(trx, doc.id, kb);
    for (const id of replaced) await deleteDocumentRows(trx, id, kb);
    if (kb.sqlite) writeRowsSqlite(kb, kb.sqlite, doc, now);
    else {
      await writeRowsKysely(trx, doc, now);
      await indexSentencesOf(trx, kb.dialect, doc.id);
    }
    // Merges of events that went with the old rows go now (events re-stored under the same id keep theirs).
    if (existing || replaced.length) await pruneClustersOf(trx, existing ? [doc.id, ...replaced] : replaced);
    return { id: doc.id, status: replaced.length > 0 || existing ? ('replaced' as const) : ('added' as const), replaced };
  });
  if (kb.sqlite && result.status !== 'unchanged') rememberSharedRanks(kb, kb.sqlite, doc);
  return result;
}

/**
 * What this SQLite connection knows of stored shared rows (entities): per table and key, a rank
 * that the stored row's definer equals or beats (see entity-definition.ts). A row offered by a
 * document ranked after it would lose its upsert anyway, at the cost of an index lookup, so
 * writeRowsSqlite leaves it out. A rank becomes known once the transaction that wrote it has
 * committed (a document or batch rolled back teaches nothing). Ranks only improve, except when a
 * document's deletion clears the definer of its rows: then everything known is forgotten, on this
 * connection at once, and when another connection committed anything (SQLite's data_version).
 */
interface SharedRanks {
  dataVersion: unknown;
  /** Bumped by each forgetting, so that a commit callback registered before it adds nothing. */
  generation: number;
  tables: Map<string, Map<unknown, DefinerRank>>;
}

const sharedRanksByConnection = new WeakMap<SQLite.Database, SharedRanks>();

function sharedRanksOf(sqlite: SQLite.Database): SharedRanks {
  let known = sharedRanksByConnection.get(sqlite);
  if (!known) sharedRanksByConnection.set(sqlite, (known = { dataVersion: undefined, generation: 0, tables: new Map() }));
  return known;
}

function forgetSharedRanks(sqlite: SQLite.Database): void {
  const known = sharedRanksOf(sqlite);
  known.tables.clear();
  known.generation++;
}

/** Inside the write transaction: what is known, forgotten first if another connection has committed since. */
function currentSharedRanks(sqlite: SQLite.Database): SharedRanks {
  const known = sharedRanksOf(sqlite);
  const version = cachedStatement(sqlite, 'pragma data_version').get() as Record<string, unknown>;
  if (known.dataVersion !== version.data_version) {
    forgetSharedRanks(sqlite);
    known.dataVersion = version.data_version;
  }
  return known;
}

/** The definer columns of a shared table's row. */
function rankOf(t: TableRows, row: unknown[]): DefinerRank {
  return { source: row[t.columns.indexOf('defined_by_source')] as string, id: row[t.columns.indexOf('defined_by')] as string };
}

/** After a document's savepoint or transaction succeeded: its ranks hold once that commits. */
function rememberSharedRanks(kb: KnowledgeBase, sqlite: SQLite.Database, doc: DocumentRows): void {
  const known = sharedRanksOf(sqlite);
  const generation = known.generation;
  const remember = () => {
    if (known.generation !== generation) return;
    for (const t of doc.tables) {
      if (!t.sharedKey) continue;
      const at = t.columns.indexOf(t.sharedKey);
      let ranks = known.tables.get(t.table);
      if (!ranks) known.tables.set(t.table, (ranks = new Map()));
      for (const row of t.rows) {
        const rank = rankOf(t, row);
        // The stored row's definer is now this document or one ranked before it.
        if (ranksBefore(rank, ranks.get(row[at]) ?? null)) ranks.set(row[at], rank);
      }
    }
  };
  const batch = openWriteBatch(kb);
  if (batch) batch.afterCommit(remember);
  else remember();
}

/** The rows of a shared table that could win their upsert (all rows of other tables). */
function rowsToOffer(known: SharedRanks, t: TableRows, rows: unknown[][]): unknown[][] {
  if (!t.sharedKey) return rows;
  const ranks = known.tables.get(t.table);
  if (!ranks?.size) return rows;
  const at = t.columns.indexOf(t.sharedKey);
  return rows.filter((row) => {
    const stored = ranks.get(row[at]);
    return !stored || !ranksBefore(stored, rankOf(t, row));
  });
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

/**
 * Remove a document and every row that came from it. Entity rows stay (other documents may name
 * them); those it defined lose their definer and go to the next document naming them.
 */
export async function deleteDocumentRows(trx: Transaction<Database> | Kysely<Database>, id: string, kb?: KnowledgeBase): Promise<void> {
  // Sentences still waiting for the batch's full-text fill are indexed first: the delete trigger
  // removes each deleted sentence from the index, which must then hold it.
  if (kb?.sqlite) indexDeferredSentences(kb.sqlite, id);
  await orphanEntitiesOf(trx, id);
  if (kb?.sqlite) forgetSharedRanks(kb.sqlite);
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
 * sentences (no trigger does, since migration 013): for this document at once, or, in a write
 * batch, for all the batch's documents just before it commits (each fill writes a new segment of
 * the index, which later has to be merged). The documents waiting for it are listed in
 * sentences_fts_deferred, so that a document's savepoint rolled back takes it off the list too.
 * Same rows in the same order, hence the same rowids, as the kysely path.
 */
function writeRowsSqlite(kb: KnowledgeBase, sqlite: SQLite.Database, doc: DocumentRows, now: Date): void {
  cachedStatement(sqlite, 'insert into sentences_fts_deferred (doc) values (?)').run(doc.id);
  const known = currentSharedRanks(sqlite);
  for (const t of doc.tables) {
    const { table, columns, rows } = withIngestedAt(t, now);
    insertRows(sqlite, table, columns, rowsToOffer(known, t, rows), t.sharedKey);
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
    const objects = (part: unknown[][]) => part.map((r) => Object.fromEntries(columns.map((c, k) => [c, r[k]])));
    if (t.sharedKey) {
      if (table !== 'entities' || t.sharedKey !== 'id') throw new Error(`no rule for shared rows of ${table}`);
      await writeEntityRows(trx, objects(rows) as unknown as DefinedEntityRow[]);
      continue;
    }
    for (let i = 0; i < rows.length; i += CHUNK) {
      await trx.insertInto(table).values(objects(rows.slice(i, i + CHUNK)) as any).execute();
    }
  }
}

/**
 * Rows per run of the grouped insert statements, largest first. Each statement run has a fixed cost
 * (the call into SQLite, a step and reset, opening the table's and indexes' cursors, the
 * sqlite_sequence update of AUTOINCREMENT tables); a statement of a fixed number of rows is prepared
 * once, unlike a multi-row insert built to each chunk's size. Most of a document's tables hold
 * fewer than 16 rows or leave a rest, so a middle size saves more runs than a larger group would
 * (groups of 32 cost more than 16; 16 then 4 then 1 fewer than 16 then 1).
 */
const GROUP_SIZES = [16, 4, 1];

/**
 * Columns that hold the storing document's id or source, the same in every row a document writes
 * to a table. In a grouped insert such a column is one named parameter (`@d<column>`) used by
 * every row, bound once per run instead of once per row: binding a string is the costly kind
 * (better-sqlite3 converts it to UTF-8 in a buffer of its own, SQLite copies it again), about
 * 1100 instructions whatever its length, and these were a quarter of the strings a store binds.
 */
const DOCUMENT_COLUMNS = new Set(['doc', 'sort_doc', 'defined_by', 'defined_by_source']);

const NONE: number[] = [];

/** Positions of the DOCUMENT_COLUMNS whose value is one string in every row (any other value is bound per row). */
export function sameInEveryRow(columns: string[], rows: unknown[][]): number[] {
  let found: number[] | undefined;
  for (let c = 0; c < columns.length; c++) {
    if (!DOCUMENT_COLUMNS.has(columns[c]!)) continue;
    const value = rows[0]?.[c];
    if (typeof value !== 'string') continue;
    let same = true;
    for (let r = 1; r < rows.length && same; r++) same = rows[r]![c] === value;
    if (same) (found ??= []).push(c);
  }
  return found ?? NONE;
}

/**
 * Rows in order (so rowids are as one insert per row gives them): as many groups of each size in
 * GROUP_SIZES as fit, largest first. Values go to run() as separate arguments, not as one array:
 * better-sqlite3 reads an array's elements through V8's generic property lookup, one call per
 * value, and binding a 16-row group that way cost about a third more (measured on a statement that only binds).
 * The document's columns (sameInEveryRow) go once per run, in an object after them; single rows
 * keep plain positional values, as naming saves nothing there.
 */
function insertRows(sqlite: SQLite.Database, table: string, columns: string[], rows: unknown[][], sharedKey?: string): void {
  const once = rows.length > 1 ? sameInEveryRow(columns, rows) : NONE;
  const named: Record<string, unknown> = {};
  for (const c of once) named[`d${c}`] = rows[0]![c];
  const kept = once.length ? columns.map((_, c) => c).filter((c) => !once.includes(c)) : columns.map((_, c) => c);
  let next = 0;
  for (const size of GROUP_SIZES) {
    if (rows.length - next < size) continue;
    if (size === 1) {
      const single = preparedInsert(sqlite, table, columns, sharedKey, size, NONE);
      for (; next < rows.length; next++) single.run(...rows[next]!);
      break;
    }
    const group = preparedInsert(sqlite, table, columns, sharedKey, size, once);
    const values: unknown[] = new Array(size * kept.length);
    for (; next + size <= rows.length; next += size) {
      let k = 0;
      for (let r = next; r < next + size; r++) {
        const row = rows[r]!;
        for (let i = 0; i < kept.length; i++) values[k++] = row[kept[i]!];
      }
      if (once.length) group.run(...values, named);
      else group.run(...values);
    }
  }
}

/**
 * Insert statements' SQL by table, row count, shared key and columns bound once, then by column
 * list: written once, not per document. The column lists are compared name by name (each document
 * brings its own arrays), which cost less than joining them into a key for every table of every document.
 */
const insertSources = new Map<string, Array<{ columns: string[]; source: string }>>();

function sameColumns(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function preparedInsert(sqlite: SQLite.Database, table: string, columns: string[], sharedKey: string | undefined, rowCount: number, once: number[]): SQLite.Statement {
  const key = `${table}\n${rowCount}\n${sharedKey ?? ''}\n${once.join(',')}`;
  let known = insertSources.get(key);
  if (!known) insertSources.set(key, (known = []));
  let source = known.find((k) => sameColumns(k.columns, columns))?.source;
  if (source === undefined) {
    const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;
    const update = columns.filter((c) => c !== sharedKey).map((c) => `${quoted(c)} = excluded.${quoted(c)}`).join(', ');
    const conflict = sharedKey ? ` on conflict (${quoted(sharedKey)}) do update set ${update} where ${offeredRowWins(table)}` : '';
    const row = `(${columns.map((_, c) => (once.includes(c) ? `@d${c}` : '?')).join(', ')})`;
    // OR FAIL: a multi-row insert that may abort on a constraint keeps a statement journal, a copy
    // of every page it touches, to undo its own earlier rows (7% of a mention insert's
    // instructions). FAIL leaves them in place and still raises the error, which rolls back the
    // document's whole savepoint or transaction, so nothing of a failing document stays either way.
    // (Shared rows keep their upsert, whose conflicts are no failure.)
    const verb = sharedKey ? 'insert' : 'insert or fail';
    source = `${verb} into ${quoted(table)} (${columns.map(quoted).join(', ')}) values ${Array.from({ length: rowCount }, () => row).join(', ')}${conflict}`;
    known.push({ columns: [...columns], source });
  }
  return cachedStatement(sqlite, source);
}
