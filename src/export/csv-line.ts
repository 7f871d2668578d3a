/**
 * One RFC 4180 CSV line (ending in \n): cells holding a comma, a quote or a line break are quoted,
 * quotes doubled. Null and undefined are empty cells; booleans and numbers print as JavaScript does.
 *
 * A text cell that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a
 * carriage return; OWASP's "CSV injection") gets a leading apostrophe, so opening an export of a
 * hostile document in Excel or LibreOffice shows the text instead of evaluating it. Numbers are
 * never prefixed: -2.5 stays a number.
 */
export function csvLine(cells: ReadonlyArray<unknown>): string {
  return `${cells.map(csvCell).join(',')}\n`;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** The text a spreadsheet shows for `text` once guarded: the apostrophe is the usual escape. */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const raw = typeof value === 'object' ? JSON.stringify(value) : String(value);
  const text = typeof value === 'string' ? guardFormula(raw) : raw;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
