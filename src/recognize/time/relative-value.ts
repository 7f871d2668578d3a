/**
 * Values that only resolution can finish. Recognition writes them into Timex.value with a `REL:`
 * prefix; resolution replaces them with TIMEX3 values (or with an XXXX form when nothing anchors).
 *
 *   REL:DCT:Y:-1    one year before the document's own time (creation time, or the report period)
 *   REL:REF:D:0     the day of the last mentioned date of day granularity ("the same day")
 *   REL:ADAPT:Y:-1  a year before, at the granularity of the last mentioned date ("a year earlier": a quarter a year back)
 *   REL:AGO:Y:-1    a year before the document's time ("a year ago"), at the unit's granularity
 *   REL:CMP:Y:-1    the comparison adjective "year-ago"/"year-earlier": the recent quarter a year back, else the year before the document's
 *   REL:WD:5:-1     a weekday (1 Monday .. 7 Sunday): -1 the last one, 1 the next one, 0 tense decides;
 *                   REL:WD:2:-1:D-1 the day before it ("the day before last Tuesday")
 *   REL:QIN:1988:0  "the 1988 quarter": the quarter last mentioned, in that year (the year alone when none was)
 *   REL:WE:0:-1     a weekend: -1 the last one, 1 the next one, 0 tense decides
 *   REL:NWD:11:4:4  the 4th Thursday (weekday 4) of November; n = -1 for the last one (holidays);
 *                   REL:NWD:11:1:1+1 the day after the first Monday of November (a US Election Day)
 *   REL:EAS:-2:0    a day counted from Easter Sunday (-2 Good Friday); suffix W for the ISO week ending on Easter
 *   REL:SAME:0:0    "the same period": the whole value of the last date mentioned (a range stays a range)
 *   REL:MON:4:-1    a month (1..12): -1 the last one before the document's month ("last April"), 0 this year's, 1 the next one
 *   REL:WOF:03-06:0 the week of a day ("the week of March 6"); the day may carry its year (2000-03-06)
 *   REL:PER:Q:0     the reporting period: the quarter last mentioned, else the quarter before the document's ("the latest period")
 *   REL:FOL:Y:1:-03 the first March (the suffix's month or season) after the date last mentioned ("the following March",
 *                   "the next spring"); -1 the last one before it ("the previous autumn"); with none, after the document's date
 *
 * An optional fifth field carries a suffix to append, e.g. `TMO` for "yesterday morning".
 *
 * On a DURATION the value is the point a count of units leads to from a date told ("three days later": REL:REF:D:3):
 * resolution gives the timex its duration value (P3D) and that point as its range.
 */
export type RelativeBase = 'DCT' | 'REF' | 'ADAPT' | 'AGO' | 'CMP' | 'WD' | 'MON' | 'QIN' | 'WE' | 'NWD' | 'EAS' | 'SAME' | 'PER' | 'WOF' | 'FOL';
export type RelativeUnit = 'CE' | 'DE' | 'Y' | 'Q' | 'M' | 'W' | 'D';

export interface RelativeValue {
  base: RelativeBase;
  /** A RelativeUnit, or the weekday number for base WD, or the month number for base MON. */
  unit: string;
  offset: number;
  suffix: string;
}

export function relative(base: RelativeBase, unit: RelativeUnit | number, offset: number, suffix = ''): string {
  return `REL:${base}:${unit}:${offset}${suffix ? `:${suffix}` : ''}`;
}

export function parseRelative(value: string): RelativeValue | null {
  if (!value.startsWith('REL:')) return null;
  // Field by field with indexOf: an array destructuring of split() (with a rest element) runs the iterator
  // protocol, which made every function inlining this one long to compile. Missing fields read as split gave them.
  const a = value.indexOf(':', 4);
  if (a < 0) return relativeValue(value.slice(4) as RelativeBase, undefined, NaN, '');
  const b = value.indexOf(':', a + 1);
  if (b < 0) return relativeValue(value.slice(4, a) as RelativeBase, value.slice(a + 1), NaN, '');
  const c = value.indexOf(':', b + 1);
  if (c < 0) return relativeValue(value.slice(4, a) as RelativeBase, value.slice(a + 1, b), Number(value.slice(b + 1)), '');
  return relativeValue(value.slice(4, a) as RelativeBase, value.slice(a + 1, b), Number(value.slice(b + 1, c)), value.slice(c + 1));
}

function relativeValue(base: RelativeBase, unit: string | undefined, offset: number, suffix: string): RelativeValue {
  return { base, unit: unit!, offset, suffix };
}

/** The unit's word, for messages and for the XXXX fallback. */
export const RELATIVE_UNIT_OF: Record<string, RelativeUnit> = {
  century: 'CE', decade: 'DE', year: 'Y', quarter: 'Q', month: 'M', week: 'W', day: 'D',
};
