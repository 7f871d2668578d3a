import { COUNT_SRC, parseNumberWords } from './number-words.js';
import { durationValue, unitOf } from './lexicon.js';
import { RELATIVE_UNIT_OF, relative, type RelativeBase } from './relative-value.js';
import type { TimeParser, TimexCandidate } from './time-parser.js';

const UNIT = '(decade|year|quarter|month|week|day)';

// "last year", "this month", "earlier this year", "later that month", "the same day", "the following year",
// "the year before", "the previous week", "the current quarter", "the year".
const DEICTIC = new RegExp(
  `(?<![\\w-])(?:(earlier|later|early|late)[ \\t]+)?(this|last|next|past|coming|that|the[ \\t]+same|the[ \\t]+previous|the[ \\t]+preceding|the[ \\t]+following|the[ \\t]+next|the[ \\t]+current|the[ \\t]+latest|the[ \\t]+last|the[ \\t]+past|the[ \\t]+coming|the)[ \\t]+${UNIT}(?:[ \\t]+(before|earlier|after|later))?(?![\\w-])`,
  'gi',
);

const DET: Record<string, [RelativeBase, number]> = {
  this: ['DCT', 0], last: ['DCT', -1], next: ['DCT', 1], that: ['REF', 0], 'the same': ['REF', 0],
  'the previous': ['REF', -1], 'the preceding': ['REF', -1], 'the following': ['REF', 1], 'the next': ['REF', 1],
  'the current': ['DCT', 0], 'the latest': ['DCT', -1], the: ['REF', 0],
};

export const deicticUnitParser: TimeParser = {
  name: 'time.relative-unit',
  pattern: DEICTIC,
  extract(m, text) {
    const start = m.index;
    const end = start + m[0].length;
    const edge = m[1]?.toLowerCase();
    const det = m[2]!.toLowerCase().replace(/\s+/g, ' ');
    const unit = m[3]!.toLowerCase();
    const after = m[4]?.toLowerCase();
    const code = RELATIVE_UNIT_OF[unit]!;
    const mod: TimexCandidate['mod'] = edge === 'early' ? 'START' : edge === 'late' ? 'END' : undefined;
    // "the past year", "the last week", "the coming months": spans of time reaching to now.
    if (det === 'past' || det === 'the past' || det === 'the last' || det === 'the coming' || det === 'coming') {
      if (edge) return null;
      return { start, end, type: 'DURATION', value: durationValue(1, unit), rule: 'time.relative-unit' };
    }
    if (after) {
      // "the year before", "the day after": relative to the last date mentioned.
      if (det !== 'the') return null;
      const offset = after === 'before' || after === 'earlier' ? -1 : 1;
      return { start, end, type: 'DATE', value: relative('REF', code, offset), rule: 'time.relative-unit' };
    }
    if (det === 'the') {
      // "the year" and "the day" alone are anchored on the narrative; "the day of the attack" is not a date.
      if (/^[ \t]+(?:of|when|that|in which|on which|before|after)\b/.test(text.slice(end, end + 10))) return null;
      if (edge) return null;
    }
    const [base, offset] = DET[det]!;
    return { start, end, type: 'DATE', value: relative(base, code, offset), ...(mod ? { mod } : {}), rule: 'time.relative-unit' };
  },
};

// "two years ago", "a year earlier", "three days later", "77 years after", "a week from now".
const OFFSET = new RegExp(
  `(?<![\\w-])(${COUNT_SRC})[ \\t-]+(decades?|years?|quarters?|months?|weeks?|days?)[ \\t]+(ago|earlier|later|before|after|afterwards?|from[ \\t]+now|hence)(?![\\w-])`,
  'gi',
);

export const offsetParser: TimeParser = {
  name: 'time.offset',
  pattern: OFFSET,
  extract(m, text) {
    const start = m.index;
    const end = start + m[0].length;
    const n = parseNumberWords(m[1]!);
    if (!(n > 0)) return null;
    const unit = unitOf(m[2]!);
    const code = RELATIVE_UNIT_OF[unit]!;
    const word = m[3]!.toLowerCase();
    // "one year after the aggression" is anchored on an event, not a date: the length alone is a duration.
    if ((word === 'after' || word === 'before') && /^[ \t]+(?:the|a|an|its|his|her|their|this|that|[A-Z0-9])/.test(text.slice(end, end + 6))) {
      const durEnd = start + m[0].length - m[3]!.length;
      return { start, end: durEnd - (text[durEnd - 1] === ' ' ? 1 : 0), type: 'DURATION', value: durationValue(n, unit), rule: 'time.duration' };
    }
    const sign = word === 'ago' || word === 'earlier' || word === 'before' ? -1 : 1;
    const base: RelativeBase = word === 'ago' || word.startsWith('from') || word === 'hence' ? (unit === 'year' ? 'AGO' : 'DCT') : word === 'earlier' ? 'ADAPT' : 'REF';
    return { start, end, type: 'DATE', value: relative(base, code, sign * n), rule: 'time.offset' };
  },
};

// "year-earlier", "year-ago": adjectives that compare with the same period a year before.
const YEAR_AGO = /(?<![\w-])(?:the[ \t]+)?year[- ](?:earlier|ago)(?:[ \t]+(?:quarter|period|month|level|levels|figure|figures))?(?![\w-])/gi;

export const yearAgoParser: TimeParser = {
  name: 'time.year-ago',
  pattern: YEAR_AGO,
  extract(m) {
    return { start: m.index, end: m.index + m[0].length, type: 'DATE', value: relative('ADAPT', 'Y', -1), rule: 'time.year-ago' };
  },
};
