import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/api/build-server.js';
import type { KnowledgeBase } from '../../src/kb/open-knowledge-base.js';
import { explorerKb } from './explorer-fixture.js';
import { freshKnowledgeBase, testDatabases } from '../helpers/test-databases.js';

for (const target of await testDatabases('routes-explorer')) describe.skipIf(!!target.skip)(`explorer routes (${target.label})`, () => {
  let kb: KnowledgeBase;
  let app: FastifyInstance;
  beforeAll(async () => {
    kb = await explorerKb(() => freshKnowledgeBase(target));
    app = await buildServer(kb, { webDir: '/nonexistent' });
  });
  afterAll(async () => { await app.close(); await kb.close(); });

  const get = async (url: string) => {
    const res = await app.inject({ method: 'GET', url });
    return { status: res.statusCode, body: res.json() };
  };

  describe('GET /api/search', () => {
    it.each([
      ['/api/search?q=condemned', 1, ['doc-hand-1']],
      ['/api/search?q=Betastan', 3, ['doc-hand-1', 'doc-two']],
      ['/api/search?q=Betastan&doc=doc-two', 1, ['doc-two']],
      ['/api/search?q=Betastan&type=SUPPORT', 1, ['doc-two']],
      ['/api/search?q=Betastan&actor=state:BET', 2, ['doc-hand-1', 'doc-two']],
      ['/api/search?q=Betastan&from=2021&to=2021', 1, ['doc-two']],
      ['/api/search?q=Betastan&from=2022-03', 1, ['doc-hand-1']],
      ['/api/search?q=%22expelled%20two%22', 1, ['doc-hand-1']],
      ['/api/search?q=suspend*', 1, ['doc-two']],
      ['/api/search?q=nowhere', 0, []],
      ['/api/search?q=Gammaria&type=ACCUSE', 0, []],
    ])('%s finds %i', async (url, total, docs) => {
      const { status, body } = await get(url);
      expect(status).toBe(200);
      expect(body.total).toBe(total);
      expect([...new Set(body.results.map((r: { doc: string }) => r.doc))].sort()).toEqual(docs);
    });

    it('highlights hits and returns the sentence offsets', async () => {
      const { body } = await get('/api/search?q=condemned');
      const r = body.results[0];
      expect(r.snippet.filter((s: { hit: boolean }) => s.hit).map((s: { text: string }) => s.text)).toEqual(['condemned']);
      expect(r.text).toBe('Alphaland condemned Betastan in March.');
      expect([r.start, r.end]).toEqual([0, r.text.length]);
      expect(body.facets.types).toEqual([{ type: 'ACCUSE', count: 1 }]);
    });

    it.each(['/api/search?q=(((', '/api/search?q=%22', '/api/search', '/api/search?q=x&type=NOPE', '/api/search?q=x&from=May'])('%s is a 400, not a 500', async (url) => {
      const { status, body } = await get(url);
      expect(status).toBe(400);
      expect(body.code).toBe('BAD_REQUEST');
    });

    it('treats FTS syntax as words', async () => {
      for (const q of ['NEAR(Betastan', 'Betastan AND', 'text:Betastan', '^Betastan', 'Betastan"']) {
        const { status } = await get(`/api/search?q=${encodeURIComponent(q)}`);
        expect(status).toBe(200);
      }
    });
  });

  describe('GET /api/network', () => {
    it('weights actor -> recipient edges by events and splits cooperation from conflict', async () => {
      const { status, body } = await get('/api/network');
      expect(status).toBe(200);
      expect(body.edges).toEqual([
        expect.objectContaining({ source: 'state:ALP', target: 'state:BET', weight: 2, cooperation: 1, conflict: 1, quads: [1, 0, 1, 0], types: { ACCUSE: 1, SUPPORT: 1 } }),
      ]);
      expect(body.nodes.map((n: { id: string }) => n.id).sort()).toEqual(['state:ALP', 'state:BET']);
      expect(body.nodes.find((n: { id: string }) => n.id === 'state:ALP')).toMatchObject({ name: 'Alphaland', kind: 'state', asActor: 2, asRecipient: 0 });
    });

    it.each([
      ['/api/network?from=2022', 1, 0],
      ['/api/network?to=2021-12', 0, 1],
      ['/api/network?doc=doc-two', 0, 1],
      ['/api/network?type=ACCUSE', 1, 0],
      ['/api/network?from=2030', 0, 0],
      ['/api/network?negated=true', 0, 0],
    ])('%s has %i conflict and %i cooperation events', async (url, conflict, cooperation) => {
      const { body } = await get(url);
      expect(body.edges.reduce((n: number, e: { conflict: number }) => n + e.conflict, 0)).toBe(conflict);
      expect(body.edges.reduce((n: number, e: { cooperation: number }) => n + e.cooperation, 0)).toBe(cooperation);
    });

    it('rejects unknown types and bad dates', async () => {
      expect((await get('/api/network?type=HUG')).status).toBe(400);
      expect((await get('/api/network?from=yesterday')).status).toBe(400);
    });
  });

  describe('GET /api/stances, /api/agreements, /api/figures', () => {
    it('lists stances with evidence that slices the document', async () => {
      const { body } = await get('/api/stances');
      expect(body.total).toBe(1);
      expect(body.stances[0]).toMatchObject({ holder: 'state:ALP', target: 'state:BET', stance: 'supports', negated: false, evidence: { text: 'Alphaland supported Betastan in May 2021.' } });
      expect(body.entities['state:ALP']).toEqual({ name: 'Alphaland', kind: 'state' });
    });

    it.each([
      ['/api/stances?holder=state:BET', 0], ['/api/stances?entity=state:BET', 1], ['/api/stances?stance=condemns', 0],
      ['/api/stances?from=2022', 0], ['/api/stances?doc=doc-two', 1],
    ])('%s -> %i', async (url, n) => {
      expect((await get(url)).body.total).toBe(n);
    });

    it('rejects an unknown stance', async () => {
      expect((await get('/api/stances?stance=likes')).status).toBe(400);
    });

    it('groups agreement status changes into histories', async () => {
      const { body } = await get('/api/agreements');
      expect(body.agreements).toHaveLength(1);
      expect(body.agreements[0]).toMatchObject({ entity: 'agreement:DELTA', name: 'Delta Accord', history: [{ status: 'suspended', by: ['state:GAM'], date: { value: '2021-06' } }] });
      expect(body.agreements[0].history[0].evidence.text).toBe('Gammaria suspended the Delta Accord in June 2021.');
    });

    it.each([
      ['/api/agreements?party=state:GAM', 1], ['/api/agreements?party=state:ALP', 0], ['/api/agreements?status=in_force', 0],
      ['/api/agreements?from=2022', 0], ['/api/agreements?entity=agreement:DELTA', 1],
    ])('%s -> %i agreements', async (url, n) => {
      expect((await get(url)).body.agreements).toHaveLength(n);
    });

    it('lists figures with their measures', async () => {
      const { body } = await get('/api/figures');
      expect(body.figures[0]).toMatchObject({ what: 'gdp_growth', subject: 'state:GAM', value: 3.5, unit: 'percent', span: { text: '3.5%' } });
      expect(body.measures).toEqual([{ what: 'gdp_growth', unit: 'percent', count: 1 }]);
      expect((await get('/api/figures?what=trade')).body.total).toBe(0);
      expect((await get('/api/figures?from=2022')).body.total).toBe(0);
      expect((await get('/api/figures?subject=state:GAM&to=2021')).body.total).toBe(1);
    });

    it('documents every new route in the OpenAPI description', async () => {
      const { body } = await get('/openapi.json');
      for (const path of ['/api/search', '/api/network', '/api/stances', '/api/agreements', '/api/figures', '/api/ingest/status']) expect(body.paths).toHaveProperty(path);
      expect(body.paths['/api/documents']).toHaveProperty('post');
    });
  });
});
