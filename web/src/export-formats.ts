/**
 * The export formats the server offers, read from its OpenAPI description (the enum of
 * GET /api/export's `format` parameter), and the download URL a set of filters makes.
 * No DOM here: the functions are pure so that they can be tested outside a browser.
 */

export interface ExportFormatInfo {
  name: string;
  /** The server's own description of the format, when its OpenAPI text names one. */
  apiDescription: string | null;
  /** The media type the server answers with, when its OpenAPI text names one. */
  contentType: string | null;
}

/** The filters every export accepts; each value is a comma-separated list or a date prefix. */
export const EXPORT_FILTER_NAMES = ['doc', 'from', 'to', 'actor', 'type'] as const;
export type ExportFilterName = (typeof EXPORT_FILTER_NAMES)[number];

/**
 * What each format is for, in the words an analyst looks for: the program it opens in. A format the
 * explorer does not know yet falls back to the server's description, so a new one still shows.
 */
export const FORMAT_USES: Record<string, string> = {
  json: 'One JSON object in the contract of DESIGN.md: scripts, jq, and diplograph import into another knowledge base.',
  jsonl: 'One record per line: pandas read_json(lines=True), R jsonlite::stream_in, jq; imports back like json.',
  csv: 'A zip with one CSV per table and ids that join across files: spreadsheets, R read.csv, pandas read_csv.',
  plover: 'Events as PLOVER/POLECAT records, one per line: event-data pipelines that read PLOVER.',
  gdelt: 'Events as a tab-separated GDELT 2.0 event table: scripts and tools written for GDELT events.',
  jsonld: 'Linked data with schema.org and Wikidata ids and PROV-O provenance: RDF stores, rdflib, Apache Jena.',
  graphml: 'The actor network: Gephi, Cytoscape, yEd, NetworkX and igraph.',
  gexf: 'The actor network with dates, for Gephi (its timeline plays the events over time).',
};

interface OpenApiParameter { name?: string; in?: string; schema?: { enum?: unknown[] } }
interface OpenApiDocument { paths?: Record<string, { get?: { description?: string; parameters?: OpenApiParameter[] } }> }

/**
 * The formats listed by an OpenAPI document, in the server's order. Throws when the document has no
 * export route, so the view can say the server is too old rather than offer nothing.
 */
export function formatsFromOpenApi(doc: unknown): ExportFormatInfo[] {
  const route = (doc as OpenApiDocument | null)?.paths?.['/api/export']?.get;
  const param = route?.parameters?.find((p) => p.name === 'format' && p.in === 'query');
  const names = (param?.schema?.enum ?? []).filter((v): v is string => typeof v === 'string');
  if (!names.length) throw new Error('the server does not describe GET /api/export with a list of formats');
  const described = describedFormats(route?.description ?? '', names);
  return names.map((name) => ({ name, apiDescription: described.get(name)?.description ?? null, contentType: described.get(name)?.contentType ?? null }));
}

/** How the server applies the filters: the text after the formats in the route's description ('' when absent). */
export function filterHelpFromOpenApi(doc: unknown): string {
  const description = (doc as OpenApiDocument | null)?.paths?.['/api/export']?.get?.description ?? '';
  const at = description.indexOf('\n\n');
  return at < 0 ? '' : description.slice(at + 2).trim();
}

/**
 * The route's description reads "Formats: name (type): text; name (type): text.": each entry starts
 * where its name is followed by " (", in enum order. Text not in that shape gives no entries.
 */
function describedFormats(description: string, names: string[]): Map<string, { contentType: string; description: string }> {
  const out = new Map<string, { contentType: string; description: string }>();
  const line = /^Formats: (.*)$/m.exec(description)?.[1];
  if (!line) return out;
  const starts: Array<{ name: string; at: number }> = [];
  let from = 0;
  for (const name of names) {
    const marker = starts.length ? `; ${name} (` : `${name} (`;
    const at = line.indexOf(marker, from);
    if (at < 0) return out; // not the shape expected: describe nothing rather than something wrong
    starts.push({ name, at: at + marker.length - name.length - 2 });
    from = at + marker.length;
  }
  starts.forEach(({ name, at }, i) => {
    const end = i + 1 < starts.length ? starts[i + 1]!.at - 2 : line.length;
    const entry = line.slice(at + name.length + 2, end).replace(/\.$/, '');
    // The media type may itself hold "; charset=...", so it ends at the first "): ".
    const close = entry.indexOf('): ');
    if (close < 0) return;
    out.set(name, { contentType: entry.slice(0, close), description: entry.slice(close + 3) });
  });
  return out;
}

/**
 * Null when `value` is a date prefix the API accepts (YYYY, YYYY-MM or YYYY-MM-DD naming a real
 * month and day), otherwise why not; checked here so the link is never one the server refuses.
 */
export function datePrefixError(value: string): string | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return 'use YYYY, YYYY-MM or YYYY-MM-DD';
  const month = m[2] === undefined ? undefined : Number(m[2]);
  if (month !== undefined && (month < 1 || month > 12)) return `there is no month ${m[2]}`;
  if (m[3] !== undefined) {
    const last = new Date(Date.UTC(Number(m[1]), month!, 0)).getUTCDate();
    if (Number(m[3]) < 1 || Number(m[3]) > last) return `${m[1]}-${m[2]} has no day ${m[3]}`;
  }
  return null;
}

/** Null when the range is open or in order, otherwise why not (from's first day after to's last). */
export function dateRangeError(from: string | undefined, to: string | undefined): string | null {
  if (!from || !to || datePrefixError(from) || datePrefixError(to)) return null;
  const first = `${from}-01-01`.slice(0, 10);
  const [y, mo] = to.split('-');
  const last = to.length === 10 ? to : to.length === 7 ? `${to}-${String(new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate()).padStart(2, '0')}` : `${to}-12-31`;
  return first > last ? `from ${from} is after to ${to}` : null;
}

/** The line shown beside a format: what it opens in, or the server's description of a format new to the explorer. */
export function formatUse(format: ExportFormatInfo): string {
  return FORMAT_USES[format.name] ?? format.apiDescription ?? 'An export format the server offers.';
}

/** GET /api/export?format=...&<filters>, with empty filters left out and list values trimmed. */
export function exportUrl(format: string, filters: Partial<Record<ExportFilterName, string>>): string {
  const qs = new URLSearchParams({ format });
  for (const name of EXPORT_FILTER_NAMES) {
    const value = filters[name]?.split(',').map((s) => s.trim()).filter(Boolean).join(',');
    if (value) qs.set(name, value);
  }
  return `/api/export?${qs.toString()}`;
}

/** The same export from the command line, for scripts and for knowledge bases too large to download. */
export function exportCommand(format: string, filters: Partial<Record<ExportFilterName, string>>, out: string): string {
  const parts = ['diplograph', 'export', '--format', format];
  for (const name of EXPORT_FILTER_NAMES) {
    const value = filters[name]?.split(',').map((s) => s.trim()).filter(Boolean).join(',');
    if (value) parts.push(`--${name}`, shellWord(value));
  }
  parts.push('--out', shellWord(out));
  return parts.join(' ');
}

function shellWord(s: string): string {
  return /^[A-Za-z0-9_.,:/=@+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * The filters another view holds, as export filters: those an export also understands carry over
 * (`carried` maps the view's parameter to the export's; a single value is a one-item list); the
 * view's other filters (`notCarried`) that are set are named, so the link can say they were left out.
 * Parameters in neither list (selection, grouping) are view state, not filters, and are ignored.
 */
export function carryFilters(params: Record<string, string>, carried: Partial<Record<string, ExportFilterName>>, notCarried: string[] = []): { filters: Partial<Record<ExportFilterName, string>>; dropped: string[] } {
  const filters: Partial<Record<ExportFilterName, string>> = {};
  for (const [key, target] of Object.entries(carried)) {
    const value = params[key]?.trim();
    if (!value || !target) continue;
    filters[target] = filters[target] ? `${filters[target]},${value}` : value;
  }
  return { filters, dropped: notCarried.filter((key) => params[key]?.trim()) };
}
