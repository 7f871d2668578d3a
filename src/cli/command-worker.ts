import { Command, InvalidArgumentError } from 'commander';
import { openQueueDatabase } from '../jobs/open-queue-database.js';
import { DEFAULT_LEASE_MS, defaultWorkerName, runWorker, type WorkerEvent } from '../jobs/run-worker.js';
import { dbOption } from './shared-options.js';

export function workerCommand(): Command {
  return new Command('worker')
    .description('take queued ingest jobs (see `diplograph enqueue`) and store the results; run any number of these, on any number of machines, against one --db')
    .addOption(dbOption())
    .option('--until-empty', 'exit once nothing is queued or running, instead of waiting for new jobs')
    .option('--name <name>', 'how this worker appears in `diplograph status` (default host:pid)')
    .option('--poll <seconds>', 'wait between looks at an empty queue', parseSeconds, 1)
    .option('--lease <seconds>', 'a job whose worker is silent this long is given to another worker', parseSeconds, DEFAULT_LEASE_MS / 1000)
    .option('--retry-delay <seconds>', 'wait before retrying a failed job (four times longer each time)', parseSeconds, 5)
    .option('--quiet', 'print only the final summary')
    .action(async (opts, cmd: Command) => {
      cmd.setOptionValue('exitCode', await runWorkerCommand(opts));
    });
}

async function runWorkerCommand(opts: { db: string; untilEmpty?: boolean; name?: string; poll: number; lease: number; retryDelay: number; quiet?: boolean }): Promise<number> {
  const kb = await openQueueDatabase(opts.db, false);
  const name = opts.name ?? defaultWorkerName();
  const stop = new AbortController();
  // First signal: finish the current job and stop; a second one ends the process at once.
  const onSignal = () => {
    if (stop.signal.aborted) process.exit(130);
    process.stderr.write(`worker ${name}: stopping after the current job\n`);
    stop.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const log = (line: string) => { if (!opts.quiet) process.stderr.write(`${line}\n`); };
  if (!opts.quiet) log(`worker ${name} on ${kb.location}${opts.untilEmpty ? ' (until the queue is empty)' : ''}`);
  try {
    const summary = await runWorker(kb, {
      name, untilEmpty: opts.untilEmpty, pollMs: opts.poll * 1000, leaseMs: opts.lease * 1000,
      retry: { retryDelayMs: opts.retryDelay * 1000 }, signal: stop.signal, onEvent: (e) => log(describe(e)),
    });
    process.stdout.write(`worker ${name}: ${summary.done} done, ${summary.retried} to retry, ${summary.failed} set aside as failed\n`);
    return summary.failed > 0 ? 1 : 0;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await kb.close();
  }
}

function describe(e: WorkerEvent): string {
  switch (e.kind) {
    case 'start': return `  job ${e.job.id} (attempt ${e.job.attempts}/${e.job.max_attempts}) ${e.file}`;
    case 'done': return `  job ${e.job.id} ${e.outcome.status} ${e.outcome.id} (${e.outcome.sentences} sentences, ${e.outcome.events} events)`;
    case 'retry': return `  job ${e.job.id} failed, will be retried: ${firstLine(e.error)}`;
    case 'failed': return `  job ${e.job.id} failed ${e.job.attempts} time(s), set aside: ${firstLine(e.error)}`;
    case 'lost': return `  job ${e.job.id} finished after its lease ran out; another worker had taken it over`;
    case 'db-error': return `  database error, will try again: ${firstLine(e.error)}`;
  }
}

const firstLine = (s: string) => s.split('\n', 1)[0] ?? '';

function parseSeconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > 86_400) throw new InvalidArgumentError('give a number of seconds above 0 (at most a day)');
  return n;
}
