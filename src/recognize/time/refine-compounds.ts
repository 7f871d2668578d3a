import { PART_OF_DAY } from './lexicon.js';
import { parseRelative, relative } from './relative-value.js';
import { candidate, candidateList, type TimexCandidate } from './time-parser.js';

// "10 p.m. Wednesday", "5 p.m. EST, Nov. 9", "noon on Friday": a clock time and the day it falls on.
const TIME_THEN_DAY = /^[ \t]*,?[ \t]*(?:on[ \t]+)?$/;
// "Friday, Oct. 13", "Saturday April 25": a weekday restating a full date.
const WEEKDAY_THEN_DATE = /^,?[ \t]+$/;

const isClock = (c: TimexCandidate) => c.rule === 'time.time-of-day' && /^REL:REF:D:0:T/.test(c.value);
const isDay = (c: TimexCandidate) =>
  c.type === 'DATE' && (/^(?:\d{4}|XXXX)-\d{2}-\d{2}$/.test(c.value) || /^REL:(?:WD:\d:-?\d|DCT:D:-?\d)$/.test(c.value));
const isWeekday = (c: TimexCandidate) => c.rule === 'time.weekday' && c.type === 'DATE';
// "January nineteen ninety-seven", "the winter of 1994": a month or season and its year, found by two parsers.
const PARTIAL_THEN_YEAR = /^,?[ \t]+(?:of[ \t]+)?$/;
const isPartial = (c: TimexCandidate) => c.type === 'DATE' && /^XXXX-(?:\d{2}|SP|SU|FA|WI)$/.test(c.value);
const isYear = (c: TimexCandidate) => c.rule === 'time.year' && /^\d{4}$/.test(c.value);
const isFullDate = (c: TimexCandidate) => c.rule === 'time.month-date' && /^(?:\d{4}|XXXX)-\d{2}-\d{2}$/.test(c.value);

// "26 May of this year", "mid-July of that year", "the spring of the following year", "June last year": a month, day
// or season in a year told relative to the document or to the narrative. The year word decides the year; the month
// part is kept as the suffix of the relative value (as "March of last year" is written by parse-month-date).
const PARTIAL_THEN_RELATIVE_YEAR = /^,?[ \t]+(?:of[ \t]+)?$/;
const isPartialOrDay = (c: TimexCandidate) => c.type === 'DATE' && /^XXXX-(?:\d{2}(?:-\d{2})?|SP|SU|FA|WI)$/.test(c.value);
const RELATIVE_YEAR = /^REL:(?:DCT|REF):Y:-?\d+$/;
// Not "the year" alone ("in March the year turned") nor a possessive ("26 May, this year's deadline").
const isRelativeYear = (text: string, c: TimexCandidate) =>
  c.type === 'DATE' && c.rule === 'time.relative-unit' && !c.mod && RELATIVE_YEAR.test(c.value) && !/^the[ \t]+year$/i.test(text.slice(c.start, c.end)) && !/^['’]s\b/.test(text.slice(c.end, c.end + 3));

// "this year's third quarter", "1988's fourth quarter", "next year's spring": a year and a part of it.
const POSSESSIVE = /^['’]s[ \t]+$/;
const isYearLike = (c: TimexCandidate) => c.type === 'DATE' && (/^\d{4}$/.test(c.value) || /^REL:DCT:Y:-?\d+$/.test(c.value));
const isPartOfYear = (c: TimexCandidate) => c.type === 'DATE' && /^XXXX-(?:Q[1-4]|H[12]|SP|SU|FA|WI|\d{2})$/.test(c.value);

// "the day before last Tuesday", "the day after Friday", "the day after May 5, 2000": a day counted from the day
// named right after it. TimeML marks "day before last Tuesday" as one date (AQUAINT), the article left out.
const DAY_BEFORE = /(?:^|[^\w-])([Dd]ay[ \t]+(before|after)[ \t]+)$/;

const WEEK_OF = /(?:^|[^\w-])([Tt]he[ \t]+week[ \t]+of[ \t]+)$/;

// "the evening of 13 September", "on the morning of 3 May": a part of that day, one TIME (as "the morning" of a day
// the narrative is on is); the date alone would lose the part, and "the evening" alone would be put on another day.
// TimeML's corpora mark the date alone ("on the night of [Oct. 23]", AQUAINT), so only the report style joins them.
const PART_OF_DAY_OF = /(?:^|[^\w-])([Tt]he[ \t]+(morning|afternoon|evening|night)[ \t]+of[ \t]+)$/;

/**
 * Join adjacent candidates that name one point in time (TIMEX3 keeps them as one expression). `partOfDayOfDate`
 * joins "the evening of" to the date after it (the report style; TimeML leaves it out).
 */
export function refineCompounds(text: string, candidates: TimexCandidate[], partOfDayOfDate = false): TimexCandidate[] {
  const out = candidateList();
  for (let i = 0; i < candidates.length; i++) {
    const a = candidates[i]!;
    const b = candidates[i + 1];
    // Cheap test first: most candidates follow no "before "/"after ".
    const dayBefore = (text.endsWith('before ', a.start) || text.endsWith('after ', a.start)) && isDay(a) ? DAY_BEFORE.exec(text.slice(Math.max(0, a.start - 16), a.start)) : null;
    const shifted = dayBefore ? dayShifted(a.value, dayBefore[2]!.toLowerCase() === 'before' ? -1 : 1) : undefined;
    if (dayBefore && shifted) {
      const start = a.start - dayBefore[1]!.length;
      // "the day before" alone was read as a day before the last date told: it is part of this one.
      while (out.length && out[out.length - 1]!.end > start) out.pop();
      out.push(candidate(start, a.end, 'DATE', shifted, a.rule, undefined, undefined, undefined));
      continue;
    }
    const partOf = partOfDayOfDate && isDay(a) && text.endsWith(' of ', a.start) ? PART_OF_DAY_OF.exec(text.slice(Math.max(0, a.start - 24), a.start)) : null;
    if (partOf) {
      const start = a.start - partOf[1]!.length;
      // "in the evening" was found alone (on the narrative's day): it is part of this one.
      while (out.length && out[out.length - 1]!.end > start) out.pop();
      const code = `T${PART_OF_DAY[partOf[2]!.toLowerCase()]}`;
      const rel = parseRelative(a.value);
      const value = rel ? relative(rel.base, rel.unit as never, rel.offset, code) : `${a.value}${code}`;
      out.push(candidate(start, a.end, 'TIME', value, 'time.time-of-day', undefined, undefined, a.inferred));
      continue;
    }
    if (b && isClock(a) && isDay(b) && TIME_THEN_DAY.test(text.slice(a.end, b.start))) {
      const clock = parseRelative(a.value)!.suffix;
      // "3 p.m. on Friday, 12 July": the weekday restates the date after it, and the clock time is on that date.
      const c = candidates[i + 2];
      if (c && isWeekday(b) && isFullDate(c) && WEEKDAY_THEN_DATE.test(text.slice(b.end, c.start))) {
        out.push(candidate(a.start, c.end, 'TIME', `${c.value}${clock}`, 'time.time-of-day', undefined, undefined, c.inferred));
        i += 2;
        continue;
      }
      const rel = parseRelative(b.value);
      const value = rel ? relative(rel.base, rel.unit as never, rel.offset, clock) : `${b.value}${clock}`;
      out.push(candidate(a.start, b.end, 'TIME', value, 'time.time-of-day', undefined, undefined, undefined));
      i++;
      continue;
    }
    if (b && isPartial(a) && isYear(b) && PARTIAL_THEN_YEAR.test(text.slice(a.end, b.start))) {
      out.push(candidate(a.start, b.end, a.type, b.value + a.value.slice(4), a.rule, a.mod, a.range, a.inferred));
      i++;
      continue;
    }
    if (b && isPartialOrDay(a) && isRelativeYear(text, b) && PARTIAL_THEN_RELATIVE_YEAR.test(text.slice(a.end, b.start))) {
      out.push(candidate(a.start, b.end, 'DATE', `${b.value}:${a.value.slice(4)}`, a.rule, a.mod, undefined, a.inferred));
      i++;
      continue;
    }
    if (b && isYearLike(a) && isPartOfYear(b) && POSSESSIVE.test(text.slice(a.end, b.start))) {
      const part = b.value.slice(4);
      const value = /^\d{4}$/.test(a.value) ? a.value + part : `${a.value}:${part}`;
      out.push(candidate(a.start, b.end, 'DATE', value, b.rule, undefined, undefined, undefined));
      i++;
      continue;
    }
    if (b && a.rule === 'time.year-ago' && a.value === 'REL:CMP:Y:-1' && /(?:ago|earlier)$/i.test(text.slice(a.start, a.end)) && /^XXXX-(?:Q[1-4]|H[12])$/.test(b.value) && /^[ \t]+$/.test(text.slice(a.end, b.start))) {
      const article = /(?:^|[^\w-])(the[ \t]+)$/i.exec(text.slice(Math.max(0, a.start - 5), a.start))?.[1]?.length ?? 0;
      out.push(candidate(a.start - article, b.end, 'DATE', `REL:CMP:Y:-1:${b.value.slice(4)}`, 'time.year-ago', undefined, undefined, undefined));
      i++;
      continue;
    }
    // "Thursday last week", "on Monday next week": the weekday of the week named (TimeML marks the two as one date).
    const plainWeekday = b && isWeekday(a) ? /^REL:WD:(\d):0$/.exec(a.value) : null;
    const week = plainWeekday && /^[ \t]+(?:of[ \t]+)?$/.test(text.slice(a.end, b!.start)) ? /^REL:DCT:W:(-1|0|1)$/.exec(b!.value) : null;
    if (plainWeekday && week && /^(?:last|next|this)[ \t]+week$/i.test(text.slice(b!.start, b!.end))) {
      out.push(candidate(a.start, b!.end, 'DATE', relative('WD', Number(plainWeekday[1]), 0, `W${week[1]}`), a.rule, undefined, undefined, undefined));
      i++;
      continue;
    }
    if (b && isWeekday(a) && isFullDate(b) && WEEKDAY_THEN_DATE.test(text.slice(a.end, b.start))) {
      out.push(candidate(a.start, b.end, b.type, b.value, b.rule, b.mod, b.range, b.inferred));
      i++;
      continue;
    }
    out.push(a);
  }
  for (let i = 0; i < out.length; i++) out[i] = weekOf(text, out[i]!);
  return out;
}

// "the week of March 6": the ISO week holding that day.
function weekOf(text: string, c: TimexCandidate): TimexCandidate {
  if (!isFullDate(c)) return c;
  const lead = WEEK_OF.exec(text.slice(Math.max(0, c.start - 16), c.start))?.[1]?.length;
  if (!lead) return c;
  return candidate(c.start - lead, c.end, 'DATE', `REL:WOF:${c.value.replace(/^XXXX-/, '')}:0`, 'time.week-of', undefined, undefined, undefined);
}

/** A day value moved by `by` days: a weekday or a day from the document's keeps the shift for resolution. */
function dayShifted(value: string, by: number): string | undefined {
  const rel = parseRelative(value);
  if (rel?.base === 'DCT' && rel.unit === 'D' && !rel.suffix) return relative('DCT', 'D', rel.offset + by);
  if (rel?.base === 'WD' && !rel.suffix) return relative('WD', Number(rel.unit), rel.offset, `D${by > 0 ? '+' : ''}${by}`);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(Date.parse(`${value}T00:00:00Z`) + by * 86400000).toISOString().slice(0, 10);
  return undefined;
}
