import { Command } from 'commander';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runIngest } from './command-ingest.js';
import { serve } from './command-serve.js';
import { dbOption } from './shared-options.js';

const SAMPLES = fileURLToPath(new URL('../../samples/', import.meta.url));

/** The bundled reports, without the folder's own notes (NOTICE, README, LICENSE), which are not reports. */
export function sampleFiles(folder = SAMPLES): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((e) => e.isFile() && !/^(notice|readme|license|copying)(\.|$)/i.test(e.name))
    .map((e) => path.join(folder, e.name))
    .sort();
}

export function startCommand(): Command {
  return new Command('start')
    .description('the main job: ingest the bundled samples/ and serve the explorer (what `npm start` runs)')
    .addOption(dbOption())
    .option('--host <host>', 'interface to bind', '127.0.0.1')
    .option('--port <port>', 'port (or PORT)', process.env.PORT ?? '8080')
    .action(async (opts) => {
      const failed = await runIngest(sampleFiles(), { db: opts.db });
      if (failed) process.stderr.write('diplograph: some samples failed to ingest; serving what is there\n');
      await serve(opts);
    });
}
