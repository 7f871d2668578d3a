import path from 'node:path';
import { mkdirSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type { Database } from './schema.js';
import { displayLocation, isPostgresUrl, type DialectName } from './dialect.js';
import { migrateToLatest } from './migrate.js';

export const DEFAULT_DB_PATH = './diplograph.sqlite';

/** Pages of write-ahead log after which a commit copies the log into the database (see openSqlite). */
export const WAL_CHECKPOINT_PAGES = 10_000;

/** Environment variable naming a PostgreSQL knowledge base when no --db is given. */
export const DB_URL_ENV = 'DIPLOGRAPH_DB_URL';

export interface KnowledgeBase {
  db: Kysely<Database>;
  dialect: DialectName;
  /** Where it lives, for messages (a URL's password is masked). */
  location: string;
  /** The SQLite connection under `db` (SQLite only): the store reuses prepared statements on it. */
  sqlite?: SQLite.Database;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Open without creating or migrating (for read-only commands on a missing file this fails clearly). */
  readonly?: boolean;
  /** Most connections a PostgreSQL pool opens (default 10, pg's own; opened only when needed). */
  poolSize?: number;
}

/**
 * Where the knowledge base is: the given location, except that the default file path gives way
 * to DIPLOGRAPH_DB_URL when that is set (so `--db` always wins, and the variable beats nothing).
 */
export function resolveLocation(location: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env[DB_URL_ENV]?.trim();
  if ((location === undefined || location === DEFAULT_DB_PATH) && fromEnv) return fromEnv;
  return location ?? DEFAULT_DB_PATH;
}

/** Open (creating and migrating if needed) the knowledge base at a file path, `:memory:` or a postgres:// URL. */
export async function openKnowledgeBase(location?: string, options: OpenOptions = {}): Promise<KnowledgeBase> {
  const where = resolveLocation(location);
  return isPostgresUrl(where) ? openPostgres(where, options) : openSqlite(where, options);
}

/**
 * Switch to the write-ahead log. On a new file two processes opening it at the same moment race for
 * the switch, and the loser can get SQLITE_BUSY at once, without the busy timeout's wait: try again
 * for as long as that timeout would have waited.
 */
async function enterWal(sqlite: SQLite.Database): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      sqlite.pragma('journal_mode = WAL');
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

async function openSqlite(location: string, options: OpenOptions): Promise<KnowledgeBase> {
  if (location !== ':memory:' && !options.readonly) mkdirSync(path.dirname(path.resolve(location)), { recursive: true });
  let sqlite: SQLite.Database;
  try {
    sqlite = new SQLite(location, { fileMustExist: !!options.readonly });
  } catch (err) {
    throw new Error(`cannot open knowledge base ${location}: ${(err as Error).message}`);
  }
  // WAL lets readers (the server) go on while an ingest writes; the busy timeout makes a second
  // writer wait for the first instead of failing at once.
  sqlite.pragma('busy_timeout = 10000');
  await enterWal(sqlite);
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  // Savepoints (a write batch keeps one per document) and statement journals keep the pages they
  // may have to restore in memory rather than in a temporary file: no system call per page, and
  // nothing in them is needed after a crash (the write-ahead log is what recovery reads).
  sqlite.pragma('temp_store = MEMORY');
  // A checkpoint copies the log's pages into the database file: with SQLite's default of one
  // every 1000 pages (4 MB), an ingest copied the same index pages again and again (a write batch
  // rewrites ~700 pages, most of them pages earlier batches touched too). Every 10000 pages (a
  // log of up to 40 MB) each page is copied once for many batches. What a crash can lose does not
  // change: a killed process loses no committed transaction and leaves no half-written one either
  // way; only on power loss may committed batches since the last checkpoint roll back (never
  // corrupt), as synchronous = NORMAL already allowed, now up to 40 MB of them instead of 4.
  sqlite.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  if (!options.readonly) await migrateToLatest(db, 'sqlite');
  return { db, dialect: 'sqlite', location, sqlite, close: () => db.destroy() };
}

// bigint (count(*), sum of integers) arrives from pg as a string to be safe beyond 2^53; every
// count here is far below that, and the queries are shared with SQLite, which returns numbers.
const INT8_OID = 20;
const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

async function openPostgres(url: string, options: OpenOptions): Promise<KnowledgeBase> {
  const shown = displayLocation(url);
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, types: pgTypes, connectionTimeoutMillis: 15_000 });
  // An idle connection the server drops (restart, network) must not crash the process.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await sql`select 1`.execute(db);
    if (options.readonly) {
      const found = await sql<{ t: string | null }>`select to_regclass('documents')::text as t`.execute(db);
      if (!found.rows[0]?.t) throw new Error('it holds no diplograph schema; ingest into it first');
    } else {
      await migrateToLatest(db, 'postgres');
    }
  } catch (err) {
    await db.destroy().catch(() => undefined);
    throw new Error(`cannot open knowledge base ${shown}: ${(err as Error).message}`);
  }
  return { db, dialect: 'postgres', location: shown, close: () => db.destroy() };
}
