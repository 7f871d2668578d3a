import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Command, Option } from 'commander';
import { exportJson } from '../export/export-json.js';
import { EXPORT_FILTER_SEMANTICS, validateExportFilters } from '../export/export-filters.js';
import { exportFormatNames, exportFormats, getExportFormat } from '../export/formats.js';
import { writeFilesToFolder } from '../export/write-files.js';
import { openExisting } from './open-existing.js';
import { dbOption, list, UsageError } from './shared-options.js';

export function exportCommand(): Command {
  const names = exportFormatNames();
  const formatLines = exportFormats().map((f) => `  ${f.name.padEnd(8)} ${f.description}`).join('\n');
  return new Command('export')
    .description(`export the knowledge base (or what the filters keep) as ${names.join(', ')}`)
    .addOption(dbOption())
    .addOption(new Option('--format <format>', `one of ${names.join(', ')}`).default('json'))
    .option('--out <path>', 'file to write (default: stdout); for csv a folder, or a file ending in .zip')
    .option('--doc <ids>', 'only these documents', list)
    .option('--actor <ids>', 'only records in which these entities act (see below)', list)
    .option('--type <types>', 'only events of these PLOVER types', list)
    .option('--from <date>', 'only records whose dates reach this date or later (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--to <date>', 'only records whose dates begin by this date (YYYY, YYYY-MM or YYYY-MM-DD)')
    .addHelpText('after', `\nFormats:\n${formatLines}\n\n${EXPORT_FILTER_SEMANTICS}\n`)
    .action(async (opts: { db: string; format: string; out?: string; doc?: string[]; actor?: string[]; type?: string[]; from?: string; to?: string }) => {
      // Everything the user typed is checked before the knowledge base is opened.
      const format = asUsage(() => getExportFormat(opts.format));
      const filters = asUsage(() => validateExportFilters({ docs: opts.doc, actors: opts.actor, types: opts.type, from: opts.from, to: opts.to }));
      const toZip = !!opts.out && /\.zip$/i.test(opts.out);
      if (format.files && !opts.out) {
        throw new UsageError(`--format ${format.name} writes several files: give --out <folder> or --out <file>.zip`);
      }
      const kb = await openExisting(opts.db);
      try {
        const data = await exportJson(kb, filters);
        if (format.files && !toZip) {
          const written = asWriteError(opts.out!, () => writeFilesToFolder(format.files!(data), opts.out!));
          process.stderr.write(`wrote ${written.length} files: ${written.join(', ')}\n`);
        } else if (opts.out) {
          await writeChunks(format.render(data), opts.out);
          process.stderr.write(`wrote ${opts.out}\n`);
        } else {
          await writeStdout(format.render(data));
        }
      } finally {
        await kb.close();
      }
    });
}

/** Run `fn`, turning its RangeError (a bad value the user typed) into a usage error. */
function asUsage<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof RangeError) throw new UsageError(err.message);
    throw err;
  }
}

/** Write the chunks to a file, through a temporary name so a failed export leaves no half-written file. */
function asWriteError<T>(target: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw new UsageError(`cannot write ${target}: ${(err as Error).message}`);
  }
}

/** Write the chunks to a file, through a temporary name so a failed export leaves no half-written file. */
async function writeChunks(chunks: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>, file: string): Promise<void> {
  const partial = `${file}.partial`;
  try {
    await pipeline(Readable.from(chunks), createWriteStream(partial));
    renameSync(partial, file);
  } catch (err) {
    rmSync(partial, { force: true });
    throw new UsageError(`cannot write ${file}: ${(err as Error).message}`);
  }
}

/** Write to stdout, waiting when it is full; a reader that stops early (`| head`) ends the export quietly. */
async function writeStdout(chunks: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>): Promise<void> {
  let closed = false;
  let failure: Error | undefined;
  const onError = (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') closed = true;
    else failure = err;
  };
  process.stdout.on('error', onError);
  try {
    for await (const chunk of chunks) {
      if (failure) throw failure;
      if (closed) return;
      if (!process.stdout.write(chunk)) await Promise.race([once(process.stdout, 'drain'), once(process.stdout, 'close')]);
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPIPE') throw err;
  } finally {
    process.stdout.off('error', onError);
  }
}
