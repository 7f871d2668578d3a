import os from 'node:os';
import type { KnowledgeBase } from '../kb/open-knowledge-base.js';
import type { IngestOutcome } from '../pipeline/ingest.js';
import { claimJob, completeJob, failJob, heartbeat, reapStaleJobs, unfinishedJobs, type JobRow, type RetryPolicy } from './job-queue.js';
import { INGEST_QUEUE, parseIngestPayload, runIngestJob } from './ingest-jobs.js';

export interface WorkerOptions {
  /** Name shown in `diplograph status` (default host:pid). */
  name?: string;
  /** Wait between looks at an empty queue (default 1 s). */
  pollMs?: number;
  /** A running job without a heartbeat for this long is taken back (default 10 min: analysis can hold the event loop). */
  leaseMs?: number;
  /** Stop when nothing is queued or running any more, instead of waiting for new jobs. */
  untilEmpty?: boolean;
  /** Stop after this many jobs. */
  maxJobs?: number;
  retry?: Partial<RetryPolicy>;
  /** Stop after the current job. */
  signal?: AbortSignal;
  onEvent?: (event: WorkerEvent) => void;
}

export type WorkerEvent =
  | { kind: 'start'; job: JobRow; file: string }
  | { kind: 'done'; job: JobRow; outcome: Extract<IngestOutcome, { ok: true }> }
  | { kind: 'retry' | 'failed'; job: JobRow; error: string }
  | { kind: 'lost'; job: JobRow }
  | { kind: 'db-error'; error: string };

export interface WorkerSummary { done: number; retried: number; failed: number }

export const DEFAULT_LEASE_MS = 10 * 60_000;
/** Consecutive database errors (server restarting, network gone) a worker waits out before giving up. */
const MAX_DB_ERRORS = 20;

export function defaultWorkerName(): string {
  return `${os.hostname()}:${process.pid}`;
}

/** Take ingest jobs from the queue one at a time until stopped (or, with untilEmpty, until none are left). */
export async function runWorker(kb: KnowledgeBase, opts: WorkerOptions = {}): Promise<WorkerSummary> {
  const name = opts.name ?? defaultWorkerName();
  const pollMs = opts.pollMs ?? 1000;
  const leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
  const summary: WorkerSummary = { done: 0, retried: 0, failed: 0 };
  let dbErrors = 0;
  let lastReap = 0;
  while (!opts.signal?.aborted && (opts.maxJobs === undefined || summary.done + summary.retried + summary.failed < opts.maxJobs)) {
    let job: JobRow | undefined;
    try {
      if (Date.now() - lastReap > Math.min(leaseMs / 4, 60_000)) {
        await reapStaleJobs(kb, INGEST_QUEUE, leaseMs);
        lastReap = Date.now();
      }
      job = await claimJob(kb, INGEST_QUEUE, name);
      if (!job && opts.untilEmpty && (await unfinishedJobs(kb, INGEST_QUEUE)) === 0) break;
      dbErrors = 0;
    } catch (err) {
      if (++dbErrors >= MAX_DB_ERRORS) throw err;
      opts.onEvent?.({ kind: 'db-error', error: (err as Error).message });
      await sleep(pollMs * Math.min(dbErrors, 10), opts.signal);
      continue;
    }
    if (!job) {
      await sleep(pollMs, opts.signal);
      continue;
    }
    await runOne(kb, job, name, leaseMs, opts, summary);
  }
  return summary;
}

async function runOne(kb: KnowledgeBase, job: JobRow, name: string, leaseMs: number, opts: WorkerOptions, summary: WorkerSummary): Promise<void> {
  let outcome: IngestOutcome;
  // Heartbeats only fire between awaits; a long synchronous analysis is what the lease's length is for.
  const beat = setInterval(() => { heartbeat(kb, job.id, name).catch(() => undefined); }, Math.max(1000, leaseMs / 4));
  try {
    const payload = parseIngestPayload(job.payload);
    opts.onEvent?.({ kind: 'start', job, file: payload.file });
    outcome = await runIngestJob(kb, payload);
  } catch (err) {
    outcome = { file: job.key, ok: false, problem: 'internal', message: (err as Error).stack ?? String(err) };
  } finally {
    clearInterval(beat);
  }
  if (outcome.ok) {
    const { file, ok: _ok, ...result } = outcome;
    const kept = await completeJob(kb, job.id, name, { file, ...result });
    summary.done++;
    opts.onEvent?.(kept ? { kind: 'done', job, outcome } : { kind: 'lost', job });
    return;
  }
  const state = await failJob(kb, job, name, `${outcome.problem}: ${outcome.message}`, opts.retry);
  if (state === 'failed') summary.failed++;
  else summary.retried++;
  opts.onEvent?.({ kind: state === 'failed' ? 'failed' : 'retry', job, error: outcome.message });
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
