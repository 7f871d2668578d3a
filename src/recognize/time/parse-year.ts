import { wordBefore, wordAfter, type TimeParser } from './time-parser.js';

// A four-digit year, or a decade ("1990s"), standing alone: not inside a number, an amount, a code or a range of pages.
// The regex starts on the digits so that it scans fast; what may stand before them is checked in code (yearMayStart).
// A colon right after it joins it to what follows ("2018:12", a ratio or a reference); a colon and a space set a label
// off ("Early 2018: the plan is adopted", an entry of a chronology).
// A hyphen joins it to a second year ("the plan period 2021-2025"), which refine-ranges makes one range as it does
// "2021–2025" with an en dash; any other hyphen after it makes a code ("2021-A3", "2022-02-24").
const PATTERN = /((?:1[5-9]|20)\d{2})(s|'s)?(?!(?!-(?:1[5-9]|20)\d{2}(?![\w%°/-]|[.,]\d))[\w%°/-]|:(?![ \t\n])|[.,]\d)/g;

// "2021-2025": the first of two years joined by a hyphen, written close, itself after no code character.
const YEAR_HYPHEN_BEFORE = /(?:^|[^\w$£€¥#.,/:-])((?:1[5-9]|20)\d{2})-$/;

// "mid-1996", "early-1990s", "end-2024" (wire style): a hyphen after an edge word is no range or code.
const EDGE_HYPHEN = /(?:^|[^\w-])(?:[Mm]id|[Ee]arly|[Ll]ate|[Pp]ost|[Pp]re|[Ee]nd|[Ss]tart)-$/;
const NOT_BEFORE_NUMBER = /[\w$£€¥#.,/:-]/;

/** Whether a number may start at `at`: not inside a word, number, amount or code ("A-1990" is a code too). */
export function yearMayStart(text: string, at: number): boolean {
  if (at === 0) return true;
  const c = text[at - 1]!;
  if (!NOT_BEFORE_NUMBER.test(c)) return true;
  return c === '-' && EDGE_HYPHEN.test(text.slice(Math.max(0, at - 7), at));
}

/**
 * Whether a year and the one before it, joined by a hyphen ("2021-2025"), make a range: the second later than the
 * first and within a century of it, so that "2025-2021" or "1999-2199" stay codes.
 */
function hyphenRange(first: string, second: string): boolean {
  const a = Number(first);
  const b = Number(second);
  return b > a && b - a <= 100;
}

// Words before a number that make it a label, not a year ("Resolution 2231", "page 1998").
const LABEL_BEFORE = /^(?:page|pages|p\.|pp\.|no\.|nos\.|number|article|articles|section|paragraph|para\.|resolution|resolutions|flight|route|room|chapter|annex|item|code|model|version|vol\.|volume|decision|rule|unit|ISO|approximately|some|nearly|than|only|total)$/i;
// A resolution's or decision's number (70/1 for the General Assembly's) before a bracket, alone or after another
// symbol of a list.
const SYMBOL_YEAR_BEFORE = /(?:(?:^|[^\w])(?:[Rr]esolutions?|[Dd]ecisions?|RES\/)[ \t]*\d{1,4}(?:\/\d{1,4})*|\d{1,4}[ \t]*\((?:19|20)\d{2}\),?[ \t]+(?:and[ \t]+)?\d{1,4}(?:\/\d{1,4})*)[ \t]*\($/;
// Words after a number that make it a count ("2000 troops").
const COUNT_AFTER = /^(?:people|persons|individuals|troops|soldiers|men|women|children|refugees|members|cases|deaths|units|tons|tonnes|km|kilometres|kilometers|miles|metres|meters|feet|barrels|hectares|dollars|yen|euros|pounds|workers|jobs|students|votes|seats|delegates|participants|times|pages|words|points|shares|households|families|vehicles|homes|houses|rounds|calories|mw|kw|gw|bpd|hours|days|weeks|months|years|to\s+\d)$/i;
// Capitalised words that may stand before a year without making it part of a name.
const CAPITAL_OK = /^(?:A|An|That|This|These|Those|Its|His|Her|Their|Our|Each|Every|In|On|Since|Until|Till|By|From|To|During|Through|Before|After|Of|And|Or|Early|Late|Mid|Mid-|Spring|Summer|Fall|Autumn|Winter|Fiscal|FY|Between|The|January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sep\.|Sept\.|Oct\.|Nov\.|Dec\.|As|At|For|Throughout|Circa|Around|About|Beginning|End|Year|Calendar|Last|This|Next|Only|Even|Also|But|Then|Until|Like|Unlike)$/;

// Capitalised nouns naming a plan by its target year.
const TARGET_NAME_AFTER = /^(?:Agenda|Strategy|Vision|Roadmap|Blueprint|Framework|Compact|Goals|Targets)$/;

const RANGE_OF_YEARS_BEFORE = /(?:^|[^\w-])(?:[Bb]etween|[Ff]rom)[ \t]+(?:1[5-9]|20)\d{2}[ \t]+(?:and|to|until|till|through)[ \t]+$/;

/**
 * Whether the capitalised word before a year at `lead` makes it part of a name ("Vostok 2022", "Tokyo 2020", "Agenda
 * 2030", "Annual Report 2022–23"): not when that word is a month or a preposition, or opens a sentence.
 */
export function nameBeforeYear(text: string, lead: number, before = wordBefore(text, lead)): boolean {
  if (!/^[A-Z][\w-]*$/.test(before) || CAPITAL_OK.test(before)) return false;
  const atSentenceStart = /[.!?]["”’)]?\s*$/.test(text.slice(Math.max(0, lead - before.length - 4), lead - before.length));
  return !atSentenceStart || /^[A-Z]{2,}$/.test(before);
}

/** Whether the word before a number makes it a label ("Resolution 2231", "page 1998"), not a year. */
export function labelBeforeYear(text: string, lead: number): boolean {
  return LABEL_BEFORE.test(wordBefore(text, lead));
}

export const yearParser: TimeParser = {
  name: 'time.year',
  pattern: PATTERN,
  extract(m, text) {
    const start = m.index;
    const end = start + m[0].length;
    // The second year of "2021-2025" starts after a hyphen; the first must be a year that may start there.
    const firstOfPair = text[start - 1] === '-' ? YEAR_HYPHEN_BEFORE.exec(text.slice(Math.max(0, start - 6), start)) : null;
    if (firstOfPair) {
      if (m[2] || text[end] === '-' || !hyphenRange(firstOfPair[1]!, m[1]!) || !yearMayStart(text, start - 5)) return null;
    } else if (!yearMayStart(text, start)) return null;
    // The first year of "2021-2025" is one only when the second makes a range with it.
    if (!firstOfPair && text[end] === '-') {
      const second = text.slice(end + 1, end + 5);
      if (m[2] || !hyphenRange(m[1]!, second) || COUNT_AFTER.test(wordAfter(text, end + 5))) return null;
    }
    // What stands before the pair decides for both years ("Resolution 2021-2025" is a label).
    const lead = firstOfPair ? start - 5 : start;
    const before = wordBefore(text, lead);
    if (LABEL_BEFORE.test(before)) return null;
    // "resolution 2719 (2023)", "resolutions 2231 (2015) and 2270 (2016)": the year in brackets after a resolution's
    // or decision's number is part of its symbol, the year of adoption, not a time the text speaks of.
    if (text[start - 1] === '(' && text[end] === ')' && SYMBOL_YEAR_BEFORE.test(text.slice(Math.max(0, start - 40), start))) return null;
    const after = wordAfter(text, end);
    // "between 1947 and 1949 refugees fled": the second end of a range of years is a year whatever noun follows.
    if (COUNT_AFTER.test(after) && !RANGE_OF_YEARS_BEFORE.test(text.slice(Math.max(0, start - 24), start))) return null;
    if (nameBeforeYear(text, lead, before)) return null;
    // "the 2030 Agenda", "the 2050 Strategy": a target year in a plan's name is no time the text speaks of, as "Agenda
    // 2030" is not; lower case ("the 2030 targets") it stays the year.
    if (!firstOfPair && !m[2] && /^the$/i.test(before) && TARGET_NAME_AFTER.test(after)) return null;
    // "1988's fourth quarter": a possessive year, not a decade.
    if (m[2] && m[2] !== 's' && !m[1]!.endsWith('0')) return { start, end: start + 4, type: 'DATE', value: m[1]!, rule: 'time.year' };
    if (m[2]) {
      // A decade: "1990s" -> 199, the TIMEX3 value for the decade.
      if (!m[1]!.endsWith('0')) return null;
      // "the 1600s", "the early 1900s": a year of hundreds names its century (16, 19), as the ordinal would; "the 2000s"
      // stays the decade its readers mean.
      if (m[1]!.endsWith('00') && m[1]! < '2000') return { start, end, type: 'DATE', value: m[1]!.slice(0, 2), rule: 'time.century' };
      return { start, end, type: 'DATE', value: m[1]!.slice(0, 3), rule: 'time.decade' };
    }
    return { start, end, type: 'DATE', value: m[1]!, rule: 'time.year' };
  },
};

// "fiscal 1998", "fiscal year 2022", "FY2022", "FY 2022/23".
const FISCAL = /(?<![\w-])(?:fiscal(?:[ \t]+year)?[ \t]+((?:19|20)\d{2})|FY[ \t]?((?:19|20)\d{2}|\d{2}))(?:\/\d{2,4})?(?![\w-])/gi;

export const fiscalYearParser: TimeParser = {
  name: 'time.fiscal-year',
  pattern: FISCAL,
  extract(m) {
    const raw = m[1] ?? m[2]!;
    const year = raw.length === 2 ? (Number(raw) > 50 ? '19' : '20') + raw : raw;
    return { start: m.index, end: m.index + m[0].length, type: 'DATE', value: year, rule: 'time.fiscal-year' };
  },
};

// "2022-02-24", "24/02/2022", "2/24/2022".
const NUMERIC = /(?<![\w.\/-])(?:((?:19|20)\d{2})-(\d{2})-(\d{2})|(\d{1,2})\/(\d{1,2})\/((?:19|20)?\d{2}))(?![\w\/-]|\.\d)/g;

export const numericDateParser: TimeParser = {
  name: 'time.numeric-date',
  pattern: NUMERIC,
  extract(m) {
    let y: number, mo: number, d: number;
    if (m[1]) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    else {
      const a = Number(m[4]), b = Number(m[5]);
      y = Number(m[6]!.length === 2 ? (Number(m[6]) > 50 ? '19' : '20') + m[6] : m[6]);
      // Month first unless the first number cannot be a month (news convention; day-first when forced).
      [mo, d] = a > 12 ? [b, a] : [a, b];
    }
    if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
    const value = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    return { start: m.index, end: m.index + m[0].length, type: 'DATE', value, rule: 'time.numeric-date' };
  },
};

// Decades written short or in words: "the '80s", "the mid-'90s", "the eighties" (TIMEX3 value: the decade's first three digits).
const DECADE_WORDS: Record<string, string> = { twenties: '2', thirties: '3', forties: '4', fifties: '5', sixties: '6', seventies: '7', eighties: '8', nineties: '9' };
// Found by the decade itself; the edge words and the article before it are checked in code.
const SHORT_DECADE = /['’]([2-9])0s(?![\w'-])|(ties)(?![\w'-])/gi;
const DECADE_WORD_HEAD = /(?:^|[^\w-])((?:twen|thir|for|fif|six|seven|eigh|nine))$/i;
const WORD_DECADE_BEFORE = /(?:^|[^\w-])([Tt]he[ \t]+)((?:early|late|mid)[ \t-]+)?$/;

export const shortDecadeParser: TimeParser = {
  name: 'time.decade',
  pattern: SHORT_DECADE,
  extract(m, text) {
    let start = m.index;
    let word = '';
    if (m[1]) {
      // "the '80s", "mid-'90s": not inside a word or a quotation.
      const c = text[start - 1];
      if (c !== undefined && /[\w'’]/.test(c)) return null;
      if (c === '-' && !EDGE_HYPHEN.test(text.slice(Math.max(0, start - 7), start))) return null;
    } else {
      // The regex found "ties": the word must be a decade ("eighties"), after an article ("in their forties" is an age).
      const head = DECADE_WORD_HEAD.exec(text.slice(Math.max(0, start - 6), start));
      if (!head) return null;
      start -= head[1]!.length;
      word = text.slice(start, m.index + m[0].length).toLowerCase();
      const b = WORD_DECADE_BEFORE.exec(text.slice(Math.max(0, start - 16), start));
      if (!b || text[start] !== text[start]!.toLowerCase()) return null;
      // The article joins the timex; "the early" is added by the modifier refiner.
      if (!b[2]) start -= b[1]!.length;
    }
    const digit = m[1] ?? DECADE_WORDS[word]!;
    return { start, end: m.index + m[0].length, type: 'DATE', value: `19${digit}`, rule: 'time.decade' };
  },
};

// Centuries by ordinal: "the 20th century", "the nineteenth century" (TIMEX3 value: the century's first two digits, "19").
const CENTURY_ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11,
  twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19,
  twentieth: 20, 'twenty-first': 21,
};
// Found by the word "century"; the ordinal before it is read in code.
const CENTURY = /\bcentury(?![\w-])/gi;
// "mid-nineteenth century", "early-twentieth-century": an edge word joined by a hyphen stands before the ordinal.
const ORDINAL_BEFORE = /(?:^|[^\w-]|(?<=(?:^|[^\w-])(?:[Mm]id|[Ee]arly|[Ll]ate)-))((?:(\d{1,2})(?:st|nd|rd|th)|(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first))[ \t-]+)$/i;

export const centuryParser: TimeParser = {
  name: 'time.century',
  pattern: CENTURY,
  extract(m, text) {
    const o = ORDINAL_BEFORE.exec(text.slice(Math.max(0, m.index - 24), m.index));
    if (!o) return null;
    const n = o[2] ? Number(o[2]) : CENTURY_ORDINALS[o[3]!.toLowerCase()]!;
    if (n < 1 || n > 21) return null;
    const start = m.index - o[1]!.length;
    return { start, end: m.index + m[0].length, type: 'DATE', value: String(n - 1).padStart(2, '0'), rule: 'time.century' };
  },
};
