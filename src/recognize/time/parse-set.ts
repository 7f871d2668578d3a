import { MONTH_SRC, PART_OF_DAY_SRC, SEASON_CODE, SEASON_SRC, WEEKDAY_NUMBER, WEEKDAY_SRC, UNIT_SRC, durationValue, unitOf, monthNumber } from './lexicon.js';
import { COUNT_SRC, parseNumberWords } from './number-words.js';
import { pad2, type TimeParser } from './time-parser.js';

// "every year", "each week", "every two years", "every Monday", "every March", "each spring", "daily", "annually",
// "twice a year".
const PATTERN = new RegExp(
  `(?<![\\w-])(?:(?:every|each)[ \\t]+(?:(other|second|third|fourth|fifth|sixth)[ \\t]+|(${COUNT_SRC})[ \\t]+)?(?:${UNIT_SRC.replace('(?:', '(')}|(${WEEKDAY_SRC})|${MONTH_SRC.replace('(?:', '(')}|(${PART_OF_DAY_SRC})|(${SEASON_SRC}))` +
    `|(daily|weekly|monthly|annually|yearly|quarterly|hourly|nightly|biannually|biennially|semiannually|semi-annually|bi-annually)` +
    `|(?:(once|twice|three[ \\t]+times|\\d+[ \\t]+times)[ \\t]+(?:a|an|per|each)[ \\t]+(year|month|week|day|decade|quarter)))(?![\\w-])`,
  'gi',
);

const AMOUNT_BEFORE = /(?:^|[^\w-])(?:\d[\d.,]*%?|percent|million|billion|thousand|cents?|dollars|shares|units|barrels|tons|tonnes)[ \t]+$/i;

const ADVERB: Record<string, string> = {
  daily: 'P1D', weekly: 'P1W', monthly: 'P1M', annually: 'P1Y', yearly: 'P1Y', quarterly: 'P1Q', hourly: 'PT1H',
  nightly: 'TNI', biannually: 'P6M', semiannually: 'P6M', biennially: 'P2Y', 'semi-annually': 'P6M', 'bi-annually': 'P6M',
};
// "every other year", "every second year", "each third month": one in so many.
const ORDINAL_STEP: Record<string, number> = { other: 2, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6 };

// Words that follow a verb's adverb, not an adjective's noun (no coordinating conjunction: see below).
const ADVERB_FOLLOWER = /^[ \t]+(?:with|to|by|in|at|on|for|from|until|since|as|through|during|thereafter|instead|throughout|via|unless|if|when|while|because)\b/;

export const setParser: TimeParser = {
  name: 'time.set',
  pattern: PATTERN,
  extract(m, text) {
    const start = m.index;
    const end = start + m[0].length;
    const set = (value: string) => ({ start, end, type: 'SET' as const, value, rule: 'time.set' });
    // "quarterly dividend", "annual report": the adjective before a noun is not a set of times. Before a preposition
    // or a subordinating conjunction it is the adverb ("reviews them monthly with partners", "paid monthly in
    // arrears"). Before "and" it is left out: TimeBank does not mark "adjusted quarterly and will reflect".
    // After an article it is a noun ("the weekly in Boston", a newspaper).
    if (m[8] && /^(?:quarterly|monthly|weekly)$/i.test(m[8]) && /^[ \t]+[a-z]/.test(text.slice(end, end + 3))) {
      if (!ADVERB_FOLLOWER.test(text.slice(end, end + 16)) || /(?:^|[^\w-])(?:the|a|an|this|that|its|his|her|their|our)[ \t]+$/i.test(text.slice(Math.max(0, start - 8), start))) return null;
    }
    // "the Communist Party daily Granma": a newspaper.
    if (m[8] && /^[ \t]+[A-Z]/.test(text.slice(end, end + 3)) && /[A-Z][\w-]*[ \t]+$/.test(text.slice(Math.max(0, start - 20), start))) return null;
    // "to rise 8.5% annually", "10,000 units annually": a rate of an amount, as "$2 million a year" is, not times
    // that recur.
    if (m[8] && AMOUNT_BEFORE.test(text.slice(Math.max(0, start - 24), start))) return null;
    if (m[8]) return set(ADVERB[m[8].toLowerCase()]!);
    if (m[9]) return set(durationValue(1, m[10]!.toLowerCase()));
    if (m[7]) return set(`XXXX-${SEASON_CODE[m[7].toLowerCase()]}`);
    if (m[4]) return set(`XXXX-WXX-${WEEKDAY_NUMBER[m[4].toLowerCase()]}`);
    if (m[5]) return set(`XXXX-${pad2(monthNumber(m[5]))}`);
    if (m[6]) return set(`XXXX-XX-XXT${m[6].toLowerCase().startsWith('morn') ? 'MO' : m[6].toLowerCase().startsWith('after') ? 'AF' : m[6].toLowerCase().startsWith('even') ? 'EV' : 'NI'}`);
    const n = m[1] ? ORDINAL_STEP[m[1].toLowerCase()]! : m[2] ? parseNumberWords(m[2]) : 1;
    return set(durationValue(n > 0 ? n : 'X', unitOf(m[3]!)));
  },
};
