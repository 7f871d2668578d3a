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
import { namedEventParser } from './parse-named-event.js';
import { weekendParser } from './parse-weekend.js';
import { holidayParser } from './parse-holiday.js';
import { wordYearParser } from './parse-word-year.js';
import { partOfDayParser } from './parse-part-of-day.js';
import { fortnightParser } from './parse-fortnight.js';

/** Every time parser, in no particular order: refiners decide between overlapping results. */
export const TIME_PARSERS: readonly TimeParser[] = [
  monthDateParser, yearParser, yearQuarterParser, financialYearParser, fiscalYearParser, numericDateParser, seasonParser, quarterParser, monthQuarterParser, weekdayParser,
  deicticParser, deicticUnitParser, offsetParser, yearAgoParser, durationParser, vagueDurationParser, setParser,
  timeOfDayParser, namedEventParser, weekendParser, holidayParser, wordYearParser, yearEndParser, samePeriodParser,
  shortDecadeParser, centuryParser, latestPeriodParser, unitLongParser, secondDayParser, aheadParser, hourInPartParser, oClockParser,
  weekdaySetParser, partOfDayParser, firstDayParser, midSeasonParser, midCenturyParser, fortnightParser,
];
