import path from 'node:path';
import type { ExportJson } from '../export/export-types.js';
import type { KnowledgeBase } from '../kb/open-knowledge-base.js';
import { writeTransaction } from '../kb/write-transaction.js';
import { lockKeys } from '../kb/dialect.js';
import { consolidateAfterStore } from '../consolidate/consolidate-after-store.js';
import { ImportError } from './import-error.js';
import { insertImportedDocument } from './insert-imported-document.js';
import { splitByDocument, type DocumentSlice } from './split-by-document.js';

export type ImportStatus = 'added' | 'present';

export interface ImportedDocument {
  id: string;
  title: string;
  source: string;
  /** `present`: the knowledge base already holds a document with this content hash, which is kept as it is. */
  status: ImportStatus;
  events: number;
  mentions: number;
  /**
   * Other documents of the same source already in the knowledge base (another version of the
   * file). Both are kept: which text is the newer one is for the person merging to decide, and
   * re-ingesting the file replaces every older version.
   */
  otherVersions: string[];
}

export interface ImportSummary {
  documents: ImportedDocument[];
  /** Entities the knowledge base did not have before. */
  entitiesAdded: number;
}

export interface ImportOptions {
  /** Names the file in messages and in `entities.source` of the entities it adds. */
  file: string;
  /** Report what would happen without writing. */
  dryRun?: boolean;
  /** Called after each document is written (or found present). */
  onDocument?: (done: number, total: number, doc: ImportedDocument) => void;
  now?: Date;
}

const LOOKUP_CHUNK = 400;

/**
 * Import a validated export (see validateExport) into a knowledge base. Documents are known by the
 * hash of their text: one the knowledge base already holds is skipped and reported `present`, so
 * importing a file twice changes nothing and two teams' exports merge without duplicates. Each new
 * document is written in one write transaction, then its events are consolidated with the other
 * documents' as after an ingest. Before anything is written, ids the new documents would add are
 * checked against the knowledge base, so a clash fails the whole import with nothing written.
 */
export async function importExport(kb: KnowledgeBase, data: ExportJson, opts: ImportOptions): Promise<ImportSummary> {
  const slices = splitByDocument(data);
  const present = await existingIds(kb, 'documents', slices.map((s) => s.document.id));
  const fresh = slices.filter((s) => !present.has(s.document.id));
  await refuseClashes(kb, fresh, opts.file);

  const entities = new Map(data.entities.map((e) => [e.id, e]));
  const summary: ImportSummary = { documents: [], entitiesAdded: 0 };
  const base = (opts.now ?? new Date()).getTime();
  const counted = new Set<string>();
  for (const [i, slice] of slices.entries()) {
    const d = slice.document;
    let status: ImportStatus = present.has(d.id) ? 'present' : 'added';
    if (status === 'added' && !opts.dryRun) {
      const added = await writeTransaction(kb, async (trx) => {
        await lockKeys(trx, kb.dialect, [`doc:${d.id}`]);
        // Another writer may have stored the same text since the check above.
        if (await trx.selectFrom('documents').select('id').where('id', '=', d.id).executeTakeFirst()) return undefined;
        // One millisecond apart, so that the knowledge base lists the documents in the file's order.
        return insertImportedDocument(trx, slice, { entities, entitySource: `import:${path.basename(opts.file)}`, ingestedAt: new Date(base + i).toISOString(), dialect: kb.dialect });
      });
      if (added === undefined) status = 'present';
      else {
        summary.entitiesAdded += added;
        await consolidateAfterStore(kb, { id: d.id, status: 'added', replaced: [] });
      }
    } else if (status === 'added') {
      for (const id of await missingEntities(kb, slice)) counted.add(id);
      summary.entitiesAdded = counted.size;
    }
    const otherVersions = status === 'added'
      ? (await kb.db.selectFrom('documents').select('id').where('source', '=', d.source).where('id', '!=', d.id).orderBy('id').execute()).map((r) => r.id)
      : [];
    const outcome: ImportedDocument = { id: d.id, title: d.title, source: d.source, status, events: slice.events.length, mentions: slice.mentions.length, otherVersions };
    summary.documents.push(outcome);
    opts.onDocument?.(i + 1, slices.length, outcome);
  }
  return summary;
}

/**
 * Event, stance and figure ids embed their document's id, so they can only already exist when the
 * knowledge base was edited by hand or the export by another tool; either way, refuse up front.
 */
async function refuseClashes(kb: KnowledgeBase, fresh: DocumentSlice[], file: string): Promise<void> {
  const problems: string[] = [];
  for (const table of ['events', 'stances', 'figures'] as const) {
    const ids = fresh.flatMap((s) => s[table].map((r) => r.id));
    const rows = await existingRows(kb, table, ids);
    for (const r of rows.slice(0, 5)) problems.push(`${table} id "${r.id}" is already in the knowledge base (document ${r.doc}); nothing was imported`);
  }
  if (problems.length) throw new ImportError(file, problems);
}

async function existingIds(kb: KnowledgeBase, table: 'documents', ids: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += LOOKUP_CHUNK) {
    const rows = await kb.db.selectFrom(table).select('id').where('id', 'in', ids.slice(i, i + LOOKUP_CHUNK)).execute();
    for (const r of rows) found.add(r.id);
  }
  return found;
}

async function existingRows(kb: KnowledgeBase, table: 'events' | 'stances' | 'figures', ids: string[]): Promise<Array<{ id: string; doc: string }>> {
  const out: Array<{ id: string; doc: string }> = [];
  for (let i = 0; i < ids.length; i += LOOKUP_CHUNK) {
    out.push(...await kb.db.selectFrom(table).select(['id', 'doc']).where('id', 'in', ids.slice(i, i + LOOKUP_CHUNK)).execute());
  }
  return out;
}

async function missingEntities(kb: KnowledgeBase, slice: DocumentSlice): Promise<string[]> {
  const ids = [...slice.entityIds];
  const present = new Set<string>();
  for (let i = 0; i < ids.length; i += LOOKUP_CHUNK) {
    for (const r of await kb.db.selectFrom('entities').select('id').where('id', 'in', ids.slice(i, i + LOOKUP_CHUNK)).execute()) present.add(r.id);
  }
  return ids.filter((id) => !present.has(id));
}
