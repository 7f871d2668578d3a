import { existsSync } from 'node:fs';
import { openKnowledgeBase, resolveLocation, type KnowledgeBase } from '../kb/open-knowledge-base.js';
import { isPostgresUrl } from '../kb/dialect.js';

/**
 * Open the knowledge base that holds the queue. Creating it is fine for `enqueue` and `worker`
 * (they bring their own schema); `status` asks for an existing one so a typo is not a new file.
 */
export async function openQueueDatabase(db: string | undefined, mustExist: boolean): Promise<KnowledgeBase> {
  const location = resolveLocation(db);
  if (mustExist && location !== ':memory:' && !isPostgresUrl(location) && !existsSync(location)) {
    throw new QueueDatabaseMissing(`no knowledge base at ${location}; pass --db or set DIPLOGRAPH_DB_URL`);
  }
  return openKnowledgeBase(location);
}

export class QueueDatabaseMissing extends Error {}
