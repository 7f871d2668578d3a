import type { KnowledgeBase } from '../kb/open-knowledge-base.js';
import { jobsDb, type JobState } from './job-queue.js';

/** Throughput is measured over jobs finished this recently, so the ETA follows the current pace. */
export const RATE_WINDOW_MS = 10 * 60_000;

export interface FinishedRun { bytes: number; startedAt: number; finishedAt: number }

export interface Estimate {
  /** Bytes per second over the window, all workers together; null before anything has finished. */
  bytesPerSecond: number | null;
  /** Seconds until the queued and running bytes are done at that pace; 0 when nothing is left. */
  etaSeconds: number | null;
}

/**
 * Pace and time left from recently finished jobs: the bytes they covered divided by the time
 * since the earliest of them started (capped at the window). Work spread over many workers is
 * counted once, so the pace is the whole fleet's.
 */
export function estimate(remainingBytes: number, recent: FinishedRun[], now: number, windowMs = RATE_WINDOW_MS): Estimate {
  const inWindow = recent.filter((r) => r.finishedAt >= now - windowMs && r.finishedAt <= now);
  if (inWindow.length === 0) return { bytesPerSecond: null, etaSeconds: remainingBytes === 0 ? 0 : null };
  const since = Math.max(now - windowMs, Math.min(...inWindow.map((r) => r.startedAt)));
  const seconds = Math.max(1, now - since) / 1000;
  const bytes = inWindow.reduce((n, r) => n + r.bytes, 0);
  const bytesPerSecond = bytes / seconds;
  return { bytesPerSecond, etaSeconds: remainingBytes === 0 ? 0 : bytesPerSecond > 0 ? remainingBytes / bytesPerSecond : null };
}

export interface QueueStatus {
  queue: string;
  jobs: Record<JobState, number> & { total: number };
  bytes: Record<JobState, number> & { total: number };
  /** Share of the bytes that are done (failed ones count as not done). */
  percentDone: number;
  bytesPerSecond: number | null;
  etaSeconds: number | null;
  /** When the remaining work should be finished, ISO time; null when unknown. */
  finishesAt: string | null;
  running: Array<{ id: number; worker: string | null; file: string; startedAt: string | null; heartbeatAt: string | null; attempts: number }>;
  failed: Array<{ id: number; file: string; attempts: number; error: string | null; finishedAt: string | null }>;
  /** Queued jobs waiting out a retry delay after a failed attempt. */
  retrying: Array<{ id: number; file: string; attempts: number; runAfter: string; error: string | null }>;
}

const fileOf = (payload: string): string => {
  try { return String((JSON.parse(payload) as { file?: unknown }).file ?? payload); } catch { return payload; }
};

/** Where a queue stands: counts and bytes by state, running and failed jobs, pace and ETA. */
export async function queueStatus(kb: KnowledgeBase, queue: string, now = Date.now()): Promise<QueueStatus> {
  const db = jobsDb(kb);
  const groups = await db.selectFrom('jobs')
    .select(['state', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('bytes').as('bytes')])
    .where('queue', '=', queue).groupBy('state').execute();
  const jobs = { queued: 0, running: 0, done: 0, failed: 0, total: 0 };
  const bytes = { queued: 0, running: 0, done: 0, failed: 0, total: 0 };
  for (const g of groups) {
    jobs[g.state] = Number(g.n);
    bytes[g.state] = Number(g.bytes ?? 0);
    jobs.total += Number(g.n);
    bytes.total += Number(g.bytes ?? 0);
  }
  const windowStart = new Date(now - RATE_WINDOW_MS).toISOString();
  const [recent, running, failed, retrying] = await Promise.all([
    db.selectFrom('jobs').select(['bytes', 'started_at', 'finished_at'])
      .where('queue', '=', queue).where('state', '=', 'done').where('finished_at', '>=', windowStart).execute(),
    db.selectFrom('jobs').select(['id', 'worker', 'payload', 'started_at', 'heartbeat_at', 'attempts'])
      .where('queue', '=', queue).where('state', '=', 'running').orderBy('id').execute(),
    db.selectFrom('jobs').select(['id', 'payload', 'attempts', 'error', 'finished_at'])
      .where('queue', '=', queue).where('state', '=', 'failed').orderBy('id').limit(100).execute(),
    db.selectFrom('jobs').select(['id', 'payload', 'attempts', 'run_after', 'error'])
      .where('queue', '=', queue).where('state', '=', 'queued').where('attempts', '>', 0).orderBy('id').limit(100).execute(),
  ]);
  const runs = recent.map((r) => ({ bytes: Number(r.bytes), startedAt: Date.parse(r.started_at ?? ''), finishedAt: Date.parse(r.finished_at ?? '') }))
    .filter((r) => Number.isFinite(r.startedAt) && Number.isFinite(r.finishedAt));
  const est = estimate(bytes.queued + bytes.running, runs, now);
  return {
    queue, jobs, bytes,
    percentDone: bytes.total ? Math.round((1000 * bytes.done) / bytes.total) / 10 : 100,
    ...est,
    finishesAt: est.etaSeconds === null ? null : new Date(now + est.etaSeconds * 1000).toISOString(),
    running: running.map((r) => ({ id: r.id, worker: r.worker, file: fileOf(r.payload), startedAt: r.started_at, heartbeatAt: r.heartbeat_at, attempts: r.attempts })),
    failed: failed.map((r) => ({ id: r.id, file: fileOf(r.payload), attempts: r.attempts, error: r.error, finishedAt: r.finished_at })),
    retrying: retrying.map((r) => ({ id: r.id, file: fileOf(r.payload), attempts: r.attempts, runAfter: r.run_after, error: r.error })),
  };
}

export function emptyQueueStatus(queue: string): QueueStatus {
  const zero = { queued: 0, running: 0, done: 0, failed: 0, total: 0 };
  return { queue, jobs: { ...zero }, bytes: { ...zero }, percentDone: 100, bytesPerSecond: null, etaSeconds: 0, finishesAt: null, running: [], failed: [], retrying: [] };
}
