import { sql, type Generated, type Kysely, type Selectable, type UpdateQueryBuilder, type UpdateResult } from 'kysely';
import type { KnowledgeBase } from '../kb/open-knowledge-base.js';

/** The `jobs` table of migration 004 (kept here, beside the only code that uses it). */
export interface JobsTable {
  id: Generated<number>;
  queue: string;
  key: string;
  payload: string;
  bytes: number;
  state: JobState;
  attempts: Generated<number>;
  max_attempts: number;
  run_after: string;
  enqueued_at: string;
  started_at: string | null;
  heartbeat_at: string | null;
  finished_at: string | null;
  worker: string | null;
  error: string | null;
  result: string | null;
}

/** queued -> running -> done; or running -> queued again (a retry) -> ... -> failed (set aside, kept with its error). */
export type JobState = 'queued' | 'running' | 'done' | 'failed';
export type JobRow = Selectable<JobsTable>;

export interface NewJob {
  key: string;
  payload: unknown;
  bytes: number;
}

export interface RetryPolicy {
  /** Runs before a job is set aside as failed (default 3). */
  maxAttempts: number;
  /** Wait before the first retry; each further retry waits four times longer, capped at ten minutes. */
  retryDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 3, retryDelayMs: 5_000 };
const MAX_RETRY_DELAY_MS = 10 * 60_000;

export function jobsDb(kb: KnowledgeBase): JobsDb {
  return kb.db.withTables<{ jobs: JobsTable }>() as unknown as JobsDb;
}

const iso = (t: number) => new Date(t).toISOString();

type JobsDb = Kysely<{ jobs: JobsTable }>;

/**
 * An UPDATE of a worker's own bookkeeping (claim, heartbeat, done, failed). On PostgreSQL it
 * commits without waiting for the WAL to reach the disk: the statement joins a one-row CTE that
 * sets synchronous_commit off for its own transaction (set_config with is_local), in the same
 * round trip. Each such wait cost a worker about as much as storing a small document, twice per
 * job. Safe because the WAL is replayed in order: a server crash can lose only the latest
 * bookkeeping, never a document stored (synchronously) after it, and a lost claim or done mark
 * only sends the job through its lease to another run, which finds its document stored. Inside
 * a caller's transaction the setting would last to its end, so the statement is left plain
 * there. SQLite's WAL mode with synchronous=NORMAL already commits without a flush.
 */
function bookkeepingUpdate(kb: KnowledgeBase): UpdateQueryBuilder<{ jobs: JobsTable }, 'jobs', 'jobs', UpdateResult> {
  const db = jobsDb(kb);
  if (kb.dialect !== 'postgres' || kb.db.isTransaction) return db.updateTable('jobs');
  return db.with('async_commit', (qb) => qb.selectNoFrom(sql<string>`set_config('synchronous_commit', 'off', true)`.as('setting')))
    .updateTable('jobs').from('async_commit') as unknown as UpdateQueryBuilder<{ jobs: JobsTable }, 'jobs', 'jobs', UpdateResult>;
}

/**
 * Add jobs; a job whose key is already in the queue (in any state) is left alone, so enqueueing a
 * folder again adds only what is new or changed. Returns how many were added.
 */
export async function enqueueJobs(kb: KnowledgeBase, queue: string, jobs: NewJob[], policy: Partial<RetryPolicy> = {}, now = Date.now()): Promise<number> {
  const db = jobsDb(kb);
  let added = 0;
  for (let i = 0; i < jobs.length; i += 200) {
    const rows = jobs.slice(i, i + 200).map((j) => ({
      queue, key: j.key, payload: JSON.stringify(j.payload), bytes: j.bytes, state: 'queued' as const,
      max_attempts: policy.maxAttempts ?? DEFAULT_RETRY.maxAttempts, run_after: iso(now), enqueued_at: iso(now),
      started_at: null, heartbeat_at: null, finished_at: null, worker: null, error: null, result: null,
    }));
    const inserted = await db.insertInto('jobs').values(rows)
      .onConflict((oc) => oc.columns(['queue', 'key']).doNothing())
      .returning('id').execute();
    added += inserted.length;
  }
  return added;
}

/**
 * Take the oldest job that is ready, marking it running for `worker`. On PostgreSQL the candidate
 * row is locked with SKIP LOCKED so any number of workers claim different jobs without waiting on
 * each other; on SQLite the single UPDATE statement already holds the database's write lock.
 */
export async function claimJob(kb: KnowledgeBase, queue: string, worker: string, now = Date.now()): Promise<JobRow | undefined> {
  const at = iso(now);
  const claim = bookkeepingUpdate(kb)
    .set((eb) => ({ state: 'running', attempts: eb('attempts', '+', 1), worker, started_at: at, heartbeat_at: at, finished_at: null }))
    .where('id', '=', (eb) => eb.selectFrom('jobs').select('id')
      .where('queue', '=', queue).where('state', '=', 'queued').where('run_after', '<=', at)
      .orderBy('id').limit(1)
      .$if(kb.dialect === 'postgres', (q) => q.forUpdate().skipLocked()))
    .where('state', '=', 'queued');
  // The jobs row only: on PostgreSQL the statement also reads the setting's CTE (SQLite knows no `jobs.*` there).
  return (kb.dialect === 'postgres' ? claim.returningAll('jobs') : claim.returningAll()).executeTakeFirst();
}

/** A running job's worker is alive; false when the job is no longer this worker's (it was reclaimed). */
export async function heartbeat(kb: KnowledgeBase, id: number, worker: string, now = Date.now()): Promise<boolean> {
  const r = await bookkeepingUpdate(kb).set({ heartbeat_at: iso(now) })
    .where('id', '=', id).where('worker', '=', worker).where('state', '=', 'running').executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function completeJob(kb: KnowledgeBase, id: number, worker: string, result: unknown, now = Date.now()): Promise<boolean> {
  const r = await bookkeepingUpdate(kb)
    .set({ state: 'done', finished_at: iso(now), heartbeat_at: iso(now), result: JSON.stringify(result), error: null })
    .where('id', '=', id).where('worker', '=', worker).where('state', '=', 'running').executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Delay before retry number `attempt` (1 = the first retry). */
export function retryDelay(attempt: number, baseMs: number): number {
  return Math.min(MAX_RETRY_DELAY_MS, baseMs * 4 ** Math.max(0, attempt - 1));
}

/**
 * Record a failed run: the job goes back to the queue after a growing delay, or, once its
 * attempts are used up, is set aside as failed with the error (never deleted).
 */
export async function failJob(kb: KnowledgeBase, job: JobRow, worker: string, error: string, policy: Partial<RetryPolicy> = {}, now = Date.now()): Promise<JobState> {
  const last = job.attempts >= job.max_attempts;
  const state: JobState = last ? 'failed' : 'queued';
  await bookkeepingUpdate(kb)
    .set({
      state, error, finished_at: last ? iso(now) : null,
      run_after: iso(now + (last ? 0 : retryDelay(job.attempts, policy.retryDelayMs ?? DEFAULT_RETRY.retryDelayMs))),
    })
    .where('id', '=', job.id).where('worker', '=', worker).where('state', '=', 'running').execute();
  return state;
}

/**
 * Jobs whose worker stopped sending heartbeats (killed, machine gone) go back to the queue, or
 * are set aside when that was their last attempt. Any worker may run this; it is idempotent.
 */
export async function reapStaleJobs(kb: KnowledgeBase, queue: string, leaseMs: number, now = Date.now()): Promise<number> {
  const staleBefore = iso(now - leaseMs);
  const db = jobsDb(kb);
  const stale = await db.selectFrom('jobs').select(['id', 'attempts', 'max_attempts', 'worker', 'heartbeat_at'])
    .where('queue', '=', queue).where('state', '=', 'running').where('heartbeat_at', '<', staleBefore).execute();
  let reaped = 0;
  for (const job of stale) {
    const last = job.attempts >= job.max_attempts;
    const r = await db.updateTable('jobs')
      .set({
        state: last ? 'failed' : 'queued', run_after: iso(now), finished_at: last ? iso(now) : null,
        error: `worker ${job.worker ?? '?'} stopped responding (last heartbeat ${job.heartbeat_at ?? '?'})`,
      })
      // The same conditions again: another worker may have reaped it, or its worker came back.
      .where('id', '=', job.id).where('state', '=', 'running').where('heartbeat_at', '<', staleBefore)
      .executeTakeFirst();
    reaped += Number(r.numUpdatedRows);
  }
  return reaped;
}

/** Put failed jobs back in the queue with fresh attempts (after the cause was fixed). */
export async function retryFailedJobs(kb: KnowledgeBase, queue: string, now = Date.now()): Promise<number> {
  const r = await jobsDb(kb).updateTable('jobs')
    .set({ state: 'queued', attempts: 0, run_after: iso(now), finished_at: null, worker: null })
    .where('queue', '=', queue).where('state', '=', 'failed').executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Jobs that are queued or running: what a worker started with --until-empty waits for. */
export async function unfinishedJobs(kb: KnowledgeBase, queue: string): Promise<number> {
  const row = await jobsDb(kb).selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('queue', '=', queue).where('state', 'in', ['queued', 'running']).executeTakeFirst();
  return Number(row?.n ?? 0);
}
