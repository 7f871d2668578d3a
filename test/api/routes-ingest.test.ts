import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/api/build-server.js';
import { openKnowledgeBase, type KnowledgeBase } from '../../src/kb/open-knowledge-base.js';
import { storeDocument } from '../../src/kb/store-document.js';
import { handBuiltDocument } from '../helpers/stored-doc.js';

// The route's own behaviour (auth, status codes, progress) is tested here; the pipeline is stubbed so
// these tests do not depend on the recognisers. The e2e suite uploads through the real pipeline.
const ingestOne = vi.fn();
vi.mock('../../src/pipeline/ingest.js', () => ({ ingestOne: (...args: unknown[]) => ingestOne(...args) }));

let kb: KnowledgeBase | undefined;
let app: FastifyInstance | undefined;
afterEach(async () => { await app?.close(); await kb?.close(); app = undefined; kb = undefined; ingestOne.mockReset(); });

async function server(writeToken?: string) {
  kb = await openKnowledgeBase(':memory:');
  app = await buildServer(kb, { webDir: '/nonexistent', writeToken });
  return app;
}

const upload = (a: FastifyInstance, headers: Record<string, string>, url = '/api/documents?name=report.txt', payload: Buffer = Buffer.from('Some report text.')) =>
  a.inject({ method: 'POST', url, headers: { 'content-type': 'application/octet-stream', ...headers }, payload });

describe('POST /api/documents', () => {
  it('is read-only without a write token', async () => {
    const a = await server();
    const res = await upload(a, { authorization: 'Bearer anything' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('READ_ONLY');
    expect((await a.inject({ method: 'GET', url: '/api/ingest/status' })).json()).toEqual({ writable: false, jobs: [] });
    expect(ingestOne).not.toHaveBeenCalled();
  });

  it.each([[{}], [{ authorization: 'Bearer wrong' }], [{ authorization: 'secret' }], [{ authorization: 'Bearer secret2' }]])('refuses %j', async (headers) => {
    const a = await server('secret');
    const res = await upload(a, headers as Record<string, string>);
    expect(res.statusCode).toBe(403);
    expect(ingestOne).not.toHaveBeenCalled();
  });

  it('ingests the body under its base name and reports the outcome and messages', async () => {
    const a = await server('secret');
    ingestOne.mockImplementation(async (k: KnowledgeBase, name: string, opts: { onStage?: (f: string, s: string) => void }, bytes: Uint8Array) => {
      opts.onStage?.(name, 'segment');
      expect(Buffer.from(bytes).toString()).toBe('Some report text.');
      const stored = await storeDocument(k, handBuiltDocument());
      return { file: name, ok: true, ...stored, title: 'Hand', sentences: 2, mentions: 2, events: 1, messages: 1 };
    });
    const res = await upload(a, { authorization: 'Bearer secret' }, '/api/documents?name=..%2F..%2Fetc%2Freport.txt');
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(ingestOne.mock.calls[0]![1]).toBe('report.txt');
    expect(body.job).toMatchObject({ name: 'report.txt', state: 'done', stage: 'segment', outcome: { ok: true, status: 'added', id: 'doc-hand-1' } });
    expect(body.messages).toEqual([expect.objectContaining({ rule: 'test.note', severity: 'info' })]);
    const status = (await a.inject({ method: 'GET', url: '/api/ingest/status' })).json();
    expect(status.writable).toBe(true);
    expect(status.jobs[0]).toMatchObject({ name: 'report.txt', state: 'done' });
    // The same upload again changes nothing and says so with 200.
    expect((await upload(a, { authorization: 'Bearer secret' })).statusCode).toBe(200);
  });

  it.each([
    ['unreadable', 422, 'UNREADABLE_DOCUMENT'],
    ['unsupported-format', 422, 'UNREADABLE_DOCUMENT'],
    ['invalid-option', 400, 'BAD_REQUEST'],
    ['internal', 500, 'INTERNAL'],
  ])('turns a %s outcome into %i', async (problem, status, code) => {
    const a = await server('secret');
    ingestOne.mockResolvedValue({ file: 'report.txt', ok: false, problem, message: 'report.txt: cannot read it' });
    const res = await upload(a, { authorization: 'Bearer secret' });
    expect(res.statusCode).toBe(status);
    expect(res.json().code).toBe(code);
    if (status === 422) expect(res.json().message).toContain('cannot read it');
  });

  it('rejects empty bodies, missing names and other content types', async () => {
    const a = await server('secret');
    expect((await upload(a, { authorization: 'Bearer secret' }, '/api/documents?name=a.txt', Buffer.alloc(0))).statusCode).toBe(422);
    expect((await upload(a, { authorization: 'Bearer secret' }, '/api/documents')).statusCode).toBe(400);
    expect((await upload(a, { authorization: 'Bearer secret' }, '/api/documents?name=..')).statusCode).toBe(400);
    const json = await a.inject({ method: 'POST', url: '/api/documents?name=a.txt', headers: { authorization: 'Bearer secret', 'content-type': 'application/json' }, payload: '{}' });
    expect(json.statusCode).toBe(400);
    expect(ingestOne).not.toHaveBeenCalled();
  });

  it('accepts uploads larger than the ordinary body limit', async () => {
    const a = await server('secret');
    ingestOne.mockResolvedValue({ file: 'big.txt', ok: false, problem: 'no-text', message: 'big.txt: no text' });
    const res = await upload(a, { authorization: 'Bearer secret' }, '/api/documents?name=big.txt', Buffer.alloc(3 * 1024 * 1024, 0x61));
    expect(res.statusCode).toBe(422);
  });
});
