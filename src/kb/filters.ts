/** Filters shared by the CLI, the API and the exports. */
export interface EventFilters {
  docs?: string[];
  actors?: string[];
  recipients?: string[];
  types?: string[];
  /** ISO date prefixes: events whose date range overlaps [from, to]. */
  from?: string;
  to?: string;
  negated?: boolean;
  quad?: number;
  limit?: number;
  offset?: number;
  /** Count matches no further than this (default: list-events.ts's COUNT_CAP). */
  countCap?: number;
}

/** Expand a date prefix to the first or last day it covers ("2022" -> 2022-01-01 / 2022-12-31). */
export function dateBound(value: string, side: 'start' | 'end'): string {
  if (/^\d{4}$/.test(value)) return side === 'start' ? `${value}-01-01` : `${value}-12-31`;
  const m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) {
    if (side === 'start') return `${value}-01`;
    const last = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
    return `${value}-${String(last).padStart(2, '0')}`;
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  throw new RangeError(`not a date: "${value}" (use YYYY, YYYY-MM or YYYY-MM-DD)`);
}
