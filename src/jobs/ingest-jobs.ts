import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { KnowledgeBase } from '../kb/open-knowledge-base.js';
import { ingestOne, type IngestOutcome } from '../pipeline/ingest.js';
import { pipelineVersion } from '../pipeline/version.js';
import type { PeriodOverride } from '../read/infer-period.js';
import type { NewJob } from './job-queue.js';

/** The queue ingest jobs go to. */
export const INGEST_QUEUE = 'ingest';

/** One file to read, analyse and store. The path must be readable by every worker (a shared mount). */
export interface IngestJobPayload {
  file: string;
  period?: string;
  dct?: string;
}

/**
 * A job per file. The key names the file's path, size and modification time, the options and the
 * pipeline version: enqueueing the same unchanged folder again adds nothing, while an edited
 * file or an upgraded pipeline adds the work anew.
 */
export async function ingestJobsFor(files: string[], override: PeriodOverride = {}): Promise<{ jobs: NewJob[]; problems: string[] }> {
  const jobs: NewJob[] = [];
  const problems: string[] = [];
  for (const given of files) {
    const file = path.resolve(given);
    try {
      const st = await fs.stat(file);
      if (!st.isFile()) { problems.push(`${given}: not a file`); continue; }
      const payload: IngestJobPayload = { file, ...(override.period ? { period: override.period } : {}), ...(override.dct ? { dct: override.dct } : {}) };
      const key = [file, st.size, Math.trunc(st.mtimeMs), override.period ?? '', override.dct ?? '', pipelineVersion()].join('|');
      jobs.push({ key, payload, bytes: st.size });
    } catch (err) {
      problems.push(`${given}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
    }
  }
  return { jobs, problems };
}

export function parseIngestPayload(text: string): IngestJobPayload {
  const value = JSON.parse(text) as Partial<IngestJobPayload>;
  if (typeof value.file !== 'string' || !value.file) throw new Error(`not an ingest job: ${text.slice(0, 200)}`);
  return { file: value.file, period: value.period, dct: value.dct };
}

/** Run one ingest job; a failure comes back as an outcome with ok: false, not as a throw. */
export async function runIngestJob(kb: KnowledgeBase, payload: IngestJobPayload): Promise<IngestOutcome> {
  return ingestOne(kb, payload.file, { period: { period: payload.period, dct: payload.dct } });
}
