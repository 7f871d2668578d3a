import type { TimeParser } from './time-parser.js';

// Years spoken as words, as transcripts write them: "nineteen ninety-six", "nineteen oh five", "two thousand",
// "two thousand and one", "the year two thousand".
const ONES = 'one|two|three|four|five|six|seven|eight|nine';
const TEENS = 'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const PATTERN = new RegExp(
  `(?<![\\w-])(?:(the[ \\t]+year)[ \\t]+)?(?:(nineteen|eighteen|twenty)[ \\t-]+(?:hundred|(${TENS})(?:[ \\t-]+(${ONES}))?|(${TEENS})|oh[ \\t-]+(${ONES}))|(two[ \\t]+thousand)(?:[ \\t]+(?:and[ \\t]+)?(?:(${ONES})|(${TEENS})|(${TENS})(?:[ \\t-]+(${ONES}))?))?)(?![\\w-])`,
  'gi',
);

const N: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30,
  forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const n = (w: string | undefined) => (w ? N[w.toLowerCase()] ?? 0 : 0);

export const wordYearParser: TimeParser = {
  name: 'time.year',
  pattern: PATTERN,
  extract(m) {
    let year: number;
    if (m[7]) {
      year = 2000 + n(m[8]) + n(m[9]) + n(m[10]) + n(m[11]);
      // "two thousand" alone is a count far more often than a year, unless "the year" says so.
      if (!m[1] && year === 2000) return null;
    } else {
      const century = n(m[2]) * 100;
      if (/hundred/i.test(m[0]) && !m[3] && !m[5] && !m[6]) return null; // "nineteen hundred" (people, tons)
      year = century + n(m[3]) + n(m[4]) + n(m[5]) + n(m[6]);
      // "twenty-five" alone is a number; spoken years need the century and a two-digit rest of ten or more, or "oh".
      if (year % 100 < 10 && !m[6]) return null;
    }
    return { start: m.index, end: m.index + m[0].length, type: 'DATE', value: String(year), rule: 'time.year' };
  },
};
