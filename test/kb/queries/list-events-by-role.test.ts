import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openKnowledgeBase, type KnowledgeBase } from '../../../src/kb/open-knowledge-base.js';
import { listEvents } from '../../../src/kb/queries/list-events.js';
import { chooseWalk, ROLE_WALK } from '../../../src/kb/queries/list-events-by-role.js';
import { dateBound, type EventFilters } from '../../../src/kb/filters.js';
import { copyEventsKnowledgeBase, generateEventsKnowledgeBase } from '../../../bench/generate-events-kb.js';
import { testDatabases, type ScratchDatabase } from '../../helpers/test-databases.js';

/**
 * The role walk (one actor or recipient read in list order from event_actors_page, with the
 * event's columns copied there by migration 008's triggers) must give the page and count the
 * straightforward query gives: every filter a plain condition on events, each role an EXISTS,
 * sorted by the list order. Both run on the same small knowledge base, on both engines.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'dg-list-by-role-'));
const file = path.join(dir, 'events.sqlite');
const DEFAULTS = { ...ROLE_WALK };

beforeAll(async () => {
  await generateEventsKnowledgeBase(file, { events: 3000, eventsPerDocument: 30, seed: 5 });
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => Object.assign(ROLE_WALK, DEFAULTS));

/** Ids of all matches in list order, by the plain query. */
async function straightforward(kb: KnowledgeBase, f: EventFilters): Promise<string[]> {
  const conds = [sql`1 = 1`];
  const list = (xs: readonly (string | number)[]) => sql.join(xs.map((x) => sql`${x}`));
  if (f.types?.length) conds.push(sql`e.type in (${list(f.types.map((t) => t.toUpperCase()))})`);
  if (f.docs?.length) conds.push(sql`e.doc in (${list(f.docs)})`);
  if (f.negated !== undefined) conds.push(sql`e.negated = ${f.negated ? 1 : 0}`);
  if (f.quad !== undefined) conds.push(sql`e.quad = ${f.quad}`);
  if (f.from) conds.push(sql`e.date_end >= ${dateBound(f.from, 'start')}`);
  if (f.to) conds.push(sql`e.date_start <= ${dateBound(f.to, 'end')}`);
  for (const [role, ids] of [['actor', f.actors], ['recipient', f.recipients]] as const) {
    if (ids?.length) conds.push(sql`exists (select 1 from event_actors r where r.event = e.id and r.role = ${role} and r.entity in (${list(ids)}))`);
  }
  const rows = await sql<{ id: string }>`select e.id from events e where ${sql.join(conds, sql` and `)}
    order by e.date_start is not null, e.date_start, e.doc, e.trigger_start, e.id`.execute(kb.db);
  return rows.rows.map((r) => r.id);
}

for (const target of await testDatabases('list-events-by-role')) describe.skipIf(!!target.skip)(`the role walk (${target.label})`, () => {
  let kb: KnowledgeBase;
  let scratch: ScratchDatabase | undefined;
  let actors: string[] = [];
  let twice: { event: string; entity: string } | undefined;
  beforeAll(async () => {
    if (target.dialect === 'sqlite') {
      kb = await openKnowledgeBase(file);
    } else {
      scratch = await target.create();
      kb = await scratch.open();
      await copyEventsKnowledgeBase(file, kb);
    }
    actors = (await kb.db.selectFrom('event_actors').select('entity').where('role', '=', 'actor').groupBy('entity')
      .orderBy((eb) => eb.fn.countAll(), 'desc').orderBy('entity').execute()).map((r) => r.entity);
    // The generator sometimes names one state twice among an event's actors.
    twice = (await sql<{ event: string; entity: string }>`select event, entity from event_actors where role = 'actor'
      group by event, entity having count(*) > 1 order by event limit 1`.execute(kb.db)).rows[0];
  }, 120_000);
  afterAll(async () => {
    await kb?.close();
    await scratch?.drop();
  });

  const common = () => actors[0]!;
  const middle = () => actors[Math.floor(actors.length / 3)]!;
  const rare = () => actors.at(-1)!;
  const cases: [string, () => EventFilters][] = [
    ['a common actor', () => ({ actors: [common()] })],
    ['a common actor, deep page', () => ({ actors: [common()], offset: 250, limit: 40 })],
    ['a rare actor', () => ({ actors: [rare()] })],
    ['a recipient', () => ({ recipients: [middle()], limit: 30 })],
    ['an actor and types', () => ({ actors: [common()], types: ['consult', 'AGREE'], offset: 20 })],
    ['an actor, quad and negation', () => ({ actors: [common()], quad: 1, negated: false, limit: 25, offset: 30 })],
    ['an actor and a negated filter', () => ({ actors: [middle()], negated: true })],
    ['an actor in a decade', () => ({ actors: [middle()], from: '1960', to: '1969' })],
    ['an actor from a month on', () => ({ actors: [common()], from: '1990-06', limit: 50 })],
    ['an actor until a day', () => ({ actors: [common()], to: '1955-03-10' })],
    ['an actor from a year: multi-year events first', () => ({ actors: [common()], from: '1980', to: '1985', limit: 20 })],
    ['an actor, paging past the multi-year part', () => ({ actors: [common()], from: '1980', to: '1990', offset: 15, limit: 20 })],
    ['actor and recipient', () => ({ actors: [common()], recipients: [actors[1]!] })],
    ['a rare actor towards common recipients', () => ({ actors: [rare()], recipients: [common(), actors[1]!] })],
    ['an actor with type, dates and recipient', () => ({ actors: [common()], recipients: [actors[2]!], types: ['CONSULT', 'REQUEST', 'AGREE'], from: '1950', to: '2000', limit: 10 })],
    // Undated events come first; a page may end among them, start among them, or after them.
    ['actor and recipient, a page across the undated events', () => ({ actors: [common()], recipients: [actors[1]!], offset: 3, limit: 15 })],
    ['actor and recipient, a page past the undated events', () => ({ actors: [actors[1]!], recipients: [common()], offset: 40, limit: 20 })],
    ['actor and recipient until a year', () => ({ actors: [common()], recipients: [actors[1]!], to: '1990' })],
    ['actor and recipient from a month', () => ({ actors: [common()], recipients: [actors[1]!], from: '1980-03', limit: 30, offset: 5 })],
    ['actor and recipient with a quad', () => ({ actors: [middle()], recipients: [common()], quad: 1 })],
    ['an actor towards itself', () => ({ actors: [common()], recipients: [common()] })],
    ['an actor towards several recipients (probed)', () => ({ actors: [common()], recipients: [actors[1]!, actors[2]!], offset: 10 })],
    ['beyond the end', () => ({ actors: [rare()], offset: 10_000 })],
    ['an actor that never acts', () => ({ actors: ['state:NONE'] })],
  ];
  // Default bounds; then bounds that make counts stop after a few rows, so that lower bounds
  // are exercised.
  const settings: [string, Partial<typeof ROLE_WALK>][] = [
    ['default bounds', {}],
    ['small bounds', { countWindow: 40, probedCountWindow: 5 }],
  ];
  for (const [label, bounds] of settings) {
    for (const [name, make] of cases) {
      it(`${name} (${label}): the straightforward page and a true count`, async () => {
        Object.assign(ROLE_WALK, bounds);
        const f = make();
        const all = await straightforward(kb, f);
        const got = await listEvents(kb, f);
        const offset = f.offset ?? 0;
        const limit = f.limit ?? 100;
        expect(got.events.map((e) => e.id), JSON.stringify(f)).toEqual(all.slice(offset, offset + limit));
        if (got.totalExact) expect(got.total).toBe(all.length);
        else {
          expect(got.total).toBeLessThanOrEqual(all.length);
          expect(got.total).toBeGreaterThanOrEqual(offset + got.events.length);
        }
      });
    }
  }

  it('finds every multi-year or open-started event of an actor from any year it covers', async () => {
    const long = (await sql<{ id: string; entity: string; date_start: string | null; date_end: string }>`select e.id, a.entity, e.date_start, e.date_end
      from events e join event_actors a on a.event = e.id and a.role = 'actor'
      where e.date_end is not null and (e.date_start is null or substr(e.date_start, 1, 4) <> substr(e.date_end, 1, 4)) order by e.id`.execute(kb.db)).rows;
    expect(long.length).toBeGreaterThan(10);
    for (const e of long.slice(0, 60)) {
      const year = e.date_end.slice(0, 4);
      const f: EventFilters = { actors: [e.entity], from: year, ...(e.date_start ? { to: year } : {}), limit: 10_000 };
      const got = await listEvents(kb, f);
      expect(got.events.map((x) => x.id), JSON.stringify(f)).toContain(e.id);
      expect(got.events.map((x) => x.id)).toEqual(await straightforward(kb, f));
    }
  });

  it('small bounds make some counts lower bounds (the bounded count is reached)', async () => {
    Object.assign(ROLE_WALK, { countWindow: 40, probedCountWindow: 5 });
    const got = await listEvents(kb, { actors: [common()], types: ['CONSULT'], limit: 5 });
    expect(got.totalExact).toBe(false);
    expect(got.total).toBeLessThan((await straightforward(kb, { actors: [common()], types: ['CONSULT'] })).length);
  });

  it('lists an event once when its actor is named twice in it', async () => {
    expect(twice).toBeDefined();
    const f: EventFilters = { actors: [twice!.entity], limit: 100_000 };
    const ids = (await listEvents(kb, f)).events.map((e) => e.id);
    expect(ids.filter((id) => id === twice!.event)).toHaveLength(1);
    expect(ids).toEqual(await straightforward(kb, f));
  });

  const plan = (role: 'actor' | 'recipient', ids: string[], size: number) => ({ role, ids, size, access: 'probe' as const });
  it('walks the smaller single-entity role, and none when documents are named or the roles list several entities', async () => {
    const a = plan('actor', ['x'], 500);
    const r = plan('recipient', ['y'], 90);
    expect(await chooseWalk(kb, [a, r], {})).toBe(r);
    expect(await chooseWalk(kb, [a, plan('recipient', ['y', 'z'], 10)], {})).toBe(a);
    expect(await chooseWalk(kb, [a, r], { docs: ['d'] })).toBeUndefined();
    expect(await chooseWalk(kb, [plan('actor', ['x', 'w'], 5)], {})).toBeUndefined();
    expect(await chooseWalk(kb, [], {})).toBeUndefined();
  });

  it('leaves a common role to the events\' indexes when the other filters are much rarer', async () => {
    const types = (await sql<{ type: string; n: number }>`select type, count(*) as n from events group by type order by count(*), type`.execute(kb.db)).rows;
    const rarest = types[0]!;
    const commonest = types.at(-1)!;
    const big = plan('actor', [common()], Number(commonest.n) * 10);
    expect(await chooseWalk(kb, [big], { types: [rarest.type] })).toBeUndefined();
    expect(await chooseWalk(kb, [plan('actor', [common()], 10)], { types: [rarest.type] })).toBeDefined();
    expect(await chooseWalk(kb, [plan('actor', [common()], Number(commonest.n))], { types: [commonest.type] })).toBeDefined();
  });
});

for (const target of await testDatabases('event role copies')) describe.skipIf(!!target.skip)(`event_actors copies of event columns (${target.label})`, () => {
  let kb: KnowledgeBase;
  let scratch: ScratchDatabase | undefined;
  let sqliteDir: string | undefined;
  beforeAll(async () => {
    if (target.dialect === 'sqlite') {
      sqliteDir = mkdtempSync(path.join(os.tmpdir(), 'dg-role-copies-'));
      kb = await openKnowledgeBase(path.join(sqliteDir, 'kb.sqlite'));
    } else {
      scratch = await target.create();
      kb = await scratch.open();
    }
    await kb.db.insertInto('documents').values({
      id: 'd1', source: 'x', format: 'text', title: 't', text: 'some text', period_start: '1999-01-01', period_end: '1999-12-31', dct: null,
      period_rule: 'test', period_reason: 'test', chars: 9, ingested_at: 'now', pipeline_version: 'test',
    } as never).execute();
  }, 60_000);
  afterAll(async () => {
    await kb?.close();
    await scratch?.drop();
    if (sqliteDir) rmSync(sqliteDir, { recursive: true, force: true });
  });

  const event = (id: string, date: string | null, type: string) => ({
    id, doc: 'd1', type, mode: null, contexts: '[]', date_value: date, date_start: date, date_end: date, date_source: null, date_inferred: 0,
    location: null, quantity_value: null, quantity_unit: null, negated: 1, modality: 'asserted', quad: 3, intensity: -3,
    trigger_start: 7, trigger_end: 9, trigger_text: 'x', evidence_start: 0, evidence_end: 9, rule: 'test', responds_to: null,
  });
  const copies = async (id: string) => (await sql<Record<string, unknown>>`select sort_date, sort_doc, sort_pos, event_type, event_quad, event_negated, event_date_end
    from event_actors where event = ${id} order by role, ord`.execute(kb.db)).rows;
  const expected = { sort_date: '1999-05-01', sort_doc: 'd1', sort_pos: 7, event_type: 'ACCUSE', event_quad: 3, event_negated: 1, event_date_end: '1999-05-01' };

  it('fills them when roles are written after their event (as the store does)', async () => {
    await kb.db.insertInto('events').values(event('d1:e1', '1999-05-01', 'ACCUSE')).execute();
    await kb.db.insertInto('event_actors').values([{ event: 'd1:e1', entity: 'a', role: 'actor', ord: 0 }, { event: 'd1:e1', entity: 'b', role: 'recipient', ord: 0 }]).execute();
    const rows = await copies('d1:e1');
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(r).toEqual(expected);
  });

  it('leaves them empty when roles are written before their event, and the list still finds it', async () => {
    await kb.db.insertInto('event_actors').values({ event: 'd1:e2', entity: 'a', role: 'actor', ord: 0 }).execute();
    await kb.db.insertInto('events').values(event('d1:e2', '1999-05-01', 'ACCUSE')).execute();
    expect((await copies('d1:e2'))[0]!.sort_doc).toBeNull();
    expect((await listEvents(kb, { actors: ['a'], types: ['accuse'] })).events.map((e) => e.id)).toEqual(['d1:e1', 'd1:e2']);
  });

  it('keeps an undated event undated (NULL sort date, sorted first)', async () => {
    await kb.db.insertInto('events').values(event('d1:e3', null, 'CONSULT')).execute();
    await kb.db.insertInto('event_actors').values({ event: 'd1:e3', entity: 'a', role: 'actor', ord: 0 }).execute();
    expect((await copies('d1:e3'))[0]).toMatchObject({ sort_date: null, sort_doc: 'd1', event_type: 'CONSULT' });
    expect((await listEvents(kb, { actors: ['a'] })).events.map((e) => e.id)).toEqual(['d1:e3', 'd1:e1', 'd1:e2']);
  });
});
