import { labelBeforeYear, nameBeforeYear, yearMayStart } from './parse-year.js';
import type { TimeParser } from './time-parser.js';

// A financial (or academic, or season) year written as two years: "2022–23", "2021-22", "2022/23", "FY2023-24",
// "the financial year 2022-23", "the 2024–25 financial year", "fiscal year 2022/2023". Its value is the range of the two
// years ("2022/2023"), as "2022-2023" already is. The fiscal words before or after it join the extent.
// Regex starts where the words or the year may start; what stands before a bare year is checked in code.
const PATTERN = new RegExp(
  '(?:(?<![\\w-])((?:the[ \\t]+)?(?:financial|fiscal)[ \\t]+year[ \\t]+|FY[ \\t]?))?' +
    '((?:19|20)\\d{2})([–/-])(\\d{2}|(?:19|20)\\d{2})(?![\\w%°/–-]|[.,]\\d)' +
    '([ \\t]+(?:financial|fiscal)[ \\t]+year(?![\\w-]))?',
  'gi',
);

// An en dash may join years a few apart ("the 2021–25 plan"); a hyphen or slash only the next year, since
// "2019-11" or "2022/31" is as often a month or a document number.
const MAX_DASH_SPAN = 10;

export const financialYearParser: TimeParser = {
  name: 'time.financial-year',
  pattern: PATTERN,
  extract(m, text) {
    const yearAt = m.index + (m[1]?.length ?? 0);
    const first = Number(m[2]);
    const raw = m[4]!;
    // Two digits count on from the first year, across a century too ("1999–00").
    const next = raw.length === 2 ? (Number(raw) - (first % 100) + 100) % 100 : Number(raw) - first;
    if (next < 1) return null;
    if (m[3] === '–' ? next > MAX_DASH_SPAN : next !== 1) return null;
    // Bare 4-digit pairs joined by a hyphen or dash are the year parser's and refine-ranges' ("2021-2025").
    const fiscal = Boolean(m[1] || m[5]);
    if (raw.length === 4 && m[3] !== '/' && !fiscal) return null;
    if (!m[1]) {
      if (!yearMayStart(text, yearAt)) return null;
      // "Resolution 2022/23", "Annual Report 2022–23" (an edition's title), "pages 2022-23": a label or a name.
      if (labelBeforeYear(text, yearAt) || nameBeforeYear(text, yearAt)) return null;
    }
    let start = m.index;
    // "the 2024–25 financial year": the article joins the extent as it does "the financial year 2022-23".
    const article = !m[1] && m[5] ? /(?:^|[^\w-])(the[ \t]+)$/i.exec(text.slice(Math.max(0, start - 5), start)) : null;
    if (article) start -= article[1]!.length;
    const end = m.index + m[0].length;
    return { start, end, type: 'DATE', value: `${first}/${first + next}`, rule: 'time.financial-year' };
  },
};
