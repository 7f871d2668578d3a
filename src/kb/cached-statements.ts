import type { Kysely, RawBuilder } from 'kysely';
import type SQLite from 'better-sqlite3';
import type { KnowledgeBase } from './open-knowledge-base.js';

const statementsByConnection = new WeakMap<SQLite.Database, Map<string, SQLite.Statement>>();

/**
 * A statement prepared once per SQLite connection and kept, keyed by its SQL. Kysely's SQLite
 * driver prepares every query it runs anew, which cost more than running it for the short
 * statements a store repeats per document (about an eighth of storing, measured).
 */
export function cachedStatement(sqlite: SQLite.Database, source: string): SQLite.Statement {
  let statements = statementsByConnection.get(sqlite);
  if (!statements) statementsByConnection.set(sqlite, (statements = new Map()));
  let statement = statements.get(source);
  if (!statement) statements.set(source, (statement = sqlite.prepare(source)));
  return statement;
}

/**
 * Run one SQL statement written for both dialects (kysely's `sql` template) and return its rows:
 * on SQLite through a cached prepared statement, on PostgreSQL through kysely. Only for use inside
 * writeTransaction, whose connection this is on SQLite (a statement run straight on the connection
 * outside it could land in another caller's transaction).
 */
export async function runSql<R>(kb: KnowledgeBase, db: Kysely<any>, query: RawBuilder<R>): Promise<R[]> {
  if (!kb.sqlite) return (await query.execute(db)).rows;
  const compiled = query.compile(db);
  const statement = cachedStatement(kb.sqlite, compiled.sql);
  if (statement.reader) return statement.all(compiled.parameters as unknown[]) as R[];
  statement.run(compiled.parameters as unknown[]);
  return [];
}
