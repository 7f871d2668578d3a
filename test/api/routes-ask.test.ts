import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/api/build-server.js';
import type { KnowledgeBase } from '../../src/kb/open-knowledge-base.js';
import { askKb } from '../ask/ask-fixture.js';
import { evidenceNumber, startStandIn, type StandIn } from '../ask/stand-in-llm.js';

let kb: KnowledgeBase;
let app: FastifyInstance;
let withLlm: FastifyInstance;
let llm: StandIn;
const saved = { url: process.env.DIPLOGRAPH_LLM_URL, model: process.env.DIPLOGRAPH_LLM_MODEL };

beforeAll(async () => {
  kb = await askKb();
  delete process.env.DIPLOGRAPH_LLM_URL;
  delete process.env.DIPLOGRAPH_LLM_MODEL;
  app = await buildServer(kb, { webDir: '/nonexistent' });
  llm = await startStandIn();
  // The model is configured by the server's environment, read when the routes are registered.
  process.env.DIPLOGRAPH_LLM_URL = llm.url;
  process.env.DIPLOGRAPH_LLM_MODEL = 'stand-in';
  withLlm = await buildServer(kb, { webDir: '/nonexistent' });
});
afterAll(async () => {
  for (const [k, v] of [['DIPLOGRAPH_LLM_URL', saved.url], ['DIPLOGRAPH_LLM_MODEL', saved.model]] as const) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await app.close();
  await withLlm.close();
  await llm.close();
  await kb.close();
});

const post = (server: FastifyInstance, payload: unknown) => server.inject({ method: 'POST', url: '/api/ask', payload: payload as object });

describe('POST /api/ask', () => {
  it('answers from the knowledge base with citations', async () => {
    const res = await post(app, { question: 'Which countries have not condemned Betastan?' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ mode: 'deterministic', status: 'answered' });
    expect(body.items.map((i: { value: string }) => i.value)).toEqual(['state:GAM']);
    expect(body.citations[0]).toMatchObject({ doc: 'doc-ask', sentence: 1, text: 'Gammaria has never condemned Betastan.' });
    expect(body.query.focus).toBe('who');
  });

  it('says "not in the knowledge base" with the closest evidence', async () => {
    const body = (await post(app, { question: 'When did Gammaria condemn Betastan?' })).json();
    expect(body.status).toBe('not-in-kb');
    expect(body.citations).toEqual([]);
    expect(body.closest.length).toBeGreaterThan(0);
  });

  it.each([
    [{}, 'no question'],
    [{ question: '' }, 'empty'],
    [{ question: '   ' }, 'blank'],
    [{ question: 'x'.repeat(501) }, 'too long'],
    [{ question: 'Who?', mode: 'oracle' }, 'unknown mode'],
    [{ question: 'Who?', extra: 1 }, 'unknown field'],
  ] as Array<[object, string]>)('rejects %j (%s) with a 400 from the error registry', async (payload) => {
    const res = await post(app, payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('BAD_REQUEST');
  });

  it('refuses the language model mode when none is configured', async () => {
    const res = await post(app, { question: 'Who condemned Betastan?', mode: 'llm' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/no language model/);
  });

  it('uses the configured language model and reports the quote check', async () => {
    llm.reply = (b) => ({ content: `Alphaland "condemned Betastan" [${evidenceNumber(b.messages[1]!.content, 'Alphaland condemned')}].` });
    const body = (await post(withLlm, { question: 'Who condemned Betastan?', mode: 'llm' })).json();
    expect(body).toMatchObject({ mode: 'llm', status: 'answered', verification: { ok: true } });
    expect(body.citations[0].text).toBe('Alphaland condemned Betastan in March 2022.');
  });

  it('is described in the OpenAPI document', async () => {
    const spec = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(spec.paths['/api/ask'].post.requestBody).toBeDefined();
  });
});
