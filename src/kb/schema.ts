import type { Generated } from 'kysely';

/**
 * Tables of the knowledge base. JSON-valued columns are stored as TEXT so that SQLite and
 * PostgreSQL share one schema; every annotation row names its document and offsets (provenance).
 */
export interface DocumentsTable {
  id: string;
  source: string;
  format: string;
  title: string;
  text: string;
  period_start: string;
  period_end: string;
  dct: string | null;
  period_rule: string;
  period_reason: string;
  chars: number;
  ingested_at: string;
  pipeline_version: string;
}

export interface SectionsTable {
  doc: string;
  id: string;
  parent: string | null;
  level: number;
  label: string | null;
  title: string;
  start: number;
  end: number;
  heading_start: number;
  heading_end: number;
}

export interface ParagraphsTable {
  doc: string;
  idx: number;
  section: string | null;
  kind: string;
  start: number;
  end: number;
}

export interface SentencesTable {
  doc: string;
  idx: number;
  paragraph: number;
  start: number;
  end: number;
  text: string;
}

export interface FootnotesTable {
  doc: string;
  label: string;
  start: number;
  end: number;
  /** JSON array of zero-width marker offsets. */
  markers: string;
}

export interface EntitiesTable {
  id: string;
  kind: string;
  name: string;
  aliases: string;
  wikidata: string | null;
  iso3: string | null;
  country: string | null;
  sector: string | null;
  offices: string | null;
  source: string;
  /** The document whose version this row is, and its source; null when none is stored (see entity-definition.ts). */
  defined_by: string | null;
  defined_by_source: string | null;
}

export interface MentionsTable {
  id: Generated<number>;
  doc: string;
  start: number;
  end: number;
  text: string;
  entity: string | null;
  kind: string;
  rule: string;
  inferred: string | null;
}

export interface TimexesTable {
  doc: string;
  idx: number;
  start: number;
  end: number;
  text: string;
  type: string;
  value: string;
  mod: string | null;
  range_start: string | null;
  range_end: string | null;
  anchor: string | null;
  inferred: string;
  rule: string;
}

export interface EventsTable {
  id: string;
  doc: string;
  type: string;
  mode: string | null;
  contexts: string;
  date_value: string | null;
  date_start: string | null;
  date_end: string | null;
  date_source: string | null;
  date_inferred: number;
  location: string | null;
  quantity_value: number | null;
  quantity_unit: string | null;
  negated: number;
  modality: string;
  quad: number;
  intensity: number;
  trigger_start: number;
  trigger_end: number;
  trigger_text: string;
  evidence_start: number;
  evidence_end: number;
  rule: string;
  responds_to: string | null;
}

export interface EventActorsTable {
  event: string;
  entity: string;
  role: 'actor' | 'recipient';
  ord: number;
}

export interface StancesTable {
  id: string;
  doc: string;
  holder: string;
  target: string | null;
  stance: string;
  negated: number;
  topic: string | null;
  date_value: string | null;
  date_start: string | null;
  date_end: string | null;
  evidence_start: number;
  evidence_end: number;
  rule: string;
}

export interface AgreementStatusTable {
  id: string;
  doc: string;
  entity: string;
  status: string;
  by_entities: string;
  negated: number;
  modality: string;
  date_value: string | null;
  date_start: string | null;
  date_end: string | null;
  evidence_start: number;
  evidence_end: number;
  rule: string;
}

export interface FiguresTable {
  id: string;
  doc: string;
  what: string;
  subject: string | null;
  value: number;
  unit: string;
  period_value: string | null;
  period_start: string | null;
  period_end: string | null;
  span_start: number;
  span_end: number;
  evidence_start: number;
  evidence_end: number;
  rule: string;
}

export interface MessagesTable {
  id: Generated<number>;
  doc: string;
  start: number | null;
  end: number | null;
  rule: string;
  severity: string;
  message: string;
}

export interface Database {
  documents: DocumentsTable;
  sections: SectionsTable;
  paragraphs: ParagraphsTable;
  sentences: SentencesTable;
  footnotes: FootnotesTable;
  entities: EntitiesTable;
  mentions: MentionsTable;
  timexes: TimexesTable;
  events: EventsTable;
  event_actors: EventActorsTable;
  stances: StancesTable;
  agreement_status: AgreementStatusTable;
  figures: FiguresTable;
  messages: MessagesTable;
}

/** Tables holding one document's rows, in the order they are deleted when it is replaced. */
export const PER_DOCUMENT_TABLES = [
  'messages', 'figures', 'agreement_status', 'stances', 'events', 'timexes', 'mentions',
  'footnotes', 'sentences', 'paragraphs', 'sections',
] as const;
