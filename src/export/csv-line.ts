/**
 * One RFC 4180 CSV line (ending in \n): cells holding a comma, a quote or a line break are quoted,
 * quotes doubled. Null and undefined are empty cells; booleans and numbers print as JavaScript does.
 */
export function csvLine(cells: ReadonlyArray<unknown>): string {
  return `${cells.map(csvCell).join(',')}\n`;
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
