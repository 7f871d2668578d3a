import path from 'node:path';
import { sql } from 'kysely';
import type { AnalysedDocument } from '../../src/model/index.js';
import type { KnowledgeBase } from '../../src/kb/open-knowledge-base.js';
import { readAndAnalyse, storeAnalysed } from '../../src/pipeline/ingest.js';

export const SAMPLE_FILE = path.resolve('samples', 'diplomatic-bluebook-2023-ch2-russia-belarus.txt');

let analysed: Promise<AnalysedDocument> | undefined;

/** The sample analysed once per test file (analysis is the slow part), stored into as many knowledge bases as needed. */
export function analysedSample(): Promise<AnalysedDocument> {
  analysed ??= readAndAnalyse(SAMPLE_FILE).then((d) => {
    if ('ok' in d) throw new Error(`sample failed: ${d.message}`);
    return d;
  });
  return analysed;
}

/** Ingest the sample as `diplograph ingest` does (store, then consolidate). */
export async function storeSample(kb: KnowledgeBase): Promise<void> {
  const outcome = await storeAnalysed(kb, SAMPLE_FILE, await analysedSample());
  if (!outcome.ok) throw new Error(outcome.message);
}

export const ALL_TABLES = [
  'documents', 'sections', 'paragraphs', 'sentences', 'footnotes', 'entities', 'mentions', 'timexes',
  'events', 'event_actors', 'stances', 'agreement_status', 'figures', 'messages', 'event_clusters',
] as const;

/** Row count of every knowledge-base table: what "unchanged" is measured by. */
export async function tableCounts(kb: KnowledgeBase): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of ALL_TABLES) {
    const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(t)}`.execute(kb.db);
    out[t] = Number(r.rows[0]!.n);
  }
  return out;
}
