import { sql, type Kysely } from 'kysely';
import type { Database, EntitiesTable } from './schema.js';

/*
 * Which version of a shared entity row a knowledge base keeps.
 *
 * Documents can record the same entity id differently: a person built from the text is spelt as
 * each document spells them, and a gazetteer entity carries the aliases a document added. Keeping
 * the first version stored made the row depend on the order documents were stored in, which
 * several workers (or threads) do not fix. Instead each row names the document whose version it is
 * (`defined_by`, with that document's `defined_by_source`), and a row gives way to the version of a
 * document that ranks before its definer: by source, then by document id (two versions of one file
 * can sit side by side after an import). The stored row is then that of the first-ranked document
 * naming the entity, whatever the order. Ranking by source rather than by id alone keeps what a
 * sequential ingest (files in sorted order) has always stored, so single-process results do not change.
 *
 * Chosen over merging the versions (a union of aliases), which would let a name search find every
 * spelling: a merge cannot be undone when a document goes, has no natural answer for the name,
 * would rewrite popular rows (and, on PostgreSQL, lock them) for every document that names them,
 * and would change what every knowledge base stores. Each spelling stays in the mentions anyway.
 *
 * A row whose definer is deleted stays (other documents' mentions may point at it, and entity rows
 * have never been deleted) with its content, but its definer is cleared: no stored document vouches
 * for it, so the next document that names the entity redefines it (see orphanEntitiesOf). A
 * replaced file's new version thus redefines the rows the old one defined. Other documents' versions
 * are not kept, so after a deletion a row can differ from what a knowledge base built afresh from the
 * remaining documents holds, until a document ranked first among them is stored again. `defined_by`
 * null also marks rows migration 011 found no document for; such a row loses to any document.
 *
 * Sources and ids compare as code points (SQLite's BINARY collation, PostgreSQL's "C" collation
 * given to both columns by migration 011, and compareCodePoints here), so both stores rank alike.
 */

/** An entity row as a document offers it: its definer is that document. */
export type DefinedEntityRow = EntitiesTable & { defined_by: string; defined_by_source: string };

/** A document's rank: its source, then its id. */
export interface DefinerRank { source: string; id: string }

/** SQL for an upsert's DO UPDATE ... WHERE: the offered row (excluded) outranks the stored one of `table`. */
export function offeredRowWins(table: string): string {
  const t = `"${table.replace(/"/g, '""')}"`;
  return `${t}.defined_by is null or excluded.defined_by_source < ${t}.defined_by_source`
    + ` or (excluded.defined_by_source = ${t}.defined_by_source and excluded.defined_by < ${t}.defined_by)`;
}

/** Order of strings by code point (the order of UTF-8 bytes), which `<` on UTF-16 code units is not above U+FFFF. */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointOrder(x) - codePointOrder(y);
  }
  return a.length - b.length;
}

/** Surrogates (U+D800-DFFF, halves of code points above U+FFFF) move above U+E000-FFFF. */
function codePointOrder(unit: number): number {
  if (unit < 0xd800) return unit;
  return unit < 0xe000 ? unit + 0x2000 : unit - 0x800;
}

/** True when a row defined by `a` beats one defined by `b` (the same rule as offeredRowWins; null loses). */
export function ranksBefore(a: DefinerRank, b: DefinerRank | null): boolean {
  if (!b) return true;
  const bySource = compareCodePoints(a.source, b.source);
  return bySource < 0 || (bySource === 0 && compareCodePoints(a.id, b.id) < 0);
}

const LOOKUP_CHUNK = 400;
const WRITE_CHUNK = 400;

/**
 * Write entity rows through kysely (PostgreSQL, and imports on both stores): rows of new ids are
 * added, stored rows are replaced by those that outrank their definer, and the rest are left out
 * before writing. On PostgreSQL a DO UPDATE locks the row it meets even when its WHERE says no, so
 * offering every row would make concurrent workers queue on popular entities; a row's rank only
 * improves (bar a deletion committed meanwhile, see above), so a row left out on the strength of
 * this read would have lost anyway. Rows are written in id order, which is the order concurrent writers lock them in.
 * Returns the ids that were not stored before.
 */
export async function writeEntityRows(trx: Kysely<Database>, rows: DefinedEntityRow[]): Promise<string[]> {
  const sorted = [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const stored = new Map<string, DefinerRank | null>();
  for (let i = 0; i < sorted.length; i += LOOKUP_CHUNK) {
    const found = await trx.selectFrom('entities').select(['id', 'defined_by', 'defined_by_source'])
      .where('id', 'in', sorted.slice(i, i + LOOKUP_CHUNK).map((r) => r.id)).execute();
    for (const r of found) stored.set(r.id, r.defined_by === null || r.defined_by_source === null ? null : { source: r.defined_by_source, id: r.defined_by });
  }
  const offered = sorted.filter((r) => !stored.has(r.id) || ranksBefore({ source: r.defined_by_source, id: r.defined_by }, stored.get(r.id)!));
  const columns = Object.keys(offered[0] ?? {}).filter((c) => c !== 'id');
  for (let i = 0; i < offered.length; i += WRITE_CHUNK) {
    await trx.insertInto('entities').values(offered.slice(i, i + WRITE_CHUNK))
      .onConflict((oc) => oc.column('id')
        .doUpdateSet(Object.fromEntries(columns.map((c) => [c, sql.ref(`excluded.${c}`)])) as any)
        .where(sql<boolean>`${sql.raw(offeredRowWins('entities'))}`))
      .execute();
  }
  return sorted.filter((r) => !stored.has(r.id)).map((r) => r.id);
}

/**
 * Before a document's rows go: the entity rows it defined lose their definer, so that the next
 * document naming them (its new version, when a file is replaced) defines them again.
 */
export async function orphanEntitiesOf(trx: Kysely<Database>, doc: string): Promise<void> {
  await trx.updateTable('entities').set({ defined_by: null, defined_by_source: null }).where('defined_by', '=', doc).execute();
}
