import path from 'node:path';
import type { AnalysedDocument } from '../model/index.js';
import { ReadError } from '../read/read-error.js';
import { readBytes, readFile, type ReadOptions } from '../read/read-file.js';
import type { PeriodOverride } from '../read/infer-period.js';
import type { KnowledgeBase } from '../kb/open-knowledge-base.js';
import { storeDocumentRows, type StoreResult } from '../kb/store-document.js';
import { documentRows, summarise, type DocumentRows, type DocumentSummary } from '../kb/document-rows.js';
import { consolidateAfterStore } from '../consolidate/consolidate-after-store.js';
import { analyse, type StageName } from './analyse.js';
import { ingestLargeText, isLargeTextFile, type LargeTextOptions } from './ingest-large-text.js';
import { defaultContext, type PipelineContext } from './context.js';

export interface IngestOptions {
  period?: PeriodOverride;
  read?: ReadOptions & LargeTextOptions;
  context?: PipelineContext;
  onFileStart?: (file: string, index: number, total: number) => void;
  onStage?: (file: string, stage: StageName) => void;
  onFileDone?: (outcome: IngestOutcome, index: number, total: number) => void;
}

export type IngestOutcome =
  | ({ file: string; ok: true; title: string; sentences: number; mentions: number; events: number; messages: number; parts?: number } & StoreResult)
  | { file: string; ok: false; problem: string; message: string };

/** A file that could not be read or analysed: the outcome to report, nothing stored. */
export type IngestFailure = Extract<IngestOutcome, { ok: false }>;

/** Read, analyse and store one document given as bytes (an upload) or as a path. */
export async function ingestOne(kb: KnowledgeBase, file: string, opts: IngestOptions = {}, bytes?: Uint8Array): Promise<IngestOutcome> {
  // A text file too large to hold comfortably is read and stored part by part (see stream-large-text).
  if (!bytes && (await isLargeTextFile(file, opts.read))) return ingestLargeText(kb, file, opts);
  const doc = await readAndAnalyse(file, opts, bytes);
  return 'ok' in doc ? doc : storeAnalysed(kb, file, doc);
}

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

/** The store half of ingestOne: one transaction, nothing changed on failure. */
export async function storeAnalysed(kb: KnowledgeBase, file: string, doc: AnalysedDocument): Promise<IngestOutcome> {
  return storeRows(kb, file, () => documentRows(doc), summarise(doc));
}

/** storeAnalysed for rows a worker thread built (documentRows) and sent as JSON. */
export async function storeAnalysedRows(kb: KnowledgeBase, file: string, rowsJson: string, summary: DocumentSummary): Promise<IngestOutcome> {
  return storeRows(kb, file, () => JSON.parse(rowsJson) as DocumentRows, summary);
}

async function storeRows(kb: KnowledgeBase, file: string, rows: () => DocumentRows, summary: DocumentSummary): Promise<IngestOutcome> {
  try {
    const stored = await storeDocumentRows(kb, rows());
    await consolidateAfterStore(kb, stored);
    return { file, ok: true, ...stored, ...summary };
  } catch (err) {
    return { file, ok: false, problem: 'store', message: `${file}: could not be stored (nothing was changed): ${(err as Error).message}` };
  }
}

/** Ingest files one after another; a failing file never stops the others. */
export async function ingestFiles(kb: KnowledgeBase, files: string[], opts: IngestOptions = {}): Promise<IngestOutcome[]> {
  const outcomes: IngestOutcome[] = [];
  for (const [i, file] of files.entries()) {
    opts.onFileStart?.(file, i, files.length);
    const outcome = await ingestOne(kb, file, opts);
    outcomes.push(outcome);
    opts.onFileDone?.(outcome, i, files.length);
  }
  return outcomes;
}
