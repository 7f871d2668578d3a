import { Command, InvalidArgumentError } from 'commander';
import { openKnowledgeBase } from '../kb/open-knowledge-base.js';
import { expandInputs } from '../pipeline/expand-inputs.js';
import type { IngestOutcome } from '../pipeline/ingest.js';
import { defaultThreads, ingestFilesParallel } from '../pipeline/parallel-ingest.js';
import { createProgress } from './progress.js';
import { dbOption, dctOption, periodOption } from './shared-options.js';

export function ingestCommand(): Command {
  return new Command('ingest')
    .description('read, analyse and store reports (txt, html, md, pdf, docx) in the knowledge base')
    .argument('<paths...>', 'files, directories or globs (quote globs: "reports/*.pdf")')
    .addOption(dbOption())
    .addOption(periodOption())
    .addOption(dctOption())
    .option('--threads <n>', 'worker threads that read and analyse (default: the available cores)', parseThreads)
    .option('--quiet', 'no progress output')
    .option('--json', 'print the summary as JSON')
    .action(async (paths: string[], opts, cmd: Command) => {
      cmd.setOptionValue('exitCode', await runIngest(paths, opts));
    });
}

export async function runIngest(paths: string[], opts: { db: string; period?: string; dct?: string; quiet?: boolean; json?: boolean; threads?: number }): Promise<number> {
  const { files, problems } = await expandInputs(paths);
  for (const p of problems) process.stderr.write(`diplograph: ${p.message}\n`);
  if (files.length === 0) {
    process.stderr.write('diplograph: nothing to ingest\n');
    // Scripts asking for JSON get it even when nothing was found.
    if (opts.json) process.stdout.write(JSON.stringify({ db: opts.db, outcomes: [], problems }, null, 2) + '\n');
    return 1;
  }
  const kb = await openKnowledgeBase(opts.db);
  const progress = createProgress(!opts.quiet && !opts.json);
  progress.start(files.length);
  let outcomes: IngestOutcome[];
  try {
    outcomes = await ingestFilesParallel(kb, files, {
      threads: opts.threads ?? defaultThreads(),
      period: { period: opts.period, dct: opts.dct },
      onFileStart: (file, i) => progress.update(i, file),
      onFileDone: (_o, i) => progress.update(i + 1, ''),
    });
  } finally {
    progress.stop();
    await kb.close();
  }
  const failed = outcomes.filter((o) => !o.ok);
  if (opts.json) {
    process.stdout.write(JSON.stringify({ db: opts.db, outcomes, problems }, null, 2) + '\n');
  } else {
    for (const o of outcomes) {
      if (o.ok) {
        process.stdout.write(`${o.status.padEnd(9)} ${o.id}  ${o.file}  (${o.sentences} sentences, ${o.mentions} mentions, ${o.events} events, ${o.messages} messages)\n`);
      } else {
        process.stderr.write(`failed    ${o.message}\n`);
      }
    }
    const count = (s: string) => outcomes.filter((o) => o.ok && o.status === s).length;
    process.stdout.write(`\n${outcomes.length} file(s): ${count('added')} added, ${count('replaced')} replaced, ${count('unchanged')} unchanged, ${failed.length} failed → ${opts.db}\n`);
    if (failed.length) process.stdout.write(`failed: ${failed.map((f) => f.file).join(', ')}\n`);
  }
  return failed.length > 0 || problems.length > 0 ? 1 : 0;
}

function parseThreads(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new InvalidArgumentError('give a whole number of threads from 1 to 256');
  return n;
}
