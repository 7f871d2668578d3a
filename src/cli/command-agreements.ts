import { Command } from 'commander';
import { listAgreementStatus } from '../kb/queries/list-agreement-status.js';
import { findDocumentId } from '../kb/queries/list-documents.js';
import { formatRows, parseFormat } from './format-output.js';
import { openExisting } from './open-existing.js';
import { dbOption, formatOption, list, UsageError } from './shared-options.js';

export function agreementsCommand(): Command {
  return new Command('agreements')
    .description('list agreement status changes (proposed, signed, in force, suspended, resumed, discontinued, withdrawn, on hold, violated): each agreement\'s dated history')
    .addOption(dbOption())
    .addOption(formatOption())
    .option('--agreement <ids>', 'agreement entity ids, e.g. agreement:new-start (repeat or comma-separate)', list)
    .option('--status <statuses>', 'in_force, suspended, resumed, discontinued, violated, on_hold, withdrawn, signed, proposed', list)
    .option('--by <ids>', 'who changed the status, e.g. state:RUS', list)
    .option('--from <date>', 'changes dated on or after this date (YYYY, YYYY-MM, YYYY-MM-DD)')
    .option('--to <date>', 'changes dated on or before this date')
    .option('--doc <id>', 'only this document (id or prefix)')
    .option('--limit <n>', 'at most this many', '100')
    .option('--offset <n>', 'skip this many', '0')
    .action(async (opts) => {
      const format = parseFormat(opts.format);
      const kb = await openExisting(opts.db);
      try {
        const doc = opts.doc ? await findDocumentId(kb, opts.doc) : undefined;
        if (opts.doc && !doc) throw new UsageError(`no document matches "${opts.doc}"`);
        const { total, changes } = await listAgreementStatus(kb, {
          agreements: opts.agreement, statuses: opts.status, by: opts.by, from: opts.from, to: opts.to,
          docs: doc ? [doc] : undefined, limit: Number(opts.limit), offset: Number(opts.offset),
        });
        if (format === 'table') {
          process.stdout.write(formatRows(changes.map((c) => ({
            agreement: c.name ?? c.agreement, date: c.date?.value ?? '', status: (c.negated ? 'not ' : '') + c.status,
            by: c.by.join(' '), modality: c.modality === 'asserted' ? '' : c.modality, evidence: c.evidence.text,
          })), 'table'));
          process.stdout.write(`${changes.length} of ${total} status change(s)\n`);
        } else {
          const rows = format === 'csv'
            ? changes.map((c) => ({ ...c, by: c.by.join(' '), date: c.date?.value ?? '', date_start: c.date?.start ?? '', date_end: c.date?.end ?? '', evidence_start: c.evidence.start, evidence_end: c.evidence.end, evidence: c.evidence.text }))
            : changes;
          process.stdout.write(formatRows(rows as unknown as Array<Record<string, unknown>>, format));
        }
      } finally {
        await kb.close();
      }
    });
}
