import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { KnowledgeBase } from '../../src/kb/open-knowledge-base.js';
import { buildServer } from '../../src/api/build-server.js';
import { listStances } from '../../src/kb/queries/list-stances.js';
import { listFigures } from '../../src/kb/queries/list-figures.js';
import { testDatabases, type ScratchDatabase } from '../helpers/test-databases.js';
import { storeEvidenceFixture } from '../kb/queries/evidence-fixture.js';

/**
 * Pages of stances and figures come in one total order on both stores: undated rows first (SQLite
 * and PostgreSQL put NULLs at opposite ends unless told), and rows equal in every sort column by
 * id, so that paging with offset neither repeats nor skips a row, and the API pages as the CLI lists.
 */
for (const target of await testDatabases('api page order')) describe.skipIf(!!target.skip)(`stance and figure page order (${target.label})`, () => {
  let scratch: ScratchDatabase;
  let kb: KnowledgeBase;
  let app: FastifyInstance;
  beforeAll(async () => {
    scratch = await target.create();
    kb = await scratch.open();
    const { cases } = await storeEvidenceFixture(kb);
    const c = cases[0]!;
    // Ids inserted out of order; dates null or tied, same document and evidence start: only the id tells them apart.
    const dates = [null, '2021-05-01', null, '2021-04-01', '2021-05-01', null, '2021-04-01', '2021-05-01'];
    const ids = ['s7', 's2', 's5', 's0', 's3', 's1', 's6', 's4'];
    await kb.db.insertInto('stances').values(ids.map((id, n) => ({
      id, doc: c.doc, holder: 'alphaland', target: 'betastan', stance: 'condemns', negated: 0, topic: null,
      date_value: dates[n]!, date_start: dates[n]!, date_end: dates[n]!, evidence_start: c.start, evidence_end: c.end, rule: 'test',
    }))).execute();
    await kb.db.insertInto('figures').values(ids.map((id, n) => ({
      id: `f${id}`, doc: c.doc, what: 'GDP growth', subject: null, value: n, unit: '%', period_value: dates[n]!, period_start: dates[n]!, period_end: dates[n]!,
      span_start: c.start, span_end: c.end, evidence_start: c.start, evidence_end: c.end, rule: 'test',
    }))).execute();
    app = await buildServer(kb, { webDir: '/nonexistent' });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await kb?.close();
    await scratch?.drop();
  });

  async function ids(route: 'stances' | 'figures', query: string): Promise<string[]> {
    const r = await app.inject({ method: 'GET', url: `/api/${route}?${query}` });
    expect(r.statusCode, r.body).toBe(200);
    return (r.json()[route] as { id: string }[]).map((x) => x.id);
  }

  it('stances: undated first, ties by id, one row per page of one gives the whole list', async () => {
    const whole = await ids('stances', 'limit=100');
    expect(whole).toEqual(['s1', 's5', 's7', 's0', 's6', 's2', 's3', 's4']);
    const paged: string[] = [];
    for (let k = 0; k < whole.length; k++) paged.push(...await ids('stances', `limit=1&offset=${k}`));
    expect(paged).toEqual(whole);
    expect((await listStances(kb, { limit: 100 })).stances.map((s) => s.id)).toEqual(whole);
  });

  it('figures: undated first, ties by id, one row per page of one gives the whole list', async () => {
    const whole = await ids('figures', 'limit=100');
    expect(whole).toEqual(['fs1', 'fs5', 'fs7', 'fs0', 'fs6', 'fs2', 'fs3', 'fs4']);
    const paged: string[] = [];
    for (let k = 0; k < whole.length; k++) paged.push(...await ids('figures', `limit=1&offset=${k}`));
    expect(paged).toEqual(whole);
    expect((await listFigures(kb, { limit: 100 })).figures.map((f) => f.id)).toEqual(whole);
  });
});
