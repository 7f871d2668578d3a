import { readFileSync } from 'node:fs';

// src/extract/ under vitest and dist/extract/ after tsc are both two levels below the package root.
const DATA_DIR = new URL('../../data/', import.meta.url);

/** Non-empty, non-comment rows of a TSV file in data/, split into trimmed cells (empty trailing cells kept). */
export function readDataRows(name: string): string[][] {
  const text = readFileSync(new URL(name, DATA_DIR), 'utf8');
  return parseTsvRows(text);
}

export function parseTsvRows(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    rows.push(line.split('\t').map((cell) => cell.trim()));
  }
  return rows;
}
