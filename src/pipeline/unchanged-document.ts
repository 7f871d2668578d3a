import path from 'node:path';
import { sql } from 'kysely';
import type { KnowledgeBase } from '../kb/open-knowledge-base.js';
import { isSameAnalysis, type StoredVersion } from '../kb/store-document.js';
import { inferPeriod } from '../read/infer-period.js';
import { readFile } from '../read/read-file.js';
import { pipelineVersion } from './version.js';
import type { IngestOptions, IngestOutcome } from './ingest.js';

interface StoredDocument extends StoredVersion {
  id: string;
  title: string;
}

/**
 * The outcome of ingesting a file whose text the knowledge base already holds, stored from this source by this
 * analysis in this period: 'unchanged', found before any analysis, so that ingesting a folder again after adding a
 * few files analyses only those. Undefined when the file must be analysed: nothing stored from its source by this
 * analysis (the common case, one indexed lookup), other text, another period, or a file that cannot be read (the
 * analysis path reports that).
 */
export async function unchangedOutcome(kb: KnowledgeBase, file: string, opts: IngestOptions = {}): Promise<IngestOutcome | undefined> {
  const source = opts.read?.source ?? path.resolve(file);
  const version = pipelineVersion();
  const stored = (await sql<StoredDocument>`select id, title, pipeline_version, period_start, period_end, dct from documents where source = ${source} and pipeline_version = ${version}`.execute(kb.db)).rows;
  if (stored.length === 0) return undefined;
  let read;
  try {
    read = await readFile(file, { ...opts.read, source });
  } catch {
    return undefined;
  }
  const same = stored.find((d) => d.id === read.id);
  if (!same) return undefined;
  const { period } = inferPeriod(read, opts.period);
  if (!isSameAnalysis(same, { pipeline_version: version, period_start: period.start, period_end: period.end, dct: period.dct ?? null })) return undefined;
  const [counts] = (await sql<{ sentences: number | string; mentions: number | string; events: number | string; messages: number | string }>`select
      (select count(*) from sentences where doc = ${same.id}) as sentences, (select count(*) from mentions where doc = ${same.id}) as mentions,
      (select count(*) from events where doc = ${same.id}) as events, (select count(*) from messages where doc = ${same.id}) as messages`.execute(kb.db)).rows;
  return {
    file, ok: true, id: same.id, status: 'unchanged', replaced: [], title: same.title,
    sentences: Number(counts!.sentences), mentions: Number(counts!.mentions), events: Number(counts!.events), messages: Number(counts!.messages),
  };
}
