import type { Kysely, Transaction } from 'kysely';
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
    await insertDocument(trx, doc, now);
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

async function insertChunked<T extends keyof Database>(trx: Kysely<Database>, table: T, rows: any[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await trx.insertInto(table).values(rows.slice(i, i + CHUNK)).execute();
  }
}

function dateColumns(date: EventDate | null, prefix: 'date' | 'period' = 'date') {
  return {
    [`${prefix}_value`]: date?.value ?? null,
    [`${prefix}_start`]: date?.start ?? null,
    [`${prefix}_end`]: date?.end ?? null,
  };
}

async function insertDocument(trx: Kysely<Database>, doc: AnalysedDocument, now: Date): Promise<void> {
  const id = doc.id;
  await trx.insertInto('documents').values({
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
  }).execute();

  const seg = doc.segmentation;
  await insertChunked(trx, 'sections', seg.sections.map((s) => ({
    doc: id, id: s.id, parent: s.parent, level: s.level, label: s.label ?? null, title: s.title,
    start: s.start, end: s.end, heading_start: s.heading.start, heading_end: s.heading.end,
  })));
  await insertChunked(trx, 'paragraphs', seg.paragraphs.map((p) => ({ doc: id, idx: p.index, section: p.section, kind: p.kind, start: p.start, end: p.end })));
  await insertChunked(trx, 'sentences', seg.sentences.map((s) => ({ doc: id, idx: s.index, paragraph: s.paragraph, start: s.start, end: s.end, text: doc.text.slice(s.start, s.end) })));
  await insertChunked(trx, 'footnotes', doc.footnotes.map((f) => ({ doc: id, label: f.label, start: f.body.start, end: f.body.end, markers: JSON.stringify(f.markers.map((m) => m.start)) })));

  // In id order, so that concurrent writers on PostgreSQL lock shared entity rows in one order (no deadlock).
  const entities = [...doc.entities.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let i = 0; i < entities.length; i += CHUNK) {
    const rows = entities.slice(i, i + CHUNK).map((e) => ({
      id: e.id, kind: e.kind, name: e.name, aliases: JSON.stringify(e.aliases), wikidata: e.wikidata ?? null,
      iso3: e.iso3 ?? null, country: e.country ?? null, sector: e.sector ?? null,
      offices: e.offices ? JSON.stringify(e.offices) : null, source: e.source,
    }));
    // Entities are shared across documents: the first record of an id stays (gazetteer data is the same for all).
    await trx.insertInto('entities').values(rows).onConflict((oc) => oc.column('id').doNothing()).execute();
  }

  await insertChunked(trx, 'mentions', doc.mentions.map((m) => ({
    doc: id, start: m.start, end: m.end, text: m.text, entity: m.entity, kind: m.kind, rule: m.rule,
    inferred: m.inferred?.length ? JSON.stringify(m.inferred) : null,
  })));
  await insertChunked(trx, 'timexes', doc.timexes.map((t, idx) => ({
    doc: id, idx, start: t.start, end: t.end, text: t.text, type: t.type, value: t.value, mod: t.mod ?? null,
    range_start: t.range?.start ?? null, range_end: t.range?.end ?? null, anchor: t.anchor ?? null,
    inferred: JSON.stringify(t.inferred), rule: t.rule,
  })));
  await insertChunked(trx, 'events', doc.events.map((e) => ({
    id: e.id, doc: id, type: e.type, mode: e.mode ?? null, contexts: JSON.stringify(e.contexts),
    ...dateColumns(e.date), date_source: e.date?.source ?? null, date_inferred: e.date?.inferred ? 1 : 0,
    location: e.location ?? null, quantity_value: e.quantity?.value ?? null, quantity_unit: e.quantity?.unit ?? null,
    negated: e.negated ? 1 : 0, modality: e.modality, quad: e.quad, intensity: e.intensity,
    trigger_start: e.trigger.start, trigger_end: e.trigger.end, trigger_text: e.trigger.text,
    evidence_start: e.evidence.start, evidence_end: e.evidence.end, rule: e.rule, responds_to: e.respondsTo ?? null,
  })));
  await insertChunked(trx, 'event_actors', doc.events.flatMap((e) => [
    ...e.actors.map((entity, ord) => ({ event: e.id, entity, role: 'actor' as const, ord })),
    ...e.recipients.map((entity, ord) => ({ event: e.id, entity, role: 'recipient' as const, ord })),
  ]));
  await insertChunked(trx, 'stances', doc.stances.map((s) => ({
    id: s.id, doc: id, holder: s.holder, target: s.target, stance: s.stance, negated: s.negated ? 1 : 0,
    topic: s.topic ?? null, ...dateColumns(s.date), evidence_start: s.evidence.start, evidence_end: s.evidence.end, rule: s.rule,
  })));
  await insertChunked(trx, 'agreement_status', doc.agreementStatus.map((a, n) => ({
    id: `${id}:a${n}`, doc: id, entity: a.entity, status: a.status, by_entities: JSON.stringify(a.by),
    negated: a.negated ? 1 : 0, modality: a.modality, ...dateColumns(a.date),
    evidence_start: a.evidence.start, evidence_end: a.evidence.end, rule: a.rule,
  })));
  await insertChunked(trx, 'figures', doc.figures.map((f) => ({
    id: f.id, doc: id, what: f.what, subject: f.subject ?? null, value: f.value, unit: f.unit,
    ...dateColumns(f.period, 'period'), span_start: f.span.start, span_end: f.span.end,
    evidence_start: f.evidence.start, evidence_end: f.evidence.end, rule: f.rule,
  })));
  await insertChunked(trx, 'messages', doc.messages.map((m) => ({
    doc: id, start: m.start ?? null, end: m.end ?? null, rule: m.rule, severity: m.severity, message: m.message,
  })));
}
