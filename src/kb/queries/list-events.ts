import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { KnowledgeBase } from '../open-knowledge-base.js';
import type { Database } from '../schema.js';
import { MULTI_YEAR } from '../migrations/006-event-page-indexes.js';
import { dateBound, type EventFilters } from '../filters.js';

export interface EventRow {
  id: string; doc: string; type: string; mode: string | null; contexts: string[];
  actors: string[]; recipients: string[];
  date: { value: string; start: string | null; end: string | null; inferred: boolean } | null;
  location: string | null; quantity: { value: number; unit: string } | null;
  negated: boolean; modality: string; quad: number; intensity: number;
  trigger: { start: number; end: number; text: string };
  evidence: { start: number; end: number; text: string };
  rule: string; respondsTo: string | null;
}

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
/** Rows fetched per statement when loading a page (under both engines' bound-parameter limits). */
const CHUNK = 5_000;

type Where = (eb: ExpressionBuilder<Database & { e: Database['events'] }, 'e'>) => Expression<SqlBool>;
type Role = 'actor' | 'recipient';
/**
 * How a role filter (actor or recipient) reaches its events: `drive` looks the events up by id
 * from the role's few rows and sorts them; `probe` walks the events in list order and looks up
 * the role's row for each (cheap when the role is common, as the walk stops once a page is full).
 */
type Access = 'drive' | 'probe';
interface RolePlan { role: Role; ids: string[]; size: number; access: Access }
/** A part's count: exact, or a lower bound. */
interface Count { n: number; exact: boolean }

/**
 * Events matching the filters, a page at a time, in list order: undated first, then by start
 * date, document, position and id (the order of migration 006's events_page index).
 *
 * A "from" date splits the matches in two parts. Events lying within one calendar year cannot
 * start before the year of "from", so they are read from the ordered index from that year on
 * instead of from the beginning; the few others (multi-year or open-started, migration 006's
 * events_multi_year) all sort before them, so the page is simply the first part then the second.
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
  const driving = roles.some((r) => r.access === 'drive');
  const probing = roles.some((r) => r.access === 'probe');

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
  const parts: Where[] = fromYear
    ? [
      (eb) => eb.and([common(eb), multiYear, eb.or([eb('e.date_start', 'is', null), eb('e.date_start', '<', fromYear)])]),
      (eb) => eb.and([common(eb), eb('e.date_start', '>=', fromYear)]),
    ]
    : [common];
  // Only one role filter and nothing else: its rows in event_actors are the count.
  const roleOnly = roles.length === 1 && !f.docs?.length && !types?.length && f.negated === undefined && f.quad === undefined && !from && !to;

  const pageIds: string[] = [];
  const counts: Count[] = [];
  let skip = offset;
  for (const where of parts) {
    const want = limit - pageIds.length;
    let known: Count | undefined;
    if (want > 0) {
      const skipped = skip;
      // One row more than the page tells whether more follow; driving, the matches are all
      // read and sorted anyway, so counting them in the same statement costs nothing.
      const rows = await pageOf(kb, where, skip, want + 1, driving, kb.dialect === 'postgres' && (driving || (parts.length > 1 && where === parts[0])));
      const ids = rows.slice(0, want).map((r) => r.id);
      pageIds.push(...ids);
      if (rows.length === 0 && skip > 0) {
        // The page starts after this part: skip its rows in the next one.
        const n = await countOf(kb, where, skip);
        skip -= n;
        known = { n, exact: true };
      } else {
        skip = 0;
        if (driving && rows[0]) known = { n: Number(rows[0].n), exact: true };
        else if (rows.length <= want) known = { n: skipped + rows.length, exact: true };
        else if (probing && !roleOnly) known = { n: skipped + rows.length, exact: false };
      }
    }
    counts.push(known ?? (roleOnly ? await countRoleRows(kb, roles[0]!, cap) : await capped(kb, where, cap, probing && !driving)));
  }
  // Each part's count is exact or a lower bound, so their sum is too.
  const exact = counts.every((c) => c.exact);
  const sum = counts.reduce((n, c) => n + c.n, 0);
  const total = exact ? sum : Math.max(sum, offset + pageIds.length);
  return { total, totalExact: exact, events: await loadEvents(kb, pageIds) };
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
  const sizes: number[] = [];
  for (const [role, ids] of wanted) {
    const row = await kb.db.selectFrom((db) => db.selectFrom('event_actors').select('event').where('role', '=', role)
      .where('entity', 'in', ids!).limit(COLLECT_MAX + 1).as('a')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    sizes.push(Number(row?.n ?? 0));
  }
  const events = await estimatedEventCount(kb);
  const driveMax = Math.sqrt((need * events) / 4);
  const plans = wanted.map(([role, ids], i): RolePlan => ({ role, ids: [...ids!], size: sizes[i]!, access: 'probe' }));
  // Several roles (actor A towards recipient B) meet in few events: the intersection of their
  // id sets, merged in id order from the index, drives when it is expected to be small.
  const small = plans.filter((p) => p.size <= COLLECT_MAX).sort((a, b) => a.size - b.size);
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

/** About how many events there are, without counting them. */
async function estimatedEventCount(kb: KnowledgeBase): Promise<number> {
  if (kb.dialect === 'sqlite') {
    const row = await sql<{ n: number | null }>`select max(rowid) as n from events`.execute(kb.db);
    return Number(row.rows[0]?.n ?? 0);
  }
  const row = await sql<{ n: number | null }>`select reltuples::bigint as n from pg_class where oid = to_regclass('events')`.execute(kb.db);
  const n = Number(row.rows[0]?.n ?? -1);
  // Never analysed: assume many, so that only small role filters drive.
  return n >= 0 ? n : 1_000_000;
}

/** Full rows, actors and evidence text for a page of ids, kept in the given order. */
async function loadEvents(kb: KnowledgeBase, ids: string[]): Promise<EventRow[]> {
  if (ids.length === 0) return [];
  const rows: Database['events'][] = [];
  const roles: Database['event_actors'][] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    rows.push(...await kb.db.selectFrom('events').selectAll().where('id', 'in', part).execute());
    roles.push(...await kb.db.selectFrom('event_actors').selectAll().where('event', 'in', part).orderBy('event').orderBy('ord').execute());
  }
  const texts = new Map<string, string>();
  const docs = [...new Set(rows.map((r) => r.doc))];
  for (let i = 0; i < docs.length; i += CHUNK) {
    for (const d of await kb.db.selectFrom('documents').select(['id', 'text']).where('id', 'in', docs.slice(i, i + CHUNK)).execute()) texts.set(d.id, d.text);
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  const rolesOf = new Map<string, Database['event_actors'][]>();
  for (const x of roles) (rolesOf.get(x.event) ?? rolesOf.set(x.event, []).get(x.event)!).push(x);
  return ids.flatMap((id): EventRow[] => {
    const r = byId.get(id);
    if (!r) return [];
    const text = texts.get(r.doc) ?? '';
    const own = rolesOf.get(id) ?? [];
    return [{
      id: r.id, doc: r.doc, type: r.type, mode: r.mode, contexts: JSON.parse(r.contexts),
      actors: own.filter((x) => x.role === 'actor').map((x) => x.entity),
      recipients: own.filter((x) => x.role === 'recipient').map((x) => x.entity),
      date: r.date_value ? { value: r.date_value, start: r.date_start, end: r.date_end, inferred: !!r.date_inferred } : null,
      location: r.location, quantity: r.quantity_value !== null ? { value: r.quantity_value, unit: r.quantity_unit ?? '' } : null,
      negated: !!r.negated, modality: r.modality, quad: r.quad, intensity: r.intensity,
      trigger: { start: r.trigger_start, end: r.trigger_end, text: r.trigger_text },
      evidence: { start: r.evidence_start, end: r.evidence_end, text: text.slice(r.evidence_start, r.evidence_end) },
      rule: r.rule, respondsTo: r.responds_to,
    }];
  });
}
