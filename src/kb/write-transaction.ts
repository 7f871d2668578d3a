import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { KnowledgeBase } from './open-knowledge-base.js';
import { cachedStatement } from './cached-statements.js';

/** How many times to wait out another writer (each wait is the connection's busy timeout). */
const BEGIN_ATTEMPTS = 6;

/**
 * Run `fn` in a transaction that writes. On SQLite it starts with BEGIN IMMEDIATE: a deferred BEGIN
 * takes a read lock first and, when it later needs the write lock while another process writes,
 * fails with SQLITE_BUSY at once (the busy timeout cannot help, waiting could deadlock). Taking the
 * write lock up front means a second writer waits its turn and then sees the first one's rows.
 * PostgreSQL keeps kysely's ordinary transaction.
 */
export async function writeTransaction<T>(kb: KnowledgeBase, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (kb.dialect !== 'sqlite') return kb.db.transaction().execute(fn);
  const sqlite = kb.sqlite;
  // Kysely's connection() holds its lock on the one connection; the transaction's own statements
  // run on it directly, prepared once (kysely would prepare them anew each time).
  const run = async (source: string, conn: Kysely<Database>) => {
    if (sqlite) cachedStatement(sqlite, source).run();
    else await sql.raw(source).execute(conn);
  };
  return kb.db.connection().execute(async (conn) => {
    await beginImmediate(conn, run);
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

async function beginImmediate(conn: Kysely<Database>, run: (source: string, conn: Kysely<Database>) => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await run('begin immediate', conn);
      return;
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      if (!code.startsWith('SQLITE_BUSY') || attempt >= BEGIN_ATTEMPTS) throw err;
      // Yield so that, in this same process, a writer holding the lock on another connection can finish.
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}
