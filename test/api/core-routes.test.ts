import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { KnowledgeBase } from '../../src/kb/open-knowledge-base.js';
import { storeDocument } from '../../src/kb/store-document.js';
import { buildServer } from '../../src/api/build-server.js';
import { handBuiltDocument } from '../helpers/stored-doc.js';
import { freshKnowledgeBase, testDatabases } from '../helpers/test-databases.js';

for (const target of await testDatabases('core-routes')) describe.skipIf(!!target.skip)(`core API routes (${target.label})`, () => {
  let kb: KnowledgeBase;
  let app: FastifyInstance;

  beforeAll(async () => {
    kb = await freshKnowledgeBase(target);
    await storeDocument(kb, handBuiltDocument());
    app = await buildServer(kb, { webDir: '/nonexistent' });
  });
  afterAll(async () => { await app.close(); await kb.close(); });

  const get = async (url: string) => {
    const r = await app.inject({ method: 'GET', url });
    return { status: r.statusCode, body: r.json() };
  };

  describe('core API routes', () => {
    it('lists documents and returns one by id prefix', async () => {
      const list = await get('/api/documents');
      expect(list.status).toBe(200);
      expect(list.body.documents).toHaveLength(1);
      const one = await get('/api/documents/doc-hand');
      expect(one.status).toBe(200);
      expect(one.body.document.period_start).toBe('2022-01-01');
      expect(one.body.messages[0].rule).toBe('test.note');
    });

    it('returns the text with annotations whose offsets slice back', async () => {
      const { body } = await get('/api/documents/doc-hand-1/text');
      for (const m of body.mentions) expect(body.text.slice(m.start, m.end)).toBe(m.text);
      expect(body.events[0].type).toBe('ACCUSE');
      expect(body.text.slice(body.events[0].start, body.events[0].end)).toBe('condemned');
    });

    it('filters events and validates the query', async () => {
      expect((await get('/api/events?actor=state:ALP')).body.total).toBe(1);
      expect((await get('/api/events?actor=state:BET')).body.total).toBe(0);
      expect((await get('/api/events?type=accuse&from=2022-03&to=2022-03')).body.total).toBe(1);
      const bad = await get('/api/events?type=HUG');
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('BAD_REQUEST');
      expect((await get('/api/events?from=March')).status).toBe(400);
      expect((await get('/api/events?limit=0')).status).toBe(400);
      expect((await get('/api/events?unknown=1')).status).toBe(400);
    });

    it('returns an entity with its mentions and sentences', async () => {
      const { status, body } = await get('/api/entities/state:BET');
      expect(status).toBe(200);
      expect(body.entity.name).toBe('Betastan');
      expect(body.mentions[0].sentence.text).toContain('Betastan');
    });

    it('answers 404 with a code for unknown things', async () => {
      expect((await get('/api/documents/zzz')).body.code).toBe('NOT_FOUND');
      expect((await get('/api/entities/state:ZZZ')).status).toBe(404);
      expect((await get('/api/nothing')).status).toBe(404);
    });

    it('serves an OpenAPI document describing the routes', async () => {
      const { body } = await get('/openapi.json');
      expect(body.openapi).toMatch(/^3\./);
      expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/api/documents', '/api/documents/{id}', '/api/events', '/api/entities']));
    });

    it('exports the contract', async () => {
      const { body } = await get('/api/export');
      expect(body.events).toHaveLength(1);
      expect(body.documents[0].text).toContain('Alphaland');
    });
  });
});
