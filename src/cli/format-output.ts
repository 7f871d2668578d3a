import { csvLine } from '../export/csv-line.js';

export type OutputFormat = 'table' | 'json' | 'csv';

export function parseFormat(value: string): OutputFormat {
  if (value === 'table' || value === 'json' || value === 'csv') return value;
  throw new Error(`--format must be table, json or csv, not "${value}"`);
}

/** Render rows as an aligned text table, JSON or RFC 4180 CSV. */
export function formatRows(rows: Array<Record<string, unknown>>, format: OutputFormat, columns?: string[]): string {
  if (format === 'json') return JSON.stringify(rows, null, 2) + '\n';
  const cols = columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  // The export's CSV writer: same quoting and the same spreadsheet-formula guard.
  if (format === 'csv') return csvLine(cols) + rows.map((r) => csvLine(cols.map((c) => r[c]))).join('');
  if (rows.length === 0) return '(none)\n';
  const maxWidth = 60;
  const clip = (s: string) => (s.length > maxWidth ? s.slice(0, maxWidth - 1) + '…' : s);
  const body = rows.map((r) => cols.map((c) => clip(cell(r[c]).replace(/\s+/g, ' '))));
  const widths = cols.map((c, i) => Math.max(c.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((s, i) => s.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(cols), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n') + '\n';
}
