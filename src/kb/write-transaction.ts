import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { KnowledgeBase } from './open-knowledge-base.js';

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
  return kb.db.connection().execute(async (conn) => {
    await beginImmediate(conn);
    try {
      const result = await fn(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (err) {
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw err;
    }
  });
}

async function beginImmediate(conn: Kysely<Database>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await sql`begin immediate`.execute(conn);
      return;
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      if (!code.startsWith('SQLITE_BUSY') || attempt >= BEGIN_ATTEMPTS) throw err;
      // Yield so that, in this same process, a writer holding the lock on another connection can finish.
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}
