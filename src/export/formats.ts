import type { ExportFormat } from './export-format.js';
import { jsonChunks } from './export-json-text.js';
import { jsonlChunks } from './export-jsonl.js';
import { csvFiles } from './export-csv.js';
import { zipChunks } from './zip-files.js';
import { ploverFormat } from './export-plover.js';
import { gdeltFormat } from './export-gdelt.js';
import { jsonldFormat } from './export-jsonld.js';
import { graphmlFormat } from './export-graphml.js';
import { gexfFormat } from './export-gexf.js';
// Other formats: import here and add one entry to FORMATS below.

/**
 * Every export format the CLI (`diplograph export --format`) and the API (`/api/export?format=`)
 * offer; both list and validate names from here, so a new entry shows up in both.
 */
const FORMATS: readonly ExportFormat[] = [
  {
    name: 'json',
    description: 'the export contract of DESIGN.md, one JSON object',
    contentType: 'application/json; charset=utf-8',
    extension: 'json',
    render: jsonChunks,
  },
  {
    name: 'jsonl',
    description: 'JSON Lines: one record per line, {"kind": K, K: record}, documents first; reads back into the json contract',
    contentType: 'application/x-ndjson; charset=utf-8',
    extension: 'jsonl',
    render: jsonlChunks,
  },
  {
    name: 'csv',
    description: 'one CSV file per table (documents, entities, mentions, timexes, events, event actors and recipients, stances, agreement status, figures, messages) in a folder or a zip',
    contentType: 'application/zip',
    extension: 'zip',
    render: (data) => zipChunks(csvFiles(data)),
    files: csvFiles,
  },
  ploverFormat,
  gdeltFormat,
  jsonldFormat,
  graphmlFormat,
  gexfFormat,
  // New formats: one entry here (and its import above).
];

/** The registered format names, in listing order. */
export function exportFormatNames(): string[] {
  return FORMATS.map((f) => f.name);
}

/** Every registered format. */
export function exportFormats(): readonly ExportFormat[] {
  return FORMATS;
}

/** The format called `name`; a RangeError listing the valid names otherwise. */
export function getExportFormat(name: string): ExportFormat {
  const format = FORMATS.find((f) => f.name === name);
  if (!format) throw new RangeError(`unknown export format "${name}"; use one of ${exportFormatNames().join(', ')}`);
  return format;
}

/** A download name that tells formats sharing an extension apart: diplograph-export.json, diplograph-export-plover.jsonl. */
export function exportFileName(format: ExportFormat): string {
  return `diplograph-export${format.name === format.extension ? '' : `-${format.name}`}.${format.extension}`;
}
