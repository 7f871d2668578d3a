import { parentPort } from 'node:worker_threads';
import type { PeriodOverride } from '../read/infer-period.js';
import type { ReadOptions } from '../read/read-file.js';
import { documentRows, summarise, type DocumentSummary } from '../kb/document-rows.js';
import type { IngestFailure } from './ingest.js';
import { readAndAnalyse } from './read-and-analyse.js';

/** A file for a worker to read and analyse. */
export interface WorkerJob {
  seq: number;
  file: string;
  period?: PeriodOverride;
  read?: ReadOptions;
}

/**
 * What comes back: the rows to store, as one JSON string (documentRows), with what the ingest
 * reports about them; or why there are none. A string crosses threads as one copy, where the
 * analysed document's object graph cost a structured clone on each side, and building the rows
 * here leaves the thread that writes nothing else to do.
 */
export interface WorkerResult {
  seq: number;
  result: AnalysedRows | IngestFailure;
}

export interface AnalysedRows {
  rows: string;
  summary: DocumentSummary;
}

// Each worker loads the gazetteer and compiled matchers once, then analyses files as they come.
parentPort?.on('message', (job: WorkerJob) => {
  void readAndAnalyse(job.file, { period: job.period, read: job.read })
    .then((doc): AnalysedRows | IngestFailure => ('ok' in doc ? doc : { rows: JSON.stringify(documentRows(doc)), summary: summarise(doc) }))
    .then(
      (result) => parentPort!.postMessage({ seq: job.seq, result } satisfies WorkerResult),
      (err: unknown) => parentPort!.postMessage({
        seq: job.seq,
        result: { file: job.file, ok: false, problem: 'internal', message: `${job.file}: analysis failed: ${String(err)}` },
      } satisfies WorkerResult),
    );
});
