import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { KnowledgeBase } from '../../src/kb/open-knowledge-base.js';
import { buildServer } from '../../src/api/build-server.js';
import { claimJob, enqueueJobs, failJob } from '../../src/jobs/job-queue.js';
import { INGEST_QUEUE } from '../../src/jobs/ingest-jobs.js';
import { freshKnowledgeBase, testDatabases } from '../helpers/test-databases.js';

for (const target of await testDatabases('routes-jobs')) describe.skipIf(!!target.skip)(`GET /api/jobs (${target.label})`, () => {
  let kb: KnowledgeBase;
  let app: FastifyInstance;
  beforeAll(async () => {
    kb = await freshKnowledgeBase(target);
    app = await buildServer(kb, { webDir: '/nonexistent' });
  });
  afterAll(async () => { await app.close(); await kb.close(); });

  it('is empty before anything is enqueued', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/jobs' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ queue: 'ingest', jobs: { total: 0 }, running: [], failed: [] });
  });

  it('shows running and failed jobs with their files and errors', async () => {
    await enqueueJobs(kb, INGEST_QUEUE, [{ key: 'a', payload: { file: '/x/a.txt' }, bytes: 10 }, { key: 'b', payload: { file: '/x/b.txt' }, bytes: 30 }], { maxAttempts: 1 });
    const a = (await claimJob(kb, INGEST_QUEUE, 'w1'))!;
    await failJob(kb, a, 'w1', 'read: cannot read /x/a.txt');
    await claimJob(kb, INGEST_QUEUE, 'w2');
    const body = (await app.inject({ method: 'GET', url: '/api/jobs' })).json();
    expect(body.jobs).toEqual({ queued: 0, running: 1, done: 0, failed: 1, total: 2 });
    expect(body.running).toEqual([expect.objectContaining({ worker: 'w2', file: '/x/b.txt' })]);
    expect(body.failed).toEqual([expect.objectContaining({ file: '/x/a.txt', error: 'read: cannot read /x/a.txt' })]);
    expect((await app.inject({ method: 'GET', url: '/api/jobs?x=1' })).statusCode).toBe(400);
  });
});
