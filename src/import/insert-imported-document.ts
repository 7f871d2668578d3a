import type { Kysely } from 'kysely';
import type { ExportDate, ExportJson } from '../export/export-types.js';
import type { Database } from '../kb/schema.js';
import { writeEntityRows } from '../kb/entity-definition.js';
import { indexSentencesOf } from '../kb/full-text.js';
import type { DialectName } from '../kb/dialect.js';
import { deriveParagraphs, headingEnd } from './derive-structure.js';
import type { DocumentSlice } from './split-by-document.js';

/** Rows per INSERT: well under both engines' limits on bound parameters. */
const CHUNK = 400;

/** What `documents.pipeline_version` says for a document whose analysis came from an import. */
export const IMPORTED_PIPELINE_VERSION = 'import';

export interface InsertContext {
  /** The file's entities by id (validated: every id a slice refers to is here). */
  entities: Map<string, ExportJson['entities'][number]>;
  /** `entities.source` of the entities this import writes. */
  entitySource: string;
  /** `documents.ingested_at`; exports list documents in this order. */
  ingestedAt: string;
  /** The knowledge base's dialect: SQLite's full-text index is filled here (see indexSentencesOf). */
  dialect: DialectName;
}

/**
 * Write one document of an export into the knowledge base, inside the caller's transaction: the
 * same rows src/kb/store-document.ts writes, rebuilt from the export. Entities are written as the
 * store writes them (see writeImportedEntities). Returns how many entities were added.
 */
export async function insertImportedDocument(trx: Kysely<Database>, slice: DocumentSlice, ctx: InsertContext): Promise<number> {
  const d = slice.document;
  const id = d.id;
  await trx.insertInto('documents').values({
    id, source: d.source, format: d.format, title: d.title, text: d.text,
    period_start: d.period.start, period_end: d.period.end, dct: d.period.dct ?? null,
    period_rule: d.period.rule, period_reason: d.period.reason, chars: d.text.length,
    ingested_at: ctx.ingestedAt, pipeline_version: IMPORTED_PIPELINE_VERSION,
  }).execute();

  await insertChunked(trx, 'sections', d.sections.map((s) => ({
    doc: id, id: s.id, parent: s.parent, level: s.level, label: s.label, title: s.title,
    start: s.start, end: s.end, heading_start: s.start, heading_end: headingEnd(d, s),
  })));
  await insertChunked(trx, 'paragraphs', deriveParagraphs(d).map((p) => ({ doc: id, ...p })));
  // Sentence numbers are positions in the document (segment numbers them that way), and the
  // SQLite full-text table is filled from these rows (no trigger does, see migration 013).
  await insertChunked(trx, 'sentences', d.sentences.map((s, idx) => ({ doc: id, idx, paragraph: s.paragraph, start: s.start, end: s.end, text: d.text.slice(s.start, s.end) })));
  await indexSentencesOf(trx, ctx.dialect, id);
  await insertChunked(trx, 'footnotes', d.footnotes.map((f) => ({ doc: id, label: f.label, start: f.start, end: f.end, markers: JSON.stringify(f.markers) })));

  const added = await writeImportedEntities(trx, [...slice.entityIds], { id, source: d.source }, ctx);

  await insertChunked(trx, 'mentions', slice.mentions.map((m) => ({
    doc: id, start: m.start, end: m.end, text: m.text, entity: m.entity, kind: m.kind, rule: m.rule,
    inferred: m.inferred?.length ? JSON.stringify(m.inferred) : null,
  })));
  await insertChunked(trx, 'timexes', slice.timexes.map((t, idx) => ({
    doc: id, idx, start: t.start, end: t.end, text: t.text, type: t.type, value: t.value, mod: t.mod ?? null,
    range_start: t.range?.start ?? null, range_end: t.range?.end ?? null, anchor: t.anchor ?? null,
    inferred: JSON.stringify(t.inferred), rule: t.rule,
  })));
  const events = inExtractionOrder(slice.events);
  await insertChunked(trx, 'events', events.map((e) => ({
    id: e.id, doc: id, type: e.type, mode: e.mode ?? null, contexts: JSON.stringify(e.contexts),
    ...dateColumns(e.date, 'date'),
    // Which timex dated the event is not in the export.
    date_source: null, date_inferred: e.date?.inferred ? 1 : 0,
    location: e.location ?? null, quantity_value: e.quantity?.value ?? null, quantity_unit: e.quantity?.unit ?? null,
    negated: e.negated ? 1 : 0, modality: e.modality, quad: e.quad, intensity: e.intensity,
    trigger_start: e.trigger.start, trigger_end: e.trigger.end, trigger_text: e.trigger.text,
    evidence_start: e.evidence.start, evidence_end: e.evidence.end, rule: e.rule, responds_to: e.respondsTo ?? null,
  })));
  await insertChunked(trx, 'event_actors', events.flatMap((e) => [
    ...e.actors.map((entity, ord) => ({ event: e.id, entity, role: 'actor' as const, ord })),
    ...e.recipients.map((entity, ord) => ({ event: e.id, entity, role: 'recipient' as const, ord })),
  ]));
  await insertChunked(trx, 'stances', slice.stances.map((s) => ({
    id: s.id, doc: id, holder: s.holder, target: s.target, stance: s.stance, negated: s.negated ? 1 : 0,
    topic: s.topic ?? null, ...dateColumns(s.date, 'date'), evidence_start: s.evidence.start, evidence_end: s.evidence.end, rule: s.rule,
  })));
  await insertChunked(trx, 'agreement_status', agreementRows(id, slice));
  await insertChunked(trx, 'figures', slice.figures.map((f) => ({
    id: f.id, doc: id, what: f.what, subject: f.subject ?? null, value: f.value, unit: f.unit,
    ...dateColumns(f.period, 'period'), span_start: f.span.start, span_end: f.span.end,
    evidence_start: f.evidence.start, evidence_end: f.evidence.end, rule: f.rule,
  })));
  await insertChunked(trx, 'messages', slice.messages.map((m) => ({
    doc: id, start: m.start ?? null, end: m.end ?? null, rule: m.rule, severity: m.severity, message: m.message,
  })));
  return added;
}

/**
 * Events in the order extraction numbered them (`<doc>:e<n>`), which is the order the store wrote
 * them in. Rows of equal sort keys come back in that order, and consolidation, which reads a
 * document's events without an ORDER BY, then merges them as it did in the exporting knowledge base.
 * Ids of another shape keep the export's order.
 */
function inExtractionOrder<T extends { id: string }>(events: T[]): T[] {
  const numbers = events.map((e) => /:e(\d+)$/.exec(e.id)?.[1]);
  if (numbers.some((n) => n === undefined)) return events;
  return events.map((e, i) => ({ e, n: Number(numbers[i]) })).sort((a, b) => a.n - b.n).map((x) => x.e);
}

/**
 * Agreement status rows have no id in the export. The store numbers them `<doc>:a<n>` in the order
 * extraction found them, which is text order; numbering them by evidence position (the export's
 * order breaking ties) gives the same ids in practice and keeps the export's order on re-export.
 */
function agreementRows(doc: string, slice: DocumentSlice) {
  const ordered = slice.agreementStatus.map((a, i) => ({ a, i })).sort((x, y) => x.a.evidence.start - y.a.evidence.start || x.i - y.i);
  return ordered.map(({ a }, n) => ({
    id: `${doc}:a${n}`, doc, entity: a.entity, status: a.status, by_entities: JSON.stringify(a.by),
    negated: a.negated ? 1 : 0, modality: a.modality, ...dateColumns(a.date, 'date'),
    evidence_start: a.evidence.start, evidence_end: a.evidence.end, rule: a.rule,
  }));
}

/**
 * The file's version of the entities this document names, defined by this document: added where
 * missing, and in place of a stored version whose definer ranks after this document, as a stored
 * document's rows would be (src/kb/entity-definition.ts), so that importing and ingesting give the
 * same rows in any order. Returns how many were missing.
 */
async function writeImportedEntities(trx: Kysely<Database>, ids: string[], doc: { id: string; source: string }, ctx: InsertContext): Promise<number> {
  const rows = ids.map((entityId) => {
    const e = ctx.entities.get(entityId)!;
    return {
      id: e.id, kind: e.kind, name: e.name, aliases: JSON.stringify(e.aliases), wikidata: e.wikidata ?? null,
      iso3: e.iso3 ?? null, country: e.country ?? null, sector: e.sector ?? null,
      offices: e.offices ? JSON.stringify(e.offices) : null, source: ctx.entitySource,
      defined_by: doc.id, defined_by_source: doc.source,
    };
  });
  return (await writeEntityRows(trx, rows)).length;
}

async function insertChunked<T extends keyof Database>(trx: Kysely<Database>, table: T, rows: any[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await trx.insertInto(table).values(rows.slice(i, i + CHUNK)).execute();
  }
}

function dateColumns(date: ExportDate | null, prefix: 'date' | 'period') {
  return {
    [`${prefix}_value`]: date?.value ?? null,
    [`${prefix}_start`]: date?.start ?? null,
    [`${prefix}_end`]: date?.end ?? null,
  };
}
