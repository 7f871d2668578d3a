import { Command } from 'commander';
import { listEvents } from '../kb/queries/list-events.js';
import { findDocumentId } from '../kb/queries/list-documents.js';
import { formatRows, parseFormat } from './format-output.js';
import { openExisting } from './open-existing.js';
import { dbOption, formatOption, list, UsageError } from './shared-options.js';

export function eventsCommand(): Command {
  return new Command('events')
    .description('list events, filtered by actor, recipient, type, date range or document')
    .addOption(dbOption())
    .addOption(formatOption())
    .option('--actor <ids>', 'actor entity ids, e.g. state:RUS (repeat or comma-separate)', list)
    .option('--recipient <ids>', 'recipient entity ids', list)
    .option('--type <types>', 'PLOVER types, e.g. SANCTION,ACCUSE', list)
    .option('--from <date>', 'events ending on or after this date (YYYY, YYYY-MM, YYYY-MM-DD)')
    .option('--to <date>', 'events starting on or before this date')
    .option('--doc <id>', 'only this document (id or prefix)')
    .option('--negated', 'only negated events')
    .option('--limit <n>', 'at most this many', '100')
    .option('--offset <n>', 'skip this many', '0')
    .action(async (opts) => {
      const format = parseFormat(opts.format);
      const kb = await openExisting(opts.db);
      try {
        const doc = opts.doc ? await findDocumentId(kb, opts.doc) : undefined;
        if (opts.doc && !doc) throw new UsageError(`no document matches "${opts.doc}"`);
        const { total, totalExact, events } = await listEvents(kb, {
          actors: opts.actor, recipients: opts.recipient, types: opts.type, from: opts.from, to: opts.to,
          docs: doc ? [doc] : undefined, negated: opts.negated ? true : undefined,
          limit: Number(opts.limit), offset: Number(opts.offset),
        });
        if (format === 'table') {
          process.stdout.write(formatRows(events.map((e) => ({
            date: e.date?.value ?? '', type: e.type + (e.mode ? `/${e.mode}` : ''), actors: e.actors.join(' '),
            recipients: e.recipients.join(' '), neg: e.negated ? 'not' : '', modality: e.modality === 'asserted' ? '' : e.modality,
            trigger: e.trigger.text, evidence: e.evidence.text,
          })), 'table'));
          process.stdout.write(`${events.length} of ${total}${totalExact === false ? '+' : ''} event(s)\n`);
        } else {
          const rows = format === 'csv'
            ? events.map((e) => ({ ...e, actors: e.actors.join(' '), recipients: e.recipients.join(' '), date: e.date?.value ?? '', date_start: e.date?.start ?? '', date_end: e.date?.end ?? '', trigger: e.trigger.text, evidence_start: e.evidence.start, evidence_end: e.evidence.end, evidence: e.evidence.text }))
            : events;
          process.stdout.write(formatRows(rows as unknown as Array<Record<string, unknown>>, format));
        }
      } finally {
        await kb.close();
      }
    });
}
