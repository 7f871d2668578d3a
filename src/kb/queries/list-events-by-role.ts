import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { KnowledgeBase } from '../open-knowledge-base.js';
import { ROLE_MULTI_YEAR } from '../migrations/008-event-role-order.js';
import type { Bounded, Count, Part, RolePlan } from './list-events.js';
import type { QueryResult } from 'kysely';

/** Bounds of the role walk (tests lower them to reach every path on a small knowledge base). */
export const ROLE_WALK = {
  /**
   * Rows of a walked role read to count its matches (each tested on its copied columns, or, with
   * another role filter, probed): beyond them the count is a lower bound.
   */
  countWindow: 5_000,
  probedCountWindow: 1_000,
};
/** Other filters matching at least this many events are never rarer than a walked role. */
const OTHERS_ENOUGH = 20_000;
/** About how many index entries one probe for a role row costs. */
const PROBE_COST = 4;
/** Role sizes above this are all alike to the choices here (planRoles counts no further). */
export const WALK_SIZES = OTHERS_ENOUGH;

/**
 * Which role filter, if any, to read in list order from event_actors_page (migration 008): one
 * naming a single entity, the smallest if both do. Its page is the next rows of that index,
 * other filters tested on the copies of the event columns there, so the walk costs the page divided
 * by how often the other filters match. Events read from their own indexes cost the page
 * divided by how often the role matches: so the role walks unless the other filters are rarer
 * (counted on their index up to the role's size), or documents are named (a few events each).
 */
export async function chooseWalk(kb: KnowledgeBase, roles: RolePlan[], f: Bounded): Promise<RolePlan | undefined> {
  if (f.docs?.length) return undefined;
  const walk = roles.filter((r) => r.ids.length === 1).sort((a, b) => a.size - b.size)[0];
  if (!walk) return undefined;
  // A role row written before its event has no copies (sort_doc NULL, first in the index order):
  // that entity is read from the events' indexes.
  const uncopied = await sql`select 1 from event_actors a where a.entity = ${walk.ids[0]!} and a.role = ${walk.role}
    and a.sort_date is null and a.sort_doc is null limit 1`.execute(kb.db);
  if (uncopied.rows.length) return undefined;
  if (!f.types?.length && f.negated === undefined && f.quad === undefined) return walk;
  // A probe costs a few index entries: the role walks unless the others are several times rarer.
  const enough = Math.ceil(Math.min(walk.size, OTHERS_ENOUGH) / PROBE_COST);
  const row = await kb.db.selectFrom((db) => db.selectFrom('events').select('id')
    .$if(!!f.types?.length, (q) => q.where('type', 'in', f.types!))
    .$if(f.negated !== undefined, (q) => q.where('negated', '=', f.negated ? 1 : 0))
    .$if(f.quad !== undefined, (q) => q.where('quad', '=', f.quad!))
    .limit(enough).as('o')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0) >= enough ? walk : undefined;
}

/**
 * The list's parts when one role filter is walked in list order from event_actors_page. The
 * other filters are tested on the event's columns copied there and the other role filters probe
 * their rows, so the page is the same as the events' indexes give. A "from" date splits the list
 * as there (see list-events.ts): the entity's multi-year events before that year come from
 * event_actors_multi_year by end date, the rest from event_actors_page from that year on.
 */
export function roleWalkParts(kb: KnowledgeBase, f: Bounded, walk: RolePlan, others: RolePlan[]): Part[] {
  const list = (xs: readonly (string | number)[]) => sql.join(xs.map((x) => sql`${x}`));
  // Conditions on the date bound the walk in the index; the others are tested on each row.
  const range: RawBuilder<SqlBool>[] = [];
  const tests: RawBuilder<SqlBool>[] = [];
  if (f.to) range.push(sql<SqlBool>`a.sort_date <= ${f.to}`);
  if (f.types?.length) tests.push(sql<SqlBool>`a.event_type in (${list(f.types)})`);
  if (f.negated !== undefined) tests.push(sql<SqlBool>`a.event_negated = ${f.negated ? 1 : 0}`);
  if (f.quad !== undefined) tests.push(sql<SqlBool>`a.event_quad = ${f.quad}`);
  if (f.from) tests.push(sql<SqlBool>`a.event_date_end >= ${f.from}`);
  // Probes go by event id: SQLite on event_actors_lookup, PostgreSQL on event_actors_probe.
  for (const r of others) tests.push(sql<SqlBool>`exists (select 1 from event_actors b where b.role = ${r.role} and b.entity in (${list(r.ids)}) and b.event = a.event)`);
  const window = others.length ? ROLE_WALK.probedCountWindow : ROLE_WALK.countWindow;
  // Probing, a full page has already read more rows than the window holds unless the role is
  // small: the page's own rows are then the better lower bound, at no cost.
  const slow = others.length > 0 && walk.size > window;
  const entity = walk.ids[0]!;
  const fromYear = f.from?.slice(0, 4);
  if (!fromYear) return [walkPart(kb, walk.role, entity, range, tests, window, slow)];
  // The predicate is written as migration 008 wrote it, without the alias: both engines use a
  // partial index only for a query that states its condition.
  const early = [sql<SqlBool>`${sql.raw(ROLE_MULTI_YEAR)}`, sql<SqlBool>`(a.sort_date is null or a.sort_date < ${fromYear})`];
  return [
    earlyPart(kb, walk.role, entity, [...range, ...early, ...tests]),
    walkPart(kb, walk.role, entity, [...range, sql<SqlBool>`a.sort_date >= ${fromYear}`], tests, window, slow),
  ];
}

/**
 * The entity's multi-year events before a "from" year (the conditions `conds`), read from
 * event_actors_multi_year: few, so they are all read and sorted, and counted on the way.
 */
function earlyPart(kb: KnowledgeBase, role: string, entity: string, conds: RawBuilder<SqlBool>[]): Part {
  const matches = sql`select a.event as id, a.sort_date, a.sort_doc, a.sort_pos from event_actors a
    where a.entity = ${entity} and a.role = ${role}${sql.join(conds.map((c) => sql` and ${c}`), sql``)}
    group by a.sort_date, a.sort_doc, a.sort_pos, a.event`;
  const order = kb.dialect === 'postgres' ? sql`m.sort_date nulls first, m.sort_doc, m.sort_pos, m.id` : sql`m.sort_date, m.sort_doc, m.sort_pos, m.id`;
  const countAll = async () => Number((await sql<{ n: number }>`select count(*) as n from (${matches}) m`.execute(kb.db)).rows[0]?.n ?? 0);
  return {
    page: async (skip, n) => (await sql<{ id: string; n: number }>`select m.id, count(*) over () as n from (${matches}) m
      order by ${order} limit ${n} offset ${skip}`.execute(kb.db)).rows,
    count: async (upTo) => Math.min(upTo, await countAll()),
    slowCount: false,
    total: async () => ({ n: await countAll(), exact: true }),
  };
}

/**
 * One part read from event_actors_page: the entity's rows within `range` that pass `tests`, in
 * list order. Counting stops at the cap, or, when rows are tested, after `window` rows (then
 * the count is a lower bound); `slow` leaves the count of a full page to the page.
 */
function walkPart(kb: KnowledgeBase, role: string, entity: string, range: RawBuilder<SqlBool>[], tests: RawBuilder<SqlBool>[], window: number, slow: boolean): Part {
  const and = (xs: RawBuilder<SqlBool>[]) => sql.join(xs.map((c) => sql` and ${c}`), sql``);
  const rows = sql`a.entity = ${entity} and a.role = ${role}${and(range)}`;
  const order = kb.dialect === 'postgres' ? sql`a.sort_date nulls first, a.sort_doc, a.sort_pos, a.event` : sql`a.sort_date, a.sort_doc, a.sort_pos, a.event`;
  // An entity named twice in one event's role (two of its actors) has two rows there; they are
  // adjacent in the index, and grouping by the whole sort key keeps one without a sort.
  const matches = sql`select a.event as id from event_actors a where ${rows}${and(tests)}
    group by a.sort_date, a.sort_doc, a.sort_pos, a.event order by ${order}`;
  const countUpTo = async (upTo: number) => {
    const r = await serial(kb, sql<{ n: number }>`select count(*) as n from (${matches} limit ${upTo}) m`);
    return Number(r.rows[0]?.n ?? 0);
  };
  return {
    page: async (skip, n) => (await serial(kb, sql<{ id: string }>`${matches} limit ${n} offset ${skip}`)).rows,
    count: countUpTo,
    slowCount: slow,
    total: async (cap): Promise<Count> => {
      if (tests.length === 0) {
        const n = await countUpTo(cap + 1);
        return n > cap ? { n: cap, exact: false } : { n, exact: true };
      }
      // Rows in the window, then distinct matching events among them (an event's rows are
      // adjacent in the window's order, so grouping streams).
      const first = sql`select a.event, a.sort_date, a.sort_doc, a.sort_pos, a.event_type, a.event_quad, a.event_negated, a.event_date_end
        from event_actors a where ${rows} order by ${order} limit ${window + 1}`;
      const seen = Number((await sql<{ n: number }>`select count(*) as n from (${first}) w`.execute(kb.db)).rows[0]?.n ?? 0);
      const n = Number((await sql<{ n: number }>`select count(*) as n from (select 1 as one from (${first}) a where ${sql.join(tests, sql` and `)}
        group by a.sort_date, a.sort_doc, a.sort_pos, a.event) m`.execute(kb.db)).rows[0]?.n ?? 0);
      return seen <= window && n <= cap ? { n, exact: true } : { n: Math.min(n, cap), exact: false };
    },
  };
}

/**
 * Run a walk without parallel workers on PostgreSQL. A walk in list order stops at a full page,
 * but the planner, expecting to read far, splits it among workers that each read ahead of the
 * others: at a million events an actor-and-recipient page read 12,000 rows instead of 2,000 and
 * took 0.5-1 s (its workers' CPU is not even in its own backend's).
 */
async function serial<R>(kb: KnowledgeBase, query: RawBuilder<R>): Promise<QueryResult<R>> {
  // Inside a caller's transaction the setting would outlive the walk: leave the plan alone.
  if (kb.dialect !== 'postgres' || kb.db.isTransaction) return query.execute(kb.db);
  return kb.db.transaction().execute(async (trx) => {
    await sql`set local max_parallel_workers_per_gather = 0`.execute(trx);
    return query.execute(trx);
  });
}
