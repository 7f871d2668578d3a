import { wordBefore, wordAfter, type TimeParser } from './time-parser.js';

// A four-digit year, or a decade ("1990s"), standing alone: not inside a number, an amount, a code or a range of pages.
const PATTERN = /(?<![\w$£€¥#.,/:-]|[A-Z]-)((?:1[5-9]|20)\d{2})(s|'s)?(?![\w%°/:-]|[.,]\d)/g;

// Words before a number that make it a label, not a year ("Resolution 2231", "page 1998").
const LABEL_BEFORE = /^(?:page|pages|p\.|pp\.|no\.|nos\.|number|article|articles|section|paragraph|para\.|resolution|resolutions|flight|route|room|chapter|annex|item|code|model|version|vol\.|volume|decision|rule|unit|ISO|approximately|some|nearly|than|only|total)$/i;
// Words after a number that make it a count ("2000 troops").
const COUNT_AFTER = /^(?:people|persons|individuals|troops|soldiers|men|women|children|refugees|members|cases|deaths|units|tons|tonnes|km|kilometres|kilometers|miles|metres|meters|feet|barrels|hectares|dollars|yen|euros|pounds|workers|jobs|students|votes|seats|delegates|participants|times|pages|words|points|shares|households|families|vehicles|homes|houses|rounds|calories|mw|kw|gw|bpd|hours|days|weeks|months|years|to\s+\d)$/i;
// Capitalised words that may stand before a year without making it part of a name.
const CAPITAL_OK = /^(?:In|On|Since|Until|Till|By|From|To|During|Through|Before|After|Of|And|Or|Early|Late|Mid|Mid-|Spring|Summer|Fall|Autumn|Winter|Fiscal|FY|Between|The|January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sep\.|Sept\.|Oct\.|Nov\.|Dec\.|As|At|For|Throughout|Circa|Around|About|Beginning|End|Year|Calendar|Last|This|Next|Only|Even|Also|But|Then|Until|Like|Unlike)$/;

export const yearParser: TimeParser = {
  name: 'time.year',
  pattern: PATTERN,
  extract(m, text) {
    const start = m.index;
    const end = start + m[0].length;
    const before = wordBefore(text, start);
    if (LABEL_BEFORE.test(before)) return null;
    const after = wordAfter(text, end);
    if (COUNT_AFTER.test(after)) return null;
    // "Vostok 2022", "Tokyo 2020", "Agenda 2030": a name, unless the word before is a month or a preposition.
    if (/^[A-Z][\w-]*$/.test(before) && !CAPITAL_OK.test(before)) {
      const atSentenceStart = /[.!?]["”’)]?\s*$/.test(text.slice(Math.max(0, start - before.length - 4), start - before.length));
      if (!atSentenceStart || /^[A-Z]{2,}$/.test(before)) return null;
    }
    if (m[2]) {
      // A decade: "1990s" -> 199, the TIMEX3 value for the decade.
      if (!m[1]!.endsWith('0')) return null;
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
