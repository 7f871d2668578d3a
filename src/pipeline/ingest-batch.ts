import { stat } from 'node:fs/promises';
import type { KnowledgeBase } from '../kb/open-knowledge-base.js';
import { WriteBatch } from '../kb/write-transaction.js';
import type { IngestOutcome } from './ingest.js';

/**
 * Most documents in one batch, and the longest it stays open: other writers wait for its write lock
 * (busy_timeout 10 s). Larger batches write fewer index pages again: at 64/500 ms the store stage
 * of the whole UN corpus took 5.39-5.64 s CPU against 6.01-6.20 s at 16/150 ms. At 500 ms the
 * time limit ended most batches before 64 documents (34 on average in a single-thread ingest of
 * the dev corpus); at 1000 ms most reach it (57 on average), and storing the same rows in batches
 * of 64 takes SQLite 7.5% fewer instructions than in batches of 32: most of a commit's work is
 * FTS5 writing the batch's terms as a new segment and merging segments (commits of 200 documents'
 * rows: 196M instructions in batches of 32, 109M in batches of 64, the merging 112M against 36M).
 */
export const BATCH_DOCUMENTS = 64;
export const BATCH_MS = 1000;

type Report = (outcome: IngestOutcome) => void;

/** Files above this size are not analysed while a batch holds the write lock (analysis takes about a second per MB). */
const BIG_FILE_BYTES = 512 * 1024;

export async function isBigFile(file: string): Promise<boolean> {
  return stat(file).then((s) => s.size > BIG_FILE_BYTES, () => false);
}

/**
 * An ingest run's documents stored a few at a time in one transaction (see WriteBatch): each
 * document (and its consolidation) in savepoints of its own, the batch committed after
 * BATCH_DOCUMENTS documents or BATCH_MS milliseconds, before a large file is streamed, and at the
 * end. A document's outcome is reported only once the batch holding it is committed, so "added"
 * always means stored; when the commit fails, every document of the batch is reported as not
 * stored. In input order: an outcome that stored nothing waits for the ones before it.
 */
export class IngestBatch {
  private batch: WriteBatch | undefined;
  private documents = 0;
  private pending: Array<{ outcome: IngestOutcome; report: Report }> = [];

  private readonly maxDocuments: number;
  private readonly maxMs: number;

  /** `limits` exist for tests, which must not depend on how fast a loaded machine stores. */
  constructor(
    private readonly kb: KnowledgeBase,
    limits: { documents?: number; ms?: number } = {},
  ) {
    this.maxDocuments = limits.documents ?? BATCH_DOCUMENTS;
    this.maxMs = limits.ms ?? BATCH_MS;
  }

  /** Store a document through `store` (which writes with writeTransaction) in the open batch, opening one if needed. */
  async store(store: () => Promise<IngestOutcome>, report: Report): Promise<void> {
    if (!this.batch) {
      // Not opened (PostgreSQL, or another writer held the lock too long): the document gets its own transaction.
      this.batch = await WriteBatch.open(this.kb).catch(() => undefined);
      this.documents = 0;
    }
    const outcome = await store();
    if (!this.batch) return this.report(outcome, report);
    this.pending.push({ outcome, report });
    this.documents++;
    if (this.batch.lost || this.documents >= this.maxDocuments || performance.now() - this.batch.startedAt >= this.maxMs) await this.commit();
  }

  /** Milliseconds the open batch may still stay open before it is due for commit (0 when none is open). */
  msLeft(): number {
    return this.batch ? Math.max(0, this.maxMs - (performance.now() - this.batch.startedAt)) : 0;
  }

  /** An outcome with nothing to store (a file that could not be read), reported in its turn. */
  report(outcome: IngestOutcome, report: Report): void {
    if (this.pending.length) this.pending.push({ outcome, report });
    else report(outcome);
  }

  /** Commit what the batch holds (if anything) and report its outcomes. */
  async commit(): Promise<void> {
    const batch = this.batch;
    const pending = this.pending;
    this.batch = undefined;
    this.pending = [];
    let failure: Error | undefined;
    try {
      await batch?.commit();
    } catch (err) {
      failure = err as Error;
    }
    for (const { outcome, report } of pending) {
      // A document found unchanged wrote nothing to the batch: it is stored as it was, commit or not.
      report(failure && outcome.ok && outcome.status !== 'unchanged'
        ? { file: outcome.file, ok: false, problem: 'store', message: `${outcome.file}: could not be stored (nothing was changed): ${failure.message}` }
        : outcome);
    }
  }

  /** Give up: nothing of the open batch stays (for an ingest that is failing as a whole). */
  rollback(): void {
    this.batch?.rollback();
    this.batch = undefined;
    this.pending = [];
  }
}
