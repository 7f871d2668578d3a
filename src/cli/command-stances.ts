import { Command } from 'commander';
import { listStances } from '../kb/queries/list-stances.js';
import { findDocumentId } from '../kb/queries/list-documents.js';
import { formatRows, parseFormat } from './format-output.js';
import { openExisting } from './open-existing.js';
import { dbOption, formatOption, list, UsageError } from './shared-options.js';

export function stancesCommand(): Command {
  return new Command('stances')
    .description('list stances: who supports, condemns, opposes, abstains from, refrains from condemning or is concerned about whom')
    .addOption(dbOption())
    .addOption(formatOption())
    .option('--holder <ids>', 'holder entity ids, e.g. state:CHN (repeat or comma-separate)', list)
    .option('--target <ids>', 'target entity ids', list)
    .option('--stance <kinds>', 'supports, condemns, opposes, abstains, refrains, concerned', list)
    .option('--from <date>', 'stances dated on or after this date (YYYY, YYYY-MM, YYYY-MM-DD)')
    .option('--to <date>', 'stances dated on or before this date')
    .option('--doc <id>', 'only this document (id or prefix)')
    .option('--negated', 'only negated stances ("has never condemned")')
    .option('--limit <n>', 'at most this many', '100')
    .option('--offset <n>', 'skip this many', '0')
    .action(async (opts) => {
      const format = parseFormat(opts.format);
      const kb = await openExisting(opts.db);
      try {
        const doc = opts.doc ? await findDocumentId(kb, opts.doc) : undefined;
        if (opts.doc && !doc) throw new UsageError(`no document matches "${opts.doc}"`);
        const { total, stances } = await listStances(kb, {
          holders: opts.holder, targets: opts.target, stances: opts.stance, from: opts.from, to: opts.to,
          docs: doc ? [doc] : undefined, negated: opts.negated ? true : undefined,
          limit: Number(opts.limit), offset: Number(opts.offset),
        });
        if (format === 'table') {
          process.stdout.write(formatRows(stances.map((s) => ({
            date: s.date?.value ?? '', holder: s.holder, stance: (s.negated ? 'not ' : '') + s.stance, target: s.target ?? '', topic: s.topic ?? '', evidence: s.evidence.text,
          })), 'table'));
          process.stdout.write(`${stances.length} of ${total} stance(s)\n`);
        } else {
          const rows = format === 'csv'
            ? stances.map((s) => ({ ...s, date: s.date?.value ?? '', date_start: s.date?.start ?? '', date_end: s.date?.end ?? '', evidence_start: s.evidence.start, evidence_end: s.evidence.end, evidence: s.evidence.text }))
            : stances;
          process.stdout.write(formatRows(rows as unknown as Array<Record<string, unknown>>, format));
        }
      } finally {
        await kb.close();
      }
    });
}
