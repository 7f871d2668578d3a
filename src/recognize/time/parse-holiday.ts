import { relative } from './relative-value.js';
import type { TimeParser } from './time-parser.js';

/** Holidays with a fixed day, and ones on the nth weekday of a month (n = -1: the last). */
const FIXED: Record<string, string> = {
  "new year's day": '01-01', "new year's eve": '12-31', "valentine's day": '02-14', 'christmas': '12-25', 'christmas day': '12-25',
  'christmas eve': '12-24', 'halloween': '10-31', 'independence day': '07-04', 'veterans day': '11-11', "veterans' day": '11-11',
  'armistice day': '11-11', 'boxing day': '12-26', 'bastille day': '07-14', 'may day': '05-01', 'victory day': '05-09',
};
// The fourth field counts days on from that weekday: a US Election Day is the Tuesday after the first Monday of November.
const FLOATING: Record<string, [month: number, n: number, weekday: number, plus?: number]> = {
  thanksgiving: [11, 4, 4], 'thanksgiving day': [11, 4, 4], 'labor day': [9, 1, 1], 'memorial day': [5, -1, 1],
  'martin luther king day': [1, 3, 1], "presidents' day": [2, 3, 1], 'presidents day': [2, 3, 1], 'columbus day': [10, 2, 1],
  'election day': [11, 1, 1, 1],
};

// Days counted from Easter Sunday, a moving feast; "Easter week" and "Holy Week" end on it.
const EASTER: Record<string, { days: number; week?: boolean }> = {
  easter: { days: 0 }, 'easter sunday': { days: 0 }, 'easter day': { days: 0 }, 'easter monday': { days: 1 },
  'good friday': { days: -2 }, 'holy thursday': { days: -3 }, 'maundy thursday': { days: -3 }, 'palm sunday': { days: -7 },
  'easter week': { days: 0, week: true }, 'holy week': { days: 0, week: true },
};

const names = [...Object.keys(FIXED), ...Object.keys(FLOATING), ...Object.keys(EASTER)].sort((a, b) => b.length - a.length);
const src = names.map((n) => n.replace(/'/g, "['’]").replace(/ /g, '[ \\t]+')).join('|');
// Capitalised as names are ("Christmas", "Thanksgiving Day"); "may day" in lower case is not the holiday.
const PATTERN = new RegExp(`(?<![\\w-])(?:(last|this|next)[ \\t]+)?(${src})(?![\\w-])`, 'gi');

export const holidayParser: TimeParser = {
  name: 'time.holiday',
  pattern: PATTERN,
  extract(m, text) {
    const name = m[2]!;
    if (!/^[A-Z]/.test(name)) return null;
    const key = name.toLowerCase().replace(/[’]/g, "'").replace(/\s+/g, ' ');
    const start = m.index;
    const end = start + m[0].length;
    const fixed = FIXED[key];
    if (fixed) return { start, end, type: 'DATE', value: `XXXX-${fixed}`, rule: 'time.holiday' };
    const easter = EASTER[key];
    // "the Good Friday Agreement", "Easter Island", "the Easter Rising": part of a name.
    if (easter && /^[ \t]+[A-Z]/.test(text.slice(end, end + 3))) return null;
    if (easter) return { start, end, type: 'DATE', value: relative('EAS', easter.days as never, 0, easter.week ? 'W' : ''), rule: 'time.holiday' };
    const f = FLOATING[key];
    if (!f) return null;
    return { start, end, type: 'DATE', value: relative('NWD', f[0] as never, f[1], f[3] ? `${f[2]}+${f[3]}` : String(f[2])), rule: 'time.holiday' };
  },
};
