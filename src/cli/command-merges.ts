import { Command } from 'commander';
import { findDocumentId } from '../kb/queries/list-documents.js';
import { consolidateDocument } from '../consolidate/consolidate-events.js';
import { listMerges, undoMerge } from '../consolidate/merges.js';
import { formatRows, parseFormat } from './format-output.js';
import { openExisting } from './open-existing.js';
import { dbOption, formatOption, UsageError } from './shared-options.js';

/** `diplograph merges`: the same event reported in several documents, merged by a rule; list, undo, redo. */
export function mergesCommand(): Command {
  const cmd = new Command('merges')
    .description('events merged across documents (one event, several pieces of evidence): list them with the rule behind each merge, or undo one');
  cmd.command('list', { isDefault: true })
    .description('list merges (each row is one piece of evidence of a merged event)')
    .addOption(dbOption())
    .addOption(formatOption())
    .option('--doc <id>', 'only merges involving this document (id or prefix)')
    .option('--cluster <id>', 'only this merge')
    .option('--undone', 'include merges that were undone')
    .action(async (opts) => {
      const format = parseFormat(opts.format);
      const kb = await openExisting(opts.db);
      try {
        const doc = opts.doc ? await findDocumentId(kb, opts.doc) : undefined;
        if (opts.doc && !doc) throw new UsageError(`no document matches "${opts.doc}"`);
        const merges = await listMerges(kb, { includeUndone: !!opts.undone, doc, cluster: opts.cluster });
        if (format === 'json') {
          process.stdout.write(JSON.stringify(merges, null, 2) + '\n');
          return;
        }
        const rows = merges.flatMap((m) => m.events.map((e) => ({
          cluster: m.cluster, event: e.event, doc: e.doc.slice(0, 12), date: e.date ?? '', type: e.type,
          actors: e.actors.join(' '), recipients: e.recipients.join(' '), rule: e.rule, score: e.score,
          undone: e.undone ? 'undone' : '', reason: e.reason, evidence: e.evidence.text,
        })));
        process.stdout.write(formatRows(rows, format));
        if (format === 'table') process.stdout.write(`${merges.length} merged event(s), ${rows.length} piece(s) of evidence\n`);
      } finally {
        await kb.close();
      }
    });
  cmd.command('undo')
    .description('undo a merge: the whole cluster, or one event out of it; an undone merge is never made again')
    .argument('<cluster>', 'the cluster id (c:...)')
    .argument('[event]', 'only this event')
    .addOption(dbOption())
    .action(async (cluster: string, event: string | undefined, opts) => {
      const kb = await openExisting(opts.db);
      try {
        const n = await undoMerge(kb, cluster, event);
        if (n === 0) throw new UsageError(`no active merge ${cluster}${event ? ` with event ${event}` : ''}; see \`diplograph merges list\``);
        process.stdout.write(`undid ${n} event(s) of ${cluster}\n`);
      } finally {
        await kb.close();
      }
    });
  cmd.command('run')
    .description('run consolidation again for stored documents (ingest runs it for each new document)')
    .addOption(dbOption())
    .option('--doc <id>', 'only this document (id or prefix)')
    .action(async (opts) => {
      const kb = await openExisting(opts.db);
      try {
        const ids = opts.doc ? [await findDocumentId(kb, opts.doc)] : (await kb.db.selectFrom('documents').select('id').orderBy('ingested_at').execute()).map((d) => d.id);
        if (ids.some((i) => !i)) throw new UsageError(`no document matches "${opts.doc}"`);
        let merged = 0;
        for (const id of ids) merged += (await consolidateDocument(kb, id!)).merged;
        process.stdout.write(`${ids.length} document(s) consolidated; ${merged} event(s) merged\n`);
      } finally {
        await kb.close();
      }
    });
  return cmd;
}
