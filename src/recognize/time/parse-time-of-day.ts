import { relative } from './relative-value.js';
import { pad2, type TimeParser } from './time-parser.js';

const HOUR_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const HOUR_WORD_SRC = HOUR_WORDS.join('|');

// "3 p.m.", "10:30 a.m. EST", "9.30 a.m." (a dot before the minutes, with a.m. or p.m. only), "14:00", "noon", "midnight". The day comes from the narrative (or the creation time).
const PATTERN = /(?<![\w.:-])(?:(\d{1,2})(?:[:.](\d{2}))?[ \t]*(a\.m\.|p\.m\.|am|pm)(?![\w])|(\d{1,2}):(\d{2})(?![\d:.,]\d)|(noon|midday|midnight))(?:[ \t]+(?:(?:[ECMP][SD]T|GMT|UTC)(?![\w])|local[ \t]+time))?/gi;

export const timeOfDayParser: TimeParser = {
  name: 'time.time-of-day',
  pattern: PATTERN,
  extract(m) {
    let hour: number;
    let minute = 0;
    if (m[6]) {
      const w = m[6].toLowerCase();
      hour = w === 'midnight' ? 24 : 12;
    } else if (m[3]) {
      hour = Number(m[1]);
      minute = m[2] ? Number(m[2]) : 0;
      if (hour < 1 || hour > 12) return null;
      const pm = m[3].toLowerCase().startsWith('p');
      if (pm && hour < 12) hour += 12;
      if (!pm && hour === 12) hour = 0;
    } else {
      hour = Number(m[4]);
      minute = Number(m[5]);
      if (hour > 23) return null;
    }
    if (minute > 59) return null;
    const value = relative('REF', 'D', 0, `T${pad2(hour)}:${pad2(minute)}`);
    return { start: m.index, end: m.index + m[0].length, type: 'TIME', value, rule: 'time.time-of-day' };
  },
};

// "4 in the morning", "11 o'clock at night": an hour and the part of the day that says a.m. or p.m.
const HOUR_IN_PART = /(?<![\w.:-])(\d{1,2})(?::(\d{2}))?(?:[ \t]+o['’]clock)?[ \t]+(?:in[ \t]+the[ \t]+(morning|afternoon|evening)|at[ \t]+night)(?![\w-])/gi;

export const hourInPartParser: TimeParser = {
  name: 'time.time-of-day',
  pattern: HOUR_IN_PART,
  extract(m) {
    let hour = Number(m[1]);
    const minute = m[2] ? Number(m[2]) : 0;
    if (hour < 1 || hour > 12 || minute > 59) return null;
    const part = (m[3] ?? 'night').toLowerCase();
    // Afternoon and evening hours are p.m.; at night, 9 to 11 are p.m. and 12 to 4 are the small hours.
    if (part === 'afternoon' || part === 'evening' || (part === 'night' && hour >= 6 && hour < 12)) hour += 12;
    if (part === 'morning' && hour === 12) hour = 0;
    const value = relative('REF', 'D', 0, `T${pad2(hour)}:${pad2(minute)}`);
    return { start: m.index, end: m.index + m[0].length, type: 'TIME', value, rule: 'time.time-of-day' };
  },
};

// "at six o'clock", "by 11 o'clock": an hour on the day in view. Its half of the day is the one the text last named
// close before it ("It reopened this morning. The first trucks crossed at six o'clock"); with none, as written.
// "at two o'clock position" is a bearing, not an hour.
const O_CLOCK = new RegExp(`(?<![\\w.:-])(\\d{1,2}|${HOUR_WORD_SRC})[ \\t]+o['’]clock(?![\\w-])(?![ \\t]+(?:position|direction|in[ \\t]+the[ \\t]+(?:morning|afternoon|evening)|at[ \\t]+night))`, 'gi');
const PART_CUE = /\b(?:(morning|a\.m\.|am|dawn|breakfast)|(afternoon|evening|tonight|night|p\.m\.|pm|dusk))\b/gi;

export const oClockParser: TimeParser = {
  name: 'time.time-of-day',
  pattern: O_CLOCK,
  extract(m, text) {
    let hour = /^\d/.test(m[1]!) ? Number(m[1]) : HOUR_WORDS.indexOf(m[1]!.toLowerCase()) + 1;
    if (hour < 1 || hour > 12) return null;
    let later = false;
    for (const c of text.slice(Math.max(0, m.index - 200), m.index).matchAll(PART_CUE)) later = !!c[2];
    if (later && hour < 12) hour += 12;
    const value = relative('REF', 'D', 0, `T${pad2(hour)}:00`);
    return { start: m.index, end: m.index + m[0].length, type: 'TIME', value, rule: 'time.time-of-day' };
  },
};
