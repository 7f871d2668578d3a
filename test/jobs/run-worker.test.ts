import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { KnowledgeBase } from '../../src/kb/open-knowledge-base.js';
import { enqueueJobs } from '../../src/jobs/job-queue.js';
import { INGEST_QUEUE, ingestJobsFor } from '../../src/jobs/ingest-jobs.js';
import { runWorker, type WorkerEvent } from '../../src/jobs/run-worker.js';
import { queueStatus } from '../../src/jobs/queue-status.js';
import { freshKnowledgeBase, testDatabases } from '../helpers/test-databases.js';

let dir: string | undefined;
afterEach(() => { if (dir) rmSync(dir, { recursive: true, force: true }); dir = undefined; });

function corpus(): { ok: string[]; vanishing: string } {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dg-worker-'));
  const write = (name: string, text: string) => { const f = path.join(dir!, name); writeFileSync(f, text); return f; };
  return {
    ok: [
      write('a.txt', 'Alphaland and Betastan signed a trade agreement in March 2021.\n\nThe ministers met again in May.'),
      write('b.txt', 'Gammaria condemned the missile launch on 3 June 2022.'),
    ],
    vanishing: write('c.txt', 'This file is removed before any worker reads it.'),
  };
}

describe('ingestJobsFor', () => {
  it('keys a file by path, size, time and options, and reports what cannot be queued', async () => {
    const { ok } = corpus();
    const first = await ingestJobsFor([ok[0]!, path.join(dir!, 'missing.txt'), dir!]);
    expect(first.jobs).toHaveLength(1);
    expect(first.jobs[0]!.payload).toEqual({ file: ok[0] });
    expect(first.problems).toEqual([expect.stringMatching(/missing\.txt: no such file/), expect.stringMatching(/not a file/)]);
    const withPeriod = await ingestJobsFor([ok[0]!], { period: '2021' });
    expect(withPeriod.jobs[0]!.key).not.toBe(first.jobs[0]!.key);
    expect(withPeriod.jobs[0]!.payload).toEqual({ file: ok[0], period: '2021' });
  });
});

for (const target of await testDatabases('run-worker')) describe.skipIf(!!target.skip)(`runWorker (${target.label})`, () => {
  let kb: KnowledgeBase | undefined;
  afterEach(async () => { await kb?.close(); kb = undefined; });

  it('ingests queued files, retries a failing one and sets it aside, then stops when the queue is empty', async () => {
    kb = await freshKnowledgeBase(target);
    const { ok, vanishing } = corpus();
    const { jobs } = await ingestJobsFor([...ok, vanishing]);
    expect(await enqueueJobs(kb, INGEST_QUEUE, jobs, { maxAttempts: 2 })).toBe(3);
    rmSync(vanishing);
    const events: WorkerEvent['kind'][] = [];
    const summary = await runWorker(kb, { name: 'test', untilEmpty: true, pollMs: 5, retry: { retryDelayMs: 5 }, onEvent: (e) => events.push(e.kind) });
    expect(summary).toEqual({ done: 2, retried: 1, failed: 1 });
    expect(events.filter((k) => k !== 'start')).toEqual(['done', 'done', 'retry', 'failed']);
    const docs = await kb.db.selectFrom('documents').select('source').orderBy('source').execute();
    expect(docs.map((d) => d.source)).toEqual(ok);
    const status = await queueStatus(kb, INGEST_QUEUE);
    expect(status.jobs).toMatchObject({ done: 2, failed: 1, queued: 0, running: 0 });
    expect(status.failed[0]).toMatchObject({ file: vanishing, attempts: 2 });
    expect(status.failed[0]!.error).toMatch(/c\.txt/);
    // Enqueueing the same unchanged files again adds nothing.
    expect(await enqueueJobs(kb, INGEST_QUEUE, (await ingestJobsFor(ok)).jobs)).toBe(0);
  });

  it('stops when asked, between jobs', async () => {
    kb = await freshKnowledgeBase(target);
    const { ok } = corpus();
    await enqueueJobs(kb, INGEST_QUEUE, (await ingestJobsFor(ok)).jobs);
    const stop = new AbortController();
    const summary = await runWorker(kb, { pollMs: 5, signal: stop.signal, onEvent: (e) => { if (e.kind === 'done') stop.abort(); } });
    expect(summary.done).toBe(1);
    expect((await queueStatus(kb, INGEST_QUEUE)).jobs.queued).toBe(1);
  });
});
