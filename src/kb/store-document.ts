import type { Kysely, Transaction } from 'kysely';
import type SQLite from 'better-sqlite3';
import type { AnalysedDocument, EventDate } from '../model/index.js';
import type { Database } from './schema.js';
import { PER_DOCUMENT_TABLES } from './schema.js';
import type { KnowledgeBase } from './open-knowledge-base.js';
import { PIPELINE_VERSION } from '../pipeline/version.js';
import { writeTransaction } from './write-transaction.js';
import { lockKeys } from './dialect.js';

export type StoreStatus = 'added' | 'unchanged' | 'replaced';

export interface StoreResult {
  id: string;
  status: StoreStatus;
  /** Ids of older versions of the same source that this one replaced. */
  replaced: string[];
}

const CHUNK = 400;

/**
 * Store an analysed document in one transaction. Documents are identified by the hash of their
 * text: storing the same text again changes nothing, and a changed file replaces its older
 * version (same source) in the same transaction, so a reader never sees both or neither.
 */
export async function storeDocument(kb: KnowledgeBase, doc: AnalysedDocument, now: Date = new Date()): Promise<StoreResult> {
  // An immediate write transaction: two processes storing the same text at once give one document.
  return writeTransaction(kb, async (trx) => {
    await lockKeys(trx, kb.dialect, [`doc:${doc.id}`, `source:${doc.source}`]);
    const existing = await trx.selectFrom('documents').select(['id', 'pipeline_version']).where('id', '=', doc.id).executeTakeFirst();
    if (existing && existing.pipeline_version === PIPELINE_VERSION) return { id: doc.id, status: 'unchanged' as const, replaced: [] };
    const older = await trx.selectFrom('documents').select('id').where('source', '=', doc.source).where('id', '!=', doc.id).execute();
    const replaced = older.map((o) => o.id);
    // A document stored by an older pipeline is re-stored in place with the new analysis.
    if (existing) await deleteDocumentRows(trx, doc.id);
    for (const id of replaced) await deleteDocumentRows(trx, id);
    await insertDocument(rowWriter(kb, trx), doc, now);
    return { id: doc.id, status: replaced.length > 0 || existing ? ('replaced' as const) : ('added' as const), replaced };
  });
}

/** Delete a stored document and everything that came from it; false when there is no such document. */
export async function deleteDocument(kb: KnowledgeBase, id: string): Promise<boolean> {
  return writeTransaction(kb, async (trx) => {
    const found = await trx.selectFrom('documents').select('id').where('id', '=', id).executeTakeFirst();
    if (found) await deleteDocumentRows(trx, id);
    return !!found;
  });
}

/** Remove a document and every row that came from it. */
export async function deleteDocumentRows(trx: Transaction<Database> | Kysely<Database>, id: string): Promise<void> {
  await trx.deleteFrom('event_actors').where('event', 'in', trx.selectFrom('events').select('id').where('doc', '=', id)).execute();
  for (const table of PER_DOCUMENT_TABLES) await trx.deleteFrom(table).where('doc', '=', id).execute();
  await trx.deleteFrom('documents').where('id', '=', id).execute();
}

/** Inserts rows into a table; the rows of one call all have the same keys in the same order. */
type RowWriter = <T extends keyof Database>(table: T, rows: Record<string, unknown>[], onConflictIgnore?: string) => Promise<void>;

/**
 * On SQLite, rows go through one prepared statement per table and column list, prepared once per
 * connection and run row by row inside the open transaction: building, compiling and preparing a
 * multi-row kysely insert for every chunk cost more than the writing itself. Same rows, same order
 * (so the same rowids) as the kysely path, which PostgreSQL keeps.
 */
function rowWriter(kb: KnowledgeBase, trx: Kysely<Database>): RowWriter {
  const sqlite = kb.dialect === 'sqlite' ? kb.sqlite : undefined;
  if (!sqlite) return (table, rows, onConflictIgnore) => insertChunked(trx, table, rows, onConflictIgnore);
  return async (table, rows, onConflictIgnore) => {
    if (rows.length === 0) return;
    const columns = Object.keys(rows[0]!);
    const statement = preparedInsert(sqlite, table, columns, onConflictIgnore);
    const values: unknown[] = new Array(columns.length);
    for (const row of rows) {
      // A missing value is the column's default, which is NULL for every table written here.
      for (let c = 0; c < columns.length; c++) values[c] = row[columns[c]!] ?? null;
      statement.run(values);
    }
  };
}

const statementsByConnection = new WeakMap<SQLite.Database, Map<string, SQLite.Statement>>();

function preparedInsert(sqlite: SQLite.Database, table: string, columns: string[], onConflictIgnore?: string): SQLite.Statement {
  let statements = statementsByConnection.get(sqlite);
  if (!statements) statementsByConnection.set(sqlite, (statements = new Map()));
  const key = `${table}(${columns.join(',')})${onConflictIgnore ?? ''}`;
  let statement = statements.get(key);
  if (!statement) {
    const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;
    const conflict = onConflictIgnore ? ` on conflict (${quoted(onConflictIgnore)}) do nothing` : '';
    statement = sqlite.prepare(`insert into ${quoted(table)} (${columns.map(quoted).join(', ')}) values (${columns.map(() => '?').join(', ')})${conflict}`);
    statements.set(key, statement);
  }
  return statement;
}

async function insertChunked<T extends keyof Database>(trx: Kysely<Database>, table: T, rows: any[], onConflictIgnore?: string): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const insert = trx.insertInto(table).values(rows.slice(i, i + CHUNK));
    await (onConflictIgnore ? insert.onConflict((oc) => oc.column(onConflictIgnore as any).doNothing()) : insert).execute();
  }
}

function dateColumns(date: EventDate | null, prefix: 'date' | 'period' = 'date') {
  return {
    [`${prefix}_value`]: date?.value ?? null,
    [`${prefix}_start`]: date?.start ?? null,
    [`${prefix}_end`]: date?.end ?? null,
  };
}

async function insertDocument(insert: RowWriter, doc: AnalysedDocument, now: Date): Promise<void> {
  const id = doc.id;
  await insert('documents', [{
    id,
    source: doc.source,
    format: doc.format,
    title: doc.title,
    text: doc.text,
    period_start: doc.period.start,
    period_end: doc.period.end,
    dct: doc.period.dct ?? null,
    period_rule: doc.period.rule,
    period_reason: doc.period.reason,
    chars: doc.text.length,
    ingested_at: now.toISOString(),
    pipeline_version: PIPELINE_VERSION,
  }]);

  const seg = doc.segmentation;
  await insert('sections', seg.sections.map((s) => ({
    doc: id, id: s.id, parent: s.parent, level: s.level, label: s.label ?? null, title: s.title,
    start: s.start, end: s.end, heading_start: s.heading.start, heading_end: s.heading.end,
  })));
  await insert('paragraphs', seg.paragraphs.map((p) => ({ doc: id, idx: p.index, section: p.section, kind: p.kind, start: p.start, end: p.end })));
  await insert('sentences', seg.sentences.map((s) => ({ doc: id, idx: s.index, paragraph: s.paragraph, start: s.start, end: s.end, text: doc.text.slice(s.start, s.end) })));
  await insert('footnotes', doc.footnotes.map((f) => ({ doc: id, label: f.label, start: f.body.start, end: f.body.end, markers: JSON.stringify(f.markers.map((m) => m.start)) })));

  // In id order, so that concurrent writers on PostgreSQL lock shared entity rows in one order (no deadlock).
  const entities = [...doc.entities.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // Entities are shared across documents: the first record of an id stays (gazetteer data is the same for all).
  await insert('entities', entities.map((e) => ({
    id: e.id, kind: e.kind, name: e.name, aliases: JSON.stringify(e.aliases), wikidata: e.wikidata ?? null,
    iso3: e.iso3 ?? null, country: e.country ?? null, sector: e.sector ?? null,
    offices: e.offices ? JSON.stringify(e.offices) : null, source: e.source,
  })), 'id');

  await insert('mentions', doc.mentions.map((m) => ({
    doc: id, start: m.start, end: m.end, text: m.text, entity: m.entity, kind: m.kind, rule: m.rule,
    inferred: m.inferred?.length ? JSON.stringify(m.inferred) : null,
  })));
  await insert('timexes', doc.timexes.map((t, idx) => ({
    doc: id, idx, start: t.start, end: t.end, text: t.text, type: t.type, value: t.value, mod: t.mod ?? null,
    range_start: t.range?.start ?? null, range_end: t.range?.end ?? null, anchor: t.anchor ?? null,
    inferred: JSON.stringify(t.inferred), rule: t.rule,
  })));
  await insert('events', doc.events.map((e) => ({
    id: e.id, doc: id, type: e.type, mode: e.mode ?? null, contexts: JSON.stringify(e.contexts),
    ...dateColumns(e.date), date_source: e.date?.source ?? null, date_inferred: e.date?.inferred ? 1 : 0,
    location: e.location ?? null, quantity_value: e.quantity?.value ?? null, quantity_unit: e.quantity?.unit ?? null,
    negated: e.negated ? 1 : 0, modality: e.modality, quad: e.quad, intensity: e.intensity,
    trigger_start: e.trigger.start, trigger_end: e.trigger.end, trigger_text: e.trigger.text,
    evidence_start: e.evidence.start, evidence_end: e.evidence.end, rule: e.rule, responds_to: e.respondsTo ?? null,
  })));
  await insert('event_actors', doc.events.flatMap((e) => [
    ...e.actors.map((entity, ord) => ({ event: e.id, entity, role: 'actor' as const, ord })),
    ...e.recipients.map((entity, ord) => ({ event: e.id, entity, role: 'recipient' as const, ord })),
  ]));
  await insert('stances', doc.stances.map((s) => ({
    id: s.id, doc: id, holder: s.holder, target: s.target, stance: s.stance, negated: s.negated ? 1 : 0,
    topic: s.topic ?? null, ...dateColumns(s.date), evidence_start: s.evidence.start, evidence_end: s.evidence.end, rule: s.rule,
  })));
  await insert('agreement_status', doc.agreementStatus.map((a, n) => ({
    id: `${id}:a${n}`, doc: id, entity: a.entity, status: a.status, by_entities: JSON.stringify(a.by),
    negated: a.negated ? 1 : 0, modality: a.modality, ...dateColumns(a.date),
    evidence_start: a.evidence.start, evidence_end: a.evidence.end, rule: a.rule,
  })));
  await insert('figures', doc.figures.map((f) => ({
    id: f.id, doc: id, what: f.what, subject: f.subject ?? null, value: f.value, unit: f.unit,
    ...dateColumns(f.period, 'period'), span_start: f.span.start, span_end: f.span.end,
    evidence_start: f.evidence.start, evidence_end: f.evidence.end, rule: f.rule,
  })));
  await insert('messages', doc.messages.map((m) => ({
    doc: id, start: m.start ?? null, end: m.end ?? null, rule: m.rule, severity: m.severity, message: m.message,
  })));
}
