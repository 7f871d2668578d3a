import { MONTH_SRC, monthNumber } from './lexicon.js';
import { pad2, wordBefore, type TimeParser } from './time-parser.js';
import { relative } from './relative-value.js';

// A year may stand before a hyphen only when a month follows it: 'March 2018-June 2019' is a range, 'March 2018-A1' a code.
const MONTH_AFTER_HYPHEN = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\b';
const YEAR = `((?:1[0-9]|20)\\d{2})(?![\\d%]|-(?!${MONTH_AFTER_HYPHEN})|[.,]\\d)`;
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?(?![\\d%]|:\\d)';

// Month first ("February 24, 2023", "Feb. 24", "February 2023", "February"), or day first ("24 February 2023");
// a bare month may carry "last", "this" or "next" before it or "(of) last year" after it. A month after a hyphen is a
// code's part unless an edge word ("mid-May"), another month ("the April-June quarter", a range) or a month and its
// year ("March 2018-June 2019") stands before it.
// "Mar 2015", "12 Apr 2021", "Sep 2018": tables and timelines write abbreviations without the period. Undotted, a
// capitalised abbreviation is a month only with a year after it (and a day between or before), so "Mar" or "Dec"
// alone stay words ("to mar the day", "Jan said").
const BARE_ABBREVIATION = `(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?=(?:[ \\t]+\\d{1,2}(?:st|nd|rd|th)?,?)?[ \\t]+(?:1[0-9]|20)\\d{2}(?![\\d%]|-(?!${MONTH_AFTER_HYPHEN})|[.,]\\d))`;
const MONTH_OR_BARE = MONTH_SRC.replace('(?:', `(${BARE_ABBREVIATION}|`);

const PATTERN = new RegExp(
  `(?<!\\w)(?<!(?<!(?:[Mm]id|[Ee]arly|[Ll]ate|[Ee]nd|[Ss]tart|January|February|March|April|May|June|July|August|September|October|November|December|(?<![\\w.,/:%-])\\d{1,2}|(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?[ \\t]+(?:1[0-9]|20)\\d{2}))-)(?:(?:([Ll]ast|[Tt]his|[Nn]ext|[Pp]ast|[Cc]oming|[Tt]hat|[Tt]he[ \\t]+(?:following|next|previous|preceding))[ \\t]+)?${MONTH_OR_BARE}(?:[ \\t]+${DAY})?(?:,?[ \\t]+(?:of[ \\t]+)?${YEAR}|[ \\t]+(?:of[ \\t]+)?(last|this|next)[ \\t]+year)?` +
    `|${DAY}[ \\t]+(?:of[ \\t]+)?${MONTH_OR_BARE}(?:,?[ \\t]+${YEAR})?)(?![\\w])`,
  'g',
);
const OFFSET: Record<string, number> = { last: -1, past: -1, this: 0, next: 1, coming: 1 };

// "May" and "March" are also a verb and a noun: alone they need a word that marks them as dates.
const AMBIGUOUS = new Set(['may', 'march']);
const DATE_CONTEXT = new Set([
  'in', 'on', 'of', 'since', 'until', 'till', 'by', 'from', 'to', 'early', 'late', 'mid', 'last', 'next', 'this',
  'during', 'through', 'throughout', 'before', 'after', 'between', 'and', 'or', 'end', 'beginning', 'start',
  'middle', 'each', 'every', 'as', 'around', 'about', 'since', 'that', 'until', 'mid-', 'early-', 'late-', 'end-', 'start-',
]);

const FOLLOWED_BY_MONTH = new RegExp(`^[ \\t]*(?:and|or|to|through|until|-|–)[ \\t]*${MONTH_SRC}`);
// "January–March", "April to May": the second of two months joined as a range or a pair is a month too.
const PRECEDED_BY_MONTH = new RegExp(`${MONTH_SRC}[ \\t]*(?:and|or|to|through|until|-|–|—)[ \\t]*$`);

export const monthDateParser: TimeParser = {
  name: 'time.month-date',
  pattern: PATTERN,
  extract(m, text) {
    let det = m[1]?.toLowerCase().replace(/\s+/g, ' ');
    const monthWord = m[2] ?? m[7]!;
    const month = monthNumber(monthWord);
    const dayText = m[3] ?? m[6];
    const yearText = m[4] ?? m[8];
    const relYear = m[5]?.toLowerCase();
    const day = dayText ? Number(dayText) : 0;
    let end = m.index + m[0].length;
    if (dayText && (day < 1 || day > 31)) return null;
    // "That October", "in that March": the month of the year last told. After any other word "that" is more often a
    // conjunction ("said that March sales rose"): the date is the month alone.
    if (det === 'that' && !/^T/.test(m[1]!) && !THAT_MONTH_AFTER.test(wordBefore(text, m.index).toLowerCase())) det = undefined;
    // "last May 5": the determiner belongs to no TIMEX3 reading we can give; the date starts at the month.
    const start = m[1] && (!det || dayText || yearText || relYear) ? m.index + m[0].indexOf(monthWord) : m.index;
    if (relYear) {
      const value = relative('DCT', 'Y', OFFSET[relYear]!, dayText ? `-${pad2(month)}-${pad2(day)}` : `-${pad2(month)}`);
      return { start, end, type: 'DATE', value, rule: 'time.month-date' };
    }
    if (det === 'that' && start === m.index) return { start, end, type: 'DATE', value: relative('REF', 'Y', 0, `-${pad2(month)}`), rule: 'time.month-date' };
    // "the following March", "the previous October": counted from the date last told, not from the document's.
    if (det && det.startsWith('the ') && start === m.index) {
      return { start, end, type: 'DATE', value: relative('FOL', 'Y', /following|next/.test(det) ? 1 : -1, `-${pad2(month)}`), rule: 'time.month-date' };
    }
    if (det && start === m.index) return { start, end, type: 'DATE', value: relative('MON', month, OFFSET[det]!), rule: 'time.month-date' };
    if (!dayText && !yearText) {
      const before = wordBefore(text, start).toLowerCase();
      if (AMBIGUOUS.has(monthWord.toLowerCase())) {
        // "May" at a sentence start or after a subject is the verb; "the March" is a march. "May and June" stays a date.
        // "The March accession", "the May elections": after "the", a capitalised month before a noun modifies it.
        const modifier = before === 'the' && /^[A-Z]/.test(monthWord) && MONTH_AS_MODIFIER.test(text.slice(end, end + 24));
        if (!modifier && !DATE_CONTEXT.has(before) && !FOLLOWED_BY_MONTH.test(text.slice(end, end + 24)) && !PRECEDED_BY_MONTH.test(text.slice(Math.max(0, start - 16), start))) return null;
      }
      // A capitalised word before a month is usually part of a name ("Arab Spring", "Hotel April").
      if (/^[A-Z][a-z]+$/.test(before) && !DATE_CONTEXT.has(before.toLowerCase()) && !/^(?:The|Since|Until|Early|Late|Last|Next|This|By|From)$/.test(before) && text[start - before.length - 2] !== '.') {
        if (AMBIGUOUS.has(monthWord.toLowerCase())) return null;
      }
    }
    // "February 24 2023": a trailing comma was not consumed; nothing to fix. Strip a dangling "of".
    const year = yearText ? yearText : 'XXXX';
    const value = dayText ? `${year}-${pad2(month)}-${pad2(day)}` : `${year}-${pad2(month)}`;
    return { start, end, type: 'DATE', value, rule: 'time.month-date' };
  },
};

// Words before "that" that make it a demonstrative ("in that October"), not a conjunction.
const THAT_MONTH_AFTER = /^(?:in|by|during|until|till|since|from|through|throughout|of|on|before|after|early|late|mid|and|or)$/;

// A lower-case noun after the month, not a preposition or a verb ("the March on Washington", "the May was warm").
const MONTH_AS_MODIFIER = /^[ \t]+(?!(?:on|of|to|through|in|at|for|from|by|with|and|or|was|is|were|are|will|would|has|had)\b)[a-z]{3,}\b/;

// "April 24 and 25", "March 3-4": the second day of a pair shares the first one's month.
const SECOND_DAY = new RegExp(`(?<![\\w-])${MONTH_SRC.replace('(?:', '(')}[ \\t]+\\d{1,2}(?:st|nd|rd|th)?[ \\t]*(?:and|or|to|through|-|–)[ \\t]*(\\d{1,2})(?:st|nd|rd|th)?(?![\\w%:-]|[.,]\\d)`, 'g');

export const secondDayParser: TimeParser = {
  name: 'time.month-date',
  pattern: SECOND_DAY,
  extract(m) {
    const day = Number(m[2]);
    if (day < 1 || day > 31) return null;
    const end = m.index + m[0].length;
    const start = end - m[0].length + m[0].lastIndexOf(m[2]!);
    return { start, end, type: 'DATE', value: `XXXX-${pad2(monthNumber(m[1]!))}-${pad2(day)}`, rule: 'time.month-date' };
  },
};

// "20 to 23 March", "20 and 21 June 2023": the first day of a pair written day first shares the second's month (and
// year). Only the first day is taken here; the second is a day-first date of its own. A dash joins them too, written
// close ("17-19 June", "3–5 May"): a day after a hyphen is no code's part when a lone day number stands before it.
const FIRST_DAY = new RegExp(`(?<![\\w.,/:%-])(\\d{1,2})(?:st|nd|rd|th)?(?:[ \\t]*(?:and|or|to|through|until)[ \\t]+|[-–])\\d{1,2}(?:st|nd|rd|th)?[ \\t]+(?:of[ \\t]+)?${MONTH_SRC.replace('(?:', '(')}(?:,?[ \\t]+${YEAR})?(?![\\w])`, 'g');

export const firstDayParser: TimeParser = {
  name: 'time.month-date',
  pattern: FIRST_DAY,
  extract(m) {
    const day = Number(m[1]);
    if (day < 1 || day > 31) return null;
    const year = m[3] ?? 'XXXX';
    return { start: m.index, end: m.index + m[1]!.length, type: 'DATE', value: `${year}-${pad2(monthNumber(m[2]!))}-${pad2(day)}`, rule: 'time.month-date' };
  },
};
