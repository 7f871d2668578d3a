import { Command, InvalidArgumentError } from 'commander';
import { expandInputs } from '../pipeline/expand-inputs.js';
import { enqueueJobs, retryFailedJobs } from '../jobs/job-queue.js';
import { INGEST_QUEUE, ingestJobsFor } from '../jobs/ingest-jobs.js';
import { openQueueDatabase } from '../jobs/open-queue-database.js';
import { dbOption, dctOption, periodOption, UsageError } from './shared-options.js';

export function enqueueCommand(): Command {
  return new Command('enqueue')
    .description('queue files for ingestion by `diplograph worker` processes on this or other machines (share one --db, usually postgres://...)')
    .argument('[paths...]', 'files, directories or globs; each path must be readable by every worker (a shared mount)')
    .addOption(dbOption())
    .addOption(periodOption())
    .addOption(dctOption())
    .option('--attempts <n>', 'runs before a failing job is set aside', parseAttempts, 3)
    .option('--retry-failed', 'put the jobs that were set aside back in the queue')
    .option('--json', 'print the summary as JSON')
    .action(async (paths: string[], opts, cmd: Command) => {
      cmd.setOptionValue('exitCode', await runEnqueue(paths, opts));
    });
}

async function runEnqueue(paths: string[], opts: { db: string; period?: string; dct?: string; attempts: number; retryFailed?: boolean; json?: boolean }): Promise<number> {
  if (paths.length === 0 && !opts.retryFailed) throw new UsageError('give files, directories or globs to queue, or --retry-failed');
  const { files, problems } = paths.length ? await expandInputs(paths) : { files: [], problems: [] };
  const { jobs, problems: unreadable } = await ingestJobsFor(files, { period: opts.period, dct: opts.dct });
  const messages = [...problems.map((p) => p.message), ...unreadable];
  for (const m of messages) process.stderr.write(`diplograph: ${m}\n`);
  const kb = await openQueueDatabase(opts.db, false);
  try {
    const retried = opts.retryFailed ? await retryFailedJobs(kb, INGEST_QUEUE) : 0;
    const added = await enqueueJobs(kb, INGEST_QUEUE, jobs, { maxAttempts: opts.attempts });
    const summary = { db: kb.location, files: jobs.length, added, alreadyQueued: jobs.length - added, retried, problems: messages };
    if (opts.json) process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
    else {
      process.stdout.write(`${added} job(s) added, ${jobs.length - added} already queued or done${opts.retryFailed ? `, ${retried} failed job(s) queued again` : ''} → ${kb.location}\n`);
      if (added + retried > 0) process.stdout.write('start workers with `diplograph worker` (any number, on any machine that sees the files) and follow them with `diplograph status`\n');
    }
  } finally {
    await kb.close();
  }
  return messages.length > 0 ? 1 : 0;
}

function parseAttempts(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new InvalidArgumentError('give a whole number of attempts from 1 to 100');
  return n;
}
