import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { KnowledgeBase } from '../kb/open-knowledge-base.js';
import { ingestFiles, ingestOne, storeAnalysedRows, type IngestOptions, type IngestOutcome } from './ingest.js';
import { isLargeTextFile } from './ingest-large-text.js';
import type { WorkerJob, WorkerResult } from './ingest-worker.js';

export interface ParallelIngestOptions extends IngestOptions {
  /** Worker threads that read and analyse (default: the available cores). 1 runs everything in this thread. */
  threads?: number;
}

/** The default thread count: one per available core. */
export function defaultThreads(): number {
  return Math.max(1, os.availableParallelism());
}

/**
 * Ingest files with worker threads: workers read, analyse and build the rows to store; this thread
 * alone writes them (SQLite has one writer), in input order, so the knowledge base ends up exactly as a single-thread
 * ingest leaves it. At most two files per worker are in flight, which bounds memory. Large text
 * files are streamed by this thread, in their turn, once the files before them are stored.
 * Stage progress (onStage) is not reported from workers; file progress is.
 */
export async function ingestFilesParallel(kb: KnowledgeBase, files: string[], opts: ParallelIngestOptions = {}): Promise<IngestOutcome[]> {
  const threads = Math.min(opts.threads ?? defaultThreads(), files.length);
  if (threads <= 1 || opts.context) return ingestFiles(kb, files, opts);

  const outcomes: IngestOutcome[] = new Array(files.length);
  const pool = new WorkerPool(threads);
  try {
    // 'stream' marks a large text file, which this thread ingests itself when its turn comes.
    const waiting = new Map<number, Promise<WorkerResult['result'] | 'stream'>>();
    let next = 0;
    // Keep up to 2 x threads files queued in workers ahead of the one being stored.
    const fill = async (): Promise<void> => {
      while (next < files.length && waiting.size < threads * 2) {
        const seq = next++;
        const file = files[seq]!;
        waiting.set(seq, (await isLargeTextFile(file, opts.read)) ? Promise.resolve('stream') : pool.run({ seq, file, period: opts.period, read: opts.read }));
      }
    };
    for (let seq = 0; seq < files.length; seq++) {
      await fill();
      const file = files[seq]!;
      opts.onFileStart?.(file, seq, files.length);
      const result = await waiting.get(seq)!;
      waiting.delete(seq);
      let outcome: IngestOutcome;
      if (result === 'stream') outcome = await ingestOne(kb, file, opts);
      else if ('ok' in result) outcome = result;
      else outcome = await storeAnalysedRows(kb, file, result.rows, result.summary);
      outcomes[seq] = outcome;
      opts.onFileDone?.(outcome, seq, files.length);
    }
  } finally {
    await pool.close();
  }
  return outcomes;
}

/**
 * The worker's code: the compiled .js next to this file or, when running from sources (tests,
 * tsx), the .ts file loaded through tsx (a dev dependency) from a small bootstrap script.
 */
function workerEntry(): { script: URL | string; eval: boolean; execArgv?: string[] } {
  const js = new URL('./ingest-worker.js', import.meta.url);
  // Compiled code needs no loader: a worker would otherwise inherit this process's (tsx's, when a
  // script runs through it), and every module it imports would go through the loader's thread.
  if (existsSync(fileURLToPath(js))) return { script: js, eval: false, execArgv: withoutLoaders(process.execArgv) };
  // require.resolve finds the CommonJS build of tsx's API; the ES module build sits beside it.
  const api = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const ts = new URL('./ingest-worker.ts', import.meta.url).href;
  return { script: `import(${JSON.stringify(api)}).then((t) => t.tsImport(${JSON.stringify(ts)}, ${JSON.stringify(import.meta.url)}));`, eval: true };
}

/** Node options without module loaders and preloads (`--import x`, `--loader=x`, `-r x` ...); the rest, such as memory limits, stay. */
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

/** A fixed set of workers, each given one job at a time; a worker that dies fails its job and is replaced. */
class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly queue: { job: WorkerJob; resolve: (r: WorkerResult['result']) => void }[] = [];
  private readonly busy = new Map<Worker, { job: WorkerJob; resolve: (r: WorkerResult['result']) => void }>();
  private readonly all = new Set<Worker>();
  private closing = false;

  constructor(size: number) {
    for (let i = 0; i < size; i++) this.idle.push(this.spawn());
  }

  run(job: WorkerJob): Promise<WorkerResult['result']> {
    return new Promise((resolve) => {
      this.queue.push({ job, resolve });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.all].map((w) => w.terminate()));
  }

  private spawn(): Worker {
    const entry = workerEntry();
    const worker = new Worker(entry.script, { eval: entry.eval, ...(entry.execArgv ? { execArgv: entry.execArgv } : {}) });
    this.all.add(worker);
    worker.on('message', (msg: WorkerResult) => {
      const task = this.busy.get(worker);
      this.busy.delete(worker);
      this.idle.push(worker);
      task?.resolve(msg.result);
      this.dispatch();
    });
    const fail = (why: string) => {
      this.all.delete(worker);
      const task = this.busy.get(worker);
      this.busy.delete(worker);
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
      if (this.closing) return;
      task?.resolve({ file: task.job.file, ok: false, problem: 'internal', message: `${task.job.file}: analysis failed: worker ${why}` });
      this.idle.push(this.spawn());
      this.dispatch();
    };
    worker.on('error', (err) => fail(`error: ${err.message}`));
    worker.on('exit', (code) => { if (this.all.has(worker)) fail(`exited with code ${code}`); });
    return worker;
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.shift()!;
      const task = this.queue.shift()!;
      this.busy.set(worker, task);
      worker.postMessage(task.job);
    }
  }
}
