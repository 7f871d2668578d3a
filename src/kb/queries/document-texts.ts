import type { KnowledgeBase } from '../open-knowledge-base.js';

/** The texts of some documents, to cut evidence sentences out of them (rows store offsets only). */
export async function documentTexts(kb: KnowledgeBase, docs: Iterable<string>): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const doc of new Set(docs)) {
    const d = await kb.db.selectFrom('documents').select('text').where('id', '=', doc).executeTakeFirst();
    texts.set(doc, d?.text ?? '');
  }
  return texts;
}
