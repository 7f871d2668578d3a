import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ExportJson } from '../export/export-types.js';
import { JsonlError, parseJsonl } from '../export/export-jsonl.js';
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
  if (problems.length) throw new ImportError(file, format === 'jsonl' ? withLineNumbers(text, problems) : problems);
  return value as ExportJson;
}

/** Read an export from a file, or from standard input when `file` is "-". */
export async function readExportFile(file: string, format?: ImportFormat): Promise<ExportJson> {
  let bytes: Uint8Array;
  try {
    bytes = file === '-' ? await readStdin() : await readFile(file);
  } catch (err) {
    const code = (err as { code?: string }).code;
    throw new ImportError(file, [code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not an export file' : `cannot be read (${(err as Error).message})`]);
  }
  let content: string;
  try {
    // Exports are UTF-8; decoding leniently would turn damaged bytes into U+FFFD without a word.
    content = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (err) {
    throw new ImportError(file, [err instanceof TypeError ? 'is not UTF-8 text (exports are written in UTF-8)' : `cannot be decoded (${(err as Error).message})`]);
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

/** JSON Lines, read by the exporter's own reader so that the two can never disagree on record shapes. */
function parseJsonLines(file: string, text: string): unknown {
  try {
    return parseJsonl(text);
  } catch (err) {
    if (err instanceof JsonlError) throw new ImportError(file, [err.message]);
    throw err;
  }
}

/** Which list each JSON Lines kind fills (agreement_status lines regroup under their agreement). */
const LIST_OF_KIND: Record<string, string> = {
  document: 'documents', entity: 'entities', mention: 'mentions', timex: 'timexes', event: 'events',
  stance: 'stances', figure: 'figures', message: 'messages',
};

/**
 * Problems found in a JSON Lines file point at lines: "events[3].evidence: …" becomes
 * "line 57 (events[3].evidence): …". Only run when there are problems.
 */
function withLineNumbers(text: string, problems: string[]): string[] {
  const lineOf = new Map<string, number>();
  const counts = new Map<string, number>();
  const agreements = new Map<string, { index: number; entries: number }>();
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const record = JSON.parse(line) as { kind: string; agreement_status?: { agreement: string } };
    if (record.kind === 'agreement_status') {
      const id = record.agreement_status!.agreement;
      const group = agreements.get(id) ?? { index: agreements.size, entries: 0 };
      agreements.set(id, group);
      lineOf.set(`agreements[${group.index}].history[${group.entries++}]`, i + 1);
      return;
    }
    const list = LIST_OF_KIND[record.kind]!;
    const n = counts.get(list) ?? 0;
    counts.set(list, n + 1);
    lineOf.set(`${list}[${n}]`, i + 1);
  });
  return problems.map((p) => {
    const m = /^(agreements\[\d+\]\.history\[\d+\]|[a-z]+\[\d+\])/.exec(p);
    const line = m ? lineOf.get(m[1]!) : undefined;
    return line === undefined ? p : `line ${line} (${p.slice(0, p.indexOf(':'))})${p.slice(p.indexOf(':'))}`;
  });
}

/** JSON.parse's message with where the text stops being JSON ("line 40, column 3"). */
function withLine(text: string, message: string): string {
  const at = jsonErrorOffset(text);
  if (at === undefined) return message;
  if (at >= text.length) return `${message} (the file ends in the middle of the JSON: was it cut short?)`;
  return `${message} (${lineAndColumn(text, at)})`;
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}
