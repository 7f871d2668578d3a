import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ExportJson } from '../export/export-types.js';
import { ImportError } from './import-error.js';
import { validateExport } from './validate-export.js';
import { jsonErrorOffset, lineAndColumn } from './json-error-offset.js';

export type ImportFormat = 'json' | 'jsonl';
export const IMPORT_FORMATS: readonly ImportFormat[] = ['json', 'jsonl'];

/**
 * The format of an export file: as given, else by extension (.jsonl, .ndjson), else by content
 * (a first line that is a whole record with a `kind` is JSON Lines; anything else is read as JSON).
 */
export function detectFormat(file: string, content: string, given?: ImportFormat): ImportFormat {
  if (given) return given;
  const ext = path.extname(file).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.json') return 'json';
  const firstLine = content.slice(0, content.indexOf('\n') < 0 ? content.length : content.indexOf('\n')).trim();
  try {
    const first = JSON.parse(firstLine) as unknown;
    if (firstLine.length < content.trim().length && typeof first === 'object' && first !== null && 'kind' in first) return 'jsonl';
  } catch {
    // Not a record on its own line: a (pretty-printed) JSON document.
  }
  return 'json';
}

/** Parse and validate export text; throws ImportError naming the file and every problem found. */
export function parseExport(file: string, content: string, format: ImportFormat): ExportJson {
  const text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  if (text.trim() === '') throw new ImportError(file, ['is empty']);
  const value = format === 'jsonl' ? parseJsonLines(file, text) : parseJson(file, text);
  const problems = validateExport(value);
  if (problems.length) throw new ImportError(file, problems);
  return value as ExportJson;
}

/** Read an export from a file, or from standard input when `file` is "-". */
export async function readExportFile(file: string, format?: ImportFormat): Promise<ExportJson> {
  let content: string;
  try {
    content = file === '-' ? await readStdin() : await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as { code?: string }).code;
    throw new ImportError(file, [code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not an export file' : `cannot be read (${(err as Error).message})`]);
  }
  return parseExport(file, content, detectFormat(file, content, format));
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ImportError(file, [`is not JSON: ${withLine(text, (err as Error).message)}`]);
  }
}

/**
 * JSON Lines: parsed by the exporter's own reader once it exists (src/export/export-jsonl.ts), so
 * that the two formats can never disagree on the record shapes.
 */
function parseJsonLines(file: string, text: string): unknown {
  return parseJsonlRecords(file, text);
}

let parseJsonlRecords: (file: string, text: string) => unknown = (file) => {
  throw new ImportError(file, ['JSON Lines import is not available yet']);
};

/** Lets the JSON Lines reader be plugged in where it lives (see parseJsonLines). */
export function useJsonlReader(reader: (file: string, text: string) => unknown): void {
  parseJsonlRecords = reader;
}

/** JSON.parse's message with where the text stops being JSON ("line 40, column 3"). */
function withLine(text: string, message: string): string {
  const at = jsonErrorOffset(text);
  if (at === undefined) return message;
  if (at >= text.length) return `${message} (the file ends in the middle of the JSON: was it cut short?)`;
  return `${message} (${lineAndColumn(text, at)})`;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}
