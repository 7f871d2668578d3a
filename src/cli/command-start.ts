import { Command } from 'commander';
import { fileURLToPath } from 'node:url';
import { runIngest } from './command-ingest.js';
import { serve } from './command-serve.js';
import { dbOption } from './shared-options.js';

const SAMPLES = fileURLToPath(new URL('../../samples/', import.meta.url));

export function startCommand(): Command {
  return new Command('start')
    .description('the main job: ingest the bundled samples/ and serve the explorer (what `npm start` runs)')
    .addOption(dbOption())
    .option('--host <host>', 'interface to bind', '127.0.0.1')
    .option('--port <port>', 'port (or PORT)', process.env.PORT ?? '8080')
    .action(async (opts) => {
      const failed = await runIngest([SAMPLES], { db: opts.db });
      if (failed) process.stderr.write('diplograph: some samples failed to ingest; serving what is there\n');
      await serve(opts);
    });
}
