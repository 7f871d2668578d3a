import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openKnowledgeBase, type KnowledgeBase } from '../../../src/kb/open-knowledge-base.js';
import { listEvents } from '../../../src/kb/queries/list-events.js';
import { dateBound, type EventFilters } from '../../../src/kb/filters.js';
import { PLOVER_TYPES } from '../../../src/model/index.js';
import { copyEventsKnowledgeBase, generateEventsKnowledgeBase } from '../../../bench/generate-events-kb.js';
import { testDatabases, type ScratchDatabase } from '../../helpers/test-databases.js';

/**
 * listEvents chooses among several ways to reach the matches (ordered walk, driving from a
 * rare actor, intersecting actor and recipient, a split at the "from" year for multi-year
 * dates, capped counts). Whatever it chooses, the page must be the one a plain reading of the
 * filters gives: here every event is loaded and filtered in JavaScript as the reference.
 */
interface RefEvent { id: string; doc: string; type: string; negated: number; quad: number; date_start: string | null; date_end: string | null; trigger_start: number; actors: Set<string>; recipients: Set<string> }

const dir = mkdtempSync(path.join(os.tmpdir(), 'dg-list-events-'));
const file = path.join(dir, 'events.sqlite');
let reference: RefEvent[] = [];
let actorsByFrequency: string[] = [];
let docs: string[] = [];

beforeAll(async () => {
  // Small documents so that document filters and paging cross many of them; dates over 1946-2023
  // with multi-year and open-started ones among them.
  await generateEventsKnowledgeBase(file, { events: 2500, eventsPerDocument: 25, seed: 11 });
  const db = new SQLite(file, { readonly: true });
  const roles = db.prepare('select event, entity, role from event_actors').all() as { event: string; entity: string; role: string }[];
  const byEvent = new Map<string, RefEvent>();
  for (const e of db.prepare('select id, doc, type, negated, quad, date_start, date_end, trigger_start from events').all() as RefEvent[]) {
    byEvent.set(e.id, { ...e, actors: new Set(), recipients: new Set() });
  }
  for (const r of roles) (r.role === 'actor' ? byEvent.get(r.event)!.actors : byEvent.get(r.event)!.recipients).add(r.entity);
  reference = [...byEvent.values()].sort(listOrder);
  const freq = new Map<string, number>();
  for (const r of roles) freq.set(r.entity, (freq.get(r.entity) ?? 0) + 1);
  actorsByFrequency = [...freq.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);
  docs = (db.prepare('select id from documents order by id').all() as { id: string }[]).map((d) => d.id);
  db.close();
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
/** Undated first, then start date, document, position, id (code-point order, as SQLite and C collation). */
function listOrder(a: RefEvent, b: RefEvent): number {
  if (a.date_start !== b.date_start) {
    if (a.date_start === null) return -1;
    if (b.date_start === null) return 1;
    return cmp(a.date_start, b.date_start);
  }
  return cmp(a.doc, b.doc) || cmp(a.trigger_start, b.trigger_start) || cmp(a.id, b.id);
}

function naive(f: EventFilters): RefEvent[] {
  const from = f.from ? dateBound(f.from, 'start') : undefined;
  const to = f.to ? dateBound(f.to, 'end') : undefined;
  return reference.filter((e) => (!f.docs?.length || f.docs.includes(e.doc))
    && (!f.types?.length || f.types.map((t) => t.toUpperCase()).includes(e.type))
    && (f.negated === undefined || e.negated === (f.negated ? 1 : 0))
    && (f.quad === undefined || e.quad === f.quad)
    && (!from || (e.date_end !== null && e.date_end >= from))
    && (!to || (e.date_start !== null && e.date_start <= to))
    && (!f.actors?.length || f.actors.some((a) => e.actors.has(a)))
    && (!f.recipients?.length || f.recipients.some((a) => e.recipients.has(a))));
}

/** Filters built from indexes into the data, so that they hit common and rare values alike. */
const filtersArb = fc.record({
  actors: fc.option(fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 190 })), { minLength: 1, maxLength: 3 }), { nil: undefined }),
  recipients: fc.option(fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 190 })), { minLength: 1, maxLength: 2 }), { nil: undefined }),
  types: fc.option(fc.subarray([...PLOVER_TYPES], { minLength: 1, maxLength: 4 }), { nil: undefined }),
  docs: fc.option(fc.array(fc.integer({ min: 0, max: 99 }), { minLength: 1, maxLength: 3 }), { nil: undefined }),
  from: fc.option(fc.tuple(fc.integer({ min: 1944, max: 2025 }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 28 })), { nil: undefined }),
  to: fc.option(fc.tuple(fc.integer({ min: 1944, max: 2025 }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 28 })), { nil: undefined }),
  negated: fc.option(fc.boolean(), { nil: undefined }),
  quad: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
  limit: fc.integer({ min: 1, max: 60 }),
  offset: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 300 })),
  countCap: fc.option(fc.integer({ min: 1, max: 400 }), { nil: undefined }),
});

const datePrefix = ([y, m, d]: [number, number, number]) => (m === 0 ? `${y}` : d === 0 ? `${y}-${String(m).padStart(2, '0')}` : `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

function toFilters(r: typeof filtersArb extends fc.Arbitrary<infer T> ? T : never): EventFilters {
  const f: EventFilters = { limit: r.limit, offset: r.offset };
  if (r.actors) f.actors = [...new Set(r.actors.map((i) => actorsByFrequency[i % actorsByFrequency.length]!))];
  if (r.recipients) f.recipients = [...new Set(r.recipients.map((i) => actorsByFrequency[i % actorsByFrequency.length]!))];
  if (r.types) f.types = r.types.map((t, i) => (i % 2 ? t.toLowerCase() : t));
  if (r.docs) f.docs = [...new Set(r.docs.map((i) => docs[i % docs.length]!))];
  if (r.from) f.from = datePrefix(r.from);
  if (r.to) f.to = datePrefix(r.to);
  if (r.negated !== undefined) f.negated = r.negated;
  if (r.quad !== undefined) f.quad = r.quad;
  if (r.countCap !== undefined) f.countCap = r.countCap;
  return f;
}

async function expectLikeReference(kb: KnowledgeBase, f: EventFilters): Promise<void> {
  const expected = naive(f);
  const got = await listEvents(kb, f);
  const offset = f.offset ?? 0;
  const limit = f.limit ?? 100;
  expect(got.events.map((e) => e.id), JSON.stringify(f)).toEqual(expected.slice(offset, offset + limit).map((e) => e.id));
  if (got.totalExact) expect(got.total, JSON.stringify(f)).toBe(expected.length);
  else {
    // A lower bound: never more than match, at least what the page proves.
    expect(got.total, JSON.stringify(f)).toBeLessThanOrEqual(expected.length);
    expect(got.total).toBeGreaterThanOrEqual(offset + got.events.length);
  }
  // Counting stops at the cap unless the count came free with the page.
  if (f.countCap !== undefined && expected.length <= f.countCap) expect(got.total).toBeLessThanOrEqual(expected.length);
}

for (const target of await testDatabases('list-events')) describe.skipIf(!!target.skip)(`listEvents against a reference (${target.label})`, () => {
  let kb: KnowledgeBase;
  let scratch: ScratchDatabase | undefined;
  beforeAll(async () => {
    if (target.dialect === 'sqlite') {
      kb = await openKnowledgeBase(file);
    } else {
      scratch = await target.create();
      kb = await scratch.open();
      await copyEventsKnowledgeBase(file, kb);
    }
  }, 120_000);
  afterAll(async () => {
    await kb?.close();
    await scratch?.drop();
  });

  const cases: [string, () => EventFilters, (r: Awaited<ReturnType<typeof listEvents>>, expected: RefEvent[]) => void][] = [
    ['no filter: the first page, counted exactly below the cap', () => ({}), (r, x) => { expect(r.totalExact).toBe(true); expect(r.total).toBe(x.length); }],
    ['no filter with a small cap: a lower bound', () => ({ countCap: 10 }), (r) => { expect(r.totalExact).toBe(false); expect(r.total).toBeGreaterThanOrEqual(100); }],
    ['the most frequent actor (ordered walk)', () => ({ actors: [actorsByFrequency[0]!] }), (r, x) => expect(r.total).toBe(x.length)],
    ['a rare actor (driven from its rows)', () => ({ actors: [actorsByFrequency.at(-1)!] }), (r, x) => expect(r.total).toBe(x.length)],
    ['actor and recipient (their intersection)', () => ({ actors: [actorsByFrequency[1]!], recipients: [actorsByFrequency[2]!] }), (r, x) => expect(r.total).toBe(x.length)],
    ['from a year: multi-year and open-started events first', () => ({ from: '1990', to: '1992' }), (r, x) => {
      expect(x.some((e) => e.date_start === null || e.date_start < '1990')).toBe(true);
      expect(r.events[0]!.date!.start === null || r.events[0]!.date!.start! < '1990').toBe(true);
    }],
    ['paging past the multi-year events', () => ({ from: '1990-06', offset: 40, limit: 30 }), () => undefined],
    ['a deep page of one type', () => ({ types: ['consult'], offset: 600, limit: 50 }), () => undefined],
    ['an empty result', () => ({ actors: ['state:NONE'] }), (r) => { expect(r).toMatchObject({ total: 0, totalExact: true }); expect(r.events).toEqual([]); }],
    ['an offset beyond the end', () => ({ types: ['ASSAULT'], offset: 100_000 }), (r, x) => { expect(r.events).toEqual([]); expect(r.total).toBe(x.length); }],
  ];
  for (const [name, make, check] of cases) {
    it(name, async () => {
      const f = make();
      await expectLikeReference(kb, f);
      check(await listEvents(kb, f), naive(f));
    });
  }

  it('finds every multi-year or open-started event from any year it covers', async () => {
    const long = reference.filter((e) => e.date_end && (e.date_start === null || e.date_start.slice(0, 4) !== e.date_end.slice(0, 4)));
    expect(long.length).toBeGreaterThan(10);
    for (const e of long) {
      const year = e.date_end!.slice(0, 4);
      // An open start never matches a "to" bound; a known one does.
      const f: EventFilters = { from: year, ...(e.date_start ? { to: year } : {}), docs: [e.doc], limit: 1000 };
      const got = await listEvents(kb, f);
      expect(got.events.map((x) => x.id), JSON.stringify(f)).toContain(e.id);
      expect(got.total).toBe(naive(f).length);
    }
  });

  it('gives the reference page and a true count for random filter combinations', async () => {
    await fc.assert(fc.asyncProperty(filtersArb, async (r) => expectLikeReference(kb, toFilters(r))), { numRuns: 120, seed: 8 });
  }, 120_000);
});
