import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/api/build-server.js';
import { openKnowledgeBase, type KnowledgeBase } from '../../src/kb/open-knowledge-base.js';
import { writeBadInputs, type BadInput } from './bad-inputs.js';
import { consistencyProblems, fingerprint } from './kb-checks.js';

// The bad-input matrix through POST /api/documents with the real pipeline: 422 with a message
// naming the file for what cannot be read, 201 for legitimate text, and the store unchanged on failure.
const TOKEN = 'reliability-token';
let dir: string;
let cases: BadInput[];
let kb: KnowledgeBase;
let app: FastifyInstance;
let db: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dg-rel-api-'));
  cases = (await writeBadInputs(path.join(dir, 'in'))).filter((c) => !c.pathOnly);
  db = path.join(dir, 'kb.sqlite');
  kb = await openKnowledgeBase(db);
  app = await buildServer(kb, { webDir: '/nonexistent', writeToken: TOKEN, security: { rateLimit: false } });
}, 60_000);
afterAll(async () => {
  await app?.close();
  await kb?.close();
  rmSync(dir, { recursive: true, force: true });
});

const upload = (name: string, payload: Buffer) => app.inject({
  method: 'POST', url: `/api/documents?name=${encodeURIComponent(name)}`,
  headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${TOKEN}` }, payload,
});

describe('bad input through the API', () => {
  it('answers 422 naming the file and the problem, and changes nothing', async () => {
    for (const c of cases) {
      if (c.expect.ok) continue;
      const before = fingerprint(db);
      const res = await upload(c.name, readFileSync(path.join(dir, 'in', c.name)));
      expect(res.statusCode, `${c.name}: ${res.body}`).toBe(422);
      expect(res.json(), c.name).toMatchObject({ code: 'UNREADABLE_DOCUMENT' });
      expect(res.json().message, c.name).toMatch(c.expect.message);
      // The server's own paths never leak into the message: an upload is known by its name only.
      expect(res.json().message, c.name).not.toContain(dir);
      expect(fingerprint(db), c.name).toBe(before);
    }
    const status = (await app.inject({ method: 'GET', url: '/api/ingest/status' })).json() as { jobs: Array<{ state: string }> };
    expect(status.jobs.every((j) => j.state === 'failed')).toBe(true);
  }, 120_000);

  it('stores each legitimate file and serves its text', async () => {
    for (const c of cases) {
      if (!c.expect.ok) continue;
      const res = await upload(c.name, readFileSync(path.join(dir, 'in', c.name)));
      expect([200, 201], `${c.name}: ${res.body}`).toContain(res.statusCode);
      const id = res.json().job.outcome.id as string;
      const doc = await app.inject({ method: 'GET', url: `/api/documents/${id}/text` });
      expect(doc.statusCode, c.name).toBe(200);
      expect(JSON.stringify(doc.json()), c.name).toContain(c.expect.contains);
    }
    expect(consistencyProblems(db)).toEqual([]);
  }, 240_000);
});
