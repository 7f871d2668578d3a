import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openKnowledgeBase, type KnowledgeBase } from '../../src/kb/open-knowledge-base.js';
import {
  claimJob, completeJob, enqueueJobs, failJob, heartbeat, jobsDb, reapStaleJobs, retryDelay, retryFailedJobs, unfinishedJobs,
} from '../../src/jobs/job-queue.js';
import { estimate, queueStatus } from '../../src/jobs/queue-status.js';
import { freshKnowledgeBase, testDatabases } from '../helpers/test-databases.js';

const Q = 'test';
const T0 = Date.parse('2024-05-01T12:00:00.000Z');
const job = (n: number, bytes = 100) => ({ key: `k${n}`, payload: { file: `/data/f${n}.txt` }, bytes });

describe('retryDelay', () => {
  it.each([[1, 5000], [2, 20_000], [3, 80_000], [6, 600_000], [0, 5000]])('retry %i waits %i ms', (attempt, ms) => {
    expect(retryDelay(attempt, 5000)).toBe(ms);
  });
});

describe('estimate', () => {
  const run = (bytes: number, startS: number, endS: number) => ({ bytes, startedAt: T0 + startS * 1000, finishedAt: T0 + endS * 1000 });
  it.each([
    ['nothing finished yet', 1000, [], 10, { bytesPerSecond: null, etaSeconds: null }],
    ['nothing left', 0, [], 10, { bytesPerSecond: null, etaSeconds: 0 }],
    ['one worker, 100 B/s', 1000, [run(500, 0, 5)], 5, { bytesPerSecond: 100, etaSeconds: 10 }],
    ['two workers side by side double the pace', 1000, [run(500, 0, 5), run(500, 0, 5)], 5, { bytesPerSecond: 200, etaSeconds: 5 }],
    ['pace falls while nothing finishes', 1000, [run(500, 0, 5)], 10, { bytesPerSecond: 50, etaSeconds: 20 }],
    ['runs older than the window are ignored', 1000, [run(500, -3600, -1800)], 10, { bytesPerSecond: null, etaSeconds: null }],
  ] as const)('%s', (_name, remaining, runs, nowS, expected) => {
    expect(estimate(remaining, [...runs], T0 + nowS * 1000)).toEqual(expected);
  });
});

for (const target of await testDatabases('job-queue')) describe.skipIf(!!target.skip)(`job queue (${target.label})`, () => {
  let kb: KnowledgeBase | undefined;
  afterEach(async () => { await kb?.close(); kb = undefined; });

  it('adds each key once and hands jobs out oldest first, each to one worker', async () => {
    kb = await freshKnowledgeBase(target);
    expect(await enqueueJobs(kb, Q, [job(1), job(2)], {}, T0)).toBe(2);
    expect(await enqueueJobs(kb, Q, [job(2), job(3)], {}, T0)).toBe(1);
    const a = await claimJob(kb, Q, 'w1', T0);
    const b = await claimJob(kb, Q, 'w2', T0);
    expect([a?.key, a?.worker, a?.attempts, a?.state]).toEqual(['k1', 'w1', 1, 'running']);
    expect(b?.key).toBe('k2');
    expect((await claimJob(kb, Q, 'w1', T0))?.key).toBe('k3');
    expect(await claimJob(kb, Q, 'w1', T0)).toBeUndefined();
    // Another queue's jobs are not this queue's.
    await enqueueJobs(kb, 'other', [job(9)], {}, T0);
    expect(await claimJob(kb, Q, 'w1', T0)).toBeUndefined();
    expect(await unfinishedJobs(kb, Q)).toBe(3);
  });

  it('completes a job only for the worker that holds it', async () => {
    kb = await freshKnowledgeBase(target);
    await enqueueJobs(kb, Q, [job(1)], {}, T0);
    const a = (await claimJob(kb, Q, 'w1', T0))!;
    expect(await completeJob(kb, a.id, 'w2', { x: 1 }, T0)).toBe(false);
    expect(await heartbeat(kb, a.id, 'w2', T0)).toBe(false);
    expect(await heartbeat(kb, a.id, 'w1', T0 + 1000)).toBe(true);
    expect(await completeJob(kb, a.id, 'w1', { id: 'doc' }, T0 + 2000)).toBe(true);
    const row = await jobsDb(kb).selectFrom('jobs').selectAll().where('id', '=', a.id).executeTakeFirstOrThrow();
    expect([row.state, JSON.parse(row.result!), row.finished_at]).toEqual(['done', { id: 'doc' }, new Date(T0 + 2000).toISOString()]);
    expect(await unfinishedJobs(kb, Q)).toBe(0);
  });

  it('retries a failing job after a growing delay, then sets it aside with its error', async () => {
    kb = await freshKnowledgeBase(target);
    await enqueueJobs(kb, Q, [job(1)], { maxAttempts: 2 }, T0);
    const first = (await claimJob(kb, Q, 'w1', T0))!;
    expect(await failJob(kb, first, 'w1', 'boom 1', { retryDelayMs: 1000 }, T0)).toBe('queued');
    expect(await claimJob(kb, Q, 'w1', T0 + 999)).toBeUndefined();
    const second = (await claimJob(kb, Q, 'w2', T0 + 1000))!;
    expect([second.attempts, second.error]).toEqual([2, 'boom 1']);
    expect(await failJob(kb, second, 'w2', 'boom 2', { retryDelayMs: 1000 }, T0 + 2000)).toBe('failed');
    expect(await claimJob(kb, Q, 'w1', T0 + 10 ** 9)).toBeUndefined();
    const status = await queueStatus(kb, Q, T0 + 3000);
    expect(status.jobs).toMatchObject({ failed: 1, queued: 0, total: 1 });
    expect(status.failed).toEqual([{ id: first.id, file: '/data/f1.txt', attempts: 2, error: 'boom 2', finishedAt: new Date(T0 + 2000).toISOString() }]);
    expect(await retryFailedJobs(kb, Q, T0 + 4000)).toBe(1);
    expect((await claimJob(kb, Q, 'w1', T0 + 4000))?.attempts).toBe(1);
  });

  it('takes back the job of a worker that went silent', async () => {
    kb = await freshKnowledgeBase(target);
    await enqueueJobs(kb, Q, [job(1), job(2)], { maxAttempts: 1 }, T0);
    await enqueueJobs(kb, Q, [job(3)], { maxAttempts: 3 }, T0);
    await claimJob(kb, Q, 'gone', T0);
    await claimJob(kb, Q, 'alive', T0);
    await claimJob(kb, Q, 'gone', T0);
    await heartbeat(kb, 2, 'alive', T0 + 50_000);
    expect(await reapStaleJobs(kb, Q, 30_000, T0 + 60_000)).toBe(2);
    const rows = await jobsDb(kb).selectFrom('jobs').select(['key', 'state', 'error']).where('queue', '=', Q).orderBy('id').execute();
    expect(rows.map((r) => [r.key, r.state])).toEqual([['k1', 'failed'], ['k2', 'running'], ['k3', 'queued']]);
    expect(rows[0]!.error).toMatch(/worker gone stopped responding/);
    expect(await reapStaleJobs(kb, Q, 30_000, T0 + 60_000)).toBe(0);
  });

  it('never gives one job to two workers claiming at once', async () => {
    const scratch = await target.create();
    const kbs: KnowledgeBase[] = [];
    try {
      for (let i = 0; i < 3; i++) kbs.push(await scratch.open());
      await enqueueJobs(kbs[0]!, Q, Array.from({ length: 30 }, (_, n) => job(n)), {}, T0);
      const claims = await Promise.all(Array.from({ length: 36 }, (_, n) => claimJob(kbs[n % 3]!, Q, `w${n % 3}`, T0)));
      const ids = claims.filter((c) => c !== undefined).map((c) => c.id);
      expect(ids).toHaveLength(30);
      expect(new Set(ids).size).toBe(30);
    } finally {
      for (const k of kbs) await k.close();
      await scratch.drop();
    }
  });

  // Bookkeeping commits without waiting for a WAL flush; the setting must not reach the store's transactions.
  it.skipIf(target.dialect !== 'postgres')('keeps synchronous commit for everything but its own statements', async () => {
    const scratch = await target.create();
    // One connection, so the statements below run where the bookkeeping ran.
    const one = await openKnowledgeBase(scratch.location, { poolSize: 1 });
    const setting = async (db: KnowledgeBase['db']) => (await sql<{ synchronous_commit: string }>`show synchronous_commit`.execute(db)).rows[0]!.synchronous_commit;
    try {
      await enqueueJobs(one, Q, [job(1), job(2)], {}, T0);
      const a = (await claimJob(one, Q, 'w1', T0))!;
      expect(Object.keys(a).sort()).toEqual(Object.keys(await jobsDb(one).selectFrom('jobs').selectAll().where('id', '=', a.id).executeTakeFirstOrThrow()).sort());
      expect(await heartbeat(one, a.id, 'w1', T0 + 1)).toBe(true);
      expect(await completeJob(one, a.id, 'w1', {}, T0 + 2)).toBe(true);
      expect(await setting(one.db)).toBe('on');
      // Inside a caller's transaction the statement stays plain: the transaction keeps its durability.
      await one.db.transaction().execute(async (trx) => {
        const b = await claimJob({ ...one, db: trx }, Q, 'w2', T0);
        expect(b?.key).toBe('k2');
        expect(await setting(trx)).toBe('on');
      });
    } finally {
      await one.close();
      await scratch.drop();
    }
  });

  it('reports progress by bytes with a pace and an ETA', async () => {
    kb = await freshKnowledgeBase(target);
    await enqueueJobs(kb, Q, [job(1, 1000), job(2, 1000), job(3, 2000)], {}, T0);
    const a = (await claimJob(kb, Q, 'w1', T0))!;
    await completeJob(kb, a.id, 'w1', {}, T0 + 10_000);
    await claimJob(kb, Q, 'w2', T0 + 10_000);
    const s = await queueStatus(kb, Q, T0 + 10_000);
    expect(s.jobs).toEqual({ queued: 1, running: 1, done: 1, failed: 0, total: 3 });
    expect(s.bytes).toEqual({ queued: 2000, running: 1000, done: 1000, failed: 0, total: 4000 });
    expect([s.percentDone, s.bytesPerSecond, s.etaSeconds]).toEqual([25, 100, 30]);
    expect(s.finishesAt).toBe(new Date(T0 + 40_000).toISOString());
    expect(s.running).toEqual([expect.objectContaining({ worker: 'w2', file: '/data/f2.txt' })]);
  });
});
