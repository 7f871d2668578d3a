import type { ExportFormat } from './export-format.js';
import type { ExportJson } from './export-types.js';
import { EventActors } from './event-actors.js';

/**
 * Event records in the PLOVER JSON shape.
 *
 * Spec followed: PLOVER manual, DRAFT version 0.8 (Open Event Data Alliance, 2021), chapter "Data
 * Fields": the "PLOVER JSON" table, and the information objects for actors, text and citations.
 * Every field of those tables is present in every record, null where diplograph does not know it,
 * so a reader can rely on the keys. The manual suggests newline-delimited JSON, one record per line,
 * so that is the output (it also streams and greps well).
 *
 * Mapping choices:
 * - `source` / `recipient` are PLOVER's actor lists (the manual's names; "source" is the actor).
 * - `date` / `enddate` are the first and last day of the event's date range (a month-level date
 *   gives the month's first and last day); null when the text gives no date.
 * - `mode` and `context` are lists. The manual's special contexts are added from our own fields:
 *   `negation` for negated events, `future` for planned ones, `hypothetical` for hypothetical ones.
 * - `quad_code` and `event_scale` are our quad class and intensity (PLOVER scores, -10..+10).
 * - Actor `identifier_id` is the Wikidata id (as the manual asks), `identifier_text` our canonical name.
 * - Everything PLOVER has no field for sits under the `diplograph` key (negated, modality, the
 *   TIMEX value of the date and whether it was inferred, trigger span, document id, rule, response
 *   link, quantity; per actor the entity id and kind).
 */
export const PLOVER_SPEC_VERSION = '0.8';
export const PLOVER_CODEBOOK = `plover-${PLOVER_SPEC_VERSION}+diplograph`;

export interface PloverActor {
  code: string | null;
  sector: string | null;
  actor_text: string | null;
  identifier_id: string | null;
  identifier_text: string | null;
  actor_loc: null;
  religion: null;
  ethnicity: null;
  office: string | null;
  gender: null;
  age: null;
  diplograph: { entity: string; kind: string | null };
}

export interface PloverRecord {
  id: string;
  has_event: boolean;
  date: string | null;
  time: null;
  enddate: string | null;
  endtime: null;
  source: PloverActor[];
  recipient: PloverActor[];
  event: string[];
  event_loc: { name: string; cc3: string | null } | null;
  event_text: string[];
  quad_code: number;
  event_scale: number;
  mode: string[];
  context: string[];
  link: null;
  text: string;
  text_info: { sequence: number | null; start: number; end: number; text_story: null };
  cite_info: {
    corpus: string; citation: string; url: string | null; title: string | null; language: null; publication: null;
    license: null; copyright: null; coder: string; codebook: string; version: null;
  };
  coder: string;
  coded_date: null;
  coded_time: null;
  comment: null;
  diplograph: {
    negated: boolean;
    modality: string;
    date: { value: string; inferred: boolean } | null;
    trigger: { start: number; end: number; text: string };
    document: string;
    rule: string;
    responds_to: string | null;
    quantity: { value: number; unit: string } | null;
  };
}

const SPECIAL_CONTEXT: Record<string, string> = { planned: 'future', hypothetical: 'hypothetical' };
/** The manual's date format, YYYY-MM-DD; anything else (no date, a bare year) is null. */
const isoDay = (d: string | null | undefined) => (d && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : null);
const isUrl = (s: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(s);

/** Index of the sentence that contains [start, end), by binary search over sentences sorted by start. */
function sentenceIndex(sentences: Array<{ start: number; end: number }>, start: number, end: number): number | null {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (s.start > start) hi = mid - 1;
    else if (s.end < end) lo = mid + 1;
    else return mid;
  }
  return null;
}

/** PLOVER records for the events of an export, in export order. */
export function* ploverRecords(data: ExportJson): Generator<PloverRecord> {
  const actors = new EventActors(data);
  const docs = new Map(data.documents.map((d) => [d.id, d]));
  for (const e of data.events) {
    const doc = docs.get(e.doc);
    const day = isoDay(e.date?.start);
    const lastDay = isoDay(e.date?.end);
    const actor = (id: string): PloverActor => {
      const entity = actors.entity(id);
      return {
        code: actors.code(id),
        sector: actors.sector(id),
        actor_text: actors.textIn(e.doc, id, e.evidence.start, e.evidence.end),
        identifier_id: entity?.wikidata ?? null,
        identifier_text: entity?.name ?? null,
        actor_loc: null,
        religion: null,
        ethnicity: null,
        office: entity?.kind === 'person' ? actors.office(id, day) : null,
        gender: null,
        age: null,
        diplograph: { entity: id, kind: entity?.kind ?? null },
      };
    };
    const context = [...e.contexts];
    if (e.negated) context.push('negation');
    const special = SPECIAL_CONTEXT[e.modality];
    if (special) context.push(special);
    const location = e.location ? actors.entity(e.location) : undefined;
    yield {
      id: e.id,
      has_event: true,
      date: day,
      time: null,
      enddate: lastDay !== day ? lastDay : null,
      endtime: null,
      source: e.actors.map(actor),
      recipient: e.recipients.map(actor),
      event: [e.type],
      event_loc: e.location ? { name: location?.name ?? e.location, cc3: actors.country(e.location) } : null,
      event_text: [e.trigger.text],
      quad_code: e.quad,
      event_scale: e.intensity,
      mode: e.mode ? [e.mode] : [],
      context,
      link: null,
      text: e.evidence.text,
      text_info: { sequence: doc ? sentenceIndex(doc.sentences, e.evidence.start, e.evidence.end) : null, start: e.evidence.start, end: e.evidence.end, text_story: null },
      cite_info: {
        corpus: 'diplograph', citation: doc?.source ?? e.doc, url: doc && isUrl(doc.source) ? doc.source : null, title: doc?.title || null,
        language: null, publication: null, license: null, copyright: null, coder: 'diplograph', codebook: PLOVER_CODEBOOK, version: null,
      },
      coder: 'diplograph',
      coded_date: null,
      coded_time: null,
      comment: null,
      diplograph: {
        negated: e.negated,
        modality: e.modality,
        date: e.date ? { value: e.date.value, inferred: !!e.date.inferred } : null,
        trigger: { start: e.trigger.start, end: e.trigger.end, text: e.trigger.text },
        document: e.doc,
        rule: e.rule,
        responds_to: e.respondsTo ?? null,
        quantity: e.quantity ?? null,
      },
    };
  }
}

export const ploverFormat: ExportFormat = {
  name: 'plover',
  description: 'Events as PLOVER JSON records (manual v0.8 field names), one per line',
  contentType: 'application/x-ndjson; charset=utf-8',
  extension: 'jsonl',
  *render(data) {
    for (const record of ploverRecords(data)) yield `${JSON.stringify(record)}\n`;
  },
};
