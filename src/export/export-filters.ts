import { PLOVER_TYPES } from '../model/index.js';
import { dateBound } from '../kb/filters.js';

/** What an export keeps; every field narrows it and an absent field keeps everything. */
export interface ExportFilters {
  /** Document ids. */
  docs?: string[];
  /** Date prefixes (YYYY, YYYY-MM or YYYY-MM-DD): records whose date range overlaps [from, to]. */
  from?: string;
  to?: string;
  /** Entity ids that act: event actors, stance holders, who changed an agreement status, figure subjects. */
  actors?: string[];
  /** PLOVER event types (upper case). */
  types?: string[];
}

/**
 * How the filters apply, for the CLI help and the API description (one text, so the two cannot drift).
 * exportJson implements exactly this.
 */
export const EXPORT_FILTER_SEMANTICS = [
  'Filters (comma-separate several values; all given filters must hold):',
  '  --doc        only these documents and what was read in them.',
  '  --from/--to  events, stances and agreement status changes whose date, figures whose period, and',
  '               timexes whose value overlap the range (YYYY, YYYY-MM or YYYY-MM-DD); undated ones are left out.',
  '  --actor      events with one of these entities as actor, stances it holds, agreement status',
  '               changes it made, figures about it.',
  '  --type       events of these PLOVER types; stances, agreements and figures are not narrowed by it.',
  'With any of --from/--to/--actor/--type, the export keeps only the documents holding a kept event,',
  'stance, agreement status change or figure, and the mentions of the entities those records name.',
  'Entities are always the ones the kept records and mentions name; messages those of the kept documents.',
].join('\n');

const DATE_PREFIX = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Null when `value` is a real calendar date prefix, otherwise why not. */
export function datePrefixProblem(value: string): string | null {
  const m = DATE_PREFIX.exec(value);
  if (!m) return `not a date: "${value}" (use YYYY, YYYY-MM or YYYY-MM-DD)`;
  const month = m[2] === undefined ? undefined : Number(m[2]);
  if (month !== undefined && (month < 1 || month > 12)) return `not a date: "${value}" (month ${m[2]} does not exist)`;
  if (m[3] !== undefined) {
    const day = Number(m[3]);
    const last = new Date(Date.UTC(Number(m[1]), month!, 0)).getUTCDate();
    if (day < 1 || day > last) return `not a date: "${value}" (day ${m[3]} does not exist in ${m[1]}-${m[2]})`;
  }
  return null;
}

export interface RawExportFilters {
  docs?: string[];
  from?: string;
  to?: string;
  actors?: string[];
  types?: string[];
}

/**
 * Check filters typed by a person (CLI options, query parameters) and normalise them.
 * Throws a RangeError naming the bad value; both the CLI (exit 2) and the API (400) report it as a usage error.
 */
export function validateExportFilters(raw: RawExportFilters): ExportFilters {
  const out: ExportFilters = {};
  const nonEmpty = (xs: string[] | undefined) => {
    const kept = xs?.map((x) => x.trim()).filter(Boolean);
    return kept?.length ? kept : undefined;
  };
  const docs = nonEmpty(raw.docs);
  if (docs) out.docs = docs;
  const actors = nonEmpty(raw.actors);
  if (actors) out.actors = actors;
  const types = nonEmpty(raw.types)?.map((t) => t.toUpperCase());
  if (types) {
    const unknown = types.filter((t) => !(PLOVER_TYPES as readonly string[]).includes(t));
    if (unknown.length) throw new RangeError(`unknown event type(s): ${unknown.join(', ')}; use ${PLOVER_TYPES.join(', ')}`);
    out.types = types;
  }
  for (const side of ['from', 'to'] as const) {
    const value = raw[side]?.trim();
    if (!value) continue;
    const problem = datePrefixProblem(value);
    if (problem) throw new RangeError(`${side}: ${problem}`);
    out[side] = value;
  }
  // "from 2022-05 to 2022" is a valid range: compare the first day of one with the last day of the other.
  if (out.from && out.to && dateBound(out.from, 'start') > dateBound(out.to, 'end')) {
    throw new RangeError(`from ${out.from} is after to ${out.to}`);
  }
  return out;
}

/** True when a filter other than --doc is given, so the export is scoped to the records the filters keep. */
export function isScoped(f: ExportFilters): boolean {
  return !!(f.from || f.to || f.actors?.length || f.types?.length);
}
