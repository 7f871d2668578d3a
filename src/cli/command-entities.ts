import { Command } from 'commander';
import { listEntities } from '../kb/queries/list-entities.js';
import { findDocumentId } from '../kb/queries/list-documents.js';
import { formatRows, parseFormat } from './format-output.js';
import { openExisting } from './open-existing.js';
import { dbOption, formatOption, UsageError } from './shared-options.js';

export function entitiesCommand(): Command {
  return new Command('entities')
    .description('list entities with their number of mentions and documents')
    .addOption(dbOption())
    .addOption(formatOption())
    .option('--kind <kind>', 'state, person, organization, bloc, agreement, place or other')
    .option('--doc <id>', 'only entities mentioned in this document (id or prefix)')
    .option('-q, --query <text>', 'name or alias contains this text')
    .option('--limit <n>', 'at most this many', '200')
    .action(async (opts) => {
      const format = parseFormat(opts.format);
      const kb = await openExisting(opts.db);
      try {
        const doc = opts.doc ? await findDocumentId(kb, opts.doc) : undefined;
        if (opts.doc && !doc) throw new UsageError(`no document matches "${opts.doc}"`);
        const rows = await listEntities(kb, { kind: opts.kind, doc, q: opts.query, limit: Number(opts.limit) });
        const shown = format === 'table'
          ? rows.map((r) => ({ id: r.id, kind: r.kind, name: r.name, country: r.country, sector: r.sector, mentions: r.mentions, documents: r.documents }))
          : rows;
        process.stdout.write(formatRows(shown as Array<Record<string, unknown>>, format));
      } finally {
        await kb.close();
      }
    });
}
