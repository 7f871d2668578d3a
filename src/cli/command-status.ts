import { Command } from 'commander';
import { INGEST_QUEUE } from '../jobs/ingest-jobs.js';
import { openQueueDatabase, QueueDatabaseMissing } from '../jobs/open-queue-database.js';
import { queueStatus, type QueueStatus } from '../jobs/queue-status.js';
import { dbOption, UsageError } from './shared-options.js';

export function statusCommand(): Command {
  return new Command('status')
    .description('progress of the ingest queue: jobs by state, running and failed jobs, pace and estimated time left')
    .addOption(dbOption())
    .option('--json', 'print the status as JSON')
    .action(async (opts: { db: string; json?: boolean }) => {
      const kb = await openQueueDatabase(opts.db, true).catch((err) => {
        throw err instanceof QueueDatabaseMissing ? new UsageError(err.message) : err;
      });
      try {
        const status = await queueStatus(kb, INGEST_QUEUE);
        process.stdout.write(opts.json ? JSON.stringify({ db: kb.location, ...status }, null, 2) + '\n' : formatStatus(status, kb.location));
      } finally {
        await kb.close();
      }
    });
}

export function formatStatus(s: QueueStatus, location: string): string {
  const lines = [`queue ${s.queue} in ${location}`];
  if (s.jobs.total === 0) return lines.concat('no jobs; add some with `diplograph enqueue <paths>`').join('\n') + '\n';
  lines.push(`jobs: ${s.jobs.total} — ${s.jobs.done} done, ${s.jobs.running} running, ${s.jobs.queued} queued, ${s.jobs.failed} failed (set aside)`);
  const pace = s.bytesPerSecond === null ? 'pace not known yet' : `${formatBytes(s.bytesPerSecond)}/s over the last 10 min`;
  const eta = s.etaSeconds === null ? '' : s.etaSeconds === 0 ? '; nothing left to do' : `; about ${formatDuration(s.etaSeconds)} left (done near ${s.finishesAt?.slice(11, 16)} UTC)`;
  lines.push(`progress: ${s.percentDone}% of ${formatBytes(s.bytes.total)}; ${pace}${eta}`);
  for (const r of s.running) lines.push(`  running  #${r.id} on ${r.worker ?? '?'} since ${r.startedAt ?? '?'}: ${r.file}`);
  for (const r of s.retrying) lines.push(`  retrying #${r.id} after ${r.attempts} attempt(s), from ${r.runAfter}: ${r.file}: ${firstLine(r.error)}`);
  for (const f of s.failed) lines.push(`  failed   #${f.id} after ${f.attempts} attempt(s): ${f.file}: ${firstLine(f.error)}`);
  if (s.failed.length) lines.push('fix the cause, then `diplograph enqueue --retry-failed` puts them back in the queue');
  return lines.join('\n') + '\n';
}

const firstLine = (s: string | null) => (s ?? '').split('\n', 1)[0] ?? '';

export function formatBytes(n: number): string {
  if (n < 1024) return `${Math.round(n)} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} kB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}

export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}
