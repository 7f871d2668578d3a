import { createHash } from 'node:crypto';

/**
 * The id a document gets from its text: the first 16 hex digits of the SHA-256 of the normalised
 * text, as src/read/read-file.ts computes it. Two knowledge bases holding the same text hold it
 * under the same id, which is what lets an import recognise a document it already has.
 */
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
