import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';
import { MULTI_YEAR } from './006-event-page-indexes.js';

/**
 * Copies of each event's list-order and filter columns beside its actors and recipients, so that
 * an actor or recipient filter reads its page from one index in list order, without visiting
 * the events (measured with `npm run bench -- events-api` at a million events).
 *
 * With the entity's event ids alone, the events had to be looked up and sorted (slow for a
 * common actor), or the whole list walked in order and each event probed for the entity (slow
 * when the filters together match one event in hundreds, and for deep pages).
 *
 * - sort_date, sort_doc, sort_pos: the event's date_start, doc and trigger_start (with `event`,
 *   the list order of list-events.ts);
 * - event_type, event_quad, event_negated, event_date_end: its type, quad, negated and date_end,
 *   which the other filters test.
 *
 * event_actors_page orders an entity's rows by them. Writers insert event_actors rows without
 * these columns: a trigger fills them from the event, which every writer stores before its roles
 * (a role written first keeps them NULL, and list-events-by-role.ts then reads that entity from
 * the events' indexes instead; a trigger on events to catch that case cost more than the rest of
 * this migration on every insert). Events are never updated in place (a document is replaced by
 * deleting its rows), so the copies cannot go stale. events_quad_page reads a quad and negation
 * filter in list order (005's events_quad had to sort all its matches).
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  for (const [column, type] of COPIES) await db.schema.alterTable('event_actors').addColumn(column, type).execute();
  const set = (from: string) => COPIES.map(([column, , source]) => `${column} = ${from}.${source}`).join(', ');
  await sql.raw(`update event_actors set ${set('e')} from events e where e.id = event_actors.event`).execute(db);
  if (dialect === 'postgres') {
    await sql.raw(`
      create function event_actors_copy_event() returns trigger language plpgsql as $$
      begin
        if new.sort_doc is null then
          select ${COPIES.map(([, , source]) => `e.${source}`).join(', ')} into ${COPIES.map(([column]) => `new.${column}`).join(', ')}
            from events e where e.id = new.event;
        end if;
        return new;
      end $$`).execute(db);
    await sql.raw(`create trigger event_actors_copy_event before insert on event_actors
      for each row execute function event_actors_copy_event()`).execute(db);
  } else {
    await sql.raw(`create trigger event_actors_copy_event after insert on event_actors when new.sort_doc is null begin
      update event_actors set (${COPIES.map(([column]) => column).join(', ')}) =
        (select ${COPIES.map(([, , source]) => `e.${source}`).join(', ')} from events e where e.id = new.event)
        where event = new.event and role = new.role and ord = new.ord;
      end`).execute(db);
  }
  // PostgreSQL sorts NULLs last unless told; the list puts undated events first. It keeps the
  // filter columns out of the key (INCLUDE); SQLite has no such clause.
  if (dialect === 'postgres') {
    await sql`create index event_actors_page on event_actors (entity, role, sort_date nulls first, sort_doc, sort_pos, event)
      include (event_type, event_quad, event_negated, event_date_end)`.execute(db);
    await sql`create index events_quad_page on events (quad, negated, date_start nulls first, doc, trigger_start, id) include (type, date_end)`.execute(db);
  } else {
    await sql`create index event_actors_page on event_actors (entity, role, sort_date, sort_doc, sort_pos, event, event_type, event_quad, event_negated, event_date_end)`.execute(db);
    await sql`create index events_quad_page on events (quad, negated, date_start, doc, trigger_start, id, type, date_end)`.execute(db);
  }
  // An actor's multi-year events by end date: the part of a "from" filter before its year (see
  // list-events-by-role.ts, which repeats the predicate word for word, as partial indexes need).
  await sql`create index event_actors_multi_year on event_actors (entity, role, event_date_end, sort_date, sort_doc, sort_pos, event, event_type, event_quad, event_negated)
    where ${sql.raw(ROLE_MULTI_YEAR)}`.execute(db);
  await db.schema.dropIndex('events_quad').ifExists().execute();
  // The planners' statistics for the new indexes (SQLite only where ANALYZE was ever run: a
  // partial sqlite_stat1 would change other plans).
  const analyze = dialect === 'postgres' ? ['event_actors', 'events']
    : (await sql`select 1 from sqlite_master where name = 'sqlite_stat1'`.execute(db)).rows.length ? ['event_actors_page', 'event_actors_multi_year', 'events_quad_page'] : [];
  for (const name of analyze) await sql`analyze ${sql.id(name)}`.execute(db);
}

/** The copied columns: name in event_actors, type, column of events. */
const COPIES = [
  ['sort_date', 'text', 'date_start'], ['sort_doc', 'text', 'doc'], ['sort_pos', 'integer', 'trigger_start'],
  ['event_type', 'text', 'type'], ['event_quad', 'integer', 'quad'], ['event_negated', 'integer', 'negated'], ['event_date_end', 'text', 'date_end'],
] as const;

/** 006's MULTI_YEAR on the copies in event_actors (alias `a`). */
export const ROLE_MULTI_YEAR = MULTI_YEAR.replace(/date_start/g, 'sort_date').replace(/date_end/g, 'event_date_end');
