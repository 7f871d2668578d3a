import path from 'node:path';
import type { AnalysedDocument } from '../model/index.js';
import { ReadError } from '../read/read-error.js';
import { readBytes, readFile } from '../read/read-file.js';
import { analyse } from './analyse.js';
import { defaultContext } from './context.js';
import type { IngestFailure, IngestOptions } from './ingest.js';

// Apart from ingest.ts so that a worker thread, which only reads and analyses, does not load the
// knowledge base's modules (kysely alone was about 120 ms of CPU at every worker's start).

/** The read and analyse half of ingestOne (what worker threads run). */
export async function readAndAnalyse(file: string, opts: IngestOptions = {}, bytes?: Uint8Array): Promise<AnalysedDocument | IngestFailure> {
  try {
    // A file is known by its absolute path, so that re-ingesting it from another directory
    // still replaces its older version.
    const readOptions = { ...opts.read, source: opts.read?.source ?? (bytes ? file : path.resolve(file)) };
    const read = bytes ? await readBytes(file, bytes, readOptions) : await readFile(file, readOptions);
    return analyse(read, opts.context ?? defaultContext(), { period: opts.period, onStage: (s) => opts.onStage?.(file, s) });
  } catch (err) {
    return analysisFailure(file, err);
  }
}

export function analysisFailure(file: string, err: unknown): IngestFailure {
  if (err instanceof ReadError) return { file, ok: false, problem: err.problem, message: err.message };
  if (err instanceof RangeError) return { file, ok: false, problem: 'invalid-option', message: `${file}: ${err.message}` };
  return { file, ok: false, problem: 'internal', message: `${file}: analysis failed: ${(err as Error).stack ?? String(err)}` };
}
