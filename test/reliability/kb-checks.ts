import SQLite from 'better-sqlite3';
import { PER_DOCUMENT_TABLES } from '../../src/kb/schema.js';

/** Row counts of every table plus the document ids: equal fingerprints mean an unchanged knowledge base. */
export function fingerprint(file: string): string {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '%fts%' order by name").pluck().all() as string[];
    const counts = tables.map((t) => `${t}=${String(db.prepare(`select count(*) from "${t}"`).pluck().get())}`);
    const ids = db.prepare('select id from documents order by id').pluck().all() as string[];
    return `${counts.join(' ')} | ${ids.join(',')}`;
  } finally {
    db.close();
  }
}

/**
 * What a knowledge base must satisfy after any crash: SQLite's own integrity check, the full-text
 * index agrees with its table, no row belongs to a missing document, and every document has its
 * sections, paragraphs and sentences (nothing half-stored). Returns the problems found.
 */
export function consistencyProblems(file: string): string[] {
  const db = new SQLite(file, { fileMustExist: true });
  const problems: string[] = [];
  try {
    db.pragma('busy_timeout = 10000');
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    try {
      db.prepare("insert into sentences_fts(sentences_fts) values ('integrity-check')").run();
    } catch (err) {
      problems.push(`sentences_fts: ${(err as Error).message}`);
    }
    for (const table of PER_DOCUMENT_TABLES) {
      const orphans = db.prepare(`select count(*) from "${table}" where doc not in (select id from documents)`).pluck().get() as number;
      if (orphans > 0) problems.push(`${table}: ${orphans} rows of no document`);
    }
    const actorOrphans = db.prepare('select count(*) from event_actors where event not in (select id from events)').pluck().get() as number;
    if (actorOrphans > 0) problems.push(`event_actors: ${actorOrphans} rows of no event`);
    for (const table of ['paragraphs', 'sentences'] as const) {
      const empty = db.prepare(`select id from documents d where not exists (select 1 from "${table}" x where x.doc = d.id)`).pluck().all() as string[];
      if (empty.length) problems.push(`documents without ${table}: ${empty.join(', ')}`);
    }
  } finally {
    db.close();
  }
  return problems;
}

export function documentCount(file: string): number {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('select count(*) from documents').pluck().get() as number;
  } finally {
    db.close();
  }
}
