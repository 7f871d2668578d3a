import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { DialectName } from './dialect.js';
import * as m001 from './migrations/001-initial.js';
import * as m002 from './migrations/002-sentence-search.js';
import * as m003 from './migrations/003-event-clusters.js';
import * as m004 from './migrations/004-job-queue.js';
import * as m005 from './migrations/005-event-query-indexes.js';
import * as m006 from './migrations/006-event-page-indexes.js';
import * as m007 from './migrations/007-sql-views.js';
import * as m008 from './migrations/008-event-role-order.js';
import * as m009 from './migrations/009-sentence-search-per-document.js';
import * as m010 from './migrations/010-event-merge-key.js';
import * as m011 from './migrations/011-entity-definer.js';
import * as m012 from './migrations/012-event-actors-undated.js';
import * as m013 from './migrations/013-sentence-search-without-trigger.js';
import * as m014 from './migrations/014-sentence-start.js';

type DialectMigration = { up: (db: Kysely<any>, dialect: DialectName) => Promise<void> };

/** Migrations in the order they run; names sort in that order too. */
const MIGRATIONS: Record<string, DialectMigration> = {
  '001-initial': m001,
  '002-sentence-search': m002,
  '003-event-clusters': m003,
  '004-job-queue': m004,
  '005-event-query-indexes': m005,
  '006-event-page-indexes': m006,
  '007-sql-views': m007,
  '008-event-role-order': m008,
  '009-sentence-search-per-document': m009,
  '010-event-merge-key': m010,
  '011-entity-definer': m011,
  '012-event-actors-undated': m012,
  '013-sentence-search-without-trigger': m013,
  '014-sentence-start': m014,
};

class StaticProvider implements MigrationProvider {
  constructor(private readonly dialect: DialectName) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const [name, migration] of Object.entries(MIGRATIONS)) {
      out[name] = { up: (db) => migration.up(db, this.dialect) };
    }
    return out;
  }
}

/**
 * Bring the schema up to date; throws with the failing migration's name. Several processes may
 * open a new knowledge base at once (workers starting together): PostgreSQL serialises them with
 * kysely's migration lock, SQLite does not, so there a failed run is tried again and counts as
 * done when another process has applied everything in the meantime.
 */
export async function migrateToLatest(db: Kysely<any>, dialect: DialectName): Promise<string[]> {
  // Migrations written side by side (003, 004...) may land in any order; each stands on its own.
  const migrator = new Migrator({ db, provider: new StaticProvider(dialect), allowUnorderedMigrations: true });
  for (let attempt = 1; ; attempt++) {
    const { error, results } = await migrator.migrateToLatest();
    if (!error) return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
    const pending = await migrator.getMigrations().then((all) => all.filter((m) => !m.executedAt).length, () => -1);
    if (pending === 0) return [];
    if (attempt >= 5) {
      const failed = results?.find((r) => r.status === 'Error');
      throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 50));
  }
}
