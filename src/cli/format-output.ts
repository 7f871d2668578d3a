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
  if (format === 'csv') {
    const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    return [cols.join(','), ...rows.map((r) => cols.map((c) => quote(cell(r[c]))).join(','))].join('\n') + '\n';
  }
  if (rows.length === 0) return '(none)\n';
  const maxWidth = 60;
  const clip = (s: string) => (s.length > maxWidth ? s.slice(0, maxWidth - 1) + '…' : s);
  const body = rows.map((r) => cols.map((c) => clip(cell(r[c]).replace(/\s+/g, ' '))));
  const widths = cols.map((c, i) => Math.max(c.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((s, i) => s.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(cols), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n') + '\n';
}
