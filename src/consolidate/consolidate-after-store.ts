import type { KnowledgeBase } from '../kb/open-knowledge-base.js';
import type { StoreResult } from '../kb/store-document.js';
import { consolidateDocument } from './consolidate-events.js';

/**
 * Run consolidation for a document just stored. The document is stored whatever happens here: a
 * failure becomes a message on the document (rule `consolidate.failed`), not a failed ingest.
 */
export async function consolidateAfterStore(kb: KnowledgeBase, stored: StoreResult): Promise<void> {
  if (stored.status === 'unchanged') return;
  try {
    await consolidateDocument(kb, stored.id);
  } catch (err) {
    await kb.db.insertInto('messages').values({
      doc: stored.id, start: null, end: null, rule: 'consolidate.failed', severity: 'warning',
      message: `events of this document were not merged with other documents: ${(err as Error).message}`,
    }).execute().catch(() => undefined);
  }
}
