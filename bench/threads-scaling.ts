import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { corpusFiles } from './corpus-files.js';
import { loadPipelineCode, type PipelineCode } from './shipped-code.js';
import { cpuSeconds, printJson, round } from './measure.js';

interface Options { corpora: string[]; json: boolean; limit?: number; threads?: number; src?: boolean }

/**
 * The same files ingested with 1 thread and with N worker threads (default: the available cores),
 * each into a fresh SQLite file; wall time, speed-up, and a digest of every stored row showing that
 * both knowledge bases are the same.
 */
export async function benchThreads(opts: Options): Promise<void> {
  const code = await loadPipelineCode(opts.src);
  const files = corpusFiles(opts.corpora, opts.limit ?? 300);
  const mb = files.reduce((n, f) => n + statSync(f).size, 0) / 1e6;
  const n = opts.threads ?? os.availableParallelism();
  const runs = [];
  for (const threads of [1, n]) runs.push({ threads, ...(await run(code, files, threads)) });
  const [one, many] = runs as [typeof runs[0], typeof runs[0]];
  const result = {
    benchmark: 'threads',
    code: code.from,
    cores: os.availableParallelism(),
    files: files.length,
    megabytes: round(mb),
    runs: runs.map((r) => ({ threads: r.threads, seconds: round(r.seconds), cpuSeconds: round(r.cpu), mbPerSecond: round(mb / r.seconds), failed: r.failed })),
    speedup: round(one.seconds / many.seconds),
    // What the speed-up would be on otherwise idle cores: the work spread over N threads, overheads included.
    speedupIdleCores: round(one.cpu / (many.cpu / Math.min(n, os.availableParallelism()))),
    loadAverage: round(os.loadavg()[0]!),
    identical: one.digest === many.digest,
    digest: one.digest.slice(0, 16),
  };
  if (opts.json) return printJson(result);
  process.stdout.write(`threads (${code.from}): ${result.files} files, ${result.megabytes} MB on ${result.cores} cores\n`);
  for (const r of result.runs) process.stdout.write(`  ${String(r.threads).padStart(2)} thread(s)  ${String(r.seconds).padStart(8)} s wall  ${String(r.cpuSeconds).padStart(8)} s CPU  ${String(r.mbPerSecond).padStart(6)} MB/s  (${r.failed} failed)\n`);
  process.stdout.write(`  speed-up ${result.speedup}x wall (load average ${result.loadAverage}); ${result.speedupIdleCores}x from CPU time on idle cores; knowledge bases ${result.identical ? 'identical' : 'DIFFER'} (digest ${result.digest})\n`);
}

async function run(code: PipelineCode, files: string[], threads: number): Promise<{ seconds: number; cpu: number; digest: string; failed: number }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dg-threads-'));
  const kb = await code.open.openKnowledgeBase(path.join(dir, 'kb.sqlite'));
  try {
    const cpu0 = process.cpuUsage();
    const started = performance.now();
    const outcomes = await code.parallel.ingestFilesParallel(kb, files, { threads });
    const seconds = (performance.now() - started) / 1000;
    // Process CPU time counts every thread: with free cores, wall time approaches cpuSeconds / threads.
    const cpu = cpuSeconds(cpu0);
    return { seconds, cpu, digest: await digestKnowledgeBase(kb), failed: outcomes.filter((o) => !o.ok).length };
  } finally {
    await kb.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A hash of every row of the tables that hold analysis results, in a fixed order (ingest times left out). */
export async function digestKnowledgeBase(kb: { db: import('kysely').Kysely<any> }): Promise<string> {
  const hash = createHash('sha256');
  const tables: [string, string][] = [
    ['documents', 'id'], ['sections', 'doc, id'], ['paragraphs', 'doc, idx'], ['sentences', 'doc, idx'], ['entities', 'id'],
    ['mentions', 'doc, start, "end", kind, rule'], ['timexes', 'doc, idx'], ['events', 'id'], ['event_actors', 'event, role, ord'],
    ['stances', 'id'], ['agreement_status', 'id'], ['figures', 'id'], ['messages', 'doc, start, rule, message'],
  ];
  for (const [table, order] of tables) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)} order by ${sql.raw(order)}`.execute(kb.db);
    for (const row of rows.rows) {
      delete row.ingested_at;
      delete row.id_serial;
      if (table === 'mentions' || table === 'messages') delete row.id;
      hash.update(JSON.stringify(row));
    }
  }
  return hash.digest('hex');
}
