import { existsSync } from 'node:fs';
import { openKnowledgeBase, resolveLocation, type KnowledgeBase } from '../kb/open-knowledge-base.js';
import { isPostgresUrl } from '../kb/dialect.js';
import { UsageError } from './shared-options.js';

/**
 * Open a knowledge base that must already exist (listing commands never create an empty file).
 * The location is resolved first so that DIPLOGRAPH_DB_URL counts when --db was left at its default.
 */
export async function openExisting(db: string): Promise<KnowledgeBase> {
  const where = resolveLocation(db);
  if (where !== ':memory:' && !isPostgresUrl(where) && !existsSync(where)) {
    throw new UsageError(`no knowledge base at ${where}; run \`diplograph ingest <files>\` first, pass --db or set DIPLOGRAPH_DB_URL`);
  }
  return openKnowledgeBase(where);
}
