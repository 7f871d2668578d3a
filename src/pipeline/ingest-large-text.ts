import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { KnowledgeBase } from '../kb/open-knowledge-base.js';
import { deleteDocument } from '../kb/store-document.js';
import { readBytes, type ReadOptions } from '../read/read-file.js';
import { isLargeText, LARGE_TEXT_BYTES, streamTextParts, type StreamOptions } from '../read/stream-large-text.js';
import type { StoreStatus } from '../kb/store-document.js';
import { analyse } from './analyse.js';
import { defaultContext } from './context.js';
import { analysisFailure, storeAnalysed, type IngestOptions, type IngestOutcome } from './ingest.js';

/** Options for large files, beside the ordinary ingest options. */
export interface LargeTextOptions {
  /** Size in bytes above which a text file is streamed (default LARGE_TEXT_BYTES). */
  largeTextBytes?: number;
  stream?: StreamOptions;
}

/** The source recorded for part n of a large file: "<absolute path>#part-0001". */
export function partSource(source: string, index: number): string {
  return `${source}#part-${String(index).padStart(4, '0')}`;
}

export async function isLargeTextFile(file: string, read?: ReadOptions & LargeTextOptions): Promise<boolean> {
  if (read?.format && read.format !== 'text') return false;
  return isLargeText(file, read?.largeTextBytes ?? LARGE_TEXT_BYTES);
}

/**
 * Ingest a text file too large to analyse whole: it is read in parts cut at paragraph boundaries,
 * and each part is analysed and stored as a document of its own, one after another, so memory
 * stays bounded by the part size whatever the file size. Part n is recorded with the source
 * "<path>#part-000n" and the title "<title> (part n)", and carries an info message saying which
 * characters of the file it holds; all offsets of a part's facts are offsets into that part's
 * stored text, as for any document. Re-ingesting the file replaces each part in place and deletes
 * parts (and a whole-file version) that the new version no longer has.
 */
export async function ingestLargeText(kb: KnowledgeBase, file: string, opts: IngestOptions & { read?: ReadOptions & LargeTextOptions } = {}): Promise<IngestOutcome> {
  const source = opts.read?.source ?? path.resolve(file);
  const ctx = opts.context ?? defaultContext();
  const totals = { sentences: 0, mentions: 0, events: 0, messages: 0 };
  const statuses: StoreStatus[] = [];
  const replaced: string[] = [];
  let firstId = '';
  let title = '';
  let parts = 0;
  try {
    for await (const part of streamTextParts(file, opts.read?.stream)) {
      parts = part.index;
      const name = partSource(source, part.index);
      if (part.text.trim() === '') continue;
      const read = await readBytes(name, Buffer.from(part.text, 'utf8'), { format: 'text', source: name, maxBytes: Number.MAX_SAFE_INTEGER });
      read.title = `${part.index === 1 ? read.title : title || read.title} (part ${part.index})`;
      read.messages.push({
        doc: read.id, rule: 'read.large-file-part', severity: 'info',
        message: `part ${part.index} of ${source}: characters ${part.start}-${part.end} of the file's text, cut at a paragraph boundary`,
      });
      const doc = analyse(read, ctx, { period: opts.period, onStage: (s) => opts.onStage?.(file, s) });
      const stored = await storeAnalysed(kb, file, doc);
      if (!stored.ok) return { ...stored, message: `${stored.message} (part ${part.index}; earlier parts were stored)` };
      if (!firstId) {
        firstId = stored.id;
        title = doc.title.replace(/ \(part 1\)$/, '');
      }
      statuses.push(stored.status);
      collectGarbageAbove(HEAP_BUDGET_BYTES);
      replaced.push(...stored.replaced);
      totals.sentences += stored.sentences;
      totals.mentions += stored.mentions;
      totals.events += stored.events;
      totals.messages += stored.messages;
    }
  } catch (err) {
    return analysisFailure(file, err);
  }
  if (!firstId) return { file, ok: false, problem: 'empty', message: `${file}: contains no readable text` };
  replaced.push(...(await removeStaleParts(kb, source, parts)));
  const status: StoreStatus = statuses.every((s) => s === 'unchanged') && replaced.length === 0 ? 'unchanged'
    : statuses.every((s) => s === 'added') && replaced.length === 0 ? 'added' : 'replaced';
  return { file, ok: true, id: firstId, status, replaced, title, parts, ...totals };
}

/** Delete the parts past `parts` of an older, longer version, and a whole-file version of the same source. */
async function removeStaleParts(kb: KnowledgeBase, source: string, parts: number): Promise<string[]> {
  // "#part-" sorts just below "#part." so the range holds exactly this file's parts.
  const rows = await kb.db.selectFrom('documents').select(['id', 'source'])
    .where((eb) => eb.or([eb('source', '=', source), eb.and([eb('source', '>', `${source}#part-`), eb('source', '<', `${source}#part.`)])]))
    .execute();
  const stale = rows.filter((r) => r.source === source || Number(r.source.slice(source.length + '#part-'.length)) > parts);
  for (const r of stale) await deleteDocument(kb, r.id);
  return stale.map((r) => r.id);
}

/** Heap in use above which a full collection runs between parts. */
const HEAP_BUDGET_BYTES = 160 * 1024 * 1024;
let fullGc: (() => void) | undefined;

/**
 * V8 collects lazily: left alone, the garbage of a few hundred analysed parts lifts the process to
 * 600-800 MB although what stays alive is under 150 MB. A full collection between parts, only when
 * the heap is over budget, keeps a 100 MB file's ingest under 500 MB. The collector is reached by
 * turning on V8's --expose-gc at run time (v8.setFlagsFromString) and taking gc from a new context.
 */
function collectGarbageAbove(budget: number): void {
  if (process.memoryUsage().heapUsed < budget) return;
  if (!fullGc) {
    v8.setFlagsFromString('--expose-gc');
    fullGc = vm.runInNewContext('gc') as () => void;
  }
  fullGc();
}
