import type { AnalysedDocument } from '../model/index.js';
import type { ReadOptions } from '../read/read-file.js';
import type { PeriodOverride } from '../read/infer-period.js';
import type { KnowledgeBase } from '../kb/open-knowledge-base.js';
import { storeDocumentRows, type StoreResult } from '../kb/store-document.js';
import { documentRows, summarise, type DocumentRows, type DocumentSummary } from '../kb/document-rows.js';
import { consolidateAfterStore } from '../consolidate/consolidate-after-store.js';
import type { StageName } from './analyse.js';
import { ingestLargeText, isLargeTextFile, type LargeTextOptions } from './ingest-large-text.js';
import type { PipelineContext } from './context.js';
import { readAndAnalyse } from './read-and-analyse.js';
import { IngestBatch, isBigFile } from './ingest-batch.js';
import { unchangedOutcome } from './unchanged-document.js';

export { analysisFailure, readAndAnalyse } from './read-and-analyse.js';
export { IngestBatch } from './ingest-batch.js';

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
  // A few documents per transaction (IngestBatch); each outcome is reported once it is committed.
  const batch = new IngestBatch(kb);
  try {
    for (const [i, file] of files.entries()) {
      opts.onFileStart?.(file, i, files.length);
      const done = (outcome: IngestOutcome) => {
        outcomes[i] = outcome;
        opts.onFileDone?.(outcome, i, files.length);
      };
      // A large file is stored part by part in transactions of its own, and a big one is analysed with no batch waiting on it.
      if (await isLargeTextFile(file, opts.read)) {
        await batch.commit();
        done(await ingestLargeText(kb, file, opts));
        continue;
      }
      // A file stored before by this analysis, unchanged since, is not analysed again.
      const unchanged = await unchangedOutcome(kb, file, opts);
      if (unchanged) {
        batch.report(unchanged, done);
        continue;
      }
      if (await isBigFile(file)) await batch.commit();
      const doc = await readAndAnalyse(file, opts);
      if ('ok' in doc) batch.report(doc, done);
      else await batch.store(() => storeAnalysed(kb, file, doc), done);
    }
    await batch.commit();
  } catch (err) {
    batch.rollback();
    throw err;
  }
  return outcomes;
}
