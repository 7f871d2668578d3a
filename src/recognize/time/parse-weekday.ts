import { PART_OF_DAY, PART_OF_DAY_SRC, WEEKDAY_NUMBER, WEEKDAY_SRC } from './lexicon.js';
import type { TimeParser } from './time-parser.js';

// "Friday", "last Friday", "Last Friday", "next Monday", "Friday morning", "Wednesday night". A possessive "'s"
// ("Friday's trading") stays outside the span, as both TimeML corpora mark it.
const PATTERN = new RegExp(
  `(?<![\\w-])(?:([Ll]ast|[Nn]ext|[Tt]his|[Cc]oming|[Pp]revious|[Pp]receding|[Ff]ollowing)[ \\t]+)?(${WEEKDAY_SRC})(?:[ \\t]+(${PART_OF_DAY_SRC}))?(?![\\w-])`,
  'g',
);

/** Weekday values wait for resolution: `REL:WD:<1-7>:<-1 last | 1 next | 0 tense decides | -2/2 before/after the day last mentioned>[:T<part of day>]`. */
export const weekdayParser: TimeParser = {
  name: 'time.weekday',
  pattern: PATTERN,
  extract(m) {
    const det = m[1]?.toLowerCase();
    // "the previous Friday", "the following Monday" look from the day last mentioned (-2, 2), not from today.
    const offset = det === 'last' ? -1 : det === 'next' || det === 'coming' ? 1 : det === 'previous' || det === 'preceding' ? -2 : det === 'following' ? 2 : 0;
    const part = m[3] ? `T${PART_OF_DAY[m[3].toLowerCase()]}` : '';
    const end = m.index + m[0].length;
    const value = `REL:WD:${WEEKDAY_NUMBER[m[2]!.toLowerCase()]}:${offset}${part ? `:${part}` : ''}`;
    return { start: m.index, end, type: part ? 'TIME' : 'DATE', value, rule: 'time.weekday' };
  },
};

// "on Mondays", "Tuesday nights": a weekday in the plural recurs every week, a TIMEX3 SET.
const PLURAL = new RegExp(`(?<![\\w-])(?:(${WEEKDAY_SRC})s|(${WEEKDAY_SRC})[ \\t]+(mornings|afternoons|evenings|nights))(?![\\w'-])`, 'g');

export const weekdaySetParser: TimeParser = {
  name: 'time.set',
  pattern: PLURAL,
  extract(m) {
    const day = WEEKDAY_NUMBER[(m[1] ?? m[2]!).toLowerCase()];
    const part = m[3] ? `T${PART_OF_DAY[m[3].toLowerCase().replace(/s$/, '')]}` : '';
    return { start: m.index, end: m.index + m[0].length, type: 'SET', value: `XXXX-WXX-${day}${part}`, rule: 'time.set' };
  },
};
