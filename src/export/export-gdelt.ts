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

/** Some of a row's cells, by column name. */
type Row = Partial<Record<string, string | number>>;

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
const BREAKS = /[\t\r\n]+/g;
const clean = (v: string | number | undefined) => (v === undefined ? '' : typeof v === 'number' ? String(v) : v.replace(BREAKS, ' '));
const sourceUrl = (source: string) => (/^[a-z][a-z0-9+.-]*:\/\//i.test(source) ? source : source.startsWith('/') ? pathToFileURL(source).href : source);
const COLUMN_INDEX = new Map<string, number>(GDELT_EVENT_COLUMNS.map((c, i) => [c, i]));
/** Position of a GDELT column; throws on a misspelt name rather than writing a cell out of place. */
const at = (name: string): number => {
  const i = COLUMN_INDEX.get(name);
  if (i === undefined) throw new Error(`GDELT column ${name} does not exist`);
  return i;
};

/** The rows for the events of an export: 61 cleaned cells each, in GDELT's column order. */
export function* gdeltRows(data: ExportJson, table: CameoTable = cameoTable()): Generator<string[]> {
  const actors = new EventActors(data);
  const sources = new Map(data.documents.map((d) => [d.id, clean(sourceUrl(d.source))]));
  // Code, name, country and type per actor, computed once: the same actors recur across many events.
  const known = new Map<string, [string, string, string, string]>();
  const actorCells = (id: string): [string, string, string, string] => {
    let cells = known.get(id);
    if (cells) return cells;
    const entity = actors.entity(id);
    const country = actors.country(id) ?? '';
    const sector = actors.sector(id);
    const code = entity?.kind === 'state' ? country : `${actors.code(id) ?? ''}${sector ?? ''}`;
    // An IGO/NGO with no state has its non-state code as both actor code and type, as in GDELT.
    const type = entity?.kind === 'state' ? '' : sector ?? (country ? '' : code);
    cells = [clean(code), clean(entity?.name ?? id), clean(country), clean(type)];
    known.set(id, cells);
    return cells;
  };
  const putActor = (row: string[], prefix: 'Actor1' | 'Actor2', id: string | undefined) => {
    if (!id) return;
    const [code, name, country, type] = actorCells(id);
    row[at(`${prefix}Code`)] = code;
    row[at(`${prefix}Name`)] = name;
    row[at(`${prefix}CountryCode`)] = country;
    row[at(`${prefix}Type1Code`)] = type;
  };
  for (const e of data.events) {
    if (!TOOK_PLACE(e)) continue;
    const cameo = cameoFor(e.type, e.mode, table);
    const location = e.location ? actors.entity(e.location) : undefined;
    const dates = gdeltDates(e.date?.start, e.date?.end);
    const event: string[] = new Array<string>(GDELT_EVENT_COLUMNS.length).fill('');
    for (const [column, value] of Object.entries(dates)) event[at(column)] = String(value);
    event[at('EventCode')] = cameo?.code ?? '';
    event[at('EventBaseCode')] = cameo?.code ?? '';
    event[at('EventRootCode')] = cameo?.root ?? '';
    event[at('QuadClass')] = String(e.quad);
    event[at('GoldsteinScale')] = String(e.intensity);
    event[at('NumMentions')] = event[at('NumSources')] = event[at('NumArticles')] = '1';
    if (location) {
      event[at('ActionGeo_Type')] = location.kind === 'state' ? '1' : '';
      event[at('ActionGeo_Fullname')] = clean(location.name);
    }
    event[at('SOURCEURL')] = sources.get(e.doc) ?? clean(e.doc);
    const ones = e.actors.length ? e.actors : [undefined];
    const twos = e.recipients.length ? e.recipients : [undefined];
    let pair = 0;
    for (const a of ones) {
      for (const b of twos) {
        const row = event.slice();
        row[at('GlobalEventID')] = String(numericId(`${e.id}#${pair++}`));
        putActor(row, 'Actor1', a);
        putActor(row, 'Actor2', b);
        yield row;
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
    for (const row of gdeltRows(data)) yield `${row.join('\t')}\n`;
  },
};
