import { MONTH_SRC, monthNumber } from './lexicon.js';
import { pad2, wordBefore, type TimeParser } from './time-parser.js';

const YEAR = '((?:1[0-9]|20)\\d{2})(?![\\d%-]|[.,]\\d)';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:%])';

// Month first ("February 24, 2023", "Feb. 24", "February 2023", "February"), or day first ("24 February 2023").
const PATTERN = new RegExp(
  `(?<![\\w-])(?:${MONTH_SRC.replace('(?:', '(')}(?:[ \\t]+${DAY})?(?:,?[ \\t]+(?:of[ \\t]+)?${YEAR})?` +
    `|${DAY}[ \\t]+(?:of[ \\t]+)?${MONTH_SRC.replace('(?:', '(')}(?:,?[ \\t]+${YEAR})?)(?![\\w])`,
  'g',
);

// "May" and "March" are also a verb and a noun: alone they need a word that marks them as dates.
const AMBIGUOUS = new Set(['may', 'march']);
const DATE_CONTEXT = new Set([
  'in', 'on', 'of', 'since', 'until', 'till', 'by', 'from', 'to', 'early', 'late', 'mid', 'last', 'next', 'this',
  'during', 'through', 'throughout', 'before', 'after', 'between', 'and', 'or', 'end', 'beginning', 'start',
  'middle', 'each', 'every', 'as', 'around', 'about', 'since', 'that', 'until', 'mid-', 'early-', 'late-',
]);

const FOLLOWED_BY_MONTH = new RegExp(`^[ \\t]*(?:and|or|to|through|until|-|–)[ \\t]*${MONTH_SRC}`);

export const monthDateParser: TimeParser = {
  name: 'time.month-date',
  pattern: PATTERN,
  extract(m, text) {
    const monthWord = m[1] ?? m[5]!;
    const month = monthNumber(monthWord);
    const dayText = m[2] ?? m[4];
    const yearText = m[3] ?? m[6];
    const day = dayText ? Number(dayText) : 0;
    let end = m.index + m[0].length;
    if (dayText && (day < 1 || day > 31)) return null;
    if (!dayText && !yearText) {
      const before = wordBefore(text, m.index).toLowerCase();
      if (AMBIGUOUS.has(monthWord.toLowerCase())) {
        // "May" at a sentence start or after a subject is the verb; "the March" is a march. "May and June" stays a date.
        if (!DATE_CONTEXT.has(before) && !FOLLOWED_BY_MONTH.test(text.slice(end, end + 24))) return null;
      }
      // A capitalised word before a month is usually part of a name ("Arab Spring", "Hotel April").
      if (/^[A-Z][a-z]+$/.test(before) && !DATE_CONTEXT.has(before.toLowerCase()) && !/^(?:The|Since|Until|Early|Late|Last|Next|This|By|From)$/.test(before) && text[m.index - before.length - 2] !== '.') {
        if (AMBIGUOUS.has(monthWord.toLowerCase())) return null;
      }
    }
    // "February 24 2023": a trailing comma was not consumed; nothing to fix. Strip a dangling "of".
    const year = yearText ? yearText : 'XXXX';
    const value = dayText ? `${year}-${pad2(month)}-${pad2(day)}` : `${year}-${pad2(month)}`;
    return { start: m.index, end, type: 'DATE', value, rule: 'time.month-date' };
  },
};
