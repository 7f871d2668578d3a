import { Command, Option } from 'commander';
import { existsSync } from 'node:fs';
import { compareDocuments } from '../compare/compare-documents.js';
import { formatComparison } from '../compare/format-comparison.js';
import { isFile, resolveComparable } from '../compare/resolve-comparable.js';
import type { KnowledgeBase } from '../kb/open-knowledge-base.js';
import { ReadError } from '../read/read-error.js';
import { openExisting } from './open-existing.js';
import { dbOption, UsageError } from './shared-options.js';

export function compareCommand(): Command {
  return new Command('compare')
    .description('compare two documents or editions: aligned sections and sentences, word-level changes, and what changed in substance (events, stances, agreement statuses, dates, how actors are described)')
    .argument('<a>', 'the older document: a file, or a document id (or unique prefix) in the knowledge base')
    .argument('<b>', 'the newer document, likewise')
    .addOption(dbOption())
    .addOption(new Option('--format <format>', 'output format: table or json').default('table').choices(['table', 'json']))
    .option('--all', 'list unchanged sentences too (table format)')
    .option('--threshold <n>', 'lowest word similarity (0..1) at which two sentences count as one reworded', '0.5')
    .action(async (a: string, b: string, opts) => {
      const threshold = Number(opts.threshold);
      if (!(threshold > 0 && threshold <= 1)) throw new UsageError(`--threshold must be a number in (0, 1], not "${opts.threshold}"`);
      // The knowledge base is needed only for references that are not files.
      const needsKb = !isFile(a) || !isFile(b);
      let kb: KnowledgeBase | undefined;
      if (needsKb) {
        if (!existsSync(opts.db) && opts.db !== ':memory:') {
          throw new UsageError(`"${isFile(a) ? b : a}" is not a file, and there is no knowledge base at ${opts.db} to look it up in`);
        }
        kb = await openExisting(opts.db);
      }
      try {
        const sides = [];
        for (const ref of [a, b]) {
          try {
            sides.push(await resolveComparable(ref, kb));
          } catch (err) {
            if (err instanceof ReadError) throw err;
            throw new UsageError((err as Error).message);
          }
        }
        const comparison = compareDocuments(sides[0]!, sides[1]!, { threshold });
        process.stdout.write(opts.format === 'json' ? JSON.stringify(comparison, null, 2) + '\n' : formatComparison(comparison, { all: !!opts.all }));
      } finally {
        await kb?.close();
      }
    });
}
