/** Calendar arithmetic on TIMEX3 values, in UTC, without the host clock. */

export const pad2 = (n: number) => String(n).padStart(2, '0');
const pad4 = (n: number) => String(n).padStart(4, '0');

export interface Day {
  y: number;
  m: number;
  d: number;
}

export function parseDay(iso: string): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? { y: +m[1]!, m: +m[2]!, d: +m[3]! } : null;
}

export const isoDay = (d: Day) => `${pad4(d.y)}-${pad2(d.m)}-${pad2(d.d)}`;

function toDate(d: Day): Date {
  return new Date(Date.UTC(d.y, d.m - 1, d.d));
}
function fromDate(t: Date): Day {
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function addDays(d: Day, n: number): Day {
  const t = toDate(d);
  t.setUTCDate(t.getUTCDate() + n);
  return fromDate(t);
}

export const lastDayOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** ISO weekday, 1 = Monday .. 7 = Sunday. */
export const weekday = (d: Day) => ((toDate(d).getUTCDay() + 6) % 7) + 1;

/** ISO week-numbering year and week. */
export function isoWeek(d: Day): { year: number; week: number } {
  const thursday = addDays(d, 4 - weekday(d));
  const jan1 = { y: thursday.y, m: 1, d: 1 };
  const week = Math.floor((toDate(thursday).getTime() - toDate(jan1).getTime()) / 86400000 / 7) + 1;
  return { year: thursday.y, week };
}

function isoWeekMonday(year: number, week: number): Day {
  const jan4 = { y: year, m: 1, d: 4 };
  return addDays(addDays(jan4, 1 - weekday(jan4)), (week - 1) * 7);
}

/** The granularity of a calendar value: 'CE' 'DE' 'Y' 'H' 'Q' 'SE' 'M' 'W' 'D' 'T', or null when it is not one. */
export function granularity(value: string): string | null {
  // Read character by character (it runs several times per timex, ten regular expressions each time before); the
  // forms, all anchored at the start: 2000-01-01T.., 2000-01-01, 2000-W01.., 2000-01, 2000-SP|SU|FA|WI, 2000-Q1..4,
  // 2000-H1|2, 2000, 200, 20 (the last seven whole values).
  const n = value.length;
  if (n < 2 || !isDigitAt(value, 0) || !isDigitAt(value, 1)) return null;
  if (n === 2) return 'CE';
  if (!isDigitAt(value, 2)) return null;
  if (n === 3) return 'DE';
  if (!isDigitAt(value, 3)) return null;
  if (n === 4) return 'Y';
  if (value.charCodeAt(4) !== DASH || n < 7) return null;
  const c5 = value.charCodeAt(5);
  if (c5 === W && isDigitAt(value, 6) && isDigitAt(value, 7)) return 'W';
  if (n === 7) {
    const c6 = value.charCodeAt(6);
    if (isDigit(c5) && isDigit(c6)) return 'M';
    if (c5 === Q) return c6 >= 49 && c6 <= 52 ? 'Q' : null;
    if (c5 === H) return c6 === 49 || c6 === 50 ? 'H' : null;
    return SEASON_CODES.has(value.slice(5)) ? 'SE' : null;
  }
  if (n < 10 || !isDigit(c5) || !isDigitAt(value, 6) || value.charCodeAt(7) !== DASH || !isDigitAt(value, 8) || !isDigitAt(value, 9)) return null;
  if (n === 10) return 'D';
  return value.charCodeAt(10) === T ? 'T' : null;
}

const DASH = 45;
const H = 72;
const Q = 81;
const T = 84;
const W = 87;
const SEASON_CODES = new Set(['SP', 'SU', 'FA', 'WI']);
const isDigit = (c: number) => c >= 48 && c <= 57;
const isDigitAt = (s: string, i: number) => isDigit(s.charCodeAt(i));

/** The first and last day a calendar value covers, or null. */
export function rangeOf(value: string): { start: string; end: string } | null {
  const y = Number(value.slice(0, 4));
  switch (granularity(value)) {
    case 'T':
    case 'D':
      return { start: value.slice(0, 10), end: value.slice(0, 10) };
    case 'W': {
      const mon = isoWeekMonday(y, Number(value.slice(6, 8)));
      return span(mon, addDays(mon, 6));
    }
    case 'M': {
      const m = Number(value.slice(5, 7));
      if (m < 1 || m > 12) return null;
      return span({ y, m, d: 1 }, { y, m, d: lastDayOfMonth(y, m) });
    }
    case 'SE': {
      const s = value.slice(5);
      const first = s === 'SP' ? 3 : s === 'SU' ? 6 : s === 'FA' ? 9 : 12;
      const endMonth = first + 2;
      const ey = endMonth > 12 ? y + 1 : y;
      const em = endMonth > 12 ? endMonth - 12 : endMonth;
      return span({ y, m: first, d: 1 }, { y: ey, m: em, d: lastDayOfMonth(ey, em) });
    }
    case 'Q': {
      const q = Number(value.slice(6));
      return span({ y, m: q * 3 - 2, d: 1 }, { y, m: q * 3, d: lastDayOfMonth(y, q * 3) });
    }
    case 'H': {
      const h = Number(value.slice(6));
      return h === 1 ? span({ y, m: 1, d: 1 }, { y, m: 6, d: 30 }) : span({ y, m: 7, d: 1 }, { y, m: 12, d: 31 });
    }
    case 'Y':
      return span({ y, m: 1, d: 1 }, { y, m: 12, d: 31 });
    case 'DE': {
      const d0 = Number(value) * 10;
      return span({ y: d0, m: 1, d: 1 }, { y: d0 + 9, m: 12, d: 31 });
    }
    case 'CE': {
      const c0 = Number(value) * 100;
      return span({ y: c0, m: 1, d: 1 }, { y: c0 + 99, m: 12, d: 31 });
    }
    default:
      return null;
  }
}

/**
 * The calendar value (a day, ISO week, month, quarter or year) whose days are exactly the range, or null: the point
 * an anchored duration leads to ("three days later") is kept as its range only.
 */
export function valueOfRange(range: { start: string; end: string }): string | null {
  const first = parseDay(range.start);
  if (!first || !parseDay(range.end)) return null;
  if (range.start === range.end) return range.start;
  const y = pad4(first.y);
  for (const value of [shiftedValue(first, 'W', 0), `${y}-${pad2(first.m)}`, `${y}-Q${Math.ceil(first.m / 3)}`, y]) {
    const r = rangeOf(value);
    if (r && r.start === range.start && r.end === range.end) return value;
  }
  return null;
}

/** The value of the unit containing `day`, shifted by n units: unit Y Q M W D DE CE. */
export function shiftedValue(day: Day, unit: string, n: number): string {
  switch (unit) {
    case 'CE':
      return String(Math.floor(day.y / 100) + n).padStart(2, '0');
    case 'DE':
      return String(Math.floor(day.y / 10) + n);
    case 'Y':
      return pad4(day.y + n);
    case 'Q': {
      const q = Math.floor((day.m - 1) / 3) + n;
      const y = day.y + Math.floor(q / 4);
      return `${pad4(y)}-Q${(((q % 4) + 4) % 4) + 1}`;
    }
    case 'M': {
      const mi = day.m - 1 + n;
      const y = day.y + Math.floor(mi / 12);
      return `${pad4(y)}-${pad2((((mi % 12) + 12) % 12) + 1)}`;
    }
    case 'W': {
      const w = isoWeek(addDays(day, 7 * n));
      return `${pad4(w.year)}-W${pad2(w.week)}`;
    }
    default:
      return isoDay(addDays(day, n));
  }
}

function span(a: Day, b: Day): { start: string; end: string } {
  return { start: isoDay(a), end: isoDay(b) };
}

// Values of each granularity through rangeOf when the module loads. V8 compiles rangeOf once a text has called
// it often, with type feedback for the kinds of value seen so far; the first value of another kind (the first
// season, or half year) then threw the compiled code away and it was compiled again. With every branch run
// first, it is compiled once. Several rounds: V8 only starts keeping feedback for a function after a few calls.
for (let round = 0; round < 10; round++) {
  for (const v of ['2000-01-01T10', '2000-01-01', '2000-W01', '2000-01', '2000-SP', '2000-WI', '2000-Q1', '2000-H1', '2000-H2', '2000', '200', '20', 'X']) rangeOf(v);
}

/** A representative day for a calendar value (its first day), to anchor arithmetic on. */
export function firstDay(value: string): Day | null {
  const r = rangeOf(value);
  return r ? parseDay(r.start) : null;
}

/** Easter Sunday of a year in the Gregorian calendar (the anonymous Gregorian computus). */
export function easterSunday(y: number): Day {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { y, m: month, d: day };
}

/** The nth given weekday (1 Monday .. 7 Sunday) of a month; n = -1 for the last one. */
export function nthWeekday(y: number, m: number, n: number, wd: number): Day {
  if (n < 0) {
    const last = { y, m, d: lastDayOfMonth(y, m) };
    return addDays(last, -((weekday(last) - wd + 7) % 7));
  }
  const first = { y, m, d: 1 };
  return addDays(first, ((wd - weekday(first) + 7) % 7) + 7 * (n - 1));
}
