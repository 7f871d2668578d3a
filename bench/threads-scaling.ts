import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { corpusFiles } from './corpus-files.js';
import { distIsFresh } from './shipped-code.js';
import { printJson, round, type ThreadCpu } from './measure.js';

interface Options { corpora: string[]; json: boolean; limit?: number; threads?: number; rounds?: number; src?: boolean }

interface Run { seconds: number; cpu: number; threadCpu: ThreadCpu; digest: string; failed: number }

/**
 * The same files ingested with 1 thread and with N worker threads (default: the available cores),
 * each in a fresh process (as a user's `diplograph ingest --threads N` runs: in one process the
 * second run would find the first one's code already compiled and optimised) and a fresh SQLite
 * file, alternating --rounds times; wall time, speed-up, CPU of each thread, and a digest of every
 * stored row showing that the knowledge bases are the same.
 */
export async function benchThreads(opts: Options): Promise<void> {
  const from = !opts.src && distIsFresh() ? 'dist' : 'src';
  const files = corpusFiles(opts.corpora, opts.limit ?? 300);
  const mb = files.reduce((n, f) => n + statSync(f).size, 0) / 1e6;
  const n = opts.threads ?? os.availableParallelism();
  const cores = Math.min(n, os.availableParallelism());
  const runs: Array<Run & { threads: number; projected: number }> = [];
  for (let round = 0; round < (opts.rounds ?? 1); round++) {
    for (const threads of [1, n]) {
      const run = await runChild(from, files, threads);
      runs.push({ ...run, threads, projected: projectedSeconds(run, cores) });
    }
  }
  const median = (threads: number, key: 'seconds' | 'projected') => medianOf(runs.filter((r) => r.threads === threads).map((r) => r[key]));
  const digests = new Set(runs.map((r) => r.digest));
  const result = {
    benchmark: 'threads',
    code: from,
    cores: os.availableParallelism(),
    files: files.length,
    megabytes: round(mb),
    runs: runs.map((r) => ({
      threads: r.threads, seconds: round(r.seconds), cpuSeconds: round(r.cpu), mbPerSecond: round(mb / r.seconds), mbPerCpuSecond: round(mb / r.cpu),
      mainThreadCpu: round(r.threadCpu.main), workerThreadsCpu: r.threadCpu.started.filter((s) => s >= 0.05).map(round), v8HelpersCpu: round(r.threadCpu.others),
      projectedSeconds: round(r.projected), failed: r.failed,
    })),
    speedup: round(median(1, 'seconds') / median(n, 'seconds')),
    // What the speed-up would be on otherwise idle cores (see projectedSeconds).
    speedupIdleCores: round(median(1, 'projected') / median(n, 'projected')),
    loadAverage: round(os.loadavg()[0]!),
    identical: digests.size === 1,
    digest: runs[0]!.digest.slice(0, 16),
  };
  if (opts.json) return printJson(result);
  const out = process.stdout;
  out.write(`threads (${from}): ${result.files} files, ${result.megabytes} MB on ${result.cores} cores, each run in a fresh process\n`);
  for (const r of result.runs) {
    out.write(`  ${String(r.threads).padStart(2)} thread(s)  ${String(r.seconds).padStart(7)} s wall  ${String(r.cpuSeconds).padStart(7)} s CPU  ${String(r.mbPerCpuSecond).padStart(5)} MB/CPU-s`
      + `  main ${r.mainThreadCpu} s, workers [${r.workerThreadsCpu.join(', ')}] s, V8 helpers ${r.v8HelpersCpu} s;  idle cores: ${r.projectedSeconds} s  (${r.failed} failed)\n`);
  }
  out.write(`  speed-up ${result.speedup}x wall (load average ${result.loadAverage}); ${result.speedupIdleCores}x on idle cores; knowledge bases ${result.identical ? 'identical' : 'DIFFER'} (digest ${result.digest})\n`);
}

/**
 * A run's wall time on otherwise idle cores: at least its busiest thread's CPU time, and at least
 * all its CPU time (V8's compiler and collector helpers included, which keep part of a second core
 * busy even in a single-thread run) spread over the cores.
 */
export function projectedSeconds(run: { cpu: number; threadCpu: ThreadCpu }, cores: number): number {
  return Math.max(run.threadCpu.main, ...run.threadCpu.started, run.cpu / cores);
}

function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function runChild(from: 'dist' | 'src', files: string[], threads: number): Promise<Run> {
  const script = fileURLToPath(new URL('./threads-ingest.ts', import.meta.url));
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', tsx, script, from, String(threads), ...files], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.on('error', reject);
    child.on('exit', (code) => {
      try {
        resolve(JSON.parse(out.trim().split('\n').pop() ?? '') as Run);
      } catch {
        reject(new Error(`threads ingest (${threads} threads) exited with ${code}: ${out.slice(-500)}`));
      }
    });
  });
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
