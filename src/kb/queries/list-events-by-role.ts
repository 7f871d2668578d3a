import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { KnowledgeBase } from '../open-knowledge-base.js';
import { ROLE_MULTI_YEAR } from '../migrations/008-event-role-order.js';
import type { Bounded, Count, Part, RolePlan } from './list-events.js';

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
  // planRoles tells (in the statement that counts the role's rows); asked here otherwise.
  const uncopied = walk.uncopied ?? (await sql`select 1 from event_actors a where a.entity = ${walk.ids[0]!} and a.role = ${walk.role}
    and a.sort_date is null and a.sort_doc is null limit 1`.execute(kb.db)).rows.length > 0;
  if (uncopied) return undefined;
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
  // On PostgreSQL another role naming one entity is matched on the whole list-order key
  // instead (see mergedWith), unless no date bounds the walk (below).
  const merged = kb.dialect === 'postgres' ? others.filter((r) => r.ids.length === 1) : [];
  const probed = others.filter((r) => !merged.includes(r));
  for (const r of probed) tests.push(sql<SqlBool>`exists (select 1 from event_actors b where b.role = ${r.role} and b.entity in (${list(r.ids)}) and b.event = a.event)`);
  const window = others.length ? ROLE_WALK.probedCountWindow : ROLE_WALK.countWindow;
  // Probing, a full page has already read more rows than the window holds unless the role is
  // small: the page's own rows are then the better lower bound, at no cost.
  const slow = others.length > 0 && walk.size > window;
  const entity = walk.ids[0]!;
  const fromYear = f.from?.slice(0, 4);
  // Merged roles match rows with a date, bounded as the walk is; undated rows (all first in the
  // order) match them without it, in a branch of their own. The count of a window probes them
  // by event id instead.
  const probes = merged.map((r) => sql<SqlBool>`exists (select 1 from event_actors b where b.role = ${r.role} and b.entity = ${r.ids[0]!} and b.event = a.event)`);
  const dated = (lo?: string): Branch => ({ conds: merged.map((r) => mergedWith(r, { lo, hi: f.to })) });
  if (!fromYear) {
    // A "to" date leaves out undated rows.
    const branches = !merged.length ? undefined
      : f.to ? [dated()]
        : [{ conds: [sql<SqlBool>`a.sort_date is null`, ...merged.map((r) => mergedWith(r, undefined))], undated: true }, { conds: [sql<SqlBool>`a.sort_date is not null`, ...dated().conds] }];
    return [walkPart(kb, walk.role, entity, range, [...tests, ...probes], window, slow, branches && { tests, branches })];
  }
  // The predicate is written as migration 008 wrote it, without the alias: both engines use a
  // partial index only for a query that states its condition.
  const early = [sql<SqlBool>`${sql.raw(ROLE_MULTI_YEAR)}`, sql<SqlBool>`(a.sort_date is null or a.sort_date < ${fromYear})`];
  // The early part reads all its few rows and sorts them: its other roles are probed by event.
  return [
    earlyPart(kb, walk.role, entity, [...range, ...early, ...tests, ...probes]),
    walkPart(kb, walk.role, entity, [...range, sql<SqlBool>`a.sort_date >= ${fromYear}`], [...tests, ...probes], window, slow,
      merged.length ? { tests, branches: [dated(fromYear)] } : undefined),
  ];
}

/**
 * Another role naming one entity, tested on each walked row by the whole list-order key (date,
 * document, position, event) rather than by event id. Both sides are then an entity's rows in
 * the same order, and PostgreSQL merges the two index ranges, reading each once up to the
 * page's end: by event id it probed the other role's index once per walked row, which for two
 * common entities meeting rarely (or an actor towards itself) meant tens of thousands of probes
 * per page (100-300 ms at a million events).
 *
 * `dates` bounds the other side's range as the walk's is bounded (the planner does not carry a
 * range across the equality), and starts it after its undated rows. A NULL date never equals
 * another, so undated rows (`dates` undefined) are matched without the date, from the index of
 * undated rows (migration 012), which orders them by the rest of the key.
 */
function mergedWith(r: RolePlan, dates: { lo?: string; hi?: string } | undefined): RawBuilder<SqlBool> {
  const date = !dates ? sql`b.sort_date is null`
    : sql`b.sort_date = a.sort_date and b.sort_date ${dates.lo ? sql`>= ${dates.lo}` : sql`is not null`}${dates.hi ? sql` and b.sort_date <= ${dates.hi}` : sql``}`;
  return sql<SqlBool>`exists (select 1 from event_actors b where b.entity = ${r.ids[0]!} and b.role = ${r.role} and ${date}
    and b.sort_doc = a.sort_doc and b.sort_pos = a.sort_pos and b.event = a.event)`;
}

/** Conditions of one branch of a walk; an undated one is ordered without the (NULL) date. */
interface Branch { conds: RawBuilder<SqlBool>[]; undated?: boolean }

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
 *
 * `merged` (PostgreSQL) reads the page and counts from branches instead, each with its own
 * conditions besides `merged.tests` (see mergedWith), put back in list order; `tests` still
 * serve the count of a window, where probing a few rows by event id is cheapest.
 */
function walkPart(kb: KnowledgeBase, role: string, entity: string, range: RawBuilder<SqlBool>[], tests: RawBuilder<SqlBool>[], window: number, slow: boolean,
  merged?: { tests: RawBuilder<SqlBool>[]; branches: Branch[] }): Part {
  const and = (xs: RawBuilder<SqlBool>[]) => sql.join(xs.map((c) => sql` and ${c}`), sql``);
  const rows = sql`a.entity = ${entity} and a.role = ${role}${and(range)}`;
  const order = kb.dialect === 'postgres' ? sql`a.sort_date nulls first, a.sort_doc, a.sort_pos, a.event` : sql`a.sort_date, a.sort_doc, a.sort_pos, a.event`;
  // An entity named twice in one event's role (two of its actors) has two rows there; they are
  // adjacent in the index, and grouping by the whole sort key keeps one without a sort.
  // Branches put back in order need the order columns; otherwise the ids alone (copying the
  // others out of each row cost SQLite a third more per counted row).
  const union = !!merged && merged.branches.length > 1;
  const select = (conds: RawBuilder<SqlBool>[], undated = false) => sql`select a.event as id${!union ? sql``
    : sql`, ${undated ? sql`cast(null as text)` : sql`a.sort_date`} as sort_date, a.sort_doc, a.sort_pos`} from event_actors a
    where ${rows}${and(conds)}${SERIAL[kb.dialect]} group by ${undated ? sql`a.sort_doc, a.sort_pos, a.event order by a.sort_doc, a.sort_pos, a.event`
    : sql`a.sort_date, a.sort_doc, a.sort_pos, a.event order by ${order}`}`;
  // Matches `skip` on in list order, `n` at most: from branches, each giving at most skip + n.
  const matches = (skip: number, n: number) => (union
    ? sql<{ id: string }>`select m.id from (${sql.join(merged.branches.map((b) => sql`(${select([...merged.tests, ...b.conds], b.undated)} limit ${skip + n})`), sql` union all `)}) m
      order by m.sort_date nulls first, m.sort_doc, m.sort_pos, m.id limit ${n} offset ${skip}`
    : sql<{ id: string }>`${select(merged ? [...merged.tests, ...merged.branches[0]!.conds] : tests, merged?.branches[0]!.undated)} limit ${n} offset ${skip}`);
  const countUpTo = async (upTo: number) => {
    const r = await sql<{ n: number }>`select count(*) as n from (${matches(0, upTo)}) m`.execute(kb.db);
    return Number(r.rows[0]?.n ?? 0);
  };
  return {
    page: async (skip, n) => (await matches(skip, n).execute(kb.db)).rows,
    count: countUpTo,
    slowCount: slow,
    total: async (cap): Promise<Count> => {
      if (tests.length === 0) {
        const n = await countUpTo(cap + 1);
        return n > cap ? { n: cap, exact: false } : { n, exact: true };
      }
      // Rows in the window, then distinct matching events among them (an event's rows are
      // adjacent in the window's order, so grouping streams). One statement reads the window
      // once for both (both engines materialise a common table used twice).
      const first = sql`select a.event, a.sort_date, a.sort_doc, a.sort_pos, a.event_type, a.event_quad, a.event_negated, a.event_date_end
        from event_actors a where ${rows} order by ${order} limit ${window + 1}`;
      const row = (await sql<{ seen: number; n: number }>`with w as (${first})
        select (select count(*) from w) as seen, (select count(*) from (select 1 as one from w a where ${sql.join(tests, sql` and `)}
          group by a.sort_date, a.sort_doc, a.sort_pos, a.event) m) as n`.execute(kb.db)).rows[0];
      const seen = Number(row?.seen ?? 0);
      const n = Number(row?.n ?? 0);
      return seen <= window && n <= cap ? { n, exact: true } : { n: Math.min(n, cap), exact: false };
    },
  };
}

/**
 * A condition that keeps PostgreSQL from planning a walk with parallel workers. A walk in list
 * order stops at a full page, but the planner, expecting to read far, split it among workers
 * that each read ahead of the others: at a million events an actor-and-recipient page read
 * 12,000 rows instead of 2,000 and took 0.5-1 s. current_schema() is marked parallel unsafe,
 * which rules out a parallel plan for the whole statement; it is evaluated once (a one-time
 * filter), and is never NULL on a connection that reads these tables. (A SET LOCAL of
 * max_parallel_workers_per_gather did the same at the price of a transaction: three more
 * round trips per statement.)
 */
const SERIAL = { postgres: sql` and current_schema() is not null`, sqlite: sql`` };
