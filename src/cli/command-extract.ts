import { Command } from 'commander';
import { openKnowledgeBase } from '../kb/open-knowledge-base.js';
import { storeDocument } from '../kb/store-document.js';
import { exportJson } from '../export/export-json.js';
import { readBytes, readFile } from '../read/read-file.js';
import { ReadError } from '../read/read-error.js';
import { analyse } from '../pipeline/analyse.js';
import { defaultContext } from '../pipeline/context.js';
import { dctOption, periodOption } from './shared-options.js';

export function extractCommand(): Command {
  return new Command('extract')
    .description('run the whole pipeline on one file (or - for stdin) without storing it, and print the export JSON')
    .argument('<file>', 'a report file, or - to read stdin')
    .option('--format <format>', 'json (the export contract of DESIGN.md)', 'json')
    .option('--name <name>', 'source name to record when reading stdin', 'stdin.txt')
    .addOption(periodOption())
    .addOption(dctOption())
    .option('--compact', 'print JSON on one line')
    .action(async (file: string, opts, cmd: Command) => {
      if (opts.format !== 'json') throw new Error(`extract prints json only, not "${opts.format}" (use export for csv)`);
      const read = file === '-' ? await readBytes(opts.name, await readStdin()) : await readFile(file);
      const doc = analyse(read, defaultContext(), { period: { period: opts.period, dct: opts.dct } });
      // One code path for the contract: the document goes through an in-memory knowledge base.
      const kb = await openKnowledgeBase(':memory:');
      try {
        await storeDocument(kb, doc);
        const out = await exportJson(kb);
        process.stdout.write(JSON.stringify(out, null, opts.compact ? 0 : 2) + '\n');
      } finally {
        await kb.close();
      }
      cmd.setOptionValue('exitCode', 0);
    });
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export { ReadError };
