import { Command } from 'commander';
import { listDocuments } from '../kb/queries/list-documents.js';
import { formatRows, parseFormat } from './format-output.js';
import { openExisting } from './open-existing.js';
import { dbOption, formatOption } from './shared-options.js';

export function documentsCommand(): Command {
  return new Command('documents')
    .description('list the documents in the knowledge base')
    .addOption(dbOption())
    .addOption(formatOption())
    .action(async (opts) => {
      const format = parseFormat(opts.format);
      const kb = await openExisting(opts.db);
      try {
        const rows = await listDocuments(kb);
        const shown = format === 'table'
          ? rows.map((r) => ({ id: r.id, title: r.title, source: r.source, period: `${r.period_start}..${r.period_end}`, sentences: r.sentences, events: r.events, messages: r.messages }))
          : rows;
        process.stdout.write(formatRows(shown as Array<Record<string, unknown>>, format));
      } finally {
        await kb.close();
      }
    });
}
