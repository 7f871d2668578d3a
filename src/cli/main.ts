import { Command, CommanderError } from 'commander';
import { loadCommands } from './command-registry.js';
import { ReadError } from '../read/read-error.js';
import { UsageError } from './shared-options.js';

/** The program with the commands `argv` needs (all of them when `argv` is left out). */
export async function buildProgram(argv: readonly string[] = []): Promise<Command> {
  const program = new Command('diplograph')
    .description('Reads diplomatic and foreign-policy reports into a knowledge base where every fact cites its sentence.')
    .version('0.1.0')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();
  for (const makeCommand of await loadCommands(argv)) {
    program.addCommand(makeCommand().exitOverride().showHelpAfterError('(add --help for usage)'));
  }
  return program;
}

/** Run the CLI; returns the exit code (0 ok, 1 some input failed, 2 usage or fatal error). */
export async function main(argv: string[]): Promise<number> {
  const program = await buildProgram(argv);
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
