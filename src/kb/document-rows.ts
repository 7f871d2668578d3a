import type { AnalysedDocument, EventDate } from '../model/index.js';
import { pipelineVersion } from '../pipeline/version.js';
import type { Database } from './schema.js';

/** One table's new rows: the column names once, then each row's values in that order. */
export interface TableRows {
  table: keyof Database;
  columns: string[];
  rows: unknown[][];
  /**
   * Rows shared across documents (entities), keyed by this column. Each names this document as its
   * definer (defined_by, defined_by_source); a stored row gives way only to the version of a
   * document that ranks before its definer (src/kb/entity-definition.ts).
   */
  sharedKey?: string;
}

/**
 * Everything storing a document writes, as plain arrays of strings, numbers and nulls in insert
 * order. Built apart from the database so that worker threads can build it and hand it over as
 * one JSON string, leaving the thread that writes nothing to do but write. `ingested_at` is not
 * in it: it is the time of storing, added by the writer.
 */
export interface DocumentRows {
  id: string;
  source: string;
  tables: TableRows[];
}

/** What an ingest reports about a stored document, known without reading the rows back. */
export interface DocumentSummary {
  title: string;
  sentences: number;
  mentions: number;
  events: number;
  messages: number;
}

export function summarise(doc: AnalysedDocument): DocumentSummary {
  return {
    title: doc.title, sentences: doc.segmentation.sentences.length,
    mentions: doc.mentions.length, events: doc.events.length, messages: doc.messages.length,
  };
}

const DATE = ['date_value', 'date_start', 'date_end'];
const PERIOD = ['period_value', 'period_start', 'period_end'];
/** Migration 008's copies of an event's columns in event_actors, in the order documentRows writes them. */
const ROLE_COPIES = ['sort_date', 'sort_doc', 'sort_pos', 'event_type', 'event_quad', 'event_negated', 'event_date_end'];

function dateValues(date: EventDate | null | undefined): [string | null, string | null, string | null] {
  return [date?.value ?? null, date?.start ?? null, date?.end ?? null];
}

const json = JSON.stringify;

export function documentRows(doc: AnalysedDocument): DocumentRows {
  const id = doc.id;
  const seg = doc.segmentation;
  const tables: TableRows[] = [];
  const add = (table: keyof Database, columns: string[], rows: unknown[][], sharedKey?: string) => {
    if (rows.length > 0) tables.push({ table, columns, rows, ...(sharedKey ? { sharedKey } : {}) });
  };

  add('documents', ['id', 'source', 'format', 'title', 'text', 'period_start', 'period_end', 'dct', 'period_rule', 'period_reason', 'chars', 'pipeline_version'], [[
    id, doc.source, doc.format, doc.title, doc.text, doc.period.start, doc.period.end, doc.period.dct ?? null,
    doc.period.rule, doc.period.reason, doc.text.length, pipelineVersion(),
  ]]);
  add('sections', ['doc', 'id', 'parent', 'level', 'label', 'title', 'start', 'end', 'heading_start', 'heading_end'], seg.sections.map((s) => [
    id, s.id, s.parent ?? null, s.level, s.label ?? null, s.title, s.start, s.end, s.heading.start, s.heading.end,
  ]));
  add('paragraphs', ['doc', 'idx', 'section', 'kind', 'start', 'end'], seg.paragraphs.map((p) => [id, p.index, p.section ?? null, p.kind, p.start, p.end]));
  add('sentences', ['doc', 'idx', 'paragraph', 'start', 'end', 'text'], seg.sentences.map((s) => [id, s.index, s.paragraph, s.start, s.end, doc.text.slice(s.start, s.end)]));
  add('footnotes', ['doc', 'label', 'start', 'end', 'markers'], doc.footnotes.map((f) => [id, f.label, f.body.start, f.body.end, json(f.markers.map((m) => m.start))]));

  // In id order, so that concurrent writers on PostgreSQL lock shared entity rows in one order (no deadlock).
  const entities = [...doc.entities.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // Entities are shared across documents: the stored record of an id is the first-ranked document's.
  add('entities', ['id', 'kind', 'name', 'aliases', 'wikidata', 'iso3', 'country', 'sector', 'offices', 'source', 'defined_by', 'defined_by_source'], entities.map((e) => [
    e.id, e.kind, e.name, json(e.aliases), e.wikidata ?? null, e.iso3 ?? null, e.country ?? null, e.sector ?? null,
    e.offices ? json(e.offices) : null, e.source, id, doc.source,
  ]), 'id');

  add('mentions', ['doc', 'start', 'end', 'text', 'entity', 'kind', 'rule', 'inferred'], doc.mentions.map((m) => [
    id, m.start, m.end, m.text, m.entity ?? null, m.kind, m.rule, m.inferred?.length ? json(m.inferred) : null,
  ]));
  add('timexes', ['doc', 'idx', 'start', 'end', 'text', 'type', 'value', 'mod', 'range_start', 'range_end', 'anchor', 'inferred', 'rule'], doc.timexes.map((t, idx) => [
    id, idx, t.start, t.end, t.text, t.type, t.value, t.mod ?? null, t.range?.start ?? null, t.range?.end ?? null,
    t.anchor ?? null, json(t.inferred), t.rule,
  ]));
  add('events', [
    'id', 'doc', 'type', 'mode', 'contexts', ...DATE, 'date_source', 'date_inferred', 'location', 'quantity_value', 'quantity_unit',
    'negated', 'modality', 'quad', 'intensity', 'trigger_start', 'trigger_end', 'trigger_text', 'evidence_start', 'evidence_end', 'rule', 'responds_to',
  ], doc.events.map((e) => [
    e.id, id, e.type, e.mode ?? null, json(e.contexts), ...dateValues(e.date), e.date?.source ?? null, e.date?.inferred ? 1 : 0,
    e.location ?? null, e.quantity?.value ?? null, e.quantity?.unit ?? null, e.negated ? 1 : 0, e.modality, e.quad, e.intensity,
    e.trigger.start, e.trigger.end, e.trigger.text, e.evidence.start, e.evidence.end, e.rule, e.respondsTo ?? null,
  ]));
  // With migration 008's copies of the event's order and filter columns written here, its trigger
  // (which would look each event up again per role row) is skipped: 2-4x cheaper role inserts.
  add('event_actors', ['event', 'entity', 'role', 'ord', ...ROLE_COPIES], doc.events.flatMap((e) => {
    const [, dateStart, dateEnd] = dateValues(e.date);
    const copies = [dateStart, id, e.trigger.start, e.type, e.quad, e.negated ? 1 : 0, dateEnd];
    return [
      ...e.actors.map((entity, ord) => [e.id, entity, 'actor', ord, ...copies]),
      ...e.recipients.map((entity, ord) => [e.id, entity, 'recipient', ord, ...copies]),
    ];
  }));
  add('stances', ['id', 'doc', 'holder', 'target', 'stance', 'negated', 'topic', ...DATE, 'evidence_start', 'evidence_end', 'rule'], doc.stances.map((s) => [
    s.id, id, s.holder, s.target ?? null, s.stance, s.negated ? 1 : 0, s.topic ?? null, ...dateValues(s.date),
    s.evidence.start, s.evidence.end, s.rule,
  ]));
  add('agreement_status', ['id', 'doc', 'entity', 'status', 'by_entities', 'negated', 'modality', ...DATE, 'evidence_start', 'evidence_end', 'rule'], doc.agreementStatus.map((a, n) => [
    `${id}:a${n}`, id, a.entity, a.status, json(a.by), a.negated ? 1 : 0, a.modality, ...dateValues(a.date),
    a.evidence.start, a.evidence.end, a.rule,
  ]));
  add('figures', ['id', 'doc', 'what', 'subject', 'value', 'unit', ...PERIOD, 'span_start', 'span_end', 'evidence_start', 'evidence_end', 'rule'], doc.figures.map((f) => [
    f.id, id, f.what, f.subject ?? null, f.value, f.unit, ...dateValues(f.period), f.span.start, f.span.end,
    f.evidence.start, f.evidence.end, f.rule,
  ]));
  add('messages', ['doc', 'start', 'end', 'rule', 'severity', 'message'], doc.messages.map((m) => [
    id, m.start ?? null, m.end ?? null, m.rule, m.severity, m.message,
  ]));
  return { id, source: doc.source, tables };
}
