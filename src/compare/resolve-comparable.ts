import { statSync } from 'node:fs';
import path from 'node:path';
import type { KnowledgeBase } from '../kb/open-knowledge-base.js';
import { findDocumentId } from '../kb/queries/list-documents.js';
import { readFile } from '../read/read-file.js';
import { analyse } from '../pipeline/analyse.js';
import { defaultContext } from '../pipeline/context.js';
import type { PeriodOverride } from '../read/infer-period.js';
import { fromAnalysed, type ComparableDocument } from './comparable-document.js';
import { loadStoredDocument } from './load-stored-document.js';

export function isFile(ref: string): boolean {
  try {
    return statSync(ref).isFile();
  } catch {
    return false;
  }
}

/**
 * A comparison side from a file (read and analysed now, not stored) or from a document in the
 * knowledge base (id or unique id prefix). Throws a plain Error naming the reference otherwise.
 */
export async function resolveComparable(ref: string, kb: KnowledgeBase | undefined, period?: PeriodOverride): Promise<ComparableDocument> {
  if (isFile(ref)) {
    const read = await readFile(ref, { source: path.resolve(ref) });
    return fromAnalysed(analyse(read, defaultContext(), { period }));
  }
  if (!kb) throw new Error(`"${ref}" is not a file, and there is no knowledge base to look it up in`);
  const id = await findDocumentId(kb, ref);
  if (!id) throw new Error(`"${ref}" is neither a file nor a document id (or unique prefix) in ${kb.location}`);
  const doc = await loadStoredDocument(kb, id);
  if (!doc) throw new Error(`document ${id} vanished while it was being read`);
  return doc;
}
