import { Command, Option } from 'commander';
import { existsSync, statSync } from 'node:fs';
import { openKnowledgeBase, resolveLocation } from '../kb/open-knowledge-base.js';
import { displayLocation, isPostgresUrl } from '../kb/dialect.js';
import { ImportError } from '../import/import-error.js';
import { importExport, type ImportSummary } from '../import/import-export.js';
import { IMPORT_FORMATS, readExportFile, type ImportFormat } from '../import/read-export-file.js';
import { dbOption } from './shared-options.js';

/** Files from this size (or with this many documents) report progress per document on stderr. */
const PROGRESS_BYTES = 5 * 1024 * 1024;
const PROGRESS_DOCUMENTS = 20;

export function importCommand(): Command {
  return new Command('import')
    .description('import a json or jsonl export into the knowledge base (created if missing); documents it already holds (same content hash) are skipped')
    .argument('<file>', 'the export file, or - for standard input')
    .addOption(dbOption())
    .addOption(new Option('--format <format>', 'json or jsonl (default: by extension, then by content)').choices([...IMPORT_FORMATS]))
    .option('--dry-run', 'check the file and report what would be imported, without writing')
    .option('--quiet', 'no progress output')
    .option('--json', 'print the summary as JSON')
    .addHelpText('after', '\nImport exports of whole documents (`export` with no filter, or --doc only): a document imported from an\nexport narrowed by --actor, --type, --from or --to holds only the facts that export kept, and a later\nimport of the full export finds it present and skips it. See docs/schema.md for what is rebuilt.\n')
    .action(async (file: string, opts, cmd: Command) => {
      cmd.setOptionValue('exitCode', await runImport(file, opts));
    });
}

export async function runImport(file: string, opts: { db: string; format?: ImportFormat; dryRun?: boolean; quiet?: boolean; json?: boolean }): Promise<number> {
  let summary: ImportSummary;
  const where = resolveLocation(opts.db);
  try {
    // The whole file is checked before the knowledge base is opened: a bad file creates nothing.
    const data = await readExportFile(file, opts.format);
    const showProgress = !opts.quiet && !opts.json && (data.documents.length >= PROGRESS_DOCUMENTS || sizeOf(file) >= PROGRESS_BYTES);
    // A dry run never creates a knowledge base: against a missing file it compares with an empty one.
    const missing = !isPostgresUrl(where) && where !== ':memory:' && !existsSync(where);
    const kb = await openKnowledgeBase(opts.dryRun && missing ? ':memory:' : where);
    try {
      if (showProgress) process.stderr.write(`importing ${data.documents.length} document(s) from ${file}\n`);
      summary = await importExport(kb, data, {
        file, dryRun: opts.dryRun,
        onDocument: showProgress ? (done, total, d) => process.stderr.write(`  [${done}/${total}] ${d.status.padEnd(7)} ${d.id}  ${d.title}\n`) : undefined,
      });
    } finally {
      await kb.close();
    }
  } catch (err) {
    if (!(err instanceof ImportError)) throw err;
    process.stderr.write(`diplograph: ${err.message}\nnothing was imported\n`);
    return 1;
  }
  const shown = displayLocation(where);
  if (opts.json) {
    process.stdout.write(JSON.stringify({ db: shown, file, dryRun: !!opts.dryRun, ...summary }, null, 2) + '\n');
    return 0;
  }
  for (const d of summary.documents) {
    const note = d.status === 'present' ? 'already present (same content hash), kept as it is' : `${d.events} events, ${d.mentions} mentions`;
    process.stdout.write(`${(opts.dryRun && d.status === 'added' ? 'would add' : d.status).padEnd(9)} ${d.id}  ${d.title}  (${note})\n`);
    if (d.otherVersions.length) process.stdout.write(`          another version of ${d.source} is also in the knowledge base (${d.otherVersions.join(', ')}); both are kept\n`);
  }
  const count = (s: string) => summary.documents.filter((d) => d.status === s).length;
  process.stdout.write(`\n${summary.documents.length} document(s): ${count('added')} ${opts.dryRun ? 'to add' : 'added'}, ${count('present')} already present; ${summary.entitiesAdded} new entities → ${shown}${opts.dryRun ? ' (dry run: nothing written)' : ''}\n`);
  return 0;
}

function sizeOf(file: string): number {
  try {
    return file === '-' ? 0 : statSync(file).size;
  } catch {
    return 0;
  }
}
