import { Command, CommanderError } from 'commander';
import { ingestCommand } from './command-ingest.js';
import { extractCommand } from './command-extract.js';
import { documentsCommand } from './command-documents.js';
import { entitiesCommand } from './command-entities.js';
import { eventsCommand } from './command-events.js';
import { stancesCommand } from './command-stances.js';
import { agreementsCommand } from './command-agreements.js';
import { figuresCommand } from './command-figures.js';
import { exportCommand } from './command-export.js';
import { importCommand } from './command-import.js';
import { serveCommand } from './command-serve.js';
import { startCommand } from './command-start.js';
import { compareCommand } from './command-compare.js';
import { mergesCommand } from './command-merges.js';
import { corpusCommand } from './command-corpus.js';
import { askCommand } from './command-ask.js';
import { workerCommand } from './command-worker.js';
import { statusCommand } from './command-status.js';
import { enqueueCommand } from './command-enqueue.js';
import { ReadError } from '../read/read-error.js';
import { UsageError } from './shared-options.js';

export function buildProgram(): Command {
  const program = new Command('diplograph')
    .description('Reads diplomatic and foreign-policy reports into a knowledge base where every fact cites its sentence.')
    .version('0.1.0')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();
  for (const cmd of [ingestCommand(), extractCommand(), documentsCommand(), entitiesCommand(), eventsCommand(), stancesCommand(), agreementsCommand(), figuresCommand(), exportCommand(), importCommand(), serveCommand(), startCommand(), askCommand(), enqueueCommand(), workerCommand(), statusCommand(), compareCommand(), mergesCommand(), corpusCommand()]) {
    program.addCommand(cmd.exitOverride().showHelpAfterError('(add --help for usage)'));
  }
  return program;
}

/** Run the CLI; returns the exit code (0 ok, 1 some input failed, 2 usage or fatal error). */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (err instanceof ReadError) {
      process.stderr.write(`diplograph: ${err.message}\n`);
      return 1;
    }
    if (err instanceof UsageError || err instanceof RangeError) {
      process.stderr.write(`diplograph: ${err.message}\n`);
      return 2;
    }
    process.stderr.write(`diplograph: ${(err as Error).stack ?? String(err)}\n`);
    return 2;
  }
  const sub = program.commands.find((c) => c.getOptionValue('exitCode') !== undefined);
  return (sub?.getOptionValue('exitCode') as number | undefined) ?? 0;
}
