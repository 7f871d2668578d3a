import { Command } from 'commander';
import { listFigures } from '../kb/queries/list-figures.js';
import { findDocumentId } from '../kb/queries/list-documents.js';
import { formatRows, parseFormat } from './format-output.js';
import { openExisting } from './open-existing.js';
import { dbOption, formatOption, list, UsageError } from './shared-options.js';

export function figuresCommand(): Command {
  return new Command('figures')
    .description('list figures: numbers with unit, period, subject and what they measure')
    .addOption(dbOption())
    .addOption(formatOption())
    .option('--what <measures>', 'what is measured, e.g. "GDP growth" (repeat or comma-separate)', list)
    .option('--subject <ids>', 'subject entity ids, e.g. state:RUS', list)
    .option('--from <date>', 'figures whose period ends on or after this date (YYYY, YYYY-MM, YYYY-MM-DD)')
    .option('--to <date>', 'figures whose period starts on or before this date')
    .option('--doc <id>', 'only this document (id or prefix)')
    .option('--limit <n>', 'at most this many', '100')
    .option('--offset <n>', 'skip this many', '0')
    .action(async (opts) => {
      const format = parseFormat(opts.format);
      const kb = await openExisting(opts.db);
      try {
        const doc = opts.doc ? await findDocumentId(kb, opts.doc) : undefined;
        if (opts.doc && !doc) throw new UsageError(`no document matches "${opts.doc}"`);
        const { total, figures } = await listFigures(kb, {
          what: opts.what, subjects: opts.subject, from: opts.from, to: opts.to,
          docs: doc ? [doc] : undefined, limit: Number(opts.limit), offset: Number(opts.offset),
        });
        if (format === 'table') {
          process.stdout.write(formatRows(figures.map((f) => ({
            what: f.what, subject: f.subject ?? '', value: f.value, unit: f.unit, period: f.period?.value ?? '', written: f.span.text, evidence: f.evidence.text,
          })), 'table'));
          process.stdout.write(`${figures.length} of ${total} figure(s)\n`);
        } else {
          const rows = format === 'csv'
            ? figures.map((f) => ({ ...f, period: f.period?.value ?? '', period_start: f.period?.start ?? '', period_end: f.period?.end ?? '', span: f.span.text, span_start: f.span.start, span_end: f.span.end, evidence_start: f.evidence.start, evidence_end: f.evidence.end, evidence: f.evidence.text }))
            : figures;
          process.stdout.write(formatRows(rows as unknown as Array<Record<string, unknown>>, format));
        }
      } finally {
        await kb.close();
      }
    });
}
