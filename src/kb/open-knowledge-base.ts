import path from 'node:path';
import { mkdirSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema.js';
import type { DialectName } from './dialect.js';
import { migrateToLatest } from './migrate.js';

export const DEFAULT_DB_PATH = './diplograph.sqlite';

export interface KnowledgeBase {
  db: Kysely<Database>;
  dialect: DialectName;
  /** Where it lives, for messages. */
  location: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Open without creating or migrating (for read-only commands on a missing file this fails clearly). */
  readonly?: boolean;
}

/** Open (creating and migrating if needed) the knowledge base at a file path or `:memory:`. */
export async function openKnowledgeBase(location: string = DEFAULT_DB_PATH, options: OpenOptions = {}): Promise<KnowledgeBase> {
  if (/^postgres(ql)?:\/\//.test(location)) {
    throw new Error('PostgreSQL knowledge bases are not supported yet; use a SQLite file path');
  }
  if (location !== ':memory:' && !options.readonly) mkdirSync(path.dirname(path.resolve(location)), { recursive: true });
  let sqlite: SQLite.Database;
  try {
    sqlite = new SQLite(location, { fileMustExist: !!options.readonly });
  } catch (err) {
    throw new Error(`cannot open knowledge base ${location}: ${(err as Error).message}`);
  }
  // WAL lets readers (the server) go on while an ingest writes; the busy timeout makes a second
  // writer wait for the first instead of failing at once.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 10000');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  if (!options.readonly) await migrateToLatest(db, 'sqlite');
  return {
    db,
    dialect: 'sqlite',
    location,
    close: () => db.destroy(),
  };
}
