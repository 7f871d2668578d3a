import { relative } from './relative-value.js';
import type { TimeParser } from './time-parser.js';

const ORDINAL: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, final: 4 };
// "The last half of 1989", "the latter half", "the last quarter of 1989": the final one, when a year is named
// ("last quarter" alone is the quarter before this one, another rule's).
const LAST = new Set(['last', 'latter']);

// "the third quarter (of 2022)", "third-quarter", "Q3 2022", "2022 Q3", "Q3 FY2022", "Q1 FY23", "FY2022 Q3" (a quarter
// of a fiscal year named as fiscal years are, by the year: 'FY2023' is 2023), "the first half of 2022", "the first two
// quarters of 1990" (its first half), "H2 2023", "2023 H2" (a half written as analysts write it, with its year: "H2"
// alone is too often something else, hydrogen or a heading).
const PATTERN = new RegExp(
  '(?<![\\w-])(?:(?:the[ \\t]+)?(?:fiscal[ \\t-]+)?(first|1st|second|2nd|third|3rd|fourth|4th|final|last|latter)[ \\t-]+(quarter|half|two[ \\t]+quarters)' +
    '(?:[ \\t]+of[ \\t]+(?:(?:fiscal[ \\t]+(?:year[ \\t]+)?)?((?:19|20)\\d{2})|(this|last|next|the)[ \\t]+(?:fiscal[ \\t]+)?year))?' +
    '|Q([1-4])(?:[ \\t]+(?:FY[ \\t]?|fiscal[ \\t]+(?:year[ \\t]+)?)?((?:19|20)\\d{2}|(?<=FY[ \\t]?)\\d{2}))?|(?:FY[ \\t]?)?((?:19|20)\\d{2})[ \\t]+Q([1-4])|([1-4])Q((?:19|20)?\\d{2})?' +
    '|H([12])[ \\t]+((?:19|20)\\d{2})|((?:19|20)\\d{2})[ \\t]+H([12]))(?![\\w-])',
  'gi',
);

export const quarterParser: TimeParser = {
  name: 'time.quarter',
  pattern: PATTERN,
  extract(m) {
    const start = m.index;
    const end = start + m[0].length;
    let n: number;
    let year: string | undefined;
    let half = false;
    let det: string | undefined;
    if (m[1]) {
      const ordinal = m[1].toLowerCase();
      const unit = m[2]!.toLowerCase();
      half = unit !== 'quarter';
      if (LAST.has(ordinal) && !m[3] && !m[4]) return null;
      n = LAST.has(ordinal) ? (half ? 2 : 4) : ORDINAL[ordinal]!;
      if (/^two/.test(unit) && n > 2) return null;
      if (half && (n > 2 || (!m[3] && !m[4]))) return null;
      year = m[3];
      det = m[4]?.toLowerCase();
    } else if (m[5]) {
      n = Number(m[5]);
      year = m[6] && m[6].length === 2 ? (Number(m[6]) > 50 ? '19' : '20') + m[6] : m[6];
    } else if (m[7]) {
      n = Number(m[8]);
      year = m[7];
    } else if (m[11] || m[13]) {
      // "H2 2023": the second half of 2023, valued as "the second half of 2023" is.
      half = true;
      n = Number(m[11] ?? m[14]);
      year = m[12] ?? m[13];
    } else {
      n = Number(m[9]);
      const y = m[10];
      year = y ? (y.length === 2 ? (Number(y) > 50 ? '19' : '20') + y : y) : undefined;
    }
    const code = `${half ? 'H' : 'Q'}${n}`;
    if (year) return { start, end, type: 'DATE', value: `${year}-${code}`, rule: 'time.quarter' };
    if (det === 'this') return { start, end, type: 'DATE', value: relative('DCT', 'Y', 0, `-${code}`), rule: 'time.quarter' };
    if (det === 'last') return { start, end, type: 'DATE', value: relative('DCT', 'Y', -1, `-${code}`), rule: 'time.quarter' };
    if (det === 'next') return { start, end, type: 'DATE', value: relative('DCT', 'Y', 1, `-${code}`), rule: 'time.quarter' };
    return { start, end, type: 'DATE', value: `XXXX-${code}`, rule: 'time.quarter' };
  },
};

// "the 1988 third quarter", "the 1988 quarter", "the 1989 period": a year and the period a report is about.
const YEAR_QUARTER = /(?<![\w-])the[ \t]+((?:19|20)\d{2})[ \t]+(?:(first|1st|second|2nd|third|3rd|fourth|4th)[ \t-]+(quarter|half)|(quarter|period))(?![\w-])/gi;

export const yearQuarterParser: TimeParser = {
  name: 'time.quarter',
  pattern: YEAR_QUARTER,
  extract(m) {
    const start = m.index;
    const end = start + m[0].length;
    const year = m[1]!;
    if (m[2]) {
      const n = ORDINAL[m[2].toLowerCase()]!;
      const half = m[3]!.toLowerCase() === 'half';
      if (half && n > 2) return null;
      return { start, end, type: 'DATE', value: `${year}-${half ? 'H' : 'Q'}${n}`, rule: 'time.quarter' };
    }
    // Which quarter "the 1988 quarter" is comes from the quarter the text is about (resolution finds it).
    return { start, end, type: 'DATE', value: relative('QIN', Number(year), 0), rule: 'time.quarter' };
  },
};

// "the September quarter of 2023", "the June quarter", "the March 2024 quarter": a calendar quarter named by the month
// it ends in, as Australian and New Zealand reports write.
const MONTH_QUARTER = /(?<![\w-])(?:the[ \t]+)?(March|June|September|December)(?:[ \t]+((?:19|20)\d{2}))?[ \t]+quarter(?:[ \t]+of[ \t]+((?:19|20)\d{2}))?(?![\w-])/g;
const QUARTER_ENDING: Record<string, number> = { March: 1, June: 2, September: 3, December: 4 };

export const monthQuarterParser: TimeParser = {
  name: 'time.month-quarter',
  pattern: MONTH_QUARTER,
  extract(m) {
    if (m[2] && m[3]) return null;
    const year = m[2] ?? m[3];
    const n = QUARTER_ENDING[m[1]!]!;
    return { start: m.index, end: m.index + m[0].length, type: 'DATE', value: `${year ?? 'XXXX'}-Q${n}`, rule: 'time.quarter' };
  },
};
