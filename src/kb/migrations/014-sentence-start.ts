import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';

/**
 * Sentences by document and start: a page of events reads each event's evidence sentence (its
 * stored text is exact, see 007) with one index probe instead of the whole document's text, and a
 * citation finds the sentence holding a span the same way. The key (doc, idx) does not help there,
 * as events store offsets, not sentence numbers. `if not exists`, so that a knowledge base whose
 * record of this migration was removed (a benchmark alternating with older code) takes it again.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema.createIndex('sentences_start').ifNotExists().on('sentences').columns(['doc', 'start']).execute();
}
