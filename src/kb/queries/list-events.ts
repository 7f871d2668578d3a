import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { KnowledgeBase } from '../open-knowledge-base.js';
import type { Database } from '../schema.js';
import { MULTI_YEAR } from '../migrations/006-event-page-indexes.js';
import { dateBound, type EventFilters } from '../filters.js';
import { loadEvents, type EventRow } from './load-events.js';
import { chooseWalk, roleWalkParts, WALK_SIZES } from './list-events-by-role.js';

export type { EventRow } from './load-events.js';

export interface EventList {
  /** How many events match: exact when totalExact, otherwise a lower bound (counting stopped). */
  total: number;
  totalExact: boolean;
  events: EventRow[];
}

/**
 * Counting stops after this many matches: an exact count of a broad filter at a million events
 * costs more than the page itself, and "over 10,000" reads no differently from "312,418".
 */
export const COUNT_CAP = 10_000;
/** Role filters with more rows than this are never collected into an id set. */
const COLLECT_MAX = 50_000;

type Where = (eb: ExpressionBuilder<Database & { e: Database['events'] }, 'e'>) => Expression<SqlBool>;
type Role = 'actor' | 'recipient';
/**
 * How a role filter (actor or recipient) reaches its events: `drive` looks the events up by id
 * from the role's few rows and sorts them; `probe` walks the events in list order and looks up
 * the role's row for each (cheap when the role is common, as the walk stops once a page is full).
 */
type Access = 'drive' | 'probe';
export interface RolePlan {
  role: Role; ids: string[]; size: number; access: Access;
  /** Whether the entity (one named) has a role row without the copies of migration 008, when known. */
  uncopied?: boolean;
}
/** A part's count: exact, or a lower bound. */
export interface Count { n: number; exact: boolean }
/**
 * A stretch of the list read one way (see listEvents): `page` gives rows `skip` on, with the
 * part's whole count in `n` when it came free; `count` counts its matches up to a bound;
 * `total` counts it up to the cap when the page did not tell; `slowCount` says that a page
 * with more rows than asked leaves the count as a lower bound instead.
 */
export interface Part {
  page(skip: number, n: number): Promise<{ id: string; n?: number }[]>;
  count(upTo: number): Promise<number>;
  total(cap: number): Promise<Count>;
  slowCount: boolean;
}

/**
 * Events matching the filters, a page at a time, in list order: undated first, then by start
 * date, document, position and id (the order of migration 006's events_page index).
 *
 * A "from" date splits the matches in two parts. Events lying within one calendar year cannot
 * start before the year of "from", so they are read from the ordered index from that year on
 * instead of from the beginning; the few others (multi-year or open-started, migration 006's
 * events_multi_year) all sort before them, so the page is simply the first part then the second.
 *
 * An actor or recipient filter naming one entity is read instead from that entity's rows in
 * event_actors, which carry copies of the order and filter columns (migration 008; see
 * list-events-by-role.ts), unless documents are named or the other filters are much rarer.
 *
 * `total` is exact when `totalExact`; otherwise it is a lower bound: counting stopped at
 * COUNT_CAP, or was skipped because only a slow count (a common actor combined with other
 * filters) could give it, and the page shows whether more events follow.
 */
export async function listEvents(kb: KnowledgeBase, f: EventFilters = {}): Promise<EventList> {
  const limit = f.limit ?? 100;
  const offset = f.offset ?? 0;
  const from = f.from ? dateBound(f.from, 'start') : undefined;
  const to = f.to ? dateBound(f.to, 'end') : undefined;
  const types = f.types?.map((t) => t.toUpperCase());
  const cap = f.countCap ?? COUNT_CAP;
  const roles = await planRoles(kb, f, offset + limit);
  const bounded: Bounded = { ...f, types, from, to };
  const walked = await chooseWalk(kb, roles, bounded);
  const parts = walked
    ? roleWalkParts(kb, bounded, walked, roles.filter((r) => r !== walked))
    : eventParts(kb, bounded, roles);

  const pageIds: string[] = [];
  // Counts that the page did not give run while the next parts and the events are read.
  const counts: Promise<Count>[] = [];
  let skip = offset;
  for (const part of parts) {
    const want = limit - pageIds.length;
    let known: Count | undefined;
    if (want > 0) {
      const skipped = skip;
      // One row more than the page tells whether more follow.
      const rows = await part.page(skip, want + 1);
      pageIds.push(...rows.slice(0, want).map((r) => r.id));
      if (rows.length === 0 && skip > 0) {
        // The page starts after this part: skip its rows in the next one.
        const n = await part.count(skip);
        skip -= n;
        known = { n, exact: true };
      } else {
        skip = 0;
        if (rows[0]?.n !== undefined) known = { n: Number(rows[0].n), exact: true };
        else if (rows.length <= want) known = { n: skipped + rows.length, exact: true };
        else if (part.slowCount) known = { n: skipped + rows.length, exact: false };
      }
    }
    const count = known ? Promise.resolve(known) : part.total(cap);
    // A failure is thrown by Promise.all below; until then it must not count as unhandled.
    count.catch(() => undefined);
    counts.push(count);
  }
  const [counted, events] = await Promise.all([Promise.all(counts), loadEvents(kb, pageIds)]);
  // Each part's count is exact or a lower bound, so their sum is too.
  const exact = counted.every((c) => c.exact);
  const sum = counted.reduce((n, c) => n + c.n, 0);
  const total = exact ? sum : Math.max(sum, offset + pageIds.length);
  return { total, totalExact: exact, events };
}

/** The filters with dates as bounds ("1990" -> 1990-01-01 / 1990-12-31) and types in capitals. */
export type Bounded = EventFilters & { from?: string; to?: string; types?: string[] };

/**
 * The parts of the list read from the events' own indexes (events_page, events_type_page,
 * events_multi_year), each role filter either driving from its few rows or probed per event.
 */
function eventParts(kb: KnowledgeBase, f: Bounded, roles: RolePlan[]): Part[] {
  const driving = roles.some((r) => r.access === 'drive');
  const probing = roles.some((r) => r.access === 'probe');
  const { types, from, to } = f;
  const common: Where = (eb) => {
    const ands: Expression<SqlBool>[] = [];
    if (f.docs?.length) ands.push(eb('e.doc', 'in', f.docs));
    if (types?.length) {
      // While probing a common actor, SQLite would read a whole type from events_type_page
      // and sort it; a unary + keeps it on the ordered walk, which stops at a full page.
      ands.push(probing && !driving && kb.dialect === 'sqlite'
        ? sql<SqlBool>`+e.type in (${sql.join(types.map((t) => sql`${t}`))})`
        : eb('e.type', 'in', types));
    }
    if (f.negated !== undefined) ands.push(eb('e.negated', '=', f.negated ? 1 : 0));
    if (f.quad !== undefined) ands.push(eb('e.quad', '=', f.quad));
    if (from) ands.push(eb('e.date_end', '>=', from));
    if (to) ands.push(eb('e.date_start', '<=', to));
    ands.push(...roleConditions(roles));
    return eb.and(ands);
  };
  const fromYear = from?.slice(0, 4);
  const multiYear = sql<SqlBool>`${sql.raw(MULTI_YEAR.replace(/date_/g, 'e.date_'))}`;
  const wheres: Where[] = fromYear
    ? [
      (eb) => eb.and([common(eb), multiYear, eb.or([eb('e.date_start', 'is', null), eb('e.date_start', '<', fromYear)])]),
      (eb) => eb.and([common(eb), eb('e.date_start', '>=', fromYear)]),
    ]
    : [common];
  // Only one role filter and nothing else: its rows in event_actors are the count.
  const roleOnly = roles.length === 1 && !f.docs?.length && !types?.length && f.negated === undefined && f.quad === undefined && !from && !to;
  const cap = f.countCap ?? COUNT_CAP;
  return wheres.map((where, i): Part => {
    const fenced = kb.dialect === 'postgres' && (driving || (wheres.length > 1 && i === 0));
    // Driving, the matches are all read and sorted anyway, so counting them in the same
    // statement costs nothing; so it does for the fenced multi-year part, whose count is
    // otherwise a statement of its own (it is kept only below the cap, as that would give it,
    // and left to the page while probing, which counts no further either).
    const counted = driving || (fenced && !probing);
    const page = async (skip: number, n: number) => {
      const rows = await pageOf(kb, where, skip, n, counted, fenced);
      return !driving && rows.length && Number(rows[0]!.n) > cap ? rows.map(({ id }) => ({ id })) : rows;
    };
    return {
      page,
      count: (upTo) => countOf(kb, where, upTo),
      slowCount: probing && !roleOnly,
      total: (cap) => (roleOnly ? countRoleRows(kb, roles[0]!, cap) : capped(kb, where, cap, probing && !driving)),
    };
  });
}

/** Ids of one page of one part in list order, with the number of all its matches when asked. */
async function pageOf(kb: KnowledgeBase, where: Where, offset: number, limit: number, withCount: boolean, fenced: boolean): Promise<{ id: string; n?: number }[]> {
  if (fenced) {
    // A driven set and the multi-year part are small, but PostgreSQL may misjudge them (an
    // actor outside its most-common list) and walk events_page from the start to avoid a sort;
    // OFFSET 0 keeps the subquery apart, so it is read whole from its own index and sorted.
    // (SQLite picks that index by itself, and takes no OFFSET without LIMIT.)
    return kb.db.selectFrom((db) => db.selectFrom('events as e').select(['e.id', 'e.date_start', 'e.doc', 'e.trigger_start']).where(where).offset(0).as('m'))
      .select('m.id')
      .$if(withCount, (q) => q.select(sql<number>`count(*) over ()`.as('n')))
      .orderBy('m.date_start', (ob) => ob.asc().nullsFirst()).orderBy('m.doc').orderBy('m.trigger_start').orderBy('m.id')
      .limit(limit).offset(offset).execute();
  }
  return kb.db.selectFrom('events as e').select('e.id')
    .$if(withCount, (q) => q.select(sql<number>`count(*) over ()`.as('n')))
    .where(where)
    // SQLite sorts NULLs first already; PostgreSQL is told to, as its index is built.
    .orderBy('e.date_start', (ob) => ob.asc().nullsFirst()).orderBy('e.doc').orderBy('e.trigger_start').orderBy('e.id')
    .limit(limit).offset(offset).execute();
}

/** Matches of one part, counting no further than `cap`. */
async function countOf(kb: KnowledgeBase, where: Where, cap: number): Promise<number> {
  const row = await kb.db.selectFrom((db) => db.selectFrom('events as e').select(sql<number>`1`.as('one')).where(where).limit(cap).as('m'))
    .select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * A part's count up to COUNT_CAP. A walk that probes a common actor would read on far beyond
 * the page to count, so it is not counted: the lower bound is then what the page saw.
 */
async function capped(kb: KnowledgeBase, where: Where, cap: number, slow: boolean): Promise<Count> {
  if (slow) return { n: 0, exact: false };
  const n = await countOf(kb, where, cap + 1);
  return n > cap ? { n: cap, exact: false } : { n, exact: true };
}

/** Events of one role filter, read from the covering event_actors_lookup index. */
async function countRoleRows(kb: KnowledgeBase, r: RolePlan, cap: number): Promise<Count> {
  const row = await kb.db.selectFrom((db) => db.selectFrom('event_actors').select('event').distinct()
    .where('role', '=', r.role).where('entity', 'in', r.ids).limit(cap + 1).as('a'))
    .select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const n = Number(row?.n ?? 0);
  return n > cap ? { n: cap, exact: false } : { n, exact: true };
}

/**
 * Decide per role filter how to reach its events, from how many rows it has (counted on the
 * covering event_actors_lookup index, no further than needed). A lookup by id costs about as
 * much as a few probes, and a walk needs about need * events / rows probes to fill the page:
 * the break-even is near the square root of need * events.
 */
async function planRoles(kb: KnowledgeBase, f: EventFilters, need: number): Promise<RolePlan[]> {
  const wanted = ([['actor', f.actors], ['recipient', f.recipients]] as const).filter(([, ids]) => ids?.length);
  if (wanted.length === 0) return [];
  const events = await estimatedEventCount(kb);
  const driveMax = Math.sqrt((need * events) / 4);
  // Sizes matter up to the largest bound they are compared with; counting stops there. One role
  // without type, quad or negation filters is only compared with driveMax (whether it drives,
  // and if not, chooseWalk walks it): counting a common actor's rows to WALK_SIZES cost 4 times
  // as much and told nothing more.
  const others = wanted.length > 1 || !!f.types?.length || f.negated !== undefined || f.quad !== undefined;
  const sizeCap = Math.min(COLLECT_MAX, others ? Math.max(Math.ceil(driveMax), WALK_SIZES) : Math.ceil(driveMax)) + 1;
  // One statement per role, sent together: its size, and for an entity named alone whether
  // chooseWalk may walk it (each a round trip on PostgreSQL, where the two counts of an actor
  // and a recipient then run side by side).
  const list = (xs: readonly string[]) => sql.join(xs.map((x) => sql`${x}`));
  const rows = await Promise.all(wanted.map(([role, ids]) => sql<{ n: number; u?: number }>`select
    (select count(*) from (select a.event from event_actors a where a.role = ${role} and a.entity in (${list(ids!)}) limit ${sizeCap}) s) as n${ids!.length === 1
    ? sql`, (select count(*) from (select 1 as one from event_actors a where a.entity = ${ids![0]!} and a.role = ${role}
      and a.sort_date is null and a.sort_doc is null limit 1) u) as u` : sql``}`.execute(kb.db)));
  const plans = wanted.map(([role, ids], i): RolePlan => {
    const row = rows[i]!.rows[0];
    return { role, ids: [...ids!], size: Number(row?.n ?? 0), access: 'probe', ...(ids!.length === 1 ? { uncopied: Number(row?.u ?? 0) > 0 } : {}) };
  });
  // Several roles (actor A towards recipient B) meet in few events: the intersection of their
  // id sets, merged in id order from the index, drives when it is expected to be small.
  const small = plans.filter((p) => p.size < sizeCap).sort((a, b) => a.size - b.size);
  const together = small.reduce((n, p, i) => (i === 0 ? p.size : (n * p.size) / Math.max(events, 1)), 0);
  if (small.length > 1 && together <= driveMax) for (const p of small) p.access = 'drive';
  else if (small[0] && small[0].size <= driveMax) small[0].access = 'drive';
  return plans;
}

/** The role filters as conditions: those that drive meet in one id set, the rest probe. */
function roleConditions(plans: RolePlan[]): Expression<SqlBool>[] {
  const rowsOf = (r: RolePlan) => sql`select a.event from event_actors a where a.role = ${r.role} and a.entity in (${sql.join(r.ids.map((id) => sql`${id}`))})`;
  const drive = plans.filter((p) => p.access === 'drive');
  const out: Expression<SqlBool>[] = [];
  if (drive.length) out.push(sql<SqlBool>`e.id in (${sql.join(drive.map(rowsOf), sql` intersect `)})`);
  for (const r of plans) if (r.access === 'probe') out.push(sql<SqlBool>`exists (${rowsOf(r)} and a.event = e.id)`);
  return out;
}

/** How long PostgreSQL's estimate of the number of events is reused (it only steers choices). */
const ESTIMATE_MS = 10_000;
const estimates = new WeakMap<object, { n: number; at: number }>();

/** About how many events there are, without counting them. */
async function estimatedEventCount(kb: KnowledgeBase): Promise<number> {
  if (kb.dialect === 'sqlite') {
    const row = await sql<{ n: number | null }>`select max(rowid) as n from events`.execute(kb.db);
    return Number(row.rows[0]?.n ?? 0);
  }
  // The statistics change only with ANALYZE: asking each request cost a round trip.
  const known = estimates.get(kb.db);
  if (known && performance.now() - known.at < ESTIMATE_MS) return known.n;
  const row = await sql<{ n: number | null }>`select reltuples::bigint as n from pg_class where oid = to_regclass('events')`.execute(kb.db);
  const n = Number(row.rows[0]?.n ?? -1);
  // Never analysed: assume many, so that only small role filters drive.
  const estimate = n >= 0 ? n : 1_000_000;
  estimates.set(kb.db, { n: estimate, at: performance.now() });
  return estimate;
}
