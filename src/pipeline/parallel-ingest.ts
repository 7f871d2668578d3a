import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { KnowledgeBase } from '../kb/open-knowledge-base.js';
import type { AnalysedDocument } from '../model/index.js';
import { ingestFiles, ingestOne, readAndAnalyse, storeAnalysed, storeAnalysedRows, type IngestFailure, type IngestOptions, type IngestOutcome } from './ingest.js';
import { isLargeTextFile } from './ingest-large-text.js';
import { IngestBatch, isBigFile } from './ingest-batch.js';
import type { WorkerJob, WorkerResult } from './ingest-worker.js';
import { unchangedOutcome } from './unchanged-document.js';

export interface ParallelIngestOptions extends IngestOptions {
  /** Threads that read and analyse, this one included (default: the available cores). 1 runs everything in this thread. */
  threads?: number;
}

/** How far ahead of the file to store next the ingesting thread analyses: files per thread, and bytes of text. */
const AHEAD_FILES_PER_THREAD = 16;
const AHEAD_BYTES = 2 * 1024 * 1024;

/** The default thread count: one per available core. */
export function defaultThreads(): number {
  return Math.max(1, os.availableParallelism());
}

/**
 * Ingest files with worker threads: workers read, analyse and build the rows to store; this thread
 * alone writes them (SQLite has one writer), in input order, a few per transaction (IngestBatch), so the knowledge
 * base ends up exactly as a single-thread ingest leaves it. At most two files per worker are in flight, which bounds memory. Large text
 * files are streamed by this thread, in their turn, once the files before them are stored.
 * This thread also analyses files while it waits for workers, but only when it has a core of its
 * own (threadsHelp). Stage progress (onStage) is not reported from workers; file progress is.
 */
export async function ingestFilesParallel(kb: KnowledgeBase, files: string[], opts: ParallelIngestOptions = {}): Promise<IngestOutcome[]> {
  const threads = Math.min(opts.threads ?? defaultThreads(), files.length);
  if (threads <= 1 || opts.context) return ingestFiles(kb, files, opts);

  const outcomes: IngestOutcome[] = new Array(files.length);
  // This thread is one of the `threads`: it stores, and analyses too while it waits if it may.
  const pool = new WorkerPool(threads - 1);
  const helps = threadsHelp(threads, os.availableParallelism());
  // A few documents per transaction (IngestBatch); each outcome is reported once it is committed.
  const batch = new IngestBatch(kb);
  try {
    // 'stream' marks a large text file, which this thread ingests itself when its turn comes;
    // `here` is a document this thread analysed.
    // `skip` an outcome known without analysis (a file stored before, unchanged).
    type Ready = WorkerResult['result'] | 'stream' | { here: AnalysedDocument | IngestFailure } | { skip: IngestOutcome };
    const waiting = new Map<number, Promise<Ready>>();
    const settled = new Set<number>();
    // Bytes of the files taken and not yet stored: what bounds how far ahead this thread analyses.
    const sizes = new Map<number, number>();
    let aheadBytes = 0;
    let next = 0;
    const take = async (run: (seq: number, file: string) => Promise<Ready>): Promise<void> => {
      const seq = next++;
      const file = files[seq]!;
      const size = (await stat(file).catch(() => undefined))?.size ?? 0;
      sizes.set(seq, size);
      aheadBytes += size;
      if (await isLargeTextFile(file, opts.read)) {
        waiting.set(seq, Promise.resolve('stream' as const));
        return;
      }
      const unchanged = await unchangedOutcome(kb, file, opts);
      if (unchanged) {
        waiting.set(seq, Promise.resolve({ skip: unchanged }));
        settled.add(seq);
        return;
      }
      waiting.set(seq, run(seq, file).finally(() => settled.add(seq)));
    };
    const inWorkers = () => [...waiting.keys()].filter((k) => !settled.has(k)).length;
    const analyseHere = async (_s: number, file: string): Promise<Ready> => {
      // A big file is not analysed while the batch holds the write lock.
      if (await isBigFile(file)) await batch.commit();
      return { here: await readAndAnalyse(file, { period: opts.period, read: opts.read }) };
    };
    for (let seq = 0; seq < files.length; seq++) {
      // Keep up to 2 files per worker queued ahead of the one being stored.
      while (next < files.length && inWorkers() < (threads - 1) * 2) await take((s, file) => pool.run({ seq: s, file, period: opts.period, read: opts.read }));
      // While a worker still analyses the file to store next, analyse the following ones here, up to
      // AHEAD_FILES files or AHEAD_BYTES of text in flight (for memory). Far enough that this thread
      // does not sit waiting for a worker's slow or first document (a cold worker is slowest):
      // 8 files -> 32 took 100 UN speeches from 1.37-1.39 to 1.21 s wall on two cores at load 1.8.
      while (helps && next < files.length && waiting.has(seq) && !settled.has(seq) && waiting.size < threads * AHEAD_FILES_PER_THREAD && aheadBytes < AHEAD_BYTES) {
        const own = next;
        await take(analyseHere);
        await waiting.get(own);
      }
      const file = files[seq]!;
      opts.onFileStart?.(file, seq, files.length);
      // Nothing to do here but wait for a worker. The open batch waits with it (fewer, larger
      // commits) only as long as a batch may stay open: other writers wait for its lock.
      if (!settled.has(seq) && !(await settlesWithin(waiting.get(seq)!, batch.msLeft()))) await batch.commit();
      const result = await waiting.get(seq)!;
      waiting.delete(seq);
      settled.delete(seq);
      aheadBytes -= sizes.get(seq) ?? 0;
      sizes.delete(seq);
      const done = (outcome: IngestOutcome) => {
        outcomes[seq] = outcome;
        opts.onFileDone?.(outcome, seq, files.length);
      };
      if (result !== 'stream' && 'skip' in result) {
        batch.report(result.skip, done);
      } else if (result === 'stream') {
        await batch.commit();
        done(await ingestOne(kb, file, opts));
      } else if ('here' in result) {
        const doc = result.here;
        if ('ok' in doc) batch.report(doc, done);
        else await batch.store(() => storeAnalysed(kb, file, doc), done);
      } else if ('ok' in result) {
        batch.report(result, done);
      } else {
        await batch.store(() => storeAnalysedRows(kb, file, result.rows, result.summary), done);
      }
    }
    await batch.commit();
  } catch (err) {
    batch.rollback();
    throw err;
  } finally {
    await pool.close();
  }
  return outcomes;
}

/**
 * Whether the storing thread also analyses files while it waits for workers. Each thread that
 * analyses pays for V8 compiling and optimising the whole pipeline for itself (compiler work on
 * V8's helper threads, and slow unoptimised code at first), so it pays only with a core to spare.
 * When the threads fill the cores it does not: on 2 cores, 2 threads over the whole UN corpus (977
 * files, compiled, each in a fresh process) took 28.6 s CPU with this thread analysing as well
 * (main thread 12.9 s, worker 7.3, V8 helpers 8.5) against 23.7 s storing only (main 7.7, worker
 * 11.0, helpers 5.1); the sequential ingest takes 21.0 s. And with 3 threads or more, storing,
 * about a third of the work, keeps this thread busy by itself.
 */
export function threadsHelp(threads: number, cores: number): boolean {
  return threads < cores;
}

/** Whether `promise` settles within `ms` milliseconds (false at once for ms <= 0). */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  if (ms <= 0) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => { timer = setTimeout(resolve, ms, false); });
  try {
    return await Promise.race([promise.then(() => true, () => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The worker's code: the compiled .js next to this file or, when running from sources (tests,
 * tsx), the .ts file loaded through tsx (a dev dependency) from a small bootstrap script.
 */
function workerEntry(): { script: URL | string; eval: boolean; execArgv?: string[] } {
  const js = new URL('./ingest-worker.js', import.meta.url);
  // Compiled code needs no loader: a worker would otherwise inherit this process's (tsx's, when a
  // script runs through it), and every module it imports would go through the loader's thread.
  if (existsSync(fileURLToPath(js))) return { script: js, eval: false, execArgv: workerExecArgv(process.execArgv).execArgv };
  // require.resolve finds the CommonJS build of tsx's API; the ES module build sits beside it.
  const api = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const ts = new URL('./ingest-worker.ts', import.meta.url).href;
  return { script: `import(${JSON.stringify(api)}).then((t) => t.tsImport(${JSON.stringify(ts)}, ${JSON.stringify(import.meta.url)}));`, eval: true };
}

/**
 * What a worker gets of this process's node options: no module loaders (withoutLoaders), and the
 * heap and stack limits as the worker's resource limits, because a Worker refuses V8 options in
 * its execArgv (`node --max-old-space-size=4096 … ingest` failed to start any worker).
 */
export function workerExecArgv(execArgv: readonly string[]): { execArgv: string[]; resourceLimits: ResourceLimits } {
  const LIMITS: Record<string, (value: number) => ResourceLimits> = {
    '--max-old-space-size': (mb) => ({ maxOldGenerationSizeMb: mb }),
    // V8's young generation is three semi-spaces.
    '--max-semi-space-size': (mb) => ({ maxYoungGenerationSizeMb: 3 * mb }),
    '--stack-size': (kb) => ({ stackSizeMb: kb / 1024 }),
  };
  const kept: string[] = [];
  let resourceLimits: ResourceLimits = {};
  const args = withoutLoaders(execArgv);
  for (let i = 0; i < args.length; i++) {
    const [name, inline] = args[i]!.split('=', 2) as [string, string | undefined];
    const limit = LIMITS[name.replace(/_/g, '-')];
    if (!limit) { kept.push(args[i]!); continue; }
    const value = Number(inline ?? args[++i]);
    if (Number.isFinite(value) && value > 0) resourceLimits = { ...resourceLimits, ...limit(value) };
  }
  return { execArgv: kept, resourceLimits };
}

/** Node options without module loaders and preloads (`--import x`, `--loader=x`, `-r x` ...); the rest stay. */
export function withoutLoaders(execArgv: readonly string[]): string[] {
  const LOADER = /^(--import|--loader|--experimental-loader|--require|-r)$/;
  const out: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i]!;
    if (LOADER.test(arg)) { i++; continue; }
    if (LOADER.test(arg.split('=')[0]!)) continue;
    out.push(arg);
  }
  return out;
}

/**
 * A fixed set of workers, each given up to two jobs at a time (a worker then starts its next file
 * at once instead of waiting for this thread, which may be busy analysing, to hand it one); a
 * worker that dies fails its jobs and is replaced.
 */
class WorkerPool {
  private static readonly JOBS_PER_WORKER = 2;
  private readonly queue: Task[] = [];
  private readonly busy = new Map<Worker, Map<number, Task>>();
  private closing = false;

  constructor(size: number) {
    for (let i = 0; i < size; i++) this.spawn();
  }

  run(job: WorkerJob): Promise<WorkerResult['result']> {
    return new Promise((resolve) => {
      this.queue.push({ job, resolve });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.busy.keys()].map((w) => w.terminate()));
  }

  private spawn(): void {
    const entry = workerEntry();
    const { resourceLimits } = workerExecArgv(process.execArgv);
    let worker: Worker;
    try {
      worker = new Worker(entry.script, { eval: entry.eval, resourceLimits, ...(entry.execArgv ? { execArgv: entry.execArgv } : {}) });
    } catch (err) {
      // Another option a worker refuses (a V8 flag not translated above): start it without this process's options.
      if ((err as { code?: string }).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw err;
      worker = new Worker(entry.script, { eval: entry.eval, resourceLimits, execArgv: [] });
    }
    this.busy.set(worker, new Map());
    worker.on('message', (msg: WorkerResult) => {
      const tasks = this.busy.get(worker);
      const task = tasks?.get(msg.seq);
      tasks?.delete(msg.seq);
      task?.resolve(msg.result);
      this.dispatch();
    });
    const fail = (why: string) => {
      const tasks = this.busy.get(worker);
      if (!tasks) return;
      this.busy.delete(worker);
      if (this.closing) return;
      for (const task of tasks.values()) task.resolve({ file: task.job.file, ok: false, problem: 'internal', message: `${task.job.file}: analysis failed: worker ${why}` });
      this.spawn();
      this.dispatch();
    };
    worker.on('error', (err) => fail(`error: ${err.message}`));
    worker.on('exit', (code) => fail(`exited with code ${code}`));
  }

  private dispatch(): void {
    for (const [worker, tasks] of this.busy) {
      while (tasks.size < WorkerPool.JOBS_PER_WORKER && this.queue.length > 0) {
        const task = this.queue.shift()!;
        tasks.set(task.job.seq, task);
        worker.postMessage(task.job);
      }
    }
  }
}

interface Task { job: WorkerJob; resolve: (r: WorkerResult['result']) => void }
