import { Command, Option } from 'commander';
import { corpusSummary, type CorpusSummary } from '../consolidate/corpus-summary.js';
import { formatRows } from './format-output.js';
import { openExisting } from './open-existing.js';
import { dbOption, list, UsageError } from './shared-options.js';

/** `diplograph corpus`: counts of events by type, actor and year, and the stance matrix over time, for a set of documents. */
export function corpusCommand(): Command {
  return new Command('corpus')
    .description('a view over many documents: events by type, actor and year (merged events counted once) and the stance matrix over time')
    .addOption(dbOption())
    .addOption(new Option('--format <format>', 'output format: table or json').default('table').choices(['table', 'json']))
    .option('--source <glob>', 'documents whose source path matches, e.g. "**/2019/*.txt" or "UKR_*"')
    .option('--year <years>', 'report years (repeat or comma-separate)', list)
    .option('--country <iso3>', 'documents speaking for these states: file name prefix ISO3_ or an inferred speaker', list)
    .option('--doc <ids>', 'these documents (ids or prefixes)', list)
    .option('--top <n>', 'rows per count table', '15')
    .action(async (opts) => {
      const top = Number(opts.top);
      if (!Number.isInteger(top) || top < 1) throw new UsageError(`--top must be a positive integer, not "${opts.top}"`);
      for (const y of opts.year ?? []) if (!/^\d{4}$/.test(y)) throw new UsageError(`--year takes YYYY, not "${y}"`);
      const kb = await openExisting(opts.db);
      try {
        const summary = await corpusSummary(kb, { source: opts.source, years: opts.year, countries: opts.country, ids: opts.doc });
        process.stdout.write(opts.format === 'json' ? JSON.stringify(summary, null, 2) + '\n' : formatCorpus(summary, top));
      } finally {
        await kb.close();
      }
    });
}

export function formatCorpus(s: CorpusSummary, top: number): string {
  const out: string[] = [];
  out.push(`${s.documents.length} document(s); ${s.events.total} event(s), ${s.events.distinct} distinct after cross-document merges`, '');
  if (!s.documents.length) return out.join('\n') + '\n';
  out.push('Events by type', formatRows(s.byType.slice(0, top).map((c) => ({ type: c.key, events: c.count })), 'table'));
  out.push('Events by actor', formatRows(s.byActor.slice(0, top).map((c) => ({ actor: c.key, name: c.name ?? '', events: c.count })), 'table'));
  out.push('Events by year', formatRows(s.byYear.map((c) => {
    const types = Object.entries(s.typeByYear[c.key] ?? {}).sort((a, b) => b[1] - a[1]).slice(0, 4).map(([t, n]) => `${t} ${n}`).join(', ');
    return { year: c.key || '(undated)', events: c.count, 'top types': types };
  }), 'table'));
  const name = (id: string | null) => (id ? s.names[id] ?? id : '(general)');
  out.push('Stances over time (holder on target; counts per year)', formatRows(s.stances.slice(0, top * 4).map((r) => ({
    holder: name(r.holder), target: name(r.target),
    ...Object.fromEntries(s.years.map((y) => [y, Object.entries(r.years[y] ?? {}).map(([k, n]) => (n > 1 ? `${k} ${n}` : k)).join(', ')])),
  })), 'table', ['holder', 'target', ...s.years]));
  return out.join('\n');
}
