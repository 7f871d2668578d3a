import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { ExportFormat } from './export-format.js';
import type { ExportJson } from './export-types.js';
import { EventActors } from './event-actors.js';
import { cameoFor, cameoTable, type CameoTable } from './plover-cameo.js';

/**
 * Events as a GDELT 2.0 Event table (tab-separated, the 61 columns of the GDELT Event codebook V2.0
 * in their order). GDELT's own files have no header line; ours starts with one naming the columns,
 * because the file is read by people and spreadsheets first (skip line 1 to append it to GDELT data).
 *
 * Only what diplograph knows is filled; every other cell is empty:
 * - GlobalEventID: a stable number derived from our event id (and the actor pair), so ids survive
 *   re-exports with other filters; not comparable with GDELT's own ids.
 * - Day / MonthYear / Year / FractionDate: only to the precision the text gives. A month-level date
 *   fills MonthYear and Year and leaves Day empty; a date range across months fills Year only.
 * - Actor1/Actor2: PLOVER allows actor lists; GDELT is dyadic, so an event becomes one row per
 *   (actor, recipient) pair, as CAMEO-era coders did. A missing side is left empty.
 *   Code = CAMEO-style: country ISO3 (CAMEO country codes are ISO 3166 alpha-3) + sector (RUSGOV,
 *   JPNMIL); a state named as a whole is its country code alone; IGOs without a state are "IGO".
 * - EventCode / EventBaseCode / EventRootCode: from data/plover-cameo.tsv (PLOVER type and mode).
 * - QuadClass: our quad class (the same four classes). GoldsteinScale: our intensity as is; PLOVER
 *   scores were derived from Goldstein scores on the same -10..+10 scale, so no rescaling.
 * - NumMentions / NumSources / NumArticles: 1, as each record rests on one sentence of one document.
 * - ActionGeo_Type 1 (country) and ActionGeo_Fullname when the event's location is a state;
 *   ActionGeo_Fullname alone for other places. GDELT's geo country codes are FIPS 10-4, which we do not
 *   keep, so they stay empty, as do coordinates.
 * - DATEADDED stays empty: the export is a pure function of the knowledge base, with no ingest time.
 * - SOURCEURL: the document's source (a URL as is, a file path as a file:// URL).
 * A GDELT row says an event took place, so only asserted and reported events become rows: negated
 * ones (the text says the act did not happen), planned ones (announced, not yet done) and hypothetical
 * ones are left out. The PLOVER and JSON-LD exports keep them, with their negation and modality.
 */
export const GDELT_EVENT_COLUMNS = [
  'GlobalEventID', 'Day', 'MonthYear', 'Year', 'FractionDate',
  ...actorColumns('Actor1'), ...actorColumns('Actor2'),
  'IsRootEvent', 'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass', 'GoldsteinScale',
  'NumMentions', 'NumSources', 'NumArticles', 'AvgTone',
  ...geoColumns('Actor1Geo'), ...geoColumns('Actor2Geo'), ...geoColumns('ActionGeo'),
  'DATEADDED', 'SOURCEURL',
] as const;

function actorColumns(p: string): string[] {
  return ['Code', 'Name', 'CountryCode', 'KnownGroupCode', 'EthnicCode', 'Religion1Code', 'Religion2Code', 'Type1Code', 'Type2Code', 'Type3Code'].map((c) => `${p}${c}`);
}
function geoColumns(p: string): string[] {
  return ['Type', 'Fullname', 'CountryCode', 'ADM1Code', 'ADM2Code', 'Lat', 'Long', 'FeatureID'].map((c) => `${p}_${c}`);
}

type Column = (typeof GDELT_EVENT_COLUMNS)[number];
type Row = Partial<Record<Column, string | number>>;

/** A positive integer below 2^53 from a string, stable across runs. */
function numericId(s: string): number {
  return parseInt(createHash('sha1').update(s).digest('hex').slice(0, 13), 16);
}

/** GDELT's date columns, filled only as precisely as the range allows. */
export function gdeltDates(start: string | null | undefined, end: string | null | undefined): Row {
  if (!start || !end || !/^\d{4}-\d{2}-\d{2}$/.test(start) || !/^\d{4}-\d{2}-\d{2}$/.test(end)) return {};
  const row: Row = {};
  if (start.slice(0, 4) !== end.slice(0, 4)) return row;
  row.Year = start.slice(0, 4);
  if (start.slice(0, 7) !== end.slice(0, 7)) return row;
  row.MonthYear = start.slice(0, 7).replace('-', '');
  if (start !== end) return row;
  row.Day = start.replaceAll('-', '');
  // GDELT's FractionDate: the year plus the share of it elapsed before that day (1 January = .0000), 4 decimals.
  const year = Number(row.Year);
  const elapsed = (Date.UTC(year, Number(start.slice(5, 7)) - 1, Number(start.slice(8, 10))) - Date.UTC(year, 0, 1)) / 86_400_000;
  const length = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 86_400_000;
  row.FractionDate = (year + elapsed / length).toFixed(4);
  return row;
}

const TOOK_PLACE = (e: ExportJson['events'][number]) => !e.negated && (e.modality === 'asserted' || e.modality === 'reported');
const clean = (v: string | number | undefined) => (v === undefined ? '' : String(v).replace(/[\t\r\n]+/g, ' '));
const sourceUrl = (source: string) => (/^[a-z][a-z0-9+.-]*:\/\//i.test(source) ? source : source.startsWith('/') ? pathToFileURL(source).href : source);

/** The rows (as column -> value) for the events of an export. */
export function* gdeltRows(data: ExportJson, table: CameoTable = cameoTable()): Generator<Row> {
  const actors = new EventActors(data);
  const sources = new Map(data.documents.map((d) => [d.id, d.source]));
  const actorCells = (prefix: 'Actor1' | 'Actor2', id: string | undefined): Row => {
    if (!id) return {};
    const entity = actors.entity(id);
    const country = actors.country(id);
    const sector = actors.sector(id);
    const code = entity?.kind === 'state' ? country ?? '' : `${actors.code(id) ?? ''}${sector ?? ''}`;
    return {
      [`${prefix}Code`]: code, [`${prefix}Name`]: entity?.name ?? id, [`${prefix}CountryCode`]: country ?? '',
      // An IGO/NGO with no state has its non-state code as both actor code and type, as in GDELT.
      [`${prefix}Type1Code`]: entity?.kind === 'state' ? '' : sector ?? (country ? '' : code),
    } as Row;
  };
  for (const e of data.events) {
    if (!TOOK_PLACE(e)) continue;
    const cameo = cameoFor(e.type, e.mode, table);
    const location = e.location ? actors.entity(e.location) : undefined;
    const ones = e.actors.length ? e.actors : [undefined];
    const twos = e.recipients.length ? e.recipients : [undefined];
    let pair = 0;
    for (const a of ones) {
      for (const b of twos) {
        yield {
          GlobalEventID: numericId(`${e.id}#${pair++}`),
          ...gdeltDates(e.date?.start, e.date?.end),
          ...actorCells('Actor1', a),
          ...actorCells('Actor2', b),
          EventCode: cameo?.code, EventBaseCode: cameo?.code, EventRootCode: cameo?.root,
          QuadClass: e.quad, GoldsteinScale: e.intensity,
          NumMentions: 1, NumSources: 1, NumArticles: 1,
          ...(location ? { ActionGeo_Type: location.kind === 'state' ? 1 : '', ActionGeo_Fullname: location.name } : {}),
          SOURCEURL: sourceUrl(sources.get(e.doc) ?? e.doc),
        };
      }
    }
  }
}

export const gdeltFormat: ExportFormat = {
  name: 'gdelt',
  description: 'Events as a tab-separated GDELT 2.0 Event table (header line first; unknown columns empty)',
  contentType: 'text/tab-separated-values; charset=utf-8',
  extension: 'tsv',
  *render(data) {
    yield `${GDELT_EVENT_COLUMNS.join('\t')}\n`;
    for (const row of gdeltRows(data)) yield `${GDELT_EVENT_COLUMNS.map((c) => clean(row[c])).join('\t')}\n`;
  },
};
