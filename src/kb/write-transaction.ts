import { sql, type Kysely } from 'kysely';
import type SQLite from 'better-sqlite3';
import type { Database } from './schema.js';
import type { KnowledgeBase } from './open-knowledge-base.js';
import { cachedStatement } from './cached-statements.js';

/** How many times to wait out another writer (each wait is the connection's busy timeout). */
const BEGIN_ATTEMPTS = 6;

/** The write batch open on a SQLite connection, if any (see WriteBatch); by connection, since wrappers of one knowledge base share it. */
const openBatches = new WeakMap<SQLite.Database, WriteBatch>();

/** The batch whose transaction writes on this knowledge base now, if any. */
export function openWriteBatch(kb: KnowledgeBase): WriteBatch | undefined {
  return kb.sqlite ? openBatches.get(kb.sqlite) : undefined;
}

/**
 * Run `fn` in a transaction that writes. On SQLite it starts with BEGIN IMMEDIATE: a deferred BEGIN
 * takes a read lock first and, when it later needs the write lock while another process writes,
 * fails with SQLITE_BUSY at once (the busy timeout cannot help, waiting could deadlock). Taking the
 * write lock up front means a second writer waits its turn and then sees the first one's rows.
 * While a WriteBatch is open on the knowledge base, `fn` runs in a savepoint of the batch's
 * transaction instead: rolled back alone when it fails, committed with the batch.
 * PostgreSQL keeps kysely's ordinary transaction.
 */
export async function writeTransaction<T>(kb: KnowledgeBase, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (kb.dialect !== 'sqlite') return kb.db.transaction().execute(fn);
  const sqlite = kb.sqlite;
  const batch = openWriteBatch(kb);
  if (batch) return batch.savepoint(fn);
  // Kysely's connection() holds its lock on the one connection; the transaction's own statements
  // run on it directly, prepared once (kysely would prepare them anew each time).
  const run = async (source: string, conn: Kysely<Database>) => {
    if (sqlite) cachedStatement(sqlite, source).run();
    else await sql.raw(source).execute(conn);
  };
  return kb.db.connection().execute(async (conn) => {
    await beginImmediate(() => run('begin immediate', conn));
    try {
      const result = await fn(conn);
      await run('commit', conn);
      return result;
    } catch (err) {
      // After some errors SQLite has already rolled back: then there is no transaction to end.
      if (!sqlite || sqlite.inTransaction) await run('rollback', conn).catch(() => undefined);
      throw err;
    }
  });
}

async function beginImmediate(begin: () => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await begin();
      return;
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      if (!code.startsWith('SQLITE_BUSY') || attempt >= BEGIN_ATTEMPTS) throw err;
      // Yield so that, in this same process, a writer holding the lock on another connection can finish.
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}

/**
 * Several documents written in one SQLite transaction, each writeTransaction in it a savepoint:
 * a document that fails is rolled back alone, and the batch commits whole, so the knowledge base
 * holds whole documents after a crash as with one transaction each. Committing costs about as
 * much as the writing (every page a document touched goes to the write-ahead log, and the log is
 * copied into the database at checkpoints), and documents written together share most of those
 * pages. Only for a caller that owns the knowledge base's connection for the batch's duration
 * (an ingest run): any other query on it meanwhile would run inside the batch. The batch holds
 * the write lock, so callers keep it short (see ingest-batch.ts). SQLite only; `open` gives
 * undefined for PostgreSQL, where each document keeps its own transaction.
 */
export class WriteBatch {
  /** Savepoints run so far (each writeTransaction in the batch). */
  writes = 0;
  readonly startedAt = performance.now();
  private depth = 0;
  private readonly finishers = new Map<string, () => void>();
  private readonly onCommitted: Array<() => void> = [];

  private constructor(private readonly kb: KnowledgeBase, private readonly sqlite: SQLite.Database) {}

  static async open(kb: KnowledgeBase): Promise<WriteBatch | undefined> {
    if (kb.dialect !== 'sqlite' || !kb.sqlite || openBatches.has(kb.sqlite)) return undefined;
    const sqlite = kb.sqlite;
    await beginImmediate(async () => { cachedStatement(sqlite, 'begin immediate').run(); });
    const batch = new WriteBatch(kb, sqlite);
    openBatches.set(sqlite, batch);
    return batch;
  }

  /** Whether the transaction is gone (SQLite rolls it back by itself after some errors, such as a full disk). */
  get lost(): boolean {
    return !this.sqlite.inTransaction;
  }

  async savepoint<T>(fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
    if (this.lost) throw new Error('the write batch was rolled back by an earlier error');
    const name = `batch_write_${this.depth++}`;
    this.writes++;
    try {
      cachedStatement(this.sqlite, `savepoint ${name}`).run();
      const result = await fn(this.kb.db);
      cachedStatement(this.sqlite, `release ${name}`).run();
      return result;
    } catch (err) {
      if (!this.lost) {
        cachedStatement(this.sqlite, `rollback to ${name}`).run();
        cachedStatement(this.sqlite, `release ${name}`).run();
      }
      throw err;
    } finally {
      this.depth--;
    }
  }

  /** Work to do once, just before the commit, for everything the batch wrote (keyed: the same key registers once). */
  beforeCommit(key: string, finish: () => void): void {
    if (!this.finishers.has(key)) this.finishers.set(key, finish);
  }

  /** Work to do once the batch has committed (never, when it is rolled back or its commit fails). */
  afterCommit(done: () => void): void {
    this.onCommitted.push(done);
  }

  /** Commit everything written in the batch; when that fails, nothing of it stays. Ends the batch either way. */
  async commit(): Promise<void> {
    openBatches.delete(this.sqlite);
    if (this.lost) throw new Error('the write batch was rolled back by an earlier error');
    try {
      for (const finish of this.finishers.values()) finish();
      cachedStatement(this.sqlite, 'commit').run();
    } catch (err) {
      if (!this.lost) cachedStatement(this.sqlite, 'rollback').run();
      throw err;
    }
    for (const done of this.onCommitted) done();
  }

  /** Give up the batch: nothing written in it stays. */
  rollback(): void {
    openBatches.delete(this.sqlite);
    if (!this.lost) cachedStatement(this.sqlite, 'rollback').run();
  }
}
