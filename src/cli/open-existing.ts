import { existsSync } from 'node:fs';
import { openKnowledgeBase, type KnowledgeBase } from '../kb/open-knowledge-base.js';
import { UsageError } from './shared-options.js';

/** Open a knowledge base that must already exist (listing commands never create an empty file). */
export async function openExisting(db: string): Promise<KnowledgeBase> {
  if (db !== ':memory:' && !/^postgres/.test(db) && !existsSync(db)) {
    throw new UsageError(`no knowledge base at ${db}; run \`diplograph ingest <files>\` first or pass --db`);
  }
  return openKnowledgeBase(db);
}
