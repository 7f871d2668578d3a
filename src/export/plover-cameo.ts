import { readDataRows } from '../extract/data-files.js';
import { PLOVER_TYPES } from '../model/event.js';

/** One row of data/plover-cameo.tsv: the nearest CAMEO code for a PLOVER type (and mode). */
export interface CameoMapping {
  type: string;
  /** Empty for the type's default row. */
  mode: string;
  /** Two digits, 01..20. */
  root: string;
  /** Three digits; ends in 0 when only the root is known (CAMEO's "not specified below"). */
  code: string;
  note: string;
}

export type CameoTable = Map<string, CameoMapping>;

const key = (type: string, mode: string) => `${type}\t${mode}`;

/** Parse and check the mapping rows; throws naming the file and the row when one is malformed. */
export function buildCameoTable(rows: string[][], file = 'plover-cameo.tsv'): CameoTable {
  const table: CameoTable = new Map();
  rows.forEach((cells, i) => {
    const [type = '', mode = '', root = '', code = '', note = ''] = cells;
    const where = `${file}: row ${i + 1} (${type} ${mode || '-'})`;
    if (!(PLOVER_TYPES as readonly string[]).includes(type)) throw new Error(`${where}: unknown PLOVER type`);
    if (!/^(0[1-9]|1\d|20)$/.test(root)) throw new Error(`${where}: CAMEO root must be 01..20, got "${root}"`);
    if (!/^\d{3}$/.test(code) || !code.startsWith(root)) throw new Error(`${where}: CAMEO code must be 3 digits under root ${root}, got "${code}"`);
    if (!note) throw new Error(`${where}: every row needs a note saying why`);
    if (table.has(key(type, mode))) throw new Error(`${where}: duplicate row`);
    table.set(key(type, mode), { type, mode, root, code, note });
  });
  for (const type of PLOVER_TYPES) if (!table.has(key(type, ''))) throw new Error(`${file}: no default row for ${type}`);
  return table;
}

let cached: CameoTable | undefined;

/** The project's PLOVER-to-CAMEO table, read once from data/ (works from src/ and dist/ alike). */
export function cameoTable(): CameoTable {
  cached ??= buildCameoTable(readDataRows('plover-cameo.tsv'));
  return cached;
}

/** The mode's own row when there is one, else the type's default row. */
export function cameoFor(type: string, mode: string | undefined, table: CameoTable = cameoTable()): CameoMapping | undefined {
  return (mode ? table.get(key(type, mode)) : undefined) ?? table.get(key(type, ''));
}
