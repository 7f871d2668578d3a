import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openKnowledgeBase, type KnowledgeBase } from '../../src/kb/open-knowledge-base.js';
import { buildServer } from '../../src/api/build-server.js';
import { generateEventsKnowledgeBase } from '../../bench/generate-events-kb.js';

/** GET /api/events says whether its total is exact (added field; `total` keeps its type). */
describe('GET /api/events total', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dg-events-total-'));
  let kb: KnowledgeBase;
  let app: FastifyInstance;
  const directCount = async (type?: string) => Number((await kb.db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n'))
    .$if(!!type, (q) => q.where('type', '=', type!)).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    const file = path.join(dir, 'kb.sqlite');
    await generateEventsKnowledgeBase(file, { events: 800, eventsPerDocument: 20, seed: 3 });
    kb = await openKnowledgeBase(file);
    app = await buildServer(kb, { webDir: '/nonexistent' });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await kb?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const cases: [string, () => Promise<number>][] = [
    ['', () => directCount()],
    ['type=consult', () => directCount('CONSULT')],
    ['type=ASSAULT&limit=1&offset=3', () => directCount('ASSAULT')],
  ];
  for (const [query, expected] of cases) {
    it(`counts exactly below the cap: ?${query}`, async () => {
      const r = await app.inject({ method: 'GET', url: `/api/events?${query}` });
      expect(r.statusCode).toBe(200);
      const body = r.json();
      expect(body).toMatchObject({ totalExact: true, total: await expected() });
      expect(Number.isInteger(body.total)).toBe(true);
    });
  }

  it('reports a lower bound as not exact, never above the true count', async () => {
    // Actor filters over many events may skip the count; whichever happens, the flag tells.
    for (const url of ['/api/events?actor=state:AFG&type=CONSULT,AGREE&limit=5', '/api/events?actor=state:AFG&limit=5']) {
      const body = (await app.inject({ method: 'GET', url })).json();
      expect(typeof body.totalExact).toBe('boolean');
      expect(body.total).toBeGreaterThanOrEqual(body.events.length);
    }
  });
});
