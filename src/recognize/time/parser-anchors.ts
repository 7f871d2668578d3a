import type { TimeParser } from './time-parser.js';
import { firstDayParser, monthDateParser, secondDayParser } from './parse-month-date.js';
import { financialYearParser } from './parse-financial-year.js';
import { centuryParser, fiscalYearParser, numericDateParser, shortDecadeParser, yearParser } from './parse-year.js';
import { midSeasonParser, seasonParser } from './parse-season.js';
import { monthQuarterParser, quarterParser, yearQuarterParser } from './parse-quarter.js';
import { weekdayParser, weekdaySetParser } from './parse-weekday.js';
import { deicticParser } from './parse-deictic.js';
import { deicticUnitParser, latestPeriodParser, midCenturyParser, offsetParser, yearAgoParser, yearEndParser, samePeriodParser } from './parse-relative-unit.js';
import { aheadParser, durationParser, unitLongParser, vagueDurationParser } from './parse-duration.js';
import { setParser } from './parse-set.js';
import { hourInPartParser, oClockParser, timeOfDayParser } from './parse-time-of-day.js';
import { NAMED_EVENT_NAMES, namedEventParser } from './parse-named-event.js';
import { weekendParser } from './parse-weekend.js';
import { holidayParser } from './parse-holiday.js';
import { wordYearParser } from './parse-word-year.js';
import { partOfDayParser } from './parse-part-of-day.js';
import { fortnightParser } from './parse-fortnight.js';

/**
 * Words of which every match of a parser's pattern contains at least one, so that the pattern only needs to run
 * near them (time/anchored-scan.ts). A text is cut into tokens at spaces, tabs, line breaks and hyphens; a match
 * reaches at most `before` tokens before the token holding the anchor and `after` tokens after it. Those bounds
 * count the pattern's separator slots (`[ \t]+`, `[ \t-]+`, `-`, `[- ]`, a literal space), each of which can
 * cross one token boundary at most.
 */
export interface AnchorGroup {
  /** Whole runs of ASCII letters, lower case ("year" is found in "year-end" and "Year's", not in "years"). */
  words?: readonly string[];
  /** A run of letters starting so ("noon" in "noonday", which the clock-time pattern reads as "noon"). */
  prefixes?: readonly string[];
  /** A run of letters ending so ("ties" in "eighties"). */
  suffix?: string;
  /**
   * Any run of ASCII digits, or only runs at least `min` long, right after one of the characters of `after`, or
   * equal to one of `runs`.
   */
  digits?: true | { min?: number; after?: string; runs?: readonly string[] };
  before: number;
  after: number;
}

export interface ParserAnchors {
  groups: readonly AnchorGroup[];
  /**
   * Hashes of the patterns (source and flags) the groups were checked against. When the pattern changes to
   * another, the parser runs over the whole text again until its anchors are checked and the new hash is added
   * (test/recognize/time/anchored-scan.test.ts names the stale ones).
   */
  pattern: string | readonly string[];
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const SEASONS = ['spring', 'summer', 'fall', 'autumn', 'winter'];
const UNITS = ['century', 'centuries', 'decade', 'decades', 'year', 'years', 'quarter', 'quarters', 'month', 'months', 'fortnight', 'fortnights', 'week', 'weeks',
  'day', 'days', 'hour', 'hours', 'minute', 'minutes', 'second', 'seconds'];

/** Stable 32-bit FNV-1a hash of a pattern, as hex. */
export function patternHash(re: RegExp): string {
  const s = `${re.source}/${re.flags}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

// Named events come from a data file. Each name is found by one of its words: "war" where it has it (one anchor
// for all the wars), else its longest word that is not common in speeches, else its longest word, else (9/11) its
// longest run of digits. The bounds follow from where that word sits in the name; "the end of the" before a name
// adds 4 tokens.
const COMMON_IN_NAMES = new Set(['the', 'of', 'i', 'one', 'two', 'first', 'second', 'great', 'world', 'united', 'nations', 'global',
  'financial', 'crisis', 'september', 'union', 'soviet']);

function namedEventGroups(): AnchorGroup[] {
  const words: string[] = [];
  const runs: string[] = [];
  let before = 0;
  let after = 0;
  for (const name of NAMED_EVENT_NAMES) {
    const slots = (from: number, to: number) => name.slice(from, to).replace(/[^ \t-]/g, '').length;
    const byLength = (xs: RegExpExecArray[]) => xs.sort((a, b) => b[0].length - a[0].length || a.index - b.index);
    const letters = byLength([...name.matchAll(/[a-z]+/g)]);
    const w = letters.find((x) => x[0] === 'war') ?? letters.find((x) => !COMMON_IN_NAMES.has(x[0])) ?? letters[0] ?? byLength([...name.matchAll(/\d+/g)])[0];
    if (!w) continue;
    (/^\d/.test(w[0]) ? runs : words).push(w[0]);
    before = Math.max(before, 4 + slots(0, w.index));
    after = Math.max(after, slots(w.index + w[0].length, name.length));
  }
  return [
    ...(words.length ? [{ words, before, after }] : []),
    ...(runs.length ? [{ digits: { runs }, before, after }] : []),
  ];
}

/** The name-independent part of the named-event pattern, hashed for staleness like the others. */
function namedEventShape(re: RegExp): RegExp {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/ /g, '[ \\t]+');
  const names = [...NAMED_EVENT_NAMES].sort((a, b) => b.length - a.length).map(escape).join('|');
  return names ? new RegExp(re.source.replace(names, 'NAMES'), re.flags) : re;
}

const TABLE = new Map<TimeParser, ParserAnchors>([
  // (last|this|next|past|coming|that|the following) Month Day, (of) Year | Day (of) Month, Year | Month (of) (last|this|next) year.
  // Mar 2015, 12 Apr 2021 (an undotted abbreviation needs a year, at most 2 tokens after: inside the bounds);
  // March 2018-June 2019 (the second month is a match of its own)
  [monthDateParser, { groups: [{ words: MONTHS, before: 2, after: 4 }], pattern: ['76b76c91', '9461f592', 'aacac821', '4a1367e1', '797a5b1b', 'b7585973'] }],
  [yearParser, { groups: [{ digits: { min: 4 }, before: 0, after: 0 }], pattern: ['f2532ffe', '78901cc5', '2dde6178'] }],
  // the 1988 third quarter
  [yearQuarterParser, { groups: [{ words: ['quarter', 'half', 'period'], before: 3, after: 0 }], pattern: 'edeafadf' }],
  // the September quarter of 2023, the March 2024 quarter
  [monthQuarterParser, { groups: [{ words: ['quarter'], before: 3, after: 2 }], pattern: '6be88847' }],
  // the financial year 2022-23, FY2023-24, the 2024–25 financial year: the first year's digits (after "FY" too); the
  // hyphen cuts a token, and "financial year" follows.
  [financialYearParser, { groups: [{ digits: { min: 4 }, before: 3, after: 3 }], pattern: '5112b975' }],
  // fiscal year 2022, FY 2022
  [fiscalYearParser, { groups: [{ words: ['fiscal', 'fy'], before: 0, after: 2 }], pattern: '0fa2062a' }],
  // 2022-02-24 (hyphens cut tokens: the month is the anchor), 2/24/2022
  [numericDateParser, { groups: [{ digits: { after: '/-' }, before: 1, after: 1 }], pattern: '0a88e1d4' }],
  // this past fall of 2021; the following spring
  // after 3: "the winter of 1941-42" crosses the hyphen.
  [seasonParser, { groups: [{ words: SEASONS, before: 2, after: 3 }], pattern: '08f7736c' }],
  // mid-summer of 1935 (the hyphen cuts tokens), midwinter 1935
  [midSeasonParser, { groups: [{ words: ['mid', 'midsummer', 'midwinter', 'midspring', 'midautumn'], before: 0, after: 3 }], pattern: 'da69d113' }],
  // the fiscal first two quarters of fiscal year 1990; Q3 2022, 2022 Q3, 1Q89 (the Q is a letter run of its own);
  // H2 2023, 2023 H2 (so is the H); Q3 fiscal year 2022, FY 2022 Q3
  [quarterParser, {
    groups: [{ words: ['quarter', 'quarters', 'half'], before: 4, after: 4 }, { words: ['q'], before: 2, after: 3 }, { words: ['h'], before: 1, after: 1 }],
    pattern: ['008de16a', '816fc1af'],
  }],
  // last Friday morning
  [weekdayParser, { groups: [{ words: WEEKDAYS, before: 1, after: 1 }], pattern: 'c6b946e5' }],
  // "the day before yesterday", "for the time being" end on their anchor; "immediately afterwards" has one word after.
  [deicticParser, {
    groups: [{
      words: ['today', 'yesterday', 'tomorrow', 'tonight', 'morning', 'afternoon', 'evening', 'night', 'now', 'currently', 'current',
        'present', 'presently', 'nowadays', 'days', 'being', 'date', 'recently', 'past', 'future', 'term', 'coming', 'ahead',
        'immediately', 'shortly'],
      before: 3,
      after: 1,
    }],
    pattern: ['11572868', '3f58d884', 'e43f6b08'],
  }],
  // earlier the same fiscal year before. "century" and the second hash: the pattern of the time-values branch
  // ("this century", "that same year"), checked as well.
  [deicticUnitParser, {
    groups: [{ words: ['century', 'decade', 'year', 'quarter', 'month', 'week', 'day'], before: 4, after: 1 }],
    pattern: ['3e75838c', '01ab7db0'],
  }],
  // twenty one hundred and twenty one years or so from now
  [offsetParser, { groups: [{ words: UNITS.filter((u) => !/^(?:hour|minute|second)/.test(u)), before: 6, after: 4 }], pattern: ['923255c4', '1f7f5bdf'] }],
  // year-earlier quarter; quarter of a year ago; last year's quarter
  [yearAgoParser, { groups: [{ words: ['ago', 'earlier', 'quarter', 'period'], before: 2, after: 4 }], pattern: '123994a6' }],
  // the past twenty one hundred and twenty one and a half more trading years and a half long
  [durationParser, { groups: [{ words: UNITS, before: 13, after: 4 }], pattern: ['82b80c47', '1b9fa269'] }],
  // for recent years
  [vagueDurationParser, { groups: [{ words: ['years', 'months', 'weeks', 'quarters', 'decades', 'days', 'hours', 'minutes', 'centuries'], before: 2, after: 0 }], pattern: ['ae9c9699', 'bd86f5cc'] }],
  // every twenty one hundred and twenty one years; each spring; daily; three times a year
  [setParser, {
    groups: [{
      words: ['every', 'each', 'daily', 'weekly', 'monthly', 'annually', 'yearly', 'quarterly', 'hourly', 'nightly', 'biannually',
        'biennially', 'semiannually', 'once', 'twice', 'times'],
      before: 1,
      after: 7,
    }],
    pattern: ['5842fb36', '237bb2f1'],
  }],
  // 10 am local time, 10 a.m. (the "m"), 9.30 a.m. (one token), 10:30 GMT, noon
  [timeOfDayParser, {
    groups: [
      { words: ['am', 'pm', 'm'], before: 1, after: 2 },
      { digits: { after: ':' }, before: 0, after: 2 },
      { prefixes: ['noon', 'midday', 'midnight'], before: 0, after: 2 },
    ],
    pattern: '63684a1c',
  }],
  [namedEventParser, { groups: namedEventGroups(), pattern: '72b15ee8' }],
  // the past weekend
  [weekendParser, { groups: [{ words: ['weekend'], before: 2, after: 2 }], pattern: ['de6a116b', 'adabc336'] }],
  // next Martin Luther King Day; Christmas Eve
  // The Easter words and the second hash: the pattern of the time-values branch (Easter, Good Friday, Holy Week), checked too.
  [holidayParser, {
    groups: [{ words: ['day', 'eve', 'christmas', 'halloween', 'thanksgiving', 'easter', 'week', 'monday', 'thursday', 'friday', 'sunday'], before: 4, after: 1 }],
    pattern: ['0e4026c0', '6d8af861'],
  }],
  // the year two thousand and twenty one; nineteen ninety-six
  [wordYearParser, { groups: [{ words: ['nineteen', 'eighteen', 'twenty', 'thousand'], before: 3, after: 3 }], pattern: '33f88b43' }],
  // year's end
  [yearEndParser, { groups: [{ words: ['end'], before: 1, after: 0 }], pattern: '53b062b1' }],
  // the same period
  [samePeriodParser, { groups: [{ words: ['period'], before: 2, after: 0 }], pattern: '18fa024f' }],
  // '80s, eighties
  [shortDecadeParser, { groups: [{ digits: { after: "'’" }, before: 0, after: 0 }, { suffix: 'ties', before: 0, after: 0 }], pattern: '6b72c3a0' }],
  [centuryParser, { groups: [{ words: ['century'], before: 0, after: 0 }], pattern: '0fc1d5cf' }],
  // mid-century, mid-decade (the hyphen cuts tokens), midcentury, middecade
  [midCenturyParser, { groups: [{ words: ['century', 'midcentury', 'decade', 'middecade'], before: 1, after: 0 }], pattern: '8292a325' }],
  // the most recent quarter
  [latestPeriodParser, { groups: [{ words: ['period', 'quarter'], before: 3, after: 0 }], pattern: 'e8a0c504' }],
  // years-long
  [unitLongParser, { groups: [{ words: ['long', 'daylong', 'weeklong', 'monthlong', 'yearlong', 'hourlong', 'decadelong'], before: 1, after: 0 }], pattern: ['1debd4e6', '5199488c'] }],
  // March 3 - 4
  [secondDayParser, { groups: [{ words: MONTHS, before: 0, after: 4 }], pattern: 'edfb35b8' }],
  // 20th to 23rd of March, 2023
  [firstDayParser, { groups: [{ words: MONTHS, before: 4, after: 1 }], pattern: ['c061248a', '732b515a', '80162e40'] }],
  // the next few weeks ahead
  [aheadParser, { groups: [{ words: ['ahead'], before: 3, after: 0 }], pattern: '917589a3' }],
  // 11:30 o'clock in the morning
  [hourInPartParser, { groups: [{ words: ['morning', 'afternoon', 'evening', 'night'], before: 4, after: 0 }], pattern: 'ad0445c5' }],
  // six o'clock
  [oClockParser, { groups: [{ words: ['clock'], before: 1, after: 0 }], pattern: '1dee7d39' }],
  // Mondays, Tuesday nights
  [weekdaySetParser, { groups: [{ words: [...WEEKDAYS, ...WEEKDAYS.map((d) => `${d}s`)], before: 0, after: 1 }], pattern: 'd631da43' }],
  // the next morning; in the early evening; mid-afternoon, midafternoon; later that same night; the night before
  [partOfDayParser, {
    groups: [{
      words: ['morning', 'afternoon', 'evening', 'night', ...['mid', 'early', 'late'].flatMap((e) => ['morning', 'afternoon', 'evening'].map((p) => e + p))],
      before: 3,
      after: 1,
    }],
    pattern: 'e8ffb78e',
  }],
  // the preceding fortnight; fortnightly
  [fortnightParser, { groups: [{ words: ['fortnight', 'fortnightly'], before: 2, after: 0 }], pattern: '01f431f7' }],
]);

/** The current hash of a parser's pattern as the anchor table records it. */
export function currentPatternHash(parser: TimeParser): string {
  return patternHash(parser === namedEventParser ? namedEventShape(parser.pattern) : parser.pattern);
}

/** The anchors of a parser, or undefined when it has none or they were worked out for another pattern. */
export function anchorsOf(parser: TimeParser): ParserAnchors | undefined {
  const a = TABLE.get(parser);
  return a && [a.pattern].flat().includes(currentPatternHash(parser)) ? a : undefined;
}

/** Every parser with an anchor entry, with the hash it records and the pattern's current one (for the test). */
export function anchorTableStatus(): { parser: TimeParser; recorded: readonly string[]; current: string }[] {
  return [...TABLE.entries()].map(([parser, a]) => ({ parser, recorded: [a.pattern].flat(), current: currentPatternHash(parser) }));
}
