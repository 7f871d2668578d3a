/** Word lists the time parsers share, and the regex sources built from them once. */

export const MONTH_NUMBER: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12,
};

/** Full month names, or abbreviations that must carry a period ("Jan.") so "Mar" or "Dec" alone stay words. */
export const MONTH_SRC =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.)';

export function monthNumber(word: string): number {
  return MONTH_NUMBER[word.toLowerCase().replace(/\.$/, '')] ?? 0;
}

export const WEEKDAY_NUMBER: Record<string, number> = {
  monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7,
};
export const WEEKDAY_SRC = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';

export const SEASON_CODE: Record<string, string> = {
  spring: 'SP', summer: 'SU', fall: 'FA', autumn: 'FA', winter: 'WI',
};
export const SEASON_SRC = '(?:spring|summer|fall|autumn|winter)';

/** Parts of the day and their TIMEX3 codes. */
export const PART_OF_DAY: Record<string, string> = {
  morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', overnight: 'NI',
};
export const PART_OF_DAY_SRC = '(?:morning|afternoon|evening|night|overnight)';

/** Calendar units: singular form -> ISO 8601 duration letter ('T' prefix marks time units). */
export const UNIT_CODE: Record<string, string> = {
  century: 'CE', decade: 'DE', year: 'Y', quarter: 'Q', month: 'M', week: 'W', day: 'D',
  hour: 'TH', minute: 'TM', second: 'TS', weekend: 'WE', fortnight: 'W',
};
export const UNIT_SRC = '(?:centur(?:y|ies)|decades?|years?|quarters?|months?|fortnights?|weeks?|days?|hours?|minutes?|seconds?)';

export function unitOf(word: string): string {
  const w = word.toLowerCase();
  if (w.startsWith('centur')) return 'century';
  return w.replace(/s$/, '');
}

/** ISO 8601 duration for n units (n may be 'X' for unspecified, or a fraction like 0.5). */
export function durationValue(n: number | 'X', unit: string): string {
  // A fortnight is two weeks ("a fortnight" P2W, "three fortnights" P6W).
  if (unit === 'fortnight') return durationValue(n === 'X' ? 'X' : n * 2, 'week');
  const code = UNIT_CODE[unit] ?? 'X';
  if (n !== 'X' && !Number.isInteger(n)) {
    const fraction = fractionValue(n, code);
    if (fraction) return fraction;
  }
  // TimeML writes decades and centuries in years ("two decades" P20Y, "a century" P100Y, as TimeBank's "this
  // century" of a hundred years); ISO 8601 durations have no unit longer than the year.
  if (code === 'CE') return n === 'X' ? 'PXCE' : `P${n * 100}Y`;
  if (code === 'DE') return n === 'X' ? 'PXDE' : `P${n * 10}Y`;
  if (code === 'WE') return n === 'X' ? 'PXWE' : `P${n}WE`;
  if (code.startsWith('T')) return `PT${n === 'X' ? 'X' : n}${code.slice(1)}`;
  return `P${n === 'X' ? 'X' : n}${code}`;
}

// A fractional count is written in whole units plus the next smaller unit ("2 1/2 years" P2Y6M, "5 1/2 hours"
// PT5H30M, "a day and a half" P1DT12H), as ISO 8601 durations are written.
const SMALLER: Record<string, [factor: number, whole: (k: number) => string, part: (k: number) => string]> = {
  CE: [100, (k) => `${k * 100}Y`, (k) => `${k}Y`],
  DE: [10, (k) => `${k * 10}Y`, (k) => `${k}Y`],
  Y: [12, (k) => `${k}Y`, (k) => `${k}M`],
  Q: [3, (k) => `${k * 3}M`, (k) => `${k}M`],
  W: [7, (k) => `${k}W`, (k) => `${k}D`],
  D: [24, (k) => `${k}D`, (k) => `T${k}H`],
  TH: [60, (k) => `T${k}H`, (k) => `${k}M`],
  TM: [60, (k) => `T${k}M`, (k) => `${k}S`],
};

function fractionValue(n: number, code: string): string | null {
  const rule = SMALLER[code];
  if (!rule) return null;
  const [factor, whole, part] = rule;
  const k = Math.floor(n);
  const rest = Math.round((n - k) * factor * 1000) / 1000;
  if (!Number.isInteger(rest)) return null;
  // Units that are multiples of the smaller one (decades, quarters) fold into it entirely: 1.5 decades is P15Y.
  if (code === 'CE' || code === 'DE' || code === 'Q') return `P${part(k * factor + rest)}`;
  const head = k > 0 ? whole(k) : '';
  // The smaller unit of hours and minutes stays after the T that the whole part wrote.
  const tail = code.startsWith('T') && k === 0 ? `T${part(rest)}` : part(rest);
  return `P${head}${tail}`;
}
