import { sql, type CreateTableBuilder, type Kysely } from 'kysely';

/** The two stores diplograph speaks to; every difference between them lives in this file. */
export type DialectName = 'sqlite' | 'postgres';

/** A `postgres://` or `postgresql://` connection URL (anything else is a SQLite file path). */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

export function dialectOf(location: string): DialectName {
  return isPostgresUrl(location) ? 'postgres' : 'sqlite';
}

/** A location fit for messages: a URL's password is never printed. */
export function displayLocation(location: string): string {
  if (!isPostgresUrl(location)) return location;
  try {
    const url = new URL(location);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'postgres://(unparseable URL)';
  }
}

/** An auto-numbered integer primary key named `id`. */
export function serialKey<T extends string>(table: CreateTableBuilder<T, any>, dialect: DialectName): CreateTableBuilder<T, any> {
  return dialect === 'postgres'
    ? table.addColumn('id', 'serial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/** Case-insensitive LIKE: SQLite's LIKE already ignores ASCII case, PostgreSQL's does not. */
export function caseInsensitiveLike(dialect: DialectName): 'like' | 'ilike' {
  return dialect === 'postgres' ? 'ilike' : 'like';
}

/**
 * Serialise writers that touch the same keys until the transaction ends. SQLite needs nothing:
 * a write transaction there already holds the whole database. On PostgreSQL two workers storing
 * the same text (or two versions of one source) at once would both see "not there yet"; an
 * advisory lock per key makes the second wait and then see the first one's rows. Keys are taken
 * in sorted order so two transactions can never wait on each other.
 */
export async function lockKeys(trx: Kysely<any>, dialect: DialectName, keys: string[]): Promise<void> {
  if (dialect !== 'postgres') return;
  for (const key of [...new Set(keys)].sort()) {
    await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx);
  }
}
