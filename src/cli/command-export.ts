import { Command } from 'commander';
import { exportJson } from '../export/export-json.js';
import { writeCsvFolder } from '../export/export-csv.js';
import { openExisting } from './open-existing.js';
import { dbOption, list, UsageError } from './shared-options.js';

export function exportCommand(): Command {
  return new Command('export')
    .description('export the knowledge base: json (the contract of DESIGN.md) or csv (one file per table)')
    .addOption(dbOption())
    .option('--format <format>', 'json or csv', 'json')
    .option('--out <path>', 'file (json) or folder (csv); json defaults to stdout, csv to ./diplograph-export')
    .option('--doc <ids>', 'only these documents', list)
    .option('--actor <ids>', 'only events with these actors', list)
    .option('--type <types>', 'only events of these PLOVER types', list)
    .option('--from <date>', 'only events ending on or after this date')
    .option('--to <date>', 'only events starting on or before this date')
    .action(async (opts) => {
      if (!['json', 'csv'].includes(opts.format)) throw new UsageError(`--format must be json or csv, not "${opts.format}"`);
      const kb = await openExisting(opts.db);
      try {
        const data = await exportJson(kb, { docs: opts.doc, actors: opts.actor, types: opts.type, from: opts.from, to: opts.to });
        if (opts.format === 'csv') {
          const files = writeCsvFolder(data, opts.out ?? 'diplograph-export');
          process.stderr.write(`wrote ${files.length} files: ${files.join(', ')}\n`);
        } else if (opts.out) {
          const { writeFileSync } = await import('node:fs');
          writeFileSync(opts.out, JSON.stringify(data, null, 2) + '\n');
          process.stderr.write(`wrote ${opts.out}\n`);
        } else {
          process.stdout.write(JSON.stringify(data, null, 2) + '\n');
        }
      } finally {
        await kb.close();
      }
    });
}
