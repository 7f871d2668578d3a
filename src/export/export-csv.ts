import type { ExportJson } from './export-types.js';
import { batchChunks } from './batch-chunks.js';
import { csvLine } from './csv-line.js';

/**
 * One CSV table per kind of record, for spreadsheets, R and pandas. Ids join across files:
 * entity ids (entities.id = events_actors.entity = stances.holder = ...), event ids
 * (events.id = event_actors.event) and document ids (documents.id = every `doc` column).
 * Evidence columns on every annotation: `doc`, `start`, `end` (0-based UTF-16 offsets into the
 * document text: the record's own words for mentions and timexes, the evidence sentence otherwise)
 * and `sentence` (the whole sentence). Lists are joined with `|`; absent values are empty cells.
 */
export interface CsvTable {
  name: string;
  columns: readonly string[];
  rows: Iterable<ReadonlyArray<unknown>>;
}

export const CSV_TABLE_COLUMNS = {
  documents: ['id', 'title', 'source', 'format', 'period_start', 'period_end', 'dct', 'period_rule', 'period_reason', 'chars', 'sentences'],
  entities: ['id', 'kind', 'name', 'aliases', 'wikidata', 'iso3', 'country', 'sector', 'offices'],
  mentions: ['doc', 'start', 'end', 'text', 'entity', 'kind', 'inferred', 'rule', 'sentence'],
  timexes: ['doc', 'start', 'end', 'text', 'type', 'value', 'mod', 'range_start', 'range_end', 'anchor', 'inferred', 'rule', 'sentence'],
  events: [
    'id', 'type', 'mode', 'contexts', 'actors', 'recipients', 'date', 'date_start', 'date_end', 'date_inferred', 'location',
    'quantity_value', 'quantity_unit', 'negated', 'modality', 'quad', 'intensity', 'trigger', 'trigger_start', 'trigger_end',
    'responds_to', 'rule', 'doc', 'start', 'end', 'sentence',
  ],
  event_actors: ['event', 'position', 'entity'],
  event_recipients: ['event', 'position', 'entity'],
  stances: ['id', 'holder', 'target', 'stance', 'negated', 'topic', 'date', 'date_start', 'date_end', 'rule', 'doc', 'start', 'end', 'sentence'],
  agreement_status: ['agreement', 'position', 'status', 'by', 'negated', 'modality', 'date', 'date_start', 'date_end', 'rule', 'doc', 'start', 'end', 'sentence'],
  figures: ['id', 'what', 'subject', 'value', 'unit', 'period', 'period_start', 'period_end', 'text', 'text_start', 'text_end', 'rule', 'doc', 'start', 'end', 'sentence'],
  messages: ['doc', 'start', 'end', 'severity', 'rule', 'message'],
} as const;

export type CsvTableName = keyof typeof CSV_TABLE_COLUMNS;

/** The tables in file order; rows are produced lazily, in the contract arrays' order. */
export function exportCsvTables(data: ExportJson): CsvTable[] {
  const sentenceOf = sentenceFinder(data);
  const list = (xs: readonly string[] | undefined) => (xs ?? []).join('|');
  const table = (name: CsvTableName, rows: () => Iterable<ReadonlyArray<unknown>>): CsvTable => ({ name, columns: CSV_TABLE_COLUMNS[name], rows: { [Symbol.iterator]: () => rows()[Symbol.iterator]() } });
  return [
    table('documents', function* () {
      for (const d of data.documents) yield [d.id, d.title, d.source, d.format, d.period.start, d.period.end, d.period.dct, d.period.rule, d.period.reason, d.text.length, d.sentences.length];
    }),
    table('entities', function* () {
      for (const e of data.entities) yield [e.id, e.kind, e.name, list(e.aliases), e.wikidata, e.iso3, e.country, e.sector, e.offices?.length ? JSON.stringify(e.offices) : ''];
    }),
    table('mentions', function* () {
      for (const m of data.mentions) yield [m.doc, m.start, m.end, m.text, m.entity, m.kind, list(m.inferred), m.rule, sentenceOf(m.doc, m.start)];
    }),
    table('timexes', function* () {
      for (const t of data.timexes) yield [t.doc, t.start, t.end, t.text, t.type, t.value, t.mod, t.range?.start, t.range?.end, t.anchor, list(t.inferred), t.rule, sentenceOf(t.doc, t.start)];
    }),
    table('events', function* () {
      for (const e of data.events) {
        yield [
          e.id, e.type, e.mode, list(e.contexts), list(e.actors), list(e.recipients), e.date?.value, e.date?.start, e.date?.end, e.date?.inferred, e.location,
          e.quantity?.value, e.quantity?.unit, e.negated, e.modality, e.quad, e.intensity, e.trigger.text, e.trigger.start, e.trigger.end,
          e.respondsTo, e.rule, e.doc, e.evidence.start, e.evidence.end, e.evidence.text,
        ];
      }
    }),
    table('event_actors', function* () {
      for (const e of data.events) for (const [i, a] of e.actors.entries()) yield [e.id, i + 1, a];
    }),
    table('event_recipients', function* () {
      for (const e of data.events) for (const [i, a] of e.recipients.entries()) yield [e.id, i + 1, a];
    }),
    table('stances', function* () {
      for (const s of data.stances) yield [s.id, s.holder, s.target, s.stance, s.negated, s.topic, s.date?.value, s.date?.start, s.date?.end, s.rule, s.evidence.doc, s.evidence.start, s.evidence.end, s.evidence.text];
    }),
    table('agreement_status', function* () {
      for (const a of data.agreements) {
        for (const [i, h] of a.history.entries()) {
          yield [a.entity, i + 1, h.status, list(h.by), h.negated, h.modality, h.date?.value, h.date?.start, h.date?.end, h.rule, h.evidence.doc, h.evidence.start, h.evidence.end, h.evidence.text];
        }
      }
    }),
    table('figures', function* () {
      for (const f of data.figures) {
        yield [f.id, f.what, f.subject, f.value, f.unit, f.period?.value, f.period?.start, f.period?.end, f.span.text, f.span.start, f.span.end, f.rule, f.evidence.doc, f.evidence.start, f.evidence.end, f.evidence.text];
      }
    }),
    table('messages', function* () {
      for (const m of data.messages) yield [m.doc, m.start, m.end, m.severity, m.rule, m.message];
    }),
  ];
}

/** One table as CSV text chunks: the header line, then a line per row. */
export function csvTableChunks(table: CsvTable): Iterable<string> {
  return batchChunks((function* () {
    yield csvLine(table.columns);
    for (const row of table.rows) yield csvLine(row);
  })());
}

/** The files of a CSV export: `<table>.csv` for each table. */
export function* csvFiles(data: ExportJson): Generator<{ name: string; chunks: Iterable<string> }> {
  for (const table of exportCsvTables(data)) yield { name: `${table.name}.csv`, chunks: csvTableChunks(table) };
}

/** The text of the sentence holding an offset of a document, by binary search over its sentences. */
function sentenceFinder(data: ExportJson): (doc: string, offset: number) => string {
  const docs = new Map(data.documents.map((d) => [d.id, d]));
  return (doc, offset) => {
    const d = docs.get(doc);
    if (!d) return '';
    const sentences = d.sentences;
    let lo = 0;
    let hi = sentences.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = sentences[mid]!;
      if (offset < s.start) hi = mid - 1;
      else if (offset >= s.end) lo = mid + 1;
      else return d.text.slice(s.start, s.end);
    }
    return '';
  };
}
