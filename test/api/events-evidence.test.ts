import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { KnowledgeBase } from '../../src/kb/open-knowledge-base.js';
import { buildServer } from '../../src/api/build-server.js';
import { testDatabases, type ScratchDatabase } from '../helpers/test-databases.js';
import { storeEvidenceFixture, type EvidenceCase } from '../kb/queries/evidence-fixture.js';

/**
 * GET /api/events answers each event's evidence as JavaScript slices the document (UTF-16
 * offsets), whatever characters come before or inside it, on both stores: the page reads the
 * evidence sentences, not the documents, and must give the same strings.
 */
for (const target of await testDatabases('api events evidence')) describe.skipIf(!!target.skip)(`GET /api/events evidence (${target.label})`, () => {
  let scratch: ScratchDatabase;
  let kb: KnowledgeBase;
  let app: FastifyInstance;
  let cases: EvidenceCase[];
  beforeAll(async () => {
    scratch = await target.create();
    kb = await scratch.open();
    ({ cases } = await storeEvidenceFixture(kb));
    app = await buildServer(kb, { webDir: '/nonexistent' });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await kb?.close();
    await scratch?.drop();
  });

  const queries = ['doc=doc-astral-a,doc-astral-b', 'type=ACCUSE&limit=3&offset=2', 'from=2021-03-04&to=2021-03-09', 'doc=doc-astral-b'];
  for (const query of queries) {
    it(`?${query}`, async () => {
      const r = await app.inject({ method: 'GET', url: `/api/events?${query}` });
      expect(r.statusCode).toBe(200);
      const body = r.json() as { events: { id: string; evidence: { start: number; end: number; text: string } }[] };
      expect(body.events.length).toBeGreaterThan(0);
      for (const e of body.events) {
        const c = cases.find((x) => x.id === e.id)!;
        expect(e.evidence, c.name).toEqual({ start: c.start, end: c.end, text: c.expected });
      }
    });
  }

  it('the whole list has every case, astral text included (serialised as sent)', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/events?limit=100' });
    const texts = (r.json() as { events: { evidence: { text: string } }[] }).events.map((e) => e.evidence.text);
    expect(texts.sort()).toEqual(cases.map((c) => c.expected).sort());
    expect(r.body).toContain('😀 Alphaland accused Betastan');
    expect(r.body).not.toContain('\\ud83d');
  });
});
