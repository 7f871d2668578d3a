import type { Command } from 'commander';

type CommandFactory = () => Command;

/**
 * Every subcommand by name, each behind a dynamic import: a call such as `diplograph worker` loads the
 * code of that command only (all of them together cost about half a second of CPU at every start, paid
 * by each worker process and each scripted call). Order is the order of `diplograph --help`.
 */
export const COMMAND_LOADERS: ReadonlyArray<readonly [string, () => Promise<CommandFactory>]> = [
  ['ingest', async () => (await import('./command-ingest.js')).ingestCommand],
  ['extract', async () => (await import('./command-extract.js')).extractCommand],
  ['documents', async () => (await import('./command-documents.js')).documentsCommand],
  ['entities', async () => (await import('./command-entities.js')).entitiesCommand],
  ['events', async () => (await import('./command-events.js')).eventsCommand],
  ['stances', async () => (await import('./command-stances.js')).stancesCommand],
  ['agreements', async () => (await import('./command-agreements.js')).agreementsCommand],
  ['figures', async () => (await import('./command-figures.js')).figuresCommand],
  ['export', async () => (await import('./command-export.js')).exportCommand],
  ['import', async () => (await import('./command-import.js')).importCommand],
  ['serve', async () => (await import('./command-serve.js')).serveCommand],
  ['start', async () => (await import('./command-start.js')).startCommand],
  ['ask', async () => (await import('./command-ask.js')).askCommand],
  ['enqueue', async () => (await import('./command-enqueue.js')).enqueueCommand],
  ['worker', async () => (await import('./command-worker.js')).workerCommand],
  ['status', async () => (await import('./command-status.js')).statusCommand],
  ['compare', async () => (await import('./command-compare.js')).compareCommand],
  ['merges', async () => (await import('./command-merges.js')).mergesCommand],
  ['corpus', async () => (await import('./command-corpus.js')).corpusCommand],
];

/**
 * The factories of the commands a command line needs: the one it names first, or every command when it
 * names none we know (help, a typo that commander should answer with the list and a suggestion).
 */
export async function loadCommands(argv: readonly string[]): Promise<CommandFactory[]> {
  const first = argv.find((a) => !a.startsWith('-'));
  const named = COMMAND_LOADERS.find(([name]) => name === first);
  const chosen = named ? [named] : COMMAND_LOADERS;
  return Promise.all(chosen.map(([, load]) => load()));
}
