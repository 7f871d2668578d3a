import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { KnowledgeBase } from '../../src/kb/open-knowledge-base.js';
import { buildServer } from '../../src/api/build-server.js';
import { listStances } from '../../src/kb/queries/list-stances.js';
import { listFigures } from '../../src/kb/queries/list-figures.js';
import { listAgreementStatus } from '../../src/kb/queries/list-agreement-status.js';
import { testDatabases, type ScratchDatabase } from '../helpers/test-databases.js';
import { storeEvidenceFixture, type EvidenceCase } from '../kb/queries/evidence-fixture.js';

type Span = { start: number; end: number; text: string };

/**
 * Stances, figures and agreements answer their evidence (and a figure its quoted span) as
 * JavaScript slices the document (UTF-16 offsets), on both stores, cut from the sentence rows;
 * a document's text is read only for spans no sentence holds. One row per evidence case, so
 * astral and multi-byte characters come before and inside the spans.
 */
for (const target of await testDatabases('api evidence routes')) describe.skipIf(!!target.skip)(`stances, figures, agreements evidence (${target.label})`, () => {
  let scratch: ScratchDatabase;
  let kb: KnowledgeBase;
  let app: FastifyInstance;
  let cases: EvidenceCase[];
  let texts: Map<string, string>;
  beforeAll(async () => {
    scratch = await target.create();
    kb = await scratch.open();
    ({ cases, texts } = await storeEvidenceFixture(kb));
    const date = (n: number) => `2021-04-${String(n + 1).padStart(2, '0')}`;
    await kb.db.insertInto('stances').values(cases.map((c, n) => ({
      id: `${c.id}:s`, doc: c.doc, holder: 'alphaland', target: 'betastan', stance: 'condemns', negated: 0, topic: null,
      date_value: date(n), date_start: date(n), date_end: date(n), evidence_start: c.start, evidence_end: c.end, rule: 'test',
    }))).execute();
    // A figure quotes one case's span inside the next case's evidence, so the two cuts differ.
    await kb.db.insertInto('figures').values(cases.map((c, n) => {
      const e = cases.filter((x) => x.doc === c.doc)[n % cases.filter((x) => x.doc === c.doc).length]!;
      return {
        id: `${c.id}:f`, doc: c.doc, what: 'GDP growth', subject: null, value: n, unit: '%', period_value: date(n), period_start: date(n), period_end: date(n),
        span_start: c.start, span_end: c.end, evidence_start: e.start, evidence_end: e.end, rule: 'test',
      };
    })).execute();
    await kb.db.insertInto('agreement_status').values(cases.map((c, n) => ({
      id: `${c.id}:a`, doc: c.doc, entity: `agreement:accord-${n % 3}`, status: 'signed', by_entities: '["alphaland"]', negated: 0, modality: 'asserted',
      date_value: date(n), date_start: date(n), date_end: date(n), evidence_start: c.start, evidence_end: c.end, rule: 'test',
    }))).execute();
    app = await buildServer(kb, { webDir: '/nonexistent' });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await kb?.close();
    await scratch?.drop();
  });

  /** [route, rows of a page as (row id, its spans)], API and CLI queries alike. */
  const sources: [string, () => Promise<[string, Span][]>][] = [
    ['GET /api/stances', async () => (await get<{ stances: { id: string; evidence: Span }[] }>('/api/stances?limit=100')).stances.map((s) => [s.id, s.evidence])],
    ['GET /api/stances paged', async () => (await get<{ stances: { id: string; evidence: Span }[] }>('/api/stances?limit=4&offset=4&doc=doc-astral-a,doc-astral-b')).stances.map((s) => [s.id, s.evidence])],
    ['GET /api/figures', async () => (await get<{ figures: { id: string; span: Span; evidence: Span }[] }>('/api/figures?limit=100')).figures.flatMap((f): [string, Span][] => [[`${f.id}:span`, f.span], [`${f.id}:evidence`, f.evidence]])],
    ['GET /api/agreements', async () => (await get<{ agreements: { history: { id: string; evidence: Span }[] }[] }>('/api/agreements')).agreements.flatMap((a) => a.history.map((h): [string, Span] => [h.id, h.evidence]))],
    ['listStances', async () => (await listStances(kb, { limit: 100 })).stances.map((s) => [s.id, s.evidence])],
    ['listFigures', async () => (await listFigures(kb, { limit: 100 })).figures.flatMap((f): [string, Span][] => [[`${f.id}:span`, f.span], [`${f.id}:evidence`, f.evidence]])],
    ['listAgreementStatus', async () => (await listAgreementStatus(kb, { limit: 100 })).changes.map((a) => [a.id, a.evidence])],
  ];

  async function get<T>(url: string): Promise<T> {
    const r = await app.inject({ method: 'GET', url });
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as T;
  }

  /** The case a row's span is: its own case, or for a figure's evidence the case it was given. */
  function caseOf(rowId: string, span: Span): EvidenceCase {
    const own = cases.find((c) => rowId.startsWith(`${c.id}:`))!;
    if (!rowId.endsWith(':f:evidence')) return own;
    return cases.find((c) => c.doc === own.doc && c.start === span.start && c.end === span.end)!;
  }

  for (const [name, page] of sources) {
    it(`${name}: every span as JavaScript slices the document`, async () => {
      const got = await page();
      expect(got.length).toBeGreaterThan(0);
      for (const [id, span] of got) {
        const c = caseOf(id, span);
        expect({ start: span.start, end: span.end, text: span.text }, `${id} (${c.name})`).toEqual({ start: c.start, end: c.end, text: c.expected });
      }
    });

    it(`${name}: reads a document's text only for spans no sentence holds`, async () => {
      // Overwrite the documents' text: a span still right means it did not come from there.
      for (const [id, text] of texts) await kb.db.updateTable('documents').set({ text: '#'.repeat(text.length) }).where('id', '=', id).execute();
      try {
        const got = await page();
        let held = 0;
        for (const [id, span] of got) {
          const c = caseOf(id, span);
          if (c.held) held++;
          expect(span.text, `${id} (${c.name})`).toBe(c.held ? c.expected : '#'.repeat(c.expected.length));
        }
        expect(held).toBeGreaterThanOrEqual(2);
      } finally {
        for (const [id, text] of texts) await kb.db.updateTable('documents').set({ text }).where('id', '=', id).execute();
      }
    });
  }

  it('the whole fixture is covered: every case, held and not, comes back from each route', async () => {
    for (const [name, page] of sources.filter(([n]) => !n.endsWith('paged'))) {
      const seen = new Set((await page()).map(([id, span]) => caseOf(id, span).id));
      expect([...seen].sort(), name).toEqual(cases.map((c) => c.id).sort());
    }
  });
});
