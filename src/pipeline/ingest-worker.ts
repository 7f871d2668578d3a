import { parentPort } from 'node:worker_threads';
import type { AnalysedDocument } from '../model/index.js';
import type { PeriodOverride } from '../read/infer-period.js';
import type { ReadOptions } from '../read/read-file.js';
import { readAndAnalyse, type IngestFailure } from './ingest.js';

/** A file for a worker to read and analyse. */
export interface WorkerJob {
  seq: number;
  file: string;
  period?: PeriodOverride;
  read?: ReadOptions;
}

/** What comes back: the analysed document (stored by the main thread) or why there is none. */
export interface WorkerResult {
  seq: number;
  result: AnalysedDocument | IngestFailure;
}

// Each worker loads the gazetteer and compiled matchers once, then analyses files as they come.
parentPort?.on('message', (job: WorkerJob) => {
  void readAndAnalyse(job.file, { period: job.period, read: job.read }).then(
    (result) => parentPort!.postMessage({ seq: job.seq, result } satisfies WorkerResult),
    (err: unknown) => parentPort!.postMessage({
      seq: job.seq,
      result: { file: job.file, ok: false, problem: 'internal', message: `${job.file}: analysis failed: ${String(err)}` },
    } satisfies WorkerResult),
  );
});
